// The semantic rules, and the pass that runs every rule and applies configuration and
// suppressions to the findings.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "check/findings.hpp"
#include "leaspec/check/rules.hpp"
#include "leaspec/joint.hpp"
#include "leaspec/schema.hpp"

namespace leaspec::check {

namespace {

std::vector<std::string> names_of(const std::set<std::string>& ids) {
  return {ids.begin(), ids.end()};
}

std::string hint(std::string_view id, const std::set<std::string>& known) {
  if (auto close = schema::did_you_mean(id, names_of(known))) {
    return fmt::format("; did you mean \"{}\"?", *close);
  }
  return {};
}

class SemanticRules {
 public:
  SemanticRules(const RuleContext& context, Findings& findings)
      : m_context(context), m_spec(context.spec), m_findings(findings) {}

  void run() {
    collect_ids();
    check_references();
    check_cycles();
    check_agencies();
    check_procurement();
    check_standards();
  }

 private:
  struct Id {
    std::string_view kind;
    const spec::Text* id;
  };

  void collect_ids() {
    std::vector<Id> ids;
    for (const spec::Agency& agency : m_spec.agencies) {
      ids.push_back({"agency", &agency.id});
      m_agencies.insert(agency.id.value);
    }
    for (const spec::Reference& reference : m_spec.references) {
      ids.push_back({"reference", &reference.id});
      m_references.insert(reference.id.value);
    }
    if (m_spec.procurement) {
      for (const spec::Lot& lot : m_spec.procurement->lots) {
        ids.push_back({"lot", &lot.id});
        m_lots.insert(lot.id.value);
      }
      if (m_spec.procurement->award) {
        for (const spec::Criterion& criterion : m_spec.procurement->award->criteria) {
          ids.push_back({"criterion", &criterion.id});
        }
      }
    }
    spec::for_each_section(m_spec, [&](const spec::Section& section) {
      ids.push_back({"section", &section.id});
    });
    spec::for_each_requirement(m_spec, [&](const spec::Requirement& r, const spec::Section&) {
      ids.push_back({"requirement", &r.id});
      m_requirements.insert(r.id.value);
      m_requirement_by_id.emplace(r.id.value, &r);
    });
    std::stable_sort(ids.begin(), ids.end(),
                     [](const Id& a, const Id& b) { return a.id->position < b.id->position; });
    std::map<std::string, const Id*> first;
    for (const Id& id : ids) {
      auto [it, inserted] = first.emplace(id.id->value, &id);
      if (inserted) {
        continue;
      }
      const Id& earlier = *it->second;
      std::string message =
          earlier.kind == id.kind
              ? fmt::format("{} id \"{}\" is already used at line {}", id.kind, id.id->value,
                            earlier.id->position.line)
              : fmt::format("{} id \"{}\" is already used by a {} at line {}", id.kind,
                            id.id->value, earlier.kind, earlier.id->position.line);
      m_findings.add("duplicate-id", id.id->position, std::move(message));
    }
  }

  void check_references() {
    spec::for_each_requirement(m_spec, [&](const spec::Requirement& r, const spec::Section&) {
      for (const spec::ReferenceUse& use : r.references) {
        if (!m_references.count(use.ref.value)) {
          m_findings.add("unknown-reference", use.ref.position,
                         fmt::format("reference \"{}\" is not defined in references{}",
                                     use.ref.value, hint(use.ref.value, m_references)),
                         &r);
        }
      }
      for (const spec::Text& lot : r.lots) {
        if (!m_lots.count(lot.value)) {
          m_findings.add(
              "unknown-lot", lot.position,
              m_lots.empty()
                  ? fmt::format("lot \"{}\" is not defined: the procurement has no lots", lot.value)
                  : fmt::format("lot \"{}\" is not defined in procurement.lots{}", lot.value,
                                hint(lot.value, m_lots)),
              &r);
        }
      }
      for (const spec::Text& agency : r.requested_by) {
        check_agency_id(agency, &r);
      }
      for (const spec::Text& dependency : r.depends_on) {
        check_requirement_id(dependency, &r);
      }
    });
    if (!m_spec.procurement) {
      return;
    }
    for (const spec::Lot& lot : m_spec.procurement->lots) {
      for (const spec::Quantity& quantity : lot.quantities) {
        check_agency_id(quantity.agency, nullptr);
      }
    }
    if (const std::optional<spec::JointProcurement>& joint = m_spec.procurement->joint) {
      check_agency_id(joint->lead_authority, nullptr);
      for (const spec::Responsibility& responsibility : joint->responsibilities) {
        check_agency_id(responsibility.agency, nullptr);
      }
    }
    auto check_criteria = [&](const spec::Award& award) {
      for (const spec::Criterion& criterion : award.criteria) {
        for (const spec::Text& requirement : criterion.requirements) {
          check_requirement_id(requirement, nullptr);
        }
      }
    };
    if (m_spec.procurement->award) {
      check_criteria(*m_spec.procurement->award);
    }
    for (const spec::Lot& lot : m_spec.procurement->lots) {
      if (lot.award) {
        check_criteria(*lot.award);
      }
    }
  }

  void check_agency_id(const spec::Text& agency, const spec::Requirement* requirement) {
    if (!m_agencies.count(agency.value)) {
      m_findings.add("unknown-agency", agency.position,
                     fmt::format("agency \"{}\" is not defined in agencies{}", agency.value,
                                 hint(agency.value, m_agencies)),
                     requirement);
    }
  }

  void check_requirement_id(const spec::Text& id, const spec::Requirement* requirement) {
    if (!m_requirements.count(id.value)) {
      m_findings.add("unknown-requirement", id.position,
                     fmt::format("requirement \"{}\" is not defined{}", id.value,
                                 hint(id.value, m_requirements)),
                     requirement);
    }
  }

  /// Reports each cycle of depends_on once, at the requirement where it is first entered.
  void check_cycles() {
    std::map<std::string, int> state;  // 0 new, 1 on the path, 2 done
    std::vector<std::string> path;
    std::set<std::set<std::string>> reported;
    std::function<void(const spec::Requirement&)> visit = [&](const spec::Requirement& r) {
      state[r.id.value] = 1;
      path.push_back(r.id.value);
      for (const spec::Text& dependency : r.depends_on) {
        auto target = m_requirement_by_id.find(dependency.value);
        if (target == m_requirement_by_id.end()) {
          continue;
        }
        int seen = state[dependency.value];
        if (seen == 1) {
          auto start = std::find(path.begin(), path.end(), dependency.value);
          std::vector<std::string> cycle(start, path.end());
          std::set<std::string> members(cycle.begin(), cycle.end());
          if (reported.insert(members).second) {
            std::string chain;
            for (const std::string& id : cycle) {
              chain += id + " -> ";
            }
            chain += dependency.value;
            m_findings.add("dependency-cycle", dependency.position,
                           cycle.size() == 1
                               ? fmt::format("requirement \"{}\" depends on itself", r.id.value)
                               : fmt::format("depends_on forms a cycle: {}", chain),
                           &r);
          }
        } else if (seen == 0) {
          visit(*target->second);
        }
      }
      path.pop_back();
      state[r.id.value] = 2;
    };
    spec::for_each_requirement(m_spec, [&](const spec::Requirement& r, const spec::Section&) {
      if (state[r.id.value] == 0) {
        visit(r);
      }
    });
  }

  void check_agencies() {
    for (const spec::Agency& agency : m_spec.agencies) {
      const std::string& country = agency.country.value;
      if (!m_context.catalogs.is_country(country)) {
        std::string message =
            fmt::format("\"{}\" is not an ISO 3166-1 alpha-2 country code", country);
        if (auto iso = m_context.catalogs.iso_country_for(country)) {
          message += fmt::format("; ISO 3166-1 writes {}", *iso);
        }
        m_findings.add("country-code", agency.country.position, std::move(message));
      }
    }
    if (!m_spec.procurement) {
      return;
    }
    const spec::Agency* lead = nullptr;
    for (const spec::Agency& agency : m_spec.agencies) {
      if (agency.role != spec::AgencyRole::lead) {
        continue;
      }
      if (lead) {
        m_findings.add(
            "lead-agency", agency.id.position,
            fmt::format("agency \"{}\" is a second lead; a joint procurement has exactly "
                        "one lead agency (\"{}\" at line {})",
                        agency.id.value, lead->id.value, lead->id.position.line));
      } else {
        lead = &agency;
      }
    }
    if (!lead) {
      Position at =
          m_spec.agencies.empty() ? m_spec.procurement->position : m_spec.agencies.front().position;
      m_findings.add("lead-agency", at,
                     "the joint procurement has no lead agency; give one agency role: lead");
    }
  }

  void check_procurement() {
    if (!m_spec.procurement) {
      return;
    }
    const spec::Procurement& p = *m_spec.procurement;
    std::set<std::string> buyers;
    for (const spec::Lot& lot : p.lots) {
      bool bought = false;
      for (const spec::Quantity& quantity : lot.quantities) {
        if (quantity.amount > 0) {
          bought = true;
          buyers.insert(quantity.agency.value);
        }
      }
      if (!bought) {
        m_findings.add(
            "lot-quantity", lot.id.position,
            fmt::format("lot \"{}\" has no positive quantity for any agency", lot.id.value));
      }
    }
    if (!p.lots.empty()) {
      for (const spec::Agency& agency : m_spec.agencies) {
        if (agency.role == spec::AgencyRole::participant && !buyers.count(agency.id.value)) {
          m_findings.add("agency-without-lot", agency.id.position,
                         fmt::format("agency \"{}\" buys in no lot", agency.id.value));
        }
      }
    }
    if (p.award) {
      check_award(*p.award);
    }
    for (const spec::Lot& lot : p.lots) {
      if (lot.award) {
        check_award(*lot.award);
      }
    }
    for (const spec::Text& code : p.cpv) {
      check_cpv(code);
    }
    for (const spec::Lot& lot : p.lots) {
      for (const spec::Text& code : lot.cpv) {
        check_cpv(code);
      }
    }
    if (!p.cpv.empty() && p.nature) {
      check_cpv_nature(p.cpv.front(), p.nature->value);
    }
  }

  void check_award(const spec::Award& award) {
    spec::AwardMethod method = award.method.value;
    if (method == spec::AwardMethod::best_price_quality_ratio) {
      double total = 0;
      for (const spec::Criterion& criterion : award.criteria) {
        total += criterion.weight;
      }
      if (std::fabs(total - 100) > 1e-9) {
        m_findings.add("award-weights", award.method.position,
                       fmt::format("the award weights add up to {}, not 100", total));
      }
      return;
    }
    for (const spec::Criterion& criterion : award.criteria) {
      if (criterion.type == spec::CriterionType::quality) {
        m_findings.add("award-method", criterion.id.position,
                       fmt::format("criterion \"{}\" scores quality, but the award method {} "
                                   "scores {} only",
                                   criterion.id.value, spec::name(method),
                                   method == spec::AwardMethod::lowest_price ? "price" : "cost"));
      }
    }
  }

  void check_cpv(const spec::Text& code) {
    const catalog::CpvList& list = m_context.catalogs.cpv();
    if (list.contains(code.value)) {
      return;
    }
    if (auto right = catalog::cpv_with_same_digits(list, code.value)) {
      m_findings.add("cpv-check-digit", code.position,
                     fmt::format("CPV code {} has the wrong check digit: write {} (\"{}\")",
                                 code.value, *right, list.find(*right)->label));
      return;
    }
    m_findings.add("cpv-unknown", code.position,
                   fmt::format("CPV code {} is not in the CPV 2008 vocabulary{}", code.value,
                               nearest_cpv(list, code.value)));
  }

  /// The codes that share the longest start with `code`, as a hint.
  static std::string nearest_cpv(const catalog::CpvList& list, std::string_view code) {
    for (std::size_t length = 7; length >= 2; --length) {
      std::string_view prefix = code.substr(0, length);
      std::vector<std::string> found;
      for (auto entry = list.lower_bound(prefix);
           entry != list.end() && entry->code.substr(0, length) == prefix && found.size() < 3;
           ++entry) {
        found.push_back(fmt::format("{} (\"{}\")", entry->code, entry->label));
      }
      if (!found.empty()) {
        return fmt::format("; codes that begin {}: {}; leaspec catalog cpv WORDS finds others",
                           prefix, fmt::join(found, ", "));
      }
    }
    return "; leaspec catalog cpv WORDS finds the right code";
  }

  void check_cpv_nature(const spec::Text& main, spec::Nature nature) {
    const std::string& code = main.value;
    // A code that does not begin with the two digits of its division is the schema's finding.
    auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
    if (code.size() < 2 || !is_digit(code[0]) || !is_digit(code[1])) {
      return;
    }
    int division = (code[0] - '0') * 10 + (code[1] - '0');
    spec::Nature expected = division == 45   ? spec::Nature::works
                            : division >= 50 ? spec::Nature::services
                                             : spec::Nature::supplies;
    if (expected != nature) {
      m_findings.add("cpv-nature", main.position,
                     fmt::format("the main CPV code {} is in division {:02} ({}), but the nature "
                                 "is {}",
                                 main.value, division, spec::name(expected), spec::name(nature)));
    }
  }

  void check_standards() {
    for (const spec::Reference& reference : m_spec.references) {
      const catalog::Standard* standard =
          m_context.catalogs.find_standard(reference.designation.value);
      if (!standard || standard->status == "current") {
        continue;
      }
      std::string message = fmt::format("{} is {}", standard->designation, standard->status);
      if (!standard->superseded_by.empty()) {
        message += fmt::format("; cite {} instead", standard->superseded_by);
      }
      m_findings.add("withdrawn-reference", reference.designation.position, std::move(message));
    }
  }

  const RuleContext& m_context;
  const spec::Spec& m_spec;
  Findings& m_findings;
  std::set<std::string> m_agencies, m_references, m_lots, m_requirements;
  std::map<std::string, const spec::Requirement*> m_requirement_by_id;
};

/// Rules named in `# leaspec: ignore[rule, rule]` comments, by line.
std::map<std::uint32_t, std::set<std::string>> inline_suppressions(const SourceFile& source) {
  std::map<std::uint32_t, std::set<std::string>> result;
  constexpr std::string_view k_marker = "leaspec: ignore[";
  for (std::uint32_t n = 1; n <= source.line_count(); ++n) {
    std::string_view line = source.line(n);
    std::size_t hash = line.find('#');
    if (hash == std::string_view::npos) {
      continue;
    }
    std::size_t marker = line.find(k_marker, hash);
    if (marker == std::string_view::npos) {
      continue;
    }
    std::size_t begin = marker + k_marker.size();
    std::size_t end = line.find(']', begin);
    std::string_view list =
        line.substr(begin, end == std::string_view::npos ? line.npos : end - begin);
    std::size_t pos = 0;
    while (pos <= list.size()) {
      std::size_t comma = list.find(',', pos);
      std::string_view item =
          list.substr(pos, comma == std::string_view::npos ? list.npos : comma - pos);
      std::size_t first = item.find_first_not_of(' ');
      std::size_t last = item.find_last_not_of(' ');
      if (first != std::string_view::npos) {
        result[n].insert(std::string(item.substr(first, last - first + 1)));
      }
      if (comma == std::string_view::npos) {
        break;
      }
      pos = comma + 1;
    }
  }
  return result;
}

bool suppressed(const Finding& finding,
                const std::map<std::uint32_t, std::set<std::string>>& by_line) {
  auto listed_on = [&](std::uint32_t line) {
    auto found = by_line.find(line);
    return found != by_line.end() && found->second.count(finding.rule) > 0;
  };
  if (finding.requirement) {
    const spec::Requirement& r = *finding.requirement;
    if (std::find(r.lint_ignore.begin(), r.lint_ignore.end(), finding.rule) !=
        r.lint_ignore.end()) {
      return true;
    }
    for (std::uint32_t line = r.position.line; line <= r.end.line; ++line) {
      if (listed_on(line)) {
        return true;
      }
    }
  }
  return listed_on(finding.position.line);
}

}  // namespace

void Findings::add(std::string_view rule, Position position, std::string message,
                   const spec::Requirement* requirement, std::optional<Severity> severity) {
  m_items.push_back({std::string(rule), position, std::move(message), requirement, severity});
}

void check_semantics(const RuleContext& context, Findings& findings) {
  SemanticRules(context, findings).run();
}

void check_rules(const RuleContext& context, DiagnosticSink& sink) {
  Findings findings;
  for (auto pass : {check_semantics, check_metrics, check_documents, lint_requirements,
                    check_translations, check_conformance}) {
    pass(context, findings);
  }
  auto by_line = inline_suppressions(context.source);
  std::vector<Finding> items = findings.items();
  std::stable_sort(items.begin(), items.end(),
                   [](const Finding& a, const Finding& b) { return a.position < b.position; });
  std::optional<yaml::PointerIndex> pointers;
  // One finding per rule and place; several clauses missing from one conforms_to entry
  // differ in their message.
  std::set<std::tuple<std::string, std::string, Position, std::string>> reported;
  for (const Finding& finding : items) {
    bool per_message = finding.rule.starts_with("conformance-");
    if (!reported
             .emplace(finding.rule, finding.file, finding.position,
                      per_message ? finding.message : "")
             .second) {
      continue;
    }
    const RuleInfo* rule = find_rule(finding.rule);
    Severity severity = finding.severity.value_or(rule ? rule->severity : Severity::error);
    auto configured = context.config.severities.find(finding.rule);
    if (configured != context.config.severities.end()) {
      if (!configured->second) {
        continue;
      }
      severity = *configured->second;
    }
    if (suppressed(finding, by_line)) {
      continue;
    }
    if (!finding.file.empty()) {
      sink.report({severity, finding.rule, finding.message, finding.file, finding.position,
                   finding.pointer, finding.related});
      continue;
    }
    if (!pointers && context.root) {
      pointers.emplace(*context.root);
    }
    sink.report({severity, finding.rule, finding.message, context.spec.file, finding.position,
                 pointers ? pointers->pointer_at(finding.position) : std::string(),
                 finding.related});
  }
}

}  // namespace leaspec::check
