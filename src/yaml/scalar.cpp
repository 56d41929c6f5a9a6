#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "leaspec/yaml.hpp"

namespace leaspec::yaml {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool all_of(std::string_view text, bool (*predicate)(char)) {
  if (text.empty()) {
    return false;
  }
  for (char c : text) {
    if (!predicate(c)) {
      return false;
    }
  }
  return true;
}

bool is_octal(char c) {
  return c >= '0' && c <= '7';
}
bool is_hex(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/// [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
bool is_core_float(std::string_view text) {
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) {
    ++i;
  }
  std::size_t digits = 0;
  while (i < text.size() && is_digit(text[i])) {
    ++i;
    ++digits;
  }
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && is_digit(text[i])) {
      ++i;
      ++digits;
    }
  }
  if (digits == 0) {
    return false;
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) {
      ++i;
    }
    std::size_t exponent_digits = 0;
    while (i < text.size() && is_digit(text[i])) {
      ++i;
      ++exponent_digits;
    }
    if (exponent_digits == 0) {
      return false;
    }
  }
  return i == text.size();
}

void set_integer_or_number(std::string_view digits, int base, bool negative, Node& node) {
  std::uint64_t magnitude = 0;
  auto [end, error] =
      std::from_chars(digits.data(), digits.data() + digits.size(), magnitude, base);
  constexpr auto k_max = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  if (error == std::errc() && end == digits.data() + digits.size() &&
      magnitude <= k_max + (negative ? 1u : 0u)) {
    node.kind = Kind::integer;
    node.integer =
        negative ? static_cast<std::int64_t>(0 - magnitude) : static_cast<std::int64_t>(magnitude);
    node.number = static_cast<double>(node.integer);
    return;
  }
  // Beyond 64 bits: keep it as a number (the text stays exact for messages).
  node.kind = Kind::number;
  double value = 0;
  for (char c : digits) {
    int digit = is_digit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
    value = value * base + digit;
  }
  node.number = negative ? -value : value;
}

}  // namespace

void type_plain_scalar(std::string_view text, Node& node) {
  node.text = text;
  if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL") {
    node.kind = Kind::null;
    return;
  }
  if (text == "true" || text == "True" || text == "TRUE") {
    node.kind = Kind::boolean;
    node.boolean = true;
    return;
  }
  if (text == "false" || text == "False" || text == "FALSE") {
    node.kind = Kind::boolean;
    node.boolean = false;
    return;
  }
  std::string_view body = text;
  bool negative = false;
  if (!body.empty() && (body[0] == '-' || body[0] == '+')) {
    negative = body[0] == '-';
    body.remove_prefix(1);
  }
  if (all_of(body, is_digit)) {
    set_integer_or_number(body, 10, negative, node);
    return;
  }
  if (text.size() > 2 && text.substr(0, 2) == "0o" && all_of(text.substr(2), is_octal)) {
    set_integer_or_number(text.substr(2), 8, false, node);
    return;
  }
  if (text.size() > 2 && text.substr(0, 2) == "0x" && all_of(text.substr(2), is_hex)) {
    set_integer_or_number(text.substr(2), 16, false, node);
    return;
  }
  if (is_core_float(text)) {
    node.kind = Kind::number;
    node.number = std::strtod(std::string(text).c_str(), nullptr);
    return;
  }
  if (body == ".inf" || body == ".Inf" || body == ".INF") {
    node.kind = Kind::number;
    node.number = negative ? -std::numeric_limits<double>::infinity()
                           : std::numeric_limits<double>::infinity();
    return;
  }
  if (text == ".nan" || text == ".NaN" || text == ".NAN") {
    node.kind = Kind::number;
    node.number = std::numeric_limits<double>::quiet_NaN();
    return;
  }
  node.kind = Kind::string;
}

}  // namespace leaspec::yaml
