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
