// The typed model holds every field of the format, typed, and never fails on a tree.
#include <doctest/doctest.h>

#include "full_spec.hpp"
#include "helpers.hpp"
#include "leaspec/spec.hpp"

using namespace leaspec;

TEST_CASE("every field of the format reaches the typed model") {
  test::Loaded loaded{std::string(test::k_full_spec)};
  REQUIRE(loaded.document.root);
  spec::Spec s = spec::build(loaded.root(), "full.yaml");
  CHECK(s.id.value == "BWV-T-2027");
  CHECK(s.version == "1.10");
  CHECK(s.status.value == spec::Status::consultation);
  CHECK(s.area == spec::Area::front_line_policing);
  REQUIRE(s.standard);
  CHECK(s.standard->deliverable == spec::Deliverable::cwa);
  CHECK(s.standard->stage == spec::Stage::enquiry);
  CHECK(s.standard->committee == "CEN/WS BWV");
  CHECK(s.standard->secretariat == "NEN");
  REQUIRE(s.conforms_to.size() == 1);
  CHECK(s.conforms_to[0].standard.value == "BWV-EU");
  CHECK(s.conforms_to[0].version.value == "1.0");
  REQUIRE(s.agencies.size() == 2);
  CHECK(s.agencies[0].role == spec::AgencyRole::lead);
  CHECK(s.agencies[1].role == spec::AgencyRole::participant);
  CHECK(s.definitions[0].term.value == "body-worn camera");
  CHECK(s.definitions[0].position.line == 27);
  CHECK(s.references[1].type == spec::ReferenceType::legislation);
  CHECK_FALSE(s.references[2].type);
  CHECK(s.references[2].type_or_default() == spec::ReferenceType::standard);

  REQUIRE(s.procurement);
  const spec::Procurement& p = *s.procurement;
  CHECK(p.procedure == spec::Procedure::open);
  CHECK(p.nature->value == spec::Nature::supplies);
  CHECK(p.framework_agreement == true);
  CHECK(p.duration_months == 48);
  REQUIRE(p.lots.size() == 2);
  CHECK_FALSE(p.lots[0].nature);
  CHECK(p.lots[1].nature->value == spec::Nature::services);
  REQUIRE(p.lots[1].award);
  CHECK(spec::award_for(p, p.lots[1]) == &*p.lots[1].award);
  CHECK(spec::award_for(p, p.lots[0]) == &*p.award);
  CHECK(p.lots[1].award->method.value == spec::AwardMethod::lowest_price);
  CHECK(p.award->criteria[0].type == spec::CriterionType::price);
  CHECK(p.award->criteria[0].scoring == "points = 40 x lowest price / price");
  REQUIRE(p.joint);
  CHECK(p.joint->lead_authority.value == "NL-POL");
  REQUIRE(p.joint->responsibilities.size() == 2);
  CHECK(p.joint->responsibilities[1].agency.value == "PL-KGP");

  REQUIRE(s.sections.size() == 2);
  const spec::Requirement& vid = s.sections[0].requirements[0];
  CHECK(vid.priority.value == spec::Priority::mandatory);
  CHECK(vid.kind == spec::Kind::performance);
  CHECK(vid.verification ==
        std::vector<spec::Verification>{spec::Verification::test, spec::Verification::inspection});
  REQUIRE(vid.metric);
  CHECK(vid.metric->op == spec::Op::ge);
  CHECK(vid.metric->value == 1080);
  CHECK(vid.metric->range_kind() == spec::RangeKind::within);
  CHECK(vid.references[1].ref.value == "LED");
  CHECK(vid.references[1].clause == "4.1");
  CHECK(vid.implements[0].value == "BWV-EU-VID-001");
  CHECK(vid.pointer == "/sections/0/requirements/0");
  const spec::Requirement& env = s.sections[0].sections[0].requirements[0];
  CHECK(env.pointer == "/sections/0/sections/0/requirements/0");
  CHECK(s.sections[0].sections[0].pointer == "/sections/0/sections/0");
  REQUIRE(env.metric);
  CHECK_FALSE(env.metric->op);
  CHECK(env.metric->min == -20);
  CHECK(env.metric->max == 50);
  CHECK(env.metric->range == spec::RangeKind::cover);
  CHECK(env.depends_on[0].value == "VID-001");
  CHECK(s.sections[1].requirements[0].priority.value == spec::Priority::optional);

  std::vector<std::string> order;
  spec::for_each_requirement(s, [&](const spec::Requirement& r, const spec::Section& section) {
    order.push_back(section.id.value + "/" + r.id.value);
  });
  CHECK(order ==
        std::vector<std::string>{"VID/VID-001", "ENV/ENV-001", "ENV/ENV-002", "SVC/SVC-001"});
  CHECK(spec::tender_reference(s) == "NL-2027-001");
}

TEST_CASE("the model is built from any tree without failing") {
  for (const char* text : {"leaspec: 1\nsections: nope\n", "leaspec: 1\nprocurement: [1, 2]\n",
                           "leaspec: 1\nsections: [{requirements: [{priority: 7}]}]\n",
                           "leaspec: 1\nagencies: [{role: boss}]\nstandard: {deliverable: XX}\n",
                           "[]\n", "just text\n"}) {
    test::Loaded loaded{std::string(text)};
    REQUIRE(loaded.document.root);
    spec::Spec s = spec::build(loaded.root(), "any.yaml");
    CHECK(s.file == "any.yaml");
  }
}

TEST_CASE("the vocabularies read and write the names the format uses") {
  CHECK(spec::name(spec::Procedure::competitive_procedure_with_negotiation) ==
        "competitive-procedure-with-negotiation");
  CHECK(spec::parse<spec::Deliverable>("prEN") == spec::Deliverable::pren);
  CHECK_FALSE(spec::parse<spec::Priority>("Mandatory"));
  CHECK(spec::verbal_form(spec::Priority::recommended) == "should");
  CHECK(spec::rank(spec::Priority::mandatory) > spec::rank(spec::Priority::recommended));
  for (spec::Status status : spec::all<spec::Status>()) {
    CHECK(spec::parse<spec::Status>(spec::name(status)) == status);
  }
}

TEST_CASE("a boxed metric is copied with its requirement, not shared") {
  leaspec::spec::Requirement first;
  CHECK_FALSE(first.metric);
  leaspec::spec::Metric& metric = first.metric.emplace();
  metric.unit.value = "s";
  metric.value = 30;
  leaspec::spec::Requirement second = first;
  REQUIRE(second.metric);
  second.metric->value = 60;
  CHECK(*first.metric->value == 30);
  CHECK(*second.metric->value == 60);
  CHECK(second.metric->unit.value == "s");
  first = second;
  CHECK(*first.metric->value == 60);
  second.metric = std::nullopt;
  CHECK_FALSE(second.metric);
  CHECK(first.metric);
  leaspec::spec::Requirement moved = std::move(first);
  CHECK(moved.metric->unit.value == "s");
}
