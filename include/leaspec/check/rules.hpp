#pragma once
// The rules leaspec reports, and the pass that runs the semantic rules and the language
// lint on a typed spec.

#include <string_view>
#include <vector>

#include "leaspec/catalog.hpp"
#include "leaspec/check/config.hpp"
#include "leaspec/source.hpp"
#include "leaspec/spec.hpp"

namespace leaspec::check {

/// A rule: its stable id, default severity, group and what it checks.
struct RuleInfo {
  std::string_view id;
  Severity severity;
  std::string_view group;  ///< loading, schema, semantic, language, merge or import
  std::string_view summary;
  /// Whether a configuration may change its severity or turn it off.
  bool configurable;
};

/// Every rule leaspec reports, grouped, in a stable order.
const std::vector<RuleInfo>& rules();
const RuleInfo* find_rule(std::string_view id);

/// What the semantic rules and the language lint look at.
struct RuleContext {
  const spec::Spec& spec;
  const SourceFile& source;
  const Config& config;
  const catalog::Catalogs& catalogs;
  /// A full official CPV list (--cpv-list), or nullptr for the bundled catalog.
  const catalog::CpvList* cpv_list = nullptr;
};

/// Runs the semantic rules and the language lint, applies the configuration and inline
/// suppressions, and reports what remains.
void check_rules(const RuleContext& context, DiagnosticSink& sink);

}  // namespace leaspec::check
