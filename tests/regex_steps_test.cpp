// regex_lite's step budget (ICU's time limit: 10,000,000 steps plus 160 a
// byte) counts the steps of every start of one search together: a pattern
// that fails late at each of many starts runs out of it though no single
// start does (Program::Run hands its local count back at each return).
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "regex_lite.h"

namespace noticetab {
namespace {

TEST_CASE("regex_lite: the step budget spans all the starts of a search", "[regex]") {
  const auto program = regex_lite::Compile("a*b");
  REQUIRE(program);
  std::vector<size_t> caps;
  // About n * n / 2 steps in all (each start takes the a's after it), at
  // most n in one start.
  const std::string many(12'000, 'a');
  CHECK(program->Search(many, 0, caps) == regex_lite::Program::Result::kTooLong);
  // Well inside it: no match, and no give-up.
  const std::string few(2'000, 'a');
  CHECK(program->Search(few, 0, caps) == regex_lite::Program::Result::kNoMatch);
  CHECK(program->Search(few + "b", 0, caps) == regex_lite::Program::Result::kMatch);
}

}  // namespace
}  // namespace noticetab
