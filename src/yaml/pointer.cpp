// JSON pointers of the places in a tree, found from a source position.
#include <algorithm>

#include "leaspec/yaml.hpp"

namespace leaspec::yaml {
namespace {

/// A pointer token with ~ and / escaped (RFC 6901).
std::string escape_token(std::string_view token) {
  std::string out;
  for (char c : token) {
    out += c == '~' ? std::string("~0") : c == '/' ? std::string("~1") : std::string(1, c);
  }
  return out;
}

}  // namespace

PointerIndex::PointerIndex(const Node& root) {
  add(root, "");
  std::stable_sort(m_places.begin(), m_places.end(),
                   [](const Place& a, const Place& b) { return a.position < b.position; });
}

void PointerIndex::add(const Node& node, const std::string& pointer) {
  if (m_places.size() >= k_max_places) {
    return;
  }
  m_places.push_back({node.position, pointer});
  for (std::size_t i = 0; i < node.items().size(); ++i) {
    add(*node.items()[i], pointer + "/" + std::to_string(i));
  }
  for (const Entry& entry : node.entries()) {
    std::string inner = pointer + "/" + escape_token(entry.key->text);
    m_places.push_back({entry.key->position, inner});
    add(*entry.value, inner);
  }
}

std::string PointerIndex::pointer_at(Position position) const {
  auto after = std::upper_bound(m_places.begin(), m_places.end(), position,
                                [](Position p, const Place& place) { return p < place.position; });
  return after == m_places.begin() ? std::string() : std::prev(after)->pointer;
}

}  // namespace leaspec::yaml
