#pragma once
// What the site's pages and charts share: escaping, numbers, colours, tables and the figure
// that holds a chart with its title, description and table.

#include <string>
#include <string_view>
#include <vector>

#include "leaspec/site.hpp"

namespace leaspec::site {

/// Text escaped for HTML and SVG content and attributes; invalid characters become U+FFFD.
std::string esc(std::string_view text);

/// A coordinate or length with one decimal, the same on every machine.
std::string num(double value);

/// A percentage without decimals ("33 %").
std::string percent(double share);

/// `count` followed by the singular or plural noun ("1 error", "2 errors").
std::string count_of(std::size_t count, std::string_view singular, std::string_view plural);

/// The chart colours by role.
namespace colour {
constexpr std::string_view k_background = "#ffffff";
constexpr std::string_view k_text = "#1b1f24";
constexpr std::string_view k_muted = "#4a5360";
constexpr std::string_view k_line = "#8a94a3";
constexpr std::string_view k_blue = "#2559a7";
constexpr std::string_view k_red = "#b3261e";
constexpr std::string_view k_green = "#2b7a3d";
constexpr std::string_view k_orange = "#a15c00";
constexpr std::string_view k_grey = "#5f6b7a";
constexpr std::string_view k_purple = "#7040a0";
constexpr std::string_view k_teal = "#00758f";
constexpr std::string_view k_node_fill = "#eef3fa";
constexpr std::string_view k_reference_fill = "#f8f1e7";
}  // namespace colour

/// One shade of the coverage heatmap: the share it starts at, its fill and the text on it.
struct Shade {
  double from = 0;
  std::string_view fill;
  std::string_view text;
};

/// The heatmap's shades, from none to all.
const std::vector<Shade>& shades();

/// A table of already escaped cells; the first row is the header.
struct Table {
  std::string caption;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  /// Columns to align to the end (numbers).
  std::vector<bool> numeric;
};

std::string table_html(const Table& table);

/// A chart: the SVG's drawing and size, its title and description, and its data.
struct Figure {
  std::string id;
  std::string title;
  std::string description;
  double width = 0, height = 0;
  std::string drawing;
  Table data;
  std::string caption;  ///< HTML shown above the chart after the title; empty: none
  std::string note;     ///< HTML shown below the chart; empty: none
};

/// The <figure>: inline SVG with <title> and <desc>, caption, and the data table in a
/// <details> element.
std::string figure_html(const Figure& figure);

/// SVG text at (x, y) with the given attributes (class, anchor) and escaped content.
std::string svg_text(double x, double y, std::string_view content,
                     std::string_view attributes = {});

/// A row label at (x, y): one that a click follows to `href` (in link colour) when `href` is
/// not empty, else plain text.
std::string svg_label(double x, double y, std::string_view content, std::string_view href,
                      std::string_view attributes = {});

/// A legend: a swatch and a label per entry, in one row from (x, y).
struct LegendItem {
  std::string label;
  std::string_view colour;
  std::string_view shape = "rect";  ///< rect, or "line" / "dash" for edges
};

/// Draws the legend and returns its drawing; `width` gets the width used.
std::string legend(double x, double y, const std::vector<LegendItem>& items, double* width);

/// An estimate of the width of `text` drawn at `size` px in the site's sans-serif font.
double text_width(std::string_view text, double size);

/// `text` cut to fit `max_width` at `size` px, with an ellipsis when cut.
std::string fit(std::string_view text, double max_width, double size);

/// A chart of counts: one row per subject, one column per category, a bar and the count in
/// each cell, and a total row. Serves the change summary, conformance and the index.
struct Grid {
  std::string id;
  std::string title;
  std::string description;
  std::string row_header;  ///< what the rows are, for the table
  std::vector<std::string> rows;
  struct Category {
    std::string name;
    std::string_view colour;
  };
  std::vector<Category> categories;
  std::vector<std::vector<std::size_t>> counts;  ///< [row][category]
  std::vector<std::string> row_links;            ///< optional href per row
  std::string caption;
};

std::string grid_chart(const Grid& grid);

}  // namespace leaspec::site
