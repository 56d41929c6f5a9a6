// Merging the specs of several agencies into one joint spec. A policy settles a requirement
// that differs by choosing one input's requirement as a whole, so that the joint statement,
// metric and priority always come from the same side.
#include <algorithm>
#include <filesystem>
#include <functional>

#include <fmt/format.h>

#include "leaspec/joint.hpp"
#include "leaspec/source.hpp"
#include "leaspec/text.hpp"

namespace leaspec::joint {

std::size_t MergeResult::conflicts() const {
  return static_cast<std::size_t>(
      std::count_if(findings.begin(), findings.end(), [](const Finding& f) { return f.conflict; }));
}

namespace {

std::string file_name(const std::string& path) {
  return std::filesystem::path(path).filename().string();
}

bool is_word_char(char c) {
  auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '-' || c == '_' || u >= 0x80;
}

/// Offsets of `word` (lower case) as a whole word in `text` (lower case).
std::vector<std::size_t> find_word(const std::string& text, std::string_view word) {
  std::vector<std::size_t> found;
  for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    std::size_t end = at + word.size();
    if ((at == 0 || !is_word_char(text[at - 1])) &&
        (end >= text.size() || !is_word_char(text[end]))) {
      found.push_back(at);
    }
  }
  return found;
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

/// The agency whose own spec `s` is: its lead, or its only agency.
std::string own_agency(const spec::Spec& s) {
  for (const spec::Agency& agency : s.agencies) {
    if (agency.role == spec::AgencyRole::lead) {
      return agency.id.value;
    }
  }
  return s.agencies.size() == 1 ? s.agencies.front().id.value : std::string();
}

/// How two versions of one requirement differ, with their metrics compared.
struct Difference {
  bool text = false;
  bool priority = false;
  bool metric = false;
  MetricComparison bounds;  ///< the new version's metric against the joint one's
};

/// A requirement of the joint spec: the version chosen so far and the side it came from.
struct JointRequirement {
  spec::Requirement requirement;
  Side side;
};

class Merger {
 public:
  Merger(const MergeOptions& options, const catalog::Units& units)
      : m_options(options), m_units(units) {}

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

  /// Records a difference outside requirements: a conflict under --prefer fail, otherwise a
  /// decision to keep the first.
  void differ(FindingKind kind, std::string subject, std::string message, std::vector<Side> sides) {
    bool conflict = m_options.prefer == Prefer::fail;
    Finding finding{conflict, kind, std::move(subject), std::move(message)};
    finding.reason = conflict ? "" : "kept the first";
    finding.sides = std::move(sides);
    m_result.findings.push_back(std::move(finding));
  }

  void add(const spec::Spec& s, bool first) {
    spec::Spec& joint = m_result.joint;
    m_result.inputs.push_back(s.file);
    if (first) {
      joint = s;
      joint.sections.clear();
      joint.agencies.clear();
      joint.references.clear();
      joint.definitions.clear();
      joint.conforms_to.clear();
      joint.authors.clear();
      joint.procurement.reset();
      joint.file.clear();
    }
    // The joint spec conforms to the standards that every input conforms to.
    if (first) {
      joint.conforms_to = s.conforms_to;
    }
    std::erase_if(joint.conforms_to, [&](const spec::Conformance& j) {
      return std::none_of(
          s.conforms_to.begin(), s.conforms_to.end(), [&](const spec::Conformance& c) {
            return j.standard.value == c.standard.value && j.version.value == c.version.value;
          });
    });
    for (const spec::Author& author : s.authors) {
      bool present =
          std::any_of(joint.authors.begin(), joint.authors.end(), [&](const spec::Author& a) {
            return a.name == author.name && a.organisation == author.organisation;
          });
      if (!present) {
        joint.authors.push_back(author);
      }
    }
    add_agencies(s);
    add_references(s);
    add_definitions(s);
    add_procurement(s);
    add_sections(s, s.sections, "", own_agency(s));
  }

  /// The first input's side of a part, remembered under `key`; true when it is new.
  bool origin(const std::string& key, const Side& side) {
    return m_result.origins.emplace(key, side).second;
  }

  void add_agencies(const spec::Spec& s) {
    for (const spec::Agency& agency : s.agencies) {
      auto found =
          std::find_if(m_result.joint.agencies.begin(), m_result.joint.agencies.end(),
                       [&](const spec::Agency& a) { return a.id.value == agency.id.value; });
      if (found == m_result.joint.agencies.end()) {
        m_result.joint.agencies.push_back(agency);
        origin("agency " + agency.id.value, at(s, agency.position));
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
               {m_result.origins["agency " + agency.id.value], at(s, agency.position)});
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
        origin("reference " + reference.id.value, at(s, reference.position));
      } else if (found->designation.value != reference.designation.value) {
        differ(FindingKind::reference, reference.id.value,
               fmt::format("reference {} is {} in one spec and {} in another", reference.id.value,
                           found->designation.value, reference.designation.value),
               {m_result.origins["reference " + reference.id.value], at(s, reference.position)});
      }
    }
  }

  void add_definitions(const spec::Spec& s) {
    for (const spec::Definition& definition : s.definitions) {
      std::string key = "definition " + text::ascii_lower(definition.term.value);
      auto found = std::find_if(m_result.joint.definitions.begin(),
                                m_result.joint.definitions.end(), [&](const spec::Definition& d) {
                                  return text::ascii_lower(d.term.value) ==
                                         text::ascii_lower(definition.term.value);
                                });
      if (found == m_result.joint.definitions.end()) {
        m_result.joint.definitions.push_back(definition);
        origin(key, at(s, definition.position));
      } else if (found->definition != definition.definition) {
        differ(FindingKind::definition, definition.term.value,
               fmt::format("the term \"{}\" is defined differently", definition.term.value),
               {m_result.origins[key], at(s, definition.position)});
      }
    }
  }

  /// Remembers where `s` states each agency's quantity of `lot`.
  void note_quantities(const spec::Spec& s, const spec::Lot& lot) {
    std::string own = own_agency(s);
    for (const spec::Quantity& quantity : lot.quantities) {
      auto line = std::find_if(m_result.quantities.begin(), m_result.quantities.end(),
                               [&](const QuantityLine& l) {
                                 return l.lot == lot.id.value && l.agency == quantity.agency.value;
                               });
      if (line == m_result.quantities.end()) {
        line = m_result.quantities.insert(m_result.quantities.end(),
                                          {lot.id.value, quantity.agency.value, {}, std::nullopt});
      }
      line->sources.push_back(
          {at(s, quantity.agency.position), quantity.amount, quantity.agency.value == own});
    }
  }

  void add_procurement(const spec::Spec& s) {
    if (!s.procurement) {
      return;
    }
    for (const spec::Lot& lot : s.procurement->lots) {
      note_quantities(s, lot);
    }
    std::optional<spec::Procurement>& joint = m_result.joint.procurement;
    if (!joint) {
      joint = *s.procurement;
      origin("procurement", at(s, s.procurement->position));
      for (const spec::Lot& lot : joint->lots) {
        origin("lot " + lot.id.value, at(s, lot.position));
      }
      if (joint->award) {
        origin("award", at(s, joint->award->position));
      }
      return;
    }
    unite_texts(joint->cpv, s.procurement->cpv);
    for (const spec::Lot& lot : s.procurement->lots) {
      auto found = std::find_if(joint->lots.begin(), joint->lots.end(),
                                [&](const spec::Lot& l) { return l.id.value == lot.id.value; });
      if (found == joint->lots.end()) {
        joint->lots.push_back(lot);
        origin("lot " + lot.id.value, at(s, lot.position));
        continue;
      }
      for (const spec::Quantity& quantity : lot.quantities) {
        bool listed = std::any_of(
            found->quantities.begin(), found->quantities.end(),
            [&](const spec::Quantity& q) { return q.agency.value == quantity.agency.value; });
        if (!listed) {
          found->quantities.push_back(quantity);
        }
      }
      unite_texts(found->cpv, lot.cpv);
    }
    add_award(s);
  }

  void add_award(const spec::Spec& s) {
    std::optional<spec::Procurement>& joint = m_result.joint.procurement;
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
               {m_result.origins["award"], at(s, award->position)});
      }
    } else if (award && !joint->award) {
      joint->award = award;
      origin("award", at(s, award->position));
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
                    const std::string& parent, const std::string& own) {
    for (const spec::Section& section : sections) {
      if (!find_section(m_result.joint.sections, section.id.value)) {
        // The section without its requirements and subsections, which are merged one by
        // one: copying them whole would leave their room behind in the joint spec.
        spec::Section copy;
        copy.id = section.id;
        copy.title = section.title;
        copy.intro = section.intro;
        copy.position = section.position;
        copy.pointer = section.pointer;
        spec::Section* holder =
            parent.empty() ? nullptr : find_section(m_result.joint.sections, parent);
        (holder ? holder->sections : m_result.joint.sections).push_back(std::move(copy));
      }
      for (const spec::Requirement& r : section.requirements) {
        add_requirement(s, r, section.id.value, own);
      }
      add_sections(s, section.sections, section.id.value, own);
    }
  }

  static std::string parameter_key(const spec::Requirement& r) {
    return r.metric ? text::ascii_lower(r.metric->parameter.value) : std::string();
  }

  void add_requirement(const spec::Spec& s, const spec::Requirement& r, const std::string& section,
                       const std::string& own) {
    spec::Requirement input = r;
    if (input.requested_by.empty() && !own.empty()) {
      input.requested_by.push_back({own, {}});
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
    m_result.provenance[key].push_back(origin);
    if (existing == m_requirements.end()) {
      m_requirements.emplace(key, JointRequirement{std::move(input), origin});
      m_order[section].push_back(key);
      if (r.metric) {
        m_by_parameter.emplace(parameter_key(r), key);
      }
      return;
    }
    JointRequirement& joint = existing->second;
    if (by_parameter) {
      Finding matched{false, FindingKind::matched, key,
                      fmt::format("{} matches {} by its metric parameter \"{}\"", r.id.value, key,
                                  r.metric->parameter.value)};
      matched.sides = {joint.side, origin};
      m_result.findings.push_back(std::move(matched));
    }
    settle(key, joint, input, origin);
    spec::Requirement& j = joint.requirement;
    unite_texts(j.requested_by, input.requested_by);
    unite(j.verification, r.verification);
    unite_texts(j.lots, r.lots);
    for (const spec::ReferenceUse& use : r.references) {
      bool present =
          std::any_of(j.references.begin(), j.references.end(), [&](const spec::ReferenceUse& u) {
            return u.ref.value == use.ref.value && u.clause == use.clause;
          });
      if (!present) {
        j.references.push_back(use);
      }
    }
    unite_texts(j.depends_on, r.depends_on);
    unite_texts(j.implements, r.implements);
    unite(j.tags, r.tags);
  }

  Difference difference(const spec::Requirement& joint, const spec::Requirement& r) const {
    Difference d;
    d.text = joint.text.value != r.text.value;
    d.priority = joint.priority.value != r.priority.value;
    if (joint.metric && r.metric) {
      d.bounds = compare_metrics(*r.metric, *joint.metric, m_units);
      d.metric = d.bounds.result != Strictness::same;
    } else if (joint.metric || r.metric) {
      d.metric = true;
      d.bounds.result = r.metric ? Strictness::stricter : Strictness::weaker;
      d.bounds.first = r.metric ? describe(*r.metric) : "";
      d.bounds.second = joint.metric ? describe(*joint.metric) : "";
    }
    return d;
  }

  static Version version_of(const spec::Requirement& r, const Side& side,
                            const std::string& common) {
    return {side,
            r.id.value,
            r.text.value,
            r.priority.value,
            r.metric ? describe(*r.metric) : std::string(),
            common};
  }

  /// What differs between the joint version and an input's, for people.
  std::string describe_difference(const std::string& key, const JointRequirement& joint,
                                  const spec::Requirement& r, const Side& origin,
                                  const Difference& d) const {
    const spec::Requirement& j = joint.requirement;
    std::string here = file_name(joint.side.file), there = file_name(origin.file);
    std::vector<std::string> parts;
    if (d.metric && j.metric && r.metric) {
      bool converts = r.metric->unit.value != j.metric->unit.value &&
                      d.bounds.result != Strictness::unconvertible;
      std::string converted = converts ? fmt::format(" ({})", d.bounds.first) : "";
      parts.push_back(fmt::format("asks for {} in {} and {}{} in {}", describe(*j.metric), here,
                                  describe(*r.metric), converted, there));
    } else if (d.metric) {
      parts.push_back(fmt::format("has a metric ({}) only in {}",
                                  j.metric ? d.bounds.second : d.bounds.first,
                                  j.metric ? here : there));
    }
    if (d.priority) {
      parts.push_back(fmt::format("is {} in {} and {} in {}", spec::name(j.priority.value), here,
                                  spec::name(r.priority.value), there));
    }
    if (parts.empty()) {
      parts.push_back(fmt::format("is worded differently in {} and {}", here, there));
    }
    return fmt::format("requirement {} {}", key, fmt::join(parts, ", and "));
  }

  /// Settles the difference between the joint version of a requirement and an input's.
  void settle(const std::string& key, JointRequirement& joint, const spec::Requirement& r,
              const Side& origin) {
    Difference d = difference(joint.requirement, r);
    if (!d.text && !d.priority && !d.metric) {
      return;
    }
    Finding f{true,
              d.metric     ? FindingKind::metric
              : d.priority ? FindingKind::priority
                           : FindingKind::statement,
              key, describe_difference(key, joint, r, origin, d)};
    f.sides = {joint.side, origin};
    bool both = joint.requirement.metric && r.metric;
    f.common_unit = both ? joint.requirement.metric->unit.value : "";
    f.versions = {version_of(joint.requirement, joint.side, both ? d.bounds.second : ""),
                  version_of(r, origin, both ? d.bounds.first : "")};
    if (d.text) {
      f.words = word_diff(joint.requirement.text.value, r.text.value);
    }
    if (d.bounds.result == Strictness::unconvertible) {
      f.kind = FindingKind::unit;
      // In the order the message names them: the joint side's unit first.
      f.reason = joint.requirement.metric->unit.value != r.metric->unit.value
                     ? m_units.why_not(joint.requirement.metric->unit.value, r.metric->unit.value)
                     : d.bounds.reason;
    } else if (d.bounds.result == Strictness::disjoint) {
      f.kind = FindingKind::incompatible_range;
      f.reason = d.bounds.reason;
    } else if (m_options.prefer == Prefer::first) {
      f.conflict = false;
      f.reason = fmt::format("kept the requirement of {} as a whole (--prefer first)",
                             file_name(joint.side.file));
    } else if (m_options.prefer == Prefer::strictest) {
      strictest(f, joint, r, origin, d);
    }
    m_result.findings.push_back(std::move(f));
  }

  /// --prefer strictest: the requirement that asks for more, taken as a whole, at the highest
  /// priority any side gives it.
  void strictest(Finding& f, JointRequirement& joint, const spec::Requirement& r,
                 const Side& origin, const Difference& d) {
    const spec::Requirement& j = joint.requirement;
    if (d.metric && d.bounds.result == Strictness::incomparable) {
      f.reason = fmt::format(
          "neither asks for at least as much as the other ({}), so no one requirement of the "
          "inputs satisfies both",
          d.bounds.reason);
      return;
    }
    if (!d.metric && !d.priority) {
      if (!j.metric) {
        f.reason =
            "no metric shows that the two statements ask for the same; write one "
            "statement for both";
        return;
      }
      f.conflict = false;
      f.reason = fmt::format("kept the wording of {}: both ask for {}", file_name(joint.side.file),
                             d.bounds.second);
      return;
    }
    bool take = d.metric ? d.bounds.result == Strictness::stricter
                         : spec::rank(r.priority.value) > spec::rank(j.priority.value);
    const spec::Requirement& chosen = take ? r : j;
    const Side& chosen_side = take ? origin : joint.side;
    const Side& other_side = take ? joint.side : origin;
    std::string why = d.metric ? fmt::format("it asks for more ({} against {})",
                                             take ? d.bounds.first : d.bounds.second,
                                             take ? d.bounds.second : d.bounds.first)
                               : "its priority is higher";
    spec::Priority target = spec::rank(r.priority.value) > spec::rank(j.priority.value)
                                ? r.priority.value
                                : j.priority.value;
    std::string text = chosen.text.value;
    if (chosen.priority.value != target) {
      std::optional<std::string> rewritten = with_verbal_form(text, chosen.priority.value, target);
      std::string_view was = spec::verbal_form(chosen.priority.value);
      std::string_view now = spec::verbal_form(target);
      if (!rewritten) {
        f.kind = FindingKind::verbal_form;
        f.reason = fmt::format(
            "the requirement of {} asks for more but is {} (\"{}\"), and {} makes it {}; more "
            "than the word \"{}\" would have to change, so write one statement for both",
            file_name(chosen_side.file), spec::name(chosen.priority.value), was,
            file_name(other_side.file), spec::name(target), was);
        return;
      }
      text = *rewritten;
      why += fmt::format("; raised to {} as {} asks, with \"{}\" changed to \"{}\"",
                         spec::name(target), file_name(other_side.file), was, now);
    }
    f.conflict = false;
    f.reason = fmt::format("{} the requirement of {} as a whole: {}", take ? "took" : "kept",
                           file_name(chosen_side.file), why);
    spec::Requirement next = chosen;
    next.text.value = text;
    next.priority.value = target;
    next.id = j.id;
    next.requested_by = j.requested_by;
    next.verification = j.verification;
    next.lots = j.lots;
    next.references = j.references;
    next.depends_on = j.depends_on;
    next.implements = j.implements;
    next.tags = j.tags;
    if (!next.kind) {
      next.kind = j.kind;
    }
    joint.requirement = std::move(next);
    joint.side = chosen_side;
  }

  /// Each agency's quantity per lot: equal statements once, else the agency's own spec.
  void settle_quantities() {
    for (QuantityLine& line : m_result.quantities) {
      std::vector<std::int64_t> amounts, own;
      for (const QuantitySource& source : line.sources) {
        unite(amounts, {source.amount});
        if (source.own) {
          unite(own, {source.amount});
        }
      }
      if (amounts.size() == 1) {
        line.result = amounts.front();
      } else {
        quantity_finding(line, own);
      }
      if (!line.result || !m_result.joint.procurement) {
        continue;
      }
      for (spec::Lot& lot : m_result.joint.procurement->lots) {
        for (spec::Quantity& quantity : lot.quantities) {
          if (lot.id.value == line.lot && quantity.agency.value == line.agency) {
            quantity.amount = *line.result;
          }
        }
      }
    }
  }

  void quantity_finding(QuantityLine& line, const std::vector<std::int64_t>& own) {
    std::vector<std::string> stated;
    Finding f{true, FindingKind::quantity, line.lot};
    for (const QuantitySource& source : line.sources) {
      stated.push_back(fmt::format("{} in {}{}", source.amount, file_name(source.side.file),
                                   source.own ? " (its own spec)" : ""));
      f.sides.push_back(source.side);
    }
    f.message = fmt::format("the quantity of {} in lot {} is {}", line.agency, line.lot,
                            fmt::join(stated, ", "));
    if (own.size() == 1) {
      line.result = own.front();
      auto source = std::find_if(line.sources.begin(), line.sources.end(),
                                 [](const QuantitySource& s) { return s.own; });
      f.conflict = false;
      f.reason = fmt::format("took {} from {}, the agency's own spec", own.front(),
                             file_name(source->side.file));
    } else {
      f.reason = own.empty() ? "no input is the agency's own spec, which alone could settle it"
                             : "the agency's own specs disagree";
    }
    m_result.findings.push_back(std::move(f));
  }

  void settle_lead() {
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
        Finding f{false, FindingKind::lead, agency.id.value,
                  fmt::format("agency {} leads its own spec and becomes a participant of the "
                              "joint one; {} leads",
                              agency.id.value, lead)};
        f.sides = {m_result.origins["agency " + agency.id.value]};
        m_result.findings.push_back(std::move(f));
      }
      agency.role = role;
    }
  }

  void finish() {
    settle_lead();
    settle_quantities();
    spec::Spec& joint = m_result.joint;
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
    for (auto& [id, entry] : m_requirements) {
      m_result.origins["requirement " + id] = entry.side;
      spec::Requirement& r = entry.requirement;
      resolve(r.depends_on);
      const std::string& self = id;
      r.depends_on.erase(std::remove_if(r.depends_on.begin(), r.depends_on.end(),
                                        [&](const spec::Text& t) { return t.value == self; }),
                         r.depends_on.end());
      for (const spec::Text& agency : r.requested_by) {
        m_result.coverage[id].push_back(agency.value);
      }
      // Clauses of standards that not every input conforms to are not the joint spec's.
      if (joint.conforms_to.empty()) {
        r.implements.clear();
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
            // Each requirement has one place, so it moves there.
            for (const std::string& id : m_order[section.id.value]) {
              section.requirements.push_back(std::move(m_requirements.at(id).requirement));
            }
            fill(section.sections);
          }
        };
    fill(joint.sections);
    m_requirements.clear();
  }

  const MergeOptions& m_options;
  const catalog::Units& m_units;
  MergeResult m_result;
  std::map<std::string, JointRequirement> m_requirements;
  std::map<std::string, std::vector<std::string>> m_order;
  std::map<std::string, std::string> m_by_parameter;
  std::map<std::string, std::string> m_aliases;
  std::string m_first_lead;
};

}  // namespace

std::optional<std::string> with_verbal_form(const std::string& text, spec::Priority from,
                                            spec::Priority to) {
  if (from == to) {
    return text;
  }
  std::string low = text::ascii_lower(text);
  for (spec::Priority other : spec::all<spec::Priority>()) {
    if (other != from && !find_word(low, spec::verbal_form(other)).empty()) {
      return std::nullopt;
    }
  }
  std::string_view was = spec::verbal_form(from);
  std::vector<std::size_t> found = find_word(low, was);
  if (found.size() != 1) {
    return std::nullopt;
  }
  std::string word(spec::verbal_form(to));
  if (std::isupper(static_cast<unsigned char>(text[found.front()]))) {
    word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
  }
  return text.substr(0, found.front()) + word + text.substr(found.front() + was.size());
}

MergeResult merge(const std::vector<const spec::Spec*>& specs, const MergeOptions& options,
                  const catalog::Units& units) {
  return Merger(options, units).run(specs);
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
          from += fmt::format("{}{}:{}", from.empty() ? "" : ", ", file_name(side.file),
                              side.position.line);
        }
        return "from " + from;
      });
}

std::string rule_of(FindingKind kind) {
  return "merge-" + std::string(name(kind));
}

}  // namespace leaspec::joint
