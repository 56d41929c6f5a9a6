// `leaspec merge SPEC... -o JOINT [--report FILE] [--prefer strictest|first|fail] [--lead ID]`.
#include <algorithm>
#include <filesystem>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/app.hpp"
#include "cli/output.hpp"
#include "leaspec/doc.hpp"
#include "leaspec/export.hpp"
#include "leaspec/joint.hpp"
#include "leaspec/write.hpp"

namespace leaspec::cli {
namespace {

struct MergeOptions {
  std::vector<std::string> specs;
  std::string output;
  std::string report;
  std::string prefer = "fail";
  std::string lead;
};

/// Loads every spec through one session; prints their findings and returns nothing when one
/// has errors.
std::optional<std::vector<check::CheckedSpec>> load_all(Session& session,
                                                        const std::vector<std::string>& paths) {
  std::vector<check::CheckedSpec> loaded;
  bool ok = true;
  for (const std::string& path : paths) {
    auto spec = session.load(path);
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

/// Writes the merge report in the format its file name asks for.
void write_report(const std::string& path, const joint::MergeResult& result,
                  const Session& session) {
  if (std::filesystem::path(path).extension() == ".json") {
    write_output(path, exports::merge_report_json(result));
    return;
  }
  write::Format format =
      write::format_for_file(doc::DocumentKind::merge_report, path).value_or(write::Format::md);
  doc::Context context{doc::Strings::get("en"), catalog::Catalogs::bundled(), "", "",
                       session.time()};
  write_output(path, write::render(doc::build_merge_report(result, context), format));
}

/// The configurations the joint spec must pass: every input's and the one where it is
/// written, each once.
std::vector<const check::Config*> configs_for(const check::Checker& checker,
                                              const std::vector<std::string>& inputs,
                                              const std::string& output) {
  std::vector<const check::Config*> configs;
  std::vector<std::string> paths = inputs;
  paths.push_back(output == "-" ? "joint.yaml" : output);
  for (const std::string& path : paths) {
    const check::Config* config = &checker.config_for(path);
    if (std::find(configs.begin(), configs.end(), config) == configs.end()) {
      configs.push_back(config);
    }
  }
  return configs;
}

/// Takes the joint spec through the whole pipeline with each configuration; prints what it
/// finds at the input lines that caused it and returns whether it is free of errors.
bool joint_spec_is_valid(Session& session, const joint::MergeResult& result,
                         const std::shared_ptr<const SourceFile>& source,
                         const MergeOptions& options,
                         const std::vector<const SourceFile*>& inputs) {
  const std::string& name = source->path();
  std::vector<Diagnostic> found;
  for (const check::Config* config : configs_for(session.checker(), options.specs, name)) {
    DiagnosticSink sink;
    check::CheckedSpec checked = session.checker().check(source, *config, sink);
    for (const Diagnostic& d :
         joint::trace(result, checked.model ? &*checked.model : nullptr, sink.diagnostics())) {
      bool repeated = std::any_of(found.begin(), found.end(), [&](const Diagnostic& seen) {
        return seen.message == d.message && seen.position == d.position && seen.file == d.file;
      });
      if (d.severity == Severity::error && !repeated) {
        found.push_back(d);
      }
    }
  }
  if (found.empty()) {
    return true;
  }
  std::vector<const SourceFile*> sources = inputs;
  sources.push_back(source.get());
  print_diagnostics(found, sources);
  print_error(fmt::format("the joint spec would have {} error{}; nothing was written", found.size(),
                          found.size() == 1 ? "" : "s"));
  return false;
}

int run_merge(const MergeOptions& options) {
  std::vector<OutputPath> outputs{{"-o", options.output}};
  if (!options.report.empty()) {
    outputs.push_back({"--report", options.report});
  }
  check_outputs(options.specs, outputs);
  Session session;
  auto loaded = load_all(session, options.specs);
  if (!loaded) {
    return k_exit_findings;
  }
  std::vector<const spec::Spec*> specs;
  std::vector<const SourceFile*> sources;
  for (check::CheckedSpec& spec : *loaded) {
    specs.push_back(&*spec.model);
    sources.push_back(spec.source.get());
  }
  joint::MergeOptions merge_options;
  merge_options.prefer = options.prefer == "strictest" ? joint::Prefer::strictest
                         : options.prefer == "first"   ? joint::Prefer::first
                                                       : joint::Prefer::fail;
  merge_options.lead = options.lead;
  const catalog::Units& units = session.checker().config_for(options.specs.front()).units();
  joint::MergeResult result = joint::merge(specs, merge_options, units);
  // From here on the inputs are needed only for their lines: the joint spec holds what it
  // took from them, and their models are the largest thing in memory.
  specs.clear();
  for (check::CheckedSpec& spec : *loaded) {
    spec.model.reset();
  }
  return_freed_memory();
  if (!options.report.empty()) {
    write_report(options.report, result, session);
  }
  print_diagnostics(joint::conflict_diagnostics(result), sources);
  if (result.conflicts() > 0) {
    print_error(fmt::format("{} conflict{}; no joint spec was written{}", result.conflicts(),
                            result.conflicts() == 1 ? "" : "s",
                            options.prefer == "fail"
                                ? " (--prefer strictest or first settles what can be settled)"
                                : ""));
    return k_exit_findings;
  }
  std::string joint_text = joint::to_yaml(result);
  // The text grew by doubling; it is kept while the joint spec is checked.
  joint_text.shrink_to_fit();
  auto joint_source = std::make_shared<const SourceFile>(
      options.output == "-" ? "joint.yaml" : options.output, std::move(joint_text));
  // Tracing the joint spec's findings needs only where its parts came from; the check
  // builds a model of its own from the text, so the one it was written from can go.
  {
    spec::Spec released = std::move(result.joint);
    std::vector<joint::Finding> findings = std::move(result.findings);
    std::map<std::string, std::vector<std::string>> coverage = std::move(result.coverage);
  }
  return_freed_memory();
  if (!joint_spec_is_valid(session, result, joint_source, options, sources)) {
    return k_exit_findings;
  }
  write_output(options.output, joint_source->text());
  return k_exit_ok;
}

}  // namespace

void setup_merge(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<MergeOptions>();
  CLI::App* sub = app.add_subcommand("merge", "Merge several agencies' specs into one joint spec");
  sub->add_option("SPEC", options->specs, "The specs, in order of precedence")
      ->required()
      ->type_name("FILE");
  sub->add_option("-o,--output", options->output, "The joint spec to write; - for standard output")
      ->required();
  sub->add_option(
      "--report", options->report,
      fmt::format("Write every conflict and decision and a coverage table; the "
                  "extension picks the format: {}, json (default md)",
                  fmt::join(write::format_names(doc::DocumentKind::merge_report), ", ")));
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
