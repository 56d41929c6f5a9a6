// `leaspec conformance SPEC [--standard FILE] [--format text|md|html|docx|json] [-o OUT]`: how
// a spec treats every clause of the common standards it names.
#include <algorithm>
#include <filesystem>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/app.hpp"
#include "cli/output.hpp"
#include "leaspec/check/rules.hpp"
#include "leaspec/conform.hpp"
#include "leaspec/doc.hpp"
#include "leaspec/export.hpp"
#include "leaspec/write.hpp"

namespace leaspec::cli {
namespace {

struct ConformanceOptions {
  std::string spec;
  std::vector<std::string> standards;
  std::string format = "text";
  std::string output = "-";
  std::string language = "en";
};

/// Whether a finding stops the report: an error that is not one of conformance, which the
/// report itself shows.
bool stops_report(const Diagnostic& d) {
  const check::RuleInfo* rule = check::find_rule(d.rule);
  return d.severity == Severity::error && (!rule || rule->group != "conformance");
}

int run_conformance(const ConformanceOptions& options) {
  std::optional<write::Format> format = write::parse_format(options.format);
  if (!can_write_to(options.output, format, options.format)) {
    return k_exit_failure;
  }
  std::vector<std::string> inputs = options.standards;
  inputs.push_back(options.spec);
  check_outputs(inputs, {{"-o", options.output}});
  check::Options check_options;
  check_options.standard_files = options.standards;
  Session session(check_options);
  DiagnosticSink sink;
  check::CheckedSpec checked = session.checker().load(options.spec, sink);
  print_diagnostics(sink.diagnostics(), {checked.source.get()});
  const std::vector<Diagnostic>& found = sink.diagnostics();
  if (!checked.model || std::any_of(found.begin(), found.end(), stops_report)) {
    print_error(fmt::format("{} has errors; no conformance report was written", options.spec));
    return k_exit_findings;
  }
  const spec::Spec& spec = *checked.model;
  if (spec.conforms_to.empty()) {
    print_error(fmt::format("{} names no standard in conforms_to; there is nothing to compare",
                            options.spec));
    return k_exit_findings;
  }
  const check::Config& config = session.checker().config_for(options.spec);
  conform::Library library = session.checker().standards_for(config);
  conform::Report report = conform::evaluate(spec, library, config.units());
  if (!format) {
    write_output(options.output, exports::conformance_json(spec, report));
  } else {
    doc::Context context{doc::Strings::get(options.language), config.catalogs_or_bundled(),
                         text::sha256_hex(checked.source->text()),
                         std::filesystem::path(options.spec).filename().string(), session.time()};
    write_output(options.output,
                 write::render(doc::build_conformance(spec, report, context), *format));
  }
  return report.fails() ? k_exit_findings : k_exit_ok;
}

}  // namespace

void add_standard_option(CLI::App& sub, std::vector<std::string>& files) {
  sub.add_option("--standard", files,
                 "A common standard (a spec with a standard: block) that conforms_to may name, "
                 "found before the standards_path folders of .leaspec.yaml and the bundled "
                 "standards; repeatable")
      ->check(CLI::ExistingFile)
      ->type_name("FILE");
}

void setup_conformance(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ConformanceOptions>();
  CLI::App* sub = app.add_subcommand(
      "conformance", "Show how a spec implements each clause of the common standards it names");
  sub->add_option("SPEC", options->spec, "The spec file")->required()->type_name("FILE");
  add_standard_option(*sub, options->standards);
  sub->add_option(
         "--format", options->format,
         fmt::format("{}: a report in any of these formats, or json for tools",
                     fmt::join(format_names_and_json(doc::DocumentKind::conformance), ", ")))
      ->check(CLI::IsMember(format_names_and_json(doc::DocumentKind::conformance)))
      ->capture_default_str();
  sub->add_option("-o,--output", options->output,
                  "Output file; - for standard output (text, md, html, json)")
      ->capture_default_str();
  sub->add_option("--lang", options->language,
                  fmt::format("Language of the report's fixed texts: {}",
                              fmt::join(doc::Strings::languages(), ", ")))
      ->check(CLI::IsMember(doc::Strings::languages()))
      ->capture_default_str();
  sub->footer(
      "Examples:\n"
      "  leaspec conformance data/examples/body-worn-cameras.yaml\n"
      "  leaspec conformance tender.yaml --standard drafts/bwv-eu.yaml --format docx -o "
      "conformance.docx\n"
      "  leaspec conformance tender.yaml --format json -o conformance.json\n\n"
      "Each clause of a standard in conforms_to is implemented by the requirements that name\n"
      "it in implements, else by those whose metric has its parameter. Verdicts: meets,\n"
      "tightens, weakens, missing (a mandatory clause), left-out (a recommended or optional\n"
      "one). Bounds compare after unit conversion. Findings also go to standard error.\n"
      "Exit codes: 0 the spec conforms, 1 a clause is weakened or missing, a standard is not\n"
      "known or the spec has other errors, 2 usage or I/O error.");
  sub->callback([options, &exit_code] { exit_code = run_conformance(*options); });
}

}  // namespace leaspec::cli
