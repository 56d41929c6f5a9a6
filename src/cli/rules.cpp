// `leaspec rules`: lists every rule with its id, default severity and what it checks.
#include <iostream>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/app.hpp"
#include "leaspec/check/rules.hpp"

namespace leaspec::cli {

void setup_rules(CLI::App& app, int& exit_code) {
  CLI::App* sub = app.add_subcommand("rules", "List every rule with its id and default severity");
  sub->footer(
      "Example:\n"
      "  leaspec rules\n\n"
      "Rules of the semantic and language groups can be set to error, warning, note or off in\n"
      "a .leaspec.yaml file; see leaspec-rules(1).");
  sub->callback([&exit_code] {
    std::string_view group;
    for (const check::RuleInfo& rule : check::rules()) {
      if (rule.group != group) {
        group = rule.group;
        std::cout << fmt::format("{}{}:\n", group == "loading" ? "" : "\n", group);
      }
      std::cout << fmt::format("  {:<22} {:<8} {}\n", rule.id, to_string(rule.severity),
                               rule.summary);
    }
    exit_code = k_exit_ok;
  });
}

}  // namespace leaspec::cli
