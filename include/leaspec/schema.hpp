#pragma once
// The JSON Schema engine: compiles a schema once, then validates positioned trees.

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "leaspec/source.hpp"
#include "leaspec/yaml.hpp"

namespace leaspec::schema {

enum class Dialect { draft4, draft6, draft7, draft2019_09, draft2020_12 };

/// The dialect named by a `$schema` URI, if it is one leaspec knows.
std::optional<Dialect> dialect_from_uri(std::string_view uri);

/// A schema document found for a URI: its text and the name to use in diagnostics.
struct FetchedDocument {
  std::string name;
  std::string text;
  /// When set, the document is refused and this says why (it becomes the diagnostic).
  std::string refusal;
  /// The URI of the document itself when it differs from the one asked for, which may name
  /// a schema embedded in it by its own `$id`.
  std::string base = {};
};

/// Finds schema documents that a `$ref` names by absolute URI (without fragment): bundled
/// schemas, files next to the schema, or a test suite's remotes. Returns nullopt when unknown.
using Fetcher = std::function<std::optional<FetchedDocument>(const std::string& uri)>;

struct Options {
  /// Dialect of schemas without `$schema`.
  Dialect default_dialect = Dialect::draft2020_12;
  /// Whether `format` is an assertion (true) or only an annotation.
  bool format_assertion = true;
  /// Steps a single pattern match may take before it is abandoned.
  std::uint32_t regex_match_limit = 1'000'000;
  /// Bounds for the schema documents that references bring in.
  yaml::Limits limits;
  /// Findings reported for one validated document; the others are counted (see
  /// DiagnosticSink::omitted).
  std::size_t max_findings = SIZE_MAX;
};

/// Schema documents registered by their `$id`s, so that references to them resolve locally
/// without a network: the files of `--ref` and `--ref-dir`, or the official meta-schemas.
class Registry {
 public:
  /// Registers the schema document in `path` (JSON or YAML) under its `$id` and every `$id`
  /// embedded in it; a document without `$id` is registered under its file URI. Problems
  /// (the file does not load, an `$id` registered by another file) go to `sink`; a file that
  /// cannot be read throws Error.
  void add_file(const std::string& path, DiagnosticSink& sink, const yaml::Limits& limits = {});
  /// Registers every *.json, *.yaml and *.yml file in `folder` and below (hidden folders
  /// skipped), in name order.
  void add_folder(const std::string& folder, DiagnosticSink& sink, const yaml::Limits& limits = {});
  /// The document registered for an absolute URI (without fragment), if any.
  std::optional<FetchedDocument> find(const std::string& uri) const;
  /// How many URIs are registered.
  std::size_t size() const { return m_by_uri.size(); }

 private:
  struct File {
    std::string name;
    std::string text;
    std::string base;
  };
  std::vector<File> m_files;
  std::map<std::string, std::size_t> m_by_uri;
};

class Compiled;

/// How many times this process has compiled a schema, by base URI, in URI order: what
/// LEASPEC_STATS prints, and how tests see that a run compiles its schema once.
std::vector<std::pair<std::string, std::size_t>> compilations();

/// A compiled schema, shareable across threads once built.
class Schema {
 public:
  ~Schema();
  Schema(Schema&&) noexcept;
  Schema& operator=(Schema&&) noexcept;

  /// Compiles the schema in `document` whose base URI is `base_uri`. Problems with the schema
  /// itself go to `sink` (rule "invalid-schema") and yield nullopt.
  static std::optional<Schema> compile(yaml::Document document, const std::string& base_uri,
                                       const Options& options, const Fetcher& fetcher,
                                       DiagnosticSink& sink);

  /// Validates `instance`, reporting every finding in `sink` against `file`.
  /// Returns true when the instance is valid.
  bool validate(const yaml::Node& instance, const std::string& file, DiagnosticSink& sink) const;

  /// True when the instance is valid; reports nothing.
  bool is_valid(const yaml::Node& instance) const;

 private:
  explicit Schema(std::unique_ptr<Compiled> compiled);
  std::unique_ptr<Compiled> m_compiled;
};

/// Resolves a URI reference against a base URI (RFC 3986 section 5.2).
std::string resolve_uri(const std::string& base, const std::string& reference);

/// Splits "uri#fragment" into its two parts; the fragment is empty when absent.
std::pair<std::string, std::string> split_fragment(const std::string& uri);

/// The closest candidate to `word` by edit distance, if it is close enough to be a likely typo.
std::optional<std::string> did_you_mean(std::string_view word,
                                        const std::vector<std::string>& candidates);

/// Whether `text` is valid for the named format; unknown formats are always valid.
bool check_format(std::string_view format, std::string_view text);

}  // namespace leaspec::schema
