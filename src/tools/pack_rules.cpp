// Build-time tool: writes a C++ file holding every given rules file as its
// packed YAML tree (src/rules_pack.h), for PackedRules(), and as that tree
// unpacked into constant arrays (rules_node.h), for PackedTrees().
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
          "#include \"rules_pack.h\"\n"
          "namespace noticetab {\nnamespace {\n";
  std::string table, trees;
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
    // The same tree unpacked, its texts offsets into kFile: constant arrays
    // the loader reads in place.
    noticetab::rules_pack::Reader reader(packed);
    noticetab::rules_node::Tree tree;
    reader.Read(tree);
    body << "constexpr rules_node::Data kNodes" << i << "[] = {";
    for (size_t k = 0; k < tree.nodes.size(); ++k) {
      const auto& d = tree.nodes[k];
      body << (k % 4 == 0 ? "\n" : " ") << "{'" << d.kind << "'," << d.line << "," << d.column << "," << d.tag_at << ","
           << d.tag_size << "," << d.text_at << "," << d.text_size << "," << d.kids << "," << d.count << "},";
    }
    body << "};\nconstexpr uint32_t kKids" << i << "[] = {0,";  // never empty
    for (size_t k = 0; k < tree.kids.size(); ++k) body << (k % 24 == 0 ? "\n" : "") << tree.kids[k] << ",";
    body << "};\n";
    const std::string name = path.substr(path.find_last_of('/') + 1);
    table += "      {\"" + name + "\", {reinterpret_cast<const char*>(kFile" + std::to_string(i) + "), sizeof kFile" +
             std::to_string(i) + "}},\n";
    // kKids has a 0 in front: a run starts at kids + 1.
    trees += "      {\"" + name + "\", {kNodes" + std::to_string(i) + ", kKids" + std::to_string(i) +
             " + 1, reinterpret_cast<const char*>(kFile" + std::to_string(i) + ")}},\n";
  }
  body << "}  // namespace\n"
          "const std::vector<std::pair<std::string_view, std::string_view>>& PackedRules() {\n"
          "  static const std::vector<std::pair<std::string_view, std::string_view>> k = {\n"
       << table << "  };\n  return k;\n}\n"
       << "const std::vector<std::pair<std::string_view, rules_node::View>>& PackedTrees() {\n"
          "  static const std::vector<std::pair<std::string_view, rules_node::View>> k = {\n"
       << trees << "  };\n  return k;\n}\n}  // namespace noticetab\n";
  // Rewritten only when it changed, so an unchanged rules tree rebuilds nothing.
  std::ifstream old(argv[1], std::ios::binary);
  std::stringstream was;
  was << old.rdbuf();
  if (was.str() == body.str()) return 0;
  std::ofstream out(argv[1], std::ios::binary);
  out << body.str();
  return out ? 0 : 1;
}
