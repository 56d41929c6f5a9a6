#pragma once
// Diagnostic reporters: they turn diagnostics into text for people or for CI tools.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "leaspec/source.hpp"

namespace leaspec::report {

/// A rule as reporters that describe rules (SARIF) show it.
struct RuleDescription {
  std::string id;
  std::string summary;
  Severity severity = Severity::error;
  std::string help;
  std::string group;
};

/// What a reporter needs besides the diagnostics.
struct Context {
  /// Every file that was checked, in order (reporters that list files use it).
  std::vector<std::string> files;
  /// The source of a file, for showing the offending line; may return nullptr.
  std::function<const SourceFile*(const std::string&)> source;
  /// Whether to use ANSI colours.
  bool colour = false;
  /// Whether warnings fail (JUnit marks such files as failed).
  bool strict = false;
  /// Every rule, for reporters that describe them.
  std::vector<RuleDescription> rules;
  std::string tool_version;
  /// Where a rule's documentation is, with {rule} standing for its id; empty for none.
  std::string help_uri;
};

enum class Format { text, json, sarif, junit, github };

/// Parses a format name; nullopt when unknown.
std::optional<Format> parse_format(std::string_view name);

/// Renders the diagnostics in the chosen format.
std::string render(Format format, const std::vector<Diagnostic>& diagnostics,
                   const Context& context);

/// Compiler-style text: `file:line:col: severity: message [rule]`, the line and a caret.
std::string render_text(const std::vector<Diagnostic>& diagnostics, const Context& context);

/// One JSON object with the diagnostics and a summary.
std::string render_json(const std::vector<Diagnostic>& diagnostics, const Context& context);

/// SARIF 2.1.0, as code-scanning services read it.
std::string render_sarif(const std::vector<Diagnostic>& diagnostics, const Context& context);

/// JUnit XML: one test case per file, failures carrying the diagnostics.
std::string render_junit(const std::vector<Diagnostic>& diagnostics, const Context& context);

/// GitHub Actions workflow commands (`::error file=...,line=...::message`).
std::string render_github(const std::vector<Diagnostic>& diagnostics, const Context& context);

}  // namespace leaspec::report
