#pragma once
// The one pipeline every command uses: a source file is loaded, validated against the
// schema, built into the typed model and checked by the rules.

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "leaspec/catalog.hpp"
#include "leaspec/check/config.hpp"
#include "leaspec/check/discover.hpp"
#include "leaspec/conform.hpp"
#include "leaspec/schema.hpp"
#include "leaspec/source.hpp"
#include "leaspec/spec.hpp"
#include "leaspec/yaml.hpp"

namespace leaspec::check {

/// How to check files.
struct Options {
  /// A user schema file instead of the bundled spec schema; every named file is checked.
  std::optional<std::string> schema_file;
  /// A configuration file for every spec, instead of looking for `.leaspec.yaml`.
  std::optional<std::string> config_file;
  /// Files checked at once by `run`; 0 for one per core.
  unsigned jobs = 0;
  yaml::Limits limits;
  /// Schema files and folders of schema files registered by `$id` for the user schema's
  /// references (--ref, --ref-dir).
  std::vector<std::string> ref_files;
  std::vector<std::string> ref_folders;
  /// Findings reported per file; a note counts the others.
  std::size_t max_findings = 300;
  /// Languages every spec's translations are checked in (validate --lang), besides those
  /// the spec and its configuration list.
  std::vector<std::string> languages;
  /// Common standards given on the command line (--standard), found before any other.
  std::vector<std::string> standard_files;
};

/// A source taken through the pipeline: its text, its tree, the typed model when it is a
/// spec that the schema accepts, and whether any finding was an error.
struct CheckedSpec {
  std::shared_ptr<const SourceFile> source;
  yaml::Document document;
  std::optional<spec::Spec> model;
  bool has_errors = false;
};

/// What a check run over many files found: the files and every diagnostic, in file order.
/// A file or folder that could not be read is among the files (with no text), has an
/// `unreadable` error and is listed in `unreadable`: the check is incomplete.
struct Outcome {
  std::vector<std::shared_ptr<const SourceFile>> files;
  std::vector<std::string> unreadable;
  DiagnosticSink diagnostics;
  const SourceFile* find_source(const std::string& path) const;
};

/// How many sources this process has taken through the pipeline (`Checker::check`).
std::size_t checked_sources();

/// Compiles the schema and reads the configuration once, then checks any number of
/// sources; one Checker serves a whole run and may be used from several threads.
class Checker {
 public:
  /// Compiles the bundled spec schema or the user's; schema and configuration problems go
  /// to `sink` and make the result empty (the caller reports them with exit code 2).
  static std::optional<Checker> create(const Options& options, DiagnosticSink& sink);

  Checker(Checker&&) noexcept;
  Checker& operator=(Checker&&) noexcept;
  ~Checker();

  /// The pipeline: load, schema, model, rules with the source's configuration (--config,
  /// else the nearest .leaspec.yaml). Every finding goes to `sink`.
  CheckedSpec check(std::shared_ptr<const SourceFile> source, DiagnosticSink& sink) const;
  /// The same pipeline with the given rule configuration.
  CheckedSpec check(std::shared_ptr<const SourceFile> source, const Config& config,
                    DiagnosticSink& sink) const;

  /// Reads and checks one spec file for a command that builds on it; every finding goes to
  /// `sink`, sorted by position. The model is empty when the file is not a spec.
  CheckedSpec load(const std::string& path, DiagnosticSink& sink) const;

  /// Told how many of the targets are done, after each one, from the worker threads.
  using Progress = std::function<void(std::size_t done, std::size_t total)>;

  /// Checks the targets on a pool of threads; results come in the order of the targets.
  /// Files found in folders are skipped unless they are specs (or a user schema is in use);
  /// one found that cannot be read is an `unreadable` error; a named one throws FileError.
  Outcome run(const std::vector<Target>& targets, const Progress& progress = {}) const;

  /// The configuration for a spec file: --config, else the nearest .leaspec.yaml, read once.
  const Config& config_for(const std::string& path) const;

  /// The standards a spec under `config` conforms to: the --standard files, the standards in
  /// the folders of its standards_path (read once each), the bundled ones. Throws Error when
  /// a standard in such a folder has errors.
  conform::Library standards_for(const Config& config) const;

 private:
  struct Configs;
  Checker(schema::Schema schema, Options options);

  /// The pipeline, with the conformance rules or without them (for a standard itself).
  CheckedSpec check_with(std::shared_ptr<const SourceFile> source, const Config& config,
                         DiagnosticSink& sink, bool conformance) const;
  /// Checks a standard (its file read once) and adds it to `library`; false, with the findings in
  /// `sink`, when it has errors or is not a standard.
  bool load_standard(const std::shared_ptr<const SourceFile>& source, conform::Library& library,
                     DiagnosticSink& sink) const;
  /// The standards of one folder of standards_path, read on first use.
  const conform::Library& folder_standards(const std::string& folder) const;

  schema::Schema m_schema;
  Options m_options;
  std::optional<Config> m_fixed_config;
  conform::Library m_given_standards;
  std::unique_ptr<Configs> m_configs;
};

}  // namespace leaspec::check
