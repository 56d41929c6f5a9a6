#include <algorithm>
#include <cmath>
#include <memory>

#include <nlohmann/json.hpp>

#include "leaspec/yaml.hpp"

namespace leaspec::yaml {

// A large spec has a million nodes; see the layout in yaml.hpp.
static_assert(sizeof(void*) != 8 || sizeof(Node) == 56);

std::string_view to_string(Kind kind) {
  switch (kind) {
    case Kind::null:
      return "null";
    case Kind::boolean:
      return "boolean";
    case Kind::integer:
      return "integer";
    case Kind::number:
      return "number";
    case Kind::string:
      return "string";
    case Kind::sequence:
      return "array";
    case Kind::mapping:
      return "object";
  }
  return "null";
}

bool Node::is_integral() const {
  if (kind == Kind::integer) {
    return true;
  }
  return kind == Kind::number && std::isfinite(number) && std::floor(number) == number;
}

const Entry* Node::find_entry(std::string_view name) const {
  for (const Entry& entry : entries()) {
    if (entry.key->text == name) {
      return &entry;
    }
  }
  return nullptr;
}

const Node* Node::find(std::string_view name) const {
  const Entry* entry = find_entry(name);
  return entry ? entry->value : nullptr;
}

std::string Node::text_at(std::string_view name) const {
  const Node* value = find(name);
  return value ? std::string(value->text) : std::string();
}

Node& Document::make_node() {
  if (m_block_used == m_block_size) {
    // Blocks stay well below malloc's threshold for mapping memory from the system, so that
    // the memory of one document is reused for the next instead of faulted in anew.
    constexpr std::size_t k_first_block = 64;
    constexpr std::size_t k_largest_block = 512;
    m_block_size = std::min(k_largest_block, std::max(k_first_block, m_block_size * 2));
    m_blocks.push_back(std::make_unique<Node[]>(m_block_size));
    m_block_used = 0;
  }
  return m_blocks.back()[m_block_used++];
}

void* Document::allocate(std::size_t bytes) {
  // Blocks stay below malloc's threshold for mapping memory from the system, like the
  // nodes' blocks; an array larger than a quarter of one gets a block to itself.
  constexpr std::size_t k_block_words = 4096;
  std::size_t words = (bytes + 7) / 8;
  if (words > k_block_words / 4) {
    auto block = std::make_unique_for_overwrite<std::uint64_t[]>(words);
    void* room = block.get();
    // Keep the shared block last, so that its free words stay usable.
    m_child_blocks.insert(m_child_blocks.empty() ? m_child_blocks.end() : m_child_blocks.end() - 1,
                          std::move(block));
    return room;
  }
  if (words > m_child_free) {
    m_child_blocks.push_back(std::make_unique_for_overwrite<std::uint64_t[]>(k_block_words));
    m_child_free = k_block_words;
  }
  void* room = m_child_blocks.back().get() + (k_block_words - m_child_free);
  m_child_free -= words;
  return room;
}

std::string_view Document::keep(std::string_view text) {
  if (text.empty()) {
    return {};
  }
  auto* room = static_cast<char*>(allocate(text.size()));
  std::copy(text.begin(), text.end(), room);
  return {room, text.size()};
}

Children<const Node*> Document::make_items(const Node* const* first, std::size_t count) {
  if (count == 0) {
    return {};
  }
  // The array holds pointers to nodes, not nodes.
  auto* room = static_cast<const Node**>(
      allocate(count * sizeof(const Node*)));  // NOLINT(bugprone-sizeof-expression)
  std::uninitialized_copy_n(first, count, room);
  return {room, count};
}

Children<Entry> Document::make_entries(const Entry* first, std::size_t count) {
  if (count == 0) {
    return {};
  }
  auto* room = static_cast<Entry*>(allocate(count * sizeof(Entry)));
  std::uninitialized_copy_n(first, count, room);
  return {room, count};
}

bool equal(const Node& a, const Node& b) {
  if (a.is_number() && b.is_number()) {
    if (a.kind == Kind::integer && b.kind == Kind::integer) {
      return a.integer == b.integer;
    }
    return a.number == b.number;
  }
  if (a.kind != b.kind) {
    return false;
  }
  switch (a.kind) {
    case Kind::null:
      return true;
    case Kind::boolean:
      return a.boolean == b.boolean;
    case Kind::string:
      return a.text == b.text;
    case Kind::sequence:
      if (a.items().size() != b.items().size()) {
        return false;
      }
      for (std::size_t i = 0; i < a.items().size(); ++i) {
        if (!equal(*a.items()[i], *b.items()[i])) {
          return false;
        }
      }
      return true;
    case Kind::mapping:
      if (a.entries().size() != b.entries().size()) {
        return false;
      }
      for (const Entry& entry : a.entries()) {
        const Node* other = b.find(entry.key->text);
        if (!other || !equal(*entry.value, *other)) {
          return false;
        }
      }
      return true;
    default:
      return false;
  }
}

namespace {

nlohmann::ordered_json to_value(const Node& node) {
  switch (node.kind) {
    case Kind::null:
      return nullptr;
    case Kind::boolean:
      return node.boolean;
    case Kind::integer:
      return node.integer;
    case Kind::number:
      if (!std::isfinite(node.number)) {
        return node.text;
      }
      return node.number;
    case Kind::string:
      return node.text;
    case Kind::sequence: {
      auto array = nlohmann::ordered_json::array();
      for (const Node* item : node.items()) {
        array.push_back(to_value(*item));
      }
      return array;
    }
    case Kind::mapping: {
      auto object = nlohmann::ordered_json::object();
      for (const Entry& entry : node.entries()) {
        object[entry.key->text] = to_value(*entry.value);
      }
      return object;
    }
  }
  return nullptr;
}

}  // namespace

std::string to_json(const Node& node) {
  if (node.is_number()) {
    return std::string(node.text);
  }
  return to_value(node).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string to_json_pretty(const Node& node, int indent) {
  return to_value(node).dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace leaspec::yaml
