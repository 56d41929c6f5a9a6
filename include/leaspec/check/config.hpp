#pragma once
// The rule configuration of a folder of specs, `.leaspec.yaml`.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "leaspec/catalog.hpp"
#include "leaspec/source.hpp"

namespace leaspec::check {

/// Rule configuration from a `.leaspec.yaml` file.
struct Config {
  std::string file;  ///< where it was read from; empty for the defaults
  /// Severity per rule id; nullopt turns the rule off.
  std::map<std::string, std::optional<Severity>, std::less<>> severities;
  /// Languages every spec is translated into, besides those a spec lists.
  std::vector<std::string> languages;
  /// Words and phrases added to the vague-term list.
  std::vector<std::string> vague_terms;
  /// Folders of common standards that conforms_to is resolved among (`standards_path`,
  /// relative to the configuration file), before the bundled standards.
  std::vector<std::string> standards_path;
  /// The bundled units with the configuration's own; nullptr when it adds none.
  std::shared_ptr<const catalog::Units> added_units;

  /// The units metrics are read in under this configuration.
  const catalog::Units& units() const {
    return added_units ? *added_units : catalog::Units::bundled();
  }

  /// The bundled catalogs with the user's catalogs before them; null for the bundled ones.
  std::shared_ptr<const catalog::Catalogs> catalogs;

  /// The catalogs rules look things up in.
  const catalog::Catalogs& catalogs_or_bundled() const {
    return catalogs ? *catalogs : catalog::Catalogs::bundled();
  }
};

/// Loads and validates a configuration file against the bundled config schema. Problems
/// go to `sink` and give nullopt (the caller exits with 2); unreadable files throw Error.
std::optional<Config> load_config(const std::string& path, DiagnosticSink& sink);

/// The nearest `.leaspec.yaml` in the folder of `spec_path` or above it.
std::optional<std::string> find_config(const std::string& spec_path);

}  // namespace leaspec::check
