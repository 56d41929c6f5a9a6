#include <string>

#include <doctest/doctest.h>

#include "helpers.hpp"
#include "leaspec/site.hpp"

using namespace leaspec;

namespace {

const char* const k_spec = R"(leaspec: 1
id: RAD-2027
title: Radios
version: 1.0.0
status: draft
area: front-line-policing
agencies:
  - {id: DE-BKA, name: Bundeskriminalamt, country: DE, role: lead}
  - {id: AT-BMI, name: Innenministerium, country: AT, role: participant}
procurement:
  lots:
    - {id: HANDSET, title: Handsets, quantities: {DE-BKA: 10}}
    - {id: VEHICLE, title: Vehicle radios, quantities: {DE-BKA: 5}}
    - id: SUPPORT
      title: Support
      quantities: {AT-BMI: 1}
      award:
        method: best-price-quality-ratio
        criteria:
          - {id: PRICE-S, name: Support price, type: price, weight: 30}
          - {id: RESPONSE, name: Response times, type: quality, weight: 70}
  award:
    method: best-price-quality-ratio
    criteria:
      - {id: PRICE, name: Price, type: price, weight: 40}
      - {id: COST, name: Running cost, type: cost, weight: 10}
      - {id: BATTERY, name: Battery life, type: quality, weight: 50, requirements: [R-2]}
sections:
  - id: PWR
    title: Power
    requirements:
      - {id: R-1, text: The radio shall charge., priority: mandatory, requested_by: [DE-BKA]}
      - {id: R-2, text: The radio shall last., priority: mandatory, requested_by: [DE-BKA, AT-BMI]}
      - {id: R-3, text: The radio shall glow., priority: optional, requested_by: [XX-YY]}
  - id: SUP
    title: Support
    requirements:
      - {id: R-4, text: The supplier shall repair., priority: mandatory}
)";

std::size_t occurrences(const std::string& text, const std::string& needle) {
  std::size_t count = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos;
       at = text.find(needle, at + 1)) {
    ++count;
  }
  return count;
}

bool has(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

/// The award charts of the spec `text`.
std::string award_html(const std::string& text) {
  test::Model built(text);
  site::ChartIds ids;
  return site::award_charts(built.spec, ids);
}

}  // namespace

TEST_CASE("the award chart draws one chart per award when a lot has its own") {
  test::Model built(k_spec);
  site::ChartIds ids;
  std::string html = site::award_charts(built.spec, ids);
  CHECK(occurrences(html, "<svg") == 2);
  CHECK(occurrences(html, "<title>Award criteria weights") == 2);
  CHECK(has(html, "<title>Award criteria weights, lots HANDSET, VEHICLE</title>"));
  CHECK(has(html, "<title>Award criteria weights, lot SUPPORT</title>"));
  // Bars are shares of the whole award on a 360 unit scale: 40 % of it is 144.
  CHECK(has(html, "<rect x=\"0\" y=\"86.0\" width=\"144.0\" height=\"16\" fill=\"#2559a7\"/>"));
  CHECK(has(html, "<rect x=\"0\" y=\"134.0\" width=\"36.0\" height=\"16\" fill=\"#7040a0\"/>"));
  // The split by type names each part, and the table lists every criterion with its share.
  CHECK(has(html, ">price 40 %</text>"));
  CHECK(has(html, ">quality 70 %</text>"));
  CHECK(has(html, "<td>cost</td><td class=\"num\">10</td><td class=\"num\">10 %</td>"));
  CHECK(has(html, "<a href=\"#R-2\">R-2</a>"));
  CHECK(ids.next == 3);
}

TEST_CASE("the award chart is one chart for the tender when no lot has its own award") {
  std::string text = k_spec;
  std::size_t own = text.find("      award:\n        method");
  std::size_t end = text.find("  award:\n    method");
  text.erase(own, end - own);
  std::string html = award_html(text);
  CHECK(occurrences(html, "<svg") == 1);
  CHECK(has(html, "<title>Award criteria weights, lots HANDSET, VEHICLE, SUPPORT</title>"));
}

TEST_CASE("the award chart says when weights do not add up to 100") {
  std::string text = k_spec;
  text.replace(text.find("weight: 50"), 10, "weight: 30");
  std::string html = award_html(text);
  CHECK(has(html, "the weights add up to 80."));
  CHECK(has(html, ">40 (50 %)</text>"));
}

TEST_CASE("the coverage chart counts requirements per section and agency") {
  test::Model built(k_spec);
  site::ChartIds ids;
  std::string html = site::coverage_chart(built.spec, ids);
  CHECK(has(html, "<title>Who asked for what</title>"));
  // Power: DE-BKA asked for 2 of 3, AT-BMI for 1, and an agency the spec does not define for 1.
  CHECK(has(html,
            "<th>Power</th><td class=\"num\">3</td><td class=\"num\">2 (67 %)</td><td "
            "class=\"num\">1 (33 %)</td><td class=\"num\">1 (33 %)</td>"));
  CHECK(has(html, "<th scope=\"col\" class=\"num\">XX-YY</th>"));
  CHECK(has(html, "<th>Support</th><td class=\"num\">1</td><td class=\"num\">0 (0 %)</td>"));
  CHECK(has(html, "<th>All sections</th><td class=\"num\">4</td><td class=\"num\">2 (50 %)</td>"));
  CHECK(has(html, "Power: DE-BKA 2, AT-BMI 1, XX-YY 1."));
}

TEST_CASE("the coverage chart is left out when no requirement names who asked for it") {
  std::string text = k_spec;
  for (std::size_t at = text.find(", requested_by: ["); at != std::string::npos;
       at = text.find(", requested_by: [")) {
    text.erase(at, text.find(']', at) + 1 - at);
  }
  test::Model built(text);
  site::ChartIds ids;
  CHECK(site::coverage_chart(built.spec, ids).empty());
}

TEST_CASE("the change chart counts changes per section and kind") {
  test::Model built(k_spec);
  using joint::ChangeKind;
  using joint::Direction;
  std::vector<joint::Change> changes = {
      {ChangeKind::added, "R-9", "PWR", "R-9 added", "", "x", "", Direction::none, {}},
      {ChangeKind::metric, "R-1", "PWR", "tightened", "", "", "", Direction::tightened, {}},
      {ChangeKind::priority, "R-2", "PWR", "lowered", "", "", "", Direction::relaxed, {}},
      {ChangeKind::removed, "R-7", "OLD", "R-7 removed", "", "", "", Direction::none, {}},
      {ChangeKind::statement, "R-4", "SUP", "reworded", "", "", "", Direction::none, {}},
      {ChangeKind::cpv, "", "", "cpv", "", "", "", Direction::none, {}},
  };
  site::ChartIds ids;
  std::string html = site::change_chart(changes, built.spec, ids);
  CHECK(has(html, "<title>Changes per section</title>"));
  CHECK(has(html,
            "<tr><th>Power</th><td class=\"num\">1</td><td class=\"num\">0</td><td "
            "class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">0</td><td "
            "class=\"num\">3</td></tr>"));
  CHECK(has(html,
            "<tr><th>Support</th><td class=\"num\">0</td><td class=\"num\">0</td><td "
            "class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">1</td>"));
  CHECK(has(html,
            "<tr><th>OLD (removed section)</th><td class=\"num\">0</td><td "
            "class=\"num\">1</td>"));
  CHECK(has(html, "<th>Tender (lots, CPV, award, references)</th>"));
  CHECK(has(html,
            "<tr><th>Total</th><td class=\"num\">1</td><td class=\"num\">1</td><td "
            "class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">2</td><td "
            "class=\"num\">6</td></tr>"));
  CHECK(site::change_chart({}, built.spec, ids).empty());
}

TEST_CASE("the conformance chart counts the verdicts of each clause of a standard") {
  using conform::Verdict;
  spec::Conformance entry;
  entry.standard.value = "STD-EU";
  entry.version.value = "1.0";
  std::vector<spec::Requirement> clauses(3);
  clauses[0].id.value = "4.1";
  clauses[1].id.value = "4.2";
  clauses[2].id.value = "5";
  conform::StandardResult result;
  result.entry = &entry;
  // A clause has a row per requirement that implements it.
  for (auto [clause, verdict] : {std::pair{0, Verdict::meets},
                                 {1, Verdict::weakens},
                                 {0, Verdict::tightens},
                                 {2, Verdict::missing},
                                 {0, Verdict::meets},
                                 {1, Verdict::left_out}}) {
    conform::Row row;
    row.clause = &clauses[static_cast<std::size_t>(clause)];
    row.verdict = verdict;
    result.rows.push_back(row);
  }
  site::ChartIds ids;
  std::string html = site::conformance_chart(result, ids);
  CHECK(has(html, "<title>Conformance per clause of STD-EU 1.0</title>"));
  CHECK(has(html,
            "<tr><th>4.1</th><td class=\"num\">2</td><td class=\"num\">1</td><td "
            "class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">0</td><td "
            "class=\"num\">3</td></tr>"));
  CHECK(has(html,
            "<tr><th>5</th><td class=\"num\">0</td><td class=\"num\">0</td><td "
            "class=\"num\">0</td><td class=\"num\">1</td>"));
  CHECK(has(html, "Clause 4.2: 0 meets, 0 tightens, 1 weakens, 0 missing, 1 left-out."));
  // Rows keep the order in which clauses first appear.
  CHECK(html.find("<th>4.1</th>") < html.find("<th>4.2</th>"));
  CHECK(html.find("<th>4.2</th>") < html.find("<th>5</th>"));
  CHECK(site::conformance_chart(conform::StandardResult{}, ids).empty());
}

TEST_CASE("charts escape the spec's text") {
  std::string text = k_spec;
  text.replace(text.find("name: Price,"), 12, "name: \"Price <b>&</b>\",");
  std::string html = award_html(text);
  CHECK(has(html, "Price &lt;b&gt;&amp;&lt;/b&gt;"));
  CHECK_FALSE(has(html, "<b>"));
}
