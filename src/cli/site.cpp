// `leaspec site PATH... -o DIR [--compare OLD NEW]...`: a static HTML site of a spec
// collection, with each spec's findings where they are.
#include <filesystem>
#include <iostream>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/app.hpp"
#include "cli/output.hpp"
#include "leaspec/check/discover.hpp"
#include "leaspec/site.hpp"

namespace leaspec::cli {
namespace {
namespace fs = std::filesystem;

struct SiteOptions {
  std::vector<std::string> paths;
  std::vector<std::pair<std::string, std::string>> compare;
  std::string output;
};

/// Collects the specs below the named paths, and the files of each comparison, each once.
class CollectionBuilder {
 public:
  explicit CollectionBuilder(const check::Checker& checker) : m_checker(checker) {}

  void add_path(const std::string& path) {
    bool folder = fs::is_directory(path);
    for (const check::Target& target : check::discover({path}, false)) {
      std::string name = folder ? fs::path(target.path).lexically_relative(path).generic_string()
                                : fs::path(target.path).lexically_normal().generic_string();
      add(target, name);
    }
  }

  /// The entry of a file, checking it first when no path named it.
  std::size_t entry_for(const std::string& path) {
    auto found = m_index.find(key(path));
    if (found != m_index.end()) {
      return found->second;
    }
    check::discover({path}, false);  // throws for a path that does not exist
    if (fs::is_directory(path)) {
      throw Error(fmt::format("--compare takes two spec files; {} is a folder", path));
    }
    add({path, true}, fs::path(path).lexically_normal().generic_string());
    return m_index.at(key(path));
  }

  site::Collection& collection() { return m_collection; }
  std::vector<const SourceFile*> sources() const {
    std::vector<const SourceFile*> result;
    for (const site::Entry& entry : m_collection.entries) {
      result.push_back(entry.checked.source.get());
    }
    return result;
  }

 private:
  static std::string key(const std::string& path) {
    return fs::weakly_canonical(fs::absolute(path)).string();
  }

  void add(const check::Target& target, std::string name) {
    std::string canonical = key(target.path);
    if (m_index.count(canonical)) {
      return;
    }
    auto source = std::make_shared<SourceFile>(target.path, read_file(target.path, 16u << 20));
    if (!target.named && !check::looks_like_spec(source->text())) {
      return;
    }
    DiagnosticSink sink;
    check::CheckedSpec checked = m_checker.check(std::move(source), sink);
    sink.sort_by_position();
    checked.has_errors = checked.has_errors || !checked.model;
    site::Entry entry{std::move(name), fs::path(target.path).parent_path().generic_string(),
                      std::move(checked), sink.diagnostics()};
    if (entry.checked.model && !entry.checked.model->conforms_to.empty()) {
      const check::Config& config = m_checker.config_for(target.path);
      entry.standards = m_checker.standards_for(config);
      entry.units = &config.units();
    }
    m_index.emplace(canonical, m_collection.entries.size());
    m_collection.entries.push_back(std::move(entry));
  }

  const check::Checker& m_checker;
  site::Collection m_collection;
  std::map<std::string, std::size_t> m_index;
};

/// Writes every file into `folder`; a name that would leave the folder is refused.
void write_site(const std::string& folder, const site::Files& files) {
  std::error_code error;
  fs::create_directories(folder, error);
  if (!fs::is_directory(folder)) {
    throw Error(
        fmt::format("cannot create the folder {}{}", folder,
                    error ? ": " + error.message() : std::string(": a file is in the way")));
  }
  for (const auto& [name, bytes] : files) {
    fs::path relative(name);
    if (name.empty() || name.front() == '.' || relative.has_parent_path() ||
        relative.is_absolute() || name.find('\\') != std::string::npos) {
      throw Error(
          fmt::format("refusing to write {}, which is not a file name inside {}", name, folder));
    }
    write_output((fs::path(folder) / relative).string(), bytes);
  }
}

int run_site(const SiteOptions& options) {
  if (options.paths.empty() && options.compare.empty()) {
    print_error("name the specs: PATH or --compare OLD NEW");
    return k_exit_failure;
  }
  Session session;
  CollectionBuilder builder(session.checker());
  for (const std::string& path : options.paths) {
    builder.add_path(path);
  }
  for (const auto& [before, after] : options.compare) {
    std::size_t b = builder.entry_for(before);
    std::size_t a = builder.entry_for(after);
    builder.collection().comparisons.push_back({b, a});
  }
  site::Collection& collection = builder.collection();
  if (collection.entries.empty()) {
    print_error(fmt::format("no spec files found in {}", fmt::join(options.paths, ", ")));
    return k_exit_failure;
  }
  std::vector<Diagnostic> all;
  std::size_t errors = 0, warnings = 0;
  for (const site::Entry& entry : collection.entries) {
    all.insert(all.end(), entry.diagnostics.begin(), entry.diagnostics.end());
  }
  for (const Diagnostic& d : all) {
    errors += d.severity == Severity::error ? 1 : 0;
    warnings += d.severity == Severity::warning ? 1 : 0;
  }
  if (!all.empty()) {
    print_diagnostics(all, builder.sources());
  }
  site::Files files = site::build(collection, catalog::Units::bundled());
  write_site(options.output, files);
  std::cout << fmt::format("{}: {} files for {} spec{}: {} error{}, {} warning{}\n", options.output,
                           files.size(), collection.entries.size(),
                           collection.entries.size() == 1 ? "" : "s", errors,
                           errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
  return errors > 0 ? k_exit_findings : k_exit_ok;
}

}  // namespace

void setup_site(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<SiteOptions>();
  CLI::App* sub = app.add_subcommand(
      "site",
      "Build a static HTML site of a spec collection, with charts and each spec's findings");
  sub->add_option("PATH", options->paths, "Spec files, or folders searched for *.yaml and *.yml");
  sub->add_option("--compare", options->compare,
                  "OLD NEW: two versions of a spec; NEW's page shows what changed (repeatable)")
      ->allow_extra_args(false);
  sub->add_option("-o,--output", options->output, "The folder to write the site into")->required();
  sub->footer(
      "Examples:\n"
      "  leaspec site data/examples -o site\n"
      "  leaspec site specs/ --compare v1/bwc.yaml v2/bwc.yaml -o site\n\n"
      "Writes index.html, one page per spec, style.css, site.js and search-index.js into the\n"
      "folder; open index.html in a browser, no server needed. Specs with errors get a page\n"
      "that shows them. The same specs always give the same bytes.\n"
      "Exit codes: 0 written, 1 written but a spec has errors, 2 usage or I/O error.");
  sub->callback([options, &exit_code] { exit_code = run_site(*options); });
}

}  // namespace leaspec::cli
