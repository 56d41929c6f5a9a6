// A spec written back as YAML reads back as the same spec, and validates.
#include <doctest/doctest.h>

#include "full_spec.hpp"
#include "helpers.hpp"
#include "leaspec/check/checker.hpp"
#include "leaspec/spec.hpp"

using namespace leaspec;

namespace {

/// The findings of the whole pipeline on `text`, as "message [rule]": the emitted text is laid
/// out anew, so its findings sit on other lines.
std::vector<std::string> findings(const std::string& text) {
  DiagnosticSink schema_sink;
  auto checker = check::Checker::create({}, schema_sink);
  REQUIRE(checker);
  DiagnosticSink sink;
  checker->check(std::make_shared<SourceFile>("emitted.yaml", text), check::Config{}, sink);
  std::vector<std::string> result;
  for (const Diagnostic& d : sink.diagnostics()) {
    result.push_back(d.message + " [" + d.rule + "]");
  }
  return result;
}

}  // namespace

TEST_CASE("a spec written back reads back equal and validates") {
  test::Loaded original{std::string(test::k_full_spec)};
  REQUIRE(original.document.root);
  spec::Spec first = spec::build(original.root(), "full.yaml");
  std::string emitted = spec::to_yaml(first, "written by a test", [](const spec::Requirement& r) {
    return r.id.value == "ENV-001" ? std::string("from somewhere") : std::string();
  });
  CHECK(emitted.rfind("# written by a test\nleaspec: 1\n", 0) == 0);
  CHECK(emitted.find("          # from somewhere\n          - id: ENV-001\n") != std::string::npos);

  test::Loaded again(emitted);
  REQUIRE_MESSAGE(again.document.root, emitted);
  CHECK(again.sink.diagnostics().empty());
  spec::Spec second = spec::build(again.root(), "full.yaml");
  // Written once more, the text is the same: nothing is lost or changed on the way.
  CHECK(spec::to_yaml(second, "written by a test", [](const spec::Requirement& r) {
          return r.id.value == "ENV-001" ? std::string("from somewhere") : std::string();
        }) == emitted);
  CHECK(second.version == "1.10");
  CHECK(second.procurement->joint->applicable_law ==
        "Dutch Public Procurement Act 2012 (Aanbestedingswet 2012)");
  CHECK(second.sections[0].sections[0].requirements[1].text.value ==
        "The camera should weigh between 100 g and 150.5 g: \"light\".");
  CHECK(second.sections[0].sections[0].requirements[1].metric->max_text == "150.5");
  CHECK(findings(emitted) == findings(std::string(test::k_full_spec)));
}

TEST_CASE("texts YAML would read as something else are quoted") {
  test::Loaded loaded{std::string(test::k_full_spec)};
  spec::Spec s = spec::build(loaded.root(), "full.yaml");
  const std::vector<std::string> tricky = {"no",         "Yes",
                                           "1.0",        "true",
                                           "~",          " leading space",
                                           "a: b",       "# not a comment",
                                           "tab\there",  "line\nbreak",
                                           "- dash",     "null",
                                           "2027-01-01", "caf\xC3\xA9 \"x\""};
  s.authors.clear();
  for (const std::string& name : tricky) {
    s.authors.push_back({name, name});
  }
  test::Loaded back(spec::to_yaml(s));
  REQUIRE(back.document.root);
  spec::Spec read = spec::build(back.root(), "full.yaml");
  REQUIRE(read.authors.size() == tricky.size());
  for (std::size_t i = 0; i < tricky.size(); ++i) {
    CHECK(read.authors[i].name == tricky[i]);
    CHECK(read.authors[i].organisation == tricky[i]);
  }
}
