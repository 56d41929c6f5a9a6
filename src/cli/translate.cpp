// `leaspec translate export|import --lang CODE SPEC ...`: a spec's texts to and from XLIFF 2.0
// for translators.
#include <filesystem>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/app.hpp"
#include "cli/output.hpp"
#include "leaspec/translate.hpp"

namespace leaspec::cli {
namespace {

struct TranslateOptions {
  std::string action;
  std::string language;
  std::string spec;
  std::string xliff;
  std::string output;
};

/// The spec and its tree, for the texts' positions; empty (with its findings printed) when it
/// has errors.
std::optional<check::CheckedSpec> load_spec(Session& session, const std::string& path) {
  DiagnosticSink sink;
  check::CheckedSpec checked = session.checker().load(path, sink);
  if (!sink.diagnostics().empty()) {
    print_diagnostics(sink.diagnostics(), {checked.source.get()});
  }
  if (checked.has_errors) {
    print_error(fmt::format("{} has errors; nothing was translated", path));
    return std::nullopt;
  }
  return checked;
}

/// The current translation beside the spec, if any; throws Error when it has errors.
std::optional<translate::Translation> current(const spec::Spec& spec, const std::string& language) {
  DiagnosticSink problems;
  std::optional<translate::Translation> translation =
      translate::load_beside(spec, language, problems);
  if (problems.has_errors()) {
    print_diagnostics(problems.diagnostics(), {});
    throw Error(fmt::format("the {} translation {} has errors", language,
                            translate::translation_path(spec.file, language)));
  }
  return translation;
}

int run_export(const TranslateOptions& options) {
  check_outputs({options.spec}, {{"-o", options.output}});
  Session session;
  std::optional<check::CheckedSpec> loaded = load_spec(session, options.spec);
  if (!loaded) {
    return k_exit_findings;
  }
  std::optional<translate::Translation> translation = current(*loaded->model, options.language);
  write_output(options.output,
               translate::to_xliff(*loaded->model, options.language,
                                   translation ? &*translation : nullptr, loaded->document.root));
  return k_exit_ok;
}

int run_import(const TranslateOptions& options) {
  std::string output = options.output.empty()
                           ? translate::translation_path(options.spec, options.language)
                           : options.output;
  check_outputs({options.spec, options.xliff}, {{"-o", output}});
  Session session;
  std::optional<check::CheckedSpec> loaded = load_spec(session, options.spec);
  if (!loaded) {
    return k_exit_findings;
  }
  const spec::Spec& spec = *loaded->model;
  std::optional<translate::Translation> previous = current(spec, options.language);
  SourceFile xliff(options.xliff, read_file(options.xliff, std::size_t{64} << 20));
  DiagnosticSink sink;
  std::optional<translate::Translation> translation =
      translate::from_xliff(xliff, spec, options.language, previous ? &*previous : nullptr, sink);
  if (!sink.diagnostics().empty()) {
    print_diagnostics(sink.diagnostics(), {&xliff});
  }
  if (!translation || sink.has_errors()) {
    print_error(fmt::format("{} has errors; {} was not written", options.xliff, output));
    return k_exit_findings;
  }
  write_output(output, translate::to_yaml(*translation, spec));
  std::size_t total = translate::units(spec).size();
  std::size_t translated = 0;
  for (const translate::Unit& unit : translate::units(spec)) {
    const translate::Entry* entry = translation->find(unit.key);
    if (entry && entry->hash == translate::source_hash(unit.source.value)) {
      ++translated;
    }
  }
  fmt::print(stderr, "{}: {} of {} texts translated into {}\n", output, translated, total,
             translate::language_name(options.language));
  return k_exit_ok;
}

}  // namespace

void setup_translate(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<TranslateOptions>();
  CLI::App* sub = app.add_subcommand(
      "translate",
      "Export a spec's texts to XLIFF 2.0 for translators, and import the translation");
  sub->add_option("ACTION", options->action,
                  "export: write the texts and their current translation as XLIFF; import: "
                  "read a translated XLIFF file into NAME.LANG.yaml beside the spec")
      ->required()
      ->check(CLI::IsMember({"export", "import"}));
  sub->add_option("SPEC", options->spec, "The spec file")->required()->type_name("FILE");
  sub->add_option("XLIFF", options->xliff, "import: the translated XLIFF file")->type_name("FILE");
  sub->add_option("--lang", options->language,
                  "The language translated into, a BCP 47 tag such as pl or nl-BE")
      ->required()
      ->check([](const std::string& code) {
        bool valid = code.size() >= 2 && code.size() <= 35 &&
                     std::all_of(code.begin(), code.end(), [](char c) {
                       return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                              (c >= '0' && c <= '9') || c == '-';
                     });
        return valid ? std::string() : "write a BCP 47 language tag, such as pl or nl-BE";
      })
      ->type_name("CODE");
  sub->add_option("-o,--output", options->output,
                  "export: the XLIFF file (- for standard output); import: the translation file "
                  "(default NAME.LANG.yaml beside the spec)");
  sub->footer(
      "Examples:\n"
      "  leaspec translate export --lang pl data/examples/body-worn-cameras.yaml -o bwc-pl.xlf\n"
      "  leaspec translate import --lang pl data/examples/body-worn-cameras.yaml bwc-pl.xlf\n"
      "  leaspec validate --lang pl data/examples/body-worn-cameras.yaml\n\n"
      "A translation is the file NAME.LANG.yaml beside the spec NAME.yaml: each text's key (a\n"
      "requirement's id, SECTION.title, ...) with the translated text and the hash of the\n"
      "source text it translates. export writes one XLIFF unit per text, named by its key,\n"
      "with the source's position in a note; a current translation is the target in state\n"
      "translated, a stale one in state initial. import takes every unit with a target in\n"
      "another state than initial, and keeps the other entries as they were.\n"
      "Exit codes: 0 written, 1 the spec or the XLIFF file has errors, 2 usage or I/O error.");
  sub->callback([options, &exit_code] {
    if (options->action == "export") {
      if (options->output.empty()) {
        throw CLI::RequiredError("export needs -o FILE (- for standard output)");
      }
      if (!options->xliff.empty()) {
        throw CLI::ExtrasError("export takes no XLIFF file", {options->xliff});
      }
      exit_code = run_export(*options);
    } else {
      if (options->xliff.empty()) {
        throw CLI::RequiredError("import needs the translated XLIFF file");
      }
      exit_code = run_import(*options);
    }
  });
}

}  // namespace leaspec::cli
