// The rule configuration file, .leaspec.yaml.
#include <filesystem>
#include <map>
#include <mutex>

#include <fmt/format.h>

#include "leaspec/check/config.hpp"
#include "leaspec/check/rules.hpp"
#include "leaspec/resources.hpp"
#include "leaspec/schema.hpp"
#include "leaspec/yaml.hpp"

namespace leaspec::check {
namespace fs = std::filesystem;

namespace {

/// Reads a user catalog file, checked against the bundled catalog schema. Its problems go to
/// `sink`; nullopt when there are any.
std::optional<yaml::Document> load_catalog_file(const std::string& path, std::string_view key,
                                                const yaml::Node& named_at,
                                                const std::string& config_path,
                                                DiagnosticSink& sink) {
  std::error_code error;
  if (!fs::is_regular_file(path, error)) {
    sink.report({Severity::error, "invalid-config",
                 fmt::format("the {} catalog {} does not exist", key, path), config_path,
                 named_at.position, ""});
    return std::nullopt;
  }
  std::optional<yaml::Document> document = catalog::load_checked(path, "catalog", sink, 64u << 20);
  if (!document) {
    return std::nullopt;
  }
  if (!document->root->find(key)) {
    sink.report(
        {Severity::error, "invalid-config",
         fmt::format("the catalog has no \"{}\" list, which .leaspec.yaml names it for", key), path,
         document->root->position, ""});
    return std::nullopt;
  }
  return document;
}

/// The bundled catalogs with the files `catalogs:` names before them.
bool load_catalogs(const yaml::Node& catalogs, const std::string& config_path, Config& config,
                   DiagnosticSink& sink) {
  fs::path folder = fs::path(config_path).parent_path();
  std::vector<catalog::Standard> standards;
  std::vector<std::pair<std::string, std::string>> cpv;
  bool valid = true;
  for (const yaml::Entry& entry : catalogs.entries()) {
    std::string path = (folder / entry.value->text).string();
    auto document = load_catalog_file(path, entry.key->text, *entry.value, config_path, sink);
    if (!document) {
      valid = false;
      continue;
    }
    if (entry.key->text == "standards") {
      for (const yaml::Node* item : document->root->find("standards")->items()) {
        standards.push_back(catalog::standard_of(*item));
      }
    } else {
      for (const yaml::Entry& code : document->root->find("cpv")->entries()) {
        cpv.emplace_back(code.key->text, code.value->text);
      }
    }
  }
  if (valid) {
    config.catalogs = std::make_shared<const catalog::Catalogs>(
        catalog::Catalogs::bundled().with(std::move(standards), std::move(cpv)));
  }
  return valid;
}

/// The configuration's own units; a unit leaspec already knows is an error.
bool add_units(const yaml::Node& list, const std::string& path, Config& config,
               DiagnosticSink& sink) {
  std::vector<catalog::UnitDefinition> definitions;
  bool valid = true;
  for (const yaml::Node* item : list.items()) {
    const yaml::Node* name = item->find("name");
    const yaml::Node* factor = item->find("factor");
    catalog::UnitDefinition definition{std::string(name->text),
                                       std::string(item->find("dimension")->text),
                                       factor ? factor->number : 1.0};
    if (auto known = catalog::Units::bundled().find(definition.name)) {
      sink.report(
          {Severity::error, "invalid-config",
           fmt::format("unit \"{}\" is already known as {}", definition.name, known->dimension),
           path, name->position, ""});
      valid = false;
      continue;
    }
    definitions.push_back(std::move(definition));
  }
  if (valid && !definitions.empty()) {
    try {
      config.added_units = std::make_shared<const catalog::Units>(std::move(definitions));
    } catch (const Error& e) {
      sink.report({Severity::error, "invalid-config", e.what(), path, list.position, ""});
      valid = false;
    }
  }
  return valid;
}

/// The folders of `standards_path`, relative to the configuration; one that is not a folder
/// is an error.
bool add_standards_path(const yaml::Node& node, const std::string& config_path, Config& config,
                        DiagnosticSink& sink) {
  fs::path folder = fs::path(config_path).parent_path();
  std::vector<const yaml::Node*> items(node.items().begin(), node.items().end());
  if (node.kind != yaml::Kind::sequence) {
    items.push_back(&node);
  }
  bool valid = true;
  for (const yaml::Node* item : items) {
    std::string path = (folder / item->text).lexically_normal().string();
    std::error_code error;
    if (!fs::is_directory(path, error)) {
      sink.report({Severity::error, "invalid-config",
                   fmt::format("standards_path names {}, which is not a folder", path), config_path,
                   item->position, ""});
      valid = false;
      continue;
    }
    config.standards_path.push_back(path);
  }
  return valid;
}

}  // namespace

std::optional<Config> load_config(const std::string& path, DiagnosticSink& sink) {
  std::optional<yaml::Document> document = catalog::load_checked(path, "config", sink);
  if (!document) {
    return std::nullopt;
  }
  Config config;
  config.file = path;
  bool valid = true;
  if (const yaml::Node* rule_map = document->root->find("rules")) {
    for (const yaml::Entry& entry : rule_map->entries()) {
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
      std::string_view level = entry.value->text;
      std::optional<Severity> severity;
      if (level == "error") {
        severity = Severity::error;
      } else if (level == "warning") {
        severity = Severity::warning;
      } else if (level == "note") {
        severity = Severity::note;
      }
      config.severities[std::string(entry.key->text)] = severity;
    }
  }
  if (const yaml::Node* languages = document->root->find("languages")) {
    for (const yaml::Node* language : languages->items()) {
      config.languages.emplace_back(language->text);
    }
  }
  if (const yaml::Node* terms = document->root->find("vague_terms")) {
    for (const yaml::Node* term : terms->items()) {
      config.vague_terms.emplace_back(term->text);
    }
  }
  if (const yaml::Node* units = document->root->find("units")) {
    valid = add_units(*units, path, config, sink) && valid;
  }
  if (const yaml::Node* catalogs = document->root->find("catalogs")) {
    valid = load_catalogs(*catalogs, path, config, sink) && valid;
  }
  if (const yaml::Node* folders = document->root->find("standards_path")) {
    valid = add_standards_path(*folders, path, config, sink) && valid;
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
