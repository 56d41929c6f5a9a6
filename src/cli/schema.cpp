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
  std::vector<std::string> names;
  for (const catalog::BundledSchema& bundled : catalog::bundled_schemas()) {
    names.emplace_back(bundled.name);
    if (bundled.name != options.name) {
      continue;
    }
    auto data = catalog::find_resource(bundled.resource);
    if (!data) {
      throw Error(fmt::format("the bundled schema {} is missing from this build", bundled.name));
    }
    SourceFile source(std::string(bundled.resource), std::string(*data));
    DiagnosticSink sink;
    yaml::Document document = yaml::load(source, sink);
    if (!document.root) {
      throw Error(fmt::format("the bundled schema {} does not load", bundled.name));
    }
    std::cout << yaml::to_json_pretty(*document.root) << '\n';
    return k_exit_ok;
  }
  print_error(fmt::format("unknown schema \"{}\"; bundled schemas: {}", options.name,
                          fmt::join(names, ", ")));
  return k_exit_failure;
}

}  // namespace

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
