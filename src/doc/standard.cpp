// A draft standard in the structure of CEN and ISO deliverables (ISO/IEC Directives, Part 2).
#include "doc/builder.hpp"

namespace leaspec::doc {
namespace {

class StandardBuilder {
 public:
  StandardBuilder(const spec::Spec& spec, const Context& context, Document& document)
      : m_spec(spec), m_out(document, context), m_strings(context.strings) {}

  void build() {
    m_out.paragraph(m_strings["standard_kind"], Paragraph::Style::subtitle);
    m_out.paragraph(m_spec.title, Paragraph::Style::title);
    m_out.paragraph(Builder::plain(fmt::format("{} {}", m_spec.id.value, m_spec.version)),
                    Paragraph::Style::subtitle);
    m_out.heading(1, m_strings["foreword"]);
    m_out.paragraph(
        m_out.text("foreword_text", m_spec.id.value, localised(m_strings, m_spec.status.value)));
    if (!m_spec.agencies.empty()) {
      std::vector<Inline> items;
      for (const spec::Agency& agency : m_spec.agencies) {
        items.push_back(Builder::plain(fmt::format("{} ({})", agency.name, agency.country.value)));
      }
      m_out.list(std::move(items));
    }
    m_out.heading(1, m_strings["introduction"]);
    m_out.paragraph(m_spec.title);
    m_out.heading(1, "1 " + m_strings["scope"]);
    m_out.paragraph(m_spec.summary.empty() ? m_spec.title : m_spec.summary);
    normative_references();
    terms();
    int clause = 3;
    for (const spec::Section& section : m_spec.sections) {
      section_clause(section, 1, std::to_string(++clause));
    }
    annex_a();
    bibliography();
  }

 private:
  bool normative(const spec::Reference& reference) const {
    return reference.type_or_default() != spec::ReferenceType::guidance;
  }

  void normative_references() {
    m_out.heading(1, "2 " + m_strings["section_references"]);
    std::vector<Inline> items;
    for (const spec::Reference& reference : m_spec.references) {
      if (normative(reference)) {
        items.push_back(Inline{{clean_text(reference.designation.value), true, false},
                               {clean_text(", " + reference.title), false, true}});
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
    if (m_spec.definitions.empty()) {
      m_out.paragraph(m_strings["no_terms"]);
      return;
    }
    m_out.paragraph(m_strings["terms_intro"]);
    int index = 0;
    for (const spec::Definition& definition : m_spec.definitions) {
      m_out.heading(2, fmt::format("3.{}", ++index));
      m_out.paragraph(Builder::bold(definition.term.value));
      m_out.paragraph(definition.definition);
      if (!definition.source.empty()) {
        m_out.paragraph(
            Builder::plain(fmt::format("[{}]", m_out.text("source", definition.source))));
      }
    }
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
      Inline runs{{subclause + "\t", true, false},
                  {clean_text(r.text.value), false, false},
                  {clean_text(" [" + r.id.value + "]"), false, true}};
      m_out.paragraph(std::move(runs));
      if (!r.note.empty()) {
        m_out.paragraph(
            Inline{{m_strings["note"] + "\t", false, false}, {clean_text(r.note), false, false}},
            Paragraph::Style::note);
      }
    }
    for (const spec::Section& child : section.sections) {
      section_clause(child, level + 1, fmt::format("{}.{}", number, ++index));
    }
  }

  void annex_a() {
    m_out.page_break();
    m_out.heading(1, fmt::format("{} {}", m_strings["annex_a"], m_strings["informative"]));
    m_out.paragraph(Builder::bold(m_strings["verification_methods"]));
    m_out.paragraph(m_strings["verification_intro"]);
    Table table;
    table.widths = {1.5, 2.5, 5};
    table.rows.push_back({Builder::plain(m_strings["clause_column"]),
                          Builder::plain(m_strings["col_id"]),
                          Builder::plain(m_strings["col_verification"])});
    for (const auto& [number, r] : m_numbers) {
      std::string methods = verification_text(m_strings, *r);
      table.rows.push_back({Builder::plain(number), Builder::plain(r->id.value),
                            Builder::plain(methods.empty() ? m_strings["none"] : methods)});
    }
    m_out.table(std::move(table));
  }

  void bibliography() {
    std::vector<Inline> items;
    for (const spec::Reference& reference : m_spec.references) {
      if (!normative(reference)) {
        items.push_back(Inline{{clean_text(reference.designation.value), true, false},
                               {clean_text(", " + reference.title), false, true}});
      }
    }
    if (items.empty()) {
      return;
    }
    m_out.heading(1, m_strings["bibliography"]);
    m_out.list(std::move(items), true);
  }

  const spec::Spec& m_spec;
  Builder m_out;
  const Strings& m_strings;
  std::vector<std::pair<std::string, const spec::Requirement*>> m_numbers;
};

}  // namespace

Document build_standard(const spec::Spec& spec, const Context& context) {
  Document document;
  document.kind = DocumentKind::standard;
  document.title = clean_text(spec.title);
  document.subject =
      clean_text(fmt::format("{} {}", context.strings["standard_kind"], spec.id.value));
  document.language = context.strings.language();
  document.created = context.created;
  StandardBuilder(spec, context, document).build();
  return document;
}

}  // namespace leaspec::doc
