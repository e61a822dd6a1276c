// The byte format of what is made at build time and read at run time (the
// packed rule trees, rules_pack.h; the built-in patterns' literal analysis,
// text.cpp; their regex_lite programs, regex_lite.cpp): numbers as LEB128
// varints, strings as a varint size then the bytes.
#ifndef NOTICETAB_SRC_VARINT_H_
#define NOTICETAB_SRC_VARINT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace noticetab::varint {

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

/// Reads what PutNumber and PutString wrote. Reading past the end, or a
/// number of more than 64 bits, clears `ok` and gives 0 or "".
struct Reader {
  std::string_view in;
  size_t at = 0;
  bool ok = true;

  uint64_t Number() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64 && at < in.size(); shift += 7) {
      const auto byte = static_cast<unsigned char>(in[at++]);
      v |= uint64_t{byte & 0x7Fu} << shift;
      if (!(byte & 0x80)) return v;
    }
    ok = false;
    return 0;
  }
  std::string_view String() {
    const uint64_t n = Number();
    if (n > in.size() - at) {
      ok = false;
      return {};
    }
    const std::string_view s = in.substr(at, n);
    at += n;
    return s;
  }
  /// A count of items of at least one byte each: never more than are left.
  size_t Count() {
    const uint64_t n = Number();
    if (n > in.size() - at) ok = false;
    return ok ? n : 0;
  }
  char Byte() {
    if (at >= in.size()) {
      ok = false;
      return 0;
    }
    return in[at++];
  }
};

}  // namespace noticetab::varint

#endif  // NOTICETAB_SRC_VARINT_H_
