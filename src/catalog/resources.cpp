#include <algorithm>
#include <map>
#include <mutex>

#include <fmt/format.h>

#include "leaspec/resources.hpp"
#include "leaspec/source.hpp"
#include "leaspec/yaml.hpp"

namespace leaspec::catalog {

namespace {

const Resource* resource_named(std::string_view name) {
  std::span<const Resource> all = all_resources();
  auto found = std::lower_bound(all.begin(), all.end(), name,
                                [](const Resource& r, std::string_view n) { return r.name < n; });
  return found != all.end() && found->name == name ? &*found : nullptr;
}

}  // namespace

std::optional<std::string_view> find_resource(std::string_view name) {
  if (const Resource* resource = resource_named(name)) {
    return resource->data;
  }
  return std::nullopt;
}

yaml::Document bundled_tree(std::string_view name) {
  const Resource* resource = resource_named(name);
  if (!resource || resource->baked.empty()) {
    throw Error(fmt::format("the bundled file {} is missing from this build", name));
  }
  return yaml::unbake(resource->baked, std::string(name));
}

}  // namespace leaspec::catalog

namespace leaspec::catalog {

const std::vector<BundledSchema>& bundled_schemas() {
  static const std::vector<BundledSchema> k_schemas = {
      {"spec", "https://leaspec.eu/schema/spec/1", "schemas/spec.yaml"},
      {"config", "https://leaspec.eu/schema/config/1", "schemas/config.yaml"},
      {"export", "https://leaspec.eu/schema/export/1", "schemas/export.yaml"},
      {"catalog", "https://leaspec.eu/schema/catalog/1", "schemas/catalog.yaml"},
      {"reqif-map", "https://leaspec.eu/schema/reqif-map/1", "schemas/reqif-map.yaml"},
      {"translation", "https://leaspec.eu/schema/translation/1", "schemas/translation.yaml"},
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

namespace leaspec::catalog {

const schema::Schema& compiled_schema(std::string_view name) {
  static std::mutex k_mutex;
  static std::map<std::string, schema::Schema, std::less<>> k_compiled;
  std::lock_guard lock(k_mutex);
  if (auto found = k_compiled.find(name); found != k_compiled.end()) {
    return found->second;
  }
  for (const BundledSchema& bundled : bundled_schemas()) {
    if (bundled.name != name) {
      continue;
    }
    DiagnosticSink sink;
    auto compiled = schema::Schema::compile(bundled_tree(bundled.resource),
                                            std::string(bundled.uri), {}, fetch_bundled, sink);
    if (!compiled) {
      throw Error(fmt::format("the bundled schema {} does not compile", name));
    }
    return k_compiled.emplace(std::string(name), std::move(*compiled)).first->second;
  }
  throw Error(fmt::format("no bundled schema is named {}", name));
}

std::optional<yaml::Document> load_checked(const std::string& path, std::string_view schema,
                                           DiagnosticSink& sink, std::size_t max_bytes) {
  SourceFile source(path, read_file(path, max_bytes));
  yaml::Document document = yaml::load(source, sink);
  if (!document.root || !compiled_schema(schema).validate(*document.root, path, sink)) {
    return std::nullopt;
  }
  return document;
}

}  // namespace leaspec::catalog
