#pragma once
// The words of schema findings: values as users wrote them, type names, bounded lengths.

#include <string>
#include <string_view>

#include "leaspec/yaml.hpp"

namespace leaspec::schema {

/// `text`, cut to a length a message can hold.
std::string shorten(std::string_view text);

/// A name from a schema or a document in quotes, cut to a length a message can hold.
std::string quoted(std::string_view name);

/// Did-you-mean hints compare with at most this many candidates (allowed values, known keys).
constexpr std::size_t k_max_hint_candidates = 1000;

/// The value as a user wrote it: strings quoted, numbers as written, collections named.
std::string show(const yaml::Node& node);

/// The value with its type: "the integer 5", "the string \"x\"", "an object".
std::string describe_value(const yaml::Node& node);

/// The types of a `type` keyword's bits, in words: "a string or null".
std::string describe_types(unsigned bits);

/// The message for a value that an `enum` does not allow: a few of the allowed values and
/// how many there are, and a did-you-mean hint when a string is close to one of them.
std::string enum_message(const yaml::Node& value, const yaml::Node& allowed);

/// A hint on the form a format expects, or "": durations say what ISO 8601 wants.
std::string_view format_hint(std::string_view format);

}  // namespace leaspec::schema
