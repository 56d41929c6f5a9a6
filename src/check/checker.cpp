// The pipeline: load, schema, model, rules; and the pool of threads that runs it over many
// files.
#include <algorithm>
#include <atomic>
#include <exception>
#include <filesystem>
#include <thread>

#include <fmt/format.h>

#include "leaspec/check/checker.hpp"
#include "leaspec/check/rules.hpp"
#include "leaspec/resources.hpp"

namespace leaspec::check {
namespace fs = std::filesystem;

const SourceFile* Outcome::find_source(const std::string& path) const {
  for (const auto& file : files) {
    if (file->path() == path) {
      return file.get();
    }
  }
  return nullptr;
}

namespace {

std::string file_uri(const fs::path& path) {
  return "file://" + fs::weakly_canonical(fs::absolute(path)).string();
}

/// Finds `$ref` targets: bundled schemas by `$id`, registered schemas (--ref, --ref-dir), and
/// files inside the user schema's folder.
schema::Fetcher make_fetcher(const std::optional<fs::path>& folder,
                             const std::shared_ptr<const schema::Registry>& registry) {
  return [folder, registry](const std::string& uri) -> std::optional<schema::FetchedDocument> {
    if (auto bundled = catalog::fetch_bundled(uri)) {
      return bundled;
    }
    if (auto registered = registry->find(uri)) {
      return registered;
    }
    auto refuse = [](std::string reason) {
      return schema::FetchedDocument{"", "", std::move(reason)};
    };
    if (uri.rfind("file://", 0) != 0) {
      return refuse(fmt::format(
          "$ref names \"{}\", which is not bundled; leaspec never downloads schemas: refer to a "
          "bundled schema by its $id or to a file in the schema's folder, or register the "
          "schema with --ref or --ref-dir",
          uri));
    }
    if (!folder) {
      return std::nullopt;
    }
    fs::path path = fs::weakly_canonical(fs::path(uri.substr(7)));
    std::string root = folder->string() + "/";
    std::string candidate = path.string();
    if (candidate.compare(0, root.size(), root) != 0) {
      return refuse(fmt::format("$ref names {}, which is outside the schema's folder {}", candidate,
                                folder->string()));
    }
    if (!fs::is_regular_file(path)) {
      return refuse(fmt::format("$ref names {}, which does not exist", candidate));
    }
    return schema::FetchedDocument{candidate, read_file(candidate, 16u << 20), ""};
  };
}

/// The schema to compile: its tree, its base URI and, for a user's file, its folder.
struct SchemaSource {
  yaml::Document document;
  std::string base;
  std::optional<fs::path> folder;
};

SchemaSource schema_source(const Options& options, DiagnosticSink& sink) {
  if (options.schema_file) {
    const std::string& name = *options.schema_file;
    SourceFile file(name, read_file(name, options.limits.max_bytes));
    return {yaml::load(file, sink, options.limits), file_uri(name),
            fs::weakly_canonical(fs::absolute(name)).parent_path()};
  }
  const catalog::BundledSchema& spec = catalog::bundled_schemas().front();
  return {catalog::bundled_tree(spec.resource), std::string(spec.uri), std::nullopt};
}

/// The pointer of the list item (a requirement, a lot, an agency...) that holds `pointer`:
/// up to its last numeric segment; empty when no list item holds it.
std::string_view enclosing_item(std::string_view pointer) {
  std::size_t end = pointer.size();
  while (end > 0) {
    std::size_t slash = pointer.rfind('/', end - 1);
    if (slash == std::string_view::npos) {
      break;
    }
    std::string_view segment = pointer.substr(slash + 1, end - slash - 1);
    bool numeric = !segment.empty() && std::all_of(segment.begin(), segment.end(),
                                                   [](char c) { return c >= '0' && c <= '9'; });
    if (numeric) {
      return pointer.substr(0, end);
    }
    end = slash;
  }
  return {};
}

/// Whether `pointer` is `prefix` or lies inside it.
bool inside(std::string_view pointer, std::string_view prefix) {
  return pointer.substr(0, prefix.size()) == prefix &&
         (pointer.size() == prefix.size() || pointer[prefix.size()] == '/');
}

/// Whether a rule's finding at `pointer` may only follow from a schema finding: it concerns
/// the value the schema rejected, a part that holds it, or the same list item, or it has no
/// place in the document.
bool follows_from_schema(std::string_view pointer, const std::vector<std::string>& schema) {
  if (pointer.empty()) {
    return true;  // a finding about the whole document, or about a value that is missing
  }
  return std::any_of(schema.begin(), schema.end(), [&](const std::string& at) {
    if (!at.empty() && inside(pointer, at)) {
      return true;
    }
    if (inside(at, pointer)) {
      return true;
    }
    std::string_view item = enclosing_item(at);
    return !item.empty() && inside(pointer, item);
  });
}

}  // namespace

/// Configurations by file, looked up once each; several threads may ask at once.
struct Checker::Configs {
  std::mutex mutex;
  std::map<std::string, Config> by_file;
  /// The standards of each folder of a standards_path, under a lock of their own: reading
  /// them looks configurations up.
  std::mutex standards_mutex;
  std::map<std::string, conform::Library> standards;
};

Checker::Checker(schema::Schema schema, Options options)
    : m_schema(std::move(schema)),
      m_options(std::move(options)),
      m_configs(std::make_unique<Configs>()) {}

Checker::Checker(Checker&&) noexcept = default;
Checker& Checker::operator=(Checker&&) noexcept = default;
Checker::~Checker() = default;

std::optional<Checker> Checker::create(const Options& options, DiagnosticSink& sink) {
  schema::Options schema_options;
  schema_options.limits = options.limits;
  schema_options.max_findings = options.max_findings;
  auto registry = std::make_shared<schema::Registry>();
  std::size_t errors_before = sink.count(Severity::error);
  for (const std::string& file : options.ref_files) {
    registry->add_file(file, sink, options.limits);
  }
  for (const std::string& folder_name : options.ref_folders) {
    registry->add_folder(folder_name, sink, options.limits);
  }
  if (sink.count(Severity::error) > errors_before) {
    return std::nullopt;
  }
  SchemaSource source = schema_source(options, sink);
  auto compiled = schema::Schema::compile(std::move(source.document), source.base, schema_options,
                                          make_fetcher(source.folder, registry), sink);
  if (!compiled) {
    return std::nullopt;
  }
  Checker checker(std::move(*compiled), options);
  // Every spec looks up its agencies' countries, its references' standards and its metrics'
  // units: read them once, before the first file (a schema of one's own runs no spec rules).
  if (!options.schema_file) {
    catalog::Catalogs::read_bundled();
  }
  if (options.config_file) {
    checker.m_fixed_config = load_config(*options.config_file, sink);
    if (!checker.m_fixed_config) {
      return std::nullopt;
    }
  }
  bool standards_ok = true;
  for (const std::string& file : options.standard_files) {
    auto standard = std::make_shared<const SourceFile>(
        file, read_file(file, checker.m_options.limits.max_bytes));
    standards_ok = checker.load_standard(standard, checker.m_given_standards, sink) && standards_ok;
  }
  if (!standards_ok) {
    return std::nullopt;
  }
  return checker;
}

bool Checker::load_standard(const std::shared_ptr<const SourceFile>& source,
                            conform::Library& library, DiagnosticSink& sink) const {
  const std::string& path = source->path();
  DiagnosticSink found;
  CheckedSpec checked = check_with(source, config_for(path), found, false);
  found.sort_by_position();
  for (const Diagnostic& d : found.diagnostics()) {
    sink.report(d);
  }
  if (checked.has_errors || !checked.model) {
    return false;
  }
  if (!checked.model->standard) {
    sink.report({Severity::error,
                 "not-a-standard",
                 fmt::format("{} is given as a common standard but has no standard: block", path),
                 path,
                 {1, 1},
                 ""});
    return false;
  }
  library.add(std::make_shared<const spec::Spec>(std::move(*checked.model)));
  return true;
}

const conform::Library& Checker::folder_standards(const std::string& folder) const {
  std::lock_guard lock(m_configs->standards_mutex);
  if (auto found = m_configs->standards.find(folder); found != m_configs->standards.end()) {
    return found->second;
  }
  std::vector<std::string> files;
  std::error_code error;
  for (const fs::directory_entry& entry : fs::directory_iterator(folder, error)) {
    std::string extension = entry.path().extension().string();
    if (entry.is_regular_file(error) && (extension == ".yaml" || extension == ".yml")) {
      files.push_back(entry.path().string());
    }
  }
  if (error) {
    throw Error(fmt::format("the standards folder {} cannot be read: {}", folder, error.message()));
  }
  std::sort(files.begin(), files.end());
  conform::Library library;
  for (const std::string& file : files) {
    DiagnosticSink problems;
    auto source =
        std::make_shared<const SourceFile>(file, read_file(file, m_options.limits.max_bytes));
    if (!looks_like_spec(source->text()) || load_standard(source, library, problems)) {
      continue;
    }
    bool not_standard = std::all_of(problems.diagnostics().begin(), problems.diagnostics().end(),
                                    [](const Diagnostic& d) { return d.rule == "not-a-standard"; });
    if (not_standard) {
      continue;  // a spec that is no standard may share the folder
    }
    std::string reasons;
    for (const Diagnostic& d : problems.diagnostics()) {
      reasons += fmt::format("\n{}:{}:{}: {} [{}]", d.file, d.position.line, d.position.column,
                             d.message, d.rule);
    }
    throw Error(fmt::format("the standard {} in standards_path has errors:{}", file, reasons));
  }
  return m_configs->standards.emplace(folder, std::move(library)).first->second;
}

conform::Library Checker::standards_for(const Config& config) const {
  conform::Library library = m_given_standards;
  for (const std::string& folder : config.standards_path) {
    library.add(folder_standards(folder));
  }
  library.add(conform::bundled());
  return library;
}

const Config& Checker::config_for(const std::string& path) const {
  if (m_fixed_config) {
    return *m_fixed_config;
  }
  std::string file = find_config(path).value_or("");
  std::lock_guard lock(m_configs->mutex);
  auto cached = m_configs->by_file.find(file);
  if (cached != m_configs->by_file.end()) {
    return cached->second;
  }
  Config config;
  if (!file.empty()) {
    DiagnosticSink problems;
    std::optional<Config> loaded = load_config(file, problems);
    if (!loaded) {
      std::string reasons;
      for (const Diagnostic& d : problems.diagnostics()) {
        reasons += fmt::format("\n{}:{}:{}: {} [{}]", d.file, d.position.line, d.position.column,
                               d.message, d.rule);
      }
      throw Error(fmt::format("the configuration {} is invalid:{}", file, reasons));
    }
    config = std::move(*loaded);
  }
  return m_configs->by_file.emplace(file, std::move(config)).first->second;
}

CheckedSpec Checker::check(std::shared_ptr<const SourceFile> source, DiagnosticSink& sink) const {
  const Config& config = config_for(source->path());
  return check(std::move(source), config, sink);
}

namespace {

std::atomic<std::size_t> k_checked_sources{0};

}  // namespace

std::size_t checked_sources() {
  return k_checked_sources.load();
}

CheckedSpec Checker::check(std::shared_ptr<const SourceFile> source, const Config& config,
                           DiagnosticSink& sink) const {
  return check_with(std::move(source), config, sink, true);
}

CheckedSpec Checker::check_with(std::shared_ptr<const SourceFile> source, const Config& config,
                                DiagnosticSink& sink, bool conformance) const {
  ++k_checked_sources;
  CheckedSpec checked;
  checked.source = std::move(source);
  const SourceFile& file = *checked.source;
  std::size_t errors_before = sink.count(Severity::error);
  checked.document = yaml::load(file, sink, m_options.limits);
  if (checked.document.root) {
    std::size_t schema_start = sink.diagnostics().size();
    bool valid = m_schema.validate(*checked.document.root, file.path(), sink);
    if (!m_options.schema_file && is_spec(*checked.document.root)) {
      spec::Spec model = spec::build(*checked.document.root, file.path());
      RuleContext context{model,
                          file,
                          config,
                          config.catalogs_or_bundled(),
                          checked.document.root,
                          m_options.languages};
      // Standards are looked up only for a spec that names one.
      conform::Library standards;
      if (conformance) {
        if (!model.conforms_to.empty()) {
          standards = standards_for(config);
        }
        context.standards = &standards;
      }
      if (valid) {
        check_rules(context, sink);
        checked.model = std::move(model);
      } else {
        // Every finding in one run: the rules also run on a spec the schema rejects, and
        // report what the schema's findings do not explain.
        std::vector<std::string> schema_pointers;
        for (std::size_t i = schema_start; i < sink.diagnostics().size(); ++i) {
          schema_pointers.push_back(sink.diagnostics()[i].pointer);
        }
        DiagnosticSink rule_findings;
        check_rules(context, rule_findings);
        for (const Diagnostic& finding : rule_findings.diagnostics()) {
          if (!follows_from_schema(finding.pointer, schema_pointers)) {
            sink.report(finding);
          }
        }
      }
    }
  }
  checked.has_errors = sink.count(Severity::error) > errors_before;
  return checked;
}

CheckedSpec Checker::load(const std::string& path, DiagnosticSink& sink) const {
  auto source = std::make_shared<SourceFile>(path, read_file(path, m_options.limits.max_bytes));
  CheckedSpec checked = check(std::move(source), sink);
  sink.sort_by_position();
  // The spec schema requires the key `leaspec`, so a tree it accepts always has a model.
  checked.has_errors = checked.has_errors || !checked.model;
  return checked;
}

namespace {

/// What checking one file gave: the file (if it is checked at all) and its diagnostics.
struct FileResult {
  std::shared_ptr<const SourceFile> file;
  DiagnosticSink diagnostics;
  std::exception_ptr failure;
  bool unreadable = false;
};

/// A file or folder found while searching that cannot be read: an error under its path.
void report_unreadable(const Target& target, const std::string& reason, FileResult& result) {
  result.file = std::make_shared<SourceFile>(target.path, "");
  result.unreadable = true;
  result.diagnostics.report(
      {Severity::error,
       "unreadable",
       fmt::format("the {} cannot be read: {}", target.folder ? "folder" : "file", reason),
       target.path,
       {},
       ""});
}

}  // namespace

Outcome Checker::run(const std::vector<Target>& targets, const Progress& progress) const {
  bool user_schema = m_options.schema_file.has_value();
  std::vector<FileResult> results(targets.size());
  auto check_one = [&](std::size_t index) {
    const Target& target = targets[index];
    FileResult& result = results[index];
    if (!target.problem.empty()) {
      report_unreadable(target, target.problem, result);
      return;
    }
    std::error_code error;
    std::uintmax_t size = fs::file_size(target.path, error);
    if (!error && size > m_options.limits.max_bytes) {
      result.file = std::make_shared<SourceFile>(target.path, "");
      result.diagnostics.report({Severity::error,
                                 "too-large",
                                 fmt::format("the file has {} bytes, more than the limit of {}",
                                             size, m_options.limits.max_bytes),
                                 target.path,
                                 {},
                                 ""});
      return;
    }
    std::string text;
    try {
      text = read_file(target.path, m_options.limits.max_bytes);
    } catch (const FileError& e) {
      if (target.named) {
        throw;
      }
      report_unreadable(target, e.reason(), result);
      return;
    }
    auto source = std::make_shared<SourceFile>(target.path, std::move(text));
    if (!target.named && !user_schema && !looks_like_spec(source->text())) {
      return;
    }
    result.file = source;
    check(std::move(source), result.diagnostics);
    result.diagnostics.sort_by_position();
    result.diagnostics.limit(m_options.max_findings, target.path);
    if (result.diagnostics.diagnostics().empty()) {
      // Only a finding's lines are shown: a clean file's text is given back at once, so the
      // next file reuses its memory instead of a run holding every file it checked.
      result.file = std::make_shared<SourceFile>(target.path, "");
    }
  };
  // A work queue over the files: each thread takes the next file until none is left.
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> done{0};
  auto worker = [&] {
    for (std::size_t index = next++; index < targets.size(); index = next++) {
      try {
        check_one(index);
      } catch (...) {
        results[index].failure = std::current_exception();
      }
      if (progress) {
        progress(++done, targets.size());
      }
    }
  };
  unsigned jobs =
      m_options.jobs ? m_options.jobs : std::max(1u, std::thread::hardware_concurrency());
  std::size_t thread_count = std::min<std::size_t>(jobs, targets.size());
  std::vector<std::thread> threads;
  for (std::size_t i = 1; i < thread_count; ++i) {
    threads.emplace_back(worker);
  }
  worker();
  for (std::thread& thread : threads) {
    thread.join();
  }
  Outcome outcome;
  for (FileResult& result : results) {
    if (result.failure) {
      std::rethrow_exception(result.failure);
    }
    if (result.unreadable) {
      outcome.unreadable.push_back(result.file->path());
    }
    if (result.file) {
      outcome.files.push_back(std::move(result.file));
    }
    for (const Diagnostic& diagnostic : result.diagnostics.diagnostics()) {
      outcome.diagnostics.report(diagnostic);
    }
  }
  return outcome;
}

}  // namespace leaspec::check
