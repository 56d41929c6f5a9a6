#pragma once
// Small helpers shared by the unit tests.

#include <optional>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "leaspec/source.hpp"
#include "leaspec/spec.hpp"
#include "leaspec/yaml.hpp"

namespace leaspec::test {

/// The path of `relative` in the third-party test data folder ($LEASPEC_TEST_DATA), or
/// nothing when it is not there: the test case then returns, and the run ends as skipped
/// (exit code 77). Only test cases in TEST_SUITE("test-data") may call it.
std::optional<std::string> test_data(const std::string& relative);

/// Loads YAML text; the document and its diagnostics stay alive with the struct.
struct Loaded {
  SourceFile source;
  DiagnosticSink sink;
  yaml::Document document;

  explicit Loaded(std::string text, const yaml::Limits& limits = {})
      : source("test.yaml", std::move(text)), document(yaml::load(source, sink, limits)) {}

  const yaml::Node& root() const { return *document.root; }

  /// "line:column: message [rule]" of the only diagnostic, or a note that there are others.
  std::string only_diagnostic() const {
    if (sink.diagnostics().size() != 1) {
      return "expected one diagnostic, got " + std::to_string(sink.diagnostics().size());
    }
    const Diagnostic& d = sink.diagnostics().front();
    return std::to_string(d.position.line) + ":" + std::to_string(d.position.column) + ": " +
           d.message + " [" + d.rule + "]";
  }
};

/// The typed model of YAML text that the spec schema accepts; its tree stays alive with it.
struct Model {
  Loaded loaded;
  spec::Spec spec;

  explicit Model(std::string text, const std::string& file = "test.yaml")
      : loaded(std::move(text)), spec(spec::build(loaded.root(), file)) {}
};

}  // namespace leaspec::test

namespace doctest {
/// Shows vectors of strings one per line when a check fails.
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& lines) {
    std::string text = "\n";
    for (const std::string& line : lines) {
      text += "  " + line + "\n";
    }
    return String(text.c_str());
  }
};
}  // namespace doctest
