#pragma once
// The compiled form of a schema: one Subschema per schema object, keywords resolved.

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
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

/// Objects with more properties than this find a key's schema by hash.
constexpr std::size_t k_linear_properties = 8;

/// Checks a string against one `format`.
using FormatCheck = bool (*)(std::string_view text);

/// The check for a format name, or nullptr for formats leaspec does not check.
FormatCheck find_format(std::string_view name);

/// Where a schema object sits: its base URI, dialect and file.
struct SchemaInfo {
  std::string base;
  Dialect dialect = Dialect::draft2020_12;
  std::string file;
};

/// What the `$id`s and anchors of schema documents name, and where every schema object below
/// them sits. Filled before compiling, so that references may point anywhere.
struct SchemaIndex {
  struct DynamicAnchor {
    std::string resource;
    std::string name;
    const yaml::Node* node;
  };
  std::unordered_map<const yaml::Node*, SchemaInfo> info;
  /// Schema resources by absolute URI without fragment.
  std::map<std::string, const yaml::Node*> resources;
  /// `$anchor`s, `$dynamicAnchor`s and legacy `#name` ids by "uri#name".
  std::map<std::string, const yaml::Node*> anchors;
  std::vector<DynamicAnchor> dynamic_anchors;

  /// Records `node` and every schema object below it; `base` is the URI it is retrieved by
  /// and `dialect` the one in force unless `$schema` names another.
  void add(const yaml::Node& node, const std::string& base, Dialect dialect,
           const std::string& file);
  /// Where a node sits, or `fallback` for a node not recorded.
  SchemaInfo info_of(const yaml::Node& node, const SchemaInfo& fallback) const;
};

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
  /// The schema resource this subschema belongs to (its dynamic scope entry), as an index
  /// into Compiled::resources.
  std::uint32_t resource = 0;
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
  /// The properties by name, when there are too many to compare with one by one.
  std::unordered_map<std::string_view, const Subschema*> property_index;
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
  /// For long enums: the hash of each allowed value, sorted, to find candidates quickly.
  std::vector<std::pair<std::size_t, const yaml::Node*>> enum_hashes;
  const yaml::Node* const_value = nullptr;

  const yaml::Node* minimum = nullptr;
  const yaml::Node* maximum = nullptr;
  const yaml::Node* exclusive_minimum = nullptr;
  const yaml::Node* exclusive_maximum = nullptr;
  const yaml::Node* multiple_of = nullptr;

  std::optional<std::uint64_t> min_length, max_length;
  std::unique_ptr<Regex> pattern;
  std::string format;
  /// What the pattern asks for, in words (`patternErrorMessage`, which editors show too).
  std::string pattern_message;
  FormatCheck format_check = nullptr;

  /// Candidate names for did-you-mean hints on unknown keys.
  std::vector<std::string> known_keys;
};

/// A hash of a JSON value that equal values (yaml::equal) share.
std::size_t hash_value(const yaml::Node& node);

/// Everything a compiled schema owns.
class Compiled {
 public:
  Options options;
  std::vector<yaml::Document> documents;
  std::deque<Subschema> subschemas;
  const Subschema* root = nullptr;
  /// Whether any subschema uses unevaluatedProperties or unevaluatedItems.
  bool track_annotations = false;
  /// Whether any `$dynamicRef` depends on the dynamic scope.
  bool dynamic_scope = false;
  /// The URIs of the schema resources, which subschemas name by index.
  std::vector<std::string> resources;
  /// Subschemas with a `$dynamicAnchor`, by resource and anchor name.
  std::map<std::pair<std::uint32_t, std::string>, const Subschema*, std::less<>> dynamic_anchors;
};

}  // namespace leaspec::schema
