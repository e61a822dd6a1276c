// libFuzzer target: the whole parse, bytes -> every output format and the
// per-unit view. Any input must either convert or be refused with
// noticetab::Error; a crash, a sanitizer report, a leak or a timeout is a bug.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string_view>
#include <vector>

#include "noticetab/byunit.h"
#include "noticetab/convert.h"
#include "noticetab/error.h"
#include "noticetab/load.h"
#include "noticetab/rules.h"
#include "noticetab/write.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace noticetab;
  static const Rules& rules = BuiltinRules();
  // The first byte also picks the options, so every variant runs.
  const uint8_t flags = size > 0 ? data[0] : 0;
  ConvertOptions copts;
  if (flags & 4) copts.year = 2024;
  WriteOptions opts;
  opts.excel = flags & 1;
  opts.normalize_punct = flags & 2;
  try {
    std::vector<Document> docs;
    docs.push_back(Convert(Decode(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.txt"), rules, copts));
    if (flags & 8) docs.push_back(docs.front());  // several inputs into one output
    for (const Writer& w : Writers()) {
      if (!w.write) continue;  // a table-only writer (text): the views below
      std::ostringstream out;
      w.write(out, docs, opts);
    }
    for (const Writer& w : Writers()) {  // the views' formats, from the same table
      const std::string_view format = w.name;
      std::ostringstream out;
      if (WritesTable(TableView::kByUnit, format)) WriteByUnit(out, format, docs, opts);
      if (WritesTable(TableView::kUnitSummary, format)) WriteUnitSummary(out, format, docs, opts);
    }
  } catch (const Error&) {
    // Refused input ("not text", ...) is a normal outcome.
  }
  return 0;
}
