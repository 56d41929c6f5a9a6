// The units catalog: dimensions, conversions through UDUNITS-2, ratings, added units.
#include <cmath>
#include <thread>

#include <doctest/doctest.h>

#include "leaspec/catalog.hpp"
#include "leaspec/source.hpp"

using namespace leaspec;

namespace {

double convert(const catalog::Units& units, double value, const char* from, const char* to) {
  std::optional<double> result = units.convert(value, from, to);
  REQUIRE_MESSAGE(result, from << " does not convert to " << to);
  return *result;
}

}  // namespace

TEST_CASE("every unit of the catalog builds and converts to its dimension's reference") {
  const catalog::Units& units = catalog::Units::bundled();
  std::size_t count = 0;
  for (const catalog::UnitEntry& entry : units.entries()) {
    if (entry.rating) {
      continue;
    }
    std::optional<catalog::UnitInfo> info = units.find(entry.symbol);
    REQUIRE_MESSAGE(info, entry.symbol);
    CHECK_MESSAGE(info->dimension == entry.dimension, entry.symbol);
    std::string reference = units.reference_of(entry.dimension);
    CHECK_MESSAGE(units.convert(1, entry.symbol, reference), entry.symbol << " to " << reference);
    for (const std::string& name : entry.names) {
      CHECK_MESSAGE(units.find(name)->symbol == entry.symbol, name);
    }
    ++count;
  }
  CHECK(count >= 90);
}

TEST_CASE("values convert within a dimension, with offsets for temperatures") {
  const catalog::Units& units = catalog::Units::bundled();
  CHECK(convert(units, 12, "h", "min") == doctest::Approx(720));
  CHECK(convert(units, 600, "minutes", "h") == doctest::Approx(10));
  CHECK(convert(units, 500, "ms", "s") == doctest::Approx(0.5));
  CHECK(convert(units, -4, "°F", "°C") == doctest::Approx(-20));
  CHECK(convert(units, 122, "°F", "°C") == doctest::Approx(50));
  CHECK(convert(units, 0, "°C", "K") == doctest::Approx(273.15));
  CHECK(convert(units, 2, "TB", "GB") == doctest::Approx(2000));
  CHECK(convert(units, 80, "Mbit/s", "MB/s") == doctest::Approx(10));
  CHECK(convert(units, 5000, "mAh", "Ah") == doctest::Approx(5));
  CHECK(convert(units, 36, "km/h", "m/s") == doctest::Approx(10));
  CHECK(convert(units, 0, "dBW", "dBm") == doctest::Approx(30));
  CHECK(convert(units, 3, "years", "months") == doctest::Approx(36));
  CHECK(convert(units, 1, "µm", "nm") == doctest::Approx(1000));
  CHECK(convert(units, 8, "MP", "MP") == 8);
}

TEST_CASE("compound expressions parse, and their dimension is named") {
  const catalog::Units& units = catalog::Units::bundled();
  std::optional<catalog::UnitInfo> speed = units.find("km/s");
  REQUIRE(speed);
  CHECK(speed->dimension == "speed");
  CHECK(convert(units, 1, "km/s", "km/h") == doctest::Approx(3600));
  CHECK(units.find("W.h")->dimension == "energy");
  CHECK(units.find("mA.h")->dimension == "electric charge");
  CHECK(units.find("kWh")->dimension == "energy");
  CHECK_FALSE(units.find("hrs"));
  CHECK_FALSE(units.find("12"));
  CHECK_FALSE(units.find(std::string(200, 'm')));
  CHECK_FALSE(units.find(" h"));
}

TEST_CASE("quantities of different dimensions never convert, and say why") {
  const catalog::Units& units = catalog::Units::bundled();
  CHECK_FALSE(units.convert(5000, "mAh", "Wh"));
  CHECK(units.why_not("mAh", "Wh") ==
        "mAh is electric charge, Wh is energy; they compare only with a stated voltage");
  CHECK_FALSE(units.convert(1080, "lines", "MP"));
  CHECK(units.why_not("lines", "MP") ==
        "lines is image lines, MP is image size; they compare only with a stated aspect ratio");
  CHECK_FALSE(units.convert(1, "px", "MP"));
  CHECK_FALSE(units.convert(1, "dB", "dBm"));
  CHECK(units.why_not("dB", "dBm") ==
        "dB is level difference, dBm is power level; they do not "
        "compare");
  CHECK_FALSE(units.convert(1, "cd/m²", "lx"));
  CHECK_FALSE(units.convert(1, "lm", "cd"));
  CHECK_FALSE(units.convert(1, "fps", "Hz"));
  CHECK_FALSE(units.convert(10, "working days", "d"));
  CHECK_FALSE(units.convert(1, "users", "devices"));
  CHECK(units.why_not("h", "hrs") == "\"hrs\" is not a unit leaspec knows");
}

TEST_CASE("ratings are known but never convert") {
  const catalog::Units& units = catalog::Units::bundled();
  std::optional<catalog::UnitInfo> ip = units.find("IP");
  REQUIRE(ip);
  CHECK(ip->rating);
  CHECK(ip->by_digit);
  CHECK(ip->digits == 2);
  CHECK(ip->dimension == "IP code");
  CHECK_FALSE(units.find("IK")->by_digit);
  CHECK_FALSE(units.convert(67, "IP", "IK"));
  CHECK(units.convert(67, "IP", "IP") == 67);
  CHECK(units.why_not("IP", "h") ==
        "IP is a rating (IP code), h is time; a rating compares only with the same rating");
}

TEST_CASE("a configuration adds units to a dimension or a dimension of its own") {
  catalog::Units units({{"kn", "speed", 0.514444}, {"shots", "shots", 1}, {"bursts", "shots", 3}});
  CHECK(convert(units, 10, "kn", "km/h") == doctest::Approx(18.52));
  CHECK(units.find("kn")->dimension == "speed");
  CHECK(convert(units, 2, "bursts", "shots") == doctest::Approx(6));
  CHECK_FALSE(units.convert(1, "shots", "count"));
  CHECK(units.why_not("shots", "h") == "shots is shots, h is time; they do not compare");
  CHECK(units.entries().back().symbol == "bursts");
  CHECK_FALSE(catalog::Units::bundled().find("kn"));
  CHECK_THROWS_WITH_AS(catalog::Units({{"h", "time", 3600}}), "unit \"h\" is already known as time",
                       Error);
}

TEST_CASE("a lookup reads the table; the unit system is shared safely between threads") {
  const catalog::Units& units = catalog::Units::bundled();
  std::vector<std::thread> threads;
  std::vector<double> results(8);
  for (std::size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back([&, i] {
      results[i] = units.convert(static_cast<double>(i), "h", "s").value_or(-1) +
                   units.convert(1, "km/s", "m/s").value_or(-1);
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  for (std::size_t i = 0; i < results.size(); ++i) {
    CHECK(results[i] == doctest::Approx(3600.0 * static_cast<double>(i) + 1000));
  }
}
