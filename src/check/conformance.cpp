// The conformance rules: the spec against the common standards its conforms_to names.
#include "check/findings.hpp"
#include "leaspec/conform.hpp"

namespace leaspec::check {

void check_conformance(const RuleContext& context, Findings& findings) {
  if (!context.standards) {
    return;
  }
  conform::Report report =
      conform::evaluate(context.spec, *context.standards, context.config.units());
  for (conform::Issue& issue : conform::issues(context.spec, report)) {
    findings.add(issue.rule, issue.position, std::move(issue.message), issue.requirement);
  }
}

}  // namespace leaspec::check
