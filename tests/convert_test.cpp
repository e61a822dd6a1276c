// The whole pipeline on small notices: how it degrades on what it cannot read.
#include <catch2/catch.hpp>

#include "test_util.h"

using namespace noticetab;

namespace {

bool Has(const std::vector<std::string>& ws, const std::string& needle) {
  for (const auto& w : ws)
    if (w.find(needle) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("an unknown table layout still gives the outline and front matter, with a warning", "[convert]") {
  Document doc = Convert(Decode("某县人民政府办公室关于印发2024年工作要点的通知\n\n某政办发〔2024〕1号\n\n"
                                "一、加强管理\n\n（一）做好公开。做好信息公开工作。\n\n附件\n\n"
                                "事项\t说明\t备考\n做好公开\t做好信息公开工作。\t无\n",
                                "t.txt"),
                         BuiltinRules());
  CHECK(doc.layout == "none");
  CHECK(doc.document.number == std::optional<std::string>("某政办发〔2024〕1号"));
  REQUIRE(doc.sections.size() == 1);
  CHECK(doc.sections[0].items.size() == 1);
  CHECK(Has(doc.warnings, "no task table recognized"));
}

TEST_CASE("a notice with no table and no headings: empty outline, warnings, no tasks", "[convert]") {
  Document doc = Convert(Decode("这是一段没有编号的文字。\n第二段文字。\n", "t.txt"), BuiltinRules());
  CHECK(doc.sections.empty());
  CHECK(doc.tasks.empty());
  CHECK(Has(doc.warnings, "outline is empty"));
  CHECK(Has(doc.warnings, "no task table recognized"));
}
