// The bidders' compliance matrix of a joint tender: one table where every requirement is
// answered once, one view of it per lot, and a summary that counts the answers.
#include <map>
#include <set>

#include "doc/builder.hpp"

namespace leaspec::doc {
namespace {

/// A sheet name as spreadsheets accept it: at most 31 characters, none of []:*?/\.
std::string sheet_name(const std::string& name) {
  std::string result;
  for (char c : name) {
    if (std::string_view("[]:*?/\\").find(c) == std::string_view::npos) {
      result += c;
    }
  }
  std::size_t cut = std::min<std::size_t>(result.size(), 31);
  while (cut > 0 && cut < result.size() &&
         (static_cast<unsigned char>(result[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return result.substr(0, cut);
}

constexpr std::size_t k_priority_column = 3;
constexpr std::size_t k_compliance_column = 7;

class MatrixBuilder {
 public:
  MatrixBuilder(const spec::Spec& spec, const Context& context, Document& document)
      : m_spec(spec), m_document(document), m_out(document, context), m_strings(context.strings) {}

  void build() {
    spec::for_each_requirement(m_spec, [&](const spec::Requirement& r, const spec::Section& s) {
      m_rows.push_back({&r, &s});
    });
    std::string all = sheet_name(m_strings["sheet_all"]);
    m_out.heading(1, all);
    m_out.language_notes();
    std::size_t source = m_document.blocks.size();
    m_out.table(requirements_table());
    if (m_spec.procurement) {
      for (const spec::Lot& lot : m_spec.procurement->lots) {
        m_out.heading(1, sheet_name(m_out.text("sheet_lot", lot.id.value)));
        m_out.table(lot_view(source, lot));
      }
    }
    m_out.heading(1, sheet_name(m_strings["sheet_summary"]));
    m_out.table(summary(all));
  }

 private:
  struct Row {
    const spec::Requirement* requirement;
    const spec::Section* section;
  };

  std::vector<std::string> answers() const {
    return {m_strings["compliant"], m_strings["partially_compliant"], m_strings["not_compliant"]};
  }

  /// The awards that apply to a requirement: those of the lots it applies to, or the
  /// tender's when there are no lots.
  std::vector<const spec::Award*> awards_of(const spec::Requirement& r) const {
    std::vector<const spec::Award*> awards;
    if (!m_spec.procurement) {
      return awards;
    }
    const spec::Procurement& p = *m_spec.procurement;
    if (p.lots.empty() && p.award) {
      awards.push_back(&*p.award);
    }
    for (const spec::Lot& lot : p.lots) {
      const spec::Award* award = spec::award_for(p, lot);
      if (award && applies_to(r, lot) &&
          std::find(awards.begin(), awards.end(), award) == awards.end()) {
        awards.push_back(award);
      }
    }
    return awards;
  }

  /// The names of the award criteria that score a requirement.
  std::string criterion_of(const spec::Requirement& r) const {
    std::vector<std::string> names;
    for (const spec::Award* award : awards_of(r)) {
      for (const spec::Criterion& criterion : award->criteria) {
        for (const spec::Text& id : criterion.requirements) {
          std::string name = m_out.spec_line(criterion.id.value + ".name", criterion.name);
          if (id.value == r.id.value &&
              std::find(names.begin(), names.end(), name) == names.end()) {
            names.push_back(std::move(name));
          }
        }
      }
    }
    return join(names, "; ");
  }

  std::vector<Inline> header() const {
    return {Builder::plain(m_strings["col_id"]),
            Builder::plain(m_strings["col_section"]),
            Builder::plain(m_strings["col_requirement"]),
            Builder::plain(m_strings["col_priority"]),
            Builder::plain(m_strings["col_verification"]),
            Builder::plain(m_strings["col_lots"]),
            Builder::plain(m_strings["col_award_criterion"]),
            Builder::plain(m_strings["col_compliance"]),
            Builder::plain(m_strings["col_response"]),
            Builder::plain(m_strings["col_evidence"])};
  }

  static constexpr std::array<double, 10> k_widths = {2.2, 2.5, 7, 1.8, 2, 1.6, 2.4, 2.4, 5, 2.6};

  /// The rows of the requirements that apply to the lot, shown from the table at block
  /// `source` where they are answered.
  Table lot_view(std::size_t source, const spec::Lot& lot) const {
    Table table;
    table.widths.assign(k_widths.begin(), k_widths.end());
    table.rows.push_back(header());
    TableView view{source, {}};
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
      if (applies_to(*m_rows[i].requirement, lot)) {
        view.rows.push_back(i + 1);
      }
    }
    table.view = std::move(view);
    return table;
  }

  Table requirements_table() const {
    Table table;
    table.widths.assign(k_widths.begin(), k_widths.end());
    table.rows.push_back(header());
    table.input_columns = {7, 8, 9};
    table.choices[k_compliance_column] = answers();
    table.rows.reserve(m_rows.size() + 1);
    for (const Row& row : m_rows) {
      const spec::Requirement& r = *row.requirement;
      std::vector<std::string> lots;
      for (const spec::Text& id : r.lots) {
        lots.push_back(id.value);
      }
      table.rows.push_back(
          {Builder::word(r.id.value),
           Builder::plain(
               row.section->id.value + " " +
               m_out.spec_line(row.section->id.value + ".title", row.section->title.value)),
           m_out.spec_text(r.id.value, r.text.value),
           Builder::word(localised(m_strings, r.priority.value)),
           Builder::words(verification_names(m_strings, r)),
           lots.empty() ? Builder::plain(m_strings["all_lots"]) : Builder::lines(lots),
           Builder::plain(criterion_of(r)), Inline{}, Inline{}, Inline{}});
    }
    return table;
  }

  /// Counts per priority of the answers, each given once, on the first sheet.
  Table summary(const std::string& sheet) const {
    std::string quoted = "'";
    for (char c : sheet) {
      quoted += c == '\'' ? std::string("''") : std::string(1, c);
    }
    quoted += "'!";
    std::size_t last_row = m_rows.size() + 1;
    auto range = [&](std::size_t column) {
      std::string letter = column_letters(column);
      return fmt::format("{0}${1}$2:${1}${2}", quoted, letter, last_row);
    };
    std::string priorities = range(k_priority_column);
    std::string compliance = range(k_compliance_column);
    Table table;
    table.widths = {3, 2, 2, 2, 2, 2};
    table.rows.push_back(
        {Builder::plain(m_strings["col_priority"]), Builder::plain(m_strings["col_requirements"]),
         Builder::plain(m_strings["compliant"]), Builder::plain(m_strings["partially_compliant"]),
         Builder::plain(m_strings["not_compliant"]), Builder::plain(m_strings["unanswered"])});
    auto quote = [](const std::string& text) {
      std::string result = "\"";
      for (char c : text) {
        result += c == '"' ? std::string("\"\"") : std::string(1, c);
      }
      return result + "\"";
    };
    auto cell = [](std::string value, std::string formula) {
      return Inline{Run{std::move(value), false, false, std::move(formula)}};
    };
    for (spec::Priority priority : spec::all<spec::Priority>()) {
      std::string label = localised(m_strings, priority);
      std::size_t count = 0;
      for (const Row& row : m_rows) {
        count += row.requirement->priority.value == priority ? 1u : 0u;
      }
      std::vector<Inline> line{
          Builder::plain(label),
          cell(std::to_string(count), fmt::format("COUNTIF({},{})", priorities, quote(label)))};
      for (const std::string& answer : answers()) {
        line.push_back(cell("0", fmt::format("COUNTIFS({},{},{},{})", priorities, quote(label),
                                             compliance, quote(answer))));
      }
      line.push_back(cell(std::to_string(count), fmt::format("COUNTIFS({},{},{},\"\")", priorities,
                                                             quote(label), compliance)));
      table.rows.push_back(std::move(line));
    }
    std::vector<Inline> total{Builder::bold(m_strings["total"])};
    for (std::size_t column = 1; column < 6; ++column) {
      std::string letter = column_letters(column);
      std::string value = column == 1 || column == 5 ? std::to_string(m_rows.size()) : "0";
      total.push_back(cell(value, fmt::format("SUM({0}2:{0}4)", letter)));
    }
    table.rows.push_back(std::move(total));
    return table;
  }

  const spec::Spec& m_spec;
  const Document& m_document;
  Builder m_out;
  const Strings& m_strings;
  std::vector<Row> m_rows;
};

}  // namespace

Document build_matrix(const spec::Spec& spec, const Context& context) {
  Document document =
      start_document(DocumentKind::matrix, spec, context, "matrix_title", "matrix_subject");
  MatrixBuilder(spec, context, document).build();
  return document;
}

}  // namespace leaspec::doc
