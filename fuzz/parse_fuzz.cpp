// libFuzzer target: the whole parse, bytes -> every output format.
// Any input must either convert or be refused with noticetab::Error; a crash,
// a sanitizer report, a leak or a timeout is a bug.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string_view>
#include <vector>

#include "noticetab/convert.h"
#include "noticetab/error.h"
#include "noticetab/load.h"
#include "noticetab/rules.h"
#include "noticetab/write.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace noticetab;
  static const Rules& rules = BuiltinRules();
  try {
    std::vector<Document> docs;
    docs.push_back(Convert(Decode(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.txt"), rules));
    // The first byte also picks the write options, so both variants run.
    WriteOptions opts;
    opts.excel = size > 0 && (data[0] & 1);
    opts.normalize_punct = size > 0 && (data[0] & 2);
    for (const Writer& w : Writers()) {
      std::ostringstream out;
      w.write(out, docs, opts);
    }
  } catch (const Error&) {
    // Refused input ("not text", ...) is a normal outcome.
  }
  return 0;
}
