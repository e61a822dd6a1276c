// XLSX (SpreadsheetML): the annex task table a notice ships as a workbook.
// Each visible sheet, in the workbook's order, becomes one table, as a docx
// table would: rows by their r numbers (rows with no value left out), cells
// by their references, merged ranges (mergeCell) as exact spans whose covered
// positions repeat the text above. Rows of one cell before the first row of
// two (a merged title row 附件：XX任务分解表) and after the last are
// paragraphs, as the caption and notes around a docx table are; the sheet's
// name is not read (a docx table has none). Shared and inline strings without
// their phonetic runs; numbers as Excel shows them without a format (15
// significant digits, shortest); dates (a number in a date format) as
// numbering.yaml `date` writes them. Hidden sheets, charts, comments, and
// formulas without a cached value are not read.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

#include "internal.h"
#include "noticetab/error.h"
#include "noticetab/rules.h"
#include "noticetab/text.h"

namespace noticetab::native {
namespace {

// A sheet is at most XFD1048576 (16384 columns); a task table is a few
// columns wide. Columns past this many are reported, not rendered.
constexpr int kMaxColumns = 256;
constexpr int kMaxRow = 1048576;

int ToIndex(std::string_view s) {
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
    if (v > kMaxRow) return -1;
  }
  return s.empty() ? -1 : v;
}

// A cell reference "B3" (or "$B$3") as 0-based (row, column); {-1, -1} when
// it is not one.
std::pair<int, int> CellRef(std::string_view ref) {
  size_t i = 0;
  if (i < ref.size() && ref[i] == '$') ++i;
  int col = 0;
  const size_t letters = i;
  for (; i < ref.size() && std::isalpha(static_cast<unsigned char>(ref[i])); ++i) {
    col = col * 26 + (std::toupper(static_cast<unsigned char>(ref[i])) - 'A' + 1);
    if (col > 16384) return {-1, -1};
  }
  if (i == letters) return {-1, -1};
  if (i < ref.size() && ref[i] == '$') ++i;
  const int row = ToIndex(ref.substr(i));
  if (row < 1) return {-1, -1};
  return {row - 1, col - 1};
}

// OOXML escapes characters XML cannot carry as _xHHHH_ (_x000D_ for a
// carriage return, _x005F_ for the underscore of a literal "_x").
std::string Unescape(std::string s) {
  if (s.find("_x") == std::string::npos) return s;
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_' &&
        std::all_of(s.begin() + static_cast<long>(i) + 2, s.begin() + static_cast<long>(i) + 6,
                    [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; })) {
      const auto code = static_cast<char32_t>(std::stoul(s.substr(i + 2, 4), nullptr, 16));
      if (code == '\r') {
        if (i + 7 >= s.size() || s[i + 7] != '\n') out += '\n';  // CR LF is one break
      } else {
        AppendUtf8(out, code);
      }
      i += 6;
    } else {
      out += s[i];
    }
  }
  return out;
}

// The text of a string item (<si> of sharedStrings, <is> of an inline
// string): its <t>, or the <t> of its rich runs; phonetic runs (<rPh>, the
// furigana of Japanese workbooks) are not part of it.
std::string StringItem(const xmlNode* si) {
  std::string text;
  for (const xmlNode* n = si->children; n != nullptr; n = n->next) {
    const xmlNode* t = Name(n) == "t" ? n : Name(n) == "r" ? Child(n, "t") : nullptr;
    if (t == nullptr) continue;
    for (const xmlNode* c = t->children; c != nullptr; c = c->next) text += NodeText(c);
  }
  return Unescape(std::move(text));
}

// An xsd:boolean attribute's true ("1" or "true").
bool XsdTrue(std::string_view v) { return v == "1" || v == "true"; }

// What a number format shows of a date.
enum class DateShown : uint8_t { kNone, kDay, kMonth };

// What a number format code shows: a date where it has a year or day part
// outside quoted text, escapes and [..] sections, or months with no hours or
// seconds beside them (m alone in a time format is minutes); the month only
// where it has no day (yyyy"年"m"月", yyyy-mm, mmm-yy: a typed 2025年9月).
DateShown DateCode(std::string_view code) {
  if (StartsWithNoCase(code, "general"))
    return DateShown::kNone;  // LibreOffice defines it as a format of its own
  bool y = false, d = false, m = false, hs = false;
  for (size_t i = 0; i < code.size(); ++i) {
    const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(code[i])));
    if (c == '"') {
      const size_t end = code.find('"', i + 1);
      if (end == std::string_view::npos) break;
      i = end;
    } else if (c == '[') {
      const size_t end = code.find(']', i + 1);
      if (end == std::string_view::npos) break;
      i = end;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else if (c == ';') {
      break;  // the first section (positive numbers) decides
    } else if (c == 'y') {
      y = true;
    } else if (c == 'd') {
      d = true;
    } else if (c == 'm') {
      m = true;
    } else if (c == 'h' || c == 's') {
      hs = true;
    }
  }
  if (!(y || d || (m && !hs))) return DateShown::kNone;
  return y && m && !d && !hs ? DateShown::kMonth : DateShown::kDay;
}

// Built-in number formats that show a date: 14-17 and 22 in every locale,
// and the CJK ones (27-31, 36, 50-58 are 年月日 forms in a Chinese Excel);
// of them 17 (mmm-yy) and, in a Chinese Excel, 27, 36, 50, 52 and 57
// (yyyy"年"m"月") show the month only.
DateShown DateFormatId(int id) {
  if (id == 17 || id == 27 || id == 36 || id == 50 || id == 52 || id == 57) return DateShown::kMonth;
  const bool date = (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 31) || id == 36 || (id >= 50 && id <= 58);
  return date ? DateShown::kDay : DateShown::kNone;
}

// numbering.yaml `date` (the built-in file: readers run before a notice's
// rules are chosen) with the numbers put in; a month's, the format up to its
// day ({y}年{m}月).
std::string DateText(int64_t y, int64_t m, int64_t d, bool month_only = false) {
  std::string s = BuiltinNumbering().date_format;
  if (const size_t day = s.find("{d}");
      month_only && day != std::string::npos && s.find("{y}") < day && s.find("{m}") < day)
    s.resize(day);
  for (auto [part, v] : {std::pair<std::string_view, int64_t>{"{y}", y}, {"{m}", m}, {"{d}", d}})
    if (const size_t at = s.find(part); at != std::string::npos)
      s.replace(at, part.size(), std::to_string(v));
  return s;
}

// The date of days since 1970-01-01 (H. Hinnant's civil_from_days).
std::string CivilDate(int64_t days, bool month_only) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  return DateText(yoe + era * 400 + (m <= 2), m, d, month_only);
}

// A number as Excel's General format shows it: 15 significant digits, no
// trailing zeros (2.5, not 2.50000000000001).
std::string NumberText(const std::string& v) {
  double d = 0;
  const char* end = v.data() + v.size();
  auto [p, ec] = std::from_chars(v.data(), end, d);
  if (ec != std::errc() || p != end || !std::isfinite(d)) return v;
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::general, 15);
  double rounded = 0;
  std::from_chars(buf, r.ptr, rounded);
  r = std::to_chars(buf, buf + sizeof buf, rounded);  // shortest
  return std::string(buf, r.ptr);
}

struct Merge {
  int row1, col1, row2, col2;
};

struct Sheet {
  std::map<int, std::map<int, std::string>> cells;  // row -> column -> text (not empty)
  std::vector<Merge> merges;
};

class XlsxReader {
 public:
  XlsxReader(Rendered* out, Zip& zip) : lines_(out), out_(out), zip_(zip) {}

  void Read() {
    const std::string book_part = MainPart(zip_, "xl/workbook.xml");
    if (!zip_.Has(book_part)) {
      throw Error(Error::Kind::kInput, "an .xlsx without its workbook part (" + book_part + ")",
                  zip_.name());
    }
    std::map<std::string, std::string> sheet_parts;  // relationship id -> worksheet part
    std::string strings_part = "xl/sharedStrings.xml", styles_part = "xl/styles.xml";
    for (Relationship& rel : Relationships(zip_, book_part)) {
      if (rel.type == "worksheet")
        sheet_parts[rel.id] = std::move(rel.path);
      else if (rel.type == "sharedStrings")
        strings_part = std::move(rel.path);
      else if (rel.type == "styles")
        styles_part = std::move(rel.path);
    }
    if (zip_.Has(strings_part)) SharedStrings(strings_part);
    if (zip_.Has(styles_part)) Styles(styles_part);
    XmlDoc book = ParseXml(zip_.Read(book_part), zip_.name(), book_part);
    const xmlNode* root = xmlDocGetRootElement(book.get());
    if (const xmlNode* pr = Child(root, "workbookPr")) {
      const std::string v = Attr(pr, "date1904");
      date1904_ = XsdTrue(v);
    }
    const xmlNode* sheets = Child(root, "sheets");
    bool first = true;
    for (const xmlNode* s = sheets != nullptr ? sheets->children : nullptr; s != nullptr;
         s = s->next) {
      if (Name(s) != "sheet") continue;
      const std::string state = Attr(s, "state");
      if (state == "hidden" || state == "veryHidden") continue;
      auto it = sheet_parts.find(Attr(s, "id"));
      if (it == sheet_parts.end()) continue;  // a chart sheet, a dialog sheet
      if (!zip_.Has(it->second)) {
        NotRead(*out_, static_cast<int>(out_->lines.size()) + 1,
                "sheet " + Attr(s, "name") + ": its part " + it->second + " is missing");
        continue;
      }
      if (!first) lines_.Paragraph("");
      first = false;
      Render(ReadSheet(it->second, Attr(s, "name")));
    }
  }

 private:
  void SharedStrings(const std::string& part) {
    XmlDoc doc = ParseXml(zip_.Read(part), zip_.name(), part);
    for (const xmlNode* si = xmlDocGetRootElement(doc.get())->children; si != nullptr;
         si = si->next)
      if (Name(si) == "si") strings_.push_back(StringItem(si));
  }

  // Which cell styles (cellXfs, by index) show numbers as dates.
  void Styles(const std::string& part) {
    XmlDoc doc = ParseXml(zip_.Read(part), zip_.name(), part);
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    std::map<int, DateShown> custom;  // numFmtId -> what it shows, for the formats the workbook defines
    if (const xmlNode* fmts = Child(root, "numFmts"))
      for (const xmlNode* f = fmts->children; f != nullptr; f = f->next)
        if (Name(f) == "numFmt")
          custom[ToIndex(Attr(f, "numFmtId"))] = DateCode(Attr(f, "formatCode"));
    if (const xmlNode* xfs = Child(root, "cellXfs"))
      for (const xmlNode* xf = xfs->children; xf != nullptr; xf = xf->next) {
        if (Name(xf) != "xf") continue;
        const int id = ToIndex(Attr(xf, "numFmtId"));
        auto it = custom.find(id);
        date_styles_.push_back(it != custom.end() ? it->second : DateFormatId(id));
      }
  }

  std::string Value(const xmlNode* c) {
    const std::string type = Attr(c, "t");
    if (type == "inlineStr") {
      const xmlNode* is = Child(c, "is");
      return is != nullptr ? StringItem(is) : std::string();
    }
    const xmlNode* v = Child(c, "v");
    if (v == nullptr) return {};
    std::string text;
    for (const xmlNode* t = v->children; t != nullptr; t = t->next) text += NodeText(t);
    if (type == "s") {
      const int i = ToIndex(text);
      return i >= 0 && static_cast<size_t>(i) < strings_.size() ? strings_[static_cast<size_t>(i)]
                                                                : std::string();
    }
    if (type == "str" || type == "e") return Unescape(std::move(text));
    if (type == "b") return text == "1" ? "TRUE" : text == "0" ? "FALSE" : text;
    if (type == "d") {  // an ISO 8601 date (strict OOXML): 2024-06-30 or 2024-06-30T00:00:00
      int ymd[3] = {0, 0, 0};
      const char* p = text.data();
      const char* end = p + text.size();
      for (int k = 0; k < 3 && p < end; ++k) {
        p = std::from_chars(p + (k > 0 && *p == '-'), end, ymd[k]).ptr;
      }
      if (ymd[0] > 0 && ymd[1] >= 1 && ymd[1] <= 12 && ymd[2] >= 1 && ymd[2] <= 31)
        return DateText(ymd[0], ymd[1], ymd[2]);
      return text;
    }
    // A number (t="n" or none); a date when its style shows one.
    const int style = ToIndex(Attr(c, "s"));
    if (style >= 0 && static_cast<size_t>(style) < date_styles_.size() &&
        date_styles_[static_cast<size_t>(style)] != DateShown::kNone) {
      double d = 0;
      const char* end = text.data() + text.size();
      if (auto [p, ec] = std::from_chars(text.data(), end, d); ec == std::errc() && p == end)
        if (std::string date = SerialDate(d, date1904_, date_styles_[static_cast<size_t>(style)] == DateShown::kMonth);
            !date.empty())
          return date;
    }
    return NumberText(text);
  }

  Sheet ReadSheet(const std::string& part, const std::string& name) {
    XmlDoc doc = ParseXml(zip_.Read(part), zip_.name(), part);
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    Sheet sheet;
    int beyond = 0;  // cells with a value past kMaxColumns
    // Rows and columns the author hid (not by a filter or a collapsed outline
    // group: those rows are the table's, out of view for a moment) are not
    // shown, so not read (an earlier wording kept hidden had been a task);
    // said. A merged cell anchored in a hidden row shows in the rows below.
    const bool filtered = Child(root, "autoFilter") != nullptr;
    std::set<int> hidden_cols;
    if (const xmlNode* cols = Child(root, "cols"))
      for (const xmlNode* c = cols->children; c != nullptr; c = c->next)
        if (Name(c) == "col" && XsdTrue(Attr(c, "hidden")))
          for (int k = std::max(1, ToIndex(Attr(c, "min"))); k <= std::min(ToIndex(Attr(c, "max")), kMaxColumns); ++k)
            hidden_cols.insert(k - 1);
    int hidden_rows = 0, hidden_cells = 0;
    std::map<int, std::map<int, std::string>> hidden;  // the hidden rows' values, for merges anchored there
    std::set<int> hidden_rows_at;                      // every hidden row, empty ones too
    if (const xmlNode* data = Child(root, "sheetData")) {
      int row = -1;
      for (const xmlNode* r = data->children; r != nullptr; r = r->next) {
        if (Name(r) != "row") continue;
        const int number = ToIndex(Attr(r, "r"));
        row = number >= 1 ? number - 1 : row + 1;
        const bool hidden_row = !filtered && XsdTrue(Attr(r, "hidden")) && ToIndex(Attr(r, "outlineLevel")) <= 0;
        if (hidden_row) hidden_rows_at.insert(row);
        int col = -1;
        bool row_had_text = false;
        for (const xmlNode* c = r->children; c != nullptr; c = c->next) {
          if (Name(c) != "c") continue;
          const auto [ref_row, ref_col] = CellRef(Attr(c, "r"));
          col = ref_col >= 0 ? ref_col : col + 1;
          std::string text = Value(c);
          if (text.empty()) continue;
          if (hidden_row) {
            row_had_text = true;
            if (col < kMaxColumns) hidden[ref_row >= 0 ? ref_row : row][col] = std::move(text);
            continue;
          }
          if (hidden_cols.count(col) > 0) {
            ++hidden_cells;
            continue;
          }
          if (col >= kMaxColumns) {
            ++beyond;
            continue;
          }
          sheet.cells[ref_row >= 0 ? ref_row : row][col] = std::move(text);
        }
        hidden_rows += row_had_text;
      }
    }
    if (hidden_rows > 0 || hidden_cells > 0) {
      std::string what = hidden_rows > 0 ? fmt::format("{} hidden row{}", hidden_rows, hidden_rows == 1 ? "" : "s") : "";
      if (hidden_cells > 0)
        what += fmt::format("{}{} cell{} of hidden columns", what.empty() ? "" : " and ", hidden_cells,
                            hidden_cells == 1 ? "" : "s");
      NotRead(*out_, static_cast<int>(out_->lines.size()) + 1, fmt::format("sheet {}: {} not read", name, what));
    }
    if (beyond > 0) {
      NotRead(*out_, static_cast<int>(out_->lines.size()) + 1,
              fmt::format("sheet {}: {} cells past column {} not read", name, beyond, kMaxColumns));
    }
    if (const xmlNode* merges = Child(root, "mergeCells")) {
      for (const xmlNode* m = merges->children; m != nullptr; m = m->next) {
        if (Name(m) != "mergeCell") continue;
        const std::string ref = Attr(m, "ref");
        const size_t colon = ref.find(':');
        if (colon == std::string::npos) continue;
        const auto [r1, c1] = CellRef(std::string_view(ref).substr(0, colon));
        const auto [r2, c2] = CellRef(std::string_view(ref).substr(colon + 1));
        if (r1 < 0 || r2 < r1 || c2 < c1 || c1 >= kMaxColumns) continue;
        int top = r1;
        if (auto h = hidden.find(r1); h != hidden.end() && h->second.count(c1) > 0) {
          while (top <= r2 && hidden_rows_at.count(top) > 0) ++top;  // the first row shown
          if (top > r2) continue;
          sheet.cells[top][c1] = h->second[c1];
        }
        sheet.merges.push_back({top, c1, r2, std::min(c2, kMaxColumns - 1)});
      }
    }
    return sheet;
  }

  // The sheet as paragraphs and one table (see the file comment).
  void Render(Sheet sheet) {
    // Only a merge whose first cell has text matters: an empty merged range
    // reads as the empty cells it shows. Text Excel hides under a merge (in
    // a covered cell) is not shown, so not read.
    std::vector<Merge> merges;
    for (const Merge& m : sheet.merges) {
      auto row = sheet.cells.find(m.row1);
      if (row == sheet.cells.end() || !row->second.count(m.col1)) continue;
      merges.push_back(m);
    }
    // (row, first column) -> the merge there, for each row with values it
    // covers. Merges may overlap in a hostile file: the pairs are counted
    // against a budget so that the work stays linear in the file.
    std::map<std::pair<int, int>, const Merge*> at;
    std::set<int> continued;  // rows a merge from a row above goes on in
    size_t budget = size_t{1} << 20;
    for (const Merge& m : merges) {
      if (budget == 0) {
        NotRead(*out_, static_cast<int>(out_->lines.size()) + 1,
                "merged cells past the first million not read");
        break;
      }
      for (auto it = sheet.cells.lower_bound(m.row1);
           it != sheet.cells.end() && it->first <= m.row2 && budget > 0; ++it, --budget) {
        if (it->first != m.row1) continued.insert(it->first);
        auto& cols = it->second;
        cols.erase(cols.lower_bound(it->first == m.row1 ? m.col1 + 1 : m.col1),
                   cols.upper_bound(m.col2));
        at.emplace(std::make_pair(it->first, m.col1), &m);
      }
    }
    std::vector<int> rows;  // rows with a value, in order
    for (const auto& [r, cols] : sheet.cells)
      if (!cols.empty()) rows.push_back(r);
    if (rows.empty()) return;
    // Title rows above the table and notes below it: one value, its merge
    // (if any) within the row, no merge from above going on in the row (the
    // last row of a table may hold one value beside merged cells).
    auto single = [&](int r) {
      const auto& cols = sheet.cells[r];
      if (cols.size() != 1 || continued.count(r) > 0) return false;
      auto m = at.find({r, cols.begin()->first});
      return m == at.end() || m->second->row2 == r;
    };
    size_t first = 0, last = rows.size();
    while (first < rows.size() && single(rows[first])) ++first;
    while (last > first && single(rows[last - 1])) --last;
    // The table's columns: those its rows use (a table may start in column B
    // under a title in A, and a title merged wider than it adds none).
    int left = kMaxColumns, right = -1;
    for (size_t i = first; i < last; ++i) {
      const auto& cols = sheet.cells[rows[i]];
      left = std::min(left, cols.begin()->first);
      right = std::max(right, cols.rbegin()->first);
      for (auto m = at.lower_bound({rows[i], 0}); m != at.end() && m->first.first == rows[i]; ++m)
        right = std::max(right, m->second->col2);
    }
    for (size_t i = 0; i < rows.size(); ++i) {
      if (i == first && first < last) lines_.BeginTable();
      if (i < first || i >= last) {
        lines_.Paragraph(sheet.cells[rows[i]].begin()->second);
        continue;
      }
      const int r = rows[i];
      std::vector<InCell> row;
      for (int c = left; c <= right;) {
        auto m = at.find({r, c});
        InCell cell;
        if (m != at.end()) {
          cell.col_span = m->second->col2 - c + 1;
          cell.covered = m->second->row1 != r;
        }
        if (!cell.covered) {
          auto v = sheet.cells[r].find(c);
          if (v != sheet.cells[r].end()) cell.text = std::move(v->second);
        }
        c += cell.col_span;
        row.push_back(std::move(cell));
      }
      lines_.AddRow(std::move(row));
      if (i + 1 == last) lines_.EndTable();
    }
  }

  LineBuilder lines_;
  Rendered* out_;
  Zip& zip_;
  std::vector<std::string> strings_;
  std::vector<DateShown> date_styles_;
  bool date1904_ = false;
};

}  // namespace

std::string SerialDate(double serial, bool date1904, bool month_only) {
  if (!(serial >= 1) || serial >= 2958466) return {};
  const auto day = static_cast<int64_t>(std::floor(serial));
  if (date1904) return CivilDate(day - 24107, month_only);  // day 0 is 1904-01-01
  // The 1900 system counts a 29 February 1900 that never was (day 60), as
  // Lotus 1-2-3 did: day 1 is 1900-01-01, day 61 is 1900-03-01.
  if (day == 60) return DateText(1900, 2, 29, month_only);
  return CivilDate(day - (day < 60 ? 25568 : 25569), month_only);
}

Rendered ReadXlsx(Zip& zip) {
  Rendered r;
  XlsxReader(&r, zip).Read();
  return r;
}

}  // namespace noticetab::native
