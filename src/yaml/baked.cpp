// A compact binary form of a loaded tree. Bundled YAML files are baked when leaspec is built,
// so that starting leaspec parses no YAML: unbaking is a walk over bytes.
#include <algorithm>
#include <cstring>
#include <vector>

#include <fmt/format.h>

#include "leaspec/yaml.hpp"

namespace leaspec::yaml {
namespace {

constexpr std::string_view k_magic = "leaspec-baked-1\n";

void put_varint(std::string& out, std::uint64_t value) {
  while (value >= 0x80) {
    out += static_cast<char>((value & 0x7F) | 0x80);
    value >>= 7;
  }
  out += static_cast<char>(value);
}

void put_node(std::string& out, const Node& node) {
  out += static_cast<char>(node.kind);
  put_varint(out, node.position.line);
  put_varint(out, node.position.column);
  put_varint(out, node.text.size());
  out += node.text;
  switch (node.kind) {
    case Kind::boolean:
      out += node.boolean ? '\1' : '\0';
      break;
    case Kind::integer:
      put_varint(out, (static_cast<std::uint64_t>(node.integer) << 1) ^
                          static_cast<std::uint64_t>(node.integer >> 63));
      break;
    case Kind::number: {
      char bytes[sizeof(double)];
      std::memcpy(bytes, &node.number, sizeof bytes);
      out.append(bytes, sizeof bytes);
      break;
    }
    case Kind::sequence:
      put_varint(out, node.items().size());
      for (const Node* item : node.items()) {
        put_node(out, *item);
      }
      break;
    case Kind::mapping:
      put_varint(out, node.entries().size());
      for (const Entry& entry : node.entries()) {
        put_node(out, *entry.key);
        put_node(out, *entry.value);
      }
      break;
    case Kind::null:
    case Kind::string:
      break;
  }
}

/// Reads a baked tree; the blob comes from the build, so a malformed one is an internal error.
class Reader {
 public:
  Reader(std::string_view blob, Document& document) : m_blob(blob), m_document(document) {}

  const Node* node(int depth = 0) {
    if (depth > 1000) {
      fail();
    }
    Node& node = m_document.make_node();
    node.kind = static_cast<Kind>(byte());
    node.position.line = static_cast<std::uint32_t>(varint());
    node.position.column = static_cast<std::uint32_t>(varint());
    std::size_t length = varint();
    node.text = take(length);  // the blob outlives the document
    switch (node.kind) {
      case Kind::boolean:
        node.boolean = byte() != 0;
        break;
      case Kind::integer: {
        std::uint64_t zigzag = varint();
        node.integer =
            static_cast<std::int64_t>(zigzag >> 1) ^ -static_cast<std::int64_t>(zigzag & 1);
        node.number = static_cast<double>(node.integer);
        break;
      }
      case Kind::number:
        std::memcpy(&node.number, take(sizeof(double)).data(), sizeof(double));
        break;
      case Kind::sequence: {
        std::size_t count = varint();
        std::vector<const Node*> items;
        items.reserve(std::min(count, m_blob.size()));
        for (std::size_t i = 0; i < count; ++i) {
          items.push_back(this->node(depth + 1));
        }
        node.set_items(m_document.make_items(items.data(), items.size()));
        break;
      }
      case Kind::mapping: {
        std::size_t count = varint();
        std::vector<Entry> entries;
        entries.reserve(std::min(count, m_blob.size()));
        for (std::size_t i = 0; i < count; ++i) {
          const Node* key = this->node(depth + 1);
          entries.push_back({key, this->node(depth + 1)});
        }
        node.set_entries(m_document.make_entries(entries.data(), entries.size()));
        break;
      }
      case Kind::null:
      case Kind::string:
        break;
      default:
        fail();
    }
    return &node;
  }

  bool at_end() const { return m_offset == m_blob.size(); }

 private:
  [[noreturn]] void fail() const {
    throw Error(fmt::format("the bundled data {} is damaged", m_document.file));
  }
  unsigned char byte() {
    if (m_offset >= m_blob.size()) {
      fail();
    }
    return static_cast<unsigned char>(m_blob[m_offset++]);
  }
  std::uint64_t varint() {
    std::uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      unsigned char b = byte();
      value |= static_cast<std::uint64_t>(b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    fail();
  }
  std::string_view take(std::size_t length) {
    if (length > m_blob.size() - m_offset) {
      fail();
    }
    std::string_view part = m_blob.substr(m_offset, length);
    m_offset += length;
    return part;
  }

  std::string_view m_blob;
  std::size_t m_offset = 0;
  Document& m_document;
};

}  // namespace

std::string bake(const Node& root) {
  std::string out(k_magic);
  put_node(out, root);
  return out;
}

Document unbake(std::string_view blob, std::string file) {
  Document document;
  document.file = std::move(file);
  if (blob.substr(0, k_magic.size()) != k_magic) {
    throw Error(fmt::format("the bundled data {} is damaged", document.file));
  }
  Reader reader(blob.substr(k_magic.size()), document);
  document.root = reader.node();
  if (!reader.at_end()) {
    throw Error(fmt::format("the bundled data {} is damaged", document.file));
  }
  return document;
}

}  // namespace leaspec::yaml
