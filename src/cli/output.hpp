#pragma once
// What the commands that build on specs share: atomic output files, printing diagnostics,
// and one session per run that compiles the spec schema once.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leaspec/check/checker.hpp"
#include "leaspec/source.hpp"
#include "leaspec/text.hpp"

namespace leaspec::cli {

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, then a rename,
/// so that a failed or interrupted run leaves an existing file intact and no temporary file
/// behind (SIGINT, SIGTERM, SIGHUP and SIGXFSZ remove it, then end the run as they would
/// have). A replaced file keeps its permission bits, and its owner and group where the
/// system permits. Only a regular file or a new name is written: a folder, device, FIFO,
/// socket, symbolic link or read-only file is refused. "-" writes to standard output.
/// Throws Error when the file cannot be written.
void write_output(const std::string& path, std::string_view bytes);

/// `write_output` of an output produced piece by piece: `produce` hands the bytes to the
/// sink as it makes them, and the file takes its place only once `produce` returns, so that
/// a large output is never held whole in memory and the write stays atomic.
void write_output_with(const std::string& path,
                       const std::function<void(const text::Sink&)>& produce);

/// An output file of a command and the option that names it, for messages.
struct OutputPath {
  std::string_view option;
  std::string path;
};

/// Refuses, before any work is done, an output that write_output would refuse, an output
/// that is one of the inputs (the same device and inode, whatever the spelling or symbolic
/// links on the way) and two outputs that name the same file. Throws Error.
void check_outputs(const std::vector<std::string>& inputs, const std::vector<OutputPath>& outputs);

namespace testing {
/// Called once, with the temporary file's path, when the first part of an output (half of
/// one written whole) is written. Only the signal tests' own executable sets it; leaspec
/// itself leaves it empty.
extern void (*g_partial_write_hook)(const std::string& temporary);
}  // namespace testing

/// Prints diagnostics to standard error in compiler style (colour only on a terminal).
void print_diagnostics(const std::vector<Diagnostic>& diagnostics,
                       const std::vector<const SourceFile*>& sources);

/// Hands memory freed in many small blocks (a loaded tree, a spec no longer needed) back to
/// the system, so that the large output built next does not come on top of it.
void return_freed_memory();

/// One run of a command: the checker every spec goes through (its schema compiled once, the
/// catalogs read once) and the time reproducible outputs state.
class Session {
 public:
  /// Reads SOURCE_DATE_EPOCH; throws Error when it is malformed. The checker is created
  /// with `options` (the standards given with --standard).
  explicit Session(check::Options options = {});

  /// The checker, created on first use.
  const check::Checker& checker();

  /// Loads and checks one spec, printing its findings to standard error. Empty when the
  /// spec has errors. The loaded tree is released: the model and the source remain.
  std::optional<check::CheckedSpec> load(const std::string& path);

  const text::Timestamp& time() const { return m_time; }

 private:
  text::Timestamp m_time;
  check::Options m_options;
  std::optional<check::Checker> m_checker;
};

}  // namespace leaspec::cli
