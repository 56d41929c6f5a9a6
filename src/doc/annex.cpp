// The technical-specifications annex of a joint tender (Directive 2014/24/EU).
#include <map>
#include <set>

#include "doc/builder.hpp"

namespace leaspec::doc {
namespace {

std::string agency_label(const spec::Agency& agency) {
  return fmt::format("{} ({})", agency.name, agency.country.value);
}

std::string join(const std::vector<std::string>& items, std::string_view separator = ", ") {
  std::string result;
  for (const std::string& item : items) {
    result += (result.empty() ? "" : std::string(separator)) + item;
  }
  return result;
}

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
    award();
    joint();
    requested_by();
  }

 private:
  std::string numbered(std::string_view key) {
    return fmt::format("{} {}", ++m_clause, m_strings[key]);
  }

  void title_block() {
    m_out.paragraph(m_strings["annex_title"], Paragraph::Style::title);
    m_out.paragraph(m_spec.title, Paragraph::Style::subtitle);
    Table table;
    table.widths = {3, 7};
    table.header_rows = 0;
    auto row = [&](std::string_view key, const std::string& value) {
      table.rows.push_back({Builder::bold(m_strings[key]), Builder::plain(value)});
    };
    if (m_spec.procurement && !m_spec.procurement->reference.empty()) {
      row("label_tender", m_spec.procurement->reference);
    }
    row("label_specification", m_spec.id.value);
    row("label_version", m_spec.version);
    row("label_status", localised(m_strings, m_spec.status.value));
    if (!m_spec.date.empty()) {
      row("label_date", m_spec.date);
    }
    std::vector<std::string> participants;
    for (const spec::Agency& agency : m_spec.agencies) {
      if (agency.role == spec::AgencyRole::lead) {
        row("label_lead", agency_label(agency));
      } else {
        participants.push_back(agency_label(agency));
      }
    }
    if (!participants.empty()) {
      row("label_participants", join(participants, "; "));
    }
    row("label_source", fmt::format("{} {}", m_context.source_name, m_context.source_sha256));
    m_out.table(std::move(table));
  }

  std::string cpv_text(const std::string& code) const {
    const catalog::CpvEntry* entry = m_context.catalogs.cpv().find(code);
    return entry ? fmt::format("{} {}", code, entry->label) : code;
  }

  void subject() {
    m_out.heading(1, numbered("section_subject"));
    if (!m_spec.summary.empty()) {
      m_out.paragraph(m_spec.summary);
    }
    if (!m_spec.procurement) {
      return;
    }
    const spec::Procurement& p = *m_spec.procurement;
    Table table;
    table.widths = {3, 7};
    table.header_rows = 0;
    auto row = [&](std::string_view key, const std::string& value) {
      table.rows.push_back({Builder::bold(m_strings[key]), Builder::plain(value)});
    };
    if (!p.cpv.empty()) {
      row("label_main_cpv", cpv_text(p.cpv.front().value));
    }
    if (p.cpv.size() > 1) {
      std::vector<std::string> more;
      for (std::size_t i = 1; i < p.cpv.size(); ++i) {
        more.push_back(cpv_text(p.cpv[i].value));
      }
      row("label_additional_cpv", join(more, "; "));
    }
    if (p.procedure) {
      row("label_procedure", localised(m_strings, *p.procedure));
    }
    if (p.nature) {
      row("label_nature", localised(m_strings, p.nature->value));
    }
    if (p.framework_agreement) {
      row("label_framework", m_strings[*p.framework_agreement ? "yes" : "no"]);
    }
    if (p.duration_months) {
      row("label_duration", m_out.text("months", *p.duration_months));
    }
    m_out.table(std::move(table));
  }

  void lots() {
    if (!m_spec.procurement || m_spec.procurement->lots.empty()) {
      return;
    }
    m_out.heading(1, numbered("section_lots"));
    for (const spec::Lot& lot : m_spec.procurement->lots) {
      m_out.heading(2, m_out.text("lot_heading", lot.id.value, lot.title));
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
      Inline details;
      if (!lot.cpv.empty()) {
        std::vector<std::string> codes;
        for (const spec::Text& code : lot.cpv) {
          codes.push_back(cpv_text(code.value));
        }
        details.push_back({"CPV: ", true, false});
        details.push_back({clean_text(join(codes, "; ")), false, false});
      }
      if (lot.estimated_value) {
        if (!details.empty()) {
          details.push_back({". ", false, false});
        }
        details.push_back({m_strings["label_estimated_value"] + ": ", true, false});
        details.push_back(
            {fmt::format("{} {}", lot.estimated_value->amount_text, lot.estimated_value->currency),
             false, false});
      }
      if (!details.empty()) {
        m_out.paragraph(std::move(details));
      }
    }
  }

  void references() {
    if (m_spec.references.empty()) {
      return;
    }
    m_out.heading(1, numbered("section_references"));
    m_out.paragraph(m_strings["references_intro"]);
    std::vector<Inline> items;
    for (const spec::Reference& reference : m_spec.references) {
      Inline item{{clean_text(reference.designation.value), true, false},
                  {clean_text(", " + reference.title), false, false}};
      if (reference.type_or_default() != spec::ReferenceType::legislation) {
        item.push_back({", ", false, false});
        item.push_back({m_strings["or_equivalent"], false, true});
      }
      items.push_back(std::move(item));
    }
    m_out.list(std::move(items));
  }

  void definitions() {
    if (m_spec.definitions.empty()) {
      return;
    }
    m_out.heading(1, numbered("section_definitions"));
    std::vector<Inline> items;
    for (const spec::Definition& definition : m_spec.definitions) {
      Inline item{{clean_text(definition.term.value), true, false},
                  {clean_text(": " + definition.definition), false, false}};
      if (!definition.source.empty()) {
        item.push_back(
            {clean_text(" (" + m_out.text("source", definition.source) + ")"), false, true});
      }
      items.push_back(std::move(item));
    }
    m_out.list(std::move(items));
  }

  std::string references_of(const spec::Requirement& r) const {
    std::vector<std::string> parts;
    for (const spec::ReferenceUse& use : r.references) {
      const spec::Reference* reference = nullptr;
      for (const spec::Reference& candidate : m_spec.references) {
        if (candidate.id.value == use.ref.value) {
          reference = &candidate;
        }
      }
      std::string text = reference ? reference->designation.value : use.ref.value;
      if (!use.clause.empty()) {
        text += ", " + m_out.text("clause", use.clause);
      }
      parts.push_back(text);
    }
    return join(parts, "; ");
  }

  void requirement_section(const spec::Section& section, int level, const std::string& number) {
    m_out.heading(level, fmt::format("{} {}", number, section.title.value));
    if (!section.intro.empty()) {
      m_out.paragraph(section.intro);
    }
    if (!section.requirements.empty()) {
      Table table;
      table.widths = {2.2, 6, 1.8, 1.8, 2.4, 1.4};
      table.rows.push_back(
          {Builder::plain(m_strings["col_id"]), Builder::plain(m_strings["col_requirement"]),
           Builder::plain(m_strings["col_priority"]), Builder::plain(m_strings["col_verification"]),
           Builder::plain(m_strings["col_references"]), Builder::plain(m_strings["col_lots"])});
      for (const spec::Requirement& r : section.requirements) {
        Inline statement = Builder::plain(r.text.value);
        if (!r.note.empty()) {
          statement.push_back({" " + m_strings["note"] + " ", true, false});
          statement.push_back({clean_text(r.note), false, true});
        }
        std::vector<std::string> lots;
        for (const spec::Text& lot : r.lots) {
          lots.push_back(lot.value);
        }
        table.rows.push_back({Builder::bold(r.id.value), std::move(statement),
                              Builder::plain(localised(m_strings, r.priority.value)),
                              Builder::plain(verification_text(m_strings, r)),
                              Builder::plain(references_of(r)),
                              Builder::plain(lots.empty() ? m_strings["all_lots"] : join(lots))});
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

  void award() {
    if (!m_spec.procurement || !m_spec.procurement->award) {
      return;
    }
    const spec::Award& award = *m_spec.procurement->award;
    m_out.heading(1, numbered("section_award"));
    m_out.paragraph(Inline{{m_strings["label_award_method"] + ": ", true, false},
                           {localised(m_strings, award.method.value), false, false}});
    Table table;
    table.widths = {2, 4, 1.5, 1.2, 4};
    table.rows.push_back(
        {Builder::plain(m_strings["col_id"]), Builder::plain(m_strings["col_criterion"]),
         Builder::plain(m_strings["col_type"]), Builder::plain(m_strings["col_weight"]),
         Builder::plain(m_strings["col_scored"])});
    for (const spec::Criterion& criterion : award.criteria) {
      std::vector<std::string> scored;
      for (const spec::Text& id : criterion.requirements) {
        scored.push_back(id.value);
      }
      table.rows.push_back({Builder::plain(criterion.id.value), Builder::plain(criterion.name),
                            Builder::plain(localised(m_strings, criterion.type)),
                            Builder::plain(criterion.weight_text + " %"),
                            Builder::plain(scored.empty() ? m_strings["none"] : join(scored))});
    }
    m_out.table(std::move(table));
  }

  void joint() {
    if (m_spec.agencies.empty()) {
      return;
    }
    m_out.heading(1, numbered("section_joint"));
    m_out.paragraph(m_strings["joint_intro"]);
    Table table;
    table.widths = {5, 1.5, 2, 4};
    table.rows.push_back(
        {Builder::plain(m_strings["col_authority"]), Builder::plain(m_strings["col_country"]),
         Builder::plain(m_strings["col_role"]), Builder::plain(m_strings["col_lots_bought"])});
    for (const spec::Agency& agency : m_spec.agencies) {
      std::vector<std::string> bought;
      if (m_spec.procurement) {
        for (const spec::Lot& lot : m_spec.procurement->lots) {
          for (const spec::Quantity& quantity : lot.quantities) {
            if (quantity.agency.value == agency.id.value && quantity.amount > 0) {
              bought.push_back(fmt::format("{} ({})", lot.id.value, quantity.amount));
            }
          }
        }
      }
      table.rows.push_back({Builder::plain(agency.name), Builder::plain(agency.country.value),
                            Builder::plain(localised(m_strings, agency.role)),
                            Builder::plain(bought.empty() ? m_strings["none"] : join(bought))});
    }
    m_out.table(std::move(table));
  }

  void requested_by() {
    if (m_spec.agencies.empty()) {
      return;
    }
    m_out.heading(1, numbered("section_requested"));
    m_out.paragraph(m_strings["requested_intro"]);
    Table table;
    table.widths.push_back(2.5);
    std::vector<Inline> header{Builder::plain(m_strings["col_id"])};
    for (const spec::Agency& agency : m_spec.agencies) {
      header.push_back(Builder::plain(agency.id.value));
      table.widths.push_back(1.5);
    }
    table.rows.push_back(std::move(header));
    spec::for_each_requirement(m_spec, [&](const spec::Requirement& r, const spec::Section&) {
      std::vector<Inline> row{Builder::plain(r.id.value)};
      for (const spec::Agency& agency : m_spec.agencies) {
        bool asked = false;
        for (const spec::Text& id : r.requested_by) {
          asked = asked || id.value == agency.id.value;
        }
        row.push_back(Builder::plain(asked ? "\xE2\x9C\x93" : ""));
      }
      table.rows.push_back(std::move(row));
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
};

}  // namespace

Document build_annex(const spec::Spec& spec, const Context& context) {
  Document document =
      start_document(DocumentKind::annex, spec, context, "annex_title", "annex_subject");
  AnnexBuilder(spec, context, document).build();
  return document;
}

}  // namespace leaspec::doc
