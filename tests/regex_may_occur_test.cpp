// Regex::MayOccurIn gates a search of a text's pieces with an anchored
// pattern (clauses.cpp ReadOpening tries each sentence): it must not say no
// where some piece matches, whatever the anchors, and says no where a
// required literal is missing.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "noticetab/text.h"

namespace noticetab {
namespace {

TEST_CASE("Regex::MayOccurIn: no only where no piece of the text can match", "[regex]") {
  const Regex opening("^(?<c>[^，。]{2,20}?(?:牵头|负责)[，][^。]{2,40}?(?:配合|参与))(?=[，。]|$)");
  const std::string text = "稳定汽车消费。县商务局负责，县财政局配合，落实补贴政策。";
  CHECK_FALSE(opening.Find(text).found);  // anchored: not at the text's start
  CHECK(opening.Find(std::string_view(text).substr(text.find("县商务局"))).found);
  CHECK(opening.MayOccurIn(text));  // the anchor is not looked at
  CHECK_FALSE(opening.MayOccurIn("稳定汽车消费。县商务局负责落实补贴政策。"));  // no 配合 or 参与
  CHECK_FALSE(opening.MayOccurIn("县财政局配合。"));                          // no 牵头 or 负责
  CHECK_FALSE(opening.MayOccurIn(""));
  // A pattern with no literal run: may occur anywhere.
  CHECK(Regex("^[^，]{2,4}$").MayOccurIn("abc"));
}

}  // namespace
}  // namespace noticetab
