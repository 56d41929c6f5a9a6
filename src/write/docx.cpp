// Office Open XML (DOCX), written natively: real Heading 1-3 styles that Word and LibreOffice
// show in their navigator, tables whose columns fit their words and whose header rows repeat,
// a footer with the spec, its version and "page X of Y", properties. The body is deflated as
// it is written.
#include <fmt/format.h>

#include "leaspec/write.hpp"
#include "write/layout.hpp"
#include "write/office.hpp"
#include "write/zip.hpp"

namespace leaspec::write {
namespace {

constexpr int k_text_width = 9638;         // A4 with 2 cm margins, in twentieths of a point
constexpr double k_docx_table_font = 9.5;  // points, the Table Contents style
constexpr double k_docx_cell_padding =
    12;  // points: the cell margins of 108 twips each side and rules

constexpr std::string_view k_main_ns =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

/// Text as runs: tabs and line breaks become their own elements.
std::string text_runs(const doc::Run& run) {
  std::string properties;
  if (run.bold) {
    properties += "<w:b/><w:bCs/>";
  }
  if (run.italic) {
    properties += "<w:i/><w:iCs/>";
  }
  if (run.mark == doc::Mark::deleted) {
    properties += "<w:strike/>";
  } else if (run.mark == doc::Mark::inserted) {
    properties += "<w:u w:val=\"single\"/>";
  }
  std::string out = "<w:r>";
  if (!properties.empty()) {
    out += "<w:rPr>" + properties + "</w:rPr>";
  }
  std::string chunk;
  auto flush = [&] {
    if (!chunk.empty()) {
      out += "<w:t xml:space=\"preserve\">" + text::xml_escape(chunk) + "</w:t>";
      chunk.clear();
    }
  };
  for (char c : run.text) {
    if (c == '\t') {
      flush();
      out += "<w:tab/>";
    } else if (c == '\n') {
      flush();
      out += "<w:br/>";
    } else {
      chunk += c;
    }
  }
  flush();
  return out + "</w:r>";
}

std::string paragraph(const doc::Inline& runs, std::string_view style,
                      const std::string& extra = {}) {
  std::string out = "<w:p>";
  if (!style.empty() || !extra.empty()) {
    out += "<w:pPr>";
    if (!style.empty()) {
      out += fmt::format("<w:pStyle w:val=\"{}\"/>", style);
    }
    out += extra + "</w:pPr>";
  }
  for (const doc::Run& run : runs) {
    out += text_runs(run);
  }
  return out + "</w:p>";
}

/// The body of word/document.xml, written block by block into the archive.
class Body {
 public:
  Body(const doc::Document& document, ZipWriter& zip)
      : m_document(document),
        m_zip(zip),
        m_widths(
            fit_tables(document, k_text_width / 20.0, k_docx_table_font, k_docx_cell_padding)) {}

  int numbered_lists() const { return m_numbered_lists; }

  void write() {
    for (const doc::Block& block : m_document.blocks) {
      if (const auto* heading = std::get_if<doc::Heading>(&block)) {
        m_zip.write(paragraph({doc::Run{heading->text, false, false}},
                              fmt::format("Heading{}", heading->level)));
      } else if (const auto* p = std::get_if<doc::Paragraph>(&block)) {
        std::string_view style = p->style == doc::Paragraph::Style::title      ? "Title"
                                 : p->style == doc::Paragraph::Style::subtitle ? "Subtitle"
                                 : p->style == doc::Paragraph::Style::note     ? "Note"
                                                                               : "";
        m_zip.write(paragraph(p->runs, style));
      } else if (const auto* list = std::get_if<doc::List>(&block)) {
        this->list(*list);
      } else if (const auto* t = std::get_if<doc::Table>(&block)) {
        table(*t);
      } else {
        m_zip.write("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
      }
    }
  }

 private:
  void table(const doc::Table& t) {
    std::vector<int> columns;
    for (double width : m_widths.at(m_tables++)) {
      columns.push_back(static_cast<int>(width * 20));
    }
    m_zip.write(
        "<w:tbl><w:tblPr><w:tblStyle w:val=\"LeaspecTable\"/>"
        "<w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLayout w:type=\"fixed\"/>"
        "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" "
        "w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>");
    for (int width : columns) {
      m_zip.format("<w:gridCol w:w=\"{}\"/>", width);
    }
    m_zip.write("</w:tblGrid>");
    std::size_t count = doc::row_count(m_document, t);
    for (std::size_t r = 0; r < count; ++r) {
      const std::vector<doc::Inline>& cells = doc::table_row(m_document, t, r);
      bool header = r < t.header_rows;
      m_zip.write(header ? "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
                         : "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
      for (std::size_t c = 0; c < cells.size(); ++c) {
        int width = c < columns.size() ? columns[c] : 1000;
        m_zip.format("<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/>{}</w:tcPr>", width,
                     header ? "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E8ECF2\"/>" : "");
        m_zip.write(paragraph(cells[c], header ? "TableHeading" : "TableContents"));
        m_zip.write("</w:tc>");
      }
      m_zip.write("</w:tr>");
    }
    m_zip.write("</w:tbl>");
    m_zip.write(paragraph({}, "Spacer"));
  }

  void list(const doc::List& list) {
    int num_id = list.numbered ? 2 + m_numbered_lists++ : 1;
    for (const doc::Inline& item : list.items) {
      m_zip.write(paragraph(
          item, "ListParagraph",
          fmt::format("<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"{}\"/></w:numPr>", num_id)));
    }
  }

  const doc::Document& m_document;
  ZipWriter& m_zip;
  std::vector<std::vector<double>> m_widths;
  std::size_t m_tables = 0;
  int m_numbered_lists = 0;
};

/// The footer: the spec and its version on the left, "page X of Y" on the right.
std::string docx_footer_xml(const doc::Document& document) {
  auto field = [](std::string_view instruction) {
    return fmt::format("<w:fldSimple w:instr=\" {} \"><w:r><w:t>1</w:t></w:r></w:fldSimple>",
                       instruction);
  };
  std::string page;
  if (!document.page_label.empty()) {
    PageLabel label = split_page_label(document.page_label);
    page = text_runs(doc::Run{label.before}) + field("PAGE") + text_runs(doc::Run{label.between});
    if (label.has_pages) {
      page += field("NUMPAGES") + text_runs(doc::Run{label.after});
    }
  }
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:ftr {}><w:p><w:pPr>"
      "<w:pStyle w:val=\"Footer\"/><w:tabs><w:tab w:val=\"right\" w:pos=\"{}\"/></w:tabs>"
      "</w:pPr>{}<w:r><w:tab/></w:r>{}</w:p></w:ftr>",
      k_main_ns, k_text_width, text_runs(doc::Run{document.footer}), page);
}

std::string numbering_xml(int numbered_lists) {
  std::string out = fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:numbering {}>"
      "<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/>"
      "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/>"
      "<w:lvlText w:val=\"\xE2\x80\xA2\"/><w:lvlJc w:val=\"left\"/>"
      "<w:pPr><w:ind w:left=\"720\" w:hanging=\"360\"/></w:pPr></w:lvl></w:abstractNum>"
      "<w:abstractNum w:abstractNumId=\"1\"><w:multiLevelType w:val=\"singleLevel\"/>"
      "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
      "<w:lvlText w:val=\"%1.\"/><w:lvlJc w:val=\"left\"/>"
      "<w:pPr><w:ind w:left=\"720\" w:hanging=\"360\"/></w:pPr></w:lvl></w:abstractNum>"
      "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>",
      k_main_ns);
  // Each numbered list starts again at 1.
  for (int i = 0; i < numbered_lists; ++i) {
    out += fmt::format(
        "<w:num w:numId=\"{}\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\">"
        "<w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>",
        i + 2);
  }
  return out + "</w:numbering>";
}

std::string styles_xml(const std::string& language) {
  auto heading = [](int level, int size) {
    return fmt::format(
        "<w:style w:type=\"paragraph\" w:styleId=\"Heading{0}\"><w:name w:val=\"heading {0}\"/>"
        "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/>"
        "<w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"{2}\" "
        "w:after=\"120\"/>"
        "<w:outlineLvl w:val=\"{1}\"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val=\"{3}\"/>"
        "<w:szCs w:val=\"{3}\"/></w:rPr></w:style>",
        level, level - 1, level == 1 ? 360 : 240, size);
  };
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles {0}>"
      "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Liberation Sans\" "
      "w:hAnsi=\"Liberation Sans\" w:eastAsia=\"Liberation Sans\" w:cs=\"Liberation Sans\"/>"
      "<w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/><w:lang w:val=\"{1}\"/></w:rPr></w:rPrDefault>"
      "<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr>"
      "</w:pPrDefault></w:docDefaults>"
      "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name "
      "w:val=\"Normal\"/>"
      "<w:qFormat/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/>"
      "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>"
      "<w:pPr><w:spacing w:after=\"120\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"40\"/>"
      "<w:szCs w:val=\"40\"/></w:rPr></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Subtitle\"><w:name w:val=\"Subtitle\"/>"
      "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>"
      "<w:pPr><w:spacing w:after=\"240\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"28\"/>"
      "<w:szCs w:val=\"28\"/></w:rPr></w:style>"
      "{2}{3}{4}"
      "<w:style w:type=\"paragraph\" w:styleId=\"ListParagraph\"><w:name w:val=\"List Paragraph\"/>"
      "<w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing w:after=\"60\"/>"
      "<w:ind w:left=\"720\"/></w:pPr></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Note\"><w:name w:val=\"Note\"/>"
      "<w:basedOn w:val=\"Normal\"/><w:pPr><w:ind w:left=\"567\"/></w:pPr><w:rPr>"
      "<w:sz w:val=\"19\"/><w:szCs w:val=\"19\"/></w:rPr></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"TableContents\"><w:name w:val=\"Table Contents\"/>"
      "<w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"0\"/></w:pPr><w:rPr>"
      "<w:sz w:val=\"19\"/><w:szCs w:val=\"19\"/></w:rPr></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"TableHeading\"><w:name w:val=\"Table Heading\"/>"
      "<w:basedOn w:val=\"TableContents\"/><w:rPr><w:b/><w:bCs/></w:rPr></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Spacer\"><w:name w:val=\"Spacer\"/>"
      "<w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"0\"/></w:pPr></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/>"
      "<w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"0\"/></w:pPr><w:rPr>"
      "<w:sz w:val=\"17\"/><w:szCs w:val=\"17\"/></w:rPr></w:style>"
      "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal "
      "Table\"/>"
      "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>"
      "<w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/>"
      "<w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
      "<w:style w:type=\"table\" w:styleId=\"LeaspecTable\"><w:name w:val=\"Table Grid\"/>"
      "<w:basedOn w:val=\"TableNormal\"/><w:tblPr><w:tblBorders>"
      "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"555555\"/>"
      "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"555555\"/>"
      "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"555555\"/>"
      "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"555555\"/>"
      "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"555555\"/>"
      "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"555555\"/>"
      "</w:tblBorders><w:tblCellMar><w:top w:w=\"40\" w:type=\"dxa\"/><w:bottom w:w=\"40\" "
      "w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
      "</w:styles>",
      k_main_ns, text::xml_escape(language), heading(1, 32), heading(2, 26), heading(3, 23));
}

std::string font_table_xml() {
  // Word has no Liberation Sans on most machines; Arial has the same metrics.
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:fonts {}>"
      "<w:font w:name=\"Liberation Sans\"><w:altName w:val=\"Arial\"/><w:family "
      "w:val=\"swiss\"/><w:pitch w:val=\"variable\"/></w:font></w:fonts>",
      k_main_ns);
}

std::string_view content_types() {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types "
         "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
         "<Default Extension=\"rels\" "
         "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
         "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
         "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
         "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
         "<Override PartName=\"/word/styles.xml\" ContentType=\"application/"
         "vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
         "<Override PartName=\"/word/numbering.xml\" ContentType=\"application/"
         "vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>"
         "<Override PartName=\"/word/fontTable.xml\" ContentType=\"application/"
         "vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml\"/>"
         "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/"
         "vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
         "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/"
         "vnd.openxmlformats-package.core-properties+xml\"/>"
         "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/"
         "vnd.openxmlformats-officedocument.extended-properties+xml\"/></Types>";
}

std::string_view package_relationships() {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships "
         "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
         "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
         "relationships/officeDocument\" Target=\"word/document.xml\"/>"
         "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/"
         "relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
         "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
         "relationships/extended-properties\" Target=\"docProps/app.xml\"/></Relationships>";
}

std::string_view document_relationships() {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships "
         "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
         "<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
         "2006/relationships/styles\" Target=\"styles.xml\"/>"
         "<Relationship Id=\"rIdNumbering\" Type=\"http://schemas.openxmlformats.org/"
         "officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/>"
         "<Relationship Id=\"rIdFonts\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
         "2006/relationships/fontTable\" Target=\"fontTable.xml\"/>"
         "<Relationship Id=\"rIdFooter\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
         "2006/relationships/footer\" Target=\"footer1.xml\"/></Relationships>";
}

}  // namespace

std::string render_docx(const doc::Document& document) {
  ZipWriter zip(document.created);
  zip.entry("[Content_Types].xml", content_types());
  zip.entry("_rels/.rels", package_relationships());
  zip.entry("docProps/core.xml", core_properties(document));
  zip.entry("docProps/app.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Properties "
            "xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
            "<Application>leaspec</Application></Properties>");
  zip.open("word/document.xml");
  zip.format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document {}><w:body>",
      k_main_ns);
  Body body(document, zip);
  body.write();
  zip.write(
      "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>"
      "<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" "
      "w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>"
      "</w:sectPr></w:body></w:document>");
  zip.entry("word/styles.xml", styles_xml(document.language));
  zip.entry("word/numbering.xml", numbering_xml(body.numbered_lists()));
  zip.entry("word/fontTable.xml", font_table_xml());
  zip.entry("word/footer1.xml", docx_footer_xml(document));
  zip.entry("word/_rels/document.xml.rels", document_relationships());
  return zip.finish();
}

}  // namespace leaspec::write
