#include <doctest/doctest.h>

#include "leaspec/source.hpp"

using namespace leaspec;

TEST_CASE("source files give lines and positions") {
  SourceFile file("x.yaml", "first\r\nsecond\nthird");
  CHECK(file.line_count() == 3);
  CHECK(file.line(1) == "first");
  CHECK(file.line(2) == "second");
  CHECK(file.line(3) == "third");
  CHECK(file.line(4).empty());
  CHECK(file.line(0).empty());
  CHECK(file.position_of(0) == Position{1, 1});
  CHECK(file.position_of(7) == Position{2, 1});
  CHECK(file.position_of(16) == Position{3, 3});
}

TEST_CASE("UTF-8 validation finds the first bad byte") {
  CHECK(find_invalid_utf8("plain ascii") == std::string_view::npos);
  CHECK(find_invalid_utf8("Głów €") == std::string_view::npos);
  CHECK(find_invalid_utf8("ab\xFF") == 2);
  CHECK(find_invalid_utf8("\xE2\x82") == 0);          // truncated
  CHECK(find_invalid_utf8("\xED\xA0\x80") == 0);      // surrogate
  CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0);  // beyond U+10FFFF
  CHECK(utf8_length("Głów") == 4);
}

TEST_CASE("the sink counts and orders diagnostics") {
  DiagnosticSink sink;
  sink.report({Severity::warning, "b", "second", "a.yaml", {3, 1}, ""});
  sink.report({Severity::error, "a", "first", "a.yaml", {1, 5}, ""});
  sink.report({Severity::error, "c", "other file", "0.yaml", {9, 9}, ""});
  CHECK(sink.count(Severity::error) == 2);
  CHECK(sink.count(Severity::warning) == 1);
  CHECK(sink.has_errors());
  sink.sort_by_position();
  CHECK(sink.diagnostics()[0].message == "other file");
  CHECK(sink.diagnostics()[1].message == "first");
  CHECK(sink.diagnostics()[2].message == "second");
}

TEST_CASE("read_file reports missing files as errors") {
  CHECK_THROWS_WITH_AS(read_file("/nonexistent/leaspec.yaml", 100),
                       "cannot read /nonexistent/leaspec.yaml: no such file or directory", Error);
}
