#pragma once
// Checking files: finds spec files, loads them and validates them against a schema.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "leaspec/schema.hpp"
#include "leaspec/source.hpp"
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
  bool is_spec = false;
};

/// What a check run found: the files and every diagnostic.
struct Outcome {
  std::vector<CheckedFile> files;
  DiagnosticSink diagnostics;
  const SourceFile* find_source(const std::string& path) const;
};

/// How to check files.
struct Options {
  /// A user schema file instead of the bundled spec schema; every named file is checked.
  std::optional<std::string> schema_file;
  yaml::Limits limits;
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

  /// Checks one source text.
  void check_source(const SourceFile& source, DiagnosticSink& sink) const;

 private:
  Checker(schema::Schema schema, Options options);
  schema::Schema m_schema;
  Options m_options;
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
