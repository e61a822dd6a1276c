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

#include "rules_node.h"
#include "varint.h"

namespace noticetab::rules_pack {

using varint::PutNumber;
using varint::PutString;

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

/// Reads packed trees one after another into flat trees (rules_node.h),
/// whose texts are offsets into the packed bytes; throws std::runtime_error on
/// bytes that are not a packed tree (only a build fault makes them).
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool done() const { return at_ == in_.size(); }

  /// Reads the next tree into `tree` (empty), its root at index 0.
  void Read(rules_node::Tree& tree) {
    tree_ = &tree;
    tree.bytes = in_;
    Fill();
  }

 private:
  // Reads the next node; returns its index.
  uint32_t Fill() {
    const auto index = static_cast<uint32_t>(tree_->nodes.size());
    tree_->nodes.emplace_back();
    rules_node::Data d;
    d.kind = Byte();
    d.line = static_cast<int32_t>(Number()) - 1;
    d.column = static_cast<int32_t>(Number()) - 1;
    d.tag_at = String(&d.tag_size);
    switch (d.kind) {
      case 's':
        d.text_at = String(&d.text_size);
        break;
      case 'l':
      case 'm': {
        const uint64_t count = Number() * (d.kind == 'm' ? 2 : 1);
        if (count > in_.size() - at_) throw std::runtime_error("packed rules: truncated");
        d.kids = static_cast<uint32_t>(tree_->kids.size());
        d.count = static_cast<uint32_t>(count);
        tree_->kids.resize(tree_->kids.size() + count);
        for (uint32_t i = 0; i < d.count; ++i) {
          const uint32_t kid = Fill();
          tree_->kids[d.kids + i] = kid;
        }
        break;
      }
      case '~':
        break;
      default:
        throw std::runtime_error("packed rules: bad node kind");
    }
    tree_->nodes[index] = d;
    return index;
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
  // Skips a string; returns its offset, its length in `size`.
  uint32_t String(uint32_t* size) {
    const uint64_t n = Number();
    if (n > in_.size() - at_) throw std::runtime_error("packed rules: truncated");
    const auto at = static_cast<uint32_t>(at_);
    *size = static_cast<uint32_t>(n);
    at_ += n;
    return at;
  }

  std::string_view in_;
  size_t at_ = 0;
  rules_node::Tree* tree_ = nullptr;
};

}  // namespace noticetab::rules_pack

namespace noticetab {
/// The built-in rules files as (file name, packed tree), generated at build
/// time from rules/*.yaml.
const std::vector<std::pair<std::string_view, std::string_view>>& PackedRules();
/// The same trees unpacked at build time: (file name, tree), in the order
/// of PackedRules(); the arrays are constants of the binary.
const std::vector<std::pair<std::string_view, rules_node::View>>& PackedTrees();
}  // namespace noticetab

#endif  // NOTICETAB_RULES_PACK_H_
