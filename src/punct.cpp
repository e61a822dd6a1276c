// MarkSet and Punctuation (rules.h): the punctuation tests of punctuation.yaml.
#include <algorithm>

#include "noticetab/rules.h"
#include "noticetab/text.h"
#include "utf8_scan.h"

namespace noticetab {

MarkSet::MarkSet(std::string_view marks) {
  for (size_t i = 0; i < marks.size();) {
    const size_t begin = i;
    const char32_t c = NextChar(marks, i);
    if (Has(c)) continue;
    marks_.push_back(c);
    low_ |= uint64_t{1} << (c & 63);
    mid_ |= uint64_t{1} << ((c >> 6) & 63);
    utf8_.emplace_back(marks.substr(begin, i - begin));
  }
}

// Each mark found by its last byte (utf8_scan.h FindRun): a search by the
// first would stop at every full-width mark of the text, all led by EF.
bool MarkSet::In(std::string_view s) const {
  for (const std::string& m : utf8_)
    if (utf8::FindRun(s, 0, m) != std::string_view::npos) return true;
  return false;
}

size_t MarkSet::EndLength(std::string_view s) const {
  if (s.empty()) return 0;
  size_t lead = s.size() - 1;
  while (lead > 0 && (static_cast<unsigned char>(s[lead]) & 0xC0) == 0x80) --lead;
  size_t end = lead;
  const char32_t c = NextChar(s, end);
  return end == s.size() && Has(c) ? s.size() - lead : 0;
}

size_t MarkSet::StartLength(std::string_view s) const {
  if (s.empty()) return 0;
  size_t end = 0;
  const char32_t c = NextChar(s, end);
  return Has(c) ? end : 0;
}

bool MarkSet::Ends(std::string_view s) const { return EndLength(s) > 0; }

size_t MarkSet::Find(std::string_view s, size_t from) const {
  size_t best = std::string_view::npos;
  for (const std::string& m : utf8_) best = std::min(best, utf8::FindRun(s, from, m));
  return best;
}

bool Punctuation::EndsSentence(std::string_view s) const {
  s = Trim(s);
  if (sentence_end.Ends(s)) return true;
  // A closing quote or bracket ends a sentence only after final punctuation.
  const size_t closer = closers.EndLength(s);
  return closer > 0 && closer_after.Ends(s.substr(0, s.size() - closer));
}

bool Punctuation::RuledRow(std::string_view s) const {
  s = Trim(s);
  if (rule_marks.marks().empty() || !rule_marks.Ends(s) || !rule_marks.StartLength(s)) return false;
  int marks = 0;
  for (size_t i = 0; i < s.size() && marks < 3;) {
    const char32_t c = NextChar(s, i);
    marks += CellBorder(c, true);
  }
  return marks >= 3;
}

size_t Punctuation::TitleEnd(std::string_view t) const {
  // A stop inside brackets is the bracket's (推进共享（牵头单位：市数据局）):
  // the first stop outside any ends the title. Brackets never closed leave
  // none outside: then the first stop at all. Most titles hold no bracket
  // before their first stop: that stop is found by byte search, no walk.
  size_t end = t.size();
  for (const std::string& stop : title_stops.utf8())
    end = std::min(end, t.find(stop, 1));  // from byte 1: a stop at 0 ends nothing
  if (end == t.size() || opens.Find(t.substr(0, end)) == std::string_view::npos) return end;
  size_t first = std::string_view::npos;
  int depth = 0;
  for (size_t i = 0; i < t.size();) {
    const size_t at = i;
    const char32_t c = NextChar(t, i);
    if (at > 0 && title_stops.Has(c)) {
      if (depth <= 0) return at;
      if (first == std::string_view::npos) first = at;
    }
    depth += opens.Has(c) - closes.Has(c);
  }
  // No stop outside the brackets: the whole text when they all closed
  // (扩大普惠性资源（责任单位：市教育局）), else the first stop at all.
  return first == std::string_view::npos || depth <= 0 ? t.size() : first;
}

bool Punctuation::LeavesOpen(std::string_view s) const {
  if (!opens.In(s) && !other_opens.In(s)) return false;  // most texts open none
  int depth = 0;
  for (size_t i = 0; i < s.size();) {
    const char32_t c = NextChar(s, i);
    depth += (opens.Has(c) || other_opens.Has(c)) - (closes.Has(c) || other_closes.Has(c));
  }
  return depth > 0;
}

char32_t Punctuation::CloseOf(char32_t c) const {
  const size_t at = opens.marks().find(c);
  return at == std::u32string::npos ? 0 : closes.marks()[at];
}

bool Punctuation::FoldOcrDigits(std::string* s) const {
  if (ocr_letters.empty() || s->find_first_of(ocr_letters) == std::string::npos) return false;
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
  auto ocr = [&](char c) { return ocr_letters.find(c) != std::string::npos; };
  bool changed = false;
  for (size_t i = 0; i < s->size();) {
    const char c = (*s)[i];
    if (!digit(c) && !ocr(c)) {
      ++i;
      continue;
    }
    size_t end = i;  // the run of digits and such letters
    bool digits = false, letters = false;
    for (; end < s->size() && (digit((*s)[end]) || ocr((*s)[end])); ++end)
      (digit((*s)[end]) ? digits : letters) = true;
    const bool apart = (i == 0 || !letter((*s)[i - 1])) && (end == s->size() || !letter((*s)[end]));
    if (digits && letters && apart) {
      for (size_t k = i; k < end; ++k)
        if (const size_t at = ocr_letters.find((*s)[k]); at != std::string::npos) (*s)[k] = ocr_values[at];
      changed = true;
    }
    i = end;
  }
  return changed;
}

}  // namespace noticetab
