// Properties of merge and unit conversion over random inputs: sets of 2-5 specs with shared
// and distinct parameters, units of one dimension mixed, and lots and agencies that overlap.
// Every case has its own seed; a failure prints it (LEASPEC_PROPERTY_SEED reruns from it).
#include <cmath>
#include <cstdlib>
#include <map>
#include <random>
#include <set>
#include <tuple>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "leaspec/check/checker.hpp"
#include "leaspec/joint.hpp"

using namespace leaspec;

namespace {

constexpr unsigned k_first_seed = 20261201;
constexpr int k_cases = 300;

/// The seed of the first case: fixed, or LEASPEC_PROPERTY_SEED to rerun a failure.
unsigned first_seed() {
  const char* seed = std::getenv("LEASPEC_PROPERTY_SEED");  // NOLINT(concurrency-mt-unsafe)
  return seed ? static_cast<unsigned>(std::strtoul(seed, nullptr, 10)) : k_first_seed;
}

const check::Checker& checker() {
  static const check::Checker k_checker = [] {
    DiagnosticSink sink;
    std::optional<check::Checker> created = check::Checker::create({}, sink);
    REQUIRE(created);
    return std::move(*created);
  }();
  return k_checker;
}

/// Makes random specs whose statements agree with their metrics.
class Generator {
 public:
  explicit Generator(unsigned seed) : m_random(seed) {}

  int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m_random); }
  bool chance(double p) { return std::bernoulli_distribution(p)(m_random); }

  /// The YAML of `count` specs, each led by another agency.
  std::vector<std::string> specs(int count) {
    std::vector<int> agencies = {0, 1, 2, 3, 4};
    std::shuffle(agencies.begin(), agencies.end(), m_random);
    agencies.resize(static_cast<std::size_t>(count));
    std::vector<std::string> texts;
    texts.reserve(agencies.size());
    for (int own : agencies) {
      texts.push_back(spec(own, agencies));
    }
    return texts;
  }

 private:
  static constexpr std::array<const char*, 5> k_agencies = {"NL-POL", "PL-KGP", "BE-FPP", "DE-BKA",
                                                            "FR-PN"};
  static constexpr std::array<const char*, 5> k_countries = {"NL", "PL", "BE", "DE", "FR"};

  static std::string number(double value) { return fmt::format("{}", value); }

  /// One requirement for parameter `which`, in a unit of its dimension chosen at random.
  std::string requirement(int which, const std::string& id) {
    bool shall = chance(0.7);
    std::string verb = shall ? "shall" : "should";
    std::string priority = shall ? "mandatory" : "recommended";
    std::string text, metric;
    switch (which) {
      case 0: {  // at least, in hours or minutes
        int hours = pick(8, 16);
        bool minutes = chance(0.5);
        std::string v = number(minutes ? hours * 60 : hours);
        text = fmt::format("The camera {} record for at least {} {} on one charge.", verb, v,
                           minutes ? "minutes" : "hours");
        metric = fmt::format("{{parameter: battery endurance, op: \">=\", value: {}, unit: {}}}", v,
                             minutes ? "min" : "h");
        break;
      }
      case 1: {  // at most, in seconds or minutes
        int minutes = pick(1, 6);
        bool seconds = chance(0.5);
        std::string v = number(seconds ? minutes * 60 : minutes);
        text = fmt::format("The device {} give a result within {} {}.", verb, v,
                           seconds ? "seconds" : "minutes");
        metric = fmt::format("{{parameter: time to result, op: \"<=\", value: {}, unit: {}}}", v,
                             seconds ? "s" : "min");
        break;
      }
      case 2: {  // at most, in grams or kilograms
        int grams = pick(2, 15) * 100;
        bool kilograms = chance(0.5);
        std::string v = number(kilograms ? grams / 1000.0 : grams);
        text = fmt::format("The camera {} weigh at most {} {}.", verb, v, kilograms ? "kg" : "g");
        metric = fmt::format("{{parameter: weight, op: \"<=\", value: {}, unit: {}}}", v,
                             kilograms ? "kg" : "g");
        break;
      }
      case 3: {  // a range to cover, in °C or °F
        int lo = -5 * pick(2, 6);
        int hi = 5 * pick(8, 11);
        bool fahrenheit = chance(0.5);
        auto in = [&](int celsius) { return fahrenheit ? celsius * 9 / 5 + 32 : celsius; };
        std::string unit = fahrenheit ? "°F" : "°C";
        text = fmt::format("The camera {} operate from {} {} to {} {}.", verb, in(lo), unit, in(hi),
                           unit);
        metric = fmt::format(
            "{{parameter: operating temperature, min: {}, max: {}, range: cover, unit: {}}}",
            in(lo), in(hi), unit);
        break;
      }
      case 4: {  // a range to lie within, in kilograms or grams
        int lo = pick(1, 3);
        int hi = lo + pick(1, 3);
        bool grams = chance(0.4);
        std::string unit = grams ? "g" : "kg";
        int factor = grams ? 1000 : 1;
        text = fmt::format("The dock {} weigh between {} {} and {} {}.", verb, lo * factor, unit,
                           hi * factor, unit);
        metric = fmt::format("{{parameter: dock weight, min: {}, max: {}, unit: {}}}", lo * factor,
                             hi * factor, unit);
        break;
      }
      default: {  // at least, in GB or MB
        int gigabytes = 32 << pick(0, 3);
        bool megabytes = chance(0.3);
        std::string v = number(megabytes ? gigabytes * 1000 : gigabytes);
        text = fmt::format("The camera {} store at least {} {} of video.", verb, v,
                           megabytes ? "MB" : "GB");
        metric = fmt::format("{{parameter: storage, op: \">=\", value: {}, unit: {}}}", v,
                             megabytes ? "MB" : "GB");
        break;
      }
    }
    return fmt::format(
        "      - id: {}\n        text: {}\n        priority: {}\n        metric: {}\n", id, text,
        priority, metric);
  }

  std::string spec(int own, const std::vector<int>& leads) {
    std::string agency = k_agencies[static_cast<std::size_t>(own)];
    std::string text = fmt::format(
        "leaspec: 1\nid: JOINT-{}\ntitle: Cameras\nversion: \"1\"\nstatus: draft\n"
        "area: front-line-policing\nagencies:\n  - {{id: {}, name: Agency {}, country: {}, "
        "role: lead}}\n",
        agency, agency, agency, k_countries[static_cast<std::size_t>(own)]);
    // Sometimes the spec also states another participating agency's quantity.
    int other = leads[static_cast<std::size_t>(pick(0, static_cast<int>(leads.size()) - 1))];
    bool with_other = other != own && chance(0.4);
    if (with_other) {
      text += fmt::format("  - {{id: {}, name: Agency {}, country: {}, role: participant}}\n",
                          k_agencies[static_cast<std::size_t>(other)],
                          k_agencies[static_cast<std::size_t>(other)],
                          k_countries[static_cast<std::size_t>(other)]);
    }
    text +=
        "procurement:\n  reference: JOINT-1\n  procedure: open\n  nature: supplies\n"
        "  cpv: [35125300-2]\n  lots:\n";
    bool first_lot = chance(0.7);
    for (int lot = 1; lot <= 2; ++lot) {
      if (lot == 1 ? !first_lot : first_lot && chance(0.5)) {
        continue;
      }
      text +=
          fmt::format("    - id: LOT-{}\n      title: Lot {}\n      quantities:\n        {}: {}\n",
                      lot, lot, agency, pick(1, 40) * 10);
      if (with_other) {
        text += fmt::format("        {}: {}\n", k_agencies[static_cast<std::size_t>(other)],
                            pick(1, 40) * 10);
      }
    }
    text += "sections:\n  - id: REQ\n    title: Requirements\n    requirements:\n";
    std::vector<int> parameters = {0, 1, 2, 3, 4, 5};
    std::shuffle(parameters.begin(), parameters.end(), m_random);
    parameters.resize(static_cast<std::size_t>(pick(1, 4)));
    for (int which : parameters) {
      // Shared parameters are matched by id or, under an agency's own id, by parameter.
      std::string id =
          chance(0.5) ? fmt::format("J-P{}", which) : fmt::format("{}-P{}", agency, which);
      text += requirement(which, id);
    }
    if (chance(0.3)) {
      text += fmt::format(
          "      - id: {}-DOC\n        text: The supplier shall deliver a manual in the "
          "language of {}.\n        priority: mandatory\n",
          agency, agency);
    }
    return text;
  }

  std::mt19937 m_random;
};

using Place = std::tuple<std::string, std::size_t, std::size_t>;

Place place_of(const std::string& file, Position position) {
  return {file, position.line, position.column};
}

/// One property case: generates, merges and checks every invariant; returns whether the
/// merge succeeded.
bool run_case(unsigned seed) {
  Generator generator(seed);
  std::vector<std::string> texts = generator.specs(generator.pick(2, 5));
  std::vector<check::CheckedSpec> inputs;
  std::vector<const spec::Spec*> specs;
  std::map<Place, const spec::Requirement*> requirements;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    auto source = std::make_shared<SourceFile>(fmt::format("in/{}.yaml", i), texts[i]);
    DiagnosticSink sink;
    inputs.push_back(checker().check(source, check::Config{}, sink));
    for (const Diagnostic& d : sink.diagnostics()) {
      if (d.severity == Severity::error) {
        FAIL_CHECK("generated input " << i << ":" << d.position.line << ": " << d.message);
      }
    }
    REQUIRE(inputs.back().model);
  }
  for (const check::CheckedSpec& input : inputs) {
    specs.push_back(&*input.model);
    spec::for_each_requirement(*input.model, [&](const spec::Requirement& r, const auto&) {
      requirements[place_of(input.model->file, r.position)] = &r;
    });
  }
  joint::MergeResult result =
      joint::merge(specs, {joint::Prefer::strictest, ""}, catalog::Units::bundled());
  if (result.conflicts() > 0) {
    return false;
  }

  // The joint spec validates with no errors, its statements agreeing with their metrics.
  auto joint_source = std::make_shared<SourceFile>("joint.yaml", joint::to_yaml(result));
  DiagnosticSink sink;
  check::CheckedSpec joint = checker().check(joint_source, check::Config{}, sink);
  for (const Diagnostic& d : sink.diagnostics()) {
    if (d.severity == Severity::error) {
      FAIL_CHECK("joint.yaml:" << d.position.line << ": " << d.message << " [" << d.rule << "]");
    }
  }
  REQUIRE(joint.model);

  // Every input requirement is represented, by a joint metric at least as strict as its own.
  std::set<Place> represented;
  spec::for_each_requirement(*joint.model, [&](const spec::Requirement& j, const auto&) {
    auto provenance = result.provenance.find(j.id.value);
    REQUIRE_MESSAGE(provenance != result.provenance.end(), j.id.value);
    for (const joint::Side& side : provenance->second) {
      Place place = place_of(side.file, side.position);
      represented.insert(place);
      const spec::Requirement* input = requirements.at(place);
      CHECK_MESSAGE(spec::rank(j.priority.value) >= spec::rank(input->priority.value), j.id.value);
      REQUIRE_MESSAGE(static_cast<bool>(j.metric) == static_cast<bool>(input->metric), j.id.value);
      if (!j.metric) {
        continue;
      }
      joint::MetricComparison c =
          joint::compare_metrics(*j.metric, *input->metric, catalog::Units::bundled());
      CHECK_MESSAGE(
          (c.result == joint::Strictness::same || c.result == joint::Strictness::stricter),
          j.id.value << ": " << c.first << " is weaker than " << c.second);
    }
  });
  for (const auto& entry : requirements) {
    CHECK_MESSAGE(represented.count(entry.first) == 1,
                  entry.second->id.value << " is not represented");
  }

  // Each agency's quantity per lot is the figure of its own spec.
  std::map<std::pair<std::string, std::string>, std::int64_t> joint_quantities;
  REQUIRE(joint.model->procurement);
  for (const spec::Lot& lot : joint.model->procurement->lots) {
    for (const spec::Quantity& q : lot.quantities) {
      joint_quantities[std::make_pair(lot.id.value, q.agency.value)] = q.amount;
    }
  }
  for (const spec::Spec* input : specs) {
    const std::string& own = input->agencies.front().id.value;
    for (const spec::Lot& lot : input->procurement->lots) {
      for (const spec::Quantity& q : lot.quantities) {
        if (q.agency.value == own) {
          std::int64_t joint_amount = joint_quantities[std::make_pair(lot.id.value, own)];
          CHECK_MESSAGE(joint_amount == q.amount, own << " in " << lot.id.value);
        }
      }
    }
  }
  return true;
}

}  // namespace

TEST_CASE(
    "merge --prefer strictest: every joint spec validates, is never weaker and keeps "
    "every input") {
  unsigned first = first_seed();
  int merged = 0;
  for (int i = 0; i < k_cases; ++i) {
    unsigned seed = first + static_cast<unsigned>(i);
    INFO("seed " << seed << " (rerun with LEASPEC_PROPERTY_SEED=" << seed << ")");
    merged += run_case(seed) ? 1 : 0;
  }
  // Most random sets merge; the property is not checked on an empty set.
  CHECK(merged >= k_cases / 3);
  MESSAGE(merged << " of " << k_cases << " random merges succeeded");
}

TEST_CASE("unit conversion: round trips, offsets and strictness agree for random values") {
  const catalog::Units& units = catalog::Units::bundled();
  const std::vector<std::vector<std::string>> dimensions = {{"s", "min", "h", "d", "ms"},
                                                            {"g", "kg", "mg"},
                                                            {"°C", "°F", "K"},
                                                            {"B", "kB", "MB", "GB", "KiB"},
                                                            {"m", "km", "mm", "µm", "nm"},
                                                            {"W", "mW", "kW"},
                                                            {"Wh", "kWh", "J"},
                                                            {"Ah", "mAh", "C"},
                                                            {"m/s", "km/h"}};
  std::mt19937 random(first_seed());
  for (int i = 0; i < k_cases; ++i) {
    INFO("case " << i << " of seed " << first_seed());
    const auto& units_of = dimensions[random() % dimensions.size()];
    std::string a = units_of[random() % units_of.size()];
    std::string b = units_of[random() % units_of.size()];
    double value = std::uniform_real_distribution<double>(-1000, 1000)(random);
    std::optional<double> there = units.convert(value, a, b);
    REQUIRE_MESSAGE(there, a << " to " << b);
    std::optional<double> back = units.convert(*there, b, a);
    REQUIRE(back);
    CHECK(*back == doctest::Approx(value).epsilon(1e-9));
    // Conversion keeps order: a larger value is larger in every unit of the dimension.
    std::optional<double> more = units.convert(value + 1, a, b);
    REQUIRE(more);
    CHECK(*more > *there);
    // A metric and the same bound in another unit ask for the same; a larger one for more.
    spec::Metric first, second;
    first.op = second.op = spec::Op::ge;
    first.value = value;
    first.value_text = fmt::format("{}", value);
    first.unit.value = a;
    second.value = *there;
    second.value_text = fmt::format("{}", *there);
    second.unit.value = b;
    CHECK(joint::compare_metrics(first, second, units).result == joint::Strictness::same);
    first.value = value + 1;
    CHECK(joint::compare_metrics(first, second, units).result == joint::Strictness::stricter);
    CHECK(joint::compare_metrics(second, first, units).result == joint::Strictness::weaker);
    // Units of other dimensions never convert, and say why.
    const auto& others = dimensions[(&units_of - dimensions.data() + 1) % dimensions.size()];
    const std::string& c = others[random() % others.size()];
    CHECK_FALSE(units.convert(value, a, c));
    first.unit.value = c;
    joint::MetricComparison across = joint::compare_metrics(first, second, units);
    CHECK(across.result == joint::Strictness::unconvertible);
    CHECK_FALSE(across.reason.empty());
  }
}
