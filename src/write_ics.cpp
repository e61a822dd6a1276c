// The iCalendar writer (RFC 5545): one all-day VEVENT per dated task. Lines
// end in CRLF and are folded at 75 octets, never inside a UTF-8 character.
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <string>

#include "noticetab/due.h"
#include "noticetab/rules.h"
#include "noticetab/text.h"

#include "join.h"
#include "writers.h"

namespace noticetab {
namespace {

// TEXT values (RFC 5545 3.3.11): backslash, ; and , escaped, newlines as \n.
std::string Escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c != '\r') {
      out += c;
    }
  }
  return out;
}

// Writes one content line, folded (3.1): at most 75 octets a line, the rest
// on lines starting with a space.
void Line(std::string& out, std::string_view line) {
  size_t limit = 75, i = 0, taken = 0;
  while (line.size() - i > limit - taken) {
    size_t cut = i + (limit - taken);
    while (cut > i && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;  // not mid-character
    out.append(line.substr(i, cut - i));
    out += "\r\n ";
    i = cut;
    taken = 1;  // the leading space counts
  }
  out.append(line.substr(i));
  out += "\r\n";
}

std::string Compact(std::string_view iso) {  // 2023-06-30 -> 20230630
  std::string out;
  for (char c : iso) {
    if (c != '-') out += c;
  }
  return out;
}

std::string NextDay(const std::string& iso) {
  using namespace std::chrono;
  const year_month_day d{year{std::stoi(iso.substr(0, 4))}, month{static_cast<unsigned>(std::stoi(iso.substr(5, 2)))},
                         day{static_cast<unsigned>(std::stoi(iso.substr(8, 2)))}};
  const year_month_day n{sys_days{d} + days{1}};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02u%02u", static_cast<int>(n.year()), static_cast<unsigned>(n.month()),
                static_cast<unsigned>(n.day()));
  return buf;
}

std::string Stamp() {
  std::time_t t = std::time(nullptr);
  if (const char* e = std::getenv("SOURCE_DATE_EPOCH"); e && *e) t = static_cast<std::time_t>(std::strtoll(e, nullptr, 10));
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
  return buf;
}

uint64_t Fnv1a(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

}  // namespace

void WriteIcsTasks(std::ostream& out, const std::vector<DueTask>& tasks, const WriteOptions& opts) {
  auto text = [&](std::string_view s) { return opts.normalize_punct ? NormalizePunct(s) : std::string(s); };
  const Rules& rules = opts.rules ? *opts.rules : BuiltinLabels();
  std::string s;
  Line(s, "BEGIN:VCALENDAR");
  Line(s, "VERSION:2.0");
  Line(s, "PRODID:-//noticetab//noticetab " NOTICETAB_VERSION "//ZH");
  Line(s, "CALSCALE:GREGORIAN");
  const std::string stamp = Stamp();
  for (const DueTask& t : tasks) {
    const Task& task = *t.task;
    const FrontMatter& fm = t.doc->document;
    const std::string& date = *task.deadline.date;
    // Stable across runs: the same notice and task give the same UID, so a
    // calendar updates the entry instead of adding a second one.
    char uid[64];
    std::snprintf(uid, sizeof uid, "%016llx-%d@noticetab",
                  static_cast<unsigned long long>(Fnv1a(t.doc->source + "\n" + fm.number.value_or(""))), task.id);
    std::string summary = text(task.content);
    if (CharCount(summary) > 60) {
      size_t i = 0;
      for (int n = 0; n < 59 && i < summary.size(); ++n) NextChar(summary, i);
      summary = summary.substr(0, i) + "…";
    }
    // The description's lines are labelled in the words of labels.yaml (calendar:).
    auto label = [&](std::string_view field) {
    std::string l = "\n";
    l += CalendarLabel(field, rules);
    l += ": ";
    return l;
  };
    std::string desc = text(task.content) + label("units") + text(Join(task.units, kListSep));
    if (!task.lead_units.empty()) desc += label("lead_units") + text(Join(task.lead_units, kListSep));
    if (!task.support_units.empty()) desc += label("support_units") + text(Join(task.support_units, kListSep));
    desc += label("deadline") + text(task.deadline.text.value_or(date));
    desc += label("title") + text(fm.title.value_or(t.doc->source));
    if (fm.number) desc += " " + *fm.number;
    desc += label("source") + t.doc->source + " #" + std::to_string(task.id);
    Line(s, "BEGIN:VEVENT");
    Line(s, std::string("UID:") + uid);
    Line(s, "DTSTAMP:" + stamp);
    Line(s, "DTSTART;VALUE=DATE:" + Compact(date));
    Line(s, "DTEND;VALUE=DATE:" + NextDay(date));
    Line(s, "SUMMARY:" + Escape(summary));
    Line(s, "DESCRIPTION:" + Escape(desc));
    if (!task.units.empty()) Line(s, "CATEGORIES:" + Escape(text(Join(task.units, kListSep))));
    Line(s, "TRANSP:TRANSPARENT");
    Line(s, "END:VEVENT");
  }
  Line(s, "END:VCALENDAR");
  out << s;
}

void WriteIcs(std::ostream& out, const std::vector<Document>& docs, const WriteOptions& opts) {
  WriteIcsTasks(out, DueTasks(docs, {}), opts);
}

}  // namespace noticetab
