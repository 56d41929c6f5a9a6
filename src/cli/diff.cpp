// `leaspec diff OLD NEW [--format text|md|json]`: what changed, for a corrigendum.
#include <iostream>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/app.hpp"
#include "cli/output.hpp"
#include "leaspec/check.hpp"
#include "leaspec/joint.hpp"

namespace leaspec::cli {
namespace {

struct DiffOptions {
  std::string before;
  std::string after;
  std::string format = "text";
};

int run_diff(const DiffOptions& options) {
  std::optional<check::LoadedSpec> specs[2];
  const std::string* paths[2] = {&options.before, &options.after};
  for (int i = 0; i < 2; ++i) {
    specs[i] = load_spec(*paths[i]);
    if (!specs[i]) {
      print_error(fmt::format("{} has errors; it cannot be compared", *paths[i]));
      return k_exit_failure;
    }
  }
  std::vector<joint::Change> changes =
      joint::diff(specs[0]->model, specs[1]->model, catalog::Catalogs::bundled());
  std::string out = options.format == "json" ? joint::diff_json(changes)
                    : options.format == "md"
                        ? joint::diff_markdown(changes, specs[0]->model, specs[1]->model)
                        : joint::diff_text(changes);
  std::cout << out;
  std::cout.flush();
  return changes.empty() ? k_exit_ok : k_exit_findings;
}

}  // namespace

void setup_diff(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<DiffOptions>();
  CLI::App* sub = app.add_subcommand("diff", "Show what changed between two versions of a spec");
  sub->add_option("OLD", options->before, "The earlier version")
      ->required()
      ->check(CLI::ExistingFile);
  sub->add_option("NEW", options->after, "The later version")->required()->check(CLI::ExistingFile);
  sub->add_option("--format", options->format, "text, md (ready for a corrigendum notice) or json")
      ->check(CLI::IsMember({"text", "md", "json"}))
      ->capture_default_str();
  sub->footer(
      "Example:\n"
      "  leaspec diff v1/bwc.yaml v2/bwc.yaml --format md > corrigendum.md\n\n"
      "Exit codes: 0 the versions are equal, 1 they differ (like diff), 2 an error, including\n"
      "a version with errors.");
  sub->callback([options, &exit_code] { exit_code = run_diff(*options); });
}

}  // namespace leaspec::cli
