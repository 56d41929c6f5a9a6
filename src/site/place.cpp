// Finding the part of a page a finding is about.
#include "site/place.hpp"

#include <limits>

namespace leaspec::site {
namespace {

constexpr std::size_t k_max_depth = 256;

std::string pointer_token(std::string_view key) {
  std::string token;
  for (char c : key) {
    token += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
  }
  return token;
}

/// Whether `pointer` is `region` or lies below it.
bool contains(const std::string& region, const std::string& pointer) {
  return pointer.compare(0, region.size(), region) == 0 &&
         (pointer.size() == region.size() || pointer[region.size()] == '/');
}

}  // namespace

std::string pointer_at(const yaml::Node& root, Position at) {
  std::string pointer;
  const yaml::Node* node = &root;
  Position end{std::numeric_limits<std::uint32_t>::max(), 0};
  for (std::size_t depth = 0; node && depth < k_max_depth; ++depth) {
    const yaml::Node* next = nullptr;
    if (node->kind == yaml::Kind::mapping) {
      for (std::size_t i = 0; i < node->entries().size(); ++i) {
        Position start = node->entries()[i].key->position;
        Position stop = i + 1 < node->entries().size() ? node->entries()[i + 1].key->position : end;
        if (start <= at && at < stop) {
          pointer += '/';
          pointer += pointer_token(node->entries()[i].key->text);
          next = node->entries()[i].value;
          end = stop;
          break;
        }
      }
    } else if (node->kind == yaml::Kind::sequence) {
      for (std::size_t i = 0; i < node->items().size(); ++i) {
        Position start = node->items()[i]->position;
        Position stop = i + 1 < node->items().size() ? node->items()[i + 1]->position : end;
        if (start <= at && at < stop) {
          pointer += '/';
          pointer += std::to_string(i);
          next = node->items()[i];
          end = stop;
          break;
        }
      }
    }
    node = next;
  }
  return pointer;
}

Placement place_findings(const std::vector<Diagnostic>& diagnostics,
                         const std::vector<Region>& regions, const yaml::Node* root) {
  Placement placement;
  for (const Diagnostic& diagnostic : diagnostics) {
    std::string pointer = diagnostic.pointer;
    if (pointer.empty() && root && diagnostic.position.line > 0) {
      pointer = pointer_at(*root, diagnostic.position);
    }
    const Region* best = nullptr;
    for (const Region& region : regions) {
      if (contains(region.pointer, pointer) &&
          (!best || region.pointer.size() > best->pointer.size())) {
        best = &region;
      }
    }
    placement[best ? best->anchor : ""].push_back(&diagnostic);
  }
  return placement;
}

}  // namespace leaspec::site
