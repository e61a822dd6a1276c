// The node the rules loaders (rules.cpp) read: a yaml-cpp node of a parsed
// rules file (--rules), or a node of a flat tree unpacked from the built-in
// rules (rules_pack.h). Building yaml-cpp nodes for the built-in rules cost
// three quarters of an empty notice's instructions (a shared_ptr per node,
// merged memories, then tearing it all down); a flat tree is two vectors and
// views into the packed bytes.
//
// Node offers the part of YAML::Node's interface the loaders use and, on a
// parsed file, is that node: the same answers, the same exceptions
// (InvalidNode, BadSubscript, TypedBadConversion), so errors keep their
// messages. A flat tree answers the same way.
#ifndef NOTICETAB_RULES_NODE_H_
#define NOTICETAB_RULES_NODE_H_

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace noticetab::rules_node {

/// A tree in two arrays: nodes, and for each sequence or mapping a run of
/// child indices in `kids` (a mapping's run alternates key, value). Texts are
/// offsets into the packed bytes, so the built-in trees are plain constant
/// arrays, generated at build time (src/tools/pack_rules.cpp): loading them
/// decodes nothing and relocates nothing.
struct Data {
  char kind = '~';  // '~' null, 's' scalar, 'l' sequence, 'm' mapping
  int32_t line = -1, column = -1;  // as yaml-cpp's Mark (0-based; -1 none)
  uint32_t tag_at = 0, tag_size = 0, text_at = 0, text_size = 0;  // in the packed bytes
  uint32_t kids = 0, count = 0;  // the run in `kids`
};

/// A tree where it lies: in constant arrays, or in a Tree's vectors.
struct View {
  const Data* nodes = nullptr;
  const uint32_t* kids = nullptr;
  const char* bytes = nullptr;  // the packed bytes the offsets count in
};

/// A tree unpacked at run time (rules_pack::Reader), owning its arrays.
struct Tree {
  std::vector<Data> nodes;
  std::vector<uint32_t> kids;
  std::string_view bytes;
  View view() const { return {nodes.data(), kids.data(), bytes.data()}; }
};

class Iterator;
struct Item;

class Node {
 public:
  explicit Node(const YAML::Node& n) : yaml_(n) {}
  Node(const Tree& tree, uint32_t at) : Node(tree.view(), at) {}
  Node(View tree, uint32_t at) : tree_(tree), flat_(true), at_(at) {}

  explicit operator bool() const { return flat_ ? at_ != kZombie : static_cast<bool>(*yaml_); }
  bool operator!() const { return !static_cast<bool>(*this); }

  YAML::NodeType::value Type() const {
    if (!flat_) return yaml_->Type();
    switch (Data().kind) {
      case 's': return YAML::NodeType::Scalar;
      case 'l': return YAML::NodeType::Sequence;
      case 'm': return YAML::NodeType::Map;
      default: return YAML::NodeType::Null;
    }
  }
  bool IsNull() const { return Type() == YAML::NodeType::Null; }
  bool IsScalar() const { return Type() == YAML::NodeType::Scalar; }
  bool IsSequence() const { return Type() == YAML::NodeType::Sequence; }
  bool IsMap() const { return Type() == YAML::NodeType::Map; }

  YAML::Mark Mark() const { return flat_ ? MarkOf(Data()) : yaml_->Mark(); }
  std::string Tag() const { return flat_ ? std::string(tree_.bytes + Data().tag_at, Data().tag_size) : yaml_->Tag(); }
  /// The text of a scalar; "" for any other node.
  std::string Scalar() const {
    if (!flat_) return yaml_->Scalar();
    return Data().kind == 's' ? std::string(Text(Data())) : std::string();
  }
  /// As YAML::Node::as<std::string>(): a null node reads "null".
  template <class T>
  T as() const {
    static_assert(std::is_same_v<T, std::string>, "rules nodes read as strings only");
    if (!flat_) return yaml_->as<std::string>();
    const auto& d = Data();
    if (d.kind == '~') return "null";
    if (d.kind != 's') throw YAML::TypedBadConversion<std::string>(MarkOf(d));
    return std::string(Text(d));
  }
  size_t size() const {
    if (!flat_) return yaml_->size();
    const auto& d = Data();
    return d.kind == 'm' ? d.count / 2 : d.kind == 'l' ? d.count : 0;
  }
  /// The value under `key` of a mapping; a node that is false when there is none.
  Node operator[](const char* key) const {
    if (!flat_) return Node(static_cast<const YAML::Node&>(*yaml_)[key]);
    const auto& d = Data();
    if (d.kind == 's') throw YAML::BadSubscript(MarkOf(d), std::string(key));
    if (d.kind == 'm') {
      const std::string_view want(key);
      for (uint32_t i = 0; i < d.count; i += 2) {
        const auto& k = tree_.nodes[tree_.kids[d.kids + i]];
        if (k.kind == 's' && Text(k) == want) return Node(tree_, tree_.kids[d.kids + i + 1]);
      }
    }
    Node none(tree_, kZombie);
    none.key_ = key;
    return none;
  }

  /// Over a sequence's items or a mapping's entries (Item's first and
  /// second); nothing for a scalar or null.
  Iterator begin() const;
  Iterator end() const;

 private:
  static constexpr uint32_t kZombie = UINT32_MAX;
  const rules_node::Data& Data() const {
    if (at_ == kZombie) throw YAML::InvalidNode(key_ ? key_ : "");
    return tree_.nodes[at_];
  }
  std::string_view Text(const rules_node::Data& d) const { return {tree_.bytes + d.text_at, d.text_size}; }
  static YAML::Mark MarkOf(const rules_node::Data& d) {
    YAML::Mark m;
    m.line = d.line;
    m.column = d.column;
    return m;
  }

  std::optional<YAML::Node> yaml_;  // a parsed file's node; none in a flat tree
  View tree_;
  bool flat_ = false;
  uint32_t at_ = 0;
  const char* key_ = nullptr;  // of a missing entry, for the exception (the loaders' literals)
  friend class Iterator;
};

/// An item of a sequence (the Node itself) or an entry of a mapping (first,
/// second), as yaml-cpp's iterator gives them.
struct Item : Node {
  Item(Node self, Node key, Node value) : Node(std::move(self)), first(std::move(key)), second(std::move(value)) {}
  Node first, second;
};

/// Holds no reference to the Node it came from, only to the tree (or
/// yaml-cpp's memory), as yaml-cpp's iterators do.
class Iterator {
 public:
  explicit Iterator(YAML::const_iterator it) : it_(it) {}
  /// Over `d` (null: nothing) of tree `t`, from its `at`th child.
  Iterator(View t, const Data* d, uint32_t at) : tree_(t), flat_(true), data_(d), at_(at) {}
  Item operator*() const {
    if (!flat_) {
      const YAML::detail::iterator_value& v = *it_;
      return Item(Node(static_cast<const YAML::Node&>(v)), Node(v.first), Node(v.second));
    }
    const View& t = tree_;
    const Data& d = *data_;
    const Node none(t, Node::kZombie);
    if (d.kind == 'm') return Item(none, Node(t, t.kids[d.kids + at_]), Node(t, t.kids[d.kids + at_ + 1]));
    return Item(Node(t, t.kids[d.kids + at_]), none, none);
  }
  struct Arrow {
    Item item;
    const Item* operator->() const { return &item; }
  };
  Arrow operator->() const { return {**this}; }
  Iterator& operator++() {
    if (flat_) {
      at_ += data_->kind == 'm' ? 2 : 1;
    } else {
      ++it_;
    }
    return *this;
  }
  bool operator==(const Iterator& o) const { return flat_ ? at_ == o.at_ : it_ == o.it_; }
  bool operator!=(const Iterator& o) const { return !(*this == o); }

 private:
  YAML::const_iterator it_;
  View tree_;
  bool flat_ = false;
  const Data* data_ = nullptr;
  uint32_t at_ = 0;
};

inline Iterator Node::begin() const {
  if (!flat_) return Iterator(static_cast<const YAML::Node&>(*yaml_).begin());
  if (at_ == kZombie) return Iterator(tree_, nullptr, 0);  // nothing, as in yaml-cpp
  return Iterator(tree_, &Data(), 0);
}

inline Iterator Node::end() const {
  if (!flat_) return Iterator(static_cast<const YAML::Node&>(*yaml_).end());
  if (at_ == kZombie) return Iterator(tree_, nullptr, 0);
  const rules_node::Data& d = Data();
  return Iterator(tree_, &d, d.kind == 'm' || d.kind == 'l' ? d.count : 0);
}

}  // namespace noticetab::rules_node

#endif  // NOTICETAB_RULES_NODE_H_
