// The views through the built binary: `units --for NAME` (collective units),
// `due` (by deadline), `diff OLD NEW`. The .ics file is parsed by a real
// iCalendar parser in tests/cli/ics_parse.sh.
#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "test_util.h"

using namespace noticetab::testing;

namespace {

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

std::vector<std::string> SplitLines(const std::string& s) { return Split(s, '\n'); }

// Lines of a sample, edited, written into d; returns the path.
std::string Edited(const TempDir& d, const std::string& name, std::vector<std::string> (*edit)(std::vector<std::string>)) {
  const std::string path = d / (name + "-edited.txt");
  std::vector<std::string> lines = Split(ReadFile(SourceDir() + "/samples/" + name + ".txt"), '\n');
  lines = edit(std::move(lines));
  std::ofstream out(path, std::ios::binary);
  for (const auto& l : lines) out << l << '\n';
  return path;
}

size_t LineStarting(const std::vector<std::string>& lines, const std::string& prefix) {
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].rfind(prefix, 0) == 0) return i;
  }
  FAIL("no line starts with " << prefix);
  return 0;
}

}  // namespace

TEST_CASE("units --for: a bureau's own tasks and those of the collective forms that include it",
          "[cli][views][byunit]") {
  auto r = RunCli("units --for 市教育局 -f json samples/linyi-2023.txt");
  REQUIRE(r.status == 0);
  YAML::Node rows = YAML::Load(r.out);
  std::map<std::string, int> how;
  std::set<std::string> via;
  std::set<int> ids;
  for (const auto& row : rows) {
    ++how[row["how"].as<std::string>()];
    if (row["how"].as<std::string>() == "collective") via.insert(row["via"].as<std::string>());
    CHECK(row["unit"].as<std::string>() == "市教育局");
    CHECK(row["region"].as<std::string>() == "临沂市");
    ids.insert(row["id"].as<int>());
  }
  // Tasks 12, 16, 41, 42, 43 name it; 41 others are given to 市政府各部门(单位).
  CHECK(how["named"] == 5);
  CHECK(how["collective"] == 41);
  CHECK(via == std::set<std::string>{"市政府各部门(单位)"});
  CHECK(ids.size() == rows.size());  // a task is listed once
  for (int id : {12, 16, 41, 42, 43}) CHECK(ids.count(id));
  // Never through 各县区政府: a 市 bureau is no county government.
  CHECK(r.out.find("各县区政府(管委会)\"") == std::string::npos);

  // --by-unit --for gives the same rows; the region-qualified name the same.
  CHECK(YAML::Load(RunCli("--by-unit --for 市教育局 -f json samples/linyi-2023.txt").out).size() == rows.size());
  CHECK(YAML::Load(RunCli("units --for 临沂市教育局 -f json samples/linyi-2023.txt").out).size() == rows.size());
  CHECK(YAML::Load(RunCli("units --for 招远市教育局 -f json samples/linyi-2023.txt").out).size() == 0);
  CHECK(RunCli("--for 市教育局 samples/linyi-2023.txt").status == 2);
  CHECK(RunCli("units --for 市教育局 -f xlsx samples/linyi-2023.txt").status == 2);
}

TEST_CASE("units: two cities' 市政府办公室 stay apart, keyed by the issuer's region", "[cli][views][byunit]") {
  auto r = RunCli("units -q -f csv samples/linyi-2023.txt samples/zhaoyuan-2023.txt");
  REQUIRE(r.status == 0);
  const auto lines = SplitLines(r.out);
  CHECK(std::find(lines.begin(), lines.end(), "市政府办公室,10,0,,招远市,") != lines.end());
  CHECK(std::find(lines.begin(), lines.end(), "市政府办公室,2,0,2023-12-31,临沂市,") != lines.end());
  auto both = RunCli("units -q --for 临沂市政府办公室 -f json samples/linyi-2023.txt samples/zhaoyuan-2023.txt");
  for (const auto& row : YAML::Load(both.out)) CHECK(row["region"].as<std::string>() == "临沂市");
}

TEST_CASE("due: the dated tasks by date, filtered by month, date or as overdue", "[cli][views][due]") {
  YAML::Node docs = YAML::Load(RunCli("-q -f json samples/*.txt").out);
  std::vector<std::string> dates;
  for (const auto& d : docs) {
    for (const auto& t : d["tasks"]) {
      if (!t["deadline"]["date"].IsNull()) dates.push_back(t["deadline"]["date"].as<std::string>());
    }
  }
  REQUIRE(dates.size() > 100);
  auto count = [&](auto pred) { return static_cast<size_t>(std::count_if(dates.begin(), dates.end(), pred)); };

  auto all = RunCli("due -q -f json samples/*.txt");
  REQUIRE(all.status == 0);
  YAML::Node rows = YAML::Load(all.out);
  CHECK(rows.size() == dates.size());
  std::string last;
  for (const auto& row : rows) {
    const std::string date = row["deadline_date"].as<std::string>();
    CHECK(date >= last);
    CHECK(row["month"].as<std::string>() == date.substr(0, 7));
    last = date;
  }
  auto december = YAML::Load(RunCli("due -q -f json --month 2023-12 samples/*.txt").out);
  CHECK(december.size() == count([](const std::string& d) { return d.rfind("2023-12", 0) == 0; }));
  CHECK(december.size() > 50);
  auto before = YAML::Load(RunCli("due -q -f json --before 2023-07-01 samples/*.txt").out);
  CHECK(before.size() == count([](const std::string& d) { return d < "2023-07-01"; }));
  auto overdue = YAML::Load(RunCli("due -q -f json --overdue --today 2023-10-01 samples/*.txt").out);
  CHECK(overdue.size() == count([](const std::string& d) { return d < "2023-10-01"; }));
  CHECK(overdue.size() > 0);
  CHECK(overdue.size() < dates.size());

  auto text = RunCli("due -f text --month 2023-06 samples/linyi-2023.txt");
  CHECK(text.out.rfind("month ", 0) == 0);
  auto bad = RunCli("due --month 2023-13 samples/linyi-2023.txt");
  CHECK(bad.status == 2);
  CHECK(bad.err.find("--month '2023-13': expected YYYY-MM") != std::string::npos);
  CHECK(RunCli("due --today 2023-01-01 samples/linyi-2023.txt").status == 2);
  CHECK(RunCli("due --before 2023/06/01 samples/linyi-2023.txt").status == 2);
  CHECK(RunCli("due -f docx samples/linyi-2023.txt").status == 2);
}

TEST_CASE("diff: one task added, one removed, one deadline changed: exactly those three", "[cli][views][diff]") {
  TempDir d;
  const std::string edited = Edited(d, "linyi-2023", [](std::vector<std::string> lines) {
    // The annex has a cell a line: content, blank, units, blank, deadline.
    const size_t removed = LineStarting(lines, "聚焦支持住房改善");
    lines.erase(lines.begin() + removed, lines.begin() + removed + 5);
    const size_t changed = LineStarting(lines, "聚焦扩大有效投资");
    REQUIRE(lines[changed + 4] == "全年");
    lines[changed + 4] = "2023年9月底前";
    lines.insert(lines.begin() + changed + 5,
                 {"", "建立政务公开工作台账,按季度通报各单位政务公开任务完成情况,年底前汇总形成工作报告。", "",
                  "市政府办公室", "", "2023年10月底前"});
    return lines;
  });
  auto r = RunCli("diff -q -f json samples/linyi-2023.txt " + edited);
  CHECK(r.status == 1);
  YAML::Node rows = YAML::Load(r.out);
  REQUIRE(rows.size() == 3);
  std::map<std::string, YAML::Node> by_change;
  for (const auto& row : rows) by_change.emplace(row["change"].as<std::string>(), static_cast<const YAML::Node&>(row));
  REQUIRE(by_change.size() == 3);
  CHECK(by_change["removed"]["old_content"].as<std::string>().rfind("聚焦支持住房改善", 0) == 0);
  CHECK(by_change["changed"]["fields"].as<std::string>() == "deadline");
  CHECK(by_change["changed"]["old_deadline"].as<std::string>() == "全年");
  CHECK(by_change["changed"]["new_deadline"].as<std::string>() == "2023年9月底前");
  CHECK(by_change["changed"]["old_id"].as<int>() == 3);
  CHECK(by_change["changed"]["new_id"].as<int>() == 2);  // renumbered by the removal
  CHECK(by_change["added"]["new_units"].as<std::string>() == "市政府办公室");

  auto same = RunCli("diff -q samples/linyi-2023.txt samples/linyi-2023.txt");
  CHECK(same.status == 0);
  CHECK(SplitLines(same.out).size() == 1);  // the header only
  auto missing = RunCli("diff -q samples/linyi-2023.txt no/such.txt");
  CHECK(missing.status == 2);
  CHECK(missing.err.find("no/such.txt") != std::string::npos);
  CHECK(RunCli("diff samples/linyi-2023.txt").status == 2);
}

TEST_CASE("diff: a reworded start of a task is a content change, not a removal and an addition",
          "[cli][views][diff]") {
  TempDir d;
  const std::string edited = Edited(d, "linyi-2023", [](std::vector<std::string> lines) {
    const size_t i = LineStarting(lines, "聚焦扩大有效投资");
    lines[i] = "着力扩大有效投资" + lines[i].substr(std::string("聚焦扩大有效投资").size());
    return lines;
  });
  auto r = RunCli("diff -q -f csv samples/linyi-2023.txt " + edited);
  CHECK(r.status == 1);
  const auto lines = SplitLines(r.out);
  REQUIRE(lines.size() == 2);
  CHECK(lines[1].rfind("changed,content,3,3,", 0) == 0);
}
