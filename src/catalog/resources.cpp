#include "leaspec/resources.hpp"

namespace leaspec::catalog {

std::optional<std::string_view> find_resource(std::string_view name) {
  for (const Resource& resource : all_resources()) {
    if (resource.name == name) {
      return resource.data;
    }
  }
  return std::nullopt;
}

}  // namespace leaspec::catalog

namespace leaspec::catalog {

const std::vector<BundledSchema>& bundled_schemas() {
  static const std::vector<BundledSchema> k_schemas = {
      {"spec", "https://leaspec.eu/schema/spec/1", "schemas/spec.yaml"},
      {"config", "https://leaspec.eu/schema/config/1", "schemas/config.yaml"},
      {"export", "https://leaspec.eu/schema/export/1", "schemas/export.yaml"},
  };
  return k_schemas;
}

std::optional<schema::FetchedDocument> fetch_bundled(const std::string& uri) {
  for (const BundledSchema& bundled : bundled_schemas()) {
    if (uri == bundled.uri) {
      if (auto data = find_resource(bundled.resource)) {
        return schema::FetchedDocument{std::string(bundled.resource), std::string(*data), ""};
      }
    }
  }
  return std::nullopt;
}

}  // namespace leaspec::catalog
