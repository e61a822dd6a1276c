#include "cli/dump.h"

#include <fmt/format.h>

#include "noticetab/convert.h"
#include "noticetab/error.h"
#include "noticetab/grid.h"
#include "noticetab/load.h"

namespace noticetab::cli {
namespace {

std::string Line(std::string_view where, const Diagnostic& d) {
  return fmt::format("{} {} {}-{}: {}\n", where, d.code, d.first_line, d.last_line, d.message);
}

}  // namespace

bool IsDump(std::string_view what) { return what == "grid" || what == "diagnostics"; }

int Dump(std::string_view what, const BatchOptions& b, std::ostream& out, std::ostream& err) {
  const Rules& rules = b.rules ? *b.rules : BuiltinRules();
  int status = 0;
  for (const std::string& path : b.inputs) {
    if (b.inputs.size() > 1) out << "==> " << path << " <==\n";
    try {
      std::vector<Grid> grids;
      ConvertOptions opts = b.convert;
      opts.grids = &grids;
      const Document doc = Convert(LoadFile(path, b.max_size), rules, opts);
      if (what == "grid") {
        for (const Grid& g : grids) out << DumpGrid(g);
        if (grids.empty()) out << "none\n";
      } else {
        for (const Diagnostic& d : doc.diagnostics) out << Line("document", d);
        for (const Task& t : doc.tasks)
          for (const Diagnostic& d : t.diagnostics) out << Line(fmt::format("task {}", t.id), d);
      }
    } catch (const Error& e) {
      err << "noticetab: " << e.Format() << "\n";
      status = 1;
    }
  }
  out.flush();
  return status;
}

}  // namespace noticetab::cli
