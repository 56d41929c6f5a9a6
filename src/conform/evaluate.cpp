// Every clause of a standard against the spec requirements that implement it, and the
// findings that follow.
#include <algorithm>

#include <fmt/format.h>

#include "leaspec/conform.hpp"
#include "leaspec/joint.hpp"

namespace leaspec::conform {

std::string label(const spec::Conformance& entry) {
  return fmt::format("{} {}", entry.standard.value, entry.version.value);
}

std::string StandardResult::newer_version() const {
  if (known_versions.empty() || !entry ||
      compare_versions(known_versions.back(), entry->version.value) <= 0) {
    return {};
  }
  return known_versions.back();
}

std::string StandardResult::why_unknown() const {
  return known_versions.empty()
             ? std::string("no standard has that id")
             : fmt::format("the versions known are {}", fmt::join(known_versions, ", "));
}

std::size_t StandardResult::count(Verdict verdict) const {
  return static_cast<std::size_t>(
      std::count_if(rows.begin(), rows.end(), [&](const Row& r) { return r.verdict == verdict; }));
}

std::size_t Report::count(Verdict verdict) const {
  std::size_t n = 0;
  for (const StandardResult& result : standards) {
    n += result.count(verdict);
  }
  return n;
}

bool Report::fails() const {
  bool unknown = std::any_of(standards.begin(), standards.end(),
                             [](const StandardResult& r) { return r.standard == nullptr; });
  return unknown || count(Verdict::weakens) > 0 || count(Verdict::missing) > 0;
}

namespace {

bool names(const spec::Requirement& r, const std::string& clause) {
  return std::any_of(r.implements.begin(), r.implements.end(),
                     [&](const spec::Text& t) { return t.value == clause; });
}

/// The spec's requirements that implement `clause`: by `implements`, else by parameter.
std::vector<std::pair<const spec::Requirement*, bool>> implementers(
    const spec::Spec& spec, const spec::Requirement& clause) {
  std::vector<std::pair<const spec::Requirement*, bool>> found;
  spec::for_each_requirement(spec, [&](const spec::Requirement& r, const spec::Section&) {
    if (names(r, clause.id.value)) {
      found.emplace_back(&r, false);
    }
  });
  if (!found.empty() || !clause.metric) {
    return found;
  }
  std::string parameter = catalog::normalise(clause.metric->parameter.value);
  spec::for_each_requirement(spec, [&](const spec::Requirement& r, const spec::Section&) {
    if (r.implements.empty() && r.metric &&
        catalog::normalise(r.metric->parameter.value) == parameter) {
      found.emplace_back(&r, true);
    }
  });
  return found;
}

/// The verdict on the bounds of one implementer, in the clause's unit.
void compare_bounds(const spec::Requirement& clause, const spec::Requirement& r, Row& row,
                    const catalog::Units& units) {
  if (!clause.metric) {
    if (r.metric) {
      row.spec_bound = joint::describe(*r.metric);
    }
    return;
  }
  row.standard_bound = joint::describe(*clause.metric);
  if (!r.metric) {
    row.verdict = Verdict::weakens;
    row.reason = fmt::format("states no metric, so it does not bind {} {}",
                             clause.metric->parameter.value, row.standard_bound);
    return;
  }
  joint::MetricComparison c = joint::compare_metrics(*r.metric, *clause.metric, units);
  std::string written = joint::describe(*r.metric);
  bool same_unit = r.metric->unit.value == clause.metric->unit.value;
  row.spec_bound = same_unit ? written : fmt::format("{} ({})", c.first, written);
  switch (c.result) {
    case joint::Strictness::same:
      return;
    case joint::Strictness::stricter:
      row.verdict = Verdict::tightens;
      row.reason = fmt::format("{} {} is stricter than {}", r.metric->parameter.value,
                               row.spec_bound, c.second);
      return;
    case joint::Strictness::weaker:
      row.verdict = Verdict::weakens;
      row.reason = fmt::format("{} {} is weaker than {}", r.metric->parameter.value, row.spec_bound,
                               c.second);
      return;
    default:
      row.verdict = Verdict::weakens;
      row.reason = fmt::format("{} {} does not compare with {}: {}", r.metric->parameter.value,
                               row.spec_bound, c.second, c.reason);
      return;
  }
}

Row judge(const spec::Requirement& clause, const spec::Requirement& r, bool by_parameter,
          const catalog::Units& units) {
  Row row{&clause, &r, by_parameter};
  compare_bounds(clause, r, row, units);
  bool clause_mandatory = clause.priority.value == spec::Priority::mandatory;
  bool mandatory = r.priority.value == spec::Priority::mandatory;
  if (clause_mandatory && !mandatory) {
    row.verdict = Verdict::weakens;
    row.reason = fmt::format("it is {}, the clause mandatory", spec::name(r.priority.value));
  } else if (!clause_mandatory && mandatory && row.verdict == Verdict::meets) {
    row.verdict = Verdict::tightens;
    row.reason = fmt::format("it is mandatory, the clause {}", spec::name(clause.priority.value));
  }
  return row;
}

StandardResult evaluate_one(const spec::Spec& spec, const spec::Conformance& entry,
                            const Library& library, const catalog::Units& units) {
  StandardResult result;
  result.entry = &entry;
  result.standard = library.find(entry.standard.value, entry.version.value);
  result.known_versions = library.versions(entry.standard.value);
  if (!result.standard) {
    return result;
  }
  spec::for_each_requirement(
      *result.standard, [&](const spec::Requirement& clause, const spec::Section&) {
        auto found = implementers(spec, clause);
        for (const auto& [r, by_parameter] : found) {
          result.rows.push_back(judge(clause, *r, by_parameter, units));
        }
        if (found.empty()) {
          Row row{&clause};
          row.verdict = clause.priority.value == spec::Priority::mandatory ? Verdict::missing
                                                                           : Verdict::left_out;
          if (clause.metric) {
            row.standard_bound = joint::describe(*clause.metric);
          }
          result.rows.push_back(std::move(row));
        }
      });
  return result;
}

}  // namespace

Report evaluate(const spec::Spec& spec, const Library& library, const catalog::Units& units) {
  Report report;
  for (const spec::Conformance& entry : spec.conforms_to) {
    report.standards.push_back(evaluate_one(spec, entry, library, units));
  }
  return report;
}

namespace {

/// Where a row's finding goes: the metric, the priority when that is what weakens.
Position place(const Row& row) {
  const spec::Requirement& r = *row.implementer;
  bool priority = row.clause->priority.value == spec::Priority::mandatory &&
                  r.priority.value != spec::Priority::mandatory;
  if (priority) {
    return r.priority.position;
  }
  return r.metric ? r.metric->position : r.position;
}

void row_issues(const StandardResult& result, std::vector<Issue>& out) {
  std::string standard = label(*result.entry);
  for (const Row& row : result.rows) {
    const std::string& clause = row.clause->id.value;
    if (row.verdict == Verdict::weakens) {
      out.push_back({"conformance-weakens", place(row),
                     fmt::format("{} weakens {} of {}: {}", row.implementer->id.value, clause,
                                 standard, row.reason),
                     row.implementer});
    } else if (row.verdict == Verdict::missing) {
      std::string hint = row.clause->metric
                             ? fmt::format(", or give one the metric parameter \"{}\"",
                                           row.clause->metric->parameter.value)
                             : "";
      out.push_back({"conformance-missing", result.entry->position,
                     fmt::format("no mandatory requirement implements {} of {}; name it in "
                                 "implements{}",
                                 clause, standard, hint)});
    } else if (row.verdict == Verdict::left_out &&
               row.clause->priority.value == spec::Priority::recommended) {
      out.push_back(
          {"conformance-recommended", result.entry->position,
           fmt::format("no requirement implements the recommended {} of {}", clause, standard)});
    }
  }
}

/// `implements` entries that name no clause of a standard the spec conforms to.
void unknown_clauses(const spec::Spec& spec, const Report& report, std::vector<Issue>& out) {
  bool unresolved = std::any_of(report.standards.begin(), report.standards.end(),
                                [](const StandardResult& r) { return r.standard == nullptr; });
  std::vector<std::string> labels;
  for (const StandardResult& result : report.standards) {
    labels.push_back(label(*result.entry));
  }
  spec::for_each_requirement(spec, [&](const spec::Requirement& r, const spec::Section&) {
    for (const spec::Text& id : r.implements) {
      bool known = std::any_of(
          report.standards.begin(), report.standards.end(), [&](const StandardResult& result) {
            return std::any_of(result.rows.begin(), result.rows.end(),
                               [&](const Row& row) { return row.clause->id.value == id.value; });
          });
      if (known || unresolved) {
        continue;  // a standard not found is reported once, at its entry
      }
      std::string message =
          labels.empty()
              ? fmt::format("{} implements {}, but the spec names no standard in conforms_to",
                            r.id.value, id.value)
              : fmt::format("{} implements {}, which is no requirement of {}", r.id.value, id.value,
                            fmt::join(labels, ", "));
      out.push_back({"conformance-unknown-clause", id.position, std::move(message), &r});
    }
  });
}

}  // namespace

std::vector<Issue> issues(const spec::Spec& spec, const Report& report) {
  std::vector<Issue> out;
  for (const StandardResult& result : report.standards) {
    const spec::Conformance& entry = *result.entry;
    if (!result.standard) {
      out.push_back({"conformance-unknown-standard", entry.version.position,
                     fmt::format("conforms_to names {}, which is not known: {} (bundled "
                                 "standards, standards_path in .leaspec.yaml, --standard FILE)",
                                 label(entry), result.why_unknown())});
      continue;
    }
    if (std::string newer = result.newer_version(); !newer.empty()) {
      out.push_back({"conformance-old-version", entry.version.position,
                     fmt::format("conforms_to names {}, but version {} of {} is known",
                                 label(entry), newer, entry.standard.value)});
    }
    row_issues(result, out);
  }
  unknown_clauses(spec, report, out);
  return out;
}

}  // namespace leaspec::conform
