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
  m_steps.push_back({0, 0, nullptr});
  add(root, 0);
  std::stable_sort(m_places.begin(), m_places.end(),
                   [](const Place& a, const Place& b) { return a.position < b.position; });
}

std::uint32_t PointerIndex::add_step(std::uint32_t parent, std::uint32_t item, const Node* key) {
  m_steps.push_back({parent, item, key});
  return static_cast<std::uint32_t>(m_steps.size() - 1);
}

void PointerIndex::add(const Node& node, std::uint32_t step) {
  if (m_places.size() >= k_max_places) {
    return;
  }
  m_places.push_back({node.position, step});
  const auto items = node.items();
  for (std::size_t i = 0; i < items.size(); ++i) {
    add(*items[i], add_step(step, static_cast<std::uint32_t>(i), nullptr));
  }
  for (const Entry& entry : node.entries()) {
    std::uint32_t inner = add_step(step, 0, entry.key);
    m_places.push_back({entry.key->position, inner});
    add(*entry.value, inner);
  }
}

std::string PointerIndex::pointer_at(Position position) const {
  auto after = std::upper_bound(m_places.begin(), m_places.end(), position,
                                [](Position p, const Place& place) { return p < place.position; });
  if (after == m_places.begin()) {
    return std::string();
  }
  std::vector<std::uint32_t> path;  // from the place up to the root, not including it
  for (std::uint32_t step = std::prev(after)->step; step != 0; step = m_steps[step].parent) {
    path.push_back(step);
  }
  std::string pointer;
  for (auto step = path.rbegin(); step != path.rend(); ++step) {
    const Step& down = m_steps[*step];
    pointer += '/';
    pointer += down.key ? escape_token(down.key->text) : std::to_string(down.item);
  }
  return pointer;
}

}  // namespace leaspec::yaml
