// Each semantic rule fires at the right place, and stays silent on good text.
#include <doctest/doctest.h>

#include "rules_harness.hpp"

using namespace leaspec;
using namespace leaspec::test;

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

TEST_CASE("CPV codes: check digit, unknown codes and the nature of the main code") {
  CHECK(run_rules(replace(k_base, "cpv: [35125300-2]", "cpv: [35125300-3]")) ==
        Lines{"14:9 error: CPV code 35125300-3 has the wrong check digit: write 35125300-2 "
              "(\"Security cameras\") [cpv-check-digit]"});
  // A real code outside any short list: the complete vocabulary knows its check digit.
  CHECK(run_rules(replace(k_base, "cpv: [35125300-2]", "cpv: [35125300-2, 38433200-7]")) ==
        Lines{"14:21 error: CPV code 38433200-7 has the wrong check digit: write 38433200-1 "
              "(\"Emission measurement equipment\") [cpv-check-digit]"});
  CHECK(run_rules(replace(k_base, "cpv: [35125300-2]", "cpv: [35125300-2, 03111990-4]")) ==
        Lines{"14:21 error: CPV code 03111990-4 is not in the CPV 2008 vocabulary; codes that "
              "begin 031119: 03111900-1 (\"Flower seeds\"); leaspec catalog cpv WORDS finds "
              "others [cpv-unknown]"});
  // A code of one's own catalog is known; the bundled ones stay known.
  check::Config config;
  config.catalogs = std::make_shared<const catalog::Catalogs>(
      catalog::Catalogs::bundled().with({}, {{"03111990-4", "Seeds of the test catalog"}}));
  CHECK(run_rules(replace(k_base, "cpv: [35125300-2]", "cpv: [35125300-2, 03111990-4]"), config) ==
        Lines{});
  CHECK(run_rules(replace(k_base, "cpv: [35125300-2]", "cpv: [35125300-2, 03111990-5]"), config) ==
        Lines{"14:21 error: CPV code 03111990-5 has the wrong check digit: write 03111990-4 "
              "(\"Seeds of the test catalog\") [cpv-check-digit]"});
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
  // A standard lists legislation in its Bibliography, where nothing needs to cite it.
  CHECK(run_rules(replace(text, "sections:\n",
                          "standard: {deliverable: TS, committee: CEN/TC 391, stage: enquiry}\n"
                          "sections:\n")) == Lines{});
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
