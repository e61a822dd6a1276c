// The README's architecture table ("| file | its one job |") names every
// source file and header under src/ and include/: a file added or moved
// without its row fails here.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "test_util.h"

using noticetab::testing::ReadFile;
using noticetab::testing::SourceDir;

TEST_CASE("README architecture table names every file of src/ and include/", "[docs]") {
  const std::string readme = ReadFile(SourceDir() + "/README.md");
  const size_t begin = readme.find("| file | its one job |");
  REQUIRE(begin != std::string::npos);
  const size_t end = readme.find("\n## ", begin);
  const std::string table = readme.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
  int files = 0;
  for (const char* dir : {"src", "include"}) {
    for (const auto& e : std::filesystem::recursive_directory_iterator(SourceDir() + "/" + dir)) {
      const std::string ext = e.path().extension().string();
      if (!e.is_regular_file() || (ext != ".cpp" && ext != ".h")) continue;
      ++files;
      // Named in backquotes, alone (`stages.h`) or with its path (`src/stages.h`).
      const std::string name = e.path().filename().string();
      INFO(e.path().string());
      CHECK((table.find("`" + name + "`") != std::string::npos ||
             table.find("/" + name + "`") != std::string::npos));
    }
  }
  CHECK(files > 50);
}
