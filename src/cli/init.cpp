// `leaspec init FILE [--area AREA] [--lead ID --country CC] [--agencies ID:CC,...]`: writes a
// commented starter spec from the bundled template of a thematic area.
#include <filesystem>
#include <iostream>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/app.hpp"
#include "cli/output.hpp"
#include "leaspec/catalog.hpp"
#include "leaspec/resources.hpp"

namespace leaspec::cli {
namespace fs = std::filesystem;
namespace {

/// The thematic areas, each with a template in data/templates/.
const std::vector<std::string> k_areas = {"front-line-policing", "cross-border-crime", "cybercrime",
                                          "crime-and-intelligence", "forensics"};

/// The file the templates' modeline names, written beside the spec for the editor.
constexpr std::string_view k_schema_file = "spec.schema.json";

struct InitOptions {
  std::string file;
  std::string area = "front-line-policing";
  std::string lead;
  std::string country;
  std::vector<std::string> agencies;
};

/// One buying agency named on the command line.
struct Agency {
  std::string id;
  std::string country;
};

/// Whether `text` is a spec identifier: capital letters and digits in parts joined by -, _ or .
bool is_identifier(std::string_view text) {
  if (text.empty() || text[0] < 'A' || text[0] > 'Z') {
    return false;
  }
  bool after_separator = false;
  for (char c : text.substr(1)) {
    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      after_separator = false;
    } else if ((c == '-' || c == '_' || c == '.') && !after_separator) {
      after_separator = true;
    } else {
      return false;
    }
  }
  return !after_separator;
}

/// The spec id made from the file name: "body-worn cameras.yaml" gives BODY-WORN-CAMERAS.
std::string spec_id_for(const fs::path& file) {
  std::string id;
  for (char c : file.stem().string()) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      id += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    } else if (!id.empty() && id.back() != '-') {
      id += '-';
    }
  }
  while (!id.empty() && id.back() == '-') {
    id.pop_back();
  }
  return is_identifier(id) ? id : is_identifier("SPEC-" + id) ? "SPEC-" + id : "SPEC";
}

/// The agencies named by --lead, --country and --agencies; throws Error on a bad one.
std::vector<Agency> agencies_of(const InitOptions& options) {
  std::vector<Agency> agencies;
  if (options.lead.empty()) {
    return agencies;
  }
  agencies.push_back({options.lead, options.country});
  for (const std::string& item : options.agencies) {
    std::size_t colon = item.find(':');
    if (colon == std::string::npos) {
      throw Error(fmt::format("--agencies takes ID:CC items (BE-FPP:BE), not \"{}\"", item));
    }
    agencies.push_back({item.substr(0, colon), item.substr(colon + 1)});
  }
  const catalog::Catalogs& catalogs = catalog::Catalogs::bundled();
  for (std::size_t i = 0; i < agencies.size(); ++i) {
    const Agency& agency = agencies[i];
    if (!is_identifier(agency.id)) {
      throw Error(
          fmt::format("\"{}\" is not an agency id: capital letters and digits in parts "
                      "joined by -, _ or . (NL-POL)",
                      agency.id));
    }
    if (!catalogs.is_country(agency.country)) {
      throw Error(fmt::format("\"{}\" (agency {}) is not an ISO 3166-1 alpha-2 country code",
                              agency.country, agency.id));
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (agencies[j].id == agency.id) {
        throw Error(fmt::format("the agency {} is named twice", agency.id));
      }
    }
  }
  return agencies;
}

/// Replaces every `token` in `line` with `value`.
void replace_all(std::string& line, std::string_view token, std::string_view value) {
  for (std::size_t at = line.find(token); at != std::string::npos;
       at = line.find(token, at + value.size())) {
    line.replace(at, token.size(), value);
  }
}

/// Fills a template: lines marked "#@" are kept (unmarked) only when agencies are named, a
/// "__AGENCIES__" line becomes one line per agency, and the other tokens are replaced.
std::string fill_template(std::string_view text, const std::string& spec_id,
                          const std::vector<Agency>& agencies) {
  std::vector<std::string> ids;
  std::vector<std::string> quantities;
  for (const Agency& agency : agencies) {
    ids.push_back(agency.id);
    quantities.push_back(agency.id + ": 1");
  }
  std::string result;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    end = end == std::string_view::npos ? text.size() : end + 1;
    std::string line(text.substr(begin, end - begin));
    begin = end;
    std::size_t indent = line.find_first_not_of(' ');
    if (indent != std::string::npos && line.compare(indent, 2, "#@") == 0) {
      if (agencies.empty()) {
        continue;
      }
      line.erase(indent, 2);
      indent = line.find_first_not_of(' ');
    }
    if (line.find("__AGENCIES__") != std::string::npos) {
      for (std::size_t i = 0; i < agencies.size(); ++i) {
        result += fmt::format("{}- {{id: {}, name: {}, country: {}, role: {}}}\n",
                              std::string(indent, ' '), agencies[i].id, agencies[i].id,
                              agencies[i].country, i == 0 ? "lead" : "participant");
      }
      continue;
    }
    replace_all(line, "__ID__", spec_id);
    replace_all(line, "__AGENCY_IDS__", fmt::format("{}", fmt::join(ids, ", ")));
    replace_all(line, "__QUANTITIES__", fmt::format("{}", fmt::join(quantities, ", ")));
    result += line;
  }
  return result;
}

/// The bundled resource `name`; throws Error when this build lacks it.
std::string_view bundled(const std::string& name) {
  std::optional<std::string_view> data = catalog::find_resource(name);
  if (!data) {
    throw Error(fmt::format("the bundled file {} is missing from this build", name));
  }
  return *data;
}

int run_init(const InitOptions& options) {
  fs::path file(options.file);
  if (fs::exists(fs::symlink_status(file))) {
    print_error(
        fmt::format("{} already exists; leaspec init does not overwrite a file", file.string()));
    return k_exit_failure;
  }
  std::vector<Agency> agencies = agencies_of(options);
  std::string spec = fill_template(bundled("data/templates/" + options.area + ".yaml"),
                                   spec_id_for(file), agencies);
  fs::path folder = file.has_parent_path() ? file.parent_path() : fs::path(".");
  std::error_code error;
  fs::create_directories(folder, error);
  if (error) {
    throw Error(fmt::format("cannot create the folder {}: {}", folder.string(), error.message()));
  }
  // The rule configuration and the schema the modeline names, unless the folder has them;
  // everything is made before anything is written.
  std::vector<std::pair<fs::path, std::string>> outputs{{file, std::move(spec)}};
  if (!fs::exists(folder / ".leaspec.yaml")) {
    outputs.emplace_back(folder / ".leaspec.yaml",
                         std::string(bundled("data/templates/leaspec-config.yaml")));
  }
  if (!fs::exists(folder / k_schema_file)) {
    outputs.emplace_back(folder / k_schema_file, bundled_schema_json("spec").value() + "\n");
  }
  std::vector<std::string> written;
  for (const auto& [path, bytes] : outputs) {
    write_output(path.string(), bytes);
    written.push_back(path.string());
  }
  std::cout << fmt::format("wrote {}\nnext: edit {}, then run leaspec validate {}\n",
                           fmt::join(written, ", "), file.string(), file.string());
  return k_exit_ok;
}

}  // namespace

void setup_init(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<InitOptions>();
  CLI::App* sub = app.add_subcommand(
      "init", "Write a commented starter spec for a thematic area, ready to validate");
  sub->add_option("FILE", options->file, "The spec file to write (it must not exist)")->required();
  sub->add_option("--area", options->area, "The thematic area, which picks the template")
      ->check(CLI::IsMember(k_areas))
      ->capture_default_str();
  CLI::Option* lead = sub->add_option("--lead", options->lead, "Id of the lead agency (NL-POL)");
  CLI::Option* country =
      sub->add_option("--country", options->country, "The lead agency's country (NL)");
  lead->needs(country);
  country->needs(lead);
  sub->add_option("--agencies", options->agencies,
                  "Participating agencies as ID:CC, comma-separated (BE-FPP:BE,PL-KGP:PL)")
      ->delimiter(',')
      ->needs(lead);
  sub->footer(
      "Examples:\n"
      "  leaspec init specs/bwc.yaml\n"
      "  leaspec init specs/anpr.yaml --area cross-border-crime --lead FI-POL --country FI \\\n"
      "      --agencies LT-LPD:LT,RO-IGPR:RO\n\n"
      "Also writes .leaspec.yaml (the rule configuration) and spec.schema.json (the schema the\n"
      "spec's first line names for editors) beside the spec, unless the folder has them.\n"
      "Exit codes: 0 written, 2 usage or I/O error (FILE exists, an unknown country).");
  sub->callback([options, &exit_code] { exit_code = run_init(*options); });
}

}  // namespace leaspec::cli
