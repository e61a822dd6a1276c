// Regex::Contains answers a pattern that is only literal runs before its $
// ((通知|意见)$) by comparing the text's end, without a search: it must say
// what a search says (Find searches), on texts that end so, end so before a
// line terminator, hold the run elsewhere, or are empty.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "noticetab/text.h"

namespace noticetab {
namespace {

TEST_CASE("Regex: a pattern of trailing runs only is answered by the text's end as a search answers it",
          "[regex]") {
  const std::vector<std::string> patterns = {"(通知|意见|函)$", "(?:通知|意见|函)$", "通知$", "(通知)$",
                                             // not only runs: searched as before
                                             "^(通知|意见)$", "关于.*(通知|意见)$", "(?<t>通知|意见)$"};
  const std::vector<std::string> texts = {
      "关于印发工作要点的通知", "通知", "关于加快推进的实施意见", "公函", "通知的附件", "关于印发某方案",
      "的通知\n", "的通知 ", "", "意", "知", "关于某事项的通知。", "X通知", "通知通知"};
  for (const auto& p : patterns) {
    const Regex re(p);
    for (const auto& t : texts) {
      INFO(p << " on '" << t << "'");
      CHECK(re.Contains(t) == re.Find(t).found);
    }
  }
  CHECK(Regex("(通知|意见|函)$").Contains("关于某事的函"));
  CHECK_FALSE(Regex("(通知|意见|函)$").Contains("函数"));
}

}  // namespace
}  // namespace noticetab
