// A bidder's filled-in compliance matrix (XLSX) read back: the workbook's sheets through
// its relationships, shared and inline strings, the matrix's header row found by its texts
// in any bundled language, and one answer per requirement id.
#include <algorithm>
#include <charconv>
#include <filesystem>

#include <fmt/format.h>

#include "import/reqif_names.hpp"
#include "import/xml.hpp"
#include "leaspec/import.hpp"
#include "leaspec/zip/reader.hpp"

namespace leaspec::import {
namespace {

/// The largest XLSX file read.
constexpr std::size_t k_max_xlsx_bytes = 64u << 20;
/// Rows searched for the header row of a sheet.
constexpr std::uint32_t k_header_rows = 30;

struct Cell {
  std::string text;
  bool formula = false;
};

/// A sheet's cells by row and column (both from 1).
struct Sheet {
  std::string name;
  std::map<std::uint32_t, std::map<std::uint32_t, Cell>> rows;

  const Cell* at(std::uint32_t row, std::uint32_t column) const {
    auto r = rows.find(row);
    if (r == rows.end()) {
      return nullptr;
    }
    auto c = r->second.find(column);
    return c == r->second.end() ? nullptr : &c->second;
  }
  std::string text(std::uint32_t row, std::uint32_t column) const {
    const Cell* cell = at(row, column);
    return cell ? cell->text : "";
  }
};

/// Column letters of a 1-based column.
std::string column_name(std::uint32_t column) {
  std::string letters;
  while (column > 0) {
    letters.insert(letters.begin(), static_cast<char>('A' + (column - 1) % 26));
    column = (column - 1) / 26;
  }
  return letters;
}

/// The row and column of a cell reference such as "H12"; zeros when it is not one.
std::pair<std::uint32_t, std::uint32_t> cell_position(std::string_view reference) {
  std::uint32_t column = 0;
  std::uint32_t row = 0;
  std::size_t i = 0;
  for (; i < reference.size() && reference[i] >= 'A' && reference[i] <= 'Z' && column < 20000;
       ++i) {
    column = column * 26 + static_cast<std::uint32_t>(reference[i] - 'A' + 1);
  }
  for (; i < reference.size() && reference[i] >= '0' && reference[i] <= '9' && row < 2000000; ++i) {
    row = row * 10 + static_cast<std::uint32_t>(reference[i] - '0');
  }
  return {row, column};
}

/// The text of a shared string or inline string: its runs' texts, phonetic runs left out.
std::string string_item(const pugi::xml_node& item) {
  std::string out;
  for (pugi::xml_node node = item.first_child(); node; node = node.next_sibling()) {
    std::string_view name = xml::local_name(node);
    if (name == "t") {
      out += node.text().get();
    } else if (name == "r") {
      out += xml::child_text(node, "t");
    }
  }
  return out;
}

/// Reads the parts of the workbook.
class Workbook {
 public:
  explicit Workbook(const std::string& path)
      : m_path(path), m_archive(read_file(path, k_max_xlsx_bytes), path) {}

  std::vector<Sheet> sheets() {
    std::string workbook = target_of("_rels/.rels", "", "/officeDocument");
    if (workbook.empty()) {
      workbook = "xl/workbook.xml";
    }
    std::string folder = std::filesystem::path(workbook).parent_path().string();
    std::string rels_name =
        folder + "/_rels/" + std::filesystem::path(workbook).filename().string() + ".rels";
    std::map<std::string, std::string> targets = relationships(rels_name, folder);
    for (const auto& [id, type] : m_types) {
      if (type.ends_with("/sharedStrings")) {
        shared_strings(targets[id]);
      }
    }
    pugi::xml_document document;
    parse(workbook, document);
    std::vector<Sheet> out;
    xml::for_each_child(
        xml::child(document.document_element(), "sheets"), "sheet",
        [&](const pugi::xml_node& sheet) {
          std::string id = sheet.attribute("r:id").value();
          auto target = targets.find(id);
          if (target != targets.end()) {
            out.push_back(read_sheet(sheet.attribute("name").value(), target->second));
          }
        });
    return out;
  }

 private:
  void parse(const std::string& entry, pugi::xml_document& document) const {
    pugi::xml_parse_result result = xml::parse(document, m_archive.read(entry));
    if (!result) {
      throw Error(fmt::format("{} is not a readable XLSX file: {} is not well-formed XML ({})",
                              m_path, entry, result.description()));
    }
  }

  /// A part's name from a relationship target, relative to `folder` unless absolute.
  static std::string resolve(const std::string& folder, const std::string& target) {
    if (!target.empty() && target[0] == '/') {
      return target.substr(1);
    }
    return (std::filesystem::path(folder) / target).lexically_normal().string();
  }

  std::map<std::string, std::string> relationships(const std::string& entry,
                                                   const std::string& folder) {
    std::map<std::string, std::string> targets;
    if (!m_archive.find(entry)) {
      return targets;
    }
    pugi::xml_document document;
    parse(entry, document);
    m_types.clear();
    xml::for_each_child(document.document_element(), "Relationship",
                        [&](const pugi::xml_node& relation) {
                          std::string id = relation.attribute("Id").value();
                          targets[id] = resolve(folder, relation.attribute("Target").value());
                          m_types[id] = relation.attribute("Type").value();
                        });
    return targets;
  }

  std::string target_of(const std::string& entry, const std::string& folder,
                        std::string_view type) {
    std::map<std::string, std::string> targets = relationships(entry, folder);
    for (const auto& [id, kind] : m_types) {
      if (kind.ends_with(type)) {
        return targets[id];
      }
    }
    return "";
  }

  void shared_strings(const std::string& entry) {
    if (!m_archive.find(entry)) {
      return;
    }
    pugi::xml_document document;
    parse(entry, document);
    xml::for_each_child(document.document_element(), "si", [&](const pugi::xml_node& item) {
      m_strings.push_back(string_item(item));
    });
  }

  Cell cell_of(const pugi::xml_node& cell) const {
    std::string_view type = cell.attribute("t").value();
    Cell out;
    out.formula = static_cast<bool>(xml::child(cell, "f"));
    std::string value = xml::child_text(cell, "v");
    if (type == "s") {
      std::size_t index = m_strings.size();
      std::from_chars(value.data(), value.data() + value.size(), index);
      out.text = index < m_strings.size() ? m_strings[index] : "";
    } else if (type == "inlineStr") {
      out.text = string_item(xml::child(cell, "is"));
    } else {
      out.text = value;
    }
    return out;
  }

  Sheet read_sheet(const std::string& name, const std::string& entry) const {
    Sheet sheet{name, {}};
    if (!m_archive.find(entry)) {
      return sheet;
    }
    pugi::xml_document document;
    parse(entry, document);
    std::uint32_t row_number = 0;
    xml::for_each_child(xml::child(document.document_element(), "sheetData"), "row",
                        [&](const pugi::xml_node& row) {
                          std::uint32_t r = row.attribute("r").as_uint(row_number + 1);
                          row_number = r;
                          std::uint32_t column = 0;
                          xml::for_each_child(row, "c", [&](const pugi::xml_node& cell) {
                            auto [at_row, at_column] = cell_position(cell.attribute("r").value());
                            column = at_column ? at_column : column + 1;
                            Cell value = cell_of(cell);
                            if (!value.text.empty() || value.formula) {
                              sheet.rows[at_row ? at_row : r][column] = std::move(value);
                            }
                          });
                        });
    return sheet;
  }

  std::string m_path;
  zip::Reader m_archive;
  std::vector<std::string> m_strings;
  std::map<std::string, std::string> m_types;
};

/// Where a matrix's columns are in a sheet, found by the header texts of one language.
struct Columns {
  std::uint32_t header_row = 0;
  std::uint32_t id = 0, requirement = 0, priority = 0, compliance = 0, response = 0, evidence = 0;
  const doc::Strings* strings = nullptr;
};

std::optional<Columns> find_columns(const Sheet& sheet) {
  for (const std::string& language : doc::Strings::languages()) {
    const doc::Strings& strings = doc::Strings::get(language);
    for (const auto& entry : sheet.rows) {
      std::uint32_t row = entry.first;
      const std::map<std::uint32_t, Cell>& cells = entry.second;
      if (row > k_header_rows) {
        break;
      }
      Columns columns;
      auto find = [&](std::string_view key) -> std::uint32_t {
        std::string wanted = catalog::normalise(strings[key]);
        for (const auto& [column, cell] : cells) {
          if (catalog::normalise(cell.text) == wanted) {
            return column;
          }
        }
        return 0;
      };
      columns.id = find("col_id");
      columns.compliance = find("col_compliance");
      if (columns.id == 0 || columns.compliance == 0) {
        continue;
      }
      columns.header_row = row;
      columns.requirement = find("col_requirement");
      columns.priority = find("col_priority");
      columns.response = find("col_response");
      columns.evidence = find("col_evidence");
      columns.strings = &strings;
      return columns;
    }
  }
  return std::nullopt;
}

/// What a compliance cell says, in any bundled language.
Answer classify(const std::string& text) {
  std::string answer = catalog::normalise(text);
  if (answer.empty()) {
    return Answer::empty;
  }
  for (const std::string& language : doc::Strings::languages()) {
    const doc::Strings& strings = doc::Strings::get(language);
    if (answer == catalog::normalise(strings["compliant"]) ||
        answer == catalog::normalise(strings["yes"])) {
      return Answer::compliant;
    }
    if (answer == catalog::normalise(strings["partially_compliant"])) {
      return Answer::partial;
    }
    if (answer == catalog::normalise(strings["not_compliant"]) ||
        answer == catalog::normalise(strings["no"])) {
      return Answer::not_compliant;
    }
  }
  return Answer::unclear;
}

std::optional<spec::Priority> priority_of(const std::string& text) {
  std::string wanted = catalog::normalise(text);
  for (spec::Priority priority : spec::all<spec::Priority>()) {
    if (wanted == spec::name(priority)) {
      return priority;
    }
    for (const std::string& language : doc::Strings::languages()) {
      const doc::Strings& strings = doc::Strings::get(language);
      if (wanted == catalog::normalise(strings[fmt::format("priority_{}", spec::name(priority))])) {
        return priority;
      }
    }
  }
  return std::nullopt;
}

/// Whether a cell holds a requirement id: a capital letter, then letters, digits and - _ .
bool looks_like_id(const std::string& text) {
  if (text.empty() || text[0] < 'A' || text[0] > 'Z') {
    return false;
  }
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
  });
}

class AnswerReader {
 public:
  AnswerReader(const std::string& path, DiagnosticSink& sink) : m_path(path), m_sink(sink) {}

  BidderAnswers run() {
    BidderAnswers answers;
    answers.file = m_path;
    answers.bidder = std::filesystem::path(m_path).stem().string();
    Workbook workbook(m_path);
    bool found = false;
    for (const Sheet& sheet : workbook.sheets()) {
      if (std::optional<Columns> columns = find_columns(sheet)) {
        found = true;
        read(sheet, *columns, answers);
      }
    }
    if (!found) {
      report(Severity::error, "answers-matrix",
             "no sheet has a compliance matrix's header row (Id, Compliance in any bundled "
             "language)");
    }
    return answers;
  }

 private:
  void report(Severity severity, std::string rule, std::string message) {
    m_sink.report({severity, std::move(rule), std::move(message), m_path, {}, ""});
  }

  void read(const Sheet& sheet, const Columns& columns, BidderAnswers& answers) {
    for (const auto& [row, cells] : sheet.rows) {
      std::string id = row > columns.header_row ? sheet.text(row, columns.id) : "";
      if (!looks_like_id(id)) {
        continue;
      }
      const Cell* compliance = sheet.at(row, columns.compliance);
      AnswerRow line;
      line.id = id;
      line.sheet = sheet.name;
      line.cell = column_name(columns.compliance) + std::to_string(row);
      line.requirement = columns.requirement ? sheet.text(row, columns.requirement) : "";
      line.priority =
          columns.priority ? priority_of(sheet.text(row, columns.priority)) : std::nullopt;
      bool view = compliance && compliance->formula;
      line.answer_text = compliance && !view ? compliance->text : "";
      line.answer = classify(line.answer_text);
      line.response = columns.response ? sheet.text(row, columns.response) : "";
      line.evidence = columns.evidence ? sheet.text(row, columns.evidence) : "";
      merge(std::move(line), answers, view);
    }
  }

  /// Adds a row, or settles it with the row already read for the same requirement.
  void merge(AnswerRow line, BidderAnswers& answers, bool view) {
    auto index = m_index.find(line.id);
    if (index == m_index.end()) {
      m_index.emplace(line.id, answers.rows.size());
      if (line.answer == Answer::unclear) {
        report(Severity::warning, "answers-value",
               fmt::format("{}!{}: \"{}\" is not one of the matrix's answers (Compliant, "
                           "Partially compliant, Not compliant); {} counts as unclear",
                           line.sheet, line.cell, line.answer_text, line.id));
      }
      answers.rows.push_back(std::move(line));
      return;
    }
    if (view || line.answer == Answer::empty) {
      return;
    }
    AnswerRow* existing = &answers.rows[index->second];
    if (existing->answer == Answer::empty) {
      *existing = std::move(line);
      return;
    }
    if (catalog::normalise(existing->answer_text) != catalog::normalise(line.answer_text)) {
      report(Severity::warning, "answers-conflict",
             fmt::format("{} is answered \"{}\" in {}!{} and \"{}\" in {}!{}; the first counts",
                         line.id, existing->answer_text, existing->sheet, existing->cell,
                         line.answer_text, line.sheet, line.cell));
    }
  }

  std::string m_path;
  DiagnosticSink& m_sink;
  /// Where each requirement's row is in the answers read so far.
  std::map<std::string, std::size_t> m_index;
};

}  // namespace

BidderAnswers read_answers(const std::string& path, DiagnosticSink& sink) {
  return AnswerReader(path, sink).run();
}

std::vector<const AnswerRow*> mandatory_not_met(const BidderAnswers& bidder) {
  std::vector<const AnswerRow*> rows;
  for (const AnswerRow& row : bidder.rows) {
    if (row.priority == spec::Priority::mandatory &&
        (row.answer == Answer::not_compliant || row.answer == Answer::empty)) {
      rows.push_back(&row);
    }
  }
  return rows;
}

}  // namespace leaspec::import
