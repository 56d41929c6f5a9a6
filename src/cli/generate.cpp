// `leaspec generate annex|standard SPEC --format FORMAT -o OUT [--lang CODE]`.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/app.hpp"
#include "cli/output.hpp"
#include "cli/progress.hpp"
#include "leaspec/check.hpp"
#include "leaspec/doc.hpp"
#include "leaspec/write.hpp"

namespace leaspec::cli {
namespace {

/// From this size on, a spec takes long enough to generate that the steps show on a terminal.
constexpr std::uintmax_t k_progress_bytes = std::uintmax_t{256} * 1024;

struct GenerateOptions {
  std::string kind;
  std::string spec;
  std::string format;
  std::string output;
  std::string language;
};

int run_generate(const GenerateOptions& options) {
  write::Format format = *write::parse_format(options.format);
  bool tabular = format == write::Format::xlsx || format == write::Format::csv;
  bool text_document = format == write::Format::docx || format == write::Format::odt;
  if ((options.kind == "matrix" && text_document) || (options.kind != "matrix" && tabular)) {
    print_error(
        fmt::format("{} cannot be written as {}: the matrix is md, html, xlsx or csv; "
                    "the annex and the standard are md, html, docx or odt",
                    options.kind, options.format));
    return k_exit_failure;
  }
  if (options.output == "-" && !write::is_text(format)) {
    print_error(
        fmt::format("{} is a binary format; write it to a file with -o FILE", options.format));
    return k_exit_failure;
  }
  std::error_code size_error;
  std::uintmax_t size = std::filesystem::file_size(options.spec, size_error);
  Progress progress(options.output != "-" && !size_error && size >= k_progress_bytes);
  progress.stage(fmt::format("checking {}", options.spec));
  std::optional<check::LoadedSpec> loaded = load_spec(options.spec);
  if (!loaded) {
    print_error(fmt::format("{} has errors; no document was written", options.spec));
    return k_exit_findings;
  }
  std::string language = options.language;
  if (language.empty()) {
    // The spec's own language when leaspec has texts for it, otherwise English.
    std::vector<std::string> known = doc::Strings::languages();
    std::string wanted = loaded->model.language.substr(0, 2);
    language = std::find(known.begin(), known.end(), wanted) != known.end() ? wanted : "en";
  }
  doc::Context context{doc::Strings::get(language), catalog::Catalogs::bundled(),
                       doc::sha256_hex(loaded->source->text()),
                       std::filesystem::path(options.spec).filename().string(),
                       write::source_date_epoch_iso()};
  progress.stage(fmt::format("building the {}", options.kind));
  doc::Document document = options.kind == "annex" ? doc::build_annex(loaded->model, context)
                           : options.kind == "standard"
                               ? doc::build_standard(loaded->model, context)
                               : doc::build_matrix(loaded->model, context);
  progress.stage(fmt::format("writing {}", options.output));
  write_output(options.output, write::render(document, format));
  return k_exit_ok;
}

}  // namespace

void setup_generate(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<GenerateOptions>();
  CLI::App* sub = app.add_subcommand(
      "generate",
      "Write a tender's technical annex, the bidders' compliance matrix or a draft "
      "standard from a spec");
  sub->add_option("KIND", options->kind,
                  "annex: the joint tender's technical specifications; matrix: the bidders' "
                  "compliance matrix; standard: a draft in CEN/ISO structure")
      ->required()
      ->check(CLI::IsMember({"annex", "matrix", "standard"}));
  sub->add_option("SPEC", options->spec, "The spec file")->required()->check(CLI::ExistingFile);
  sub->add_option("--format", options->format, "Output format")
      ->required()
      ->check(CLI::IsMember({"md", "html", "docx", "odt", "xlsx", "csv"}));
  sub->add_option("-o,--output", options->output,
                  "Output file; - for standard output (md, html, csv)")
      ->required();
  sub->add_option("--lang", options->language,
                  "Language of the fixed texts: en, nl, pl, fr or de (default: the spec's "
                  "language if leaspec has it, else en)")
      ->check(CLI::IsMember(doc::Strings::languages()));
  sub->footer(
      "Examples:\n"
      "  leaspec generate annex data/examples/body-worn-cameras.yaml --format docx -o annex.docx\n"
      "  leaspec generate standard spec.yaml --format odt --lang fr -o draft.odt\n"
      "  leaspec generate matrix spec.yaml --format xlsx -o matrix.xlsx\n"
      "  leaspec generate annex spec.yaml --format md -o -\n\n"
      "The spec must be free of errors. Files are written atomically; SOURCE_DATE_EPOCH sets\n"
      "the date written into DOCX and ODT properties, which otherwise carry none, so the same\n"
      "spec always gives the same bytes.\n"
      "Exit codes: 0 written, 1 the spec has errors, 2 usage or I/O error.");
  sub->callback([options, &exit_code] { exit_code = run_generate(*options); });
}

}  // namespace leaspec::cli
