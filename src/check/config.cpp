// The rule configuration file, .leaspec.yaml.
#include <filesystem>

#include <fmt/format.h>

#include "leaspec/check/config.hpp"
#include "leaspec/check/rules.hpp"
#include "leaspec/resources.hpp"
#include "leaspec/schema.hpp"
#include "leaspec/yaml.hpp"

namespace leaspec::check {
namespace fs = std::filesystem;

std::optional<Config> load_config(const std::string& path, DiagnosticSink& sink) {
  std::optional<yaml::Document> document = catalog::load_checked(path, "config", sink);
  if (!document) {
    return std::nullopt;
  }
  Config config;
  config.file = path;
  bool valid = true;
  if (const yaml::Node* rule_map = document->root->find("rules")) {
    for (const yaml::Entry& entry : rule_map->entries) {
      const RuleInfo* rule = find_rule(entry.key->text);
      if (!rule || !rule->configurable) {
        std::vector<std::string> names;
        for (const RuleInfo& info : rules()) {
          if (info.configurable) {
            names.emplace_back(info.id);
          }
        }
        std::string message =
            rule ? fmt::format(
                       "rule \"{}\" cannot be configured: findings of the {} stage are "
                       "always errors",
                       entry.key->text, rule->group)
                 : fmt::format("unknown rule \"{}\"", entry.key->text);
        if (!rule) {
          if (auto close = schema::did_you_mean(entry.key->text, names)) {
            message += fmt::format("; did you mean \"{}\"?", *close);
          }
        }
        sink.report({Severity::error, "invalid-config", message, path, entry.key->position, ""});
        valid = false;
        continue;
      }
      const std::string& level = entry.value->text;
      std::optional<Severity> severity;
      if (level == "error") {
        severity = Severity::error;
      } else if (level == "warning") {
        severity = Severity::warning;
      } else if (level == "note") {
        severity = Severity::note;
      }
      config.severities[entry.key->text] = severity;
    }
  }
  if (const yaml::Node* terms = document->root->find("vague_terms")) {
    for (const yaml::Node* term : terms->items) {
      config.vague_terms.push_back(term->text);
    }
  }
  if (!valid) {
    return std::nullopt;
  }
  return config;
}

std::optional<std::string> find_config(const std::string& spec_path) {
  std::error_code error;
  fs::path folder = fs::absolute(spec_path, error).parent_path();
  while (!folder.empty()) {
    fs::path candidate = folder / ".leaspec.yaml";
    if (fs::is_regular_file(candidate, error)) {
      return candidate.lexically_relative(fs::current_path(error)).string();
    }
    if (folder == folder.root_path()) {
      break;
    }
    folder = folder.parent_path();
  }
  return std::nullopt;
}

}  // namespace leaspec::check
