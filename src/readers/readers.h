// Internal to the readers (src/readers/): the detect / cut pair of each
// layout, listed in the registry (registry.cpp), and the detect of the
// body readers.
#ifndef NOTICETAB_READERS_H_
#define NOTICETAB_READERS_H_

#include <string_view>
#include <vector>

#include "noticetab/classify.h"
#include "noticetab/grid.h"
#include "noticetab/rules.h"

namespace noticetab {

/// A grid cell for `text`, a view into line `line` of `lines` (for its span).
GridCell CellAt(const std::vector<Line>& lines, const Line& line, std::string_view text);

bool DetectTabs(const std::vector<Line>& lines, size_t at, const Rules& rules);
Grid CutTabs(const std::vector<Line>& lines, size_t at, const Rules& rules);
bool DetectPipe(const std::vector<Line>& lines, size_t at, const Rules& rules);
Grid CutPipe(const std::vector<Line>& lines, size_t at, const Rules& rules);
bool DetectMarkdown(const std::vector<Line>& lines, size_t at, const Rules& rules);
Grid CutMarkdown(const std::vector<Line>& lines, size_t at, const Rules& rules);
bool DetectSpaces(const std::vector<Line>& lines, size_t at, const Rules& rules);
Grid CutSpaces(const std::vector<Line>& lines, size_t at, const Rules& rules);
bool DetectCellPerLine(const std::vector<Line>& lines, size_t at, const Rules& rules);
bool DetectTabPrefixed(const std::vector<Line>& lines, size_t at, const Rules& rules);
Grid CutCellStream(const std::vector<Line>& lines, size_t at, const Rules& rules);
// Body readers (their cut is CutBody below):
bool DetectKeyValue(const std::vector<Line>& lines, size_t at, const Rules& rules);
bool DetectInlineClause(const std::vector<Line>& lines, size_t at, const Rules& rules);

struct Section;  // document.h
/// The cut of both body readers (body.cpp): the body items as a grid, one row
/// per item or sub-item, read by position (Grid::by_position).
Grid CutBody(const std::vector<Section>& sections, const std::vector<int>& item_end_lines,
             const std::vector<Line>& lines, const Rules& rules);

}  // namespace noticetab

#endif  // NOTICETAB_READERS_H_
