#pragma once
// Where on a page each finding belongs: the requirement, section, lot, agency, reference or
// award it is about, found by JSON pointer (from the position when the finding has none).

#include <map>
#include <string>
#include <vector>

#include "leaspec/source.hpp"
#include "leaspec/yaml.hpp"

namespace leaspec::site {

/// The JSON pointer of the deepest node of `root` whose extent holds `at`. A node's extent
/// runs from its key (or its first position, in a sequence) to the start of the next entry
/// of its parent. Empty for the document itself.
std::string pointer_at(const yaml::Node& root, Position at);

/// A part of a page that shows findings: the pointer of what it shows and its anchor.
struct Region {
  std::string pointer;
  std::string anchor;
};

/// Findings by the anchor of the region that holds them; those no region holds go to "".
using Placement = std::map<std::string, std::vector<const Diagnostic*>>;

/// Puts each finding in the region with the longest pointer that contains its own (pointers
/// from positions through `root` when a finding has none and `root` is not null).
Placement place_findings(const std::vector<Diagnostic>& diagnostics,
                         const std::vector<Region>& regions, const yaml::Node* root);

}  // namespace leaspec::site
