// The language lint marks the exact words, also inside block scalars.
#include <doctest/doctest.h>

#include "rules_harness.hpp"

using namespace leaspec;
using namespace leaspec::test;

TEST_CASE("verbal-form: shall, should and may follow the priority") {
  CHECK(run_rules(replace(k_base, "The camera shall record", "The camera should record")) ==
        Lines{"29:26 error: the requirement is mandatory, which the text states with \"shall\": "
              "write \"shall\" instead of \"should\", or change the priority [verbal-form]"});
  CHECK(run_rules(replace(k_base, "The camera should weigh", "The camera shall weigh")) ==
        Lines{"37:26 error: the requirement is recommended, which the text states with \"should\": "
              "write \"should\" instead of \"shall\", or change the priority [verbal-form]"});
  CHECK(run_rules(replace(k_base, "The camera may record sound.", "The camera records sound.")) ==
        Lines{"41:15 error: the requirement is optional but its text has no \"may\": state it with "
              "\"may\" [verbal-form]"});
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
              "41:85 warning: \"intuitive\" is vague: state a measurable criterion instead, "
              "for example a value and a unit in a metric [vague-term]"});
}

TEST_CASE("findings inside folded block scalars point into the block") {
  CHECK(run_rules(replace(k_base, "text: The camera may record sound.",
                          "text: >-\n          The camera may record sound\n          "
                          "in an Adequate quality.")) ==
        Lines{"43:17 warning: \"Adequate\" is vague: state a measurable criterion instead, "
              "for example a value and a unit in a metric [vague-term]"});
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

TEST_CASE("each vague phrase is one finding, the longest one") {
  // "easy to use" is one finding, not also "easy"; "up to date" and "TBD" are vague too.
  CHECK(
      run_rules(replace(k_base, "The camera may record sound.",
                        "The camera may record sound that is easy to use, up to date and TBD.")) ==
      Lines{"41:51 warning: \"easy to use\" is vague: state a measurable criterion instead, "
            "for example a value and a unit in a metric [vague-term]",
            "41:64 warning: \"up to date\" is vague: state a measurable criterion instead, "
            "for example a value and a unit in a metric [vague-term]",
            "41:79 warning: \"TBD\" is vague: state a measurable criterion instead, for example "
            "a value and a unit in a metric [vague-term]"});
  for (const char* word : {"reliable", "secure", "optimal", "robust", "flexible", "TBC",
                           "state of the art", "user friendly", "up-to-date"}) {
    std::vector<std::string> found = run_rules(replace(
        k_base, "The camera may record sound.", std::string("The camera may be ") + word + "."));
    REQUIRE_MESSAGE(found.size() == 1, word);
    CHECK(found[0].find("[vague-term]") != std::string::npos);
    CHECK(found[0].rfind("41:33 ", 0) == 0);
  }
  // A configured word that is built in already is still one finding.
  check::Config config;
  config.vague_terms = {"Reliable", "reliable"};
  CHECK(run_rules(replace(k_base, "The camera may record sound.", "The camera may be reliable."),
                  config)
            .size() == 1);
}

TEST_CASE("findings inside literal block scalars point at the word's line") {
  CHECK(run_rules(replace(k_base, "text: The camera may record sound.",
                          "text: |-\n          The camera may record sound\n          "
                          "in an optimal quality.")) ==
        Lines{"43:17 warning: \"optimal\" is vague: state a measurable criterion instead, "
              "for example a value and a unit in a metric [vague-term]"});
}

TEST_CASE("words are found at the start and end of a text and after punctuation, not inside") {
  // "unintuitive" and "non-intuitive" hold the word but are other words.
  CHECK(run_rules(replace(k_base, "The camera may record sound.",
                          "Intuitive; the camera may record sound (etc) and unintuitive, "
                          "non-intuitive video, intuitive")) ==
        Lines{"41:15 warning: \"Intuitive\" is vague: state a measurable criterion instead, for "
              "example a value and a unit in a metric [vague-term]",
              "41:55 warning: \"etc\" leaves the list open: name every item [open-ended]",
              "41:98 warning: \"intuitive\" is vague: state a measurable criterion instead, for "
              "example a value and a unit in a metric [vague-term]"});
}
