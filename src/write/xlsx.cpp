// Office Open XML workbooks (XLSX), written natively: one sheet per level-1 heading, shared
// strings, frozen and filtered header rows, drop-down lists, protection that leaves only the
// input columns open, live formulas, and a page setup that prints every sheet one page wide
// in landscape with the header row on every page. Sheets are deflated as they are written.
#include <charconv>
#include <deque>
#include <map>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "leaspec/source.hpp"
#include "leaspec/write.hpp"
#include "write/layout.hpp"
#include "write/office.hpp"
#include "write/zip.hpp"

namespace leaspec::write {
namespace {

constexpr double k_font_size = 10;
constexpr double k_line_height = 12.75;    // points per line of Arial 10, as Excel sets rows
constexpr double k_xlsx_cell_padding = 9;  // points a cell keeps free beside its text
constexpr double k_digit_width = 7;        // pixels of the widest digit of Arial 10
constexpr double k_chars_per_hint = 7;     // characters per unit of a table's relative widths

enum Style : int { k_default, k_header, k_cell, k_bold, k_input, k_shown };

constexpr std::string_view k_declaration =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr std::string_view k_main_ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr std::string_view k_rel_ns =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// A sheet name quoted for a formula or a defined name.
std::string quoted_sheet(const std::string& name) {
  std::string result = "'";
  for (char c : name) {
    result += c == '\'' ? std::string("''") : std::string(1, c);
  }
  return result + "'";
}

/// Text for a header or footer field, where & starts a code.
std::string footer_text(std::string_view text) {
  std::string result;
  for (char c : text) {
    result += c == '&' ? std::string("&&") : std::string(1, c);
  }
  return result;
}

const doc::Run* formula_of(const doc::Inline& cell) {
  return cell.size() == 1 && !cell.front().formula.empty() ? &cell.front() : nullptr;
}

bool is_number(std::string_view text) {
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return !text.empty() && error == std::errc() && end == text.data() + text.size();
}

/// A table placed on a sheet: its first row there (zero-based) and the widths it asks for.
struct Placed {
  const doc::Table* table;
  std::size_t block;
  std::size_t first_row;
};

struct Sheet {
  std::string name;
  std::vector<Placed> tables;
  std::size_t rows = 0;
  std::size_t columns = 0;
};

/// The strings of every cell, each once, in the order first written.
class SharedStrings {
 public:
  std::size_t index(const doc::Inline& cell) {
    std::string_view text;
    if (cell.size() == 1) {
      text = cell.front().text;
    } else {
      text = m_owned.emplace_back(cell_text(cell));
    }
    auto [it, inserted] = m_index.emplace(text, m_order.size());
    if (inserted) {
      m_order.push_back(text);
    } else if (cell.size() != 1) {
      m_owned.pop_back();
    }
    ++m_count;
    return it->second;
  }

  void write(ZipWriter& zip) const {
    zip.open("xl/sharedStrings.xml");
    zip.format("{}<sst xmlns=\"{}\" count=\"{}\" uniqueCount=\"{}\">", k_declaration, k_main_ns,
               m_count, m_order.size());
    for (std::string_view text : m_order) {
      zip.write("<si><t xml:space=\"preserve\">");
      zip.write(text::xml_escape(text));
      zip.write("</t></si>");
    }
    zip.write("</sst>");
  }

 private:
  std::deque<std::string> m_owned;
  std::unordered_map<std::string_view, std::size_t> m_index;
  std::vector<std::string_view> m_order;
  std::size_t m_count = 0;
};

class Workbook {
 public:
  Workbook(const doc::Document& document, ZipWriter& zip) : m_document(document), m_zip(zip) {
    place_tables();
  }

  void write() {
    package();
    workbook();
    styles();
    for (std::size_t i = 0; i < m_sheets.size(); ++i) {
      sheet(i);
    }
    m_strings.write(m_zip);
  }

 private:
  /// Splits the document into sheets at level-1 headings and places each table on its sheet,
  /// one empty row between tables.
  void place_tables() {
    std::set<std::string> names;
    auto start = [&](const std::string& wanted) {
      std::string name = wanted.empty() ? "Sheet" : wanted;
      for (int n = 2; names.count(name); ++n) {
        name = fmt::format("{} {}", wanted.substr(0, 28), n);
      }
      names.insert(name);
      m_sheets.push_back({name, {}, 0, 0});
    };
    for (std::size_t b = 0; b < m_document.blocks.size(); ++b) {
      const doc::Block& block = m_document.blocks[b];
      if (const auto* heading = std::get_if<doc::Heading>(&block); heading && heading->level == 1) {
        start(heading->text);
      } else if (const auto* table = std::get_if<doc::Table>(&block)) {
        if (m_sheets.empty()) {
          start("Sheet");
        }
        Sheet& sheet = m_sheets.back();
        std::size_t first = sheet.rows + (sheet.tables.empty() ? 0 : 1);
        sheet.tables.push_back({table, b, first});
        sheet.rows = first + doc::row_count(m_document, *table);
        sheet.columns = std::max(sheet.columns, table->widths.size());
        m_placed.emplace(b, std::make_pair(m_sheets.size() - 1, first));
      }
    }
    if (m_sheets.empty()) {
      start("Sheet");
    }
  }

  void package() {
    m_zip.open("[Content_Types].xml");
    m_zip.format(
        "{}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        "<Default Extension=\"rels\" "
        "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/"
        "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/"
        "vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/"
        "vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
        "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/"
        "vnd.openxmlformats-package.core-properties+xml\"/>"
        "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/"
        "vnd.openxmlformats-officedocument.extended-properties+xml\"/>",
        k_declaration);
    for (std::size_t i = 1; i <= m_sheets.size(); ++i) {
      m_zip.format(
          "<Override PartName=\"/xl/worksheets/sheet{}.xml\" ContentType=\"application/"
          "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>",
          i);
    }
    m_zip.write("</Types>");
    m_zip.entry("_rels/.rels",
                fmt::format("{}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
                            "2006/relationships\"><Relationship Id=\"rId1\" Type=\"{}/"
                            "officeDocument\" Target=\"xl/workbook.xml\"/><Relationship "
                            "Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/"
                            "relationships/metadata/core-properties\" Target=\"docProps/"
                            "core.xml\"/><Relationship Id=\"rId3\" Type=\"{}/extended-"
                            "properties\" Target=\"docProps/app.xml\"/></Relationships>",
                            k_declaration, k_rel_ns, k_rel_ns));
    m_zip.entry("docProps/core.xml", core_properties(m_document));
    m_zip.entry("docProps/app.xml",
                fmt::format("{}<Properties xmlns=\"http://schemas.openxmlformats.org/"
                            "officeDocument/2006/extended-properties\"><Application>leaspec"
                            "</Application></Properties>",
                            k_declaration));
  }

  void workbook() {
    m_zip.open("xl/workbook.xml");
    m_zip.format(
        "{}<workbook xmlns=\"{}\" xmlns:r=\"{}\"><workbookPr/><bookViews><workbookView "
        "activeTab=\"0\"/></bookViews><sheets>",
        k_declaration, k_main_ns, k_rel_ns);
    for (std::size_t i = 0; i < m_sheets.size(); ++i) {
      m_zip.format("<sheet name=\"{}\" sheetId=\"{}\" r:id=\"rId{}\"/>",
                   text::xml_escape(m_sheets[i].name), i + 1, i + 1);
    }
    m_zip.write("</sheets>");
    std::string names;
    for (std::size_t i = 0; i < m_sheets.size(); ++i) {
      const Sheet& sheet = m_sheets[i];
      const doc::Table* first = sheet.tables.empty() ? nullptr : sheet.tables.front().table;
      if (!first || first->header_rows == 0) {
        continue;
      }
      std::string quoted = text::xml_escape(quoted_sheet(sheet.name));
      if (filtered(sheet)) {
        names += fmt::format(
            "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"{}\" "
            "hidden=\"1\">{}!$A$1:${}${}</definedName>",
            i, quoted, doc::column_letters(sheet.columns - 1), doc::row_count(m_document, *first));
      }
      names += fmt::format(
          "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"{}\">{}!$1:${}</definedName>", i,
          quoted, first->header_rows);
    }
    if (!names.empty()) {
      m_zip.format("<definedNames>{}</definedNames>", names);
    }
    m_zip.write("<calcPr calcId=\"191029\" fullCalcOnLoad=\"1\"/></workbook>");
    m_zip.open("xl/_rels/workbook.xml.rels");
    m_zip.format(
        "{}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
        k_declaration);
    for (std::size_t i = 1; i <= m_sheets.size(); ++i) {
      m_zip.format(
          "<Relationship Id=\"rId{0}\" Type=\"{1}/worksheet\" Target=\"worksheets/sheet{0}.xml\"/>",
          i, k_rel_ns);
    }
    m_zip.format(
        "<Relationship Id=\"rIdStyles\" Type=\"{0}/styles\" Target=\"styles.xml\"/>"
        "<Relationship Id=\"rIdStrings\" Type=\"{0}/sharedStrings\" "
        "Target=\"sharedStrings.xml\"/></Relationships>",
        k_rel_ns);
  }

  void styles() {
    constexpr std::string_view k_border =
        "<border><left style=\"thin\"><color rgb=\"FF555555\"/>"
        "</left><right style=\"thin\"><color rgb=\"FF555555\"/></right><top style=\"thin\">"
        "<color rgb=\"FF555555\"/></top><bottom style=\"thin\"><color rgb=\"FF555555\"/></bottom>"
        "<diagonal/></border>";
    auto fill = [](std::string_view rgb) {
      return fmt::format(
          "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FF{}\"/><bgColor "
          "indexed=\"64\"/></patternFill></fill>",
          rgb);
    };
    auto xf = [](int font, int fill_id, int border, bool locked) {
      return fmt::format(
          "<xf numFmtId=\"0\" fontId=\"{}\" fillId=\"{}\" borderId=\"{}\" xfId=\"0\" "
          "applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\" applyAlignment=\"1\" "
          "applyProtection=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/><protection "
          "locked=\"{}\"/></xf>",
          font, fill_id, border, locked ? 1 : 0);
    };
    m_zip.entry(
        "xl/styles.xml",
        fmt::format(
            "{}<styleSheet xmlns=\"{}\"><fonts count=\"2\"><font><sz val=\"10\"/><name "
            "val=\"Arial\"/><family val=\"2\"/></font><font><b/><sz val=\"10\"/><name "
            "val=\"Arial\"/><family val=\"2\"/></font></fonts><fills count=\"5\"><fill>"
            "<patternFill patternType=\"none\"/></fill><fill><patternFill "
            "patternType=\"gray125\"/></fill>{}{}{}</fills><borders count=\"2\"><border><left/>"
            "<right/><top/><bottom/><diagonal/></border>{}</borders><cellStyleXfs "
            "count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/>"
            "</cellStyleXfs><cellXfs count=\"6\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" "
            "borderId=\"0\" xfId=\"0\"/>{}{}{}{}{}</cellXfs><cellStyles count=\"1\"><cellStyle "
            "name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles><dxfs count=\"0\"/>"
            "</styleSheet>",
            k_declaration, k_main_ns, fill("E8ECF2"), fill("FFF8DC"), fill("F2F2F2"), k_border,
            xf(1, 2, 1, true), xf(0, 0, 1, true), xf(1, 0, 1, true), xf(0, 3, 1, false),
            xf(0, 4, 1, true)));
  }

  static bool filtered(const Sheet& sheet) {
    return !sheet.tables.empty() && sheet.tables.front().first_row == 0 &&
           sheet.tables.front().table->header_rows > 0 && sheet.columns > 0;
  }

  /// Widths in points of a sheet's columns: each at least its widest word, then as wide as
  /// its preferred share allows, up to its longest line.
  std::vector<double> column_widths(const Sheet& sheet) const {
    std::vector<double> widths(sheet.columns, 0);
    for (const Placed& placed : sheet.tables) {
      std::vector<ColumnNeed> needs = column_needs(m_document, *placed.table, k_font_size);
      for (std::size_t c = 0; c < needs.size() && c < widths.size(); ++c) {
        double hint = c < placed.table->widths.size() ? placed.table->widths[c] : 2;
        double preferred = hint * k_chars_per_hint * k_digit_width * 0.75;
        double word = needs[c].word * 1.1 + k_xlsx_cell_padding;
        double line = needs[c].line + k_xlsx_cell_padding;
        widths[c] = std::max({widths[c], word, std::min(line, preferred)});
      }
    }
    return widths;
  }

  void sheet(std::size_t index) {
    const Sheet& sheet = m_sheets[index];
    std::vector<double> widths = column_widths(sheet);
    m_zip.open(fmt::format("xl/worksheets/sheet{}.xml", index + 1));
    m_zip.format(
        "{}<worksheet xmlns=\"{}\" xmlns:r=\"{}\"><sheetPr><pageSetUpPr fitToPage=\"1\"/>"
        "</sheetPr>",
        k_declaration, k_main_ns, k_rel_ns);
    if (sheet.rows > 0 && sheet.columns > 0) {
      m_zip.format("<dimension ref=\"A1:{}{}\"/>", doc::column_letters(sheet.columns - 1),
                   sheet.rows);
    }
    std::string_view selected = index == 0 ? " tabSelected=\"1\"" : "";
    if (filtered(sheet)) {
      std::size_t frozen = sheet.tables.front().table->header_rows;
      m_zip.format(
          "<sheetViews><sheetView{0} workbookViewId=\"0\"><pane ySplit=\"{1}\" "
          "topLeftCell=\"A{2}\" activePane=\"bottomLeft\" state=\"frozen\"/><selection "
          "pane=\"bottomLeft\" activeCell=\"A{2}\" sqref=\"A{2}\"/></sheetView></sheetViews>",
          selected, frozen, frozen + 1);
    } else {
      m_zip.format("<sheetViews><sheetView{} workbookViewId=\"0\"/></sheetViews>", selected);
    }
    m_zip.format("<sheetFormatPr defaultRowHeight=\"{}\"/>", k_line_height);
    if (!widths.empty()) {
      m_zip.write("<cols>");
      for (std::size_t c = 0; c < widths.size(); ++c) {
        double characters = (widths[c] / 0.75 - 5) / k_digit_width;
        m_zip.format("<col min=\"{0}\" max=\"{0}\" width=\"{1:.2f}\" customWidth=\"1\"/>", c + 1,
                     std::max(characters, 2.0));
      }
      m_zip.write("</cols>");
    }
    m_zip.write("<sheetData>");
    for (const Placed& placed : sheet.tables) {
      rows(placed, widths);
    }
    m_zip.write("</sheetData>");
    // Bidders may filter, sort and resize, and type only into the unlocked cells.
    m_zip.write(
        "<sheetProtection sheet=\"1\" objects=\"1\" scenarios=\"1\" formatColumns=\"0\" "
        "formatRows=\"0\" sort=\"0\" autoFilter=\"0\"/>");
    if (filtered(sheet)) {
      const Placed& first = sheet.tables.front();
      m_zip.format("<autoFilter ref=\"A1:{}{}\"/>", doc::column_letters(sheet.columns - 1),
                   doc::row_count(m_document, *first.table));
    }
    validations(sheet);
    m_zip.format(
        "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.6\" bottom=\"0.7\" header=\"0.3\" "
        "footer=\"0.3\"/><pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" "
        "fitToHeight=\"0\"/>");
    footer();
    m_zip.write("</worksheet>");
  }

  void footer() {
    if (m_document.footer.empty() && m_document.page_label.empty()) {
      return;
    }
    std::string page;
    if (!m_document.page_label.empty()) {
      PageLabel label = split_page_label(m_document.page_label);
      page = footer_text(label.before) + "&P" + footer_text(label.between);
      if (label.has_pages) {
        page += "&N" + footer_text(label.after);
      }
    }
    m_zip.format("<headerFooter><oddFooter>{}</oddFooter></headerFooter>",
                 text::xml_escape(fmt::format("&L{}&R{}", footer_text(m_document.footer), page)));
  }

  void rows(const Placed& placed, const std::vector<double>& widths) {
    const doc::Table& t = *placed.table;
    std::size_t count = doc::row_count(m_document, t);
    std::vector<bool> input(widths.size(), false);
    for (std::size_t c : t.input_columns) {
      if (c < input.size()) {
        input[c] = true;
      }
    }
    std::vector<bool> shown(widths.size(), false);
    std::string source_sheet;
    std::size_t source_first = 0;
    if (t.view) {
      auto [sheet, first] = m_placed.at(t.view->source);
      source_sheet = quoted_sheet(m_sheets[sheet].name);
      source_first = first;
      const auto& source = std::get<doc::Table>(m_document.blocks[t.view->source]);
      for (std::size_t c : source.input_columns) {
        if (c < shown.size()) {
          shown[c] = true;
        }
      }
    }
    for (std::size_t r = 0; r < count; ++r) {
      const std::vector<doc::Inline>& cells = doc::table_row(m_document, t, r);
      bool header = r < t.header_rows;
      std::size_t line = placed.first_row + r + 1;
      std::size_t lines = 1;
      for (std::size_t c = 0; c < cells.size() && c < widths.size(); ++c) {
        bool bold = header || (!cells[c].empty() && cells[c].front().bold);
        lines = std::max(lines, wrapped_lines(cell_text(cells[c]), widths[c] - k_xlsx_cell_padding,
                                              k_font_size, bold));
      }
      m_zip.format("<row r=\"{}\" ht=\"{:.2f}\" customHeight=\"1\">", line,
                   static_cast<double>(lines) * k_line_height + 3);
      for (std::size_t c = 0; c < cells.size(); ++c) {
        std::string reference = doc::column_letters(c) + std::to_string(line);
        if (!header && c < shown.size() && shown[c]) {
          std::size_t source_row = source_first + t.view->rows[r - t.header_rows] + 1;
          std::string answer =
              fmt::format("{}!{}{}", source_sheet, doc::column_letters(c), source_row);
          m_zip.format("<c r=\"{}\" s=\"{}\" t=\"str\"><f>{}</f><v></v></c>", reference,
                       static_cast<int>(k_shown),
                       text::xml_escape(fmt::format("IF({0}=\"\",\"\",{0})", answer)));
          continue;
        }
        const doc::Inline& cell = cells[c];
        Style style = header                                 ? k_header
                      : (c < input.size() && input[c])       ? k_input
                      : (!cell.empty() && cell.front().bold) ? k_bold
                                                             : k_cell;
        if (const doc::Run* run = formula_of(cell)) {
          bool number = is_number(run->text);
          m_zip.format("<c r=\"{}\" s=\"{}\"{}><f>{}</f><v>{}</v></c>", reference,
                       static_cast<int>(style), number ? "" : " t=\"str\"",
                       text::xml_escape(run->formula), text::xml_escape(run->text));
        } else if (cell.empty() || (cell.size() == 1 && cell.front().text.empty())) {
          m_zip.format("<c r=\"{}\" s=\"{}\"/>", reference, static_cast<int>(style));
        } else {
          m_zip.format("<c r=\"{}\" s=\"{}\" t=\"s\"><v>{}</v></c>", reference,
                       static_cast<int>(style), m_strings.index(cell));
        }
      }
      m_zip.write("</row>");
    }
  }

  void validations(const Sheet& sheet) {
    std::string list;
    std::size_t count = 0;
    for (const Placed& placed : sheet.tables) {
      const doc::Table& t = *placed.table;
      std::size_t rows = doc::row_count(m_document, t);
      if (rows <= t.header_rows) {
        continue;
      }
      for (const auto& [column, values] : t.choices) {
        std::string items;
        for (const std::string& value : values) {
          items += (items.empty() ? "" : ",") + value;
        }
        std::string letters = doc::column_letters(column);
        list += fmt::format(
            "<dataValidation type=\"list\" errorStyle=\"stop\" allowBlank=\"1\" "
            "showErrorMessage=\"1\" sqref=\"{0}{1}:{0}{2}\"><formula1>{3}</formula1>"
            "</dataValidation>",
            letters, placed.first_row + t.header_rows + 1, placed.first_row + rows,
            text::xml_escape("\"" + items + "\""));
        ++count;
      }
    }
    if (count > 0) {
      m_zip.format("<dataValidations count=\"{}\">{}</dataValidations>", count, list);
    }
  }

  const doc::Document& m_document;
  ZipWriter& m_zip;
  std::vector<Sheet> m_sheets;
  /// For each table's block: its sheet and its first row there.
  std::map<std::size_t, std::pair<std::size_t, std::size_t>> m_placed;
  SharedStrings m_strings;
};

}  // namespace

std::string render_xlsx(const doc::Document& document) {
  ZipWriter zip(document.created);
  Workbook(document, zip).write();
  return zip.finish();
}

}  // namespace leaspec::write
