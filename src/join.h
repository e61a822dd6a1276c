// Internal to src/: a list written as one string with a separator between its
// items (units with 、, reader names with +, path pieces with /). Not part of
// the public API. Nothing here throws but std::bad_alloc.
#ifndef NOTICETAB_SRC_JOIN_H_
#define NOTICETAB_SRC_JOIN_H_

#include <string>
#include <string_view>

namespace noticetab {

/// How the flat formats and the views write a list in one cell, and how they
/// write warnings (../shared/spec/OUTPUT.md: lists with 、, warnings with ；).
inline constexpr std::string_view kListSep = "、";
inline constexpr std::string_view kWarningSep = "；";

/// What text(item) returns for each item, with `sep` between each two
/// ("a、b、c"); "" for none. An empty item still gets its separators.
template <typename Range, typename Text>
std::string Join(const Range& items, std::string_view sep, Text text) {
  std::string out;
  bool first = true;
  for (const auto& item : items) {
    if (!first) out += sep;
    first = false;
    out += text(item);
  }
  return out;
}
/// The items themselves joined: each is appended to a std::string as it is
/// (std::string, std::string_view, const char*, char).
template <typename Range>
std::string Join(const Range& items, std::string_view sep) {
  return Join(items, sep, [](const auto& item) -> const auto& { return item; });
}

}  // namespace noticetab

#endif  // NOTICETAB_SRC_JOIN_H_
