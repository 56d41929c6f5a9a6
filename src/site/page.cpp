// A spec's page: what the spec is, its findings where they are, its charts, its procurement,
// agencies, references, definitions and every requirement with its id as an anchor. A file
// that is not a spec the schema accepts is shown as written, each finding below its line.
#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "site/markup.hpp"
#include "site/pages.hpp"
#include "site/place.hpp"

namespace leaspec::site {
namespace {

/// Anchors the page itself uses; spec anchors never take them.
const std::set<std::string> k_page_anchors = {
    "findings",   "contents",    "changes",      "conformance", "procurement",
    "lots",       "award",       "coverage",     "agencies",    "trace",
    "references", "definitions", "requirements", "source",      "top"};

/// Hands out anchors, each once.
class AnchorSet {
 public:
  AnchorSet() : m_taken(k_page_anchors) {}

  std::string take(const std::string& wanted) {
    std::string anchor = wanted;
    for (int n = 2; !m_taken.insert(anchor).second; ++n) {
      anchor = fmt::format("{}-duplicate-{}", wanted, n);
    }
    return anchor;
  }

 private:
  std::set<std::string> m_taken;
};

std::string finding_item(const Diagnostic& d, const std::string& where) {
  std::string location = d.position.line > 0 ? fmt::format("line {}, column {} \xC2\xB7 ",
                                                           d.position.line, d.position.column)
                                             : std::string();
  return fmt::format(
      "<li class=\"finding {0}\"><span class=\"severity\">{0}</span> {1}{2} "
      "<span class=\"meta\">{3}<code>{4}</code></span></li>\n",
      to_string(d.severity), esc(d.message), where, location, esc(d.rule));
}

/// What a link to a part of a spec's page says: "R-1", "section VID", "lot LOT-1".
std::string anchor_label(const std::string& anchor) {
  static const std::pair<std::string_view, std::string_view> k_prefixes[] = {
      {"section-", "section "}, {"lot-", "lot "}, {"agency-", "agency "}, {"ref-", "reference "}};
  std::string label = anchor;
  std::size_t again = label.find("-duplicate-");
  if (again != std::string::npos) {
    label = label.substr(0, again) + " (used again)";
  }
  for (const auto& [prefix, words] : k_prefixes) {
    if (label.rfind(prefix, 0) == 0) {
      return std::string(words) + label.substr(prefix.size());
    }
  }
  return label == "award" ? "award criteria" : label;
}

std::string findings_list(const Placement& placement, const std::string& anchor) {
  auto found = placement.find(anchor);
  if (found == placement.end() || found->second.empty()) {
    return {};
  }
  std::string out = "<ul class=\"findings\">\n";
  for (const Diagnostic* d : found->second) {
    out += finding_item(*d, "");
  }
  return out + "</ul>\n";
}

std::string worst_class(const Placement& placement, const std::string& anchor) {
  auto found = placement.find(anchor);
  if (found == placement.end()) {
    return {};
  }
  bool error = false, warning = false;
  for (const Diagnostic* d : found->second) {
    error = error || d->severity == Severity::error;
    warning = warning || d->severity == Severity::warning;
  }
  return error ? " has-error" : warning ? " has-warning" : "";
}

/// ` class="has-error"` for a table row that has findings, else nothing.
std::string row_class(const Placement& placement, const std::string& anchor) {
  std::string name = worst_class(placement, anchor);
  return name.empty() ? name : fmt::format(" class=\"{}\"", name.substr(1));
}

std::string op_symbol(spec::Op op) {
  switch (op) {
    case spec::Op::ge:
      return "\xE2\x89\xA5";
    case spec::Op::le:
      return "\xE2\x89\xA4";
    case spec::Op::eq:
      return "=";
    case spec::Op::gt:
      return ">";
    case spec::Op::lt:
      return "<";
  }
  return "";
}

std::string metric_words(const spec::Metric& m) {
  if (m.op) {
    return fmt::format("{} {} {} {}", m.parameter.value, op_symbol(*m.op), m.value_text,
                       m.unit.value);
  }
  std::string range = m.min && m.max ? fmt::format("{} to {}", m.min_text, m.max_text)
                      : m.min        ? fmt::format("at least {}", m.min_text)
                                     : fmt::format("at most {}", m.max_text);
  return fmt::format("{} {} {} ({})", m.parameter.value, range, m.unit.value,
                     m.range_kind() == spec::RangeKind::cover ? "works over the whole range"
                                                              : "lies within the range");
}

/// A number as written, its whole part grouped by three with narrow no-break spaces
/// ("9800000" becomes "9 800 000"); other text stays as it is.
std::string grouped(const std::string& number) {
  std::size_t end = number.find('.');
  end = end == std::string::npos ? number.size() : end;
  if (end < 5 || number.find_first_not_of("0123456789.") != std::string::npos) {
    return number;
  }
  std::string out;
  for (std::size_t i = 0; i < end; ++i) {
    out += (i > 0 && (end - i) % 3 == 0 ? "\xE2\x80\xAF" : "") + std::string(1, number[i]);
  }
  return out + number.substr(end);
}

/// Facts about the spec or its tender on one wrapping line: "Version: 1.0.0", empty ones left
/// out.
std::string facts_line(const std::vector<std::pair<std::string_view, std::string>>& facts) {
  std::string out = "<ul class=\"meta\">\n";
  for (const auto& [term, value] : facts) {
    if (!value.empty()) {
      out += fmt::format("<li>{}: <strong>{}</strong></li>\n", term, value);
    }
  }
  return out + "</ul>\n";
}

template <class Items, class Name>
std::string joined(const Items& items, Name name) {
  std::string out;
  for (const auto& item : items) {
    out += (out.empty() ? "" : ", ") + esc(name(item));
  }
  return out;
}

std::string link_list(const std::vector<spec::Text>& ids, std::string_view prefix) {
  std::string out;
  for (const spec::Text& id : ids) {
    out += fmt::format("{}<a href=\"#{}{}\">{}</a>", out.empty() ? "" : ", ", prefix, esc(id.value),
                       esc(id.value));
  }
  return out;
}

}  // namespace

std::map<std::string, std::string> anchors(const spec::Spec& spec) {
  AnchorSet taken;
  std::map<std::string, std::string> result;
  spec::for_each_section(spec, [&](const spec::Section& s) {
    result[s.pointer] = taken.take("section-" + s.id.value);
  });
  spec::for_each_requirement(spec, [&](const spec::Requirement& r, const spec::Section&) {
    result[r.pointer] = taken.take(r.id.value);
  });
  for (std::size_t i = 0; i < spec.agencies.size(); ++i) {
    result[fmt::format("/agencies/{}", i)] = taken.take("agency-" + spec.agencies[i].id.value);
  }
  for (std::size_t i = 0; i < spec.references.size(); ++i) {
    result[fmt::format("/references/{}", i)] = taken.take("ref-" + spec.references[i].id.value);
  }
  if (spec.procurement) {
    for (std::size_t i = 0; i < spec.procurement->lots.size(); ++i) {
      result[fmt::format("/procurement/lots/{}", i)] =
          taken.take("lot-" + spec.procurement->lots[i].id.value);
    }
  }
  return result;
}

std::string entry_title(const Entry& entry) {
  const auto& model = entry.checked.model;
  return model && !model->title.empty() ? model->title : entry.name;
}

namespace {

/// Builds one spec's page.
class Page {
 public:
  explicit Page(const SpecPage& page)
      : m_page(page),
        m_entry(*page.entry),
        m_spec(m_entry.checked.model ? &*m_entry.checked.model : nullptr) {
    if (m_spec) {
      m_anchors = anchors(*m_spec);
      std::vector<Region> regions;
      for (const auto& [pointer, anchor] : m_anchors) {
        regions.push_back({pointer, anchor});
      }
      regions.push_back({"/procurement", "procurement"});
      regions.push_back({"/procurement/award", "award"});
      for (std::size_t i = 0; m_spec->procurement && i < m_spec->procurement->lots.size(); ++i) {
        regions.push_back({fmt::format("/procurement/lots/{}/award", i), "award"});
      }
      regions.push_back({"/definitions", "definitions"});
      m_placement = place_findings(m_entry.diagnostics, regions, m_entry.checked.document.root);
      m_award = award_charts(*m_spec, m_ids) + findings_list(m_placement, "award");
      m_coverage = coverage_chart(*m_spec, m_ids);
      m_glance = !m_award.empty() || !m_coverage.empty();
    }
  }

  std::string render() {
    title_block();
    findings_summary();
    if (!m_spec) {
      source_listing();
      return page_document(entry_title(m_entry), m_out);
    }
    intro();
    versions();
    glance();
    conformance();
    procurement();
    agencies();
    trace();
    definitions();
    requirements();
    return page_document(entry_title(m_entry), m_out);
  }

 private:
  void title_block();
  void findings_summary();
  void intro();
  void contents();
  void versions();
  void glance();
  void changes(const Version& version);
  void conformance();
  void procurement();
  void lots_table();
  void agencies();
  void trace();
  void references_list();
  void definitions();
  void requirements();
  void section(const spec::Section& section, int level);
  void requirement(const spec::Requirement& r, int level);
  std::string requirement_facts(const spec::Requirement& r);
  void source_listing();

  /// The findings of every region of one kind ("agency-", "lot-"), each named by its subject.
  std::string findings_of_kind(std::string_view prefix);

  const SpecPage& m_page;
  const Entry& m_entry;
  const spec::Spec* m_spec;
  std::map<std::string, std::string> m_anchors;
  Placement m_placement;
  ChartIds m_ids;
  /// The charts of "At a glance", drawn first so that the contents know whether there are any.
  std::string m_award, m_coverage;
  bool m_glance = false;
  std::string m_out;
};

void Page::title_block() {
  m_out += fmt::format(
      "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"index.html\">All "
      "specs</a> \xE2\x80\xBA {}</nav>\n",
      esc(m_spec ? m_spec->id.value : m_entry.name));
  m_out += fmt::format("<h1 id=\"top\">{}</h1>\n", esc(entry_title(m_entry)));
  if (!m_spec) {
    m_out += fmt::format(
        "<p class=\"lead\">{} could not be read as a spec, so it is shown as written below, each "
        "finding under its line.</p>\n",
        esc(m_entry.name));
    return;
  }
  const spec::Spec& s = *m_spec;
  std::vector<std::pair<std::string_view, std::string>> facts = {
      {"Spec", esc(s.id.value)},
      {"Version", esc(s.version)},
      {"Status", esc(spec::name(s.status.value))},
      {"Area", esc(spec::name(s.area))},
      {"Date", esc(s.date)}};
  if (s.standard) {
    facts.emplace_back("Deliverable", esc(fmt::format("{} {}", spec::name(s.standard->deliverable),
                                                      s.standard->number)));
    facts.emplace_back("Committee", esc(s.standard->committee));
    facts.emplace_back("Stage", esc(spec::name(s.standard->stage)));
  }
  facts.emplace_back("Conforms to", joined(s.conforms_to, [](const spec::Conformance& c) {
                       return fmt::format("{} {}", c.standard.value, c.version.value);
                     }));
  facts.emplace_back("File", fmt::format("<code>{}</code>", esc(m_entry.name)));
  m_out += facts_line(facts);
}

void Page::intro() {
  if (m_spec->summary.empty()) {
    contents();
    return;
  }
  m_out += fmt::format("<div class=\"intro-row\">\n<p class=\"lead\" lang=\"{}\">{}</p>\n",
                       esc(m_spec->language), esc(m_spec->summary));
  contents();
  m_out += "</div>\n";
}

void Page::findings_summary() {
  const auto& all = m_entry.diagnostics;
  if (all.empty()) {
    m_out += "<p class=\"clean\">No findings: the spec passes every check.</p>\n";
    return;
  }
  std::size_t errors = 0, warnings = 0;
  for (const Diagnostic& d : all) {
    errors += d.severity == Severity::error ? 1 : 0;
    warnings += d.severity == Severity::warning ? 1 : 0;
  }
  m_out += fmt::format(
      "<section class=\"summary-findings{}\" aria-labelledby=\"findings\">\n<h2 "
      "id=\"findings\">Findings: {}, {}</h2>\n<ul class=\"findings\">\n",
      errors ? " has-error" : " has-warning", count_of(errors, "error", "errors"),
      count_of(warnings, "warning", "warnings"));
  // Each finding links to where the page shows it.
  std::map<const Diagnostic*, std::string> where;
  for (const auto& [anchor, list] : m_placement) {
    for (const Diagnostic* d : list) {
      where[d] = anchor;
    }
  }
  for (const Diagnostic& d : all) {
    std::string anchor = m_spec ? where[&d] : fmt::format("L{}", d.position.line);
    std::string link;
    if (!anchor.empty() && (m_spec || d.position.line > 0)) {
      std::string label = m_spec ? anchor_label(anchor) : fmt::format("line {}", d.position.line);
      link = fmt::format(" <a class=\"where\" href=\"#{}\">at {}</a>", esc(anchor), esc(label));
    }
    m_out += finding_item(d, link);
  }
  m_out += "</ul>\n</section>\n";
}

void Page::contents() {
  const spec::Spec& s = *m_spec;
  m_out +=
      "<nav class=\"contents\" aria-labelledby=\"contents\"><h2 "
      "id=\"contents\">Contents</h2><ol>\n";
  auto item = [&](bool show, std::string_view anchor, std::string_view label) {
    if (show) {
      m_out += fmt::format("<li><a href=\"#{}\">{}</a></li>\n", anchor, label);
    }
  };
  item(!m_page.earlier.empty(), "changes", "Changes");
  item(m_glance, "glance", "At a glance");
  item(m_page.conformance != nullptr, "conformance", "Conformance");
  item(s.procurement.has_value(), "procurement", "Procurement and lots");
  item(!s.agencies.empty(), "agencies", "Agencies");
  item(true, "trace", "Traceability and references");
  item(!s.definitions.empty(), "definitions", "Definitions");
  item(true, "requirements", "Requirements");
  m_out += "</ol></nav>\n";
}

void Page::versions() {
  for (const Version& later : m_page.later) {
    m_out += fmt::format(
        "<p class=\"version-note\">A later version, {} (<a href=\"{}#changes\">{}</a>), lists "
        "what changed since this one.</p>\n",
        esc(later.entry->checked.model ? later.entry->checked.model->version : ""), esc(later.page),
        esc(later.entry->name));
  }
  if (m_page.earlier.empty()) {
    return;
  }
  m_out += "<section aria-labelledby=\"changes\">\n<h2 id=\"changes\">Changes</h2>\n";
  for (const Version& earlier : m_page.earlier) {
    changes(earlier);
  }
  m_out += "</section>\n";
}

void Page::changes(const Version& version) {
  const Entry& before = *version.entry;
  std::string from = fmt::format("<a href=\"{}\">{}</a>", esc(version.page), esc(before.name));
  if (!version.changes) {
    m_out += fmt::format("<p>No comparison with {}: {}.</p>\n", from, esc(version.unavailable));
    return;
  }
  const std::vector<joint::Change>& changes = *version.changes;
  m_out += fmt::format(
      "<p>Compared with version {} in {}: {}.</p>\n", esc(before.checked.model->version), from,
      changes.empty() ? std::string("no changes") : count_of(changes.size(), "change", "changes"));
  m_out += change_chart(changes, *m_spec, m_ids);
  if (changes.empty()) {
    return;
  }
  std::set<std::string> present;
  spec::for_each_requirement(*m_spec, [&](const spec::Requirement& r, const spec::Section&) {
    present.insert(r.id.value);
  });
  m_out += "<ul class=\"changes\">\n";
  for (const joint::Change& change : changes) {
    std::string subject = esc(change.subject);
    if (present.count(change.subject)) {
      subject = fmt::format("<a href=\"#{0}\">{0}</a>", subject);
    } else if (change.kind == joint::ChangeKind::removed ||
               change.kind == joint::ChangeKind::renamed) {
      subject = fmt::format("<a href=\"{}#{}\">{}</a>", esc(version.page), subject, subject);
    }
    // Words of the same kind in a row share one <del> or <ins>.
    std::string words;
    for (std::size_t w = 0; w < change.words.size(); ++w) {
      const joint::Word& word = change.words[w];
      std::string_view tag = word.mark == joint::Word::Mark::removed ? "del"
                             : word.mark == joint::Word::Mark::added ? "ins"
                                                                     : "";
      bool first = w == 0 || change.words[w - 1].mark != word.mark;
      bool last = w + 1 == change.words.size() || change.words[w + 1].mark != word.mark;
      words += first && !tag.empty() ? fmt::format("<{}>", tag) : "";
      words += esc(word.text);
      words += last && !tag.empty() ? fmt::format("</{}>", tag) : "";
      words += w + 1 < change.words.size() ? " " : "";
    }
    // The summary starts with the subject, which the link already shows.
    std::string_view summary = change.summary;
    if (summary.rfind(change.subject, 0) == 0) {
      summary.remove_prefix(change.subject.size());
      summary.remove_prefix(summary.rfind(": ", 0) == 0 ? 2 : summary.rfind(' ', 0) == 0 ? 1 : 0);
    }
    m_out += fmt::format("<li class=\"change {}\"><span class=\"kind\">{}</span> {} {}{}</li>\n",
                         esc(joint::name(change.kind)), esc(joint::name(change.kind)), subject,
                         esc(summary),
                         words.empty() ? "" : "<br><span class=\"words\">" + words + "</span>");
  }
  m_out += "</ul>\n";
}

void Page::conformance() {
  if (m_page.conformance) {
    m_out += conformance_section(m_page, m_anchors, m_ids);
  }
}

std::string Page::findings_of_kind(std::string_view prefix) {
  std::string out;
  for (const auto& [anchor, list] : m_placement) {
    if (anchor.rfind(prefix, 0) == 0 && !list.empty()) {
      out += fmt::format("<p class=\"subject\">Findings on <a href=\"#{}\">{}</a></p>\n",
                         esc(anchor), esc(anchor_label(anchor)));
      out += findings_list(m_placement, anchor);
    }
  }
  return out;
}

void Page::procurement() {
  if (!m_spec->procurement) {
    return;
  }
  const spec::Procurement& p = *m_spec->procurement;
  m_out +=
      "<section aria-labelledby=\"procurement\">\n<h2 id=\"procurement\">Procurement and "
      "award</h2>\n";
  m_out += facts_line(
      {{"Tender", esc(p.reference)},
       {"Procedure", p.procedure ? esc(spec::name(*p.procedure)) : ""},
       {"Nature", p.nature ? esc(spec::name(p.nature->value)) : ""},
       {"Framework agreement",
        p.framework_agreement ? (*p.framework_agreement ? "yes" : "no") : ""},
       {"Duration", p.duration_months ? fmt::format("{} months", *p.duration_months) : ""},
       {"CPV", joined(p.cpv, [](const spec::Text& t) { return t.value; })}});
  m_out += findings_list(m_placement, "procurement");
  lots_table();
  m_out += "</section>\n";
}

void Page::lots_table() {
  const spec::Procurement& p = *m_spec->procurement;
  if (p.lots.empty()) {
    return;
  }
  m_out +=
      "<table class=\"lots\" id=\"lots\">\n<caption>Lots</caption>\n<thead><tr><th "
      "scope=\"col\">Lot</th><th scope=\"col\">Title</th><th scope=\"col\">Quantities</th><th "
      "scope=\"col\" class=\"num\">Estimated value</th></tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < p.lots.size(); ++i) {
    const spec::Lot& lot = p.lots[i];
    std::string anchor = m_anchors[fmt::format("/procurement/lots/{}", i)];
    std::string quantities = joined(lot.quantities, [](const spec::Quantity& q) {
      return fmt::format("{} {}", q.agency.value, grouped(std::to_string(q.amount)));
    });
    std::string value = lot.estimated_value
                            ? fmt::format("{} {}", grouped(lot.estimated_value->amount_text),
                                          lot.estimated_value->currency)
                            : std::string();
    m_out += fmt::format(
        "<tr id=\"{}\"{}><th scope=\"row\">{}</th><td>{}{}</td><td>{}</td><td "
        "class=\"num\">{}</td></tr>\n",
        esc(anchor), row_class(m_placement, anchor), esc(lot.id.value), esc(lot.title),
        lot.award ? " <span class=\"tag\">own award</span>" : "", quantities, esc(value));
  }
  m_out += "</tbody>\n</table>\n" + findings_of_kind("lot-");
}

void Page::glance() {
  if (!m_glance) {
    return;
  }
  m_out +=
      "<section aria-labelledby=\"glance\">\n<h2 id=\"glance\">At a glance</h2>\n"
      "<div class=\"glance\">\n";
  if (!m_award.empty()) {
    m_out += "<div id=\"award\">\n" + m_award + "</div>\n";
  }
  if (!m_coverage.empty()) {
    m_out += "<div id=\"coverage\">\n" + m_coverage + "</div>\n";
  }
  m_out += "</div>\n</section>\n";
}

void Page::agencies() {
  if (m_spec->agencies.empty()) {
    return;
  }
  std::map<std::string, std::size_t> asked;
  spec::for_each_requirement(*m_spec, [&](const spec::Requirement& r, const spec::Section&) {
    for (const spec::Text& id : r.requested_by) {
      ++asked[id.value];
    }
  });
  m_out +=
      "<section aria-labelledby=\"agencies\">\n<h2 id=\"agencies\">Agencies</h2>\n"
      "<table class=\"agencies\">\n<thead><tr><th "
      "scope=\"col\">Agency</th><th scope=\"col\">Name</th><th scope=\"col\">Country</th><th "
      "scope=\"col\">Role</th><th scope=\"col\" class=\"num\">Requirements asked "
      "for</th></tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < m_spec->agencies.size(); ++i) {
    const spec::Agency& agency = m_spec->agencies[i];
    std::string anchor = m_anchors[fmt::format("/agencies/{}", i)];
    m_out += fmt::format(
        "<tr id=\"{}\"{}><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td "
        "class=\"num\">{}</td></tr>\n",
        esc(anchor), row_class(m_placement, anchor), esc(agency.id.value), esc(agency.name),
        esc(agency.country.value), esc(spec::name(agency.role)), asked[agency.id.value]);
  }
  m_out += "</tbody>\n</table>\n" + findings_of_kind("agency-") + "</section>\n";
}

void Page::trace() {
  m_out +=
      "<section aria-labelledby=\"trace\">\n<h2 id=\"trace\">Traceability and references</h2>\n";
  std::string chart = trace_chart(*m_spec, m_ids);
  m_out +=
      chart.empty() ? "<p>No requirement cites a reference or depends on another.</p>\n" : chart;
  references_list();
  m_out += "</section>\n";
}

void Page::references_list() {
  if (m_spec->references.empty()) {
    return;
  }
  std::map<std::string, std::vector<spec::Text>> cited_by;
  spec::for_each_requirement(*m_spec, [&](const spec::Requirement& r, const spec::Section&) {
    for (const spec::ReferenceUse& use : r.references) {
      auto& list = cited_by[use.ref.value];
      if (list.empty() || list.back().value != r.id.value) {
        list.push_back(r.id);
      }
    }
  });
  m_out += "<h3 id=\"references\">References</h3>\n<ul class=\"references\">\n";
  for (std::size_t i = 0; i < m_spec->references.size(); ++i) {
    const spec::Reference& ref = m_spec->references[i];
    std::string anchor = m_anchors[fmt::format("/references/{}", i)];
    const auto& citing = cited_by[ref.id.value];
    m_out += fmt::format(
        "<li id=\"{}\" class=\"reference{}\"><strong>{}</strong> <span "
        "class=\"tag\">{}</span><br>{} "
        "<span class=\"designation\">({})</span><br><span class=\"meta\">{}</span></li>\n",
        esc(anchor), worst_class(m_placement, anchor), esc(ref.id.value),
        esc(spec::name(ref.type_or_default())), esc(ref.title), esc(ref.designation.value),
        citing.empty() ? std::string("Cited by no requirement")
                       : "Cited by " + link_list(citing, ""));
  }
  m_out += "</ul>\n" + findings_of_kind("ref-");
}

void Page::definitions() {
  if (m_spec->definitions.empty()) {
    return;
  }
  m_out += fmt::format(
      "<section aria-labelledby=\"definitions\" lang=\"{}\">\n<h2 "
      "id=\"definitions\">Definitions</h2>\n<dl class=\"definitions\">\n",
      esc(m_spec->language));
  for (const spec::Definition& d : m_spec->definitions) {
    m_out += fmt::format(
        "<dt>{}</dt><dd>{}{}</dd>\n", esc(d.term.value), esc(d.definition),
        d.source.empty() ? "" : fmt::format(" <span class=\"meta\">[{}]</span>", esc(d.source)));
  }
  m_out += "</dl>\n" + findings_list(m_placement, "definitions") + "</section>\n";
}

void Page::requirements() {
  std::size_t count = 0;
  spec::for_each_requirement(*m_spec,
                             [&](const spec::Requirement&, const spec::Section&) { ++count; });
  m_out += fmt::format(
      "<section aria-labelledby=\"requirements\">\n<h2 id=\"requirements\">Requirements</h2>\n"
      "<p>{} in {}:</p>\n<ul class=\"sections\">\n",
      count_of(count, "requirement", "requirements"),
      count_of(m_spec->sections.size(), "section", "sections"));
  for (const spec::Section& s : m_spec->sections) {
    m_out += fmt::format("<li><a href=\"#{}\">{}</a></li>\n", esc(m_anchors[s.pointer]),
                         esc(s.title.value));
  }
  m_out += "</ul>\n";
  for (const spec::Section& s : m_spec->sections) {
    section(s, 3);
  }
  m_out += "</section>\n";
}

void Page::section(const spec::Section& s, int level) {
  const std::string& anchor = m_anchors[s.pointer];
  m_out += fmt::format("<section class=\"spec-section{}\" aria-labelledby=\"{}\" lang=\"{}\">\n",
                       worst_class(m_placement, anchor), esc(anchor), esc(m_spec->language));
  m_out += fmt::format("<h{0} id=\"{1}\"><span class=\"sid\">{2}</span> {3}</h{0}>\n",
                       std::min(level, 6), esc(anchor), esc(s.id.value), esc(s.title.value));
  if (!s.intro.empty()) {
    m_out += fmt::format("<p class=\"intro\">{}</p>\n", esc(s.intro));
  }
  m_out += findings_list(m_placement, anchor);
  for (const spec::Requirement& r : s.requirements) {
    requirement(r, level + 1);
  }
  for (const spec::Section& sub : s.sections) {
    section(sub, level + 1);
  }
  m_out += "</section>\n";
}

void Page::requirement(const spec::Requirement& r, int level) {
  const std::string& anchor = m_anchors[r.pointer];
  std::string_view priority = spec::name(r.priority.value);
  m_out += fmt::format("<article class=\"requirement{}\" id=\"{}\" aria-labelledby=\"{}-h\">\n",
                       worst_class(m_placement, anchor), esc(anchor), esc(anchor));
  m_out += fmt::format(
      "<h{0} id=\"{1}-h\" class=\"rid\"><a href=\"#{1}\">{2}</a> <span class=\"badge {3}\">{3} "
      "({4})</span>{5}</h{0}>\n",
      std::min(level, 6), esc(anchor), esc(r.id.value), priority,
      spec::verbal_form(r.priority.value),
      r.kind ? fmt::format(" <span class=\"tag\">{}</span>", spec::name(*r.kind)) : "");
  m_out += fmt::format("<p class=\"statement\">{}</p>\n", esc(r.text.value));
  m_out += requirement_facts(r);
  m_out += findings_list(m_placement, anchor);
  m_out += "</article>\n";
}

std::string Page::requirement_facts(const spec::Requirement& r) {
  std::string out;
  auto fact = [&](std::string_view term, const std::string& value) {
    if (!value.empty()) {
      out += fmt::format("<dt>{}</dt><dd>{}</dd>", term, value);
    }
  };
  fact("Metric", r.metric ? esc(metric_words(*r.metric)) : "");
  fact("Verification", joined(r.verification, [](spec::Verification v) { return spec::name(v); }));
  std::string references;
  for (const spec::ReferenceUse& use : r.references) {
    references += fmt::format("{}<a href=\"#ref-{}\">{}</a>{}", references.empty() ? "" : ", ",
                              esc(use.ref.value), esc(use.ref.value),
                              use.clause.empty() ? "" : ", clause " + esc(use.clause));
  }
  fact("References", references);
  bool lots = m_spec->procurement && !m_spec->procurement->lots.empty();
  fact("Lots", !r.lots.empty() ? link_list(r.lots, "lot-") : lots ? "all lots" : "");
  fact("Requested by", link_list(r.requested_by, "agency-"));
  fact("Depends on", link_list(r.depends_on, ""));
  fact("Implements", joined(r.implements, [](const spec::Text& t) { return t.value; }));
  std::vector<spec::Text> scored;
  if (m_spec->procurement) {
    std::vector<const spec::Award*> awards;
    if (m_spec->procurement->award) {
      awards.push_back(&*m_spec->procurement->award);
    }
    for (const spec::Lot& lot : m_spec->procurement->lots) {
      if (lot.award) {
        awards.push_back(&*lot.award);
      }
    }
    for (const spec::Award* award : awards) {
      for (const spec::Criterion& c : award->criteria) {
        for (const spec::Text& id : c.requirements) {
          if (id.value == r.id.value) {
            scored.push_back({c.id.value + " (" + c.name + ")", {}});
          }
        }
      }
    }
  }
  fact("Scored by", joined(scored, [](const spec::Text& t) { return t.value; }));
  fact("Tags", joined(r.tags, [](const std::string& t) { return t; }));
  fact("Rationale", esc(r.rationale));
  fact("Note", esc(r.note));
  return out.empty() ? out : "<dl class=\"facts\">" + out + "</dl>\n";
}

void Page::source_listing() {
  const SourceFile& source = *m_entry.checked.source;
  std::map<std::uint32_t, std::vector<const Diagnostic*>> by_line;
  for (const Diagnostic& d : m_entry.diagnostics) {
    by_line[std::min(d.position.line == 0 ? 1u : d.position.line,
                     std::max(1u, source.line_count()))]
        .push_back(&d);
  }
  m_out +=
      "<section aria-labelledby=\"source\">\n<h2 id=\"source\">Source</h2>\n"
      "<table class=\"source\">\n<thead><tr><th scope=\"col\">Line</th><th "
      "scope=\"col\">Text</th></tr></thead>\n<tbody>\n";
  for (std::uint32_t line = 1; line <= std::max(1u, source.line_count()); ++line) {
    auto found = by_line.find(line);
    std::string_view text = source.line(line);
    m_out += fmt::format("<tr id=\"L{0}\"{1}><th scope=\"row\">{0}</th><td>{2}</td></tr>\n", line,
                         found == by_line.end() ? "" : " class=\"has-finding\"",
                         text.empty() ? "" : "<code>" + esc(text) + "</code>");
    if (found != by_line.end()) {
      m_out += "<tr class=\"finding-row\"><td></td><td><ul class=\"findings\">\n";
      for (const Diagnostic* d : found->second) {
        m_out += finding_item(*d, "");
      }
      m_out += "</ul></td></tr>\n";
    }
  }
  m_out += "</tbody>\n</table>\n</section>\n";
}

}  // namespace

std::string spec_page(const SpecPage& page) {
  return Page(page).render();
}

}  // namespace leaspec::site
