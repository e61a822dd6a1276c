// The built-in rules as packed YAML trees: rules/*.yaml are parsed at build
// time (src/tools/pack_rules.cpp) and stored in the binary as their node
// trees, which load without yaml-cpp's scanner (about a thousand instructions
// per byte of YAML, two thirds of a process's start-up). The loaders of
// rules.cpp read the unpacked tree as they read a parsed file, so the format
// knows nothing of the rules schema: a new key or file needs no change here.
//
// A node is: a kind byte ('~' null, 's' scalar, 'l' sequence, 'm' mapping),
// its line and column (as yaml-cpp's Mark), its tag, then for a scalar its
// text, for a sequence its count and items, for a mapping its count and
// key, value pairs. Numbers are LEB128 varints, strings a varint length and
// the bytes. Mapping entries keyed `examples` are left out at any depth, as
// CompactRulesText leaves them out: only the tests read them, from the text.
#ifndef NOTICETAB_RULES_PACK_H_
#define NOTICETAB_RULES_PACK_H_

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace noticetab {
struct PackedMark;  // names the friend below
}  // namespace noticetab

namespace YAML {
// yaml-cpp gives nodes a position only when it parses them; its friend
// as_if<> sets the one recorded at build time, so errors and the origin of a
// pattern point at the line of rules/*.yaml it was written on. It also makes
// every node of a tree in the tree's one memory, as yaml-cpp's own parser
// does: a node made apart is merged into its parent's memory node by node.
template <>
struct as_if<noticetab::PackedMark, void> {
  static void Set(Node& n, const Mark& mark) {
    n.EnsureNodeExists();
    n.m_pNode->set_mark(mark);
  }
  /// A new (null) node in the memory of `owner`.
  static Node MakeIn(const Node& owner) {
    owner.EnsureNodeExists();
    return Node(owner.m_pMemory->create_node(), owner.m_pMemory);
  }
};
}  // namespace YAML

namespace noticetab::rules_pack {

inline void PutNumber(std::string& out, uint64_t v) {
  do {
    const unsigned char byte = v & 0x7F;
    v >>= 7;
    out += static_cast<char>(v ? byte | 0x80 : byte);
  } while (v);
}

inline void PutString(std::string& out, std::string_view s) {
  PutNumber(out, s.size());
  out.append(s);
}

inline void Pack(const YAML::Node& n, std::string& out) {
  const YAML::Mark mark = n.Mark();
  auto head = [&](char kind) {
    out += kind;
    PutNumber(out, static_cast<uint64_t>(mark.line + 1));  // -1 (no position) -> 0
    PutNumber(out, static_cast<uint64_t>(mark.column + 1));
    PutString(out, n.Tag());
  };
  switch (n.Type()) {
    case YAML::NodeType::Scalar:
      head('s');
      PutString(out, n.Scalar());
      return;
    case YAML::NodeType::Sequence:
      head('l');
      PutNumber(out, n.size());
      for (const auto& item : n) Pack(item, out);
      return;
    case YAML::NodeType::Map: {
      head('m');
      size_t count = 0;
      for (const auto& kv : n) count += !(kv.first.IsScalar() && kv.first.Scalar() == "examples");
      PutNumber(out, count);
      for (const auto& kv : n) {
        if (kv.first.IsScalar() && kv.first.Scalar() == "examples") continue;
        Pack(kv.first, out);
        Pack(kv.second, out);
      }
      return;
    }
    default:
      head('~');
      return;
  }
}

/// Reads packed trees one after another; throws std::runtime_error on bytes
/// that are not a packed tree (only a build fault makes them).
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool done() const { return at_ == in_.size(); }

  /// The next tree.
  YAML::Node Node() {
    YAML::Node root;
    Fill(root);
    return root;
  }

 private:
  using Access = YAML::as_if<PackedMark, void>;

  // Reads the next node into n (a null node), its children made in n's memory.
  void Fill(YAML::Node& n) {
    const char kind = Byte();
    YAML::Mark mark;
    mark.line = static_cast<int>(Number()) - 1;
    mark.column = static_cast<int>(Number()) - 1;
    const std::string_view tag = String();
    switch (kind) {
      case 's':
        n = std::string(String());
        break;
      case 'l':
        n = YAML::Node(YAML::NodeType::Sequence);
        for (uint64_t count = Number(); count > 0; --count) {
          YAML::Node item = Access::MakeIn(n);
          Fill(item);
          n.push_back(item);
        }
        break;
      case 'm':
        n = YAML::Node(YAML::NodeType::Map);
        for (uint64_t count = Number(); count > 0; --count) {
          YAML::Node key = Access::MakeIn(n), value = Access::MakeIn(n);
          Fill(key);
          Fill(value);
          n.force_insert(key, value);
        }
        break;
      case '~':
        n = YAML::Node(YAML::NodeType::Null);
        break;
      default:
        throw std::runtime_error("packed rules: bad node kind");
    }
    if (!tag.empty()) n.SetTag(std::string(tag));
    Access::Set(n, mark);
  }

  char Byte() {
    if (at_ >= in_.size()) throw std::runtime_error("packed rules: truncated");
    return in_[at_++];
  }
  uint64_t Number() {
    uint64_t v = 0;
    for (int shift = 0;; shift += 7) {
      const auto byte = static_cast<unsigned char>(Byte());
      v |= uint64_t{byte & 0x7Fu} << shift;
      if (!(byte & 0x80) || shift > 56) return v;
    }
  }
  std::string_view String() {
    const uint64_t n = Number();
    if (n > in_.size() - at_) throw std::runtime_error("packed rules: truncated");
    const std::string_view s = in_.substr(at_, n);
    at_ += n;
    return s;
  }

  std::string_view in_;
  size_t at_ = 0;
};

}  // namespace noticetab::rules_pack

namespace noticetab {
/// The built-in rules files as (file name, packed tree), generated at build
/// time from rules/*.yaml.
const std::vector<std::pair<std::string_view, std::string_view>>& PackedRules();
}  // namespace noticetab

#endif  // NOTICETAB_RULES_PACK_H_
