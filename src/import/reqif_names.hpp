#pragma once
// How ReqIF names and values become the spec format's: the built-in attribute names of the
// ReqIF Implementation Guide and of common tools, vocabulary values, and valid identifiers.

#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "leaspec/catalog.hpp"
#include "leaspec/import.hpp"
#include "leaspec/vocabulary.hpp"

namespace leaspec::import {

/// The spec key an attribute fills: the mapping file's entry for its name or identifier,
/// else a built-in one; empty when nothing maps it. "ignore" leaves it out; "bookkeeping"
/// marks a tool's own attributes (created by, modified on) that are left out too.
std::string attribute_target(const ReqifMap& map, std::string_view name, std::string_view id);

/// The vocabulary value that a tool's value names, through the mapping file's `values`
/// and then the format's own names (and, for priorities, the verbal forms shall, should,
/// may and the MoSCoW words must and could).
template <class E>
std::optional<E> vocabulary_value(const ReqifMap& map, std::string_view key,
                                  std::string_view value) {
  std::string name = catalog::normalise(value);
  if (auto entry = map.values.find(std::string(key)); entry != map.values.end()) {
    if (auto mapped = entry->second.find(name); mapped != entry->second.end()) {
      return spec::parse<E>(mapped->second);
    }
  }
  if (auto parsed = spec::parse<E>(name)) {
    return parsed;
  }
  if constexpr (std::is_same_v<E, spec::Priority>) {
    if (name == "shall" || name == "must") {
      return spec::Priority::mandatory;
    }
    if (name == "should") {
      return spec::Priority::recommended;
    }
    if (name == "may" || name == "could") {
      return spec::Priority::optional;
    }
  }
  return std::nullopt;
}

/// A valid, unused identifier made from `raw`: letters upper-cased, other characters
/// turned into separators, `prefix` put before one that does not start with a letter, and
/// "-2", "-3"... added when it is taken. The result is added to `used`.
std::string make_id(std::string_view raw, std::string_view prefix, std::set<std::string>& used);

}  // namespace leaspec::import
