#pragma once
// Diagnostic reporters: they turn diagnostics into text for people or for CI tools.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "leaspec/source.hpp"

namespace leaspec::report {

/// What a reporter needs besides the diagnostics.
struct Context {
  /// Every file that was checked, in order (reporters that list files use it).
  std::vector<std::string> files;
  /// The source of a file, for showing the offending line; may return nullptr.
  std::function<const SourceFile*(const std::string&)> source;
  /// Whether to use ANSI colours.
  bool colour = false;
};

enum class Format { text, json };

/// Parses a format name; nullopt when unknown.
std::optional<Format> parse_format(std::string_view name);

/// Renders the diagnostics in the chosen format.
std::string render(Format format, const std::vector<Diagnostic>& diagnostics,
                   const Context& context);

/// Compiler-style text: `file:line:col: severity: message [rule]`, the line and a caret.
std::string render_text(const std::vector<Diagnostic>& diagnostics, const Context& context);

/// One JSON object with the diagnostics and a summary.
std::string render_json(const std::vector<Diagnostic>& diagnostics, const Context& context);

}  // namespace leaspec::report
