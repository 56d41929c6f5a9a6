// `leaspec export json|reqif|ocds SPEC -o OUT`: data exports for other systems.
#include <filesystem>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/app.hpp"
#include "cli/output.hpp"
#include "leaspec/export.hpp"
#include "leaspec/import.hpp"
#include "leaspec/write.hpp"
#include "write/zip.hpp"

namespace leaspec::cli {
namespace {

struct ExportOptions {
  std::string kind;
  std::string spec;
  std::string output;
  std::string ocid_prefix;
  std::string ocds_version = "1.1";
  std::string since;
};

/// The change times of a spec's objects: from git where it knows them, else
/// SOURCE_DATE_EPOCH when set, else the file's modification time.
exports::ChangeTimes change_times(const check::CheckedSpec& loaded, const Session& session,
                                  const exports::Source& source) {
  std::string fallback = session.time().seconds ? session.time().iso8601()
                                                : exports::modification_time(loaded.source->path());
  if (fallback.empty()) {
    fallback = source.timestamp;
  }
  return exports::change_times(*loaded.model, *loaded.source, fallback);
}

/// The change times a ReqIF export states: with --since, an earlier export's for every
/// object that did not change.
exports::ChangeTimes reqif_times(const ExportOptions& options, const check::CheckedSpec& loaded,
                                 const Session& session, const exports::Source& source) {
  exports::ChangeTimes times = change_times(loaded, session, source);
  if (options.since.empty()) {
    return times;
  }
  std::string earlier = read_file(options.since, 256u << 20);
  if (std::filesystem::path(options.since).extension() == ".reqifz" ||
      earlier.rfind("PK\x03\x04", 0) == 0) {
    earlier = import::reqif_from_archive(std::move(earlier), options.since);
  }
  return exports::reqif_times_since(*loaded.model, source, std::move(times), earlier,
                                    options.since);
}

/// Writes the ReqIF export as it is produced, into the file or into the one entry of a
/// .reqifz archive.
void write_reqif(const ExportOptions& options, const check::CheckedSpec& loaded,
                 const Session& session, const exports::Source& source, bool zipped) {
  exports::ChangeTimes times = reqif_times(options, loaded, session, source);
  if (!zipped) {
    write_output_with(options.output, [&](const text::Sink& sink) {
      exports::write_reqif(*loaded.model, source, times, sink);
    });
    return;
  }
  write::ZipWriter zip(session.time());
  zip.open(std::filesystem::path(options.output).stem().string() + ".reqif");
  exports::write_reqif(*loaded.model, source, times,
                       [&zip](std::string_view bytes) { zip.write(bytes); });
  write_output(options.output, zip.finish());
}

int run_export(const ExportOptions& options) {
  if (options.kind == "ocds" && options.ocid_prefix.empty()) {
    print_error(
        "an OCDS export needs --ocid-prefix, the publisher's registered prefix "
        "(for example ocds-a1b2c3)");
    return k_exit_failure;
  }
  bool zipped =
      options.kind == "reqif" && std::filesystem::path(options.output).extension() == ".reqifz";
  if (zipped && options.output == "-") {
    print_error("a .reqifz archive must be written to a file");
    return k_exit_failure;
  }
  check_outputs({options.spec}, {{"-o", options.output}});
  Session session;
  std::optional<check::CheckedSpec> loaded = session.load(options.spec);
  if (!loaded) {
    print_error(fmt::format("{} has errors; nothing was exported", options.spec));
    return k_exit_findings;
  }
  const spec::Spec& model = *loaded->model;
  std::string name = std::filesystem::path(options.spec).filename().string();
  exports::Source source{name, text::sha256_hex(loaded->source->text()),
                         exports::export_timestamp(model, session.time())};
  const catalog::Catalogs& catalogs = catalog::Catalogs::bundled();
  if (options.kind == "reqif") {
    write_reqif(options, *loaded, session, source, zipped);
    return k_exit_ok;
  }
  std::string bytes;
  if (options.kind == "json") {
    bytes = exports::to_json(model, source, catalogs);
  } else {
    bytes = exports::to_ocds(
        model, source, options.ocid_prefix, catalogs,
        options.ocds_version == "1.2" ? exports::OcdsVersion::v1_2 : exports::OcdsVersion::v1_1);
  }
  write_output(options.output, bytes);
  return k_exit_ok;
}

}  // namespace

void setup_export(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ExportOptions>();
  CLI::App* sub =
      app.add_subcommand("export", "Export a spec as normalised JSON, ReqIF or an OCDS release");
  sub->add_option("KIND", options->kind,
                  "json: the normalised spec; reqif: ReqIF 1.0 for requirements tools (.reqifz "
                  "zips it); ocds: an Open Contracting release of the tender")
      ->required()
      ->check(CLI::IsMember({"json", "reqif", "ocds"}));
  sub->add_option("SPEC", options->spec, "The spec file")->required()->type_name("FILE");
  sub->add_option("-o,--output", options->output, "Output file; - for standard output")->required();
  sub->add_option("--ocid-prefix", options->ocid_prefix,
                  "The publisher's registered OCDS prefix (ocds only)");
  sub->add_option("--ocds-version", options->ocds_version,
                  "The OCDS version to follow (ocds only): 1.1, or 1.2, which adds "
                  "address.country")
      ->check(CLI::IsMember({"1.1", "1.2"}))
      ->capture_default_str();
  sub->add_option("--since", options->since,
                  "An earlier ReqIF export of the spec (reqif only): objects whose values did "
                  "not change keep its LAST-CHANGE")
      ->check(CLI::ExistingFile);
  sub->footer(
      "Examples:\n"
      "  leaspec export json data/examples/anpr.yaml -o anpr.json\n"
      "  leaspec export reqif data/examples/anpr.yaml -o anpr.reqifz\n"
      "  leaspec export reqif anpr.yaml --since anpr-v1.reqif -o anpr-v2.reqif\n"
      "  leaspec export ocds data/examples/anpr.yaml --ocid-prefix ocds-a1b2c3 -o release.json\n\n"
      "The spec must be free of errors. The same spec gives identical bytes: times come from\n"
      "SOURCE_DATE_EPOCH, else the spec's date. A ReqIF object's LAST-CHANGE is the time of\n"
      "the last commit that changed its lines (git blame, when git is installed and the spec\n"
      "is committed), else SOURCE_DATE_EPOCH when set, else the file's modification time.\n"
      "Exit codes: 0 written, 1 the spec has errors, 2 usage or I/O error.");
  sub->callback([options, &exit_code] { exit_code = run_export(*options); });
}

}  // namespace leaspec::cli
