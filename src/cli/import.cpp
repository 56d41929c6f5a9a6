// `leaspec import reqif FILE -o SPEC [--map FILE]` and `leaspec import answers MATRIX...`:
// specs from requirements tools, and bidders' answers from filled-in compliance matrices.
#include <filesystem>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/app.hpp"
#include "cli/output.hpp"
#include "leaspec/import.hpp"
#include "leaspec/write.hpp"

namespace leaspec::cli {
namespace {

/// The largest ReqIF file or archive read.
constexpr std::size_t k_max_reqif_bytes = 256u << 20;

struct ReqifOptions {
  std::string file;
  std::string output;
  std::string map;
};

struct AnswersOptions {
  std::vector<std::string> matrices;
  std::string format = "text";
  std::string output = "-";
  std::string language = "en";
};

/// The ReqIF text of a .reqif file, or of the one .reqif inside a .reqifz archive.
std::string reqif_text(const std::string& path) {
  std::string bytes = read_file(path, k_max_reqif_bytes);
  if (std::filesystem::path(path).extension() == ".reqifz" || bytes.rfind("PK\x03\x04", 0) == 0) {
    return import::reqif_from_archive(std::move(bytes), path);
  }
  return bytes;
}

int run_import_reqif(const ReqifOptions& options) {
  import::ReqifMap map;
  if (!options.map.empty()) {
    DiagnosticSink sink;
    std::optional<import::ReqifMap> loaded = import::load_reqif_map(options.map, sink);
    print_diagnostics(sink.diagnostics(), {});
    if (!loaded) {
      print_error(fmt::format("the mapping file {} is invalid", options.map));
      return k_exit_failure;
    }
    map = std::move(*loaded);
  }
  Session session;
  SourceFile reqif(options.file, reqif_text(options.file));
  DiagnosticSink findings;
  std::optional<import::ReqifImport> imported = import::from_reqif(reqif, map, findings);
  findings.sort_by_position();
  print_diagnostics(findings.diagnostics(), {&reqif});
  if (!imported) {
    print_error(fmt::format("{} cannot be imported", options.file));
    return k_exit_findings;
  }
  std::string name = std::filesystem::path(options.file).filename().string();
  std::string yaml =
      spec::to_yaml(imported->spec, fmt::format("Imported from {} by leaspec import reqif", name));
  // The imported spec goes through the pipeline like any other before it is written.
  auto result =
      std::make_shared<SourceFile>(options.output == "-" ? "<output>" : options.output, yaml);
  DiagnosticSink checked;
  check::CheckedSpec spec = session.checker().check(result, checked);
  checked.sort_by_position();
  print_diagnostics(checked.diagnostics(), {result.get()});
  if (spec.has_errors || !spec.model) {
    print_error(
        fmt::format("the spec imported from {} has errors; nothing was written", options.file));
    return k_exit_findings;
  }
  write_output(options.output, yaml);
  const import::ReqifCounts& counts = imported->counts;
  fmt::print(stderr, "leaspec: imported {} requirement{} in {} section{} and {} relation{}{}\n",
             counts.requirements, counts.requirements == 1 ? "" : "s", counts.sections,
             counts.sections == 1 ? "" : "s", counts.relations, counts.relations == 1 ? "" : "s",
             options.output == "-" ? "" : " into " + options.output);
  return k_exit_ok;
}

int run_import_answers(const AnswersOptions& options) {
  std::optional<write::Format> format = write::parse_format(options.format);
  if (!can_write_to(options.output, format, options.format)) {
    return k_exit_failure;
  }
  Session session;
  std::vector<import::BidderAnswers> bidders;
  DiagnosticSink findings;
  for (const std::string& path : options.matrices) {
    bidders.push_back(import::read_answers(path, findings));
  }
  print_diagnostics(findings.diagnostics(), {});
  if (findings.has_errors()) {
    print_error("a matrix cannot be read; nothing was written");
    return k_exit_findings;
  }
  if (!format) {
    write_output(options.output, import::evaluation_json(bidders));
  } else {
    doc::Context context{doc::Strings::get(options.language), catalog::Catalogs::bundled(), "", "",
                         session.time()};
    write_output(options.output,
                 write::render(import::build_evaluation(bidders, context), *format));
  }
  bool all_met = std::all_of(bidders.begin(), bidders.end(), [](const auto& bidder) {
    return import::mandatory_not_met(bidder).empty();
  });
  return all_met ? k_exit_ok : k_exit_findings;
}

void setup_import_reqif(CLI::App& parent, int& exit_code) {
  auto options = std::make_shared<ReqifOptions>();
  CLI::App* sub = parent.add_subcommand("reqif", "Import ReqIF 1.0 (.reqif, .reqifz) as a spec");
  sub->add_option("FILE", options->file, "The ReqIF file or .reqifz archive")
      ->required()
      ->check(CLI::ExistingFile);
  sub->add_option("-o,--output", options->output, "The spec to write; - for standard output")
      ->required();
  sub->add_option("--map", options->map,
                  "A mapping file for one tool's attribute names and values (YAML; "
                  "leaspec schema reqif-map)")
      ->check(CLI::ExistingFile);
  sub->footer(
      "Examples:\n"
      "  leaspec import reqif doors-export.reqifz -o bwc.yaml\n"
      "  leaspec import reqif polarion.reqif --map polarion-map.yaml -o anpr.yaml\n\n"
      "Every attribute, value and object that does not map is reported. The spec is checked\n"
      "like any other before it is written; with errors, nothing is written.\n"
      "Exit codes: 0 written, 1 the file is not ReqIF or the spec has errors, 2 usage or I/O\n"
      "error (including an invalid mapping file).");
  sub->callback([options, &exit_code] { exit_code = run_import_reqif(*options); });
}

void setup_import_answers(CLI::App& parent, int& exit_code) {
  auto options = std::make_shared<AnswersOptions>();
  CLI::App* sub = parent.add_subcommand(
      "answers", "Read bidders' filled-in compliance matrices (XLSX) and evaluate them");
  sub->add_option("MATRIX", options->matrices,
                  "The bidders' matrices; each file's name (without extension) names the bidder")
      ->required()
      ->check(CLI::ExistingFile);
  sub->add_option(
         "--format", options->format,
         fmt::format("{}: the evaluation in any of these formats, or json for tools",
                     fmt::join(format_names_and_json(doc::DocumentKind::evaluation), ", ")))
      ->check(CLI::IsMember(format_names_and_json(doc::DocumentKind::evaluation)))
      ->capture_default_str();
  sub->add_option("-o,--output", options->output,
                  "Output file; - for standard output (text, csv, md, html, json)")
      ->capture_default_str();
  sub->add_option("--lang", options->language,
                  fmt::format("Language of the evaluation's fixed texts: {}",
                              fmt::join(doc::Strings::languages(), ", ")))
      ->check(CLI::IsMember(doc::Strings::languages()))
      ->capture_default_str();
  sub->footer(
      "Examples:\n"
      "  leaspec import answers acme.xlsx globex.xlsx\n"
      "  leaspec import answers bids/*.xlsx --format xlsx -o evaluation.xlsx\n\n"
      "Lists, per bidder, the mandatory requirements answered Not compliant or left empty.\n"
      "Exit codes: 0 every bidder meets every mandatory requirement, 1 one does not or a\n"
      "matrix cannot be read, 2 usage or I/O error.");
  sub->callback([options, &exit_code] { exit_code = run_import_answers(*options); });
}

}  // namespace

void setup_import(CLI::App& app, int& exit_code) {
  CLI::App* sub = app.add_subcommand(
      "import", "Import a spec from ReqIF, or bidders' answers from compliance matrices");
  sub->require_subcommand(1);
  sub->footer(
      "Examples:\n"
      "  leaspec import reqif doors-export.reqifz -o bwc.yaml\n"
      "  leaspec import answers acme.xlsx globex.xlsx --format xlsx -o evaluation.xlsx\n\n"
      "See leaspec import reqif --help and leaspec import answers --help.");
  setup_import_reqif(*sub, exit_code);
  setup_import_answers(*sub, exit_code);
}

}  // namespace leaspec::cli
