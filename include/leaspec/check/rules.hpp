#pragma once
// The rules leaspec reports, and the pass that runs the semantic rules and the language
// lint on a typed spec.

#include <string_view>
#include <vector>

#include "leaspec/catalog.hpp"
#include "leaspec/check/config.hpp"
#include "leaspec/conform.hpp"
#include "leaspec/source.hpp"
#include "leaspec/spec.hpp"
#include "leaspec/yaml.hpp"

namespace leaspec::check {

/// A rule: its stable id, default severity, group, what it checks and what to do.
struct RuleInfo {
  std::string_view id;
  Severity severity;
  std::string_view group;  ///< loading, schema, semantic, language, conformance, merge or import
  std::string_view summary;
  /// What a finding means and how to act on it, in one or two sentences.
  std::string_view help;
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
  /// The tree the spec was built from, for the JSON pointer of each finding; may be null.
  const yaml::Node* root = nullptr;
  /// Languages to check translations into besides those the spec and configuration list
  /// (validate --lang).
  std::vector<std::string> languages = {};
  /// The standards conforms_to is resolved among; null runs no conformance rules.
  const conform::Library* standards = nullptr;
};

/// Runs the semantic rules and the language lint, applies the configuration and inline
/// suppressions, and reports what remains.
void check_rules(const RuleContext& context, DiagnosticSink& sink);

}  // namespace leaspec::check
