// Every aspect of a change between versions is found, with its section and direction.
#include <doctest/doctest.h>

#include "full_spec.hpp"
#include "helpers.hpp"
#include "leaspec/joint.hpp"

using namespace leaspec;

namespace {

std::string edit(std::string text, const std::string& from, const std::string& to) {
  auto pos = text.find(from);
  REQUIRE_MESSAGE(pos != std::string::npos, "no \"" << from << "\"");
  return text.replace(pos, from.size(), to);
}

/// "kind subject section direction" of every change from the full spec to `after`.
std::vector<std::string> changes(const std::string& after) {
  test::Loaded a{std::string(test::k_full_spec)};
  test::Loaded b{after};
  REQUIRE(b.document.root);
  spec::Spec before = spec::build(a.root(), "a.yaml");
  spec::Spec now = spec::build(b.root(), "b.yaml");
  std::vector<std::string> out;
  for (const joint::Change& c : joint::diff(before, now, catalog::Units::bundled())) {
    std::string direction = c.direction == joint::Direction::tightened ? "tightened"
                            : c.direction == joint::Direction::relaxed ? "relaxed"
                                                                       : "-";
    out.push_back(std::string(joint::name(c.kind)) + " " + c.subject + " " +
                  (c.section.empty() ? "-" : c.section) + " " + direction);
  }
  return out;
}

}  // namespace

TEST_CASE("a spec does not differ from itself") {
  CHECK(changes(std::string(test::k_full_spec)).empty());
}

TEST_CASE("requirements added, removed, renamed and reworded") {
  const std::string base(test::k_full_spec);
  CHECK(changes(edit(base, "- id: SVC-001", "- id: SVC-002")) ==
        std::vector<std::string>{"renamed SVC-001 SVC -"});
  CHECK(changes(edit(base, "The supplier may offer training.", "The supplier may train.")) ==
        std::vector<std::string>{"statement SVC-001 SVC -"});
  std::string removed =
      edit(base, R"(      - id: SVC-001
        text: The supplier may offer training.
        priority: optional
        kind: training
)",
           "      - id: SVC-002\n        text: Other.\n        priority: optional\n");
  CHECK(changes(removed) ==
        std::vector<std::string>{"removed SVC-001 SVC -", "added SVC-002 SVC -"});
}

TEST_CASE("priorities and metrics tighten and relax, across units") {
  const std::string base(test::k_full_spec);
  CHECK(changes(edit(base, "text: The supplier may offer training.\n        priority: optional",
                     "text: The supplier may offer training.\n        priority: mandatory")) ==
        std::vector<std::string>{"priority SVC-001 SVC tightened"});
  CHECK(changes(
            edit(base, "op: \">=\", value: 1080, unit: px", "op: \">=\", value: 720, unit: px")) ==
        std::vector<std::string>{"metric VID-001 VID relaxed"});
  CHECK(changes(edit(base, "min: 100, max: 150.5, unit: g", "min: 0.1, max: 0.15, unit: kg")) ==
        std::vector<std::string>{"metric ENV-002 ENV tightened"});
  CHECK(
      changes(edit(base, "op: \">=\", value: 1080, unit: px", "op: \">=\", value: 8, unit: GB")) ==
      std::vector<std::string>{"metric VID-001 VID -"});
}

TEST_CASE("a wider range tightens a range to cover and relaxes a range to lie within") {
  const std::string base(test::k_full_spec);
  // 90 to 160.5 g contains 100 to 150.5 g.
  CHECK(changes(edit(base, "min: 100, max: 150.5, unit: g", "min: 90, max: 160.5, unit: g")) ==
        std::vector<std::string>{"metric ENV-002 ENV relaxed"});
  std::string cover =
      edit(base, "min: 100, max: 150.5, unit: g", "min: 100, max: 150.5, range: cover, unit: g");
  test::Loaded a{cover};
  test::Loaded b{edit(cover, "min: 100, max: 150.5,", "min: 90, max: 160.5,")};
  spec::Spec before = spec::build(a.root(), "a.yaml");
  spec::Spec after = spec::build(b.root(), "b.yaml");
  std::vector<joint::Change> found = joint::diff(before, after, catalog::Units::bundled());
  REQUIRE(found.size() == 1);
  CHECK(found[0].subject == "ENV-002");
  CHECK(found[0].direction == joint::Direction::tightened);
  // The same range given in kg neither tightens nor relaxes.
  test::Loaded c{edit(cover, "min: 100, max: 150.5, range: cover, unit: g",
                      "min: 0.1, max: 0.1505, range: cover, unit: kg")};
  spec::Spec same = spec::build(c.root(), "c.yaml");
  for (const joint::Change& change : joint::diff(before, same, catalog::Units::bundled())) {
    CHECK(change.direction == joint::Direction::none);
  }
}

TEST_CASE("procurement changes: lots, quantities, CPV, weights and references") {
  const std::string base(test::k_full_spec);
  CHECK(changes(edit(base, "{NL-POL: 5000, PL-KGP: 1200}", "{NL-POL: 5000, PL-KGP: 1300}")) ==
        std::vector<std::string>{"quantity LOT-1 - -"});
  CHECK(changes(edit(base, "cpv: [35125300-2, 48000000-8]", "cpv: [35125300-2]")) ==
        std::vector<std::string>{"cpv procurement - -"});
  CHECK(changes(edit(base, "type: price, weight: 40", "type: price, weight: 50")) ==
        std::vector<std::string>{"award-weight PRICE - -"});
  CHECK(
      changes(edit(base, "designation: ETSI EN 303 645", "designation: ETSI EN 303 645 V2.1.1")) ==
      std::vector<std::string>{"reference NOTYPE - -"});
  CHECK(changes(edit(base, "[IEC-60529, {ref: LED, clause: \"4.1\"}]", "[IEC-60529]")) ==
        std::vector<std::string>{"references VID-001 VID -"});
  CHECK(changes(edit(base, "        lots: [LOT-1]\n", "")) ==
        std::vector<std::string>{"lots VID-001 VID -"});
}

TEST_CASE("word diff aligns the common words and falls back for huge statements") {
  using Mark = joint::Word::Mark;
  CHECK(joint::word_diff("a b c", "a x c") ==
        std::vector<joint::Word>{
            {Mark::kept, "a"}, {Mark::removed, "b"}, {Mark::added, "x"}, {Mark::kept, "c"}});
  std::string big(30000, 'w');
  for (std::size_t i = 1; i < big.size(); i += 2) {
    big[i] = ' ';
  }
  std::vector<joint::Word> words = joint::word_diff(big, big + " end");
  CHECK(words.size() == 15000 * 2 + 1);
  CHECK(words.back() == joint::Word{Mark::added, "end"});
}
