// The technical-specifications annex of a joint tender (Directive 2014/24/EU). Clauses with
// nothing to say are left out and numbered around; the joint-procurement clause appears only
// when several contracting authorities buy together.
#include <cctype>
#include <map>
#include <set>

#include "doc/builder.hpp"

namespace leaspec::doc {
namespace {

std::string agency_label(const spec::Agency& agency) {
  return fmt::format("{} ({})", agency.name, agency.country.value);
}

/// Lots that share one award, in the order of the lots.
struct AwardGroup {
  const spec::Award* award;
  std::vector<const spec::Lot*> lots;
};

class AnnexBuilder {
 public:
  AnnexBuilder(const spec::Spec& spec, const Context& context, Document& document)
      : m_spec(spec), m_context(context), m_out(document, context), m_strings(context.strings) {}

  void build() {
    title_block();
    subject();
    lots();
    references();
    definitions();
    requirements();
    conformance();
    award();
    joint();
    requested_by();
  }

 private:
  std::string numbered(std::string_view key) {
    return fmt::format("{} {}", ++m_clause, m_strings[key]);
  }

  const spec::Procurement* procurement() const {
    return m_spec.procurement ? &*m_spec.procurement : nullptr;
  }

  /// A label and value table without a header.
  struct Facts {
    Table table;
    const Strings& strings;
    explicit Facts(const Strings& s) : strings(s) {
      table.widths = {3, 7};
      table.header_rows = 0;
    }
    void add(std::string_view key, const std::string& value) {
      if (!value.empty()) {
        table.rows.push_back({Builder::bold(strings[key]), Builder::plain(value)});
      }
    }
  };

  /// The agency that conducts the procedure: the joint arrangement's lead authority, else
  /// the agency with role lead.
  const spec::Agency* lead() const {
    if (procurement() && procurement()->joint) {
      if (const spec::Agency* agency = find_agency(procurement()->joint->lead_authority.value)) {
        return agency;
      }
    }
    for (const spec::Agency& agency : m_spec.agencies) {
      if (agency.role == spec::AgencyRole::lead) {
        return &agency;
      }
    }
    return nullptr;
  }

  void title_block() {
    m_out.paragraph(m_strings["annex_title"], Paragraph::Style::title);
    m_out.paragraph(m_out.spec_text("title", m_spec.title), Paragraph::Style::subtitle);
    m_out.language_notes();
    Facts facts(m_strings);
    if (procurement()) {
      facts.add("label_tender", procurement()->reference);
    }
    facts.add("label_specification", m_spec.id.value);
    facts.add("label_version", m_spec.version);
    facts.add("label_status", localised(m_strings, m_spec.status.value));
    facts.add("label_date", m_spec.date);
    const spec::Agency* conducting = lead();
    std::vector<std::string> participants;
    for (const spec::Agency& agency : m_spec.agencies) {
      if (&agency != conducting) {
        participants.push_back(agency_label(agency));
      }
    }
    if (conducting) {
      facts.add(participants.empty() ? "label_authority" : "label_lead", agency_label(*conducting));
    }
    facts.add("label_participants", join(participants, "; "));
    Inline source = Builder::plain(m_context.source_name);
    source.push_back({"\n", false, false});
    source.push_back(Builder::unbroken(m_context.source_sha256, false));
    facts.table.rows.push_back({Builder::bold(m_strings["label_source"]), std::move(source)});
    m_out.table(std::move(facts.table));
  }

  std::string cpv_text(const std::string& code) const {
    std::optional<catalog::CpvEntry> entry = m_context.catalogs.cpv().find(code);
    return entry ? fmt::format("{} {}", code, entry->label) : code;
  }

  void subject() {
    Facts facts(m_strings);
    if (const spec::Procurement* p = procurement()) {
      if (!p->cpv.empty()) {
        facts.add("label_main_cpv", cpv_text(p->cpv.front().value));
      }
      std::vector<std::string> more;
      for (std::size_t i = 1; i < p->cpv.size(); ++i) {
        more.push_back(cpv_text(p->cpv[i].value));
      }
      facts.add("label_additional_cpv", join(more, "; "));
      if (p->procedure) {
        facts.add("label_procedure", localised(m_strings, *p->procedure));
      }
      if (p->nature) {
        facts.add("label_nature", localised(m_strings, p->nature->value));
      }
      if (p->framework_agreement) {
        facts.add("label_framework", m_strings[*p->framework_agreement ? "yes" : "no"]);
      }
      if (p->duration_months) {
        facts.add("label_duration", m_out.text("months", *p->duration_months));
      }
    }
    if (m_spec.summary.empty() && facts.table.rows.empty()) {
      return;
    }
    m_out.heading(1, numbered("section_subject"));
    if (!m_spec.summary.empty()) {
      m_out.paragraph(m_out.spec_text("summary", m_spec.summary));
    }
    if (!facts.table.rows.empty()) {
      m_out.table(std::move(facts.table));
    }
  }

  void lots() {
    const spec::Procurement* p = procurement();
    if (!p || p->lots.empty()) {
      return;
    }
    m_out.heading(1, numbered("section_lots"));
    for (const spec::Lot& lot : p->lots) {
      m_out.heading(2, m_out.text("lot_heading", lot.id.value,
                                  m_out.spec_line(lot.id.value + ".title", lot.title)));
      Table table;
      table.widths = {5, 2, 2};
      table.rows.push_back({Builder::plain(m_strings["col_authority"]),
                            Builder::plain(m_strings["col_country"]),
                            Builder::plain(m_strings["col_quantity"])});
      std::int64_t total = 0;
      for (const spec::Quantity& quantity : lot.quantities) {
        const spec::Agency* agency = find_agency(quantity.agency.value);
        table.rows.push_back({Builder::plain(agency ? agency->name : quantity.agency.value),
                              Builder::plain(agency ? agency->country.value : ""),
                              Builder::plain(std::to_string(quantity.amount))});
        total += quantity.amount;
      }
      table.rows.push_back({Builder::bold(m_strings["total"]), Builder::plain(""),
                            Builder::bold(std::to_string(total))});
      m_out.table(std::move(table));
      Facts facts(m_strings);
      if (lot.nature) {
        facts.add("label_nature", localised(m_strings, lot.nature->value));
      }
      std::vector<std::string> codes;
      for (const spec::Text& code : lot.cpv) {
        codes.push_back(cpv_text(code.value));
      }
      facts.add("label_cpv", join(codes, "; "));
      if (lot.estimated_value) {
        facts.add("label_estimated_value", fmt::format("{} {}", lot.estimated_value->amount_text,
                                                       lot.estimated_value->currency));
      }
      if (!facts.table.rows.empty()) {
        m_out.table(std::move(facts.table));
      }
    }
  }

  static Inline reference_item(const spec::Reference& reference, const Strings& strings) {
    Inline item{{clean_text(reference.designation.value), true, false},
                {clean_text(", " + reference.title), false, false}};
    if (reference.type_or_default() != spec::ReferenceType::legislation) {
      item.push_back({", ", false, false});
      item.push_back({strings["or_equivalent"], false, true});
    }
    return item;
  }

  /// The spec's conformance to common standards, when it names any.
  void conformance() {
    if (!m_context.conformance || m_context.conformance->standards.empty()) {
      return;
    }
    m_out.heading(1, numbered("section_conformance"));
    m_out.paragraph(m_strings["conformance_annex_intro"]);
    conformance_tables(m_out, *m_context.conformance, 2);
  }

  void references() {
    if (m_spec.references.empty()) {
      return;
    }
    m_out.heading(1, numbered("section_annex_references"));
    std::vector<Inline> standards;
    std::vector<Inline> legislation;
    for (const spec::Reference& reference : m_spec.references) {
      bool law = reference.type_or_default() == spec::ReferenceType::legislation;
      (law ? legislation : standards).push_back(reference_item(reference, m_strings));
    }
    if (!standards.empty()) {
      m_out.paragraph(m_strings["references_intro"]);
      m_out.list(std::move(standards));
    }
    if (!legislation.empty()) {
      m_out.paragraph(m_strings["references_legislation"]);
      m_out.list(std::move(legislation));
    }
  }

  void definitions() {
    if (m_spec.definitions.empty()) {
      return;
    }
    m_out.heading(1, numbered("section_definitions"));
    std::vector<Inline> items;
    for (const spec::Definition& definition : m_spec.definitions) {
      Inline item = m_out.spec_text("term:" + definition.term.value, definition.term.value, true);
      Inline text = m_out.spec_text("definition:" + definition.term.value, definition.definition);
      // One plain run keeps its colon, as the definition was always written.
      if (text.size() == 1 && !text[0].bold && !text[0].italic) {
        text[0].text = ": " + text[0].text;
      } else {
        item.push_back({": ", false, false});
      }
      for (Run& run : text) {
        item.push_back(std::move(run));
      }
      if (!definition.source.empty()) {
        item.push_back({" ", false, false});
        item.push_back({clean_text(fmt::format("({})", m_out.text("source", definition.source))),
                        false, true});
      }
      items.push_back(std::move(item));
    }
    m_out.list(std::move(items));
  }

  /// A requirement's statement, then its note, then the references it cites, each
  /// designation kept whole.
  Inline statement(const spec::Requirement& r) const {
    Inline runs = m_out.spec_text(r.id.value, r.text.value);
    if (!r.note.empty()) {
      runs.push_back({"\n", false, false});
      runs.push_back({m_strings["note"], true, false});
      runs.push_back({fmt::format(" {}", clean_text(m_out.spec_line(r.id.value + ".note", r.note))),
                      false, true});
    }
    for (std::size_t i = 0; i < r.references.size(); ++i) {
      const spec::ReferenceUse& use = r.references[i];
      const spec::Reference* reference = find_reference(m_spec, use.ref.value);
      runs.push_back(
          {i == 0 ? fmt::format("\n{}: ", m_strings["col_references"]) : "; ", false, true});
      Run designation =
          Builder::unbroken(reference ? reference->designation.value : use.ref.value, false);
      designation.italic = true;
      runs.push_back(std::move(designation));
      if (!use.clause.empty()) {
        // "clause 5.3", but an article of legislation as it is cited: "Art. 25".
        bool numbered = std::isdigit(static_cast<unsigned char>(use.clause.front())) != 0;
        std::string clause = numbered ? m_out.text("clause", use.clause) : use.clause;
        runs.push_back({clean_text(fmt::format(", {}", clause)), false, true});
      }
    }
    return runs;
  }

  std::string section_title(const spec::Section& section) const {
    return m_out.spec_line(section.id.value + ".title", section.title.value);
  }

  void requirement_section(const spec::Section& section, int level, const std::string& number) {
    m_out.heading(level, fmt::format("{} {}", number, section_title(section)));
    m_section_numbers[&section] = number;
    if (!section.intro.empty()) {
      m_out.paragraph(m_out.spec_text(section.id.value + ".intro", section.intro));
    }
    bool with_lots = procurement() && !procurement()->lots.empty();
    if (!section.requirements.empty()) {
      Table table;
      table.layout = 1;
      table.widths = {2.2, 7.5, 1.8, 1.8};
      table.rows.push_back({Builder::plain(m_strings["col_id"]),
                            Builder::plain(m_strings["col_requirement"]),
                            Builder::plain(m_strings["col_priority"]),
                            Builder::plain(m_strings["col_verification"])});
      if (with_lots) {
        table.widths.push_back(1.4);
        table.rows.back().push_back(Builder::plain(m_strings["col_lots"]));
      }
      for (const spec::Requirement& r : section.requirements) {
        std::vector<Inline> row{Builder::word(r.id.value, true), statement(r),
                                Builder::word(localised(m_strings, r.priority.value)),
                                Builder::words(verification_names(m_strings, r))};
        if (with_lots) {
          std::vector<std::string> lots;
          for (const spec::Text& lot : r.lots) {
            lots.push_back(lot.value);
          }
          row.push_back(lots.empty() ? Builder::plain(m_strings["all_lots"])
                                     : Builder::lines(lots));
        }
        table.rows.push_back(std::move(row));
      }
      m_out.table(std::move(table));
    }
    int index = 0;
    for (const spec::Section& child : section.sections) {
      requirement_section(child, std::min(level + 1, 3), fmt::format("{}.{}", number, ++index));
    }
  }

  void requirements() {
    m_out.heading(1, numbered("section_requirements"));
    int index = 0;
    int clause = m_clause;
    for (const spec::Section& section : m_spec.sections) {
      requirement_section(section, 2, fmt::format("{}.{}", clause, ++index));
    }
  }

  /// The awards of the tender, each with the lots it applies to.
  std::vector<AwardGroup> award_groups() const {
    std::vector<AwardGroup> groups;
    const spec::Procurement* p = procurement();
    if (!p) {
      return groups;
    }
    if (p->lots.empty()) {
      if (p->award) {
        groups.push_back({&*p->award, {}});
      }
      return groups;
    }
    for (const spec::Lot& lot : p->lots) {
      const spec::Award* award = spec::award_for(*p, lot);
      if (!award) {
        continue;
      }
      auto group = std::find_if(groups.begin(), groups.end(),
                                [&](const AwardGroup& g) { return g.award == award; });
      if (group == groups.end()) {
        groups.push_back({award, {&lot}});
      } else {
        group->lots.push_back(&lot);
      }
    }
    return groups;
  }

  void award() {
    std::vector<AwardGroup> groups = award_groups();
    if (groups.empty()) {
      return;
    }
    m_out.heading(1, numbered("section_award"));
    for (const AwardGroup& group : groups) {
      if (groups.size() > 1) {
        std::vector<std::string> lots;
        for (const spec::Lot* lot : group.lots) {
          lots.push_back(lot->id.value);
        }
        m_out.heading(2, m_out.text(lots.size() == 1 ? "award_lot" : "award_lots", join(lots)));
      }
      award_table(*group.award);
    }
  }

  void award_table(const spec::Award& award) {
    m_out.paragraph(
        Inline{{fmt::format("{}:", m_strings["label_award_method"]), true, false},
               {fmt::format(" {}", localised(m_strings, award.method.value)), false, false}});
    bool scoring = false;
    bool scored = false;
    for (const spec::Criterion& criterion : award.criteria) {
      scoring = scoring || !criterion.scoring.empty();
      scored = scored || !criterion.requirements.empty();
    }
    Table table;
    table.widths = {2, 4, 1.5, 1.2};
    table.rows.push_back(
        {Builder::plain(m_strings["col_id"]), Builder::plain(m_strings["col_criterion"]),
         Builder::plain(m_strings["col_type"]), Builder::plain(m_strings["col_weight"])});
    if (scoring) {
      table.widths.push_back(4);
      table.rows.back().push_back(Builder::plain(m_strings["col_scoring"]));
    }
    if (scored) {
      table.widths.push_back(4);
      table.rows.back().push_back(Builder::plain(m_strings["col_scored"]));
    }
    for (const spec::Criterion& criterion : award.criteria) {
      std::vector<Inline> row{Builder::word(criterion.id.value),
                              m_out.spec_text(criterion.id.value + ".name", criterion.name),
                              Builder::plain(localised(m_strings, criterion.type)),
                              Builder::plain(criterion.weight_text + "\xC2\xA0%")};
      if (scoring) {
        row.push_back(m_out.spec_text(criterion.id.value + ".scoring", criterion.scoring));
      }
      if (scored) {
        std::vector<std::string> ids;
        for (const spec::Text& id : criterion.requirements) {
          ids.push_back(id.value);
        }
        row.push_back(Builder::lines(ids));
      }
      table.rows.push_back(std::move(row));
    }
    m_out.table(std::move(table));
  }

  /// Whether the agencies come from more than one Member State.
  bool cross_border() const {
    std::set<std::string> countries;
    for (const spec::Agency& agency : m_spec.agencies) {
      countries.insert(agency.country.value);
    }
    return countries.size() > 1;
  }

  void joint() {
    const spec::Procurement* p = procurement();
    if (!p || m_spec.agencies.size() < 2) {
      return;
    }
    m_out.heading(1, numbered("section_joint"));
    const spec::Agency* conducting = lead();
    if (p->joint) {
      m_out.paragraph(cross_border() ? m_strings["joint_cross_border"]
                                     : m_strings["joint_national"]);
      Facts facts(m_strings);
      facts.add("label_applicable_law",
                m_out.spec_line("applicable_law", p->joint->applicable_law));
      if (conducting) {
        facts.add("label_conducting", agency_label(*conducting));
      }
      m_out.table(std::move(facts.table));
    } else {
      m_out.paragraph(m_strings["joint_unstated"]);
    }
    Table table;
    table.widths = {5, 1.5, 2, 4};
    table.rows.push_back(
        {Builder::plain(m_strings["col_authority"]), Builder::plain(m_strings["col_country"]),
         Builder::plain(m_strings["col_role"]), Builder::plain(m_strings["col_lots_bought"])});
    for (const spec::Agency& agency : m_spec.agencies) {
      Inline bought;
      for (const spec::Lot& lot : p->lots) {
        for (const spec::Quantity& quantity : lot.quantities) {
          if (quantity.agency.value == agency.id.value && quantity.amount > 0) {
            if (!bought.empty()) {
              bought.push_back({"\n", false, false});
            }
            bought.push_back(Builder::unbroken(lot.id.value, false));
            bought.push_back({fmt::format(" ({})", quantity.amount), false, false});
          }
        }
      }
      std::string_view role = &agency == conducting ? "role_lead" : "role_participant";
      table.rows.push_back({Builder::plain(agency.name), Builder::plain(agency.country.value),
                            Builder::plain(m_strings[role]), std::move(bought)});
    }
    m_out.table(std::move(table));
    if (p->joint && !p->joint->responsibilities.empty()) {
      m_out.paragraph(m_strings["responsibilities_intro"]);
      Table duties;
      duties.widths = {4, 8};
      duties.rows.push_back({Builder::plain(m_strings["col_authority"]),
                             Builder::plain(m_strings["col_responsibility"])});
      for (const spec::Responsibility& duty : p->joint->responsibilities) {
        const spec::Agency* agency = find_agency(duty.agency.value);
        duties.rows.push_back({Builder::plain(agency ? agency->name : duty.agency.value),
                               m_out.spec_text(duty.agency.value + ".task", duty.task)});
      }
      m_out.table(std::move(duties));
    }
  }

  /// Which authority asked for which requirements, section by section; only when
  /// requirements name who asked for them.
  void requested_by() {
    std::vector<const spec::Agency*> askers;
    for (const spec::Agency& agency : m_spec.agencies) {
      bool asked = false;
      spec::for_each_requirement(m_spec, [&](const spec::Requirement& r, const spec::Section&) {
        for (const spec::Text& id : r.requested_by) {
          asked = asked || id.value == agency.id.value;
        }
      });
      if (asked) {
        askers.push_back(&agency);
      }
    }
    if (askers.empty()) {
      return;
    }
    m_out.heading(1, numbered("section_requested"));
    m_out.paragraph(m_strings["requested_intro"]);
    Table table;
    table.widths.push_back(3);
    std::vector<Inline> header{Builder::plain(m_strings["col_section"])};
    for (const spec::Agency* agency : askers) {
      header.push_back(Builder::plain(agency->id.value));
      table.widths.push_back(2.5);
    }
    table.rows.push_back(std::move(header));
    spec::for_each_section(m_spec, [&](const spec::Section& section) {
      std::vector<Inline> row{Builder::plain(
          fmt::format("{} {}", m_section_numbers[&section], section_title(section)))};
      bool any = false;
      for (const spec::Agency* agency : askers) {
        std::vector<std::string> ids;
        for (const spec::Requirement& r : section.requirements) {
          for (const spec::Text& id : r.requested_by) {
            if (id.value == agency->id.value) {
              ids.push_back(r.id.value);
            }
          }
        }
        any = any || !ids.empty();
        row.push_back(Builder::lines(ids));
      }
      if (any) {
        table.rows.push_back(std::move(row));
      }
    });
    m_out.table(std::move(table));
  }

  const spec::Agency* find_agency(const std::string& id) const {
    for (const spec::Agency& agency : m_spec.agencies) {
      if (agency.id.value == id) {
        return &agency;
      }
    }
    return nullptr;
  }

  const spec::Spec& m_spec;
  const Context& m_context;
  Builder m_out;
  const Strings& m_strings;
  int m_clause = 0;
  std::map<const spec::Section*, std::string> m_section_numbers;
};

}  // namespace

Document build_annex(const spec::Spec& spec, const Context& context) {
  Document document =
      start_document(DocumentKind::annex, spec, context, "annex_title", "annex_subject");
  AnnexBuilder(spec, context, document).build();
  if (context.rendering) {
    document.title =
        clean_text(fmt::format("{}: {}", context.strings["annex_title"],
                               Builder(document, context).spec_line("title", spec.title)));
  }
  return document;
}

}  // namespace leaspec::doc
