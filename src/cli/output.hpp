#pragma once
// Output files for the commands that write them.

#include <string>
#include <string_view>

#include "leaspec/check.hpp"
#include "leaspec/source.hpp"

namespace leaspec::cli {

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, then a rename,
/// so that a failed run leaves an existing file intact. "-" writes to standard output.
/// Throws Error when the file cannot be written.
void write_output(const std::string& path, std::string_view bytes);

/// Prints diagnostics to standard error in compiler style (colour only on a terminal).
void print_diagnostics(const DiagnosticSink& sink, const SourceFile* source);

/// Loads and checks one spec for a command that builds on it (generate, export, merge,
/// diff), printing its findings to standard error. Empty when the spec has errors.
std::optional<check::LoadedSpec> load_spec(const std::string& path);

}  // namespace leaspec::cli
