#pragma once
// The base spec the rule tests edit, and a runner that gives every finding of the rules.

#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "helpers.hpp"
#include "leaspec/check/checker.hpp"
#include "leaspec/check/rules.hpp"

namespace leaspec::test {

inline const std::string k_base = R"(leaspec: 1
id: CAM-2026
title: Cameras
version: 1.0.0
status: draft
area: front-line-policing
agencies:
  - {id: NL-POL, name: Politie, country: NL, role: lead}
  - {id: BE-FPP, name: Federale politie, country: BE, role: participant}
references:
  - {id: IEC-60529, designation: IEC 60529:1989+AMD1:1999+AMD2:2013, title: IP Code, type: standard}
procurement:
  nature: supplies
  cpv: [35125300-2]
  lots:
    - id: LOT-1
      title: Cameras
      quantities: {NL-POL: 10, BE-FPP: 5}
  award:
    method: best-price-quality-ratio
    criteria:
      - {id: PRICE, name: Price, type: price, weight: 60}
      - {id: QUALITY, name: Quality, type: quality, weight: 40, requirements: [REQ-1]}
sections:
  - id: SEC
    title: Cameras
    requirements:
      - id: REQ-1
        text: The camera shall record for at least 12 hours.
        priority: mandatory
        kind: performance
        metric: {parameter: endurance, op: ">=", value: 12, unit: h}
        references: [IEC-60529]
        lots: [LOT-1]
        requested_by: [NL-POL]
      - id: REQ-2
        text: The camera should weigh no more than 200 g.
        priority: recommended
        depends_on: [REQ-1]
      - id: REQ-3
        text: The camera may record sound.
        priority: optional
)";

inline std::string replace(std::string text, const std::string& from, const std::string& to) {
  auto pos = text.find(from);
  REQUIRE_MESSAGE(pos != std::string::npos, "the base spec has no \"" << from << "\"");
  return text.replace(pos, from.size(), to);
}

/// "line:col severity: message [rule]" for every finding of the rules on `text`.
inline std::vector<std::string> run_rules(const std::string& text,
                                          const check::Config& config = {}) {
  DiagnosticSink schema_sink;
  auto checker = check::Checker::create({}, schema_sink);
  REQUIRE(checker);
  DiagnosticSink sink;
  checker->check(std::make_shared<SourceFile>("test.yaml", text), config, sink);
  std::vector<std::string> result;
  for (const Diagnostic& d : sink.diagnostics()) {
    result.push_back(fmt::format("{}:{} {}: {} [{}]", d.position.line, d.position.column,
                                 to_string(d.severity), d.message, d.rule));
  }
  return result;
}

using Lines = std::vector<std::string>;

}  // namespace leaspec::test
