// `leaspec catalog standards|cpv|units|languages [QUERY]`: searches the bundled catalogs and the
// user's.
#include <algorithm>
#include <iostream>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <CLI/CLI.hpp>

#include "cli/app.hpp"
#include "cli/output.hpp"
#include "leaspec/catalog.hpp"
#include "leaspec/check/config.hpp"
#include "leaspec/doc.hpp"
#include "leaspec/translate.hpp"

namespace leaspec::cli {
namespace {

struct CatalogOptions {
  std::string which;
  std::vector<std::string> query;
  std::string config;
};

/// The configuration whose catalogs to search: --config, else the nearest .leaspec.yaml
/// above the current folder, else none.
std::optional<check::Config> configuration(const CatalogOptions& options) {
  std::string path = options.config;
  if (path.empty()) {
    path = check::find_config("./.leaspec.yaml").value_or("");
  }
  if (path.empty()) {
    return std::nullopt;
  }
  DiagnosticSink sink;
  std::optional<check::Config> config = check::load_config(path, sink);
  if (!config) {
    print_diagnostics(sink.diagnostics(), {});
    throw Error(fmt::format("the configuration {} is invalid", path));
  }
  return config;
}

/// Whether every word of `query` appears in one of `fields` (lower case compared).
bool matches_all(const std::string& query, const std::vector<std::string>& fields) {
  std::string haystack;
  for (const std::string& field : fields) {
    haystack += catalog::normalise(field) + "\n";
  }
  std::string words = catalog::normalise(query);
  std::size_t start = 0;
  while (start < words.size()) {
    std::size_t end = words.find(' ', start);
    end = end == std::string::npos ? words.size() : end;
    if (haystack.find(words.substr(start, end - start)) == std::string::npos) {
      return false;
    }
    start = end + 1;
  }
  return true;
}

/// Prints the units and ratings whose symbol, names or dimension hold every word of `query`.
std::size_t list_units(const catalog::Units& units, const std::string& query) {
  std::size_t count = 0;
  for (const catalog::UnitEntry& entry : units.entries()) {
    std::vector<std::string> fields = entry.names;
    fields.push_back(entry.symbol);
    fields.push_back(entry.dimension);
    if (!matches_all(query, fields)) {
      continue;
    }
    std::string names =
        entry.names.empty() ? "" : fmt::format(" ({})", fmt::join(entry.names, ", "));
    std::string defined = entry.rating
                              ? fmt::format("rating, {}, {}", entry.standard, entry.definition)
                          : entry.definition.empty() ? "base unit"
                                                     : "= " + entry.definition;
    std::cout << fmt::format("{}{}  [{}]  {}\n", entry.symbol, names, entry.dimension, defined);
    ++count;
  }
  return count;
}

/// Prints each language leaspec knows whose code or names hold every word of `query`, with
/// what it has of fixed texts, verbal forms and CPV labels.
std::size_t list_languages(const std::string& query) {
  std::vector<std::string> codes = doc::Strings::languages();
  for (const std::string& code : translate::verbal_form_languages()) {
    if (std::find(codes.begin(), codes.end(), code) == codes.end()) {
      codes.push_back(code);
    }
  }
  std::sort(codes.begin(), codes.end());
  const auto& english = doc::Strings::get("en").all();
  std::vector<std::string> fixed = doc::Strings::languages();
  std::size_t count = 0;
  for (const std::string& code : codes) {
    std::string name = translate::language_name(code);
    std::string native = translate::native_name(code);
    if (!matches_all(query, {code, name, native})) {
      continue;
    }
    std::string texts = "none";
    if (std::find(fixed.begin(), fixed.end(), code) != fixed.end()) {
      const auto& own = doc::Strings::get(code).all();
      auto present = static_cast<std::size_t>(
          std::count_if(english.begin(), english.end(),
                        [&](const auto& entry) { return own.count(entry.first) > 0; }));
      texts = present == english.size() ? "complete"
                                        : fmt::format("{} of {} keys", present, english.size());
    }
    const translate::VerbalForms& forms = translate::verbal_forms(code);
    std::string verbal =
        forms.empty()
            ? "none"
            : fmt::format("shall {}; should {}; may {}", fmt::join(forms.mandatory, ", "),
                          fmt::join(forms.recommended, ", "), fmt::join(forms.optional, ", "));
    std::cout << fmt::format(
        "{}  {} ({})\n  fixed texts: {}\n  verbal forms: {}\n  CPV labels: {}\n", code, name,
        native, texts, verbal,
        code == "en" ? "complete" : "English labels (no official translation bundled)");
    ++count;
  }
  return count;
}

int run_catalog(const CatalogOptions& options) {
  if (options.which == "languages") {
    std::string query = fmt::format("{}", fmt::join(options.query, " "));
    if (list_languages(query) == 0) {
      print_error(fmt::format("no language matches \"{}\"", query));
      return k_exit_findings;
    }
    return k_exit_ok;
  }
  std::optional<check::Config> config = configuration(options);
  const catalog::Catalogs& catalogs =
      config ? config->catalogs_or_bundled() : catalog::Catalogs::bundled();
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
  } else if (options.which == "units") {
    count = list_units(config ? config->units() : catalog::Units::bundled(), query);
  } else {
    for (const catalog::CpvEntry& entry : catalog::search_cpv(catalogs.cpv(), query)) {
      std::cout << fmt::format("{}  {}\n", entry.code, entry.label);
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
  CLI::App* sub = app.add_subcommand(
      "catalog",
      "Search the standards, CPV and units catalogs, the bundled ones and your own, or list the "
      "languages leaspec has");
  sub->add_option("CATALOG", options->which, "Which catalog")
      ->required()
      ->check(CLI::IsMember({"standards", "cpv", "units", "languages"}));
  sub->add_option("QUERY", options->query,
                  "Words that must all appear (for units in the symbol, a name or the "
                  "dimension), or for cpv the start of a code");
  sub->add_option("--config", options->config,
                  "A configuration whose catalogs and units to search as well (default: the "
                  "nearest .leaspec.yaml)")
      ->check(CLI::ExistingFile);
  sub->footer(
      "Examples:\n"
      "  leaspec catalog standards 27001\n"
      "  leaspec catalog cpv camera\n"
      "  leaspec catalog cpv 351253\n"
      "  leaspec catalog units energy\n"
      "  leaspec catalog languages\n"
      "  leaspec catalog languages polish\n\n"
      "languages lists each language with what leaspec has of it: the fixed texts of\n"
      "documents, the verbal forms the translation rules check, and CPV labels (English for\n"
      "every language: no official translation of the CPV labels is bundled).\n"
      "Exit codes: 0 matches found, 1 nothing matches, 2 usage error.");
  sub->callback([options, &exit_code] { exit_code = run_catalog(*options); });
}

}  // namespace leaspec::cli
