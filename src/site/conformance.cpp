// The conformance section of a spec's page: the common standards its conforms_to names and,
// per standard, the table of clauses with the verdicts of `conform::evaluate`.
#include <algorithm>

#include <fmt/format.h>

#include "leaspec/doc.hpp"
#include "site/markup.hpp"
#include "site/pages.hpp"

namespace leaspec::site {
namespace {

/// The site's fixed texts that documents share: the verdict words and what they mean.
const doc::Strings& strings() {
  return doc::Strings::get("en");
}

/// Whether `standard` is one of the standards bundled with leaspec.
bool bundled(const spec::Spec* standard) {
  const auto& all = conform::bundled().standards();
  return std::any_of(all.begin(), all.end(), [&](const std::shared_ptr<const spec::Spec>& s) {
    return s.get() == standard;
  });
}

/// What the list of standards says about one: number, committee, stage, and where it was found.
std::string standard_item(const conform::StandardResult& result, const std::string& page) {
  std::string label = esc(conform::label(*result.entry));
  if (!result.standard) {
    return fmt::format("<li><strong>{}</strong>: not known ({}).</li>\n", label,
                       esc(result.why_unknown()));
  }
  const spec::Spec& s = *result.standard;
  std::string name = page.empty()
                         ? fmt::format("<strong>{}</strong>", label)
                         : fmt::format("<a href=\"{}\"><strong>{}</strong></a>", esc(page), label);
  std::string facts;
  if (s.standard) {
    facts = fmt::format("{}, {}, stage {}; ", s.standard->number, s.standard->committee,
                        spec::name(s.standard->stage));
  }
  std::string from =
      bundled(&s) ? std::string("bundled with leaspec") : fmt::format("from {}", s.file);
  std::string newer = result.newer_version();
  return fmt::format("<li>{} {} <span class=\"meta\">({}{}{})</span></li>\n", name, esc(s.title),
                     esc(facts), esc(from),
                     newer.empty() ? "" : esc(fmt::format("; version {} is known", newer)));
}

/// A requirement's id, linked to its anchor on `page` (this page when empty), and its priority.
std::string requirement_cell(const spec::Requirement& r,
                             const std::map<std::string, std::string>& anchors,
                             const std::string& page, const std::string& extra) {
  auto anchor = anchors.find(r.pointer);
  std::string id = esc(r.id.value);
  if (anchor != anchors.end()) {
    id = fmt::format("<a href=\"{}#{}\">{}</a>", esc(page), esc(anchor->second), id);
  }
  return fmt::format("{} <span class=\"meta\">{}{}</span>", id, esc(spec::name(r.priority.value)),
                     esc(extra));
}

std::string clause_table(const conform::StandardResult& result,
                         const std::map<std::string, std::string>& anchors,
                         const std::string& standard_page) {
  std::map<std::string, std::string> clause_anchors;
  if (!standard_page.empty()) {
    clause_anchors = site::anchors(*result.standard);
  }
  std::string out =
      fmt::format("<table class=\"conformance\">\n<caption>Clauses of {}</caption>\n<thead><tr>",
                  esc(conform::label(*result.entry)));
  for (std::string_view key :
       {"conformance_clause", "conformance_implemented_by", "conformance_standard_bound",
        "conformance_spec_bound", "conformance_verdict"}) {
    out += fmt::format("<th scope=\"col\">{}</th>", esc(strings()[key]));
  }
  out += "</tr></thead>\n<tbody>\n";
  for (const conform::Row& row : result.rows) {
    std::string_view verdict = conform::name(row.verdict);
    std::string by;
    if (row.implementer) {
      by = requirement_cell(*row.implementer, anchors, "",
                            row.by_parameter ? ", " + strings()["conformance_by_parameter"] : "");
    }
    std::string reason = row.reason.empty()
                             ? ""
                             : fmt::format("<br><span class=\"reason\">{}</span>", esc(row.reason));
    out += fmt::format(
        "<tr class=\"verdict-{0}\"><th scope=\"row\">{1}</th><td>{2}</td><td>{3}</td><td>{4}</td>"
        "<td><span class=\"verdict {0}\">{5}</span>{6}</td></tr>\n",
        verdict, requirement_cell(*row.clause, clause_anchors, standard_page, ""), by,
        esc(row.standard_bound), esc(row.spec_bound),
        esc(strings()[fmt::format("conformance_verdict_{}", verdict)]), reason);
  }
  return out + "</tbody>\n</table>\n";
}

}  // namespace

std::string conformance_section(const SpecPage& page,
                                const std::map<std::string, std::string>& anchors, ChartIds& ids) {
  const conform::Report& report = *page.conformance;
  std::string out =
      "<section aria-labelledby=\"conformance\">\n<h2 id=\"conformance\">Conformance to common "
      "standards</h2>\n<p>The spec declares conformance to these common standards:</p>\n<ul "
      "class=\"standards\">\n";
  for (std::size_t i = 0; i < report.standards.size(); ++i) {
    out += standard_item(report.standards[i], page.standard_pages[i]);
  }
  out += "</ul>\n";
  for (std::size_t i = 0; i < report.standards.size(); ++i) {
    const conform::StandardResult& result = report.standards[i];
    if (!result.standard) {
      continue;
    }
    using enum conform::Verdict;
    out += fmt::format(
        "<h3>{} {}</h3>\n<p>{}: {} meet, {} tighten, {} weaken, {} missing, {} left out.{}</p>\n",
        esc(conform::label(*result.entry)), esc(result.standard->title),
        count_of(result.rows.size(), "row", "rows"), result.count(meets), result.count(tightens),
        result.count(weakens), result.count(missing), result.count(left_out),
        result.count(tightens) > 0
            ? " Each tightening narrows competition and is to be justified in the tender."
            : "");
    out += conformance_chart(result, ids);
    out += clause_table(result, anchors, page.standard_pages[i]);
  }
  out += fmt::format("<p class=\"chart-note\">{}</p>\n", esc(strings()["conformance_verdicts"]));
  return out + "</section>\n";
}

}  // namespace leaspec::site
