// Merging the specs of several agencies into one joint spec.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <functional>
#include <set>

#include <fmt/format.h>

#include "leaspec/joint.hpp"
#include "leaspec/source.hpp"

namespace leaspec::joint {

std::size_t MergeResult::conflicts() const {
  return static_cast<std::size_t>(
      std::count_if(findings.begin(), findings.end(), [](const Finding& f) { return f.conflict; }));
}

namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

/// The values a metric allows, in the base unit of its dimension.
struct Interval {
  double lo = -HUGE_VAL;
  double hi = HUGE_VAL;
  bool lo_open = false;
  bool hi_open = false;

  bool empty() const { return lo > hi || (lo == hi && (lo_open || hi_open)); }
  bool operator==(const Interval& other) const {
    return lo == other.lo && hi == other.hi && lo_open == other.lo_open && hi_open == other.hi_open;
  }
};

Interval interval_of(const spec::Metric& m, double factor) {
  Interval range;
  if (m.op && m.value) {
    double v = *m.value * factor;
    spec::Op op = *m.op;
    if (op == spec::Op::ge || op == spec::Op::gt || op == spec::Op::eq) {
      range.lo = v;
      range.lo_open = op == spec::Op::gt;
    }
    if (op == spec::Op::le || op == spec::Op::lt || op == spec::Op::eq) {
      range.hi = v;
      range.hi_open = op == spec::Op::lt;
    }
  }
  if (m.min) {
    range.lo = *m.min * factor;
  }
  if (m.max) {
    range.hi = *m.max * factor;
  }
  return range;
}

Interval intersect(const Interval& a, const Interval& b) {
  Interval r = a;
  if (b.lo > r.lo || (b.lo == r.lo && b.lo_open)) {
    r.lo = b.lo;
    r.lo_open = b.lo_open;
  }
  if (b.hi < r.hi || (b.hi == r.hi && b.hi_open)) {
    r.hi = b.hi;
    r.hi_open = b.hi_open;
  }
  return r;
}

std::string number(double value) {
  return fmt::format("{}", value);
}

/// The interval written back as a metric in `unit` (whose factor is `factor`).
void set_metric(spec::Metric& m, const Interval& range, double factor) {
  m.op.reset();
  m.value.reset();
  m.min.reset();
  m.max.reset();
  m.value_text.clear();
  m.min_text.clear();
  m.max_text.clear();
  bool has_lo = std::isfinite(range.lo);
  bool has_hi = std::isfinite(range.hi);
  if (has_lo && has_hi && range.lo == range.hi) {
    m.op = spec::Op::eq;
    m.value = range.lo / factor;
    m.value_text = number(*m.value);
  } else if (has_lo && has_hi) {
    m.min = range.lo / factor;
    m.max = range.hi / factor;
    m.min_text = number(*m.min);
    m.max_text = number(*m.max);
  } else if (has_lo) {
    m.op = range.lo_open ? spec::Op::gt : spec::Op::ge;
    m.value = range.lo / factor;
    m.value_text = number(*m.value);
  } else if (has_hi) {
    m.op = range.hi_open ? spec::Op::lt : spec::Op::le;
    m.value = range.hi / factor;
    m.value_text = number(*m.value);
  }
}

std::string describe(const spec::Metric& m) {
  if (m.op) {
    return fmt::format("{} {} {}", spec::name(*m.op), m.value_text, m.unit.value);
  }
  std::string text;
  if (m.min) {
    text += ">= " + m.min_text;
  }
  if (m.max) {
    text += (text.empty() ? "" : " and ") + std::string("<= ") + m.max_text;
  }
  return text + " " + m.unit.value;
}

template <class T>
void unite(std::vector<T>& into, const std::vector<T>& from) {
  for (const T& item : from) {
    if (std::find(into.begin(), into.end(), item) == into.end()) {
      into.push_back(item);
    }
  }
}

void unite_texts(std::vector<spec::Text>& into, const std::vector<spec::Text>& from) {
  for (const spec::Text& item : from) {
    bool present = std::any_of(into.begin(), into.end(),
                               [&](const spec::Text& t) { return t.value == item.value; });
    if (!present) {
      into.push_back(item);
    }
  }
}

class Merger {
 public:
  Merger(const MergeOptions& options, const catalog::Catalogs& catalogs)
      : m_options(options), m_catalogs(catalogs) {}

  MergeResult run(const std::vector<const spec::Spec*>& specs) {
    for (std::size_t i = 0; i < specs.size(); ++i) {
      add(*specs[i], i == 0);
    }
    finish();
    return std::move(m_result);
  }

 private:
  static Side at(const spec::Spec& s, Position position, std::string pointer = {}) {
    return {s.file, position, std::move(pointer)};
  }

  /// Records a difference: a conflict under --prefer fail (or when it cannot be settled),
  /// otherwise a decision.
  bool differ(FindingKind kind, std::string subject, std::string conflict_message,
              const std::string& decision, std::vector<Side> sides, bool always_conflict = false) {
    bool conflict = always_conflict || m_options.prefer == Prefer::fail;
    m_result.findings.push_back(
        {conflict, kind, std::move(subject),
         conflict ? std::move(conflict_message) : conflict_message + "; " + decision,
         std::move(sides)});
    return !conflict;
  }

  void add(const spec::Spec& s, bool first) {
    spec::Spec& joint = m_result.joint;
    m_result.inputs.push_back(s.file);
    if (first) {
      joint = s;
      joint.sections = std::vector<spec::Section>();
      joint.agencies.clear();
      joint.references.clear();
      joint.definitions.clear();
      joint.procurement.reset();
      joint.file.clear();
    }
    for (const spec::Conformance& c : s.conforms_to) {
      bool present = std::any_of(
          joint.conforms_to.begin(), joint.conforms_to.end(), [&](const spec::Conformance& j) {
            return j.standard.value == c.standard.value && j.version.value == c.version.value;
          });
      if (!present && !first) {
        joint.conforms_to.push_back(c);
      }
    }
    for (const spec::Author& author : s.authors) {
      bool present =
          std::any_of(joint.authors.begin(), joint.authors.end(), [&](const spec::Author& a) {
            return a.name == author.name && a.organisation == author.organisation;
          });
      if (!present && !first) {
        joint.authors.push_back(author);
      }
    }
    add_agencies(s);
    add_references(s);
    add_definitions(s);
    add_procurement(s);
    std::vector<std::string> askers;
    for (const spec::Agency& agency : s.agencies) {
      askers.push_back(agency.id.value);
    }
    add_sections(s, s.sections, "", askers);
  }

  void add_agencies(const spec::Spec& s) {
    for (const spec::Agency& agency : s.agencies) {
      auto found =
          std::find_if(m_result.joint.agencies.begin(), m_result.joint.agencies.end(),
                       [&](const spec::Agency& a) { return a.id.value == agency.id.value; });
      if (found == m_result.joint.agencies.end()) {
        m_result.joint.agencies.push_back(agency);
        m_agency_origin[agency.id.value] = at(s, agency.position);
        if (agency.role == spec::AgencyRole::lead && m_first_lead.empty()) {
          m_first_lead = agency.id.value;
        }
        continue;
      }
      if (found->name != agency.name || found->country.value != agency.country.value) {
        differ(FindingKind::agency, agency.id.value,
               fmt::format("agency {} is \"{}\" ({}) in one spec and \"{}\" ({}) in another",
                           agency.id.value, found->name, found->country.value, agency.name,
                           agency.country.value),
               "kept the first", {m_agency_origin[agency.id.value], at(s, agency.position)});
      }
    }
  }

  void add_references(const spec::Spec& s) {
    for (const spec::Reference& reference : s.references) {
      auto found =
          std::find_if(m_result.joint.references.begin(), m_result.joint.references.end(),
                       [&](const spec::Reference& r) { return r.id.value == reference.id.value; });
      if (found == m_result.joint.references.end()) {
        m_result.joint.references.push_back(reference);
        m_reference_origin[reference.id.value] = at(s, reference.position);
      } else if (found->designation.value != reference.designation.value) {
        differ(FindingKind::reference, reference.id.value,
               fmt::format("reference {} is {} in one spec and {} in another", reference.id.value,
                           found->designation.value, reference.designation.value),
               "kept the first",
               {m_reference_origin[reference.id.value], at(s, reference.position)});
      }
    }
  }

  void add_definitions(const spec::Spec& s) {
    for (const spec::Definition& definition : s.definitions) {
      auto found = std::find_if(m_result.joint.definitions.begin(),
                                m_result.joint.definitions.end(), [&](const spec::Definition& d) {
                                  return lower(d.term.value) == lower(definition.term.value);
                                });
      if (found == m_result.joint.definitions.end()) {
        m_result.joint.definitions.push_back(definition);
        m_definition_origin[lower(definition.term.value)] = at(s, definition.position);
      } else if (found->definition != definition.definition) {
        differ(FindingKind::definition, definition.term.value,
               fmt::format("the term \"{}\" is defined differently", definition.term.value),
               "kept the first",
               {m_definition_origin[lower(definition.term.value)], at(s, definition.position)});
      }
    }
  }

  void add_procurement(const spec::Spec& s) {
    if (!s.procurement) {
      return;
    }
    std::optional<spec::Procurement>& joint = m_result.joint.procurement;
    if (!joint) {
      joint = *s.procurement;
      m_procurement_origin = at(s, s.procurement->position);
      return;
    }
    unite_texts(joint->cpv, s.procurement->cpv);
    for (const spec::Lot& lot : s.procurement->lots) {
      auto found = std::find_if(joint->lots.begin(), joint->lots.end(),
                                [&](const spec::Lot& l) { return l.id.value == lot.id.value; });
      if (found == joint->lots.end()) {
        joint->lots.push_back(lot);
        continue;
      }
      // The same lot: each agency's quantities add up.
      for (const spec::Quantity& quantity : lot.quantities) {
        auto same = std::find_if(
            found->quantities.begin(), found->quantities.end(),
            [&](const spec::Quantity& q) { return q.agency.value == quantity.agency.value; });
        if (same == found->quantities.end()) {
          found->quantities.push_back(quantity);
        } else {
          same->amount += quantity.amount;
        }
      }
      unite_texts(found->cpv, lot.cpv);
    }
    const auto& award = s.procurement->award;
    if (award && joint->award) {
      bool same = award->method.value == joint->award->method.value &&
                  award->criteria.size() == joint->award->criteria.size();
      for (std::size_t i = 0; same && i < award->criteria.size(); ++i) {
        same = award->criteria[i].id.value == joint->award->criteria[i].id.value &&
               award->criteria[i].weight == joint->award->criteria[i].weight;
      }
      if (!same) {
        differ(FindingKind::award, "award", "the award criteria differ between the specs",
               "kept the first spec's criteria", {m_procurement_origin, at(s, award->position)});
      }
    } else if (award && !joint->award) {
      joint->award = award;
    }
  }

  spec::Section* find_section(std::vector<spec::Section>& sections, const std::string& id) {
    for (spec::Section& section : sections) {
      if (section.id.value == id) {
        return &section;
      }
      if (spec::Section* inner = find_section(section.sections, id)) {
        return inner;
      }
    }
    return nullptr;
  }

  void add_sections(const spec::Spec& s, const std::vector<spec::Section>& sections,
                    const std::string& parent, const std::vector<std::string>& askers) {
    for (const spec::Section& section : sections) {
      if (!find_section(m_result.joint.sections, section.id.value)) {
        spec::Section copy = section;
        // Replaced rather than cleared, so that the copies' storage is released too.
        copy.requirements = std::vector<spec::Requirement>();
        copy.sections = std::vector<spec::Section>();
        spec::Section* holder =
            parent.empty() ? nullptr : find_section(m_result.joint.sections, parent);
        (holder ? holder->sections : m_result.joint.sections).push_back(std::move(copy));
      }
      for (const spec::Requirement& r : section.requirements) {
        add_requirement(s, r, section.id.value, askers);
      }
      add_sections(s, section.sections, section.id.value, askers);
    }
  }

  std::string parameter_key(const spec::Requirement& r) const {
    return r.metric ? lower(r.metric->parameter.value) : std::string();
  }

  void add_requirement(const spec::Spec& s, const spec::Requirement& r, const std::string& section,
                       const std::vector<std::string>& askers) {
    std::vector<spec::Text> requested = r.requested_by;
    if (requested.empty()) {
      for (const std::string& agency : askers) {
        requested.push_back({agency, {}});
      }
    }
    std::string key = r.id.value;
    bool by_parameter = false;
    if (!m_requirements.count(key) && r.metric) {
      auto found = m_by_parameter.find(parameter_key(r));
      if (found != m_by_parameter.end()) {
        key = found->second;
        by_parameter = true;
        m_aliases[r.id.value] = key;
      }
    }
    Side origin = at(s, r.position, r.pointer);
    auto existing = m_requirements.find(key);
    if (existing == m_requirements.end()) {
      spec::Requirement copy = r;
      copy.requested_by = std::move(requested);
      m_requirements.emplace(key, std::move(copy));
      m_order[section].push_back(key);
      m_result.provenance[key].push_back(origin);
      if (r.metric) {
        m_by_parameter.emplace(parameter_key(r), key);
      }
      return;
    }
    spec::Requirement& joint = existing->second;
    std::vector<Side> sides{m_result.provenance[key].front(), origin};
    m_result.provenance[key].push_back(origin);
    unite_texts(joint.requested_by, requested);
    if (by_parameter) {
      m_result.findings.push_back({false, FindingKind::matched, key,
                                   fmt::format("{} matches {} by its metric parameter \"{}\"",
                                               r.id.value, key, r.metric->parameter.value),
                                   sides});
    }
    if (joint.text.value != r.text.value) {
      differ(FindingKind::statement, key, fmt::format("requirement {} is worded differently", key),
             "kept the first statement", sides);
    }
    if (joint.priority.value != r.priority.value) {
      bool settled =
          differ(FindingKind::priority, key,
                 fmt::format("requirement {} is {} in one spec and {} in another", key,
                             spec::name(joint.priority.value), spec::name(r.priority.value)),
                 m_options.prefer == Prefer::strictest ? "took the higher priority"
                                                       : "kept the first priority",
                 sides);
      if (settled && m_options.prefer == Prefer::strictest &&
          spec::rank(r.priority.value) > spec::rank(joint.priority.value)) {
        joint.priority.value = r.priority.value;
      }
    }
    merge_metric(key, joint, r, sides);
    unite(joint.verification, r.verification);
    unite_texts(joint.lots, r.lots);
    for (const spec::ReferenceUse& use : r.references) {
      bool present = std::any_of(joint.references.begin(), joint.references.end(),
                                 [&](const spec::ReferenceUse& u) {
                                   return u.ref.value == use.ref.value && u.clause == use.clause;
                                 });
      if (!present) {
        joint.references.push_back(use);
      }
    }
    unite_texts(joint.depends_on, r.depends_on);
    if (!joint.kind) {
      joint.kind = r.kind;
    }
  }

  void merge_metric(const std::string& key, spec::Requirement& joint, const spec::Requirement& r,
                    const std::vector<Side>& sides) {
    if (!r.metric) {
      return;
    }
    if (!joint.metric) {
      if (differ(FindingKind::metric, key,
                 fmt::format("only one spec gives requirement {} a metric", key), "took the metric",
                 sides)) {
        joint.metric = r.metric;
      }
      return;
    }
    spec::Metric& mine = *joint.metric;
    const spec::Metric& theirs = *r.metric;
    const catalog::Unit* my_unit = m_catalogs.find_unit(mine.unit.value);
    const catalog::Unit* their_unit = m_catalogs.find_unit(theirs.unit.value);
    double my_factor = 1;
    double their_factor = 1;
    if (mine.unit.value != theirs.unit.value) {
      if (!my_unit || !their_unit || my_unit->dimension != their_unit->dimension) {
        differ(FindingKind::unit, key,
               fmt::format("requirement {} is measured in {} in one spec and {} in another, which "
                           "do not convert",
                           key, mine.unit.value, theirs.unit.value),
               "", sides, true);
        return;
      }
      my_factor = my_unit->factor;
      their_factor = their_unit->factor;
    }
    Interval a = interval_of(mine, my_factor);
    Interval b = interval_of(theirs, their_factor);
    if (a == b) {
      return;
    }
    Interval both = intersect(a, b);
    if (both.empty()) {
      differ(FindingKind::incompatible_range, key,
             fmt::format("requirement {} asks for {} in one spec and {} in another: no value "
                         "satisfies both",
                         key, describe(mine), describe(theirs)),
             "", sides, true);
      return;
    }
    bool settled =
        differ(FindingKind::metric, key,
               fmt::format("requirement {} asks for {} in one spec and {} in another", key,
                           describe(mine), describe(theirs)),
               m_options.prefer == Prefer::strictest ? "took the bound that satisfies both"
                                                     : "kept the first bound",
               sides);
    if (settled && m_options.prefer == Prefer::strictest) {
      set_metric(mine, both, my_factor);
      m_result.findings.back().message += fmt::format(" ({})", describe(mine));
    }
  }

  void finish() {
    spec::Spec& joint = m_result.joint;
    // Exactly one lead: --lead, or the first input's lead; every other agency participates.
    std::string lead = m_options.lead.empty() ? m_first_lead : m_options.lead;
    bool known = std::any_of(joint.agencies.begin(), joint.agencies.end(),
                             [&](const spec::Agency& a) { return a.id.value == lead; });
    if (!m_options.lead.empty() && !known) {
      throw Error(fmt::format("--lead {} names no agency of the inputs", m_options.lead));
    }
    for (spec::Agency& agency : joint.agencies) {
      spec::AgencyRole role =
          agency.id.value == lead ? spec::AgencyRole::lead : spec::AgencyRole::participant;
      if (agency.role != role && agency.role == spec::AgencyRole::lead) {
        m_result.findings.push_back({false,
                                     FindingKind::lead,
                                     agency.id.value,
                                     fmt::format("agency {} leads its own spec and becomes a "
                                                 "participant of the joint one; {} leads",
                                                 agency.id.value, lead),
                                     {m_agency_origin[agency.id.value]}});
      }
      agency.role = role;
    }
    // Requirements merged under another id: references to the old id follow.
    auto resolve = [&](std::vector<spec::Text>& ids) {
      for (spec::Text& id : ids) {
        auto alias = m_aliases.find(id.value);
        if (alias != m_aliases.end()) {
          id.value = alias->second;
        }
      }
      std::vector<spec::Text> unique;
      unite_texts(unique, ids);
      ids = unique;
    };
    for (auto& entry : m_requirements) {
      const std::string& id = entry.first;
      spec::Requirement& r = entry.second;
      resolve(r.depends_on);
      r.depends_on.erase(std::remove_if(r.depends_on.begin(), r.depends_on.end(),
                                        [&](const spec::Text& t) { return t.value == id; }),
                         r.depends_on.end());
      for (const spec::Text& agency : r.requested_by) {
        m_result.coverage[id].push_back(agency.value);
      }
    }
    if (joint.procurement && joint.procurement->award) {
      for (spec::Criterion& criterion : joint.procurement->award->criteria) {
        resolve(criterion.requirements);
      }
    }
    std::function<void(std::vector<spec::Section>&)> fill =
        [&](std::vector<spec::Section>& sections) {
          for (spec::Section& section : sections) {
            // The last use of the requirements: each id is in one section's order once, so
            // each moves out of the map, which releases it at once.
            const std::vector<std::string>& order = m_order[section.id.value];
            section.requirements.reserve(order.size());
            for (const std::string& id : order) {
              section.requirements.push_back(std::move(m_requirements.extract(id).mapped()));
            }
            fill(section.sections);
          }
        };
    fill(joint.sections);
  }

  const MergeOptions& m_options;
  const catalog::Catalogs& m_catalogs;
  MergeResult m_result;
  std::map<std::string, spec::Requirement> m_requirements;
  std::map<std::string, std::vector<std::string>> m_order;
  std::map<std::string, std::string> m_by_parameter;
  std::map<std::string, std::string> m_aliases;
  std::map<std::string, Side> m_agency_origin;
  std::map<std::string, Side> m_reference_origin;
  std::map<std::string, Side> m_definition_origin;
  Side m_procurement_origin;
  std::string m_first_lead;
};

}  // namespace

MergeResult merge(const std::vector<const spec::Spec*>& specs, const MergeOptions& options,
                  const catalog::Catalogs& catalogs) {
  return Merger(options, catalogs).run(specs);
}

std::string to_yaml(const MergeResult& result) {
  return spec::to_yaml(
      result.joint,
      "A joint spec merged by leaspec; each requirement says which inputs it came from.",
      [&](const spec::Requirement& r) {
        auto origins = result.provenance.find(r.id.value);
        if (origins == result.provenance.end()) {
          return std::string();
        }
        std::string from;
        for (const Side& side : origins->second) {
          from +=
              fmt::format("{}{}:{}", from.empty() ? "" : ", ",
                          std::filesystem::path(side.file).filename().string(), side.position.line);
        }
        return "from " + from;
      });
}

std::string rule_of(FindingKind kind) {
  return "merge-" + std::string(name(kind));
}

std::vector<Diagnostic> conflict_diagnostics(const MergeResult& result) {
  std::vector<Diagnostic> diagnostics;
  for (const Finding& finding : result.findings) {
    if (!finding.conflict) {
      continue;
    }
    Diagnostic d;
    d.severity = Severity::error;
    d.rule = rule_of(finding.kind);
    d.message = finding.message;
    if (!finding.sides.empty()) {
      d.file = finding.sides.front().file;
      d.position = finding.sides.front().position;
      d.pointer = finding.sides.front().pointer;
    }
    for (std::size_t i = 1; i < finding.sides.size(); ++i) {
      const Side& side = finding.sides[i];
      d.related.push_back({side.file, side.position, side.pointer, "the other side is here"});
    }
    diagnostics.push_back(std::move(d));
  }
  return diagnostics;
}

}  // namespace leaspec::joint
