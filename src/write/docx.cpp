// Office Open XML (DOCX), written natively: real Heading 1-3 styles that Word and LibreOffice
// show in their navigator, tables with repeating header rows, page numbers, properties.
#include <fmt/format.h>

#include "leaspec/write.hpp"

namespace leaspec::write {
namespace {

constexpr int k_text_width = 9638;  // A4 with 2 cm margins, in twentieths of a point

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

class DocumentXml {
 public:
  std::string body;
  int numbered_lists = 0;

  void table(const doc::Table& t) {
    double total = 0;
    for (double width : t.widths) {
      total += width;
    }
    std::vector<int> columns;
    for (double width : t.widths) {
      columns.push_back(static_cast<int>(k_text_width * width / (total > 0 ? total : 1)));
    }
    body +=
        "<w:tbl><w:tblPr><w:tblStyle w:val=\"LeaspecTable\"/>"
        "<w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLayout w:type=\"fixed\"/>"
        "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" "
        "w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>";
    for (int width : columns) {
      body += fmt::format("<w:gridCol w:w=\"{}\"/>", width);
    }
    body += "</w:tblGrid>";
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      bool header = r < t.header_rows;
      body += "<w:tr>";
      body += header ? "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
                     : "<w:trPr><w:cantSplit/></w:trPr>";
      for (std::size_t c = 0; c < t.rows[r].size(); ++c) {
        int width = c < columns.size() ? columns[c] : 1000;
        body += fmt::format(
            "<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/>{}</w:tcPr>", width,
            header ? "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E8ECF2\"/>" : "");
        body += paragraph(t.rows[r][c], header ? "TableHeading" : "TableContents");
        body += "</w:tc>";
      }
      body += "</w:tr>";
    }
    body += "</w:tbl>";
    body += paragraph({}, "Spacer");
  }

  void list(const doc::List& list) {
    int num_id = 1;
    if (list.numbered) {
      num_id = 2 + numbered_lists++;
    }
    for (const doc::Inline& item : list.items) {
      body += paragraph(
          item, "ListParagraph",
          fmt::format("<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"{}\"/></w:numPr>", num_id));
    }
  }
};

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
      "<w:basedOn w:val=\"Normal\"/><w:pPr><w:jc w:val=\"center\"/></w:pPr></w:style>"
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

}  // namespace

std::string render_docx(const doc::Document& document) {
  DocumentXml xml;
  for (const doc::Block& block : document.blocks) {
    if (const auto* heading = std::get_if<doc::Heading>(&block)) {
      xml.body += paragraph({doc::Run{heading->text, false, false}},
                            fmt::format("Heading{}", heading->level));
    } else if (const auto* p = std::get_if<doc::Paragraph>(&block)) {
      std::string_view style = p->style == doc::Paragraph::Style::title      ? "Title"
                               : p->style == doc::Paragraph::Style::subtitle ? "Subtitle"
                               : p->style == doc::Paragraph::Style::note     ? "Note"
                                                                             : "";
      xml.body += paragraph(p->runs, style);
    } else if (const auto* list = std::get_if<doc::List>(&block)) {
      xml.list(*list);
    } else if (const auto* t = std::get_if<doc::Table>(&block)) {
      xml.table(*t);
    } else {
      xml.body += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>";
    }
  }
  std::string document_xml = fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document {}><w:body>{}"
      "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>"
      "<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" "
      "w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>"
      "</w:sectPr></w:body></w:document>",
      k_main_ns, xml.body);
  std::string footer = fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:ftr {}><w:p><w:pPr>"
      "<w:pStyle w:val=\"Footer\"/></w:pPr><w:fldSimple w:instr=\"PAGE\"><w:r><w:t>1</w:t></w:r>"
      "</w:fldSimple></w:p></w:ftr>",
      k_main_ns);
  std::string created;
  if (document.created.seconds) {
    created = fmt::format(
        "<dcterms:created xsi:type=\"dcterms:W3CDTF\">{0}</dcterms:created>"
        "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">{0}</dcterms:modified>",
        document.created.iso8601());
  }
  std::string core = fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties "
      "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{}</dc:title>"
      "<dc:subject>{}</dc:subject><dc:creator>leaspec</dc:creator><dc:language>{}</dc:language>{}"
      "</cp:coreProperties>",
      text::xml_escape(document.title), text::xml_escape(document.subject),
      text::xml_escape(document.language), created);
  std::string app =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Properties "
      "xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
      "<Application>leaspec</Application></Properties>";
  std::string content_types =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types "
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
      "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/"
      "vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
      "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/"
      "vnd.openxmlformats-package.core-properties+xml\"/>"
      "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/"
      "vnd.openxmlformats-officedocument.extended-properties+xml\"/></Types>";
  std::string package_rels =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships "
      "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
      "relationships/officeDocument\" Target=\"word/document.xml\"/>"
      "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/"
      "relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
      "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
      "relationships/extended-properties\" Target=\"docProps/app.xml\"/></Relationships>";
  std::string document_rels =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships "
      "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
      "2006/relationships/styles\" Target=\"styles.xml\"/>"
      "<Relationship Id=\"rIdNumbering\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
      "2006/relationships/numbering\" Target=\"numbering.xml\"/>"
      "<Relationship Id=\"rIdFooter\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
      "2006/relationships/footer\" Target=\"footer1.xml\"/></Relationships>";
  return make_zip({{"[Content_Types].xml", content_types},
                   {"_rels/.rels", package_rels},
                   {"docProps/core.xml", core},
                   {"docProps/app.xml", app},
                   {"word/document.xml", document_xml},
                   {"word/styles.xml", styles_xml(document.language)},
                   {"word/numbering.xml", numbering_xml(xml.numbered_lists)},
                   {"word/footer1.xml", footer},
                   {"word/_rels/document.xml.rels", document_rels}},
                  document.created);
}

}  // namespace leaspec::write
