#include <doctest/doctest.h>

#include "leaspec/report.hpp"

using namespace leaspec;

namespace {

report::Context context_for(const SourceFile& file, bool colour = false) {
  report::Context context;
  context.files = {file.path()};
  context.source = [&file](const std::string& path) {
    return path == file.path() ? &file : nullptr;
  };
  context.colour = colour;
  return context;
}

}  // namespace

TEST_CASE("text diagnostics look like a compiler's, with the line and a caret") {
  SourceFile file("specs/bwc.yaml", "id: X\n    priorty: mandatory\n");
  std::vector<Diagnostic> diagnostics = {{Severity::error,
                                          "unknown-key",
                                          "unknown key \"priorty\"; did you mean \"priority\"?",
                                          "specs/bwc.yaml",
                                          {2, 5},
                                          "/priorty"}};
  CHECK(report::render_text(diagnostics, context_for(file)) ==
        "specs/bwc.yaml:2:5: error: unknown key \"priorty\"; did you mean \"priority\"? "
        "[unknown-key]\n"
        "    2 |     priorty: mandatory\n"
        "      |     ^\n");
}

TEST_CASE("the caret counts characters, not bytes, and keeps tabs") {
  SourceFile file("a.yaml", "tït\tlé: x\n");
  std::vector<Diagnostic> diagnostics = {{Severity::warning, "r", "m", "a.yaml", {1, 11}, ""}};
  CHECK(report::render_text(diagnostics, context_for(file)) ==
        "a.yaml:1:11: warning: m [r]\n"
        "    1 | tït\tlé: x\n"
        "      |    \t    ^\n");
}

TEST_CASE("colour codes appear only when asked for") {
  SourceFile file("a.yaml", "x: 1\n");
  std::vector<Diagnostic> diagnostics = {{Severity::error, "r", "m", "a.yaml", {1, 1}, ""}};
  CHECK(report::render_text(diagnostics, context_for(file, true)).find("\x1b[1;31merror:") !=
        std::string::npos);
  CHECK(report::render_text(diagnostics, context_for(file, false)).find('\x1b') ==
        std::string::npos);
}

TEST_CASE("diagnostics without a position have no source line") {
  std::vector<Diagnostic> diagnostics = {
      {Severity::error, "too-large", "too big", "big.yaml", {}, ""}};
  CHECK(report::render_text(diagnostics, {}) == "big.yaml: error: too big [too-large]\n");
}

TEST_CASE("the JSON report has the documented shape") {
  std::vector<Diagnostic> diagnostics = {
      {Severity::error, "schema-type", "expected a string", "a.yaml", {3, 7}, "/id"},
      {Severity::warning, "w", "careful", "b.yaml", {1, 1}, ""}};
  report::Context context;
  context.files = {"a.yaml", "b.yaml", "c.yaml"};
  CHECK(report::render_json(diagnostics, context) == R"({
  "diagnostics": [
    {
      "file": "a.yaml",
      "line": 3,
      "column": 7,
      "severity": "error",
      "rule": "schema-type",
      "message": "expected a string",
      "pointer": "/id"
    },
    {
      "file": "b.yaml",
      "line": 1,
      "column": 1,
      "severity": "warning",
      "rule": "w",
      "message": "careful",
      "pointer": ""
    }
  ],
  "summary": {
    "files": 3,
    "errors": 1,
    "warnings": 1
  }
}
)");
}

TEST_CASE("long source lines are cut around the column") {
  std::string line = "[" + std::string(300, '1') + ", \"x\"" + std::string(300, '2') + "]";
  SourceFile source("long.json", line + "\n");
  std::vector<Diagnostic> diagnostics = {
      {Severity::error, "schema-type", "bad", "long.json", {1, 304}, "/1"}};
  report::Context context;
  context.source = [&](const std::string&) { return &source; };
  std::string text = report::render_text(diagnostics, context);
  std::string shown = "…" + std::string(58, '1') + ", \"x\"" + std::string(97, '2') + "…";
  CHECK(text ==
        "long.json:1:304: error: bad [schema-type]\n"
        "    1 | " +
            shown +
            "\n"
            "      | " +
            std::string(61, ' ') + "^\n");
}
