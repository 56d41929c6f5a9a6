// `leaspec generate annex|matrix|standard SPEC --format FORMAT -o OUT [--lang CODE]`.
#include <filesystem>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/app.hpp"
#include "cli/output.hpp"
#include "cli/progress.hpp"
#include "leaspec/doc.hpp"
#include "leaspec/translate.hpp"
#include "leaspec/write.hpp"

namespace leaspec::cli {
namespace {

constexpr doc::DocumentKind k_kinds[] = {doc::DocumentKind::annex, doc::DocumentKind::matrix,
                                         doc::DocumentKind::standard};

/// From this size on, a spec takes long enough to generate that the steps show on a terminal.
constexpr std::uintmax_t k_progress_bytes = std::uintmax_t{256} * 1024;

struct GenerateOptions {
  std::string kind;
  std::string spec;
  std::string format;
  std::string output;
  std::string language;
  std::vector<std::string> standards;
};

/// The formats of every kind `generate` writes, each once, in a stable order.
std::vector<std::string> all_format_names() {
  std::vector<std::string> names;
  for (doc::DocumentKind kind : k_kinds) {
    for (const std::string& format : write::format_names(kind)) {
      if (std::find(names.begin(), names.end(), format) == names.end()) {
        names.push_back(format);
      }
    }
  }
  return names;
}

std::string formats_help() {
  std::string text;
  for (doc::DocumentKind kind : k_kinds) {
    text += fmt::format("{}{} {}", text.empty() ? "" : "; ", doc::name(kind),
                        fmt::join(write::format_names(kind), ", "));
  }
  return text;
}

/// The languages --lang names: one, or two joined by a comma; empty when it names none.
std::vector<std::string> languages_of(const std::string& option) {
  std::vector<std::string> codes;
  std::size_t start = 0;
  while (start <= option.size() && !option.empty()) {
    std::size_t comma = std::min(option.find(',', start), option.size());
    codes.push_back(option.substr(start, comma - start));
    start = comma + 1;
  }
  return codes;
}

/// A check of --lang: one or two languages leaspec has fixed texts for.
std::string check_languages(const std::string& option) {
  std::vector<std::string> codes = languages_of(option);
  std::vector<std::string> known = doc::Strings::languages();
  if (codes.size() > 2) {
    return "name one language, or two joined by a comma (pl,en)";
  }
  for (const std::string& code : codes) {
    if (std::find(known.begin(), known.end(), code) == known.end()) {
      return fmt::format("leaspec has no texts for \"{}\"; it has {}", code,
                         fmt::join(known, ", "));
    }
  }
  if (codes.size() == 2 && codes[0] == codes[1]) {
    return "name two different languages";
  }
  return "";
}

/// The language of the fixed texts: --lang, else the spec's own when leaspec has it, else en.
std::string language_for(const GenerateOptions& options, const spec::Spec& spec) {
  if (!options.language.empty()) {
    return languages_of(options.language).front();
  }
  std::vector<std::string> known = doc::Strings::languages();
  std::string wanted = spec.language.substr(0, 2);
  return std::find(known.begin(), known.end(), wanted) != known.end() ? wanted : "en";
}

doc::Document build(doc::DocumentKind kind, const spec::Spec& spec, const doc::Context& context) {
  switch (kind) {
    case doc::DocumentKind::annex:
      return doc::build_annex(spec, context);
    case doc::DocumentKind::standard:
      return doc::build_standard(spec, context);
    default:
      return doc::build_matrix(spec, context);
  }
}

int run_generate(const GenerateOptions& options) {
  doc::DocumentKind kind = *doc::parse_kind(options.kind);
  std::optional<write::Format> format = write::parse_format(options.format);
  std::vector<std::string> allowed = write::format_names(kind);
  if (!format || std::find(allowed.begin(), allowed.end(), options.format) == allowed.end()) {
    print_error(fmt::format("{} cannot be written as {}; the formats are: {}", options.kind,
                            options.format, formats_help()));
    return k_exit_failure;
  }
  if (options.output == "-" && !write::is_text(*format)) {
    print_error(
        fmt::format("{} is a binary format; write it to a file with -o FILE", options.format));
    return k_exit_failure;
  }
  check_outputs({options.spec}, {{"-o", options.output}});
  std::error_code size_error;
  std::uintmax_t size = std::filesystem::file_size(options.spec, size_error);
  Progress progress(options.output != "-" && !size_error && size >= k_progress_bytes);
  progress.stage(fmt::format("checking {}", options.spec));
  check::Options check_options;
  check_options.standard_files = options.standards;
  Session session(check_options);
  std::optional<check::CheckedSpec> loaded = session.load(options.spec);
  if (!loaded) {
    print_error(fmt::format("{} has errors; no document was written", options.spec));
    return k_exit_findings;
  }
  std::string digest = text::sha256_hex(loaded->source->text());
  // The documents are built from the model alone: the tree and the text go before they are.
  loaded->document = yaml::Document{};
  loaded->source.reset();
  doc::Context context{doc::Strings::get(language_for(options, *loaded->model)),
                       catalog::Catalogs::bundled(), digest,
                       std::filesystem::path(options.spec).filename().string(), session.time()};
  // With --lang, the spec's texts come from its translations beside it.
  std::vector<translate::Translation> translations;
  std::optional<translate::Rendering> rendering;
  if (!options.language.empty()) {
    std::vector<std::string> codes = languages_of(options.language);
    translations.reserve(codes.size());
    std::vector<std::pair<std::string, const translate::Translation*>> languages;
    for (const std::string& code : codes) {
      DiagnosticSink problems;
      std::optional<translate::Translation> found =
          code == loaded->model->language ? std::nullopt
                                          : translate::load_beside(*loaded->model, code, problems);
      if (problems.has_errors()) {
        print_diagnostics(problems.diagnostics(), {});
        print_error(fmt::format("the {} translation has errors; no document was written", code));
        return k_exit_findings;
      }
      if (found) {
        translations.push_back(std::move(*found));
      }
      languages.emplace_back(code, found ? &translations.back() : nullptr);
    }
    rendering.emplace(*loaded->model, std::move(languages));
    context.rendering = &*rendering;
  }
  // The annex states the spec's conformance to the standards it names.
  const check::Config& config = session.checker().config_for(options.spec);
  conform::Library standards;
  conform::Report conformance;
  if (kind == doc::DocumentKind::annex && !loaded->model->conforms_to.empty()) {
    standards = session.checker().standards_for(config);
    conformance = conform::evaluate(*loaded->model, standards, config.units());
    context.conformance = &conformance;
  }
  progress.stage(fmt::format("building the {}", options.kind));
  doc::Document document = build(kind, *loaded->model, context);
  progress.stage(fmt::format("writing {}", options.output));
  write_output(options.output, write::render(document, *format));
  return k_exit_ok;
}

}  // namespace

void setup_generate(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<GenerateOptions>();
  CLI::App* sub = app.add_subcommand(
      "generate",
      "Write a tender's technical annex, the bidders' compliance matrix or a draft "
      "standard from a spec");
  std::vector<std::string> kinds;
  for (doc::DocumentKind kind : k_kinds) {
    kinds.emplace_back(doc::name(kind));
  }
  sub->add_option("KIND", options->kind,
                  "annex: the joint tender's technical specifications; matrix: the bidders' "
                  "compliance matrix; standard: a draft in CEN/ISO structure")
      ->required()
      ->check(CLI::IsMember(kinds));
  sub->add_option("SPEC", options->spec, "The spec file")->required()->type_name("FILE");
  sub->add_option("--format", options->format, "Output format: " + formats_help())
      ->required()
      ->check(CLI::IsMember(all_format_names()));
  sub->add_option("-o,--output", options->output,
                  "Output file; - for standard output (md, html, csv)")
      ->required();
  sub->add_option(
         "--lang", options->language,
         fmt::format("Language of the document: {}; the spec's texts come from its translation "
                     "NAME.LANG.yaml, the source text marked where one is missing. Two languages "
                     "joined by a comma (pl,en) give each text in both, the second in italics "
                     "(default: the fixed texts in the spec's language if leaspec has it, else "
                     "en, and the texts as written)",
                     fmt::join(doc::Strings::languages(), ", ")))
      ->check(check_languages)
      ->type_name(fmt::format("{{{}}}", fmt::join(doc::Strings::languages(), ",")));
  add_standard_option(*sub, options->standards);
  sub->footer(
      "Examples:\n"
      "  leaspec generate annex data/examples/body-worn-cameras.yaml --format docx -o annex.docx\n"
      "  leaspec generate standard spec.yaml --format odt --lang fr -o draft.odt\n"
      "  leaspec generate matrix spec.yaml --format xlsx -o matrix.xlsx\n"
      "  leaspec generate annex spec.yaml --format pdf -o annex.pdf\n"
      "  leaspec generate annex spec.yaml --format md -o -\n"
      "  leaspec generate annex data/examples/body-worn-cameras.yaml --format docx --lang pl -o "
      "zalacznik.docx\n"
      "  leaspec generate annex spec.yaml --format docx --lang pl,en -o annex-pl-en.docx\n\n"
      "The spec must be free of errors. Files are written atomically; SOURCE_DATE_EPOCH sets\n"
      "the date written into DOCX, ODT and XLSX properties, which otherwise carry none, so the\n"
      "same spec always gives the same bytes. PDF is made by LibreOffice (soffice on the PATH;\n"
      "packages libreoffice-writer-nogui, and libreoffice-calc-nogui for the matrix).\n"
      "Exit codes: 0 written, 1 the spec has errors, 2 usage or I/O error.");
  sub->callback([options, &exit_code] { exit_code = run_generate(*options); });
}

}  // namespace leaspec::cli
