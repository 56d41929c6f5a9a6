// Merge reports its conflicts as diagnostics with both sides, and writes provenance.
#include <doctest/doctest.h>

#include "helpers.hpp"
#include "leaspec/joint.hpp"

using namespace leaspec;

namespace {

std::string spec_text(const std::string& agency, const std::string& requirement) {
  return "leaspec: 1\nid: J-1\ntitle: J\nversion: \"1\"\nstatus: draft\narea: forensics\n"
         "agencies: [{id: " +
         agency + ", name: Agency " + agency +
         ", country: NL, role: lead}]\n"
         "sections:\n  - id: S\n    title: S\n    requirements:\n" +
         requirement;
}

struct Inputs {
  test::Loaded a, b;
  spec::Spec sa, sb;
  Inputs(const std::string& first, const std::string& second)
      : a(first),
        b(second),
        sa(spec::build(a.root(), "in/a.yaml")),
        sb(spec::build(b.root(), "in/b.yaml")) {}
  joint::MergeResult merge(joint::Prefer prefer) const {
    return joint::merge({&sa, &sb}, {prefer, ""}, catalog::Units::bundled());
  }
};

const std::string k_req_a =
    "      - id: R-1\n        text: The tool shall image a phone in 60 minutes.\n"
    "        priority: mandatory\n"
    "        metric: {parameter: imaging time, op: \"<=\", value: 60, unit: min}\n";
const std::string k_req_b =
    "      - id: R-1\n        text: The tool shall image a phone in 30 minutes.\n"
    "        priority: mandatory\n"
    "        metric: {parameter: imaging time, op: \"<=\", value: 0.5, unit: h}\n";

}  // namespace

TEST_CASE("conflicts become diagnostics at the first side, with the other side related") {
  Inputs inputs(spec_text("AA", k_req_a), spec_text("BB", k_req_b));
  joint::MergeResult result = inputs.merge(joint::Prefer::fail);
  CHECK(result.inputs == std::vector<std::string>{"in/a.yaml", "in/b.yaml"});
  std::vector<Diagnostic> diagnostics = joint::conflict_diagnostics(result);
  // One conflict per requirement: its wording and its metric differ together.
  REQUIRE(diagnostics.size() == 1);
  const Diagnostic& metric = diagnostics[0];
  CHECK(metric.rule == "merge-metric");
  CHECK(metric.severity == Severity::error);
  CHECK(metric.file == "in/a.yaml");
  CHECK(metric.position == Position{12, 9});
  CHECK(metric.pointer == "/sections/0/requirements/0");
  CHECK(metric.message ==
        "requirement R-1 asks for <= 60 min in a.yaml and <= 0.5 h (<= 30 min) in b.yaml");
  REQUIRE(metric.related.size() == 2);
  CHECK(metric.related[0].file == "in/a.yaml");
  CHECK(metric.related[0].message ==
        "this side says: \"The tool shall image a phone in 60 minutes.\"");
  CHECK(metric.related[1].file == "in/b.yaml");
  CHECK(metric.related[1].position == Position{12, 9});
  CHECK(metric.related[1].message ==
        "the other side says: \"The tool shall image a phone in 30 minutes.\"");
  CHECK(joint::rule_of(joint::FindingKind::incompatible_range) == "merge-incompatible-range");
}

TEST_CASE("the joint spec says where each requirement came from") {
  Inputs inputs(spec_text("AA", k_req_a), spec_text("BB", k_req_a));
  joint::MergeResult result = inputs.merge(joint::Prefer::fail);
  CHECK(result.conflicts() == 0);
  CHECK(joint::conflict_diagnostics(result).empty());
  std::string yaml = joint::to_yaml(result);
  CHECK(yaml.rfind("# A joint spec merged by leaspec", 0) == 0);
  CHECK(yaml.find("      # from a.yaml:12, b.yaml:12\n      - id: R-1\n") != std::string::npos);
  CHECK(yaml.find("  - {id: AA, name: Agency AA, country: NL, role: lead}\n"
                  "  - {id: BB, name: Agency BB, country: NL, role: participant}\n") !=
        std::string::npos);
}
