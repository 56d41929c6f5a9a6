// `leaspec diff OLD NEW [--format text|md|html|docx|odt|json] [-o OUT]`: what changed, for a
// corrigendum.
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

struct DiffOptions {
  std::string before;
  std::string after;
  std::string format = "text";
  std::string output = "-";
  std::string language = "en";
};

int run_diff(const DiffOptions& options) {
  std::optional<write::Format> format = write::parse_format(options.format);
  if (!can_write_to(options.output, format, options.format)) {
    return k_exit_failure;
  }
  check_outputs({options.before, options.after}, {{"-o", options.output}});
  Session session;
  std::optional<check::CheckedSpec> specs[2];
  const std::string* paths[2] = {&options.before, &options.after};
  for (int i = 0; i < 2; ++i) {
    specs[i] = session.load(*paths[i]);
    if (!specs[i]) {
      print_error(fmt::format("{} has errors; it cannot be compared", *paths[i]));
      return k_exit_failure;
    }
  }
  const spec::Spec& before = *specs[0]->model;
  const spec::Spec& after = *specs[1]->model;
  std::vector<joint::Change> changes =
      joint::diff(before, after, session.checker().config_for(options.after).units());
  if (!format) {
    write_output_with(options.output,
                      [&](const text::Sink& sink) { exports::write_diff_json(changes, sink); });
  } else {
    doc::Context context{doc::Strings::get(options.language), catalog::Catalogs::bundled(), "", "",
                         session.time()};
    doc::Document document = doc::build_corrigendum(changes, before, after, context);
    write_output(options.output, write::render(document, *format));
  }
  return changes.empty() ? k_exit_ok : k_exit_findings;
}

}  // namespace

void setup_diff(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<DiffOptions>();
  CLI::App* sub = app.add_subcommand("diff", "Show what changed between two versions of a spec");
  sub->add_option("OLD", options->before, "The earlier version")->required()->type_name("FILE");
  sub->add_option("NEW", options->after, "The later version")->required()->type_name("FILE");
  sub->add_option(
         "--format", options->format,
         fmt::format("{}: a corrigendum notice in any of these formats, or json for "
                     "tools",
                     fmt::join(format_names_and_json(doc::DocumentKind::corrigendum), ", ")))
      ->check(CLI::IsMember(format_names_and_json(doc::DocumentKind::corrigendum)))
      ->capture_default_str();
  sub->add_option("-o,--output", options->output,
                  "Output file; - for standard output (text, md, html, json)")
      ->capture_default_str();
  sub->add_option("--lang", options->language,
                  fmt::format("Language of the corrigendum's fixed texts: {}",
                              fmt::join(doc::Strings::languages(), ", ")))
      ->check(CLI::IsMember(doc::Strings::languages()))
      ->capture_default_str();
  sub->footer(
      "Examples:\n"
      "  leaspec diff v1/bwc.yaml v2/bwc.yaml\n"
      "  leaspec diff v1/bwc.yaml v2/bwc.yaml --format docx -o corrigendum.docx\n"
      "  leaspec diff v1/bwc.yaml v2/bwc.yaml --format json > changes.json\n\n"
      "Exit codes: 0 the versions are equal, 1 they differ (like diff), 2 an error, including\n"
      "a version with errors.");
  sub->callback([options, &exit_code] { exit_code = run_diff(*options); });
}

}  // namespace leaspec::cli
