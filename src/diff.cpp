// Task matching between two notices: greedy assignment of the most similar
// pairs first (content 80 %, section and item titles 20 %), above a threshold.
#include "noticetab/diff.h"

#include <algorithm>
#include <cstdint>
#include <tuple>

#include "noticetab/byunit.h"
#include "noticetab/text.h"

#include "join.h"

namespace noticetab {
namespace {

// A pair below this is not the same task reworded, but two different ones.
constexpr double kMatchThreshold = 0.45;

std::vector<uint64_t> Bigrams(std::string_view s) {
  std::vector<uint64_t> out;
  char32_t prev = 0;
  for (size_t i = 0; i < s.size();) {
    const char32_t c = NextChar(s, i);
    const bool word = IsHan(c) || IsDigit(c) || (c < 128 && std::isalnum(static_cast<int>(c)));
    if (!word) continue;  // punctuation and spaces do not break a pair: 、 , 。 are often reworded
    if (prev) out.push_back((static_cast<uint64_t>(prev) << 32) | c);
    prev = c;
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

double Dice(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty() && b.empty()) return 1;
  if (a.empty() || b.empty()) return 0;
  size_t common = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++common, ++i, ++j;
    }
  }
  return 2.0 * static_cast<double>(common) / static_cast<double>(a.size() + b.size());
}

std::vector<std::string> Sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

// Content compared without whitespace: a re-wrapped line is no change.
bool SameContent(const Task& a, const Task& b) { return RemoveSpaces(a.content) == RemoveSpaces(b.content); }

// The same deadline: the same words, kind and date; or the same words whose
// year neither printed (6月底前 in last year's notice and this year's: each
// dated in its own notice's year, the same deadline).
bool SameDeadline(const Task& a, const Task& b) {
  if (a.deadline.kind != b.deadline.kind ||
      RemoveSpaces(a.deadline.text.value_or("")) != RemoveSpaces(b.deadline.text.value_or("")))
    return false;
  auto printed_year = [](const Task& t) { return t.deadline.year_source.value_or("") == "text"; };
  return a.deadline.date == b.deadline.date || (!printed_year(a) && !printed_year(b));
}


}  // namespace

double TextSimilarity(std::string_view a, std::string_view b) { return Dice(Bigrams(a), Bigrams(b)); }

std::vector<TaskChange> DiffTasks(const Document& old_doc, const Document& new_doc) {
  const auto& olds = old_doc.tasks;
  const auto& news = new_doc.tasks;
  auto grams = [](const std::vector<Task>& tasks) {
    std::vector<std::pair<std::vector<uint64_t>, std::vector<uint64_t>>> g;
    for (const Task& t : tasks) g.emplace_back(Bigrams(t.content), Bigrams(t.section_title + t.item_title));
    return g;
  };
  const auto og = grams(olds), ng = grams(news);
  std::vector<std::tuple<double, size_t, size_t>> pairs;
  for (size_t i = 0; i < olds.size(); ++i) {
    for (size_t j = 0; j < news.size(); ++j) {
      const double content = Dice(og[i].first, ng[j].first);
      if (content < kMatchThreshold * 0.8) continue;  // cannot reach the threshold
      const double score = 0.8 * content + 0.2 * Dice(og[i].second, ng[j].second);
      if (score >= kMatchThreshold) pairs.emplace_back(score, i, j);
    }
  }
  // Best pairs first; ties in document order, so that identical tasks pair up in order.
  std::stable_sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) { return std::get<0>(a) > std::get<0>(b); });
  std::vector<long> match_of_old(olds.size(), -1), match_of_new(news.size(), -1);
  std::vector<double> score_of_new(news.size(), 0);
  for (const auto& [score, i, j] : pairs) {
    if (match_of_old[i] >= 0 || match_of_new[j] >= 0) continue;
    match_of_old[i] = static_cast<long>(j);
    match_of_new[j] = static_cast<long>(i);
    score_of_new[j] = score;
  }
  std::vector<TaskChange> out;
  size_t next_old = 0;  // removed tasks are reported where they stood in the old order
  auto flush_removed_before = [&](size_t limit) {
    for (; next_old < limit; ++next_old) {
      if (match_of_old[next_old] < 0) out.push_back({"removed", &olds[next_old], nullptr, {}, 0});
    }
  };
  for (size_t j = 0; j < news.size(); ++j) {
    const Task& n = news[j];
    if (match_of_new[j] < 0) {
      out.push_back({"added", nullptr, &n, {}, 0});
      continue;
    }
    const size_t i = static_cast<size_t>(match_of_new[j]);
    flush_removed_before(i + 1 > next_old ? i + 1 : next_old);
    const Task& o = olds[i];
    std::vector<std::string> fields;
    if (!SameContent(o, n)) fields.push_back("content");
    if (Sorted(o.units) != Sorted(n.units) || Sorted(o.lead_units) != Sorted(n.lead_units) ||
        Sorted(o.support_units) != Sorted(n.support_units)) {
      fields.push_back("units");
    }
    if (!SameDeadline(o, n)) fields.push_back("deadline");
    if (Sorted(o.leaders) != Sorted(n.leaders)) fields.push_back("leaders");
    if (RemoveSpaces(o.remarks.value_or("")) != RemoveSpaces(n.remarks.value_or(""))) fields.push_back("remarks");
    if (!fields.empty()) out.push_back({"changed", &o, &n, std::move(fields), score_of_new[j]});
  }
  flush_removed_before(olds.size());
  return out;
}

const std::vector<std::string_view>& DiffColumns() {
  static const std::vector<std::string_view> kColumns = {
      "change",      "fields",      "old_id",    "new_id",    "section_no",   "item_title",
      "old_content", "new_content", "old_units", "new_units", "old_deadline", "new_deadline",
      "old_leaders", "new_leaders", "old_remarks", "new_remarks"};
  return kColumns;
}

void WriteDiff(std::ostream& out, std::string_view format, const Document& /*old_doc*/,
               const Document& /*new_doc*/, const std::vector<TaskChange>& changes, const WriteOptions& opts) {
  std::vector<std::vector<std::string>> rows;
  const bool text = format == "text";
  for (const TaskChange& c : changes) {
    const Task* o = c.old_task;
    const Task* n = c.new_task;
    const Task* any = n ? n : o;
    const std::string fields = Join(c.fields, ";");
    auto content = [&](const Task* t) { return t ? (text ? ShortenToWidth(t->content, 36) : t->content) : ""; };
    auto units = [&](const Task* t) { return t ? (text ? ShortenToWidth(Join(t->units, kListSep), 24) : Join(t->units, kListSep)) : ""; };
    auto deadline = [](const Task* t) { return t ? t->deadline.text.value_or("") : ""; };
    auto leaders = [&](const Task* t) { return t ? (text ? ShortenToWidth(Join(t->leaders, kListSep), 12) : Join(t->leaders, kListSep)) : ""; };
    auto remarks = [&](const Task* t) { return t ? (text ? ShortenToWidth(t->remarks.value_or(""), 16) : t->remarks.value_or("")) : ""; };
    // On a terminal a changed row shows only what changed.
    const bool show_content = !text || c.change != "changed" || std::count(c.fields.begin(), c.fields.end(), "content");
    rows.push_back({c.change,
                    fields,
                    o ? std::to_string(o->id) : "",
                    n ? std::to_string(n->id) : "",
                    any->section ? any->section_no : "",
                    text ? ShortenToWidth(any->item ? any->item_title : any->section_title, 24)
                         : (any->item ? any->item_title : ""),
                    show_content ? content(o) : "",
                    content(n),
                    units(o),
                    units(n),
                    deadline(o),
                    deadline(n),
                    leaders(o),
                    leaders(n),
                    remarks(o),
                    remarks(n)});
  }
  std::vector<std::string_view> columns = DiffColumns();
  if (text) {
    // On a terminal the leader and remark columns show only when some row has one.
    const size_t first_note = columns.size() - 4;
    bool any_note = false;
    for (const auto& row : rows) {
      for (size_t k = first_note; k < row.size(); ++k) any_note = any_note || !row[k].empty();
    }
    if (!any_note) {
      columns.resize(first_note);
      for (auto& row : rows) row.resize(first_note);
    }
  }
  WriteRows(out, format, columns, std::move(rows), opts);
}

}  // namespace noticetab
