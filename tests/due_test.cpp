// due.h: dated tasks filtered and sorted, and the iCalendar writer.
#include "noticetab/due.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <sstream>

using noticetab::Document;
using noticetab::DueFilter;
using noticetab::Task;

namespace {

Document Doc() {
  Document d;
  d.source = "a.txt";
  d.document.title = "关于印发2023年某市政务公开工作要点的通知";
  d.document.number = "某政办发〔2023〕5号";
  const char* dates[] = {"2023-12-31", "2023-06-30", nullptr, "2023-06-15"};
  for (int i = 0; i < 4; ++i) {
    Task t;
    t.id = i + 1;
    t.content = i == 0 ? std::string(40, 'x') + "公开;落实,推进\\完成" + std::string(30, 'y') + "政务公开" : "任务";
    t.units = {"市财政局"};
    if (dates[i]) t.deadline.date = dates[i];
    t.deadline.kind = dates[i] ? "by_date" : "ongoing";
    d.tasks.push_back(t);
  }
  return d;
}

std::vector<int> Ids(const std::vector<noticetab::DueTask>& tasks) {
  std::vector<int> ids;
  for (const auto& t : tasks) ids.push_back(t.task->id);
  return ids;
}

}  // namespace

TEST_CASE("due: dated tasks by date, filtered", "[due]") {
  const std::vector<Document> docs = {Doc()};
  CHECK(Ids(noticetab::DueTasks(docs, {})) == std::vector<int>{4, 2, 1});
  DueFilter june;
  june.month = "2023-06";
  CHECK(Ids(noticetab::DueTasks(docs, june)) == std::vector<int>{4, 2});
  DueFilter before;
  before.before = "2023-06-30";  // not on it
  CHECK(Ids(noticetab::DueTasks(docs, before)) == std::vector<int>{4});
  DueFilter overdue;
  overdue.overdue = true;
  overdue.today = "2023-07-01";
  CHECK(Ids(noticetab::DueTasks(docs, overdue)) == std::vector<int>{4, 2});
}

TEST_CASE("due: bad filters say what to write", "[due]") {
  DueFilter f;
  f.month = "2023-6";
  using Field = noticetab::DueFilterProblem::Field;
  CHECK(noticetab::CheckDueFilter(f).field == Field::kMonth);
  CHECK(noticetab::CheckDueFilter(f).value == "2023-6");
  f = {};
  f.before = "2023-02-30x";
  CHECK(noticetab::CheckDueFilter(f).field == Field::kBefore);
  f = {};
  f.today = "today";
  CHECK(noticetab::CheckDueFilter(f).field == Field::kToday);
  f = {};
  f.overdue = true;
  CHECK(noticetab::CheckDueFilter(f).field == Field::kOverdueWithoutToday);
  CHECK(!noticetab::CheckDueFilter({}));
  // A day its month does not have: compared as text, 2025-06-31 had passed
  // for a day after 06-30 (real32: a typo listed that day's tasks overdue).
  for (const char* day : {"2025-06-31", "2025-02-29", "2025-04-31"}) {
    f = {};
    f.before = day;
    CHECK(noticetab::CheckDueFilter(f).field == Field::kBefore);
  }
  f = {};
  f.before = "2024-02-29";  // a leap day
  CHECK(!noticetab::CheckDueFilter(f));
}

TEST_CASE("ics: CRLF, lines of at most 75 octets, escaped text, all-day events", "[due][ics]") {
  ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  std::ostringstream out;
  noticetab::WriteIcs(out, {Doc()}, {});
  ::unsetenv("SOURCE_DATE_EPOCH");
  const std::string ics = out.str();
  CHECK(ics.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 0) == 0);
  CHECK(ics.size() >= 15);
  CHECK(ics.substr(ics.size() - 15) == "END:VCALENDAR\r\n");
  size_t events = 0, start = 0;
  while (start < ics.size()) {
    const size_t end = ics.find("\r\n", start);
    REQUIRE(end != std::string::npos);
    CHECK(end - start <= 75);
    const std::string line = ics.substr(start, end - start);
    // A folded line never splits a UTF-8 character: it starts at a lead byte.
    if (line.size() > 1 && line[0] == ' ') CHECK((static_cast<unsigned char>(line[1]) & 0xC0) != 0x80);
    events += line == "BEGIN:VEVENT";
    start = end + 2;
  }
  CHECK(events == 3);
  CHECK(ics.find("DTSTAMP:20231114T221320Z\r\n") != std::string::npos);
  CHECK(ics.find("DTSTART;VALUE=DATE:20231231\r\nDTEND;VALUE=DATE:20240101\r\n") != std::string::npos);
  CHECK(ics.find("\n") == ics.find("\r\n") + 1);
  // Unfolded, the text is escaped: ; , and backslash.
  std::string unfolded;
  for (size_t i = 0; i < ics.size(); ++i) {
    if (ics.compare(i, 3, "\r\n ") == 0) {
      i += 2;
      continue;
    }
    unfolded += ics[i];
  }
  CHECK(unfolded.find("公开\\;落实\\,推进\\\\完成") != std::string::npos);
  CHECK(unfolded.find("\\n责任单位: 市财政局") != std::string::npos);
  CHECK(unfolded.find("文件: 关于印发2023年某市政务公开工作要点的通知 某政办发〔2023〕5号") != std::string::npos);
}
