// The output schema of ../shared/spec/OUTPUT.md, written once. The JSON and
// YAML writers, the flat (CSV/TSV/xlsx) row and the Traditional-character
// restore in convert.cpp all walk a Document through these functions, so a
// new field is one line here (plus, for the flat table, one row in
// FlatColumns()).
//
// A visitor V provides, for keys in contract order:
//   Raw(key, s)              a string emitted verbatim (the source path)
//   Str(key, s)              s: std::string or std::optional<std::string> (null)
//   StrIf(key, present, s)   s, or null when !present
//   Int(key, n)              n: int or std::optional<int> (null)
//   List(key, v)             std::vector<std::string>
//   Flag(key, b)             bool
//   Pair(key, a, b)          two ints printed as [a, b]
//   Map(key, body)           a nested map; body() visits its fields
//   Seq(key, v, each)        a sequence of maps; each(x) visits one entry
// Doc is `Document` or `const Document`; the visitor receives references of
// the same constness, so one walk serves readers and the restore that edits.
#ifndef NOTICETAB_SRC_SCHEMA_H_
#define NOTICETAB_SRC_SCHEMA_H_

#include "noticetab/document.h"

namespace noticetab {

template <typename TaskT, typename V>
void VisitTask(TaskT& t, V& v) {
  v.Int("id", t.id);
  v.Int("seq", t.seq);
  v.Int("section", t.section);
  v.StrIf("section_no", t.section.has_value() || !t.section_no.empty(), t.section_no);
  v.StrIf("section_title", t.section.has_value() || !t.section_title.empty(), t.section_title);
  v.Int("item", t.item);
  v.StrIf("item_no", t.item.has_value() || !t.item_no.empty(), t.item_no);
  v.StrIf("item_title", t.item.has_value() || !t.item_title.empty(), t.item_title);
  v.Str("content", t.content);
  v.List("units", t.units);
  v.List("lead_units", t.lead_units);
  v.List("support_units", t.support_units);
  v.Flag("units_open", t.units_open);
  v.Map("deadline", [&] {
    auto& d = t.deadline;
    v.Str("text", d.text);
    v.Str("date", d.date);
    v.Str("kind", d.kind);
    v.Str("granularity", d.granularity);
    v.Str("year_source", d.year_source);
  });
  v.Str("table", t.table);
  v.Pair("lines", t.first_line, t.last_line);
  v.Int("page", t.page);
  v.List("leaders", t.leaders);
  v.Str("remarks", t.remarks);
  v.List("warnings", t.warnings);
}

template <typename DocT, typename V>
void VisitDocument(DocT& doc, V& v) {
  v.Raw("source", doc.source);
  v.Str("encoding", doc.encoding);
  v.Str("format", doc.format);
  v.Str("layout", doc.layout);
  v.StrIf("kind", !doc.kind.empty(), doc.kind);
  v.Map("document", [&] {
    auto& fm = doc.document;
    v.Str("issuer", fm.issuer);
    v.Str("number", fm.number);
    v.Str("title", fm.title);
    v.List("recipients", fm.recipients);
    v.Str("date", fm.date);
    v.Int("year", fm.year);
    v.Str("publicity", fm.publicity);
    v.List("attachments", fm.attachments);
    v.List("cc", fm.cc);
    v.Str("printed_by", fm.printed_by);
    v.Str("printed_date", fm.printed_date);
  });
  v.Seq("sections", doc.sections, [&](auto& s) {
    v.Int("index", s.index);
    v.Str("no", s.no);
    v.Str("title", s.title);
    v.Int("line", s.line);
    v.Seq("items", s.items, [&](auto& it) {
      v.Int("index", it.index);
      v.Str("no", it.no);
      v.Str("title", it.title);
      v.Str("text", it.text);
      v.Int("line", it.line);
    });
  });
  v.Seq("tasks", doc.tasks, [&](auto& t) { VisitTask(t, v); });
  v.List("warnings", doc.warnings);
}

}  // namespace noticetab

#endif  // NOTICETAB_SRC_SCHEMA_H_
