#include "noticetab/error.h"

#include <catch2/catch.hpp>

using noticetab::Error;

TEST_CASE("Error::Format leaves out unknown parts of the position", "[error]") {
  CHECK(Error(Error::Kind::kRules, "bad key", "rules/x.yaml", 3, 7).Format() ==
        "rules/x.yaml:3:7: bad key");
  CHECK(Error(Error::Kind::kRules, "bad key", "rules/x.yaml", 3).Format() ==
        "rules/x.yaml:3: bad key");
  CHECK(Error(Error::Kind::kInput, "cannot read: is a directory", "in").Format() ==
        "in: cannot read: is a directory");
  CHECK(Error(Error::Kind::kUsage, "unknown option").Format() == "unknown option");
  CHECK(Error(Error::Kind::kRules, "bad key", "", 2, 4).Format() == "2:4: bad key");
}

TEST_CASE("Error keeps its parts and what() has the position", "[error]") {
  const Error e(Error::Kind::kOutput, "disk full", "out.csv", 9, 2, "a,b");
  CHECK(e.kind() == Error::Kind::kOutput);
  CHECK(e.message() == "disk full");
  CHECK(e.file() == "out.csv");
  CHECK(e.line() == 9);
  CHECK(e.col() == 2);
  CHECK(std::string(e.what()) == "out.csv:9:2: disk full");
}

TEST_CASE("Error::Format puts a caret under the column", "[error]") {
  CHECK(Error(Error::Kind::kRules, "expected ':'", "r.yaml", 4, 3, "ab cd").Format() ==
        "r.yaml:4:3: expected ':'\nab cd\n  ^");
  CHECK(Error(Error::Kind::kRules, "here", "r.yaml", 1, 1, "x").Format() ==
        "r.yaml:1:1: here\nx\n^");
}

TEST_CASE("Error::Format counts CJK characters as two columns", "[error]") {
  // Column 5 is 'a'; 名 and 称 each take two terminal columns.
  CHECK(Error(Error::Kind::kRules, "unknown key", "r.yaml", 3, 5, "名称: abc").Format() ==
        "r.yaml:3:5: unknown key\n名称: abc\n      ^");
  // Full-width punctuation is wide too; tabs are copied so they expand alike.
  CHECK(Error(Error::Kind::kRules, "x", "r.yaml", 2, 4, "\t（一）").Format() ==
        "r.yaml:2:4: x\n\t（一）\n\t    ^");
}

TEST_CASE("Error::Format with a line but no column, or past the end", "[error]") {
  CHECK(Error(Error::Kind::kRules, "bad", "r.yaml", 2, 0, "key: [").Format() ==
        "r.yaml:2: bad\nkey: [");
  CHECK(Error(Error::Kind::kRules, "unterminated", "r.yaml", 2, 7, "key: [").Format() ==
        "r.yaml:2:7: unterminated\nkey: [\n      ^");
}
