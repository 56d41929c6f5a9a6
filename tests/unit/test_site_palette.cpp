#include <cmath>
#include <string>

#include <doctest/doctest.h>

#include "leaspec/site.hpp"

using namespace leaspec;

namespace {

/// The relative luminance of an sRGB colour "#rrggbb" (WCAG 2.1, 1.4.3).
double luminance(std::string_view hex) {
  REQUIRE(hex.size() == 7);
  REQUIRE(hex[0] == '#');
  double channels[3];
  for (int i = 0; i < 3; ++i) {
    double value = std::stoi(std::string(hex.substr(1 + 2 * i, 2)), nullptr, 16) / 255.0;
    channels[i] = value <= 0.04045 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
  }
  return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
}

/// The contrast ratio of two colours, from 1 to 21.
double contrast(std::string_view a, std::string_view b) {
  double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

}  // namespace

TEST_CASE("the contrast ratio is computed as WCAG 2.1 defines it") {
  CHECK(contrast("#000000", "#ffffff") == doctest::Approx(21.0));
  CHECK(contrast("#ffffff", "#ffffff") == doctest::Approx(1.0));
  // The lightest grey that passes AA for text on white, and the darkest that fails.
  CHECK(contrast("#767676", "#ffffff") >= 4.5);
  CHECK(contrast("#777777", "#ffffff") < 4.5);
}

TEST_CASE("every colour of the site meets WCAG 2.1 AA against what it is drawn on") {
  REQUIRE(site::palette().size() >= 20);
  for (const site::Swatch& swatch : site::palette()) {
    double ratio = contrast(swatch.colour, swatch.background);
    double needed = swatch.text ? 4.5 : 3.0;
    INFO(swatch.role << ": " << swatch.colour << " on " << swatch.background << " is " << ratio
                     << ":1");
    CHECK(ratio >= needed);
  }
}
