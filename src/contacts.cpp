// Part of stage 7, normalize: contact details written into a unit cell (a
// contact person, a phone number: 县城市管理局（联系人：陈刚，13905912345）,
// 县市场监管局 周敏 15906661234, 县公安局 黄志明, 县公安局（黄志明，副局长）)
// are no part of any unit name. They are taken
// out of the cell before it is split, and kept in the task's remarks.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "noticetab/classify.h"
#include "noticetab/normalize.h"
#include "noticetab/text.h"

namespace noticetab {
namespace {

// Whether s may hold a phone number: seven ASCII digits in a row, a space or
// hyphen between two digits going on with the row (138 1234 5678); the
// pattern is asked only then.
bool HasDigitRun(std::string_view s) {
  int run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      if (++run >= 7) return true;
    } else if (!((c == ' ' || c == '-') && run > 0 && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '9')) {
      run = 0;
    }
  }
  return false;
}

// One pass: a byte that ends a key (rules.contact_key_ends, as the org
// suffixes' ends) is where one may end, looked at there only.
bool HasContactKey(std::string_view s, const Rules& rules) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (!((rules.contact_key_ends >> (static_cast<unsigned char>(s[i]) & 63)) & 1)) continue;
    for (const auto& k : rules.contact_keys)
      if (!k.empty() && k.back() == s[i] && k.size() <= i + 1 && s.substr(i + 1 - k.size(), k.size()) == k) return true;
  }
  return false;
}

bool IsRoleWord(std::string_view piece, const Rules& rules) {
  for (const auto& [word, role] : rules.role_words)
    if (piece == word) return true;
  return false;
}

// Whether a colon follows s's first `end` bytes (a key's), past spaces.
bool ColonAfter(std::string_view s, size_t end, const Rules& rules) {
  return rules.punct.colon.StartLength(Trim(s.substr(end))) > 0;
}

// Whether s holds a contact key with a colon after it (联系人：, 电话:):
// where a key is no word of a name's (（12315投诉电话）, （手机端…运营）).
bool KeyedPart(std::string_view s, const Rules& rules) {
  for (const auto& key : rules.contact_keys)
    for (size_t p = key.empty() ? std::string_view::npos : s.find(key); p != std::string_view::npos; p = s.find(key, p + 1))
      if (ColonAfter(s, p + key.size(), rules)) return true;
  return false;
}

// Whether a bracket's text names a person and a post (黄志明，副局长), after a
// unit: units.yaml contact_person with its post.
bool PersonWithPost(std::string_view inner, const Rules& rules) {
  if (inner.size() > 48) return false;  // 16 characters: a name, a post and a mark
  const Regex::Match m = rules.contact_person.Find(inner);
  return m.found && (!m.Group("post").empty() || !m.Group("pre").empty());
}

// Whether a word is a person's name of three characters (units.yaml
// contact_person, no post) and no unit name or start of one (林业站, 高新区).
// Two characters after a unit are as often a body or a line of work as a
// name (县林业局 林草, 县教体局 高中, 县财政局 金融): none is taken.
bool BareName(std::string_view word, const Rules& rules) {
  if (word.empty() || word.size() > 12) return false;
  return CharCountUpTo(word, 4) == 3 && !IsCompleteUnit(word, rules) && !StartsLikeUnit(word, rules) &&
         rules.contact_person.Contains(word);
}

// A word without the role word run on after it (县发改局 王小明牵头: the
// unit's role, not the name's).
std::string_view WithoutRoleWord(std::string_view word, const Rules& rules) {
  for (const auto& [w, role] : rules.role_words)
    if (word.size() > w.size() && EndsWith(word, w)) return word.substr(0, word.size() - w.size());
  return word;
}

// A bracket holding only a person's name right after a whole unit name
// (县农业农村局（孙小强）): the name is no part of the unit's (（高新区） is none).
bool BareNameAfterUnit(std::string_view before, std::string_view inner, const Rules& rules) {
  if (!BareName(Trim(inner), rules)) return false;
  size_t from = before.size(), b = 0;
  while (from > 0 && IsHan(PrevChar(before, from, &b))) from = b;
  return from < before.size() && IsCompleteUnit(before.substr(from), rules);
}

}  // namespace

bool PersonAfterUnit(std::string_view unit, std::string_view word, const Rules& rules) {
  // One character (a spaced PDF line's every run) is no name: asked first.
  if (unit.empty() || CharCountUpTo(word, 2) < 2 || !IsCompleteUnit(unit, rules)) return false;
  if (rules.unit_person.Contains(word)) return true;
  return BareName(WithoutRoleWord(word, rules), rules);
}

namespace {

// Whether a space run is wide: two spaces or more, or one that is no ASCII
// space (the ideographic space U+3000, a character wide), which no PDF
// line's letter spacing gives.
bool WideGap(std::string_view gap) {
  size_t i = 0, chars = 0;
  while (i < gap.size()) {
    if (NextChar(gap, i) >= 0x80) return true;
    ++chars;
  }
  return chars >= 2;
}

// Whether a name is a body of its own (units.yaml whole_suffixes: 高新区管委会,
// 城关镇办事处): a whole unit name ending so, two characters at least before
// the suffix.
bool WholeBody(std::string_view name, const Rules& rules) {
  for (const std::string& suf : rules.whole_suffixes)
    if (EndsWith(name, suf) && name.size() > suf.size() + 3) return IsCompleteUnit(name, rules);
  return false;
}

}  // namespace

bool SpaceKept(std::string_view before, std::string_view gap, std::string_view after, const Rules& rules) {
  if (PersonAfterUnit(before, after, rules)) return true;
  if (before.empty() || CharCountUpTo(after, 3) < 3 || !IsCompleteUnit(before, rules)) return false;
  const std::string_view name = WithoutRoleWord(after, rules);
  return WholeBody(name, rules) || (WideGap(gap) && IsCompleteUnit(name, rules));
}

namespace {

// Brackets holding a contact key, a phone number or a person with a post: all but their role words
// go (（牵头，联系人：李强 0596-7325566） is （牵头）; a bracket of contact
// details only is dropped whole).
// keyed, digits: whether the cell may hold a key, a number (TakeContacts' gates).
void TakeBracketed(std::string& s, const Rules& rules, std::vector<std::string>* contacts, bool keyed, bool digits) {
  const Punctuation& pu = rules.punct;
  for (size_t i = 0; i < s.size();) {
    const size_t open_at = i;
    const char32_t c = NextChar(s, i);
    if (!pu.opens.Has(c)) continue;
    size_t j = i, close_at = std::string::npos;
    for (int depth = 1; j < s.size();) {
      const size_t at = j;
      const char32_t d = NextChar(s, j);
      if (pu.opens.Has(d)) ++depth;
      else if (pu.closes.Has(d) && --depth == 0) {
        close_at = at;
        break;
      }
    }
    if (close_at == std::string::npos) return;
    const std::string_view inner = std::string_view(s).substr(i, close_at - i);
    if (!(keyed && KeyedPart(inner, rules)) && !(digits && HasDigitRun(inner) && rules.phone.Contains(inner)) &&
        !(open_at > 0 && (PersonWithPost(inner, rules) || BareNameAfterUnit(std::string_view(s).substr(0, open_at), inner, rules))))
      continue;
    // Its parts between commas and semicolons: role words stay, the rest
    // (from the first such part to the last, as written) is the contact.
    std::vector<std::string_view> kept;
    size_t gone_begin = std::string::npos, gone_end = 0;
    size_t from = 0;
    for (size_t k = 0; k <= inner.size();) {
      const size_t at = k;
      const bool end = k == inner.size();
      const char32_t d = end ? 0 : NextChar(inner, k);
      if (!end && !(pu.comma.Has(d) || pu.semicolon.Has(d))) continue;
      if (end) ++k;
      const std::string_view piece = Trim(inner.substr(from, at - from));
      from = k;
      if (piece.empty()) continue;
      if (IsRoleWord(piece, rules)) {
        kept.push_back(piece);
        continue;
      }
      const size_t b = static_cast<size_t>(piece.data() - inner.data());
      gone_begin = std::min(gone_begin, b), gone_end = b + piece.size();
    }
    std::string contact;
    if (gone_begin != std::string::npos) contact = std::string(inner.substr(gone_begin, gone_end - gone_begin));
    std::string replacement;
    if (!kept.empty()) {
      replacement = s.substr(open_at, i - open_at);
      for (size_t k = 0; k < kept.size(); ++k) replacement += (k ? pu.list_joiner : "") + std::string(kept[k]);
      replacement += s.substr(close_at, j - close_at);
    }
    if (!contact.empty()) contacts->push_back(std::move(contact));
    s.replace(open_at, j - open_at, replacement);
    i = open_at + replacement.size();
  }
}

// Whether s's first `at` bytes end in a whole unit name, its Han characters
// back to the first that is none (县商务局 in 县商务局联系人：).
bool EndsInWholeUnit(std::string_view s, size_t at, const Rules& rules) {
  size_t from = at, b = 0;
  while (from > 0 && IsHan(PrevChar(s, from, &b))) from = b;
  return from < at && IsCompleteUnit(s.substr(from, at - from), rules);
}

// A part opening with a contact key and a colon (县公安局，联系人：黄志明): from
// there to the cell's end, with the separator before it. The key may follow
// a bracket's close or a whole unit name with no separator (县商务局（牵头）
// 联系人：孙强, 县商务局联系人：孙强: the space between them joined away).
void TakeKeyed(std::string& s, const Rules& rules, std::vector<std::string>* contacts) {
  const Punctuation& pu = rules.punct;
  size_t best = std::string::npos;
  for (const auto& key : rules.contact_keys) {
    for (size_t p = s.find(key); p != std::string::npos && p < best; p = s.find(key, p + 1)) {
      if (!ColonAfter(s, p + key.size(), rules)) continue;
      size_t b = 0;
      const char32_t before = p ? PrevChar(s, p, &b) : U' ';
      if (IsSpace(before) || pu.comma.Has(before) || pu.semicolon.Has(before) || pu.enumeration.Has(before) ||
          pu.closes.Has(before) || (IsHan(before) && EndsInWholeUnit(s, p, rules))) {
        best = p;
        break;
      }
    }
  }
  if (best == std::string::npos) return;
  // The contact runs to the cell's end, or to a semicolon after which a
  // whole unit name goes on (联系人：李明；县财政局: the list's next unit).
  const std::string_view all = s;
  size_t end = all.size();
  for (size_t q = pu.semicolon.Find(all, best); q != std::string_view::npos; q = pu.semicolon.Find(all, q + 1)) {
    size_t after = q;
    NextChar(all, after);
    std::string_view next = Trim(all.substr(after));
    for (size_t i = 0; i < next.size();) {
      const size_t at = i;
      const char32_t c = NextChar(next, i);
      if (pu.comma.Has(c) || pu.semicolon.Has(c) || pu.enumeration.Has(c)) {
        next = next.substr(0, at);
        break;
      }
    }
    if (!next.empty() && IsCompleteUnit(Trim(next), rules)) {
      end = q;
      break;
    }
  }
  contacts->push_back(std::string(Trim(all.substr(best, end - best))));
  std::string_view head = Trim(all.substr(0, best));
  head = Trim(pu.enumeration.TrimEnd(pu.semicolon.TrimEnd(pu.comma.TrimEnd(head))));
  s = std::string(head) + std::string(all.substr(end));
}

// Phone numbers, each with the person's name printed before it: a short name
// apart from the unit by a space (县市场监管局 周敏 15906661234) or run on
// after a whole unit name (县公安局黄志明13859601234).
void TakePhones(std::string& s, const Rules& rules, std::vector<std::string>* contacts) {
  for (size_t from = 0; from < s.size() && HasDigitRun(std::string_view(s).substr(from));) {
    const Regex::Match m = rules.phone.Find(std::string_view(s).substr(from));
    if (!m.found || m.end == m.begin) return;
    const size_t begin = from + m.begin, end = from + m.end;
    size_t q = begin, b = 0;
    while (q > 0 && IsSpace(PrevChar(s, q, &b))) q = b;
    size_t r = q;
    while (r > 0 && IsHan(PrevChar(s, r, &b))) r = b;
    size_t person = begin;
    if (r < q) {
      const std::string_view run = std::string_view(s).substr(r, q - r);
      const size_t chars = CharCountUpTo(run, 5);
      const bool spaced = r > 0 && IsSpace(PrevChar(s, r, &b));
      if (spaced && chars >= 2 && chars <= 4 && !IsCompleteUnit(run, rules)) {
        person = r;
      } else if (!IsCompleteUnit(run, rules)) {
        // The name's last two or three characters after a whole unit's.
        size_t cut = run.size();
        for (int k = 0; k < 3 && cut > 0; ++k) {
          PrevChar(run, cut, &cut);
          if (k >= 1 && IsCompleteUnit(run.substr(0, cut), rules)) {
            person = r + cut;
            break;
          }
        }
      }
    }
    contacts->push_back(std::string(Trim(std::string_view(s).substr(person, end - person))));
    s.erase(person, end - person);
    from = person;
  }
}

// A person's name apart by a space after a whole unit name (县公安局 黄志明):
// units.yaml contact_person, and no unit name itself (林业站) or start of one.
void TakeSpacedPersons(std::string& s, const Rules& rules, std::vector<std::string>* contacts) {
  const Punctuation& pu = rules.punct;
  auto parts = [&](char32_t c) { return IsSpace(c) || pu.comma.Has(c) || pu.semicolon.Has(c) || pu.enumeration.Has(c); };
  for (size_t i = 0; i < s.size();) {
    const size_t space_at = i;
    if (!IsSpace(NextChar(s, i))) continue;
    size_t word = i;
    while (word < s.size()) {  // past the spaces
      size_t k = word;
      if (!IsSpace(NextChar(s, k))) break;
      word = k;
    }
    size_t end = word;
    while (end < s.size()) {
      size_t k = end;
      if (parts(NextChar(s, k))) break;
      end = k;
    }
    // The unit before the space: from the last separator before it.
    size_t from = space_at, b = 0;
    while (from > 0 && !parts(PrevChar(s, from, &b))) from = b;
    const std::string_view unit = std::string_view(s).substr(from, space_at - from);
    // A role word run on after the name (县发改局 王小明牵头) stays, the unit's.
    const std::string_view name = WithoutRoleWord(std::string_view(s).substr(word, end - word), rules);
    end = word + name.size();
    if (name.empty() || unit.empty() || !IsCompleteUnit(unit, rules) || !BareName(name, rules)) {
      i = word;
      continue;
    }
    contacts->push_back(std::string(name));
    s.erase(space_at, end - space_at);
    i = space_at;
  }
}

// Whether s may hold a colon or an opening bracket, where a contact key
// counts: an ASCII one, or a full-width form's lead byte (：（ are EF BC 9A,
// EF BC 88). Most unit cells hold neither: one memchr each.
bool MayHoldKeyed(std::string_view s) {
  return std::memchr(s.data(), 0xEF, s.size()) || std::memchr(s.data(), ':', s.size()) ||
         std::memchr(s.data(), '(', s.size());
}

}  // namespace

std::string TakeContacts(std::string_view cell, const Rules& rules, std::vector<std::string>* contacts) {
  const bool may_keyed = MayHoldKeyed(cell);
  const bool keyed = may_keyed && HasContactKey(cell, rules), digits = HasDigitRun(cell);
  // A person with no key or number: in a bracket after a name, or after a space.
  const bool bracket = may_keyed && rules.punct.opens.In(cell), spaced = HasSpace(cell);
  if (!keyed && !digits && !bracket && !spaced) return {};
  const size_t before = contacts->size();
  std::string s(cell);
  if (keyed || digits || bracket) TakeBracketed(s, rules, contacts, keyed, digits);
  if (keyed) TakeKeyed(s, rules, contacts);
  if (digits) TakePhones(s, rules, contacts);
  if (spaced) TakeSpacedPersons(s, rules, contacts);
  return contacts->size() > before ? std::string(Trim(s)) : std::string();
}

std::string TakeKeyedContacts(std::string_view cell, const Rules& rules, std::vector<std::string>* contacts) {
  if (!MayHoldKeyed(cell) || !HasContactKey(cell, rules)) return std::string(cell);
  std::string s(cell);
  TakeKeyed(s, rules, contacts);
  return s;
}

bool IsContactLine(std::string_view line, const Rules& rules) {
  line = Trim(line);
  if (!HasDigitRun(line)) {
    // 联系人：张三 (units.yaml contact_line_keys): a person's name, or two
    // (张三、李四), and nothing else after the key.
    for (const auto& key : rules.contact_line_keys) {
      if (key.empty() || !line.starts_with(key) || !ColonAfter(line, key.size(), rules)) continue;
      std::string_view value = Trim(line.substr(key.size()));
      value = Trim(value.substr(rules.punct.colon.StartLength(value)));
      value = rules.punct.full_stop.TrimEnd(value);
      if (value.empty() || value.size() > 48) return false;  // 16 characters: two names and a post
      if (rules.contact_person.Contains(value)) return true;  // 张三，科员
      const auto pieces = SplitTopLevel(value, rules);
      return !pieces.empty() && std::all_of(pieces.begin(), pieces.end(), [&](std::string_view p) {
        return rules.contact_person.Contains(Trim(p));
      });
    }
    return false;
  }
  for (const auto& keys : {&rules.contact_keys, &rules.contact_line_keys})
    for (const auto& key : *keys)
      if (!key.empty() && line.starts_with(key) && ColonAfter(line, key.size(), rules))
        return rules.phone.Contains(line);
  return false;
}

bool IsPhoneNumber(std::string_view name, const Rules& rules) {
  name = Trim(name);
  if (!HasDigitRun(name)) return false;
  const Regex::Match m = rules.phone.Find(name);
  return m.found && m.begin == 0 && m.end == name.size();
}

}  // namespace noticetab
