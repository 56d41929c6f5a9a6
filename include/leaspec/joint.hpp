#pragma once
// Joint procurement: merging several agencies' specs into one joint spec, and comparing two
// versions of a spec for a corrigendum. This module computes; documents and reports of its
// results are built in `doc` and `export`.

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leaspec/catalog.hpp"
#include "leaspec/source.hpp"
#include "leaspec/spec.hpp"

namespace leaspec::joint {

/// How one metric compares with another once both are in one unit.
enum class Strictness {
  same,           ///< they ask for the same
  stricter,       ///< the first asks for more: whatever meets it meets the second
  weaker,         ///< the second asks for more
  incomparable,   ///< each asks for something the other does not
  disjoint,       ///< no value satisfies both
  unconvertible,  ///< the units do not compare
};

/// Two metrics compared: the verdict, both bounds in the second's unit, and why they do not
/// compare when they do not.
struct MetricComparison {
  Strictness result = Strictness::same;
  std::string unit;    ///< the common unit: the second metric's
  std::string first;   ///< the first metric's bound in `unit`, for example ">= 10 h"
  std::string second;  ///< the second metric's bound in `unit`
  std::string reason;  ///< for incomparable and unconvertible: why
};

/// Compares `a` with `b`: values after conversion, a range to cover by containment (wider is
/// stricter), a range to lie within and single bounds by the values they allow (fewer is
/// stricter), ratings digit by digit or as numbers.
MetricComparison compare_metrics(const spec::Metric& a, const spec::Metric& b,
                                 const catalog::Units& units);

/// A metric's bound as written, for people: ">= 12 h", "-20 to 50 °C", ">= IP67".
std::string describe(const spec::Metric& metric);

/// How merge settles requirements that differ.
enum class Prefer {
  fail,       ///< every difference is a conflict; nothing is decided
  first,      ///< the first input's version wins
  strictest,  ///< the requirement that binds more, with the bound that satisfies every agency
};

/// What a merge finding is about.
enum class FindingKind {
  statement,           ///< the same requirement worded differently
  priority,            ///< the same requirement with different priorities
  metric,              ///< the same requirement with different bounds
  unit,                ///< bounds in units that do not convert
  incompatible_range,  ///< bounds that no value satisfies together
  verbal_form,         ///< a priority raised above what the chosen statement says
  agency,              ///< an agency named or located differently
  reference,           ///< a reference id naming different documents
  definition,          ///< a term defined differently
  award,               ///< different award criteria
  quantity,            ///< an agency's quantity for a lot stated differently
  matched,             ///< requirements with different ids matched by their metric parameter
  lead,                ///< an input's lead agency becomes a participant
};

constexpr auto k_finding_kind_names = std::to_array<std::string_view>(
    {"statement", "priority", "metric", "unit", "incompatible-range", "verbal-form", "agency",
     "reference", "definition", "award", "quantity", "matched", "lead"});

constexpr std::string_view name(FindingKind kind) {
  return k_finding_kind_names[static_cast<std::size_t>(kind)];
}

/// A place in an input: its file, the position and the JSON pointer of what it names.
struct Side {
  std::string file;
  Position position;
  std::string pointer;
};

/// A word of a word-level diff: kept, removed or added.
struct Word {
  enum class Mark { kept, removed, added };
  Mark mark = Mark::kept;
  std::string text;

  friend bool operator==(const Word&, const Word&) = default;
};

/// One input's version of a requirement that merge compared.
struct Version {
  Side side;
  std::string id;
  std::string text;
  spec::Priority priority = spec::Priority::mandatory;
  std::string metric;         ///< the bound as written ("<= 600 min"), empty without a metric
  std::string metric_common;  ///< the bound in the finding's common unit, empty without one
};

/// One thing merge found: a conflict it could not settle, or a decision it took.
struct Finding {
  bool conflict = false;  ///< false: a decision that settled a difference
  FindingKind kind = FindingKind::statement;
  std::string subject = {};  ///< the id concerned
  std::string message = {};  ///< what differs
  /// For a decision, what merge chose and why; for a conflict, why no policy settles it.
  std::string reason = {};
  std::vector<Side> sides = {};
  /// For requirements: each side's version, and the common unit their bounds are given in.
  std::vector<Version> versions = {};
  std::string common_unit = {};
  /// For requirements worded differently: the first two statements aligned word by word.
  std::vector<Word> words = {};
};

/// Where one input states an agency's quantity for a lot.
struct QuantitySource {
  Side side;
  std::int64_t amount = 0;
  bool own = false;  ///< the input is the agency's own spec (it leads it)
};

/// An agency's quantity for a lot: every input that states it, and what the joint spec says.
struct QuantityLine {
  std::string lot;
  std::string agency;
  std::vector<QuantitySource> sources;
  std::optional<std::int64_t> result;  ///< empty when the sources conflict
};

/// The joint spec, where each requirement came from, and what merge found.
struct MergeResult {
  spec::Spec joint;
  std::map<std::string, std::vector<Side>> provenance;  ///< requirement id -> inputs
  /// Where the other parts of the joint spec came from: "agency ID", "reference ID",
  /// "definition TERM", "lot ID", "procurement", "award" -> the first input that gave it;
  /// "requirement ID" -> the input whose requirement the joint one is.
  std::map<std::string, Side> origins;
  std::vector<Finding> findings;
  /// Which agency asked for which requirement (requirement id -> agency ids): the agencies
  /// its `requested_by` names, else the agency whose own spec (the one it leads) holds it.
  std::map<std::string, std::vector<std::string>> coverage;
  /// Every agency's quantity per lot, in the order the lots and agencies first appear.
  std::vector<QuantityLine> quantities;
  /// The input files, as named in the sides.
  std::vector<std::string> inputs;

  std::size_t conflicts() const;
};

struct MergeOptions {
  Prefer prefer = Prefer::fail;
  std::string lead;  ///< the lead agency of the joint spec; empty: the first input's lead
};

/// Merges specs in the order given; bounds convert with `units`.
MergeResult merge(const std::vector<const spec::Spec*>& specs, const MergeOptions& options,
                  const catalog::Units& units);

/// The joint spec as YAML in the spec format, with comments that say where each requirement
/// came from.
std::string to_yaml(const MergeResult& result);

/// The rule id under which a merge conflict of this kind is reported ("merge-statement").
std::string rule_of(FindingKind kind);

/// Every conflict as an error diagnostic at its first side, with the other sides (and the
/// wordings, when they differ) as related locations.
std::vector<Diagnostic> conflict_diagnostics(const MergeResult& result);

/// Diagnostics of the joint spec (its text as `to_yaml` wrote it, and its model when the
/// schema accepted it) moved to the input lines that caused them, with the other inputs of a
/// merged requirement as related locations.
std::vector<Diagnostic> trace(const MergeResult& result, const spec::Spec* joint,
                              const std::vector<Diagnostic>& diagnostics);

/// The statement with its verbal form changed for a new priority ("should" to "shall"), when
/// that one word is the only change needed; nullopt otherwise.
std::optional<std::string> with_verbal_form(const std::string& text, spec::Priority from,
                                            spec::Priority to);

/// What a change between two versions is about.
enum class ChangeKind {
  added,
  removed,
  renamed,
  statement,
  priority,
  metric,
  lots,
  references,
  lot_added,
  lot_removed,
  quantity,
  cpv,
  award_weight,
  reference,
};

constexpr auto k_change_kind_names = std::to_array<std::string_view>(
    {"added", "removed", "renamed", "statement", "priority", "metric", "lots", "references",
     "lot-added", "lot-removed", "quantity", "cpv", "award-weight", "reference"});

constexpr std::string_view name(ChangeKind kind) {
  return k_change_kind_names[static_cast<std::size_t>(kind)];
}

/// Whether a change asks more or less of a bidder.
enum class Direction { none, tightened, relaxed };

/// One difference between two versions of a spec.
struct Change {
  ChangeKind kind = ChangeKind::added;
  std::string subject;  ///< the id concerned
  std::string section;  ///< the section of a requirement change, in the later version if any
  std::string summary;  ///< one line for people
  std::string before;
  std::string after;
  /// For quantities: the agency whose quantity changed.
  std::string agency;
  /// For priorities (raised is tightened) and metrics; none for other kinds.
  Direction direction = Direction::none;
  /// For statements: the words of the two versions aligned.
  std::vector<Word> words;
};

/// What changed from `before` to `after`, in document order.
std::vector<Change> diff(const spec::Spec& before, const spec::Spec& after,
                         const catalog::Units& units);

/// The words of `a` and `b` aligned by a longest common subsequence.
std::vector<Word> word_diff(const std::string& a, const std::string& b);

}  // namespace leaspec::joint
