#pragma once
// Checking files: finds spec files, loads them and validates them against a schema.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "leaspec/catalog.hpp"
#include "leaspec/schema.hpp"
#include "leaspec/source.hpp"
#include "leaspec/spec.hpp"
#include "leaspec/yaml.hpp"

namespace leaspec::check {

/// Whether a loaded document is a leaspec spec: a mapping with the key `leaspec`.
bool is_spec(const yaml::Node& root);

/// Whether a file's text looks like a spec before it is parsed (a top-level `leaspec:` key),
/// so that a broken spec found in a directory is reported rather than skipped.
bool looks_like_spec(std::string_view text);

/// A file to check and whether the user named it (rather than it being found in a folder).
struct Target {
  std::string path;
  bool named = false;
};

/// The files to check for the paths a user named: files as named, directories searched
/// recursively (hidden folders skipped) for *.yaml and *.yml, in a stable order.
/// Throws Error for a path that does not exist.
std::vector<struct Target> discover(const std::vector<std::string>& paths, bool include_json);

/// One file that was checked, kept for reporters that show source lines.
struct CheckedFile {
  std::shared_ptr<const SourceFile> source;
};

/// What a check run found: the files and every diagnostic.
struct Outcome {
  std::vector<CheckedFile> files;
  DiagnosticSink diagnostics;
  const SourceFile* find_source(const std::string& path) const;
};

/// A rule: its stable id, default severity, group and what it checks.
struct RuleInfo {
  std::string_view id;
  Severity severity;
  std::string_view group;  ///< loading, schema, semantic or language
  std::string_view summary;
  /// Whether a configuration may change its severity or turn it off.
  bool configurable;
};

/// Every rule leaspec reports, grouped, in a stable order.
const std::vector<RuleInfo>& rules();
const RuleInfo* find_rule(std::string_view id);

/// Rule configuration from a `.leaspec.yaml` file.
struct Config {
  std::string file;  ///< where it was read from; empty for the defaults
  /// Severity per rule id; nullopt turns the rule off.
  std::map<std::string, std::optional<Severity>, std::less<>> severities;
  /// Words and phrases added to the vague-term list.
  std::vector<std::string> vague_terms;
};

/// Loads and validates a configuration file against the bundled config schema. Problems
/// go to `sink` and give nullopt (the caller exits with 2); unreadable files throw Error.
std::optional<Config> load_config(const std::string& path, DiagnosticSink& sink);

/// The nearest `.leaspec.yaml` in the folder of `spec_path` or above it.
std::optional<std::string> find_config(const std::string& spec_path);

/// What the semantic rules and the language lint look at.
struct RuleContext {
  const spec::Spec& spec;
  const SourceFile& source;
  const Config& config;
  const catalog::Catalogs& catalogs;
  /// A full official CPV list (--cpv-list), or nullptr for the bundled catalog.
  const catalog::CpvList* cpv_list = nullptr;
};

/// Runs the semantic rules and the language lint, applies the configuration and inline
/// suppressions, and reports what remains.
void check_rules(const RuleContext& context, DiagnosticSink& sink);

/// How to check files.
struct Options {
  /// A user schema file instead of the bundled spec schema; every named file is checked.
  std::optional<std::string> schema_file;
  /// A configuration file for every spec, instead of looking for `.leaspec.yaml`.
  std::optional<std::string> config_file;
  /// A full official CPV list to check codes against.
  std::optional<std::string> cpv_list_file;
  yaml::Limits limits;
  /// Files checked at the same time; 0 means one per core.
  unsigned jobs = 0;
  /// Schema files and folders of schema files registered by `$id` for the user schema's
  /// references (--ref, --ref-dir).
  std::vector<std::string> ref_files;
  std::vector<std::string> ref_folders;
  /// Findings reported per file; a note counts the others.
  std::size_t max_findings = 300;
};

/// A spec file that loaded, validated and passed the rules without errors: the text, the
/// tree and the typed model that points into it.
struct LoadedSpec {
  std::shared_ptr<const SourceFile> source;
  yaml::Document document;
  spec::Spec model;
};

/// Holds a compiled schema and checks files against it.
class Checker {
 public:
  /// Compiles the bundled spec schema or the user's; schema problems go to `sink` and make
  /// the result empty (the caller reports them with exit code 2).
  static std::optional<Checker> create(const Options& options, DiagnosticSink& sink);

  /// Checks the targets. Files found in folders are skipped unless they are specs (or a user
  /// schema is in use); a file that cannot be read throws Error.
  Outcome run(const std::vector<Target>& targets) const;

  /// Checks one source text with the given rule configuration.
  void check_source(const SourceFile& source, const Config& config, DiagnosticSink& sink) const;

  /// Reads and checks one spec file for a command that builds on it; every finding goes to
  /// `sink`, and the result is empty when any of them is an error.
  std::optional<LoadedSpec> load(const std::string& path, DiagnosticSink& sink) const;

 private:
  Checker(schema::Schema schema, Options options);
  /// The configuration for a spec file: --config, else the nearest .leaspec.yaml.
  const Config& config_for(const std::string& path) const;

  schema::Schema m_schema;
  Options m_options;
  std::optional<catalog::CpvList> m_cpv_list;
  std::optional<Config> m_fixed_config;
  mutable std::map<std::string, Config> m_configs;
};

/// The bundled schema document for a URI such as the spec schema's `$id`.
std::optional<schema::FetchedDocument> fetch_bundled(const std::string& uri);

/// The names of the bundled schemas (`spec`, ...) and their `$id`s.
struct BundledSchema {
  std::string_view name;
  std::string_view uri;
  std::string_view resource;
};
const std::vector<BundledSchema>& bundled_schemas();

}  // namespace leaspec::check
