// libFuzzer target: the rules loader. The input replaces one embedded rules
// file (chosen by its first byte); CompileRules must either succeed or throw
// noticetab::Error (a positioned message), never crash or throw anything else.
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "noticetab/error.h"
#include "noticetab/rules.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace noticetab;
  const auto& embedded = EmbeddedRules();
  if (size == 0 || embedded.empty()) return 0;
  const size_t pick = data[0] % embedded.size();
  std::vector<std::pair<std::string, std::string>> files;
  for (size_t i = 0; i < embedded.size(); ++i) {
    if (i == pick) {
      files.emplace_back(std::string(embedded[i].first), std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
    } else {
      files.emplace_back(std::string(embedded[i].first), std::string(embedded[i].second));
    }
  }
  try {
    Rules rules = CompileRules(files);
    (void)rules;
  } catch (const Error& e) {
    (void)e.Format();  // formatting the caret line must be safe too
  }
  return 0;
}
