#pragma once
// Exact comparisons of JSON numbers as written, for the keywords where doubles are not exact:
// big integers, 1e400, and decimals that differ beyond double precision.

#include "leaspec/yaml.hpp"

namespace leaspec::schema {

/// -1, 0 or 1 as `a` is less than, equal to or greater than `b`, by exact value.
int compare_numbers(const yaml::Node& a, const yaml::Node& b);

/// Whether a number has no fractional part, by exact value: 1.0, 1e400 and integers beyond
/// 64 bits are integral, 1e-400 is not.
bool is_integral_value(const yaml::Node& number);

/// Whether a number is written without a fraction or an exponent: draft-04's integer.
bool is_integer_literal(const yaml::Node& number);

/// Whether `value` is an integer multiple of `divisor` (which is greater than zero), exactly.
bool is_multiple_of(const yaml::Node& value, const yaml::Node& divisor);

}  // namespace leaspec::schema
