// The command line as a user meets it: formats, stdin, -o, exit codes and
// messages. Runs the built binary (build/noticetab) from the source dir.
#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>
#include <algorithm>
#include <fstream>

#include "test_util.h"

using namespace noticetab::testing;

namespace {

int CountCsvRecords(const std::string& csv) {
  // RFC 4180: newlines inside quotes do not end a record.
  int records = 0;
  bool quoted = false;
  for (char c : csv) {
    if (c == '"') quoted = !quoted;
    if (c == '\n' && !quoted) ++records;
  }
  return records;
}

}  // namespace

TEST_CASE("--help and --version exit 0", "[cli]") {
  auto h = RunCli("--help");
  CHECK(h.status == 0);
  CHECK(h.out.find("--format") != std::string::npos);
  auto v = RunCli("--version");
  CHECK(v.status == 0);
  CHECK(v.out.rfind("noticetab ", 0) == 0);
}

TEST_CASE("bad usage exits 2 with a message", "[cli]") {
  auto r = RunCli("-f docx samples/linyi-2023.txt");
  CHECK(r.status == 2);
  CHECK(r.err.find("unknown format 'docx'") != std::string::npos);
  CHECK(RunCli("< /dev/null").status == 0);  // no file: stdin, when it is not a terminal
  CHECK(RunCli("--no-such-option x").status == 2);
  CHECK(RunCli("--year abc samples/linyi-2023.txt").status == 2);
}

TEST_CASE("a missing input exits 1 naming the file; the others still convert", "[cli]") {
  auto r = RunCli("-f csv samples/linyi-2023.txt no/such/file.txt");
  CHECK(r.status == 1);
  CHECK(r.err.find("no/such/file.txt") != std::string::npos);
  CHECK(CountCsvRecords(r.out) == 1 + 65);
}

TEST_CASE("stdin is read with '-' and named '-'", "[cli]") {
  auto r = RunCli("-f json - < samples/linyi-2023.txt");
  REQUIRE(r.status == 0);
  CHECK(r.out.find("\"source\": \"-\"") != std::string::npos);
  CHECK(r.out.find("临政办字〔2023〕45号") != std::string::npos);
}

TEST_CASE("-f csv over all samples: a header and 220 task rows", "[cli]") {
  auto r = RunCli("-f csv samples/*.txt");
  REQUIRE(r.status == 0);
  CHECK(r.out.rfind("source,id,seq,section_no,section_title,item_no,item_title,content,units,lead_units,"
                    "support_units,deadline,deadline_date,deadline_kind,first_line,last_line,warnings,table,page,"
                    "leaders,remarks\n",
                    0) == 0);
  CHECK(CountCsvRecords(r.out) == 1 + 220);
}

TEST_CASE("--excel adds a BOM and CRLF; -o writes the file", "[cli]") {
  std::string out = "/tmp/noticetab-cli-excel.csv";
  auto r = RunCli("-f csv --excel -o " + out + " samples/zhaoyuan-2023.txt");
  REQUIRE(r.status == 0);
  CHECK(r.out.empty());
  std::string csv = ReadFile(out);
  CHECK(csv.rfind("\xEF\xBB\xBF" "source,id,", 0) == 0);
  CHECK(csv.find("\r\n") != std::string::npos);
  std::remove(out.c_str());
}

TEST_CASE("YAML output parses back and carries the same facts as JSON", "[cli]") {
  auto r = RunCli("samples/shanghe-2023.txt");
  REQUIRE(r.status == 0);
  YAML::Node doc = YAML::Load(r.out);
  CHECK(doc["document"]["number"].as<std::string>() == "商政办发〔2023〕2号");
  CHECK(doc["document"]["date"].as<std::string>() == "2023-07-31");
  CHECK(doc["tasks"].size() == 51);
  CHECK(doc["tasks"][0]["seq"].as<int>() == 1);
  CHECK(doc["tasks"][12]["deadline"]["date"].as<std::string>() == "2023-06-30");
}

TEST_CASE("JSON Lines: one document per line", "[cli]") {
  auto r = RunCli("-f jsonl samples/linyi-2023.txt samples/laiwu-2021.txt");
  REQUIRE(r.status == 0);
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 2);
}

TEST_CASE("a bad rules file exits 2 with file:line:col and a caret", "[cli]") {
  std::string dir = "/tmp/noticetab-cli-rules";
  std::system(("rm -rf " + dir + " && mkdir -p " + dir).c_str());
  std::ofstream(dir + "/junk.yaml") << "junk:\n  - '^(unclosed$'\n";
  auto r = RunCli("--rules " + dir + " samples/linyi-2023.txt");
  CHECK(r.status == 2);
  CHECK(r.err.find(dir + "/junk.yaml:2:") != std::string::npos);
  CHECK(r.err.find("invalid regex") != std::string::npos);
  CHECK(r.err.find("^") != std::string::npos);
  std::ofstream(dir + "/junk.yaml") << "junk:\n  - '^x$'\ncolour: red\n";
  r = RunCli("--rules " + dir + " samples/linyi-2023.txt");
  CHECK(r.status == 2);
  CHECK(r.err.find(dir + "/junk.yaml:3:1: unknown key 'colour'") != std::string::npos);
  std::system(("rm -rf " + dir).c_str());
}

TEST_CASE("--year fills the year of a notice that does not say", "[cli]") {
  std::string in = "/tmp/noticetab-cli-year.txt";
  std::ofstream(in) << "一、加强管理\n\n（一）做好公开。\n\n附件\n\n工作任务\t具体内容\t责任单位\t完成时限\n"
                       "（一）做好公开\t做好公开工作。\t市政府办公室\t6月底前\n";
  auto r = RunCli("-f csv --year 2024 " + in);
  REQUIRE(r.status == 0);
  CHECK(r.out.find("2024-06-30") != std::string::npos);
  std::remove(in.c_str());
}
