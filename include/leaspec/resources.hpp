#pragma once
// Resources bundled into the binary: schemas, examples and catalogs.

#include <optional>
#include <span>
#include <string_view>

namespace leaspec::catalog {

/// One bundled file, named by its path in the source tree ("schemas/spec.yaml").
struct Resource {
  std::string_view name;
  std::string_view data;
};

/// Every bundled resource, sorted by name.
std::span<const Resource> all_resources();

/// The bundled resource with this name, if there is one.
std::optional<std::string_view> find_resource(std::string_view name);

}  // namespace leaspec::catalog
