// `leaspec validate`: checks spec files and reports findings for people or CI.
#include <algorithm>
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
  std::string help_uri;
  unsigned jobs = 0;
  std::vector<std::string> refs;
  std::vector<std::string> ref_dirs;
  std::vector<std::string> standards;
  std::size_t max_depth = 0;
  std::size_t max_findings = 300;
  std::vector<std::string> languages;
};

/// Nesting allowed in general documents (validate --schema) unless --max-depth says otherwise;
/// specs nest at most yaml::Limits{}.max_depth levels.
constexpr std::size_t k_general_max_depth = 256;

int run_validate(const ValidateOptions& options) {
  check::Options check_options;
  if (!options.schema.empty()) {
    check_options.schema_file = options.schema;
  }
  if (!options.config.empty()) {
    check_options.config_file = options.config;
  }
  check_options.jobs = options.jobs;
  check_options.ref_files = options.refs;
  check_options.ref_folders = options.ref_dirs;
  check_options.max_findings = options.max_findings;
  check_options.languages = options.languages;
  check_options.standard_files = options.standards;
  if (!options.schema.empty()) {
    check_options.limits.max_depth = options.max_depth ? options.max_depth : k_general_max_depth;
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
  // Findings in translation files beside the specs show their lines too.
  std::vector<std::shared_ptr<const SourceFile>> translations;
  for (const Diagnostic& diagnostic : outcome.diagnostics.diagnostics()) {
    if (!outcome.find_source(diagnostic.file) &&
        std::none_of(translations.begin(), translations.end(),
                     [&](const auto& file) { return file->path() == diagnostic.file; })) {
      try {
        translations.push_back(std::make_shared<SourceFile>(
            diagnostic.file, read_file(diagnostic.file, check_options.limits.max_bytes)));
      } catch (const FileError&) {
        continue;  // reported without its line
      }
    }
  }
  context.source = [&outcome, &translations](const std::string& path) -> const SourceFile* {
    if (const SourceFile* file = outcome.find_source(path)) {
      return file;
    }
    for (const auto& file : translations) {
      if (file->path() == path) {
        return file.get();
      }
    }
    return nullptr;
  };
  context.colour = *format == report::Format::text && use_colour();
  context.strict = options.strict;
  context.tool_version = LEASPEC_VERSION;
  context.help_uri = options.help_uri;
  for (const check::RuleInfo& rule : check::rules()) {
    context.rules.push_back({std::string(rule.id), std::string(rule.summary), rule.severity,
                             std::string(rule.help), std::string(rule.group)});
  }
  const std::vector<Diagnostic>& diagnostics = outcome.diagnostics.diagnostics();
  std::cout << report::render(*format, diagnostics, context);
  std::size_t errors = outcome.diagnostics.count(Severity::error);
  std::size_t warnings = outcome.diagnostics.count(Severity::warning);
  std::size_t unreadable = outcome.unreadable.size();
  if (*format == report::Format::text) {
    std::size_t checked = outcome.files.size() - unreadable;
    std::cout << fmt::format("{} file{} checked{}: {} error{}, {} warning{}\n", checked,
                             checked == 1 ? "" : "s",
                             unreadable > 0 ? fmt::format(", {} unreadable", unreadable) : "",
                             errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
  }
  std::cout.flush();
  if (unreadable > 0) {
    print_error(fmt::format("{} could not be read; the check is incomplete",
                            unreadable == 1 ? outcome.unreadable.front()
                                            : fmt::format("{} files and folders", unreadable)));
    return k_exit_failure;
  }
  // A document the schema was too costly to evaluate for was not checked: not a finding.
  bool unfinished = std::any_of(diagnostics.begin(), diagnostics.end(),
                                [](const Diagnostic& d) { return d.rule == "schema-budget"; });
  if (unfinished) {
    return k_exit_failure;
  }
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
  CLI::Option* schema =
      sub->add_option("--schema", options->schema,
                      "Validate against this JSON Schema (YAML or JSON) instead of the bundled "
                      "one; every named YAML or JSON file is then checked")
          ->type_name("FILE");
  sub->add_option("--ref", options->refs,
                  "Register this schema file by its $id (and the $ids inside it), so that the "
                  "--schema may refer to it; repeatable")
      ->check(CLI::ExistingFile)
      ->needs(schema);
  sub->add_option("--ref-dir", options->ref_dirs,
                  "Register every *.json, *.yaml and *.yml schema in this folder by its $id; "
                  "repeatable")
      ->check(CLI::ExistingDirectory)
      ->needs(schema);
  sub->add_option(
         "--max-depth", options->max_depth,
         fmt::format("Levels of nesting a document may have with --schema (default {}, "
                     "at most {}; specs nest at most {})",
                     k_general_max_depth, yaml::k_deepest_nesting, yaml::Limits{}.max_depth))
      ->check(CLI::Range(std::size_t{1}, yaml::k_deepest_nesting))
      ->needs(schema);
  sub->add_option("--max-findings", options->max_findings,
                  "Findings shown per file; a note counts the others")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1'000'000}))
      ->capture_default_str();
  sub->add_option("--jobs,-j", options->jobs,
                  "Files checked at the same time (default: one per core)")
      ->check(CLI::Range(1u, 1024u));
  sub->add_option("--help-uri", options->help_uri,
                  "Where each rule is documented, {rule} standing for its id: SARIF gives it "
                  "as the rule's helpUri")
      ->type_name("URL");
  sub->add_option("--config", options->config,
                  "Rule configuration to use instead of the nearest .leaspec.yaml")
      ->type_name("FILE");
  sub->add_option("--lang", options->languages,
                  "Check the translations into these languages (NAME.LANG.yaml beside each "
                  "spec), besides those the spec and .leaspec.yaml list")
      ->delimiter(',')
      ->type_name("CODE[,CODE...]");
  add_standard_option(*sub, options->standards);
  sub->footer(
      "Examples:\n"
      "  leaspec validate data/examples\n"
      "  leaspec validate --lang pl data/examples/body-worn-cameras.yaml\n"
      "  leaspec validate --format json specs/bwc.yaml > findings.json\n"
      "  leaspec validate --format sarif specs/ > leaspec.sarif\n"
      "  leaspec validate --format sarif --help-uri 'https://docs.example.eu/rules#{rule}' "
      "specs/\n"
      "  leaspec validate --schema national.schema.yaml specs/\n"
      "  leaspec validate --schema openapi.json --ref-dir schemas/ --max-depth 400 api.yaml\n"
      "  leaspec validate --schema swagger-2.0.json --ref draft-04.json petstore.json\n"
      "  leaspec validate --jobs 1 --max-findings 50 specs/\n"
      "  leaspec validate --config ci.leaspec.yaml specs/\n"
      "  leaspec validate --standard drafts/bwv-eu-1.1.yaml specs/bwc.yaml\n\n"
      "Exit codes: 0 valid (warnings allowed unless --strict), 1 findings, 2 usage or I/O error.");
  sub->callback([options, &exit_code] { exit_code = run_validate(*options); });
}

}  // namespace leaspec::cli
