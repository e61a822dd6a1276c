// The table interpreter: any Grid -> role rows (Table). One engine for every
// layout: header roles from the rules vocabulary and the shape of header
// names, else from what the cells are; rows shifted by merged cells aligned
// by what their cells are; cell streams cut into rows. Every role or
// alignment it had to infer is a warning on the row.
#ifndef NOTICETAB_INTERPRET_H_
#define NOTICETAB_INTERPRET_H_

#include <string_view>
#include <vector>

#include "noticetab/grid.h"
#include "noticetab/read.h"
#include "noticetab/rules.h"

namespace noticetab {

/// Roles for the grid's cells, row by row. REQUIRES: rules loaded.
Table Interpret(const Grid& grid, const Rules& rules);

/// Header roles of the cells, or empty when they are not a table header
/// (every non-empty cell must name a role; two at least, one of them content
/// or units/lead). Names outside the vocabulary get a role by their shape.
std::vector<Role> HeaderRoles(const std::vector<std::string_view>& cells, const Rules& rules);
/// When no column is named as the content, the last label column is it.
void PromoteContentColumn(std::vector<Role>& roles);

/// What a cell is for the interpreter: ClassifyCell, except that a list of
/// unit names is units at any length (issue 17 item 6).
CellShape TypeCell(std::string_view cell, const Rules& rules);
/// True when the cell is a list of three or more names, mostly complete unit
/// names, with no sentence punctuation.
bool UnitLike(std::string_view cell, const Rules& rules);

/// Assigns the cells of one row to roles given the header roles.
Row AssignRow(const std::vector<std::string_view>& cells, const std::vector<Role>& header, int line,
              const Rules& rules);

}  // namespace noticetab

#endif  // NOTICETAB_INTERPRET_H_
