// `leaspec validate`: checks spec files and reports findings for people or CI.
#include <iostream>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/app.hpp"
#include "cli/progress.hpp"
#include "leaspec/check/checker.hpp"
#include "leaspec/check/rules.hpp"
#include "leaspec/report.hpp"

namespace leaspec::cli {
namespace {

/// From this many files on, validate shows its progress on a terminal.
constexpr std::size_t k_progress_files = 20;

struct ValidateOptions {
  std::vector<std::string> paths;
  std::string format = "text";
  bool strict = false;
  std::string schema;
  std::string config;
};

int run_validate(const ValidateOptions& options) {
  check::Options check_options;
  if (!options.schema.empty()) {
    check_options.schema_file = options.schema;
  }
  if (!options.config.empty()) {
    check_options.config_file = options.config;
  }
  auto format = report::parse_format(options.format);
  DiagnosticSink schema_problems;
  std::optional<check::Checker> checker = check::Checker::create(check_options, schema_problems);
  if (!checker) {
    schema_problems.sort_by_position();
    std::string text = report::render_text(schema_problems.diagnostics(), {});
    fmt::print(stderr, "{}", text);
    print_error(options.schema.empty() ? "the configuration is invalid; nothing was validated"
                                       : "the schema or configuration is invalid; nothing was "
                                         "validated");
    return k_exit_failure;
  }
  std::vector<check::Target> targets =
      check::discover(options.paths, check_options.schema_file.has_value());
  check::Outcome outcome;
  {
    // Many files take a while: their count shows on a terminal, for text output only.
    Progress progress(*format == report::Format::text && targets.size() >= k_progress_files);
    outcome = checker->run(targets, [&progress](std::size_t done, std::size_t total) {
      progress.count("checked", done, total, "files");
    });
  }
  if (outcome.files.empty()) {
    print_error(fmt::format("no spec files found in {}", fmt::join(options.paths, ", ")));
    return k_exit_failure;
  }
  report::Context context;
  for (const auto& file : outcome.files) {
    context.files.push_back(file->path());
  }
  context.source = [&outcome](const std::string& path) { return outcome.find_source(path); };
  context.colour = *format == report::Format::text && use_colour();
  context.strict = options.strict;
  context.tool_version = LEASPEC_VERSION;
  for (const check::RuleInfo& rule : check::rules()) {
    context.rules.push_back({std::string(rule.id), std::string(rule.summary), rule.severity,
                             std::string(rule.help), std::string(rule.group)});
  }
  const std::vector<Diagnostic>& diagnostics = outcome.diagnostics.diagnostics();
  std::cout << report::render(*format, diagnostics, context);
  std::size_t errors = outcome.diagnostics.count(Severity::error);
  std::size_t warnings = outcome.diagnostics.count(Severity::warning);
  if (*format == report::Format::text) {
    std::cout << fmt::format("{} file{} checked: {} error{}, {} warning{}\n", outcome.files.size(),
                             outcome.files.size() == 1 ? "" : "s", errors, errors == 1 ? "" : "s",
                             warnings, warnings == 1 ? "" : "s");
  }
  std::cout.flush();
  if (errors > 0 || (options.strict && warnings > 0)) {
    return k_exit_findings;
  }
  return k_exit_ok;
}

}  // namespace

void setup_validate(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ValidateOptions>();
  CLI::App* sub = app.add_subcommand("validate", "Check spec files against the spec schema");
  sub->add_option("PATH", options->paths, "Spec files, or folders searched for *.yaml and *.yml")
      ->required();
  sub->add_option("--format", options->format, "Output format")
      ->check(CLI::IsMember({"text", "json", "sarif", "junit", "github"}))
      ->capture_default_str();
  sub->add_flag("--strict", options->strict, "Treat warnings as errors (exit code 1)");
  sub->add_option("--schema", options->schema,
                  "Validate against this JSON Schema (YAML or JSON) instead of the bundled one; "
                  "every named YAML or JSON file is then checked")
      ->check(CLI::ExistingFile);
  sub->add_option("--config", options->config,
                  "Rule configuration to use instead of the nearest .leaspec.yaml")
      ->check(CLI::ExistingFile);
  sub->footer(
      "Examples:\n"
      "  leaspec validate data/examples\n"
      "  leaspec validate --format json specs/bwc.yaml > findings.json\n"
      "  leaspec validate --format sarif specs/ > leaspec.sarif\n"
      "  leaspec validate --schema national.schema.yaml specs/\n"
      "  leaspec validate --config ci.leaspec.yaml specs/\n\n"
      "Exit codes: 0 valid (warnings allowed unless --strict), 1 findings, 2 usage or I/O error.");
  sub->callback([options, &exit_code] { exit_code = run_validate(*options); });
}

}  // namespace leaspec::cli
