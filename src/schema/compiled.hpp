#pragma once
// The compiled form of a schema: one Subschema per schema object, keywords resolved.

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "leaspec/schema.hpp"
#include "schema/regex.hpp"

namespace leaspec::schema {

/// Bit flags of the JSON types a `type` keyword allows.
enum TypeBit : unsigned {
  k_null = 1u,
  k_boolean = 2u,
  k_object = 4u,
  k_array = 8u,
  k_number = 16u,
  k_string = 32u,
  k_integer = 64u,
};

struct Subschema;

struct NamedSchema {
  std::string name;
  const Subschema* schema = nullptr;
};

struct PatternSchema {
  std::unique_ptr<Regex> regex;
  const Subschema* schema = nullptr;
};

struct Dependency {
  std::string name;
  std::vector<std::string> required;
};

/// One schema object (or boolean schema) with its keywords compiled.
struct Subschema {
  const yaml::Node* node = nullptr;
  std::string file;  ///< schema file, for diagnostics about the schema
  Dialect dialect = Dialect::draft2020_12;
  std::optional<bool> boolean;
  /// URI of the schema resource this subschema belongs to (its dynamic scope entry).
  std::string resource;
  /// For a `$dynamicRef` whose target has a matching `$dynamicAnchor`: the anchor name,
  /// looked up in the dynamic scope at evaluation time.
  std::string dynamic_anchor;

  unsigned types = 0;
  const Subschema* ref = nullptr;
  const Subschema* dynamic_ref = nullptr;
  std::vector<const Subschema*> all_of, any_of, one_of;
  const Subschema* not_schema = nullptr;
  const Subschema* if_schema = nullptr;
  const Subschema* then_schema = nullptr;
  const Subschema* else_schema = nullptr;

  std::vector<NamedSchema> properties;
  std::vector<PatternSchema> pattern_properties;
  const Subschema* additional_properties = nullptr;
  const Subschema* unevaluated_properties = nullptr;
  const Subschema* property_names = nullptr;
  std::vector<std::string> required;
  std::vector<Dependency> dependent_required;
  std::vector<NamedSchema> dependent_schemas;
  std::optional<std::uint64_t> min_properties, max_properties;

  std::vector<const Subschema*> prefix_items;
  const Subschema* items = nullptr;  ///< every item after prefix_items
  const Subschema* unevaluated_items = nullptr;
  const Subschema* contains = nullptr;
  std::optional<std::uint64_t> min_contains, max_contains;
  std::optional<std::uint64_t> min_items, max_items;
  bool unique_items = false;

  const yaml::Node* enum_values = nullptr;
  const yaml::Node* const_value = nullptr;

  const yaml::Node* minimum = nullptr;
  const yaml::Node* maximum = nullptr;
  const yaml::Node* exclusive_minimum = nullptr;
  const yaml::Node* exclusive_maximum = nullptr;
  const yaml::Node* multiple_of = nullptr;

  std::optional<std::uint64_t> min_length, max_length;
  std::unique_ptr<Regex> pattern;
  std::string format;

  /// Candidate names for did-you-mean hints on unknown keys.
  std::vector<std::string> known_keys;
};

/// Everything a compiled schema owns.
class Compiled {
 public:
  Options options;
  std::vector<yaml::Document> documents;
  std::deque<Subschema> subschemas;
  const Subschema* root = nullptr;
  /// Whether any subschema uses unevaluatedProperties or unevaluatedItems.
  bool track_annotations = false;
  /// Subschemas with a `$dynamicAnchor`, by resource URI and anchor name.
  std::map<std::pair<std::string, std::string>, const Subschema*> dynamic_anchors;
};

}  // namespace leaspec::schema
