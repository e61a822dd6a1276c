#include "views.h"

#include <fmt/format.h>

#include <ctime>

#include "noticetab/byunit.h"
#include "noticetab/diff.h"
#include "noticetab/error.h"
#include "noticetab/rules.h"
#include "noticetab/write.h"
#include "report.h"

namespace po = boost::program_options;

namespace noticetab::cli {
namespace {

[[noreturn]] void Usage(const std::string& message) { throw Error(Error::Kind::kUsage, message); }

std::string Today() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

// The write options with the run's rules (their labels.yaml words).
WriteOptions WithRules(WriteOptions w, const Rules& rules) {
  w.rules = &rules;
  return w;
}

}  // namespace

void AddViewOptions(std::string_view tool, po::options_description& desc, ViewOptions& v, bool help_text) {
  if (tool == "convert" || tool == "units") {
    // The example names are labels.yaml's (messages:), as the notices write them.
    std::string help;
    if (help_text) {
      const Rules& r = BuiltinLabels();
      help = fmt::format("units --for NAME, --by-unit --for NAME: the tasks of unit NAME ({}, or {} for "
                         "one city's), named directly, as lead or support, or through a collective form ({})",
                         MessageExample("unit", r), MessageExample("city_unit", r), MessageExample("collective", r));
    }
    desc.add_options()("for", po::value(&v.for_unit), help.c_str());
  }
  if (tool == "convert") {
    std::string help;
    if (help_text) {
      const Rules& r = BuiltinLabels();
      help = fmt::format("xlsx sheet names, headers and values: zh ({}, {}, {}) | en (tasks, units, due)",
                         SheetLabel("tasks", r), SheetLabel("units", r), SheetLabel("due", r));
    }
    desc.add_options()("lang", po::value(&v.lang)->default_value("zh"), help.c_str());
  }
  if (tool == "due") {
    desc.add_options()
        ("month", po::value(&v.month), "only tasks due in this month (YYYY-MM)")
        ("before", po::value(&v.before), "only tasks due before this date (YYYY-MM-DD, not on it)")
        ("overdue", po::bool_switch(&v.overdue), "only tasks due before --today")
        ("today", po::value(&v.today), "the date --overdue counts from (YYYY-MM-DD; default: the system date)");
  }
}

void ApplyViewOptions(std::string_view tool, const po::variables_map& vm, ViewOptions& v, BatchOptions& b) {
  if (v.lang != "zh" && v.lang != "en") Usage(fmt::format("--lang '{}': expected zh or en", v.lang));
  b.write.lang = v.lang;
  const WriteOptions w = b.write;
  if (vm.count("for")) {
    if (v.for_unit.empty())
      Usage(fmt::format("--for needs a unit name (e.g. --for {})", MessageExample("unit", BuiltinLabels())));
    if (tool == "convert" && b.view != BatchView::kByUnit) Usage("--for goes with units or --by-unit");
    if (!WritesTable(TableView::kForUnit, b.format)) {
      Usage(fmt::format("--for writes {}, not '{}'", TableFormatList(TableView::kForUnit), b.format));
    }
    const std::string name = v.for_unit, format = b.format;
    b.view = BatchView::kCustom;
    b.render = [name, format, w](std::ostream& out, const std::vector<Document>& docs, const Rules& rules) {
      WriteForUnit(out, format, docs, name, WithRules(w, rules), rules);
    };
  }
  if (tool == "due") {
    DueFilter f;
    if (vm.count("month")) f.month = v.month;
    if (vm.count("before")) f.before = v.before;
    if (vm.count("today")) f.today = v.today;
    f.overdue = v.overdue;
    if (f.overdue && !f.today) f.today = Today();
    if (vm.count("today") && !f.overdue) Usage("--today goes with --overdue");
    if (const DueFilterProblem p = CheckDueFilter(f)) Usage(DueFilterMessage(p));
    if (!WritesTable(TableView::kDue, b.format)) {
      Usage(fmt::format("due writes {}, not '{}'", TableFormatList(TableView::kDue), b.format));
    }
    const std::string format = b.format;
    b.view = BatchView::kCustom;
    b.render = [f, format, w](std::ostream& out, const std::vector<Document>& docs, const Rules& rules) {
      WriteDue(out, format, docs, f, WithRules(w, rules));
    };
  }
  if (tool == "diff") {
    if (b.inputs.size() != 2 || b.recursive) Usage("diff compares two notices: noticetab diff OLD NEW");
    if (IsOutputDir(b.output)) Usage("diff writes one table; use -o FILE, not -o DIR/");
    if (!WritesTable(TableView::kDiff, b.format)) {
      Usage(fmt::format("diff writes {}, not '{}'", TableFormatList(TableView::kDiff), b.format));
    }
    v.status = std::make_shared<int>(0);
    const std::string format = b.format;
    b.view = BatchView::kCustom;
    b.render = [format, w, status = v.status](std::ostream& out, const std::vector<Document>& docs,
                                              const Rules& rules) {
      if (docs.size() != 2) return;  // an input failed: reported by the batch, status 2
      const auto changes = DiffTasks(docs[0], docs[1]);
      *status = changes.empty() ? 0 : 1;
      WriteDiff(out, format, docs[0], docs[1], changes, WithRules(w, rules));
    };
  }
}

}  // namespace noticetab::cli
