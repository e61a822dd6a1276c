// Internal to the writers: the functions of the Writers() table (one
// write_<format>.cpp each) and the JSON string quoting that the YAML and
// per-unit writers share.
#ifndef NOTICETAB_SRC_WRITERS_H_
#define NOTICETAB_SRC_WRITERS_H_

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "noticetab/document.h"
#include "noticetab/write.h"

namespace noticetab {

void WriteYaml(std::ostream& out, const std::vector<Document>& docs, const WriteOptions& opts);
void WriteJson(std::ostream& out, const std::vector<Document>& docs, const WriteOptions& opts);
void WriteJsonl(std::ostream& out, const std::vector<Document>& docs, const WriteOptions& opts);
void WriteCsv(std::ostream& out, const std::vector<Document>& docs, const WriteOptions& opts);
void WriteTsv(std::ostream& out, const std::vector<Document>& docs, const WriteOptions& opts);
void WriteXlsx(std::ostream& out, const std::vector<Document>& docs, const WriteOptions& opts);
/// The streaming pieces of the text writers (write.h: Pieces).
extern const Pieces kYamlPieces, kJsonPieces, kJsonlPieces, kCsvPieces, kTsvPieces;
void WriteIcs(std::ostream& out, const std::vector<Document>& docs, const WriteOptions& opts);  // write_ics.cpp

/// About the bytes the YAML or JSON writer (RenderedSizeBound) or the CSV/TSV
/// writer (FlatSizeBound) emits for `doc`: more unless many characters need
/// escaping. The writers reserve it, so a big document's text is not copied
/// at each doubling (a 250 MB string would otherwise peak near 750 MB).
size_t RenderedSizeBound(const Document& doc);
size_t FlatSizeBound(const Document& doc);
/// out.reserve(bound), first returning the heap's free pages to the system
/// when bound is large (see write.cpp).
void ReserveOutput(std::string& out, size_t bound);

/// Appends `s` as a JSON string (also a valid YAML double-quoted scalar):
/// non-ASCII raw, line breaks, BOMs and unprintables escaped, invalid UTF-8
/// as U+FFFD.
void AppendJsonString(std::string& out, std::string_view s);

}  // namespace noticetab

#endif  // NOTICETAB_SRC_WRITERS_H_
