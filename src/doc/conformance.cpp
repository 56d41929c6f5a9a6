// The conformance report: for each common standard the spec names, a table of how it treats
// every clause. The annex's section on conformance is built from the same tables.
#include "doc/builder.hpp"

namespace leaspec::doc {
namespace {

/// The cell of a requirement: its id and, on a second line, its priority.
Inline requirement_cell(const spec::Requirement& r, const Strings& strings) {
  return Builder::lines({r.id.value, localised(strings, r.priority.value)});
}

Inline verdict_cell(conform::Verdict verdict, const Strings& strings) {
  bool failing = verdict == conform::Verdict::weakens || verdict == conform::Verdict::missing;
  std::string key = fmt::format("conformance_verdict_{}", conform::name(verdict));
  return Builder::word(strings[key], failing);
}

Table clause_table(const conform::StandardResult& result, const Strings& strings) {
  Table table;
  table.widths = {2.4, 2.4, 2, 2.4, 1.4};
  table.layout = 7;
  table.rows.push_back({Builder::bold(strings["conformance_clause"]),
                        Builder::bold(strings["conformance_implemented_by"]),
                        Builder::bold(strings["conformance_standard_bound"]),
                        Builder::bold(strings["conformance_spec_bound"]),
                        Builder::bold(strings["conformance_verdict"])});
  for (const conform::Row& row : result.rows) {
    Inline by;
    if (row.implementer) {
      by = requirement_cell(*row.implementer, strings);
      if (row.by_parameter) {
        by.push_back({"\n", false, false});
        by.push_back({clean_text(strings["conformance_by_parameter"]), false, true});
      }
    }
    table.rows.push_back({requirement_cell(*row.clause, strings), std::move(by),
                          Builder::plain(row.standard_bound), Builder::plain(row.spec_bound),
                          verdict_cell(row.verdict, strings)});
  }
  return table;
}

}  // namespace

void conformance_tables(Builder& out, const conform::Report& report, int level) {
  for (const conform::StandardResult& result : report.standards) {
    std::string label = conform::label(*result.entry);
    if (!result.standard) {
      out.heading(level, label);
      out.paragraph(out.text("conformance_unknown", label));
      continue;
    }
    out.heading(level, fmt::format("{} {}", label, result.standard->title));
    if (std::string newer = result.newer_version(); !newer.empty()) {
      out.paragraph(out.text("conformance_newer", newer));
    }
    using enum conform::Verdict;
    out.paragraph(out.text("conformance_counts", result.rows.size(), result.count(meets),
                           result.count(tightens), result.count(weakens), result.count(missing),
                           result.count(left_out)));
    out.table(clause_table(result, out.strings()));
  }
}

Document build_conformance(const spec::Spec& spec, const conform::Report& report,
                           const Context& context) {
  Document document = start_document(DocumentKind::conformance, spec, context, "conformance_title",
                                     "conformance_subject");
  Builder out(document, context);
  out.heading(1, out.text("conformance_heading", spec.id.value));
  out.paragraph(out.text("conformance_intro", spec.id.value, spec.title, spec.version));
  if (report.standards.empty()) {
    out.paragraph(context.strings["conformance_none"]);
  }
  conformance_tables(out, report, 2);
  out.paragraph(context.strings["conformance_verdicts"], Paragraph::Style::note);
  return document;
}

}  // namespace leaspec::doc
