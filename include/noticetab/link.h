// Stage 6, link: each table row -> its body item by text similarity. The
// body decides a row's section and item; a table label that disagrees (or
// was printed in the wrong row) becomes a warning on the row.
//
// Contract: uses no rules and never throws Error.
#ifndef NOTICETAB_LINK_H_
#define NOTICETAB_LINK_H_

#include <string_view>
#include <vector>

#include "noticetab/document.h"
#include "noticetab/read.h"

namespace noticetab {

/// Sets Row::section and Row::item for every row of table.
void LinkRows(Table& table, const std::vector<Section>& sections);

/// A table standing inside the body under a section's heading (header on
/// line `header_line`): its rows that LinkRows placed nowhere and that print
/// no label of their own are that section's, the last heading above it.
void PlaceUnderHeading(Table& table, const std::vector<Section>& sections, int header_line);

/// Sets a task's section and item fields from the Section::index and
/// Item::index a row was linked to (0: none, the fields left as they are).
void PlaceTask(const std::vector<Section>& sections, int section, int item, Task& t);

/// Tasks cut from an annex's own outline (an annex of numbered paragraphs,
/// stages.h FindAnnexList) take the body item that LinkRows found for their
/// row, matched by first line, or no section and item at all.
void RelinkTasks(const Table& table, const std::vector<Section>& sections,
                 std::vector<Task>& tasks);

/// Share of a's character bigrams (letters, digits, Han only) found in b: 0..1.
double Containment(std::string_view a, std::string_view b);

namespace detail {
/// For tests: bigrams read by the portable code even where the processor
/// has AVX2 (on), or by the code it has (off, as at start). Not while other
/// threads link.
void LinkPortableOnly(bool on);
/// For tests: every row's bigrams counted to the end (on), or a row's
/// count stopped once its item is sure (off, as at start).
void LinkExhaustive(bool on);
}  // namespace detail

}  // namespace noticetab

#endif  // NOTICETAB_LINK_H_
