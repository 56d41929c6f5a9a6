// OpenDocument Text (ODT), written natively: outline headings, tables whose columns fit
// their words and whose header rows repeat, a footer with the spec, its version and "page X
// of Y", metadata. The mimetype is the first entry, stored uncompressed; the body is
// deflated as it is written.
#include <fmt/format.h>

#include "leaspec/write.hpp"
#include "write/layout.hpp"
#include "write/office.hpp"
#include "write/zip.hpp"

namespace leaspec::write {
namespace {

constexpr double k_text_width_cm = 17.0;
constexpr double k_points_per_cm = 72 / 2.54;
constexpr double k_odt_table_font = 9.5;  // points, the Table Contents style
constexpr double k_odt_cell_padding = 6;  // points: 0.08 cm each side and the rules

constexpr std::string_view k_namespaces =
    "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
    "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
    "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" "
    "xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\" "
    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
    "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\"";

/// Text content: runs of spaces, tabs and line breaks become ODF elements.
std::string odf_text(std::string_view raw) {
  std::string value = text::xml_escape(raw);
  std::string out;
  std::size_t spaces = 0;
  auto flush_spaces = [&] {
    if (spaces == 1) {
      out += ' ';
    } else if (spaces > 1) {
      out += " <text:s text:c=\"" + std::to_string(spaces - 1) + "\"/>";
    }
    spaces = 0;
  };
  for (char c : value) {
    if (c == ' ') {
      ++spaces;
      continue;
    }
    flush_spaces();
    if (c == '\t') {
      out += "<text:tab/>";
    } else if (c == '\n') {
      out += "<text:line-break/>";
    } else {
      out += c;
    }
  }
  flush_spaces();
  return out;
}

std::string odt_runs(const doc::Inline& inline_runs) {
  std::string out;
  for (const doc::Run& run : inline_runs) {
    std::string_view style = run.bold && run.italic ? "BoldItalic"
                             : run.bold             ? "Bold"
                             : run.italic           ? "Italic"
                                                    : "";
    std::string content = style.empty()
                              ? odf_text(run.text)
                              : fmt::format("<text:span text:style-name=\"{}\">{}</text:span>",
                                            style, odf_text(run.text));
    if (run.mark != doc::Mark::none) {
      content = fmt::format("<text:span text:style-name=\"{}\">{}</text:span>",
                            run.mark == doc::Mark::deleted ? "Deleted" : "Inserted", content);
    }
    out += content;
  }
  return out;
}

/// The body of content.xml, written block by block into the archive, after the automatic
/// styles that give each table its column widths.
class Content {
 public:
  Content(const doc::Document& document, ZipWriter& zip) : m_document(document), m_zip(zip) {}

  /// The column styles of every table, their widths fitted to the words in them.
  void table_styles() {
    for (const std::vector<double>& widths : fit_tables(
             m_document, k_text_width_cm * k_points_per_cm, k_odt_table_font, k_odt_cell_padding)) {
      std::string name = fmt::format("Table{}", ++m_tables);
      m_zip.format(
          "<style:style style:name=\"{0}\" style:family=\"table\"><style:table-properties "
          "style:width=\"{1:.2f}cm\" table:align=\"margins\"/></style:style>",
          name, k_text_width_cm);
      for (std::size_t c = 0; c < widths.size(); ++c) {
        m_zip.format(
            "<style:style style:name=\"{0}.C{1}\" style:family=\"table-column\">"
            "<style:table-column-properties style:column-width=\"{2:.3f}cm\"/></style:style>",
            name, c + 1, widths[c] / k_points_per_cm);
      }
      m_columns.push_back(widths.size());
    }
  }

  void body() {
    m_tables = 0;
    for (const doc::Block& block : m_document.blocks) {
      if (const auto* heading = std::get_if<doc::Heading>(&block)) {
        m_zip.format(
            "<text:h text:style-name=\"Heading_20_{0}\" text:outline-level=\"{0}\">{1}</text:h>",
            heading->level, odf_text(heading->text));
      } else if (const auto* p = std::get_if<doc::Paragraph>(&block)) {
        std::string_view style = p->style == doc::Paragraph::Style::title      ? "Title"
                                 : p->style == doc::Paragraph::Style::subtitle ? "Subtitle"
                                 : p->style == doc::Paragraph::Style::note     ? "Note"
                                                                               : "Text_20_body";
        m_zip.format("<text:p text:style-name=\"{}\">{}</text:p>", style, odt_runs(p->runs));
      } else if (const auto* list = std::get_if<doc::List>(&block)) {
        m_zip.format("<text:list text:style-name=\"{}\">", list->numbered ? "Numbers" : "Bullets");
        for (const doc::Inline& item : list->items) {
          m_zip.write("<text:list-item><text:p text:style-name=\"List_20_Paragraph\">");
          m_zip.write(odt_runs(item));
          m_zip.write("</text:p></text:list-item>");
        }
        m_zip.write("</text:list>");
      } else if (const auto* t = std::get_if<doc::Table>(&block)) {
        table(*t);
      } else {
        m_zip.write("<text:p text:style-name=\"PageBreak\"/>");
      }
    }
  }

 private:
  void table(const doc::Table& t) {
    std::size_t columns = m_columns[static_cast<std::size_t>(m_tables)];
    std::string name = fmt::format("Table{}", ++m_tables);
    m_zip.format("<table:table table:name=\"{0}\" table:style-name=\"{0}\">", name);
    for (std::size_t c = 0; c < columns; ++c) {
      m_zip.format("<table:table-column table:style-name=\"{}.C{}\"/>", name, c + 1);
    }
    std::size_t count = doc::row_count(m_document, t);
    for (std::size_t r = 0; r < count; ++r) {
      bool header = r < t.header_rows;
      if (r == 0 && header) {
        m_zip.write("<table:table-header-rows>");
      }
      m_zip.write("<table:table-row table:style-name=\"Row\">");
      for (const doc::Inline& cell : doc::table_row(m_document, t, r)) {
        m_zip.format(
            "<table:table-cell table:style-name=\"{}\" office:value-type=\"string\">"
            "<text:p text:style-name=\"{}\">{}</text:p></table:table-cell>",
            header ? "HeaderCell" : "Cell", header ? "Table_20_Heading" : "Table_20_Contents",
            odt_runs(cell));
      }
      m_zip.write("</table:table-row>");
      if (header && r + 1 == t.header_rows) {
        m_zip.write("</table:table-header-rows>");
      }
    }
    m_zip.write("</table:table>");
  }

  const doc::Document& m_document;
  ZipWriter& m_zip;
  int m_tables = 0;
  std::vector<std::size_t> m_columns;
};

std::string_view manifest() {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest:manifest "
         "xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" "
         "manifest:version=\"1.3\">"
         "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.3\" "
         "manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
         "<manifest:file-entry manifest:full-path=\"content.xml\" "
         "manifest:media-type=\"text/xml\"/>"
         "<manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>"
         "<manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>"
         "</manifest:manifest>";
}

/// The page footer: the spec and its version, then "page X of Y" at the right margin.
std::string odt_footer_xml(const doc::Document& document) {
  std::string page;
  if (!document.page_label.empty()) {
    PageLabel label = split_page_label(document.page_label);
    page = odf_text(label.before) +
           "<text:page-number text:select-page=\"current\">1</text:page-number>" +
           odf_text(label.between);
    if (label.has_pages) {
      page += "<text:page-count>1</text:page-count>" + odf_text(label.after);
    }
  }
  return fmt::format(
      "<style:footer><text:p text:style-name=\"Footer\">{}<text:tab/>{}</text:p>"
      "</style:footer>",
      odf_text(document.footer), page);
}

std::string styles_xml(const doc::Document& document) {
  auto heading = [](int level, std::string_view size) {
    return fmt::format(
        "<style:style style:name=\"Heading_20_{0}\" style:display-name=\"Heading {0}\" "
        "style:family=\"paragraph\" style:parent-style-name=\"Heading\" "
        "style:next-style-name=\"Text_20_body\" style:default-outline-level=\"{0}\" "
        "style:class=\"text\"><style:text-properties fo:font-size=\"{1}\" fo:font-weight=\"bold\" "
        "style:font-weight-complex=\"bold\"/></style:style>",
        level, size);
  };
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-styles {0} "
      "office:version=\"1.3\">"
      "<office:font-face-decls/>"
      "<office:styles>"
      "<style:default-style style:family=\"paragraph\"><style:paragraph-properties "
      "fo:margin-top=\"0cm\" fo:margin-bottom=\"0.21cm\"/><style:text-properties "
      "style:font-name=\"Liberation Sans\" fo:font-family=\"'Liberation Sans'\" "
      "fo:font-size=\"10.5pt\"/>"
      "</style:default-style>"
      "<style:style style:name=\"Standard\" style:family=\"paragraph\" style:class=\"text\"/>"
      "<style:style style:name=\"Text_20_body\" style:display-name=\"Text body\" "
      "style:family=\"paragraph\" style:parent-style-name=\"Standard\" style:class=\"text\"/>"
      "<style:style style:name=\"Heading\" style:family=\"paragraph\" "
      "style:parent-style-name=\"Standard\" style:next-style-name=\"Text_20_body\" "
      "style:class=\"text\"><style:paragraph-properties fo:margin-top=\"0.42cm\" "
      "fo:margin-bottom=\"0.21cm\" fo:keep-with-next=\"always\"/></style:style>"
      "{1}{2}{3}"
      "<style:style style:name=\"Title\" style:family=\"paragraph\" "
      "style:parent-style-name=\"Standard\" style:class=\"chapter\"><style:text-properties "
      "fo:font-size=\"20pt\" fo:font-weight=\"bold\"/></style:style>"
      "<style:style style:name=\"Subtitle\" style:family=\"paragraph\" "
      "style:parent-style-name=\"Standard\" style:class=\"chapter\"><style:text-properties "
      "fo:font-size=\"14pt\" fo:font-weight=\"bold\"/></style:style>"
      "<style:style style:name=\"Note\" style:family=\"paragraph\" "
      "style:parent-style-name=\"Text_20_body\"><style:paragraph-properties "
      "fo:margin-left=\"1cm\"/>"
      "<style:text-properties fo:font-size=\"9.5pt\"/></style:style>"
      "<style:style style:name=\"Table_20_Contents\" style:display-name=\"Table Contents\" "
      "style:family=\"paragraph\" style:parent-style-name=\"Standard\" style:class=\"extra\">"
      "<style:paragraph-properties fo:margin-bottom=\"0cm\"/><style:text-properties "
      "fo:font-size=\"9.5pt\"/></style:style>"
      "<style:style style:name=\"Table_20_Heading\" style:display-name=\"Table Heading\" "
      "style:family=\"paragraph\" style:parent-style-name=\"Table_20_Contents\" "
      "style:class=\"extra\"><style:text-properties fo:font-weight=\"bold\"/></style:style>"
      "<style:style style:name=\"List_20_Paragraph\" style:display-name=\"List Paragraph\" "
      "style:family=\"paragraph\" style:parent-style-name=\"Text_20_body\"/>"
      "<style:style style:name=\"Footer\" style:family=\"paragraph\" "
      "style:parent-style-name=\"Standard\" style:class=\"extra\"><style:paragraph-properties "
      "fo:margin-bottom=\"0cm\"><style:tab-stops><style:tab-stop style:position=\"{5:.2f}cm\" "
      "style:type=\"right\"/></style:tab-stops></style:paragraph-properties>"
      "<style:text-properties fo:font-size=\"8.5pt\"/></style:style>"
      "</office:styles>"
      "<office:automatic-styles><style:page-layout style:name=\"A4\"><style:page-layout-properties "
      "fo:page-width=\"21cm\" fo:page-height=\"29.7cm\" fo:margin-top=\"2cm\" "
      "fo:margin-bottom=\"1.5cm\" fo:margin-left=\"2cm\" fo:margin-right=\"2cm\"/>"
      "<style:footer-style><style:header-footer-properties fo:min-height=\"0.6cm\"/>"
      "</style:footer-style></style:page-layout></office:automatic-styles>"
      "<office:master-styles><style:master-page style:name=\"Standard\" "
      "style:page-layout-name=\"A4\">{4}</style:master-page></office:master-styles>"
      "</office:document-styles>",
      k_namespaces, heading(1, "16pt"), heading(2, "13pt"), heading(3, "11.5pt"),
      odt_footer_xml(document), k_text_width_cm);
}

}  // namespace

std::string render_odt(const doc::Document& document) {
  ZipWriter zip(document.created);
  zip.entry("mimetype", "application/vnd.oasis.opendocument.text", false);
  auto list_level = [](std::string_view kind, std::string_view attributes) {
    return fmt::format(
        "<text:list-level-style-{0} text:level=\"1\" {1}><style:list-level-properties "
        "text:list-level-position-and-space-mode=\"label-alignment\"><style:list-level-label-"
        "alignment "
        "text:label-followed-by=\"listtab\" text:list-tab-stop-position=\"0.8cm\" "
        "fo:text-indent=\"-0.5cm\" fo:margin-left=\"0.8cm\"/></style:list-level-properties>"
        "</text:list-level-style-{0}>",
        kind, attributes);
  };
  zip.entry("META-INF/manifest.xml", manifest());
  zip.open("content.xml");
  zip.format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content {0} "
      "office:version=\"1.3\">"
      "<office:automatic-styles>"
      "<style:style style:name=\"Bold\" style:family=\"text\"><style:text-properties "
      "fo:font-weight=\"bold\" style:font-weight-complex=\"bold\"/></style:style>"
      "<style:style style:name=\"Italic\" style:family=\"text\"><style:text-properties "
      "fo:font-style=\"italic\" style:font-style-complex=\"italic\"/></style:style>"
      "<style:style style:name=\"BoldItalic\" style:family=\"text\"><style:text-properties "
      "fo:font-weight=\"bold\" fo:font-style=\"italic\"/></style:style>"
      "<style:style style:name=\"Deleted\" style:family=\"text\"><style:text-properties "
      "style:text-line-through-style=\"solid\" style:text-line-through-type=\"single\"/>"
      "</style:style>"
      "<style:style style:name=\"Inserted\" style:family=\"text\"><style:text-properties "
      "style:text-underline-style=\"solid\" style:text-underline-width=\"auto\" "
      "style:text-underline-color=\"font-color\"/></style:style>"
      "<style:style style:name=\"Cell\" style:family=\"table-cell\"><style:table-cell-properties "
      "fo:padding=\"0.08cm\" fo:border=\"0.5pt solid #555555\"/></style:style>"
      "<style:style style:name=\"HeaderCell\" "
      "style:family=\"table-cell\"><style:table-cell-properties "
      "fo:background-color=\"#e8ecf2\" fo:padding=\"0.08cm\" fo:border=\"0.5pt solid #555555\"/>"
      "</style:style>"
      "<style:style style:name=\"Row\" style:family=\"table-row\"><style:table-row-properties "
      "fo:keep-together=\"always\"/></style:style>"
      "<style:style style:name=\"PageBreak\" style:family=\"paragraph\" "
      "style:parent-style-name=\"Standard\"><style:paragraph-properties fo:break-after=\"page\"/>"
      "</style:style>"
      "<text:list-style style:name=\"Bullets\">{1}</text:list-style>"
      "<text:list-style style:name=\"Numbers\">{2}</text:list-style>",
      k_namespaces, list_level("bullet", "text:bullet-char=\"\xE2\x80\xA2\""),
      list_level("number", "style:num-suffix=\".\" style:num-format=\"1\""));
  Content content(document, zip);
  content.table_styles();
  zip.write("</office:automatic-styles><office:body><office:text>");
  content.body();
  zip.write("</office:text></office:body></office:document-content>");
  zip.entry("styles.xml", styles_xml(document));
  std::string created;
  if (document.created.seconds) {
    std::string iso = document.created.iso8601();
    created = fmt::format("<meta:creation-date>{0}</meta:creation-date><dc:date>{0}</dc:date>",
                          iso.substr(0, iso.size() - 1));
  }
  std::string meta = fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-meta {} office:version=\"1.3\">"
      "<office:meta><meta:generator>leaspec</meta:generator><dc:title>{}</dc:title>"
      "<dc:subject>{}</dc:subject><dc:language>{}</dc:language>{}</office:meta>"
      "</office:document-meta>",
      k_namespaces, text::xml_escape(document.title), text::xml_escape(document.subject),
      text::xml_escape(document.language), created);
  zip.entry("meta.xml", meta);
  return zip.finish();
}

}  // namespace leaspec::write
