// `leaspec catalog standards|cpv [QUERY]`: searches the bundled catalogs.
#include <iostream>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/app.hpp"
#include "leaspec/catalog.hpp"

namespace leaspec::cli {
namespace {

struct CatalogOptions {
  std::string which;
  std::vector<std::string> query;
  std::string cpv_list;
};

int run_catalog(const CatalogOptions& options) {
  const catalog::Catalogs& catalogs = catalog::Catalogs::bundled();
  std::string query;
  for (const std::string& word : options.query) {
    query += (query.empty() ? "" : " ") + word;
  }
  std::size_t count = 0;
  if (options.which == "standards") {
    for (const catalog::Standard* standard : catalogs.search_standards(query)) {
      std::string status = standard->status;
      if (!standard->superseded_by.empty()) {
        status += ", use " + standard->superseded_by;
      }
      std::cout << fmt::format("{}  {}  [{}]\n", standard->designation, standard->title, status);
      ++count;
    }
  } else {
    std::optional<catalog::CpvList> full;
    if (!options.cpv_list.empty()) {
      full = catalog::load_cpv_list(options.cpv_list);
    }
    for (const auto& [code, label] : catalog::search_cpv(full ? *full : catalogs.cpv(), query)) {
      std::cout << fmt::format("{}  {}\n", code, label);
      ++count;
    }
  }
  if (count == 0) {
    print_error(fmt::format("nothing in the {} catalog matches \"{}\"", options.which, query));
    return k_exit_findings;
  }
  return k_exit_ok;
}

}  // namespace

void setup_catalog(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<CatalogOptions>();
  CLI::App* sub = app.add_subcommand("catalog", "Search the bundled standards and CPV catalogs");
  sub->add_option("CATALOG", options->which, "Which catalog")
      ->required()
      ->check(CLI::IsMember({"standards", "cpv"}));
  sub->add_option("QUERY", options->query,
                  "Words that must all appear, or for cpv the start of a code");
  sub->add_option("--cpv-list", options->cpv_list,
                  "Search this official CPV list (CSV code,label or JSON) instead")
      ->type_name("FILE");
  sub->footer(
      "Examples:\n"
      "  leaspec catalog standards 27001\n"
      "  leaspec catalog cpv camera\n"
      "  leaspec catalog cpv 351253\n\n"
      "Exit codes: 0 matches found, 1 nothing matches, 2 usage error.");
  sub->callback([options, &exit_code] { exit_code = run_catalog(*options); });
}

}  // namespace leaspec::cli
