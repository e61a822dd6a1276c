// Build-time tool: writes a C++ file holding every given rules file as its
// packed YAML tree (src/rules_pack.h), for PackedRules().
//   pack_rules OUT.cpp rules/a.yaml rules/b.yaml ...
// A file yaml-cpp cannot parse fails the build with yaml-cpp's message; the
// rules themselves are checked by the loaders (the unit tests compile the
// built-in files through CompileRules).
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "../rules_pack.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: pack_rules OUT.cpp RULES.yaml...\n";
    return 2;
  }
  std::vector<std::string> inputs(argv + 2, argv + argc);
  std::sort(inputs.begin(), inputs.end());
  std::ostringstream body;
  body << "// Generated from rules/*.yaml by src/tools/pack_rules.cpp. Do not edit.\n"
          "#include <string_view>\n#include <utility>\n#include <vector>\n"
          "namespace noticetab {\nnamespace {\n";
  std::string table;
  for (size_t i = 0; i < inputs.size(); ++i) {
    const std::string& path = inputs[i];
    std::string packed;
    try {
      noticetab::rules_pack::Pack(YAML::LoadFile(path), packed);
    } catch (const YAML::Exception& e) {
      std::cerr << path << ":" << e.mark.line + 1 << ":" << e.mark.column + 1 << ": " << e.msg << "\n";
      return 1;
    }
    body << "constexpr unsigned char kFile" << i << "[] = {";
    for (size_t k = 0; k < packed.size(); ++k)
      body << (k % 24 == 0 ? "\n" : "") << static_cast<unsigned>(static_cast<unsigned char>(packed[k])) << ",";
    body << "};\n";
    const std::string name = path.substr(path.find_last_of('/') + 1);
    table += "      {\"" + name + "\", {reinterpret_cast<const char*>(kFile" + std::to_string(i) + "), sizeof kFile" +
             std::to_string(i) + "}},\n";
  }
  body << "}  // namespace\n"
          "const std::vector<std::pair<std::string_view, std::string_view>>& PackedRules() {\n"
          "  static const std::vector<std::pair<std::string_view, std::string_view>> k = {\n"
       << table << "  };\n  return k;\n}\n}  // namespace noticetab\n";
  // Rewritten only when it changed, so an unchanged rules tree rebuilds nothing.
  std::ifstream old(argv[1], std::ios::binary);
  std::stringstream was;
  was << old.rdbuf();
  if (was.str() == body.str()) return 0;
  std::ofstream out(argv[1], std::ios::binary);
  out << body.str();
  return out ? 0 : 1;
}
