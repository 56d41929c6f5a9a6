#pragma once
// Joint procurement: merging several agencies' specs into one joint spec, and comparing two
// versions of a spec for a corrigendum.

#include <map>
#include <string>
#include <vector>

#include "leaspec/catalog.hpp"
#include "leaspec/spec.hpp"

namespace leaspec::joint {

/// How merge settles requirements that differ.
enum class Prefer {
  fail,       ///< every difference is a conflict; nothing is decided
  first,      ///< the first input's version wins
  strictest,  ///< the higher priority and the bound that satisfies every agency win
};

/// A place in an input: file and line.
struct Origin {
  std::string file;
  std::uint32_t line = 0;
};

/// One thing merge found: a conflict it could not settle, or a decision it took.
struct Finding {
  bool conflict = false;  ///< false: a decision that settled a difference
  std::string kind;       ///< statement, priority, metric, incompatible-range, agency, ...
  std::string subject;    ///< the id concerned
  std::string message;
  std::vector<Origin> sides;
};

/// The joint spec, where each requirement came from, and what merge found.
struct MergeResult {
  spec::Spec joint;
  std::map<std::string, std::vector<Origin>> provenance;  ///< requirement id -> inputs
  std::vector<Finding> findings;
  /// Which agency asked for which requirement (requirement id -> agency ids).
  std::map<std::string, std::vector<std::string>> coverage;

  std::size_t conflicts() const;
};

struct MergeOptions {
  Prefer prefer = Prefer::fail;
  std::string lead;  ///< the lead agency of the joint spec; empty: the first input's lead
};

/// Merges specs in the order given.
MergeResult merge(const std::vector<const spec::Spec*>& specs, const MergeOptions& options,
                  const catalog::Catalogs& catalogs);

/// The joint spec as YAML in the spec format, keys in the canonical order, with comments
/// that say where each requirement came from.
std::string to_yaml(const MergeResult& result);

/// The merge report as Markdown or JSON.
std::string report_markdown(const MergeResult& result, const std::vector<std::string>& inputs);
std::string report_json(const MergeResult& result, const std::vector<std::string>& inputs);

/// One difference between two versions of a spec.
struct Change {
  std::string kind;     ///< added, removed, renamed, statement, priority, metric, lots, ...
  std::string subject;  ///< the id concerned
  std::string summary;  ///< one line for people
  std::string before;
  std::string after;
  /// For statements: the words, each marked kept (' '), removed ('-') or added ('+').
  std::vector<std::pair<char, std::string>> words;
};

/// What changed from `before` to `after`, in document order.
std::vector<Change> diff(const spec::Spec& before, const spec::Spec& after,
                         const catalog::Catalogs& catalogs);

std::string diff_text(const std::vector<Change>& changes);
std::string diff_markdown(const std::vector<Change>& changes, const spec::Spec& before,
                          const spec::Spec& after);
std::string diff_json(const std::vector<Change>& changes);

/// The words of `a` and `b` aligned by a longest common subsequence.
std::vector<std::pair<char, std::string>> word_diff(const std::string& a, const std::string& b);

}  // namespace leaspec::joint
