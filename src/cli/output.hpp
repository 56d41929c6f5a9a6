#pragma once
// What the commands that build on specs share: atomic output files, printing diagnostics,
// and one session per run that compiles the spec schema once.

#include <optional>
#include <string>
#include <string_view>

#include "leaspec/check/checker.hpp"
#include "leaspec/source.hpp"
#include "leaspec/text.hpp"

namespace leaspec::cli {

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, then a rename,
/// so that a failed run leaves an existing file intact. "-" writes to standard output.
/// Throws Error when the file cannot be written.
void write_output(const std::string& path, std::string_view bytes);

/// Prints diagnostics to standard error in compiler style (colour only on a terminal).
void print_diagnostics(const std::vector<Diagnostic>& diagnostics,
                       const std::vector<const SourceFile*>& sources);

/// One run of a command: the checker every spec goes through (its schema compiled once, the
/// catalogs read once) and the time reproducible outputs state.
class Session {
 public:
  /// Reads SOURCE_DATE_EPOCH; throws Error when it is malformed.
  Session();

  /// The checker, created on first use.
  const check::Checker& checker();

  /// Loads and checks one spec, printing its findings to standard error. Empty when the
  /// spec has errors.
  std::optional<check::CheckedSpec> load(const std::string& path);

  const text::Timestamp& time() const { return m_time; }

 private:
  text::Timestamp m_time;
  std::optional<check::Checker> m_checker;
};

}  // namespace leaspec::cli
