// Escaping, numbers, tables, figures, legends and the grid chart the site's pages share.
#include "site/markup.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "leaspec/text.hpp"

namespace leaspec::site {

std::string ChartIds::take() {
  return fmt::format("{}-{}", prefix, next++);
}

std::string esc(std::string_view text) {
  return text::xml_escape(text);
}

std::string num(double value) {
  double rounded = std::round(value * 10) / 10;
  if (rounded == 0) {
    rounded = 0;  // no "-0.0"
  }
  return fmt::format("{:.1f}", rounded);
}

std::string percent(double share) {
  return fmt::format("{} %", static_cast<long>(std::lround(share * 100)));
}

std::string count_of(std::size_t count, std::string_view singular, std::string_view plural) {
  return fmt::format("{} {}", count, count == 1 ? singular : plural);
}

const std::vector<Shade>& shades() {
  static const std::vector<Shade> k_shades = {{0, "#f4f6f9", colour::k_text},
                                              {0.01, "#dbe7f6", colour::k_text},
                                              {0.26, "#a9c7ec", colour::k_text},
                                              {0.51, "#5b8fd0", colour::k_text},
                                              {0.76, colour::k_blue, "#ffffff"}};
  return k_shades;
}

const std::vector<Swatch>& palette() {
  using namespace colour;
  static const std::vector<Swatch> k_palette = [] {
    std::vector<Swatch> swatches = {
        {"text", k_text, k_background, true},
        {"muted text", k_muted, k_background, true},
        {"grid lines and cell borders", k_line, k_background, false},
        {"blue: price, tightened, meets-style series", k_blue, k_background, true},
        {"red: removed, missing, errors", k_red, k_background, true},
        {"green: added, meets, quality", k_green, k_background, true},
        {"orange: relaxed, weakens, warnings", k_orange, k_background, true},
        {"grey: other changes, citation edges", k_grey, k_background, false},
        {"purple: cost, depends_on edges", k_purple, k_background, true},
        {"teal: tightens", k_teal, k_background, true},
        {"requirement node label", k_text, k_node_fill, true},
        {"requirement node border", k_blue, k_node_fill, false},
        {"reference node label", k_text, k_reference_fill, true},
        {"reference node border", k_orange, k_reference_fill, false},
        {"heatmap cell border", k_line, k_background, false},
        {"award split label on price", "#ffffff", k_blue, true},
        {"award split label on cost", "#ffffff", k_purple, true},
        {"award split label on quality", "#ffffff", k_green, true},
        {"mandatory badge", "#ffffff", k_blue, true},
        {"recommended badge", "#ffffff", k_teal, true},
        {"optional badge", k_muted, k_background, true},
        {"search field and tag borders", k_line, k_background, false},
        {"page header text", k_text, "#f4f6f9", true},
        {"muted text on panels", k_muted, "#f4f6f9", true},
        {"link on panels", k_blue, "#f4f6f9", true},
        {"error label on a finding", k_red, "#f4f6f9", true},
        {"warning label on a finding", k_orange, "#f4f6f9", true},
        {"inserted word", k_muted, "#e1f1e4", true},
        {"deleted word", k_muted, "#fbe7e5", true},
        {"source line with a finding", k_text, "#fbecea", true},
    };
    for (const Shade& shade : shades()) {
      swatches.push_back({"heatmap count", shade.text, shade.fill, true});
    }
    return swatches;
  }();
  return k_palette;
}

std::string table_html(const Table& table) {
  std::string out = "<table>\n";
  if (!table.caption.empty()) {
    out += fmt::format("<caption>{}</caption>\n", table.caption);
  }
  auto cell = [&](std::string_view tag, std::size_t column, const std::string& content) {
    bool numeric = column < table.numeric.size() && table.numeric[column];
    return fmt::format("<{}{}>{}</{}>", tag, numeric ? " class=\"num\"" : "", content, tag);
  };
  if (!table.header.empty()) {
    out += "<thead><tr>";
    for (std::size_t c = 0; c < table.header.size(); ++c) {
      out += fmt::format("<th scope=\"col\"{}>{}</th>",
                         c < table.numeric.size() && table.numeric[c] ? " class=\"num\"" : "",
                         table.header[c]);
    }
    out += "</tr></thead>\n";
  }
  out += "<tbody>\n";
  for (const auto& row : table.rows) {
    out += "<tr>";
    for (std::size_t c = 0; c < row.size(); ++c) {
      out += cell(c == 0 ? "th" : "td", c, row[c]);
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n";
  return out;
}

namespace {

/// Charts are drawn in units of 12 px text and shown larger, so that their text reads like
/// the page's.
constexpr double k_scale = 1.1;

}  // namespace

std::string figure_html(const Figure& figure) {
  std::string out = fmt::format("<figure class=\"chart\" id=\"{}\">\n", figure.id);
  out += fmt::format("<figcaption><strong>{}</strong>{}</figcaption>\n", esc(figure.title),
                     figure.caption.empty() ? "" : " " + figure.caption);
  out += fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\" width=\"{0}\" "
      "height=\"{1}\" viewBox=\"0 0 {2} {3}\" role=\"img\" "
      "style=\"font-family: 'Liberation Sans', Arial, Helvetica, sans-serif; font-size: 12px\">\n"
      "<title>{4}</title>\n<desc>{5}</desc>\n",
      std::lround(figure.width * k_scale), std::lround(figure.height * k_scale), num(figure.width),
      num(figure.height), esc(figure.title), esc(figure.description));
  out += fmt::format("<rect width=\"{}\" height=\"{}\" fill=\"{}\"/>\n", num(figure.width),
                     num(figure.height), colour::k_background);
  out += figure.drawing;
  out += "</svg>\n";
  if (!figure.note.empty()) {
    out += fmt::format("<p class=\"chart-note\">{}</p>\n", figure.note);
  }
  out += "<details class=\"chart-data\"><summary>The chart's data as a table</summary>\n";
  out += table_html(figure.data);
  out += "</details>\n</figure>\n";
  return out;
}

std::string svg_text(double x, double y, std::string_view content, std::string_view attributes) {
  return fmt::format("<text x=\"{}\" y=\"{}\"{}{}>{}</text>", num(x), num(y),
                     attributes.empty() ? "" : " ", attributes, esc(content));
}

std::string svg_label(double x, double y, std::string_view content, std::string_view href,
                      std::string_view attributes) {
  std::string extra = attributes.empty() ? std::string() : fmt::format(" {}", attributes);
  if (href.empty()) {
    return svg_text(x, y, content, fmt::format("fill=\"{}\"{}", colour::k_text, extra));
  }
  // Not a link element: a chart is an image to assistive technology, and its table holds the
  // links; site.js follows a click for those who point at the chart.
  return svg_text(x, y, content,
                  fmt::format("fill=\"{}\" class=\"link\" data-href=\"{}\"{}", colour::k_blue,
                              esc(href), extra));
}

std::string legend(double x, double y, const std::vector<LegendItem>& items, double* width) {
  std::string out;
  double at = x;
  for (const LegendItem& item : items) {
    if (item.shape == "rect") {
      out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{}\"/>",
                         num(at), num(y - 10), item.colour);
      at += 16;
    } else {
      out += fmt::format(
          "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"2\"{}/>",
          num(at), num(y - 4), num(at + 22), num(y - 4), item.colour,
          item.shape == "dash" ? " stroke-dasharray=\"5 3\"" : "");
      at += 26;
    }
    out += svg_text(at, y, item.label, fmt::format("fill=\"{}\"", colour::k_text));
    at += text_width(item.label, 12) + 18;
  }
  if (width) {
    *width = at - x;
  }
  return out;
}

double text_width(std::string_view text, double size) {
  double em = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) == 0x80) {
      continue;  // a continuation byte: the code point is counted once
    }
    // Widths of DejaVu Sans, the widest of the fonts a viewer is likely to have, so that
    // text fits in Arial, Helvetica and Liberation Sans too.
    if (std::string_view("iljtfr.,;:'|!() ").find(static_cast<char>(c)) != std::string_view::npos) {
      em += 0.36;
    } else if (c == 'm' || c == 'w' || c == 'M' || c == 'W') {
      em += 0.92;
    } else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80) {
      em += 0.70;
    } else {
      em += 0.62;
    }
  }
  return em * size;
}

std::string fit(std::string_view text, double max_width, double size) {
  if (text_width(text, size) <= max_width) {
    return std::string(text);
  }
  std::string_view ellipsis = "\xE2\x80\xA6";
  double room = max_width - text_width(ellipsis, size);
  std::size_t end = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) {
      continue;
    }
    if (text_width(text.substr(0, i), size) > room) {
      break;
    }
    end = i;
  }
  return std::string(text.substr(0, end)) + std::string(ellipsis);
}

namespace {

constexpr double k_bar = 64;
constexpr double k_header = 30;
constexpr double k_pitch = 26;

/// The width of each category's column: room for its name in bold and for a bar and count.
double column_width(const Grid& grid) {
  double width = k_bar + 48;
  for (const Grid::Category& category : grid.categories) {
    width = std::max(width, text_width(category.name, 12) * 1.1 + 20);
  }
  return width;
}

std::string grid_header(const Grid& grid, double label_width) {
  std::string out;
  double column = column_width(grid);
  for (std::size_t c = 0; c < grid.categories.size(); ++c) {
    double x = label_width + column * static_cast<double>(c);
    out += svg_text(x, 18, grid.categories[c].name,
                    fmt::format("fill=\"{}\" font-weight=\"bold\"", colour::k_text));
    out += fmt::format("<rect x=\"{}\" y=\"22\" width=\"{}\" height=\"3\" fill=\"{}\"/>", num(x),
                       num(k_bar), grid.categories[c].colour);
  }
  return out;
}

}  // namespace

std::string grid_chart(const Grid& grid) {
  std::size_t max_count = 1;
  std::vector<std::size_t> totals(grid.categories.size(), 0);
  for (const auto& row : grid.counts) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      max_count = std::max(max_count, row[c]);
      totals[c] += row[c];
    }
  }
  double label_width = 120;
  for (const std::string& row : grid.rows) {
    label_width = std::max(label_width, text_width(row, 12) + 16);
  }
  label_width = std::min(label_width, 300.0);
  double column = column_width(grid);
  std::string drawing = grid_header(grid, label_width);
  Table data{"", {esc(grid.row_header)}, {}, {false}};
  for (const Grid::Category& category : grid.categories) {
    data.header.push_back(esc(category.name));
    data.numeric.push_back(true);
  }
  data.header.emplace_back("Total");
  data.numeric.push_back(true);
  auto row_y = [](std::size_t r) { return k_header + k_pitch * static_cast<double>(r) + 18; };
  for (std::size_t r = 0; r < grid.rows.size(); ++r) {
    double y = row_y(r);
    drawing += svg_label(0, y, fit(grid.rows[r], label_width - 16, 12),
                         r < grid.row_links.size() ? grid.row_links[r] : "");
    std::vector<std::string> cells = {esc(grid.rows[r])};
    std::size_t total = 0;
    for (std::size_t c = 0; c < grid.categories.size(); ++c) {
      std::size_t count = grid.counts[r][c];
      total += count;
      double x = label_width + column * static_cast<double>(c);
      double length =
          count == 0
              ? 0
              : std::max(2.0, k_bar * static_cast<double>(count) / static_cast<double>(max_count));
      if (count > 0) {
        drawing += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"14\" fill=\"{}\"/>",
                               num(x), num(y - 12), num(length), grid.categories[c].colour);
      }
      drawing += svg_text(x + length + 4, y, std::to_string(count),
                          fmt::format("fill=\"{}\"", count ? colour::k_text : colour::k_muted));
      cells.push_back(std::to_string(count));
    }
    cells.push_back(std::to_string(total));
    data.rows.push_back(std::move(cells));
  }
  double y = row_y(grid.rows.size());
  double right = label_width + column * static_cast<double>(grid.categories.size());
  drawing += fmt::format("<line x1=\"0\" y1=\"{0}\" x2=\"{1}\" y2=\"{0}\" stroke=\"{2}\"/>",
                         num(y - 17), num(right - column + k_bar + 30), colour::k_line);
  drawing +=
      svg_text(0, y, "Total", fmt::format("fill=\"{}\" font-weight=\"bold\"", colour::k_text));
  std::vector<std::string> total_cells = {"Total"};
  std::size_t all = 0;
  for (std::size_t c = 0; c < totals.size(); ++c) {
    drawing += svg_text(label_width + column * static_cast<double>(c), y, std::to_string(totals[c]),
                        fmt::format("fill=\"{}\" font-weight=\"bold\"", colour::k_text));
    total_cells.push_back(std::to_string(totals[c]));
    all += totals[c];
  }
  total_cells.push_back(std::to_string(all));
  data.rows.push_back(std::move(total_cells));
  return figure_html({grid.id, grid.title, grid.description, right + 8, y + 12, drawing,
                      std::move(data), grid.caption, ""});
}

}  // namespace leaspec::site
