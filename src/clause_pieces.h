// The pieces of a text between its commas and semicolons (punctuation.yaml
// comma, semicolon): what a deadline of steps is read by, in a heading's
// bracket (clauses.cpp HeadingDeadline) and in a deadline cell
// (normalize.cpp's step reader). A header of src/ rather than a method of
// Punctuation (rules.h): two stages call it, and nearly every file includes
// rules.h.
#ifndef NOTICETAB_SRC_CLAUSE_PIECES_H_
#define NOTICETAB_SRC_CLAUSE_PIECES_H_

#include <string_view>

#include "noticetab/rules.h"
#include "noticetab/text.h"

namespace noticetab {

/// Walks s piece by piece: each piece is the text up to the next comma or
/// semicolon (untrimmed), the mark itself in none. A mark closing s leaves
/// no empty piece after it; "" has no piece. s and pu must outlive it.
class ClausePieces {
 public:
  ClausePieces(std::string_view s, const Punctuation& pu) : s_(s), pu_(pu) {}
  /// The next piece into *piece; false when s is done.
  bool Next(std::string_view* piece) {
    if (from_ >= s_.size()) return false;
    size_t end = from_;
    while (end < s_.size()) {
      size_t next = end;
      const char32_t c = NextChar(s_, next);
      if (pu_.comma.Has(c) || pu_.semicolon.Has(c)) {
        *piece = s_.substr(from_, end - from_);
        from_ = next;
        return true;
      }
      end = next;
    }
    *piece = s_.substr(from_);
    from_ = s_.size();
    return true;
  }

 private:
  std::string_view s_;
  const Punctuation& pu_;
  size_t from_ = 0;
};

}  // namespace noticetab

#endif  // NOTICETAB_SRC_CLAUSE_PIECES_H_
