#pragma once
// Findings of the rules before configuration and suppressions decide what is reported.

#include <optional>
#include <string>
#include <vector>

#include "leaspec/check/rules.hpp"

namespace leaspec::check {

struct Finding {
  std::string rule;
  Position position;
  std::string message;
  /// The requirement the finding is about, for lint_ignore and inline suppressions.
  const spec::Requirement* requirement = nullptr;
  /// Set when the rule decides the severity itself rather than the registry.
  std::optional<Severity> severity;
  /// Another file the finding is in (a translation file), with the pointer there; empty
  /// for the spec's own file.
  std::string file = {};
  std::string pointer = {};
  std::vector<Location> related = {};
};

class Findings {
 public:
  void add(std::string_view rule, Position position, std::string message,
           const spec::Requirement* requirement = nullptr,
           std::optional<Severity> severity = std::nullopt);
  void add(Finding finding) { m_items.push_back(std::move(finding)); }
  const std::vector<Finding>& items() const { return m_items; }

 private:
  std::vector<Finding> m_items;
};

// The passes that `check_rules` runs, one per file of rules.

/// The semantic rules: ids, references, agencies, procurement, standards (rules.cpp).
void check_semantics(const RuleContext& context, Findings& findings);

/// The metric rules: known units, sensible ranges, statements that agree with their metric,
/// ranges whose meaning is left unsaid (metrics.cpp).
void check_metrics(const RuleContext& context, Findings& findings);

/// The translations of the languages asked for: missing, stale, with other numbers or
/// verbal forms (translations.cpp).
void check_translations(const RuleContext& context, Findings& findings);

/// The language lint of requirement statements (lint.cpp).
void lint_requirements(const RuleContext& context, Findings& findings);

/// The rules that keep generated documents right: uncited references, legislation cited as
/// normative in a standard, requirements that apply to lots of different kinds
/// (documents.cpp).
void check_documents(const RuleContext& context, Findings& findings);

/// The conformance rules: clauses of the standards in conforms_to missing or weakened,
/// standards not known or not the newest, implements naming no clause (conformance.cpp).
void check_conformance(const RuleContext& context, Findings& findings);

}  // namespace leaspec::check
