#include <doctest/doctest.h>

#include "leaspec/check/checker.hpp"
#include "leaspec/resources.hpp"

using namespace leaspec;

TEST_CASE("specs are recognised by their leaspec key") {
  CHECK(check::looks_like_spec("# comment\nleaspec: 1\n"));
  CHECK(check::looks_like_spec("{\"leaspec\": 1}"));
  CHECK_FALSE(check::looks_like_spec("name: build\n  leaspec: 1\n"));
}

TEST_CASE("every bundled example validates against the bundled schema") {
  DiagnosticSink schema_sink;
  auto checker = check::Checker::create({}, schema_sink);
  REQUIRE(checker);
  int examples = 0;
  for (const auto& resource : catalog::all_resources()) {
    if (resource.name.rfind("data/examples/", 0) != 0 || !check::looks_like_spec(resource.data)) {
      continue;
    }
    ++examples;
    auto source =
        std::make_shared<SourceFile>(std::string(resource.name), std::string(resource.data));
    DiagnosticSink sink;
    checker->check(source, check::Config{}, sink);
    for (const auto& d : sink.diagnostics()) {
      FAIL_CHECK(resource.name << ":" << d.position.line << ": " << d.message);
    }
  }
  CHECK(examples >= 3);
}

TEST_CASE("the checker reports schema findings against the file") {
  DiagnosticSink schema_sink;
  auto checker = check::Checker::create({}, schema_sink);
  REQUIRE(checker);
  auto source = std::make_shared<SourceFile>("x.yaml", "leaspec: 2\n");
  DiagnosticSink sink;
  checker->check(source, check::Config{}, sink);
  REQUIRE_FALSE(sink.diagnostics().empty());
  CHECK(sink.diagnostics().front().file == "x.yaml");
}
