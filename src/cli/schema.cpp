// `leaspec schema [NAME]`: prints a bundled JSON Schema as JSON, for editors and CI.
#include <iostream>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/app.hpp"
#include "leaspec/resources.hpp"
#include "leaspec/yaml.hpp"

namespace leaspec::cli {
namespace {

struct SchemaOptions {
  std::string name = "spec";
};

int run_schema(const SchemaOptions& options) {
  if (std::optional<std::string> json = bundled_schema_json(options.name)) {
    std::cout << *json << '\n';
    return k_exit_ok;
  }
  std::vector<std::string> names;
  for (const catalog::BundledSchema& bundled : catalog::bundled_schemas()) {
    names.emplace_back(bundled.name);
  }
  print_error(fmt::format("unknown schema \"{}\"; bundled schemas: {}", options.name,
                          fmt::join(names, ", ")));
  return k_exit_failure;
}

}  // namespace

std::optional<std::string> bundled_schema_json(std::string_view name) {
  for (const catalog::BundledSchema& bundled : catalog::bundled_schemas()) {
    if (bundled.name == name) {
      yaml::Document document = catalog::bundled_tree(bundled.resource);
      return yaml::to_json_pretty(*document.root);
    }
  }
  return std::nullopt;
}

void setup_schema(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<SchemaOptions>();
  CLI::App* sub = app.add_subcommand("schema", "Print a bundled JSON Schema as JSON");
  sub->add_option("NAME", options->name, "Which schema")->capture_default_str();
  sub->footer(
      "Example:\n"
      "  leaspec schema > spec.schema.json\n"
      "then point your editor's YAML language server at it, for instance with the line\n"
      "  # yaml-language-server: $schema=spec.schema.json\n"
      "at the top of a spec file.");
  sub->callback([options, &exit_code] { exit_code = run_schema(*options); });
}

}  // namespace leaspec::cli
