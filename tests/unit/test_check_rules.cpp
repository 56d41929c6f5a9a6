// Each semantic rule and lint check fires at the right place, and stays silent on good text.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include "helpers.hpp"
#include "leaspec/check/checker.hpp"
#include "leaspec/check/rules.hpp"

using namespace leaspec;

namespace {

const std::string k_base = R"(leaspec: 1
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

std::string replace(std::string text, const std::string& from, const std::string& to) {
  auto pos = text.find(from);
  REQUIRE_MESSAGE(pos != std::string::npos, "the base spec has no \"" << from << "\"");
  return text.replace(pos, from.size(), to);
}

/// "line:col severity: message [rule]" for every finding of the rules on `text`.
std::vector<std::string> run_rules(const std::string& text, const check::Config& config = {},
                                   const catalog::CpvList* cpv_list = nullptr) {
  test::Loaded loaded(text);
  REQUIRE(loaded.document.root);
  DiagnosticSink schema_sink;
  auto checker = check::Checker::create({}, schema_sink);
  REQUIRE(checker);
  DiagnosticSink sink;
  if (cpv_list) {
    spec::Spec model = spec::build(loaded.root(), "spec.yaml");
    check::check_rules({model, loaded.source, config, catalog::Catalogs::bundled(), cpv_list},
                       sink);
  } else {
    checker->check(std::make_shared<SourceFile>("test.yaml", text), config, sink);
  }
  std::vector<std::string> result;
  for (const Diagnostic& d : sink.diagnostics()) {
    result.push_back(fmt::format("{}:{} {}: {} [{}]", d.position.line, d.position.column,
                                 to_string(d.severity), d.message, d.rule));
  }
  return result;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("the base spec is clean") {
  CHECK(run_rules(k_base) == Lines{});
}

TEST_CASE("duplicate-id") {
  CHECK(run_rules(replace(k_base, "id: REQ-3", "id: REQ-1")) ==
        Lines{"40:13 error: requirement id \"REQ-1\" is already used at line 28 [duplicate-id]"});
  CHECK(
      run_rules(replace(k_base, "id: SEC\n", "id: LOT-1\n")) ==
      Lines{"25:9 error: section id \"LOT-1\" is already used by a lot at line 16 [duplicate-id]"});
}

TEST_CASE("unknown-reference, unknown-lot, unknown-agency, unknown-requirement") {
  CHECK(run_rules(replace(k_base, "references: [IEC-60529]", "references: [IEC-6052]")) ==
        Lines{"11:10 warning: reference \"IEC-60529\" (IEC 60529:1989+AMD1:1999+AMD2:2013) is "
              "cited by no requirement [uncited-reference]",
              "33:22 error: reference \"IEC-6052\" is not defined in references; did you mean "
              "\"IEC-60529\"? [unknown-reference]"});
  CHECK(run_rules(replace(k_base, "lots: [LOT-1]", "lots: [LOT-2]")) ==
        Lines{"34:16 error: lot \"LOT-2\" is not defined in procurement.lots; did you mean "
              "\"LOT-1\"? [unknown-lot]"});
  CHECK(run_rules(replace(k_base, "requested_by: [NL-POL]", "requested_by: [NL-PLO]")) ==
        Lines{"35:24 error: agency \"NL-PLO\" is not defined in agencies; did you mean "
              "\"NL-POL\"? [unknown-agency]"});
  CHECK(
      run_rules(replace(k_base, "{NL-POL: 10, BE-FPP: 5}", "{NL-POL: 10, BE-FPP: 5, DE-BKA: 1}")) ==
      Lines{"18:43 error: agency \"DE-BKA\" is not defined in agencies [unknown-agency]"});
  CHECK(run_rules(replace(k_base, "depends_on: [REQ-1]", "depends_on: [REQ-7]")) ==
        Lines{"39:22 error: requirement \"REQ-7\" is not defined; did you mean \"REQ-1\"? "
              "[unknown-requirement]"});
}

TEST_CASE("dependency-cycle names the cycle") {
  std::string text =
      replace(k_base, "priority: optional\n", "priority: optional\n        depends_on: [REQ-2]\n");
  text = replace(text, "requested_by: [NL-POL]\n",
                 "requested_by: [NL-POL]\n        depends_on: [REQ-3]\n");
  CHECK(run_rules(text) ==
        Lines{"40:22 error: depends_on forms a cycle: REQ-1 -> REQ-3 -> REQ-2 -> REQ-1 "
              "[dependency-cycle]"});
  CHECK(run_rules(replace(k_base, "depends_on: [REQ-1]", "depends_on: [REQ-2]")) ==
        Lines{"39:22 error: requirement \"REQ-2\" depends on itself [dependency-cycle]"});
}

TEST_CASE("lead-agency") {
  CHECK(run_rules(replace(k_base, "role: participant", "role: lead")) ==
        Lines{"9:10 error: agency \"BE-FPP\" is a second lead; a joint procurement has exactly one "
              "lead agency (\"NL-POL\" at line 8) [lead-agency]"});
  std::string no_lead = replace(k_base, "role: lead", "role: participant");
  CHECK(run_rules(no_lead) ==
        Lines{"8:5 error: the joint procurement has no lead agency; give one agency role: lead "
              "[lead-agency]"});
}

TEST_CASE("award-weights and award-method") {
  CHECK(run_rules(replace(k_base, "weight: 40", "weight: 30")) ==
        Lines{"20:13 error: the award weights add up to 90, not 100 [award-weights]"});
  CHECK(run_rules(replace(k_base, "method: best-price-quality-ratio", "method: lowest-price")) ==
        Lines{"23:14 error: criterion \"QUALITY\" scores quality, but the award method "
              "lowest-price scores price only [award-method]"});
}

TEST_CASE("lot-quantity and agency-without-lot") {
  CHECK(run_rules(replace(k_base, "{NL-POL: 10, BE-FPP: 5}", "{NL-POL: 10, BE-FPP: 0}")) ==
        Lines{"9:10 warning: agency \"BE-FPP\" buys in no lot [agency-without-lot]"});
  CHECK(run_rules(replace(k_base, "{NL-POL: 10, BE-FPP: 5}", "{NL-POL: 0, BE-FPP: 0}")) ==
        Lines{"9:10 warning: agency \"BE-FPP\" buys in no lot [agency-without-lot]",
              "16:11 error: lot \"LOT-1\" has no positive quantity for any agency [lot-quantity]"});
}

TEST_CASE("unknown-unit and metric-range") {
  CHECK(run_rules(replace(k_base, "value: 12, unit: h}", "value: 12, unit: hrs}")) ==
        Lines{"32:67 warning: unknown unit \"hrs\"; did you mean \"h\"? [unknown-unit]"});
  CHECK(
      run_rules(replace(k_base, "op: \">=\", value: 12, unit: h}", "min: 12, max: 8, unit: h}")) ==
      Lines{"32:17 error: the metric's min 12 is greater than its max 8 [metric-range]"});
  CHECK(run_rules(replace(k_base, "op: \">=\", value: 12, unit: h}",
                          "min: 8, max: 12, unit: min}")) == Lines{});
}

TEST_CASE("CPV codes: check digit, unknown codes and the nature of the main code") {
  CHECK(run_rules(replace(k_base, "cpv: [35125300-2]", "cpv: [35125300-3]")) ==
        Lines{"14:9 error: CPV code 35125300-3 has the wrong check digit; the code for \"Security "
              "cameras\" is 35125300-2 [cpv-check-digit]"});
  CHECK(run_rules(replace(k_base, "cpv: [35125300-2]", "cpv: [35125300-2, 03111000-2]")) ==
        Lines{"14:21 warning: CPV code 03111000-2 is not in the bundled catalog; check it against "
              "the official list with --cpv-list FILE [cpv-unknown]"});
  catalog::CpvList full{{"35125300-2", "Security cameras"}, {"03111000-2", "Seeds"}};
  CHECK(run_rules(replace(k_base, "cpv: [35125300-2]", "cpv: [35125300-2, 03111000-2]"), {},
                  &full) == Lines{});
  CHECK(
      run_rules(replace(k_base, "cpv: [35125300-2]", "cpv: [35125300-2, 03111000-9]"), {}, &full) ==
      Lines{"14:21 error: CPV code 03111000-9 has the wrong check digit; the code for \"Seeds\" is "
            "03111000-2 [cpv-check-digit]"});
  CHECK(
      run_rules(replace(k_base, "cpv: [35125300-2]", "cpv: [35125300-2, 03222000-3]"), {}, &full) ==
      Lines{"14:21 error: CPV code 03222000-3 is not in the CPV list [cpv-unknown]"});
  CHECK(run_rules(replace(k_base, "nature: supplies", "nature: services")) ==
        Lines{"14:9 warning: the main CPV code 35125300-2 is in division 35 (supplies), but the "
              "nature is services [cpv-nature]"});
}

TEST_CASE("country-code") {
  CHECK(run_rules(replace(k_base, "country: BE", "country: EL")) ==
        Lines{"9:51 error: \"EL\" is not an ISO 3166-1 alpha-2 country code; ISO 3166-1 writes GR "
              "[country-code]"});
  CHECK(run_rules(replace(k_base, "country: BE", "country: XK")) ==
        Lines{"9:51 error: \"XK\" is not an ISO 3166-1 alpha-2 country code [country-code]"});
}

TEST_CASE("withdrawn-reference names the successor") {
  CHECK(run_rules(replace(k_base, "IEC 60529:1989+AMD1:1999+AMD2:2013", "ISO/IEC 27001:2013")) ==
        Lines{"11:34 warning: ISO/IEC 27001:2013 is withdrawn; cite ISO/IEC 27001:2022 instead "
              "[withdrawn-reference]"});
  CHECK(run_rules(replace(k_base, "IEC 60529:1989+AMD1:1999+AMD2:2013", "ISO/IEC 27001:2022")) ==
        Lines{});
}

TEST_CASE("uncited-reference") {
  std::string text = replace(k_base, "type: standard}\n",
                             "type: standard}\n  - {id: LED, designation: Directive (EU) "
                             "2016/680, title: Police directive, type: legislation}\n");
  CHECK(run_rules(text) == Lines{"12:10 warning: reference \"LED\" (Directive (EU) 2016/680) is "
                                 "cited by no requirement [uncited-reference]"});
  CHECK(run_rules(replace(text, "references: [IEC-60529]",
                          "references: [IEC-60529, {ref: LED, clause: Art. 25}]")) == Lines{});
}

TEST_CASE("legislation-normative: only in a standard, at the citation") {
  std::string text = replace(k_base, "type: standard}\n",
                             "type: standard}\n  - {id: LED, designation: Directive (EU) "
                             "2016/680, title: Police directive, type: legislation}\n");
  text = replace(text, "references: [IEC-60529]", "references: [IEC-60529, LED]");
  CHECK(run_rules(text) == Lines{});
  std::string standard =
      replace(text, "area: front-line-policing\n",
              "area: front-line-policing\nstandard: {deliverable: prEN, committee: CEN/TC 391, "
              "stage: enquiry}\n");
  CHECK(run_rules(standard) ==
        Lines{"35:33 warning: requirement \"REQ-1\" cites legislation \"LED\" (Directive (EU) "
              "2016/680) as a normative reference; a standard cites legislation only for "
              "information, so the draft lists it in the Bibliography [legislation-normative]"});
  CHECK(run_rules(replace(standard, "references: [IEC-60529, LED]",
                          "references: [IEC-60529, LED]\n        lint_ignore: "
                          "[legislation-normative]")) == Lines{});
}

TEST_CASE("lot-applicability: lots of another nature or CPV division") {
  std::string two_lots =
      replace(k_base, "      quantities: {NL-POL: 10, BE-FPP: 5}\n",
              "      quantities: {NL-POL: 10, BE-FPP: 5}\n    - id: LOT-2\n      title: Repairs\n"
              "      nature: services\n      cpv: [50343000-1]\n      quantities: {NL-POL: 1}\n");
  CHECK(run_rules(two_lots) ==
        Lines{"41:13 warning: requirement \"REQ-2\" applies to every lot, but the lots differ in "
              "nature (LOT-1 supplies, LOT-2 services); name the lots it applies to in lots "
              "[lot-applicability]",
              "45:13 warning: requirement \"REQ-3\" applies to every lot, but the lots differ in "
              "nature (LOT-1 supplies, LOT-2 services); name the lots it applies to in lots "
              "[lot-applicability]"});
  std::string software = replace(two_lots, "      nature: services\n      cpv: [50343000-1]\n",
                                 "      cpv: [48000000-8]\n");
  CHECK(run_rules(replace(software, "        priority: optional\n",
                          "        priority: optional\n        lots: [LOT-2]\n")) ==
        Lines{"40:13 warning: requirement \"REQ-2\" applies to every lot, but the lots differ in "
              "CPV division (LOT-1 35, LOT-2 48); name the lots it applies to in lots "
              "[lot-applicability]"});
  // Lots of one kind: a requirement for all of them is what the buyer means.
  CHECK(run_rules(replace(software, "      cpv: [48000000-8]\n", "")) == Lines{});
}

TEST_CASE("a lot's own award is checked like the tender's") {
  std::string text =
      replace(k_base, "      quantities: {NL-POL: 10, BE-FPP: 5}\n",
              "      quantities: {NL-POL: 10, BE-FPP: 5}\n      award:\n        method: "
              "best-price-quality-ratio\n        criteria:\n          - {id: LOT-PRICE, name: "
              "Price, type: price, weight: 70}\n          - {id: LOT-Q, name: Quality, type: "
              "quality, weight: 20, requirements: [REQ-9]}\n");
  CHECK(run_rules(text) ==
        Lines{"20:17 error: the award weights add up to 90, not 100 [award-weights]",
              "23:82 error: requirement \"REQ-9\" is not defined; did you mean \"REQ-1\"? "
              "[unknown-requirement]"});
}

TEST_CASE("the joint procurement names agencies that are defined") {
  std::string text = replace(k_base, "  cpv: [35125300-2]\n",
                             "  cpv: [35125300-2]\n  joint:\n    applicable_law: Aanbestedingswet "
                             "2012\n    lead_authority: NL-PLO\n    responsibilities:\n      - "
                             "{agency: DE-BKA, task: Pays its own contracts.}\n");
  CHECK(run_rules(text) ==
        Lines{"17:21 error: agency \"NL-PLO\" is not defined in agencies; did you mean "
              "\"NL-POL\"? [unknown-agency]",
              "19:18 error: agency \"DE-BKA\" is not defined in agencies [unknown-agency]"});
}

TEST_CASE("verbal-form: shall, should and may follow the priority") {
  CHECK(run_rules(replace(k_base, "The camera shall record", "The camera should record")) ==
        Lines{"29:26 error: a mandatory requirement is stated with \"shall\", not \"should\" "
              "[verbal-form]"});
  CHECK(run_rules(replace(k_base, "The camera should weigh", "The camera shall weigh")) ==
        Lines{"37:26 error: a recommended requirement is stated with \"should\", not \"shall\" "
              "[verbal-form]"});
  CHECK(run_rules(replace(k_base, "The camera may record sound.", "The camera records sound.")) ==
        Lines{"41:15 error: an optional requirement is stated with \"may\" [verbal-form]"});
}

TEST_CASE("must and will") {
  CHECK(run_rules(replace(k_base, "The camera shall record", "The camera must record")) ==
        Lines{"29:26 warning: \"must\" expresses a constraint from outside the document; state a "
              "requirement with \"shall\" [must]"});
  CHECK(run_rules(replace(k_base, "The camera may record sound.",
                          "The camera may record sound, which will help.")) ==
        Lines{"41:50 warning: \"will\" states a fact or an intention, not a requirement [will]"});
}

TEST_CASE("vague terms, escape clauses, open lists and and/or mark the exact words") {
  CHECK(run_rules(replace(k_base, "The camera may record sound.",
                          "The camera may record sound and/or video, etc., where possible, in an "
                          "intuitive way.")) ==
        Lines{"41:43 warning: \"and/or\" is ambiguous: say \"and\", \"or\" or \"either or both\" "
              "[and-or]",
              "41:57 warning: \"etc\" leaves the list open: name every item [open-ended]",
              "41:63 warning: \"where possible\" is an escape clause: a bidder could claim it was "
              "not possible [escape-clause]",
              "41:85 warning: \"intuitive\" is vague: state a measurable criterion instead "
              "[vague-term]"});
}

TEST_CASE("findings inside folded block scalars point into the block") {
  CHECK(run_rules(replace(k_base, "text: The camera may record sound.",
                          "text: >-\n          The camera may record sound\n          "
                          "in an Adequate quality.")) ==
        Lines{"43:17 warning: \"Adequate\" is vague: state a measurable criterion instead "
              "[vague-term]"});
}

TEST_CASE("multiple-shall and missing-metric") {
  CHECK(run_rules(
            replace(k_base, "for at least 12 hours.", "for at least 12 hours and shall beep.")) ==
        Lines{"29:65 warning: the statement has 2 \"shall\"s: write one requirement per statement "
              "[multiple-shall]"});
  CHECK(run_rules(replace(
            k_base, "        metric: {parameter: endurance, op: \">=\", value: 12, unit: h}\n",
            "")) ==
        Lines{"28:13 warning: performance requirement \"REQ-1\" has no metric to verify it against "
              "[missing-metric]"});
}

TEST_CASE("configuration sets severities, turns rules off and adds vague terms") {
  std::string text = replace(k_base, "The camera may record sound.",
                             "The camera may record sound, if possible, smoothly.");
  check::Config config;
  config.severities["escape-clause"] = Severity::error;
  config.vague_terms = {"smoothly"};
  CHECK(run_rules(text, config) ==
        Lines{"41:44 error: \"if possible\" is an escape clause: a bidder could claim it was not "
              "possible [escape-clause]",
              "41:57 warning: \"smoothly\" is vague: state a measurable criterion instead "
              "[vague-term]"});
  config.severities["vague-term"] = std::nullopt;
  CHECK(run_rules(text, config).size() == 1);
}

TEST_CASE("inline suppression and lint_ignore silence one requirement") {
  std::string text = replace(k_base, "The camera may record sound.",
                             "The camera may record sound quickly.  # leaspec: ignore[vague-term]");
  CHECK(run_rules(text) == Lines{});
  text = replace(k_base, "The camera may record sound.\n        priority: optional\n",
                 "The camera may record sound quickly.\n        priority: optional\n"
                 "        lint_ignore: [vague-term]\n");
  CHECK(run_rules(text) == Lines{});
  text = replace(k_base, "The camera should weigh no more than 200 g.",
                 "The camera should weigh no more than 200 g, etc.  # leaspec: ignore[vague-term]");
  CHECK(run_rules(text) ==
        Lines{"37:59 warning: \"etc\" leaves the list open: name every item [open-ended]"});
}
