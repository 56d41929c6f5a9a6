// A draft standard in the structure of the ISO/IEC Directives, Part 2: Foreword (as the
// CEN-CENELEC Internal Regulations, Part 3, word it for the deliverable), Introduction when
// written, 1 Scope, 2 Normative references (the references requirement clauses cite, dated
// when a clause is cited), 3 Terms and definitions, the requirement clauses, annexes with
// content, and the Bibliography with every other reference.
#include <algorithm>
#include <functional>
#include <map>

#include "doc/builder.hpp"

namespace leaspec::doc {
namespace {

/// A designation without its edition: "EN 62676-4:2015" becomes "EN 62676-4". A
/// designation that names no year stays as it is.
std::string undated(const std::string& designation) {
  for (std::size_t colon = designation.find(':'); colon != std::string::npos;
       colon = designation.find(':', colon + 1)) {
    std::size_t digits = 0;
    while (colon + 1 + digits < designation.size() &&
           std::isdigit(static_cast<unsigned char>(designation[colon + 1 + digits]))) {
      ++digits;
    }
    if (digits == 4) {
      return designation.substr(0, colon);
    }
  }
  return designation;
}

/// Whether a reference of this type may be normative in a standard.
bool may_be_normative(spec::ReferenceType type) {
  return type == spec::ReferenceType::standard || type == spec::ReferenceType::specification;
}

class StandardBuilder {
 public:
  StandardBuilder(const spec::Spec& spec, const Context& context, Document& document)
      : m_spec(spec), m_out(document, context), m_strings(context.strings) {
    spec::for_each_requirement(spec, [&](const spec::Requirement& r, const spec::Section&) {
      for (const spec::ReferenceUse& use : r.references) {
        bool& dated = m_cited[use.ref.value];
        dated = dated || !use.clause.empty();
      }
    });
  }

  void build() {
    title_page();
    foreword();
    if (m_spec.standard && !m_spec.standard->introduction.empty()) {
      m_out.heading(1, m_strings["introduction"]);
      m_out.paragraph(m_spec.standard->introduction);
    }
    m_out.heading(1, "1 " + m_strings["scope"]);
    m_out.paragraph(scope());
    normative_references();
    terms();
    int clause = 3;
    for (const spec::Section& section : m_spec.sections) {
      section_clause(section, 1, std::to_string(++clause));
    }
    verification_annex();
    rationale_annex();
    bibliography();
  }

 private:
  std::string deliverable_name() const {
    return m_spec.standard ? localised(m_strings, m_spec.standard->deliverable)
                           : m_strings["standard_kind"];
  }

  /// The document's number: as the committee gave it, else the spec's id.
  std::string number() const {
    return m_spec.standard && !m_spec.standard->number.empty() ? m_spec.standard->number
                                                               : m_spec.id.value;
  }

  void title_page() {
    const std::optional<spec::StandardInfo>& info = m_spec.standard;
    m_out.paragraph(info ? info->committee : m_strings["standard_kind"],
                    Paragraph::Style::subtitle);
    m_out.paragraph(m_spec.title, Paragraph::Style::title);
    Table table;
    table.widths = {3, 7};
    table.header_rows = 0;
    auto row = [&](std::string_view key, const std::string& value) {
      if (!value.empty()) {
        table.rows.push_back({Builder::bold(m_strings[key]), Builder::plain(value)});
      }
    };
    if (info) {
      row("label_number", info->number);
      row("label_document_type", deliverable_name());
      row("label_stage", localised(m_strings, info->stage));
      row("label_committee", info->committee);
      row("label_secretariat", info->secretariat);
      row("label_chair", info->chair);
    }
    row("label_specification", m_spec.id.value);
    row("label_version", m_spec.version);
    row("label_status", localised(m_strings, m_spec.status.value));
    row("label_date", m_spec.date);
    row("label_language", m_strings["language_name"]);
    m_out.table(std::move(table));
    m_out.page_break();
  }

  void foreword() {
    m_out.heading(1, m_strings["foreword"]);
    if (!m_spec.standard) {
      m_out.paragraph(m_out.text("foreword_spec", m_spec.id.value, m_spec.version,
                                 localised(m_strings, m_spec.status.value)));
      m_out.paragraph(m_strings["patent_spec"]);
      contributors("foreword_agencies", false);
      return;
    }
    const spec::StandardInfo& info = *m_spec.standard;
    if (info.deliverable == spec::Deliverable::cwa) {
      workshop_foreword(info);
      return;
    }
    m_out.paragraph(info.secretariat.empty() ? m_out.text("foreword_tc", number(), info.committee)
                                             : m_out.text("foreword_tc_secretariat", number(),
                                                          info.committee, info.secretariat));
    std::string stage = stage_text(info);
    if (!stage.empty()) {
      m_out.paragraph(stage);
    }
    m_out.paragraph(m_strings["patent_cen"]);
    m_out.paragraph(m_strings["foreword_feedback"]);
    if (info.stage == spec::Stage::published && info.deliverable == spec::Deliverable::en) {
      m_out.paragraph(m_out.text("foreword_implement", m_strings["cen_members"]));
    } else if (info.stage == spec::Stage::published && info.deliverable == spec::Deliverable::ts) {
      m_out.paragraph(m_out.text("foreword_announce", m_strings["cen_members"]));
    }
    contributors("foreword_agencies", false);
  }

  /// What the stage of a committee's draft means for its readers.
  std::string stage_text(const spec::StandardInfo& info) const {
    switch (info.stage) {
      case spec::Stage::working_draft:
        return m_out.text("stage_text_working-draft", deliverable_name());
      case spec::Stage::enquiry:
        return m_strings["stage_text_enquiry"];
      case spec::Stage::formal_vote:
        return m_strings["stage_text_formal-vote"];
      case spec::Stage::published:
        return info.deliverable == spec::Deliverable::en ? m_strings["foreword_dop"] : "";
    }
    return "";
  }

  /// The foreword of a CEN Workshop Agreement (CEN-CENELEC Guide 29).
  void workshop_foreword(const spec::StandardInfo& info) {
    m_out.paragraph(m_out.text("cwa_guide", number()));
    std::string workshop = m_out.text("cwa_workshop", info.committee);
    if (!info.secretariat.empty()) {
      workshop += fmt::format(" {}", m_out.text("cwa_secretariat", info.secretariat));
    }
    if (!info.chair.empty()) {
      workshop += fmt::format(" {}", m_out.text("cwa_chair", info.chair));
    }
    m_out.paragraph(workshop);
    if (info.stage == spec::Stage::published) {
      m_out.paragraph(m_spec.date.empty() ? m_strings["cwa_agreed"]
                                          : m_out.text("cwa_agreed_on", m_spec.date));
    } else {
      m_out.paragraph(m_out.text("stage_text_working-draft", deliverable_name()));
    }
    contributors("cwa_participants", true);
    m_out.paragraph(m_strings["patent_cwa"]);
    m_out.paragraph(m_strings["cwa_disclaimer"]);
    m_out.paragraph(m_strings["cwa_feedback"]);
  }

  /// The agencies, and with `authors` the people, who drafted the document, after `key`.
  void contributors(std::string_view key, bool authors) {
    std::vector<Inline> items;
    for (const spec::Agency& agency : m_spec.agencies) {
      items.push_back(Builder::plain(fmt::format("{} ({})", agency.name, agency.country.value)));
    }
    if (authors) {
      for (const spec::Author& author : m_spec.authors) {
        items.push_back(Builder::plain(
            author.organisation.empty() ? author.name
                                        : fmt::format("{}, {}", author.name, author.organisation)));
      }
    }
    if (!items.empty()) {
      m_out.paragraph(m_strings[key]);
      m_out.list(std::move(items));
    }
  }

  std::string scope() const {
    if (m_spec.standard && !m_spec.standard->scope.empty()) {
      return m_spec.standard->scope;
    }
    return m_spec.summary.empty() ? m_out.text("scope_default", m_spec.title) : m_spec.summary;
  }

  /// Whether the reference is listed in clause 2: a standard or specification that a
  /// requirement clause cites.
  bool normative(const spec::Reference& reference) const {
    return may_be_normative(reference.type_or_default()) && m_cited.count(reference.id.value) > 0;
  }

  /// The designation as clause 2 and the requirement clauses cite it: dated when some
  /// requirement cites one of its clauses, else undated.
  std::string citation(const spec::Reference& reference) const {
    auto cited = m_cited.find(reference.id.value);
    bool dated = !normative(reference) || (cited != m_cited.end() && cited->second);
    return dated ? reference.designation.value : undated(reference.designation.value);
  }

  Inline reference_item(const spec::Reference& reference) const {
    return Inline{{clean_text(citation(reference)), false, false},
                  {", ", false, false},
                  {clean_text(reference.title), false, true}};
  }

  void normative_references() {
    m_out.heading(1, "2 " + m_strings["section_references"]);
    std::vector<Inline> items;
    for (const spec::Reference& reference : m_spec.references) {
      if (normative(reference)) {
        items.push_back(reference_item(reference));
      }
    }
    if (items.empty()) {
      m_out.paragraph(m_strings["no_normative_references"]);
      return;
    }
    m_out.paragraph(m_strings["normative_references_intro"]);
    m_out.list(std::move(items));
  }

  void terms() {
    m_out.heading(1, "3 " + m_strings["section_definitions"]);
    m_out.paragraph(m_spec.definitions.empty() ? m_strings["no_terms"] : m_strings["terms_intro"]);
    m_out.paragraph(m_strings["terminology_databases"]);
    m_out.list({Builder::plain(m_strings["terminology_iso"]),
                Builder::plain(m_strings["terminology_iec"])});
    int index = 0;
    for (const spec::Definition& definition : m_spec.definitions) {
      m_out.heading(2, fmt::format("3.{}", ++index));
      m_out.paragraph(Builder::bold(definition.term.value));
      m_out.paragraph(definition.definition);
      if (!definition.source.empty()) {
        m_out.paragraph(m_out.text("term_source", definition.source));
      }
    }
  }

  /// The references a requirement cites, as the clause cites them: "EN 62676-4:2015, 5.3".
  std::string citations(const spec::Requirement& r) const {
    std::vector<std::string> parts;
    for (const spec::ReferenceUse& use : r.references) {
      const spec::Reference* reference = find_reference(m_spec, use.ref.value);
      std::string text = reference ? citation(*reference) : use.ref.value;
      // A whole clause is cited as "Clause 4", a subclause by its number alone.
      bool whole =
          !use.clause.empty() && std::all_of(use.clause.begin(), use.clause.end(), [](char c) {
            return std::isdigit(static_cast<unsigned char>(c)) != 0;
          });
      std::string clause = whole ? m_out.text("clause_number", use.clause) : use.clause;
      parts.push_back(use.clause.empty() ? text : fmt::format("{}, {}", text, clause));
    }
    return join(parts, "; ");
  }

  void section_clause(const spec::Section& section, int level, const std::string& number) {
    m_out.heading(std::min(level, 3), fmt::format("{} {}", number, section.title.value));
    if (!section.intro.empty()) {
      m_out.paragraph(section.intro);
    }
    int index = 0;
    for (const spec::Requirement& r : section.requirements) {
      std::string subclause = fmt::format("{}.{}", number, ++index);
      m_numbers.emplace_back(subclause, &r);
      // The id follows the number at the start of the line, where it never breaks.
      Inline runs{{subclause, true, false}, {"\t", false, false}};
      Run id = Builder::unbroken(fmt::format("[{}]", r.id.value), false);
      id.italic = true;
      runs.push_back(std::move(id));
      runs.push_back({clean_text(fmt::format(" {}", r.text.value)), false, false});
      std::string cited = citations(r);
      if (!cited.empty()) {
        runs.push_back({clean_text(fmt::format(" ({})", cited)), false, false});
      }
      m_out.paragraph(std::move(runs));
      if (!r.note.empty()) {
        m_out.paragraph(
            Inline{{clean_text(fmt::format("{}\t{}", m_strings["note"], r.note)), false, false}},
            Paragraph::Style::note);
      }
    }
    for (const spec::Section& child : section.sections) {
      section_clause(child, level + 1, fmt::format("{}.{}", number, ++index));
    }
  }

  /// Starts the next annex: "Annex A (informative) Title" on a new page.
  void annex(std::string_view title_key) {
    m_out.page_break();
    auto letter = static_cast<char>('A' + m_annexes++);
    m_out.heading(1, fmt::format("{} {} {} {}", m_strings["annex"], letter,
                                 m_strings["informative"], m_strings[title_key]));
  }

  /// An informative annex with a row per requirement clause that has something to show in
  /// the third column (`cell` gives it, empty for none); left out when no clause has.
  void requirement_annex(std::string_view title_key, std::string_view intro_key,
                         std::string_view column_key, double width,
                         const std::function<Inline(const spec::Requirement&)>& cell) {
    Table table;
    table.widths = {1.5, 2.5, width};
    table.rows.push_back({Builder::plain(m_strings["clause_column"]),
                          Builder::plain(m_strings["col_id"]),
                          Builder::plain(m_strings[column_key])});
    for (const auto& [number, r] : m_numbers) {
      Inline shown = cell(*r);
      if (!shown.empty()) {
        table.rows.push_back({Builder::word(number), Builder::word(r->id.value), std::move(shown)});
      }
    }
    if (table.rows.size() == 1) {
      return;
    }
    annex(title_key);
    m_out.paragraph(m_strings[intro_key]);
    m_out.table(std::move(table));
  }

  void verification_annex() {
    requirement_annex("verification_methods", "verification_intro", "col_verification", 5,
                      [&](const spec::Requirement& r) {
                        return r.verification.empty()
                                   ? Inline{}
                                   : Builder::words(verification_names(m_strings, r));
                      });
  }

  void rationale_annex() {
    requirement_annex("rationale", "rationale_intro", "col_rationale", 7,
                      [](const spec::Requirement& r) {
                        return r.rationale.empty() ? Inline{} : Builder::plain(r.rationale);
                      });
  }

  void bibliography() {
    std::vector<Inline> items;
    for (const spec::Reference& reference : m_spec.references) {
      if (!normative(reference)) {
        items.push_back(reference_item(reference));
      }
    }
    if (items.empty()) {
      return;
    }
    m_out.page_break();
    m_out.heading(1, m_strings["bibliography"]);
    m_out.list(std::move(items), true);
  }

  const spec::Spec& m_spec;
  Builder m_out;
  const Strings& m_strings;
  /// Every reference a requirement cites, and whether one cites a clause of it.
  std::map<std::string, bool> m_cited;
  std::vector<std::pair<std::string, const spec::Requirement*>> m_numbers;
  int m_annexes = 0;
};

}  // namespace

Document build_standard(const spec::Spec& spec, const Context& context) {
  Document document = start_document(DocumentKind::standard, spec, context);
  document.title = clean_text(spec.title);
  std::string kind = spec.standard ? localised(context.strings, spec.standard->deliverable)
                                   : context.strings["standard_kind"];
  std::string number =
      spec.standard && !spec.standard->number.empty() ? spec.standard->number : spec.id.value;
  document.subject = clean_text(fmt::format("{} {}", kind, number));
  StandardBuilder(spec, context, document).build();
  return document;
}

}  // namespace leaspec::doc
