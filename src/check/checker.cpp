#include <algorithm>
#include <atomic>
#include <exception>
#include <filesystem>
#include <thread>

#include <fmt/format.h>

#include "leaspec/check.hpp"
#include "leaspec/resources.hpp"

namespace leaspec::check {
namespace fs = std::filesystem;

bool is_spec(const yaml::Node& root) {
  return root.kind == yaml::Kind::mapping && root.find("leaspec") != nullptr;
}

bool looks_like_spec(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    std::string_view line = text.substr(pos, end == text.npos ? text.npos : end - pos);
    if (line.substr(0, 8) == "leaspec:" || line.substr(0, 10) == "\"leaspec\":" ||
        line.find("{\"leaspec\"") != line.npos) {
      return true;
    }
    if (end == text.npos) {
      break;
    }
    pos = end + 1;
  }
  return false;
}

namespace {

bool has_extension(const fs::path& path, bool include_json) {
  std::string extension = path.extension().string();
  return extension == ".yaml" || extension == ".yml" || (include_json && extension == ".json");
}

}  // namespace

std::vector<Target> discover(const std::vector<std::string>& paths, bool include_json) {
  std::vector<Target> targets;
  for (const std::string& path : paths) {
    std::error_code error;
    fs::file_status status = fs::status(path, error);
    if (error || !fs::exists(status)) {
      throw Error(fmt::format("{}: no such file or directory", path));
    }
    if (!fs::is_directory(status)) {
      targets.push_back({path, true});
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, error);
    if (error) {
      throw Error(fmt::format("cannot read folder {}: {}", path, error.message()));
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(error)) {
      if (error) {
        throw Error(fmt::format("cannot read folder {}: {}", path, error.message()));
      }
      const fs::path& entry = it->path();
      std::string name = entry.filename().string();
      if (it->is_directory(error)) {
        if (name.size() > 1 && name[0] == '.') {
          it.disable_recursion_pending();
        }
        continue;
      }
      if (it->is_regular_file(error) && has_extension(entry, include_json)) {
        found.push_back(entry.string());
      }
    }
    std::sort(found.begin(), found.end());
    for (std::string& file : found) {
      targets.push_back({std::move(file), false});
    }
  }
  return targets;
}

const SourceFile* Outcome::find_source(const std::string& path) const {
  for (const CheckedFile& file : files) {
    if (file.source->path() == path) {
      return file.source.get();
    }
  }
  return nullptr;
}

const std::vector<BundledSchema>& bundled_schemas() {
  static const std::vector<BundledSchema> k_schemas = {
      {"spec", "https://leaspec.eu/schema/spec/1", "schemas/spec.yaml"},
      {"config", "https://leaspec.eu/schema/config/1", "schemas/config.yaml"},
      {"export", "https://leaspec.eu/schema/export/1", "schemas/export.yaml"},
  };
  return k_schemas;
}

std::optional<schema::FetchedDocument> fetch_bundled(const std::string& uri) {
  for (const BundledSchema& bundled : bundled_schemas()) {
    if (uri == bundled.uri) {
      if (auto data = catalog::find_resource(bundled.resource)) {
        return schema::FetchedDocument{std::string(bundled.resource), std::string(*data), ""};
      }
    }
  }
  return std::nullopt;
}

namespace {

std::string file_uri(const fs::path& path) {
  return "file://" + fs::weakly_canonical(fs::absolute(path)).string();
}

/// Finds `$ref` targets: bundled schemas by `$id`, registered schemas (--ref, --ref-dir), and
/// files inside the user schema's folder.
schema::Fetcher make_fetcher(const std::optional<fs::path>& folder,
                             std::shared_ptr<const schema::Registry> registry) {
  return [folder, registry](const std::string& uri) -> std::optional<schema::FetchedDocument> {
    if (auto bundled = fetch_bundled(uri)) {
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

}  // namespace

Checker::Checker(schema::Schema schema, Options options)
    : m_schema(std::move(schema)), m_options(std::move(options)) {}

std::optional<Checker> Checker::create(const Options& options, DiagnosticSink& sink) {
  schema::Options schema_options;
  std::string base;
  std::string name;
  std::string text;
  std::optional<fs::path> folder;
  if (options.schema_file) {
    name = *options.schema_file;
    text = read_file(name, options.limits.max_bytes);
    base = file_uri(name);
    folder = fs::weakly_canonical(fs::absolute(name)).parent_path();
  } else {
    const BundledSchema& spec = bundled_schemas().front();
    auto data = catalog::find_resource(spec.resource);
    if (!data) {
      throw Error("the bundled spec schema is missing from this build");
    }
    name = std::string(spec.resource);
    text = std::string(*data);
    base = std::string(spec.uri);
  }
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
  SourceFile source(name, std::move(text));
  yaml::Document document = yaml::load(source, sink, options.limits);
  auto compiled = schema::Schema::compile(std::move(document), base, schema_options,
                                          make_fetcher(folder, registry), sink);
  if (!compiled) {
    return std::nullopt;
  }
  Checker checker(std::move(*compiled), options);
  if (options.cpv_list_file) {
    checker.m_cpv_list = catalog::load_cpv_list(*options.cpv_list_file);
  }
  if (options.config_file) {
    checker.m_fixed_config = load_config(*options.config_file, sink);
    if (!checker.m_fixed_config) {
      return std::nullopt;
    }
  }
  return checker;
}

const Config& Checker::config_for(const std::string& path) const {
  if (m_fixed_config) {
    return *m_fixed_config;
  }
  std::string file = find_config(path).value_or("");
  auto cached = m_configs.find(file);
  if (cached != m_configs.end()) {
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
  return m_configs.emplace(file, std::move(config)).first->second;
}

void Checker::check_source(const SourceFile& source, const Config& config,
                           DiagnosticSink& sink) const {
  yaml::Document document = yaml::load(source, sink, m_options.limits);
  if (!document.root) {
    return;
  }
  bool valid = m_schema.validate(*document.root, source.path(), sink);
  if (!valid || m_options.schema_file || !is_spec(*document.root)) {
    return;
  }
  spec::Spec model = spec::build(*document.root, source.path());
  RuleContext context{model, source, config, catalog::Catalogs::bundled(),
                      m_cpv_list ? &*m_cpv_list : nullptr};
  check_rules(context, sink);
}

std::optional<LoadedSpec> Checker::load(const std::string& path, DiagnosticSink& sink) const {
  auto source = std::make_shared<SourceFile>(path, read_file(path, m_options.limits.max_bytes));
  const Config& config = config_for(path);
  std::size_t errors_before = sink.count(Severity::error);
  yaml::Document document = yaml::load(*source, sink, m_options.limits);
  if (!document.root) {
    return std::nullopt;
  }
  if (!m_schema.validate(*document.root, path, sink)) {
    sink.sort_by_position();
    return std::nullopt;
  }
  spec::Spec model = spec::build(*document.root, path);
  RuleContext context{model, *source, config, catalog::Catalogs::bundled(),
                      m_cpv_list ? &*m_cpv_list : nullptr};
  check_rules(context, sink);
  if (sink.count(Severity::error) > errors_before) {
    return std::nullopt;
  }
  return LoadedSpec{std::move(source), std::move(document), std::move(model)};
}

namespace {

/// What checking one file gave: the file (if it is checked at all) and its diagnostics.
struct FileResult {
  std::optional<CheckedFile> file;
  DiagnosticSink diagnostics;
  std::exception_ptr failure;
};

}  // namespace

Outcome Checker::run(const std::vector<Target>& targets) const {
  bool user_schema = m_options.schema_file.has_value();
  // Configurations are looked up first, so that the workers only read shared state.
  std::vector<const Config*> configs;
  configs.reserve(targets.size());
  for (const Target& target : targets) {
    configs.push_back(&config_for(target.path));
  }
  std::vector<FileResult> results(targets.size());
  auto check_one = [&](std::size_t index) {
    const Target& target = targets[index];
    FileResult& result = results[index];
    std::error_code error;
    std::uintmax_t size = fs::file_size(target.path, error);
    if (!error && size > m_options.limits.max_bytes) {
      result.file = CheckedFile{std::make_shared<SourceFile>(target.path, "")};
      result.diagnostics.report({Severity::error,
                                 "too-large",
                                 fmt::format("the file has {} bytes, more than the limit of {}",
                                             size, m_options.limits.max_bytes),
                                 target.path,
                                 {},
                                 ""});
      return;
    }
    auto source = std::make_shared<SourceFile>(target.path,
                                               read_file(target.path, m_options.limits.max_bytes));
    if (!target.named && !user_schema && !looks_like_spec(source->text())) {
      return;
    }
    result.file = CheckedFile{source};
    check_source(*source, *configs[index], result.diagnostics);
    result.diagnostics.sort_by_position();
    result.diagnostics.limit(m_options.max_findings, target.path);
  };
  // Files are checked in parallel; results are merged in the order of the targets.
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t index = next++; index < targets.size(); index = next++) {
      try {
        check_one(index);
      } catch (...) {
        results[index].failure = std::current_exception();
      }
    }
  };
  unsigned jobs = m_options.jobs > 0 ? m_options.jobs : std::thread::hardware_concurrency();
  std::size_t thread_count = std::min<std::size_t>(std::max(1u, jobs), targets.size());
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
    if (result.file) {
      outcome.files.push_back(std::move(*result.file));
    }
    for (const Diagnostic& diagnostic : result.diagnostics.diagnostics()) {
      outcome.diagnostics.report(diagnostic);
    }
  }
  return outcome;
}

}  // namespace leaspec::check
