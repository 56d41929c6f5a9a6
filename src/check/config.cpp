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

namespace {

const schema::Schema& config_schema() {
  static const schema::Schema k_schema = [] {
    const catalog::BundledSchema& bundled = catalog::bundled_schemas().at(1);
    DiagnosticSink sink;
    auto compiled = schema::Schema::compile(catalog::bundled_tree(bundled.resource),
                                            std::string(bundled.uri), {}, nullptr, sink);
    if (!compiled) {
      throw Error("the bundled configuration schema does not compile");
    }
    return std::move(*compiled);
  }();
  return k_schema;
}

/// The configuration's own units; a unit leaspec already knows is an error.
bool add_units(const yaml::Node& list, const std::string& path, Config& config,
               DiagnosticSink& sink) {
  std::vector<catalog::UnitDefinition> definitions;
  bool valid = true;
  for (const yaml::Node* item : list.items) {
    const yaml::Node* name = item->find("name");
    const yaml::Node* factor = item->find("factor");
    catalog::UnitDefinition definition{name->text, item->find("dimension")->text,
                                       factor ? factor->number : 1.0};
    if (auto known = catalog::Units::bundled().find(definition.name)) {
      sink.report({Severity::error, "invalid-config",
                   fmt::format("unit \"{}\" is already known as {}", definition.name,
                               known->dimension),
                   path, name->position, ""});
      valid = false;
      continue;
    }
    definitions.push_back(std::move(definition));
  }
  if (valid) {
    try {
      config.added_units = std::make_shared<const catalog::Units>(std::move(definitions));
    } catch (const Error& e) {
      sink.report({Severity::error, "invalid-config", e.what(), path, list.position, ""});
      valid = false;
    }
  }
  return valid;
}

}  // namespace

std::optional<Config> load_config(const std::string& path, DiagnosticSink& sink) {
  SourceFile source(path, read_file(path, 1u << 20));
  yaml::Document document = yaml::load(source, sink);
  if (!document.root) {
    return std::nullopt;
  }
  if (!config_schema().validate(*document.root, path, sink)) {
    return std::nullopt;
  }
  Config config;
  config.file = path;
  bool valid = true;
  if (const yaml::Node* rule_map = document.root->find("rules")) {
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
  if (const yaml::Node* terms = document.root->find("vague_terms")) {
    for (const yaml::Node* term : terms->items) {
      config.vague_terms.push_back(term->text);
    }
  }
  if (const yaml::Node* units = document.root->find("units")) {
    valid = add_units(*units, path, config, sink) && valid;
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
