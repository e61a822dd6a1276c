// Internal to the writers: the functions of the Writers() table (one
// write_<format>.cpp each, documents and view tables) and the JSON string
// and table-value quoting that the YAML writer shares.
#ifndef NOTICETAB_SRC_WRITERS_H_
#define NOTICETAB_SRC_WRITERS_H_

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "noticetab/document.h"
#include "noticetab/due.h"
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
/// WriteIcs of the tasks `due` picked (WriteDue with -f ics).
void WriteIcsTasks(std::ostream& out, const std::vector<DueTask>& tasks, const WriteOptions& opts);

/// The table forms of the formats (Writer::write_rows), in the same files.
/// Cells are written as given (WriteRows applied NormalizePunct).
void WriteYamlRows(std::ostream& out, const RowTable& t, const WriteOptions& opts);
void WriteJsonRows(std::ostream& out, const RowTable& t, const WriteOptions& opts);
void WriteJsonlRows(std::ostream& out, const RowTable& t, const WriteOptions& opts);
void WriteCsvRows(std::ostream& out, const RowTable& t, const WriteOptions& opts);
void WriteTsvRows(std::ostream& out, const RowTable& t, const WriteOptions& opts);
/// One sheet, styled like the ledger's sheets. Throws Error(kOutput).
void WriteXlsxRows(std::ostream& out, const RowTable& t, const WriteOptions& opts);
/// Columns padded to their widest cell in terminal columns (write_text.cpp).
void WriteTextRows(std::ostream& out, const RowTable& t, const WriteOptions& opts);
/// About the bytes the YAML or JSON writer (RenderedSizeBound) or the CSV/TSV
/// writer (FlatSizeBound) emits for `doc`: more unless many characters need
/// escaping. The writers reserve it, so a big document's text is not copied
/// at each doubling (a 250 MB string would otherwise peak near 750 MB).
size_t RenderedSizeBound(const Document& doc);
size_t FlatSizeBound(const Document& doc);
/// The cells of FlatRow(doc, task) without its strings: views into the
/// document, numbers and joined lists kept here. Valid until the next Fill;
/// one FlatCells serves the rows of a document (its walk remembers the
/// columns).
class FlatCells {
 public:
  FlatCells();
  ~FlatCells();
  void Fill(const Document& doc, const Task& task);
  const std::vector<std::string_view>& cells() const { return cells_; }

 private:
  struct Sink;
  struct Walk;
  std::vector<std::string_view> cells_;
  std::vector<std::string> scratch_;
  std::unique_ptr<Sink> sink_;
  std::unique_ptr<Walk> walk_;
};
/// out.reserve(bound), first returning the heap's free pages to the system
/// when bound is large (see write.cpp).
void ReserveOutput(std::string& out, size_t bound);

/// Appends `s` as a JSON string (also a valid YAML double-quoted scalar):
/// non-ASCII raw, line breaks, BOMs and unprintables escaped, invalid UTF-8
/// as U+FFFD.
void AppendJsonString(std::string& out, std::string_view s);
namespace detail {
/// AppendJsonString with the AVX2 scan or the portable one (for tests):
/// false, appending nothing, when `avx2` and the processor lacks it.
bool AppendJsonStringWith(bool avx2, std::string& out, std::string_view s);
}  // namespace detail
/// Appends cell `i` of a view-table row as a JSON value, which YAML reads the
/// same: null when empty, as it is in a numeric column, else AppendJsonString.
/// The JSON, JSONL and YAML table writers share it (write_json.cpp).
void AppendTableValue(std::string& out, const RowTable& t, const std::vector<std::string>& row, size_t i);
/// True when `s` must be a double-quoted YAML scalar (write_yaml.cpp).
bool YamlNeedsQuotes(std::string_view s);
namespace detail {
/// YamlNeedsQuotes with the AVX2 scan or the portable one (for tests):
/// nullopt when `avx2` and the processor lacks it.
std::optional<bool> YamlNeedsQuotesWith(bool avx2, std::string_view s);
}  // namespace detail

// Text written through a buffer on the stack (JsonOut, YamlOut): a writer
// asks Room(k) for k more bytes, writes them, and Done(end) keeps them; the
// buffer goes to out_ in one append when full (Stage).
class StagedText {
 protected:
  static constexpr size_t kStage = 4000;

  /// Where `k` (at most kStage) more bytes can be written; Done(end) keeps them.
  [[gnu::always_inline]] char* Room(size_t k) {
    if (kStage - used_ < k) [[unlikely]] Stage();
    return stage_ + used_;
  }
  void Done(char* end) { used_ = static_cast<size_t>(end - stage_); }
  /// The staged text to out_.
  [[gnu::noinline]] void Stage() {
    out_.append(stage_, used_);
    used_ = 0;
  }

  std::string out_;     // the text, but for
  char stage_[kStage];  // its last used_ bytes
  size_t used_ = 0;
};

}  // namespace noticetab

#endif  // NOTICETAB_SRC_WRITERS_H_
