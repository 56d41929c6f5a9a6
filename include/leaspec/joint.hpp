#pragma once
// Joint procurement: merging several agencies' specs into one joint spec, and comparing two
// versions of a spec for a corrigendum. This module computes; documents and reports of its
// results are built in `doc` and `export`.

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leaspec/catalog.hpp"
#include "leaspec/source.hpp"
#include "leaspec/spec.hpp"

namespace leaspec::joint {

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
  agency,              ///< an agency named or located differently
  reference,           ///< a reference id naming different documents
  definition,          ///< a term defined differently
  award,               ///< different award criteria
  quantity,            ///< an agency's quantity for a lot stated differently
  matched,             ///< requirements with different ids matched by their metric parameter
  lead,                ///< an input's lead agency becomes a participant
};

constexpr auto k_finding_kind_names = std::to_array<std::string_view>(
    {"statement", "priority", "metric", "unit", "incompatible-range", "agency", "reference",
     "definition", "award", "quantity", "matched", "lead"});

constexpr std::string_view name(FindingKind kind) {
  return k_finding_kind_names[static_cast<std::size_t>(kind)];
}

/// A place in an input: its file, the position and the JSON pointer of what it names.
struct Side {
  std::string file;
  Position position;
  std::string pointer;
};

/// One thing merge found: a conflict it could not settle, or a decision it took.
struct Finding {
  bool conflict = false;  ///< false: a decision that settled a difference
  FindingKind kind = FindingKind::statement;
  std::string subject;  ///< the id concerned
  std::string message;
  std::vector<Side> sides;
};

/// The joint spec, where each requirement came from, and what merge found.
struct MergeResult {
  spec::Spec joint;
  std::map<std::string, std::vector<Side>> provenance;  ///< requirement id -> inputs
  std::vector<Finding> findings;
  /// Which agency asked for which requirement (requirement id -> agency ids).
  std::map<std::string, std::vector<std::string>> coverage;
  /// The input files, as named in the sides.
  std::vector<std::string> inputs;

  std::size_t conflicts() const;
};

struct MergeOptions {
  Prefer prefer = Prefer::fail;
  std::string lead;  ///< the lead agency of the joint spec; empty: the first input's lead
};

/// Merges specs in the order given.
MergeResult merge(const std::vector<const spec::Spec*>& specs, const MergeOptions& options,
                  const catalog::Catalogs& catalogs);

/// The joint spec as YAML in the spec format, with comments that say where each requirement
/// came from.
std::string to_yaml(const MergeResult& result);

/// The rule id under which a merge conflict of this kind is reported ("merge-statement").
std::string rule_of(FindingKind kind);

/// Every conflict as an error diagnostic at its first side, with the other sides as related
/// locations.
std::vector<Diagnostic> conflict_diagnostics(const MergeResult& result);

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

/// A word of a word-level diff: kept, removed or added.
struct Word {
  enum class Mark { kept, removed, added };
  Mark mark = Mark::kept;
  std::string text;

  friend bool operator==(const Word&, const Word&) = default;
};

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
                         const catalog::Catalogs& catalogs);

/// The words of `a` and `b` aligned by a longest common subsequence.
std::vector<Word> word_diff(const std::string& a, const std::string& b);

}  // namespace leaspec::joint
