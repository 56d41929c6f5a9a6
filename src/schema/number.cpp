#include <cmath>
#include <limits>
#include <optional>
#include <string>

#include "schema/number.hpp"

namespace leaspec::schema {
namespace {

/// A number as `digits` × 10^`exponent`, digits without leading or trailing zeros ("0" for
/// zero), read exactly from its decimal text.
struct Decimal {
  bool negative = false;
  std::string digits;
  std::int64_t exponent = 0;
};

/// Exponents beyond this are clamped: no comparison needs more.
constexpr std::int64_t k_exponent_bound = 1'000'000'000;

std::optional<Decimal> parse_decimal(const yaml::Node& node) {
  if (node.kind == yaml::Kind::integer) {
    std::string text = std::to_string(node.integer);
    Decimal result;
    result.negative = text[0] == '-';
    result.digits = text.substr(result.negative ? 1 : 0);
    while (result.digits.size() > 1 && result.digits.back() == '0') {
      result.digits.pop_back();
      ++result.exponent;
    }
    return result;
  }
  std::string_view text = node.text;
  Decimal result;
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) {
    result.negative = text[i] == '-';
    ++i;
  }
  bool any_digit = false;
  bool fraction = false;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c == '.' && !fraction) {
      fraction = true;
    } else if (c >= '0' && c <= '9') {
      any_digit = true;
      if (!(result.digits.empty() && c == '0')) {
        result.digits += c;
      }
      if (fraction) {
        --result.exponent;
      }
    } else if ((c == 'e' || c == 'E') && any_digit) {
      std::int64_t exponent = 0;
      std::size_t j = i + 1;
      bool negative = j < text.size() && text[j] == '-';
      if (j < text.size() && (text[j] == '-' || text[j] == '+')) {
        ++j;
      }
      if (j == text.size()) {
        return std::nullopt;
      }
      for (; j < text.size(); ++j) {
        if (text[j] < '0' || text[j] > '9') {
          return std::nullopt;
        }
        exponent = std::min(exponent * 10 + (text[j] - '0'), k_exponent_bound);
      }
      result.exponent += negative ? -exponent : exponent;
      break;
    } else {
      return std::nullopt;  // hexadecimal, octal, .inf or .nan
    }
  }
  if (!any_digit) {
    return std::nullopt;
  }
  while (!result.digits.empty() && result.digits.back() == '0') {
    result.digits.pop_back();
    ++result.exponent;
  }
  if (result.digits.empty()) {
    return Decimal{false, "0", 0};
  }
  return result;
}

int compare_magnitudes(const Decimal& a, const Decimal& b) {
  // Compare the position of the leading digit first, then the digits.
  std::int64_t a_top = static_cast<std::int64_t>(a.digits.size()) + a.exponent;
  std::int64_t b_top = static_cast<std::int64_t>(b.digits.size()) + b.exponent;
  if (a.digits == "0" || b.digits == "0") {
    return a.digits == "0" ? (b.digits == "0" ? 0 : -1) : 1;
  }
  if (a_top != b_top) {
    return a_top < b_top ? -1 : 1;
  }
  int order = a.digits.compare(b.digits);
  return order < 0 ? -1 : (order > 0 ? 1 : 0);
}

int compare_decimals(const Decimal& a, const Decimal& b) {
  bool a_negative = a.negative && a.digits != "0";
  bool b_negative = b.negative && b.digits != "0";
  if (a_negative != b_negative) {
    return a_negative ? -1 : 1;
  }
  int magnitude = compare_magnitudes(a, b);
  return a_negative ? -magnitude : magnitude;
}

__extension__ using Wide = unsigned __int128;

}  // namespace

int compare_numbers(const yaml::Node& a, const yaml::Node& b) {
  if (a.kind == yaml::Kind::integer && b.kind == yaml::Kind::integer) {
    return a.integer < b.integer ? -1 : (a.integer > b.integer ? 1 : 0);
  }
  // Rounding to double keeps order, so different doubles order their exact values too.
  if (a.number != b.number) {
    return a.number < b.number ? -1 : (a.number > b.number ? 1 : 0);
  }
  std::optional<Decimal> exact_a = parse_decimal(a);
  std::optional<Decimal> exact_b = parse_decimal(b);
  if (!exact_a || !exact_b) {
    return 0;
  }
  return compare_decimals(*exact_a, *exact_b);
}

bool is_integral_value(const yaml::Node& number) {
  if (number.kind == yaml::Kind::integer) {
    return true;
  }
  if (number.kind != yaml::Kind::number) {
    return false;
  }
  if (std::optional<Decimal> exact = parse_decimal(number)) {
    return exact->exponent >= 0;
  }
  return std::isfinite(number.number) && std::floor(number.number) == number.number;
}

bool is_integer_literal(const yaml::Node& number) {
  if (number.kind == yaml::Kind::integer) {
    return true;
  }
  if (number.kind != yaml::Kind::number) {
    return false;
  }
  std::string_view text = number.text;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    text.remove_prefix(1);
  }
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

bool is_multiple_of(const yaml::Node& value, const yaml::Node& divisor) {
  if (value.kind == yaml::Kind::integer && divisor.kind == yaml::Kind::integer &&
      divisor.integer > 0) {
    return value.integer % divisor.integer == 0;
  }
  std::optional<Decimal> a = parse_decimal(value);
  std::optional<Decimal> b = parse_decimal(divisor);
  constexpr std::size_t k_max_divisor_digits = 19;
  if (a && b && b->digits != "0" && b->digits.size() <= k_max_divisor_digits) {
    if (a->digits == "0") {
      return true;
    }
    // a / b = (a.digits / b.digits) × 10^shift. With trailing zeros stripped, a.digits has
    // no factor 10, so a negative shift never gives an integer.
    std::int64_t shift = a->exponent - b->exponent;
    if (shift < 0) {
      return false;
    }
    std::uint64_t modulus = std::stoull(b->digits);
    // b divides a × 10^shift when what 10^shift does not cover of b's factors 2 and 5, times
    // b's other factors, divides a.
    for (std::int64_t i = 0; i < shift && modulus % 2 == 0; ++i) {
      modulus /= 2;
    }
    for (std::int64_t i = 0; i < shift && modulus % 5 == 0; ++i) {
      modulus /= 5;
    }
    Wide remainder = 0;
    for (char digit : a->digits) {
      remainder = (remainder * 10 + static_cast<unsigned>(digit - '0')) % modulus;
    }
    return remainder == 0;
  }
  double quotient = value.number / divisor.number;
  if (!std::isfinite(quotient)) {
    return false;
  }
  return std::fabs(quotient - std::round(quotient)) < 1e-9;
}

}  // namespace leaspec::schema
