// `leaspec merge SPEC... -o JOINT [--report FILE] [--prefer strictest|first|fail] [--lead ID]`.
#include <filesystem>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/app.hpp"
#include "cli/output.hpp"
#include "leaspec/check.hpp"
#include "leaspec/joint.hpp"

namespace leaspec::cli {
namespace {

struct MergeOptions {
  std::vector<std::string> specs;
  std::string output;
  std::string report;
  std::string prefer = "fail";
  std::string lead;
};

/// Loads every spec; prints their findings and returns nothing when one has errors.
std::optional<std::vector<check::LoadedSpec>> load_all(const std::vector<std::string>& paths) {
  std::vector<check::LoadedSpec> loaded;
  bool ok = true;
  for (const std::string& path : paths) {
    auto spec = load_spec(path);
    if (!spec) {
      print_error(fmt::format("{} has errors", path));
      ok = false;
      continue;
    }
    loaded.push_back(std::move(*spec));
  }
  if (!ok) {
    return std::nullopt;
  }
  return loaded;
}

int run_merge(const MergeOptions& options) {
  auto loaded = load_all(options.specs);
  if (!loaded) {
    return k_exit_findings;
  }
  std::vector<const spec::Spec*> specs;
  std::vector<std::string> names;
  for (check::LoadedSpec& spec : *loaded) {
    spec.model.file = std::filesystem::path(spec.model.file).filename().string();
    specs.push_back(&spec.model);
    names.push_back(spec.model.file);
  }
  joint::MergeOptions merge_options;
  merge_options.prefer = options.prefer == "strictest" ? joint::Prefer::strictest
                         : options.prefer == "first"   ? joint::Prefer::first
                                                       : joint::Prefer::fail;
  merge_options.lead = options.lead;
  joint::MergeResult result = joint::merge(specs, merge_options, catalog::Catalogs::bundled());
  if (!options.report.empty()) {
    bool json = std::filesystem::path(options.report).extension() == ".json";
    write_output(options.report,
                 json ? joint::report_json(result, names) : joint::report_markdown(result, names));
  }
  for (const joint::Finding& f : result.findings) {
    if (f.conflict) {
      std::string sides;
      for (const joint::Origin& o : f.sides) {
        sides += fmt::format("{}{}:{}", sides.empty() ? "" : ", ", o.file, o.line);
      }
      fmt::print(stderr, "conflict [{}] {}: {} ({})\n", f.kind, f.subject, f.message, sides);
    }
  }
  if (result.conflicts() > 0) {
    print_error(fmt::format("{} conflict{}; no joint spec was written{}", result.conflicts(),
                            result.conflicts() == 1 ? "" : "s",
                            options.prefer == "fail"
                                ? " (--prefer strictest or first settles what can be settled)"
                                : ""));
    return k_exit_findings;
  }
  write_output(options.output, joint::to_yaml(result));
  return k_exit_ok;
}

}  // namespace

void setup_merge(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<MergeOptions>();
  CLI::App* sub = app.add_subcommand("merge", "Merge several agencies' specs into one joint spec");
  sub->add_option("SPEC", options->specs, "The specs, in order of precedence")
      ->required()
      ->check(CLI::ExistingFile);
  sub->add_option("-o,--output", options->output, "The joint spec to write; - for standard output")
      ->required();
  sub->add_option(
      "--report", options->report,
      "Write every conflict and decision and a coverage table (.json for JSON, else Markdown)");
  sub->add_option("--prefer", options->prefer,
                  "fail: any difference is a conflict (exit 1); first: the first spec wins; "
                  "strictest: the higher priority and the bound that satisfies every agency win")
      ->check(CLI::IsMember({"fail", "first", "strictest"}))
      ->capture_default_str();
  sub->add_option("--lead", options->lead,
                  "The joint spec's lead agency (default: the first spec's lead)");
  sub->footer(
      "Example:\n"
      "  leaspec merge data/examples/joint/*.yaml --prefer strictest -o joint.yaml --report "
      "merge.md\n\n"
      "Requirements match by id, and by metric parameter when ids differ. Conflicts that no\n"
      "policy settles (incompatible ranges, units that do not convert) always fail.\n"
      "Exit codes: 0 merged, 1 an input has errors or a conflict remains, 2 usage or I/O error.");
  sub->callback([options, &exit_code] { exit_code = run_merge(*options); });
}

}  // namespace leaspec::cli
