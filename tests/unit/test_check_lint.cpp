// The language lint marks the exact words, also inside block scalars.
#include <doctest/doctest.h>

#include "rules_harness.hpp"

using namespace leaspec;
using namespace leaspec::test;

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
