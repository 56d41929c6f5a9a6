// `leaspec rules [RULE] [--format text|json|man]`: every rule with its id, default severity,
// what it checks and what to do about a finding.
#include <cctype>
#include <iostream>

#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/app.hpp"
#include "leaspec/check/rules.hpp"

namespace leaspec::cli {
namespace {

struct RulesOptions {
  std::string rule;
  std::string format = "text";
};

/// The heading and introduction of each group of rules, in the manual page.
std::pair<std::string_view, std::string_view> group_text(std::string_view group) {
  if (group == "loading") {
    return {"Loading", "Findings while reading the YAML file; always errors."};
  }
  if (group == "schema") {
    return {"Schema", "Findings of the spec schema; always errors."};
  }
  if (group == "semantic") {
    return {"Semantic rules",
            "Checks of the spec as a whole: identifiers, references between its parts, the "
            "procurement data and the catalogs."};
  }
  if (group == "language") {
    return {"Language lint",
            "Checks of each requirement statement after the ISO/IEC Directives, Part 2 "
            "(verbal forms) and the INCOSE rules for writing requirements. Each finding marks "
            "the exact words, also inside block scalars."};
  }
  if (group == "translation") {
    return {"Translations",
            "Checks of the translation files NAME.LANG.yaml of the languages a spec lists in "
            "translations, .leaspec.yaml lists in languages, or validate --lang names."};
  }
  if (group == "conformance") {
    return {"Conformance",
            "Checks of a spec against the common standards its conforms_to names (bundled, in "
            "the folders of standards_path in .leaspec.yaml, or given with --standard): every "
            "mandatory clause implemented by a mandatory requirement, no bound weaker than the "
            "standard's after unit conversion."};
  }
  if (group == "import") {
    return {"Import",
            "Findings of leaspec import about the file it reads: a ReqIF file from a "
            "requirements tool, or a compliance matrix a bidder filled in."};
  }
  return {"Merge",
          "What leaspec merge cannot settle, always errors, reported at the first input's "
          "place with the other inputs' places as notes."};
}

/// Text for a manual page: each sentence on a line of its own, backslashes written as \e,
/// and a line that would start with a dot or an apostrophe escaped.
std::string roff(std::string_view text) {
  std::string out;
  bool line_start = true;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (line_start && (c == '.' || c == '\'')) {
      out += "\\&";
    }
    line_start = false;
    out += c == '\\' ? std::string("\\e") : std::string(1, c);
    bool sentence_end = (c == '.' || c == '?' || c == '!') && i + 2 < text.size() &&
                        text[i + 1] == ' ' && std::isupper(static_cast<unsigned char>(text[i + 2]));
    if (sentence_end) {
      out += '\n';
      ++i;
      line_start = true;
    }
  }
  return out;
}

std::string capitalised(std::string_view text) {
  std::string out(text);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') {
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
  }
  return out;
}

std::string render_man() {
  std::string out;
  std::string_view group;
  for (const check::RuleInfo& rule : check::rules()) {
    if (rule.group != group) {
      out += group.empty() ? "" : ".El\n";
      group = rule.group;
      auto [heading, intro] = group_text(group);
      out += fmt::format(".Ss {}\n{}\n.Bl -tag -width Ds\n", heading, roff(intro));
    }
    out += fmt::format(".It Cm {}\n{}; {} by default{}.\n{}\n", rule.id,
                       roff(capitalised(rule.summary)), to_string(rule.severity),
                       rule.configurable ? "" : ", not configurable", roff(rule.help));
  }
  return out + (group.empty() ? "" : ".El\n");
}

std::string render_json(const std::vector<const check::RuleInfo*>& selected) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const check::RuleInfo* rule : selected) {
    list.push_back({{"id", rule->id},
                    {"severity", to_string(rule->severity)},
                    {"group", rule->group},
                    {"summary", rule->summary},
                    {"help", rule->help},
                    {"configurable", rule->configurable}});
  }
  return list.dump(2) + "\n";
}

std::string render_text(const std::vector<const check::RuleInfo*>& selected, bool with_help) {
  std::string out;
  std::string_view group;
  for (const check::RuleInfo* rule : selected) {
    if (rule->group != group && !with_help) {
      out += fmt::format("{}{}:\n", group.empty() ? "" : "\n", rule->group);
      group = rule->group;
    }
    out += fmt::format("  {:<26} {:<8} {}\n", rule->id, to_string(rule->severity), rule->summary);
    if (with_help) {
      out += fmt::format("\n  {}\n", rule->help);
    }
  }
  return out;
}

int run_rules(const RulesOptions& options) {
  std::vector<const check::RuleInfo*> selected;
  for (const check::RuleInfo& rule : check::rules()) {
    if (options.rule.empty() || rule.id == options.rule) {
      selected.push_back(&rule);
    }
  }
  if (selected.empty()) {
    print_error(fmt::format("unknown rule \"{}\"; leaspec rules lists them all", options.rule));
    return k_exit_failure;
  }
  if (options.format == "json") {
    std::cout << render_json(selected);
  } else if (options.format == "man") {
    std::cout << render_man();
  } else {
    std::cout << render_text(selected, !options.rule.empty());
  }
  return k_exit_ok;
}

}  // namespace

void setup_rules(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<RulesOptions>();
  CLI::App* sub = app.add_subcommand(
      "rules", "List every rule with its id and default severity, or explain one rule");
  sub->add_option("RULE", options->rule, "One rule to explain, for example verbal-form");
  sub->add_option("--format", options->format,
                  "text; json for tools; man for the rules section of leaspec-rules(1)")
      ->check(CLI::IsMember({"text", "json", "man"}))
      ->capture_default_str();
  sub->footer(
      "Examples:\n"
      "  leaspec rules\n"
      "  leaspec rules verbal-form\n\n"
      "Rules of the semantic and language groups can be set to error, warning, note or off in\n"
      "a .leaspec.yaml file; see leaspec-rules(1).");
  sub->callback([options, &exit_code] { exit_code = run_rules(*options); });
}

}  // namespace leaspec::cli
