// Conformance of a spec to a common standard: verdicts after unit conversion, findings and
// versions.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include "leaspec/conform.hpp"

using namespace leaspec;

namespace {

spec::Metric bound(const std::string& parameter, spec::Op op, double value, const std::string& text,
                   const std::string& unit) {
  spec::Metric m;
  m.parameter.value = parameter;
  m.op = op;
  m.value = value;
  m.value_text = text;
  m.unit.value = unit;
  m.position = {20, 17};
  return m;
}

spec::Metric range(const std::string& parameter, double min, double max, const std::string& unit,
                   spec::RangeKind kind) {
  spec::Metric m;
  m.parameter.value = parameter;
  m.min = min;
  m.max = max;
  m.min_text = fmt::format("{}", min);
  m.max_text = fmt::format("{}", max);
  m.unit.value = unit;
  m.range = kind;
  return m;
}

spec::Requirement requirement(const std::string& id, std::optional<spec::Metric> metric,
                              std::vector<std::string> implements = {},
                              spec::Priority priority = spec::Priority::mandatory) {
  spec::Requirement r;
  r.id.value = id;
  r.priority.value = priority;
  r.metric = std::move(metric);
  for (std::string& clause : implements) {
    r.implements.push_back({clause, {}});
  }
  return r;
}

spec::Spec with_requirements(const std::string& id, std::vector<spec::Requirement> requirements) {
  spec::Spec s;
  s.id.value = id;
  s.version = "1.0";
  spec::Section section;
  section.id.value = "S";
  section.requirements = std::move(requirements);
  s.sections.push_back(std::move(section));
  return s;
}

/// The verdict and the spec's bound of the single clause of a one-clause standard.
struct Judged {
  conform::Verdict verdict;
  std::string spec_bound;
  std::string reason;
};

Judged judge(const spec::Metric& clause, const spec::Metric& tender, bool link = true) {
  auto standard =
      std::make_shared<spec::Spec>(with_requirements("STD", {requirement("STD-001", clause)}));
  standard->standard = spec::StandardInfo{};
  conform::Library library;
  library.add(standard);
  spec::Spec spec = with_requirements("TND", {requirement("TND-001", tender,
                                                          link ? std::vector<std::string>{"STD-001"}
                                                               : std::vector<std::string>{})});
  spec.conforms_to.push_back({{"STD", {3, 16}}, {"1.0", {3, 40}}, {3, 15}});
  conform::Report report = conform::evaluate(spec, library, catalog::Units::bundled());
  REQUIRE(report.standards.size() == 1);
  REQUIRE(report.standards[0].rows.size() == 1);
  const conform::Row& row = report.standards[0].rows[0];
  return {row.verdict, row.spec_bound, row.reason};
}

}  // namespace

TEST_CASE("a floor in another unit is converted before it is compared") {
  using spec::Op;
  Judged j = judge(bound("battery endurance", Op::ge, 12, "12", "h"),
                   bound("battery endurance", Op::ge, 600, "600", "min"));
  CHECK(j.verdict == conform::Verdict::weakens);  // 600 min is 10 h
  CHECK(j.spec_bound == ">= 10 h (>= 600 min)");
  CHECK(j.reason == "battery endurance >= 10 h (>= 600 min) is weaker than >= 12 h");
  CHECK(judge(bound("battery endurance", Op::ge, 12, "12", "h"),
              bound("battery endurance", Op::ge, 720, "720", "min"))
            .verdict == conform::Verdict::meets);
  CHECK(judge(bound("battery endurance", Op::ge, 12, "12", "h"),
              bound("battery endurance", Op::ge, 14, "14", "h"))
            .verdict == conform::Verdict::tightens);
}

TEST_CASE("a ceiling in milliseconds is met by the same time in seconds") {
  using spec::Op;
  Judged j = judge(bound("time to start recording", Op::le, 500, "500", "ms"),
                   bound("time to start recording", Op::le, 0.5, "0.5", "s"), false);
  CHECK(j.verdict == conform::Verdict::meets);
  CHECK(j.spec_bound == "<= 500 ms (<= 0.5 s)");
  CHECK(judge(bound("time to start recording", Op::le, 500, "500", "ms"),
              bound("time to start recording", Op::le, 0.6, "0.6", "s"))
            .verdict == conform::Verdict::weakens);
  CHECK(judge(bound("time to start recording", Op::le, 500, "500", "ms"),
              bound("time to start recording", Op::le, 0.4, "0.4", "s"))
            .verdict == conform::Verdict::tightens);
}

TEST_CASE("a range to cover must contain the standard's, a range to lie in must lie inside") {
  using spec::RangeKind;
  auto cover = [](double lo, double hi, const std::string& unit) {
    return range("operating temperature", lo, hi, unit, RangeKind::cover);
  };
  CHECK(judge(cover(-20, 50, "°C"), cover(-25, 55, "°C")).verdict == conform::Verdict::tightens);
  CHECK(judge(cover(-20, 50, "°C"), cover(-10, 50, "°C")).verdict == conform::Verdict::weakens);
  // 253.15 K to 323.15 K is -20 °C to 50 °C.
  CHECK(judge(cover(-20, 50, "°C"), cover(253.15, 323.15, "K")).verdict == conform::Verdict::meets);
  auto within = [](double lo, double hi) {
    return range("supply voltage", lo, hi, "V", RangeKind::within);
  };
  CHECK(judge(within(10, 14), within(11, 13)).verdict == conform::Verdict::tightens);
  CHECK(judge(within(10, 14), within(9, 13)).verdict == conform::Verdict::weakens);
}

TEST_CASE("units that do not convert weaken, with the reason") {
  Judged j = judge(bound("battery capacity", spec::Op::ge, 20, "20", "Wh"),
                   bound("battery capacity", spec::Op::ge, 5000, "5000", "mAh"));
  CHECK(j.verdict == conform::Verdict::weakens);
  CHECK(j.reason.find("does not compare with >= 20 Wh") != std::string::npos);
}

TEST_CASE("missing, left out and lower priority clauses, and the findings they give") {
  auto standard = std::make_shared<spec::Spec>(with_requirements(
      "STD", {requirement("STD-001", std::nullopt), requirement("STD-002", std::nullopt),
              requirement("STD-003", std::nullopt, {}, spec::Priority::recommended),
              requirement("STD-004", std::nullopt, {}, spec::Priority::optional)}));
  conform::Library library;
  library.add(standard);
  spec::Spec spec = with_requirements(
      "TND", {requirement("TND-001", std::nullopt, {"STD-002"}, spec::Priority::recommended),
              requirement("TND-002", std::nullopt, {"STD-009"})});
  spec.conforms_to.push_back({{"STD", {3, 16}}, {"1.0", {3, 40}}, {3, 15}});
  conform::Report report = conform::evaluate(spec, library, catalog::Units::bundled());
  const auto& rows = report.standards.at(0).rows;
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].verdict == conform::Verdict::missing);
  CHECK(rows[1].verdict == conform::Verdict::weakens);
  CHECK(rows[2].verdict == conform::Verdict::left_out);
  CHECK(rows[3].verdict == conform::Verdict::left_out);
  CHECK(report.fails());
  std::vector<conform::Issue> found = conform::issues(spec, report);
  REQUIRE(found.size() == 4);
  CHECK(found[0].rule == "conformance-missing");
  CHECK(found[0].position == Position{3, 15});
  CHECK(found[0].message ==
        "no mandatory requirement implements STD-001 of STD 1.0; name it in implements");
  CHECK(found[1].rule == "conformance-weakens");
  CHECK(found[1].message ==
        "TND-001 weakens STD-002 of STD 1.0: it is recommended, the clause "
        "mandatory");
  CHECK(found[2].rule == "conformance-recommended");
  CHECK(found[3].rule == "conformance-unknown-clause");
  CHECK(found[3].message == "TND-002 implements STD-009, which is no requirement of STD 1.0");
}

TEST_CASE("versions order part by part, and an unknown one names the known") {
  CHECK(conform::compare_versions("1.10", "1.9") > 0);
  CHECK(conform::compare_versions("1", "1.0") == 0);
  CHECK(conform::compare_versions("2.0", "10.0") < 0);
  CHECK(conform::compare_versions("1.0-rc", "1.0") != 0);
  const conform::Library& bundled = conform::bundled();
  CHECK(bundled.versions("BWV-EU") == std::vector<std::string>{"1.0"});
  REQUIRE(bundled.find("ANPR-EU", "1.0") != nullptr);
  CHECK(bundled.find("ANPR-EU", "1.0")->standard.has_value());
  CHECK(bundled.standards().size() == 5);
  spec::Spec spec = with_requirements("TND", {});
  spec.conforms_to.push_back({{"BWV-EU", {3, 16}}, {"0.9", {3, 40}}, {3, 15}});
  conform::Report report = conform::evaluate(spec, bundled, catalog::Units::bundled());
  std::vector<conform::Issue> found = conform::issues(spec, report);
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule == "conformance-unknown-standard");
  CHECK(found[0].position == Position{3, 40});
  CHECK(found[0].message.find("the versions known are 1.0") != std::string::npos);
}
