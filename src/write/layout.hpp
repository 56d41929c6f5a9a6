#pragma once
// Measuring text for table layout: the writers give every column at least the width of its
// widest word, so that identifiers, priorities and verification methods never break.

#include <cstddef>
#include <string_view>
#include <vector>

#include "leaspec/doc.hpp"

namespace leaspec::write {

/// Width in points of `text` on one line at `size` points in Liberation Sans (the metrics of
/// Arial and Helvetica), bold or regular. Characters outside Latin are given a generous
/// average width.
double text_width(std::string_view text, double size, bool bold);

/// What a column needs: its widest word and its widest line, in points.
struct ColumnNeed {
  double word = 0;   ///< the widest run of text without a space
  double fixed = 0;  ///< the widest word of unbroken runs (identifiers, priorities)
  double line = 0;   ///< the widest line, unwrapped
};

/// The needs of every column of a table's rows as shown (a view's rows included), the
/// header rows set in bold.
std::vector<ColumnNeed> column_needs(const doc::Document& document, const doc::Table& table,
                                     double size);

/// Column widths in points that fill `available`: each column gets its widest word plus
/// `padding` (with a margin for fonts that substitute Liberation Sans), then what it needs
/// up to its preferred share of the width (`hints`, relative), then the rest goes to the
/// columns whose lines are longer, as a browser lays out a table. When the words do not all
/// fit, the words of unbroken runs keep their width and the other columns share the rest.
/// A word wider than four fifths of the width is left to break.
std::vector<double> fit_columns(const std::vector<ColumnNeed>& needs,
                                const std::vector<double>& hints, double available, double padding);

/// The column widths of every table of the document, in the order of the blocks: tables
/// of one layout group share their widths, fitted to the words of all of them.
std::vector<std::vector<double>> fit_tables(const doc::Document& document, double available,
                                            double size, double padding);

/// The lines `text` takes when wrapped at spaces within `width` points (at least one).
std::size_t wrapped_lines(std::string_view text, double width, double size, bool bold);

/// The text of a cell, its runs joined.
std::string cell_text(const doc::Inline& cell);

}  // namespace leaspec::write
