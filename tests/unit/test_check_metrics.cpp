// The metric rules: unknown units, ranges, statements that disagree with their metric, and
// operating ranges whose meaning is left unsaid.
#include <doctest/doctest.h>

#include "rules_harness.hpp"

using namespace leaspec;
using namespace leaspec::test;

namespace {

/// A spec with one requirement: its statement is on line 13 from column 15.
std::string one(const std::string& text, const std::string& metric,
                const std::string& language = "en") {
  return "leaspec: 1\nid: CAM-2026\ntitle: Cameras\nversion: 1.0.0\nstatus: draft\n"
         "area: forensics\nlanguage: " +
         language +
         "\nsections:\n  - id: SEC\n    title: Cameras\n    requirements:\n      - id: REQ-1\n"
         "        text: " +
         text + "\n        priority: mandatory\n        metric: " + metric + "\n";
}

}  // namespace

TEST_CASE("unknown-unit suggests the closest symbol") {
  CHECK(run_rules(replace(k_base, "value: 12, unit: h}", "value: 12, unit: hrs}")) ==
        Lines{"32:67 warning: unknown unit \"hrs\"; did you mean \"h\"? [unknown-unit]"});
  CHECK(run_rules(one("The camera shall weigh at most 2 kg.",
                      "{parameter: weight, op: \"<=\", value: 2, unit: kg.m/m}")) == Lines{});
}

TEST_CASE("metric-range") {
  CHECK(run_rules(one("The camera shall work between 8 h and 12 h.",
                      "{parameter: endurance, min: 12, max: 8, unit: h}")) ==
        Lines{"15:17 error: the metric's min 12 is greater than its max 8 [metric-range]"});
}

TEST_CASE("metric-text: the number in the statement is not the metric's") {
  CHECK(run_rules(one("The device shall identify a substance in 60 seconds or less.",
                      "{parameter: time to result, op: \"<=\", value: 30, unit: s}")) ==
        Lines{"13:56 error: the text states 60 seconds, but the metric says <= 30 s "
              "[metric-text]"});
  CHECK(run_rules(one("The battery shall last at least 4 hours.",
                      "{parameter: battery endurance, op: \">=\", value: 5, unit: h}")) ==
        Lines{"13:47 error: the text states 4 hours, but the metric says >= 5 h [metric-text]"});
  CHECK(run_rules(one("The camera shall record for at least 600 minutes.",
                      "{parameter: endurance, op: \">=\", value: 12, unit: h}")) ==
        Lines{"13:52 error: the text states 600 minutes (10 h), but the metric says >= 12 h "
              "[metric-text]"});
}

TEST_CASE("metric-text: the direction in the statement is not the metric's") {
  CHECK(run_rules(one("The device shall give a result in at least 30 seconds.",
                      "{parameter: time to result, op: \"<=\", value: 30, unit: s}")) ==
        Lines{"13:58 error: the text says \"at least\" 30 seconds, but the metric says <= 30 s "
              "[metric-text]"});
  CHECK(run_rules(one("The camera shall weigh 300 g or less.",
                      "{parameter: weight, op: \">=\", value: 300, unit: g}")) ==
        Lines{"13:38 error: the text says \"or less\" 300 g, but the metric says >= 300 g "
              "[metric-text]"});
}

TEST_CASE("metric-text: agreeing statements in other units, ranges and ratings are clean") {
  const char* clean[][2] = {
      {"The camera shall record for at least 600 minutes.",
       "{parameter: endurance, op: \">=\", value: 10, unit: h}"},
      {"The reader shall answer within 0.5 s.",
       "{parameter: response time, op: \"<=\", value: 500, unit: ms}"},
      {"The camera shall operate from -20 °C to +50 °C.",
       "{parameter: operating temperature, min: -20, max: 50, range: cover, unit: °C}"},
      {"The camera shall operate from \xE2\x88\x92"
       "4 °F to 122 °F.",
       "{parameter: operating temperature, min: -20, max: 50, range: cover, unit: °C}"},
      {"The enclosure shall be protected to at least IP67.",
       "{parameter: ingress protection, op: \">=\", value: 67, unit: IP}"},
      {"The camera shall record for at least 12 hours at 30 fps.",
       "{parameter: endurance, op: \">=\", value: 12, unit: h}"},
      {"The battery shall hold at least 5,000 mAh.",
       "{parameter: capacity, op: \">=\", value: 5000, unit: mAh}"},
      {"The camera shall record 1920 x 1080 pixels or more.",
       "{parameter: vertical resolution, op: \">=\", value: 1080, unit: px}"},
      {"The camera shall meet IEC 60529 and record for 12 h.",
       "{parameter: endurance, op: \">=\", value: 12, unit: h}"},
      {"The camera shall weigh between 1 kg and 1.5 kg.",
       "{parameter: weight, min: 1000, max: 1500, unit: g}"},
      {"The software shall support 50 concurrent users.",
       "{parameter: concurrent users, op: \">=\", value: 50, unit: users}"},
      {"The camera shall record in 4K for 3 hours.",
       "{parameter: endurance, op: \">=\", value: 3, unit: h}"},
  };
  for (const auto& pair : clean) {
    const char* text = pair[0];
    CHECK_MESSAGE(run_rules(one(text, pair[1])) == Lines{}, text);
  }
}

TEST_CASE("metric-text: ranges name the bound the statement misses") {
  CHECK(run_rules(one("The camera shall operate from -20 °C to +50 °C.",
                      "{parameter: operating temperature, min: -20, max: 45, range: cover, "
                      "unit: °C}")) ==
        Lines{"13:56 error: the text states -20 °C and +50 °C, but the metric says -20 to 45 °C "
              "(to cover) [metric-text]"});
  CHECK(run_rules(one("The enclosure shall be protected to at least IP65.",
                      "{parameter: ingress protection, op: \">=\", value: 67, unit: IP}")) ==
        Lines{"13:62 error: the text states IP65, but the metric says >= IP67 [metric-text]"});
}

TEST_CASE("metric-text reads numbers as the spec's language writes them") {
  CHECK(run_rules(one("De camera weegt ten hoogste 1,5 kg; shall.",
                      "{parameter: weight, op: \"<=\", value: 1.5, unit: kg}", "nl")) == Lines{});
  CHECK(run_rules(one("The camera shall weigh at most 1,5 kg.",
                      "{parameter: weight, op: \"<=\", value: 1.5, unit: kg}")) ==
        Lines{"13:48 error: the text states 5 kg, but the metric says <= 1.5 kg [metric-text]"});
}

TEST_CASE("range-kind: an operating range without range: is a note") {
  CHECK(run_rules(one("The camera shall operate from -20 °C to 50 °C.",
                      "{parameter: operating temperature, min: -20, max: 50, unit: °C}")) ==
        Lines{"15:17 note: \"operating temperature\" sounds like a range the product must cover; "
              "say range: cover (or range: within, the default, if the value must lie in it) "
              "[range-kind]"});
  CHECK(run_rules(one("The camera shall weigh between 1 kg and 1.5 kg.",
                      "{parameter: weight, min: 1, max: 1.5, unit: kg}")) == Lines{});
}
