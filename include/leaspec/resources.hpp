#pragma once
// Resources bundled into the binary: schemas, examples and catalogs.

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "leaspec/schema.hpp"
#include "leaspec/yaml.hpp"

namespace leaspec::catalog {

/// One bundled file, named by its path in the source tree ("schemas/spec.yaml"): its text,
/// and for the schemas and data files its tree baked at build time (empty for others).
struct Resource {
  std::string_view name;
  std::string_view data;
  std::string_view baked;
};

/// Every bundled resource, sorted by name.
std::span<const Resource> all_resources();

/// The bundled resource with this name, if there is one.
std::optional<std::string_view> find_resource(std::string_view name);

/// The tree of a bundled YAML file, from its baked form without parsing. Throws Error when
/// the build bundled no such file.
yaml::Document bundled_tree(std::string_view name);

/// A bundled JSON Schema: its short name (`spec`, ...), its `$id` and its resource.
struct BundledSchema {
  std::string_view name;
  std::string_view uri;
  std::string_view resource;
};

/// The bundled schemas, the spec schema first.
const std::vector<BundledSchema>& bundled_schemas();

/// A bundled schema by its short name, compiled on first use and kept; throws Error when
/// there is none or it does not compile.
const schema::Schema& compiled_schema(std::string_view name);

/// Loads a YAML file and validates it against the bundled schema called `schema`; empty when
/// it does not load or is invalid, with the findings in `sink`.
std::optional<yaml::Document> load_checked(const std::string& path, std::string_view schema,
                                           DiagnosticSink& sink, std::size_t max_bytes = 1u << 20);

/// The bundled schema document for a URI such as the spec schema's `$id`.
std::optional<schema::FetchedDocument> fetch_bundled(const std::string& uri);

}  // namespace leaspec::catalog
