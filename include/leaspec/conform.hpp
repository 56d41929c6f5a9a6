#pragma once
// Conformance of a tender spec to the common standards it names in `conforms_to`: which
// standards are known (bundled, from folders, from files), and for every clause of a
// standard how the spec implements it. The rules, the `conformance` report, the annex and
// merge all take their verdicts from `evaluate`.

#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "leaspec/catalog.hpp"
#include "leaspec/source.hpp"
#include "leaspec/spec.hpp"

namespace leaspec::conform {

/// The common standards a spec may conform to: specs with a `standard:` block. The first
/// added of two with the same id and version is the one found.
class Library {
 public:
  void add(std::shared_ptr<const spec::Spec> standard);
  /// Adds every standard of `other` after this library's own.
  void add(const Library& other);

  /// The standard with this id and version, or nullptr.
  const spec::Spec* find(std::string_view id, std::string_view version) const;
  /// Every version known of a standard, oldest first; empty for an unknown id.
  std::vector<std::string> versions(std::string_view id) const;
  const std::vector<std::shared_ptr<const spec::Spec>>& standards() const { return m_standards; }

 private:
  std::vector<std::shared_ptr<const spec::Spec>> m_standards;
};

/// The standards bundled into the binary (data/standards), built on first use.
const Library& bundled();

/// Orders two versions part by part, numerically where both parts are numbers ("1.10" after
/// "1.9"): negative, zero or positive.
int compare_versions(std::string_view a, std::string_view b);

/// How a spec treats one clause of a standard.
enum class Verdict {
  meets,     ///< asks for what the standard asks
  tightens,  ///< asks for more: a stricter bound, or a higher priority
  weakens,   ///< asks for less: a weaker or incomparable bound, or a lower priority
  missing,   ///< a mandatory clause that no requirement implements
  left_out,  ///< a recommended or optional clause that no requirement implements
};

constexpr auto k_verdict_names =
    std::to_array<std::string_view>({"meets", "tightens", "weakens", "missing", "left-out"});

constexpr std::string_view name(Verdict verdict) {
  return k_verdict_names[static_cast<std::size_t>(verdict)];
}

/// One clause of a standard and one requirement of the spec that implements it, or none.
struct Row {
  const spec::Requirement* clause = nullptr;       ///< the standard's requirement
  const spec::Requirement* implementer = nullptr;  ///< the spec's, nullptr for none
  /// The implementer shares the clause's metric parameter rather than naming it in
  /// `implements`.
  bool by_parameter = false;
  Verdict verdict = Verdict::meets;
  std::string standard_bound = {};  ///< the clause's bound as written; empty without a metric
  /// The implementer's bound in the clause's unit, with the bound as written after it when
  /// the units differ (">= 10 h (600 min)"); empty without a metric.
  std::string spec_bound = {};
  /// For weakens and tightens: what differs, for people.
  std::string reason = {};
};

/// One `conforms_to` entry: the standard it names, when it is known, and a row per clause.
struct StandardResult {
  const spec::Conformance* entry = nullptr;
  const spec::Spec* standard = nullptr;     ///< nullptr when no standard has that id and version
  std::vector<std::string> known_versions;  ///< every version of that id known, oldest first
  std::vector<Row> rows;

  /// The newest known version when it is newer than the entry's, else empty.
  std::string newer_version() const;
  /// Why no standard was found: no standard has the id, or which versions of it are known.
  std::string why_unknown() const;
  /// Rows with this verdict.
  std::size_t count(Verdict verdict) const;
};

/// The spec's conformance to every standard it names.
struct Report {
  std::vector<StandardResult> standards;

  /// Rows with this verdict, over every standard.
  std::size_t count(Verdict verdict) const;
  /// Whether a clause is weakened or missing, or a standard is not known.
  bool fails() const;
};

/// Evaluates `spec` against each standard its `conforms_to` names. A clause is implemented
/// by the requirements that name it in `implements`, else by those without `implements`
/// whose metric has the clause's parameter; bounds compare after conversion with `units`.
/// The report points into `spec` and `library`, which must outlive it.
Report evaluate(const spec::Spec& spec, const Library& library, const catalog::Units& units);

/// A conformance finding about the spec, positioned in it: at the implementing
/// requirement's metric or priority, at the `conforms_to` entry of a missing clause.
struct Issue {
  std::string_view rule;
  Position position;
  std::string message;
  /// The requirement concerned, for its lint_ignore; nullptr for one about the entry.
  const spec::Requirement* requirement = nullptr;
};

/// The findings of a report, with `implements` entries that name no clause of a standard the
/// spec conforms to; tightenings are listed in the report only.
std::vector<Issue> issues(const spec::Spec& spec, const Report& report);

/// "BWV-EU 1.0": how messages and documents name a standard of a conforms_to entry.
std::string label(const spec::Conformance& entry);

}  // namespace leaspec::conform
