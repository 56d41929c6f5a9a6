// One self-contained HTML file with inline CSS, ready to print: table columns as wide as their
// widest word, table headers repeated on every page, the spec, its version and "page X of Y"
// in the page footer. All spec text is escaped.
#include <fmt/format.h>

#include "leaspec/write.hpp"
#include "write/layout.hpp"
#include "write/office.hpp"

namespace leaspec::write {
namespace {

constexpr std::string_view k_style = R"(
  :root { color-scheme: light; }
  body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 11pt;
         line-height: 1.4; margin: 2em auto; max-width: 60em; padding: 0 1em; color: #111; }
  h1, h2, h3 { font-weight: bold; break-after: avoid; page-break-after: avoid; }
  h2 { font-size: 1.35em; margin-top: 1.6em; }
  h3 { font-size: 1.15em; margin-top: 1.3em; }
  h4 { font-size: 1.05em; }
  .title { font-size: 1.8em; margin-bottom: 0.2em; }
  .subtitle { font-size: 1.2em; font-weight: bold; margin-top: 0; }
  .note { font-size: 0.92em; margin-left: 2em; }
  table { border-collapse: collapse; width: 100%; margin: 0.8em 0 1.2em; }
  th, td { border: 1px solid #555; padding: 0.3em 0.5em; text-align: start; vertical-align: top;
           overflow-wrap: break-word; hyphens: manual; }
  th { background: #e8ecf2; }
  .unbroken { white-space: nowrap; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  .page-break { break-after: page; page-break-after: always; border: 0; }
  @page { size: A4; margin: 2cm 1.8cm; }
  @media print { body { margin: 0; max-width: none; padding: 0; } }
)";

constexpr double k_print_width = 493;  // points: A4 less the page margins
constexpr double k_font_size = 11;
constexpr double k_html_cell_padding = 12;

/// A CSS string literal.
std::string css_string(std::string_view text) {
  std::string result = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      result += '\\';
      result += c;
    } else if (c == '\n' || c == '<') {
      result += fmt::format("\\{:x} ", static_cast<int>(c));
    } else {
      result += c;
    }
  }
  return result + "\"";
}

/// The page footer of the print style: the spec and its version, and "page X of Y".
std::string page_footer(const doc::Document& document) {
  if (document.footer.empty() && document.page_label.empty()) {
    return {};
  }
  std::string page;
  if (!document.page_label.empty()) {
    PageLabel label = split_page_label(document.page_label);
    page = css_string(label.before) + " counter(page) " + css_string(label.between);
    if (label.has_pages) {
      page += " counter(pages) " + css_string(label.after);
    }
  }
  return fmt::format(
      "  @page {{ @bottom-left {{ content: {}; font-size: 8.5pt; }}\n"
      "          @bottom-right {{ content: {}; font-size: 8.5pt; }} }}\n",
      css_string(document.footer), page.empty() ? "none" : page);
}

/// Escaped text in which line breaks are kept.
std::string escape(std::string_view text) {
  std::string result;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    result += text::html_escape(
        text.substr(start, end == std::string_view::npos ? text.npos : end - start));
    if (end == std::string_view::npos) {
      break;
    }
    result += "<br>";
    start = end + 1;
  }
  return result;
}

std::string html_runs(const doc::Inline& inline_runs) {
  std::string result;
  for (const doc::Run& run : inline_runs) {
    std::string_view mark = run.mark == doc::Mark::deleted    ? "del"
                            : run.mark == doc::Mark::inserted ? "ins"
                                                              : "";
    result += mark.empty() ? "" : fmt::format("<{}>", mark);
    result += run.unbroken ? "<span class=\"unbroken\">" : "";
    result += run.bold ? "<strong>" : "";
    result += run.italic ? "<em>" : "";
    result += escape(run.text);
    result += run.italic ? "</em>" : "";
    result += run.bold ? "</strong>" : "";
    result += run.unbroken ? "</span>" : "";
    result += mark.empty() ? "" : fmt::format("</{}>", mark);
  }
  return result;
}

void table(std::string& out, const doc::Document& document, const doc::Table& t,
           const std::vector<double>& widths) {
  out += "<table>\n";
  if (!widths.empty()) {
    out += "<colgroup>";
    for (double width : widths) {
      out += fmt::format("<col style=\"width: {:.1f}%\">", 100 * width / k_print_width);
    }
    out += "</colgroup>\n";
  }
  std::size_t count = doc::row_count(document, t);
  for (std::size_t r = 0; r < count; ++r) {
    bool header = r < t.header_rows;
    if (r == 0 && header) {
      out += "<thead>\n";
    }
    if (r == t.header_rows) {
      out += "<tbody>\n";
    }
    out += "<tr>";
    for (const doc::Inline& cell : doc::table_row(document, t, r)) {
      out += fmt::format("<{0} dir=\"auto\">{1}</{0}>", header ? "th" : "td", html_runs(cell));
    }
    out += "</tr>\n";
    if (header && r + 1 == t.header_rows) {
      out += "</thead>\n";
    }
  }
  if (count > t.header_rows) {
    out += "</tbody>\n";
  }
  out += "</table>\n";
}

}  // namespace

std::string render_html(const doc::Document& document) {
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"generator\" content=\"leaspec\">\n<meta name=\"description\" content=\"{}\">\n"
      "<title>{}</title>\n<style>{}{}</style>\n</head>\n<body>\n<main>\n",
      escape(document.language), escape(document.subject), escape(document.title), k_style,
      page_footer(document));
  std::vector<std::vector<double>> widths =
      fit_tables(document, k_print_width, k_font_size, k_html_cell_padding);
  std::size_t tables = 0;
  for (const doc::Block& block : document.blocks) {
    if (const auto* heading = std::get_if<doc::Heading>(&block)) {
      out +=
          fmt::format("<h{0} dir=\"auto\">{1}</h{0}>\n", heading->level + 1, escape(heading->text));
    } else if (const auto* paragraph = std::get_if<doc::Paragraph>(&block)) {
      switch (paragraph->style) {
        case doc::Paragraph::Style::title:
          out += "<h1 class=\"title\" dir=\"auto\">" + html_runs(paragraph->runs) + "</h1>\n";
          break;
        case doc::Paragraph::Style::subtitle:
          out += "<p class=\"subtitle\" dir=\"auto\">" + html_runs(paragraph->runs) + "</p>\n";
          break;
        case doc::Paragraph::Style::note:
          out += "<p class=\"note\" dir=\"auto\">" + html_runs(paragraph->runs) + "</p>\n";
          break;
        case doc::Paragraph::Style::body:
          out += "<p dir=\"auto\">" + html_runs(paragraph->runs) + "</p>\n";
          break;
      }
    } else if (const auto* list = std::get_if<doc::List>(&block)) {
      out += list->numbered ? "<ol>\n" : "<ul>\n";
      for (const doc::Inline& item : list->items) {
        out += "<li dir=\"auto\">" + html_runs(item) + "</li>\n";
      }
      out += list->numbered ? "</ol>\n" : "</ul>\n";
    } else if (const auto* t = std::get_if<doc::Table>(&block)) {
      table(out, document, *t, widths.at(tables++));
    } else {
      out += "<hr class=\"page-break\">\n";
    }
  }
  out += "</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace leaspec::write
