#pragma once
// The loader: YAML (and so JSON) text becomes leaspec's own positioned tree.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "leaspec/source.hpp"

namespace leaspec::yaml {

/// Node kinds, typed by the YAML 1.2 core schema; they map one to one onto JSON's types.
enum class Kind : std::uint8_t { null, boolean, integer, number, string, sequence, mapping };

std::string_view to_string(Kind kind);

class Node;

/// A key of a mapping and its value; the key is a string node with its own position.
struct Entry {
  const Node* key = nullptr;
  const Node* value = nullptr;
};

/// The children of a collection: a view of an array that the document owns, so that a
/// node carries no allocation of its own for them.
template <class T>
class Children {
 public:
  Children() = default;
  Children(const T* data, std::size_t size)
      : m_data(data), m_size(static_cast<std::uint32_t>(size)) {}

  const T* begin() const { return m_data; }
  const T* end() const { return m_data + m_size; }
  const T* data() const { return m_data; }
  std::size_t size() const { return m_size; }
  bool empty() const { return m_size == 0; }
  const T& operator[](std::size_t index) const { return m_data[index]; }
  const T& front() const { return m_data[0]; }
  const T& back() const { return m_data[m_size - 1]; }

 private:
  const T* m_data = nullptr;
  std::uint32_t m_size = 0;
};

/// One node of a loaded document. Aliases share nodes, so a tree is a DAG. A node takes 56
/// bytes (a large spec has a million of them): its text and its children are views of
/// storage that the document owns.
class Node {
 public:
  Kind kind = Kind::null;
  bool boolean = false;
  Position position;

 private:
  std::uint32_t m_count = 0;  ///< children of a sequence or mapping

 public:
  /// For scalars: the text as written (after YAML unquoting), also for numbers.
  std::string_view text;
  std::int64_t integer = 0;  ///< valid when kind is integer
  double number = 0;         ///< valid when kind is integer or number

  /// The items of a sequence; empty for any other kind.
  Children<const Node*> items() const {
    return kind == Kind::sequence
               ? Children<const Node*>(static_cast<const Node* const*>(m_children), m_count)
               : Children<const Node*>();
  }
  /// The entries of a mapping; empty for any other kind.
  Children<Entry> entries() const {
    return kind == Kind::mapping ? Children<Entry>(static_cast<const Entry*>(m_children), m_count)
                                 : Children<Entry>();
  }
  /// Makes the node a sequence of `items` (storage its document owns).
  void set_items(Children<const Node*> items) {
    kind = Kind::sequence;
    m_children = items.data();
    m_count = static_cast<std::uint32_t>(items.size());
  }
  /// Makes the node a mapping of `entries` (storage its document owns).
  void set_entries(Children<Entry> entries) {
    kind = Kind::mapping;
    m_children = entries.data();
    m_count = static_cast<std::uint32_t>(entries.size());
  }

  bool is_scalar() const { return kind != Kind::sequence && kind != Kind::mapping; }
  bool is_number() const { return kind == Kind::integer || kind == Kind::number; }
  /// True for integers and for numbers without a fractional part (1.0).
  bool is_integral() const;
  /// The value of the key `name` in a mapping, or nullptr.
  const Node* find(std::string_view name) const;
  /// The text of the value at key `name` of a mapping, empty when there is none.
  std::string text_at(std::string_view name) const;
  /// The entry of the key `name` in a mapping, or nullptr.
  const Entry* find_entry(std::string_view name) const;

 private:
  const void* m_children = nullptr;
};

/// JSON equality: numbers compare by value (1 equals 1.0), mappings ignore key order.
bool equal(const Node& a, const Node& b);

/// Compact JSON text of a node, for messages and exports.
std::string to_json(const Node& node);

/// Pretty-printed JSON text of a node, keys in document order.
std::string to_json_pretty(const Node& node, int indent = 2);

/// The deepest nesting `Limits::max_depth` may allow: what reads a tree (the schema engine,
/// JSON conversion) recurses once per level, and must stay far from the end of the stack.
constexpr std::size_t k_deepest_nesting = 499;

/// Bounds that keep hostile input cheap.
struct Limits {
  std::size_t max_bytes = 16u << 20;
  /// Levels of nested sequences and mappings, at most k_deepest_nesting.
  std::size_t max_depth = 64;
  /// Nodes the document may hold once every alias is expanded.
  std::uint64_t max_expanded_nodes = 1'000'000;
  /// Bytes of scalar text (keys and values) the document may hold once every alias is
  /// expanded; without aliases a document never holds more than its own size.
  std::uint64_t max_expanded_bytes = 32u << 20;
};

/// A loaded document: owns its nodes; `root` is null when loading failed.
class Document {
 public:
  Document() = default;
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;
  Document(Document&&) = default;
  Document& operator=(Document&&) = default;

  std::string file;
  const Node* root = nullptr;

  Node& make_node();
  /// The children of a sequence or mapping, copied into storage the document owns.
  Children<const Node*> make_items(const Node* const* first, std::size_t count);
  Children<Entry> make_entries(const Entry* first, std::size_t count);
  /// A copy of `text` that lives as long as the document.
  std::string_view keep(std::string_view text);

 private:
  /// Room for `bytes` (a multiple of 8) that never moves.
  void* allocate(std::size_t bytes);

  /// Nodes live in blocks that never move, so that pointers to them stay valid.
  std::vector<std::unique_ptr<Node[]>> m_blocks;
  std::size_t m_block_size = 0;
  std::size_t m_block_used = 0;
  /// The children arrays, in blocks of their own (a large array gets one to itself).
  std::vector<std::unique_ptr<std::uint64_t[]>> m_child_blocks;
  std::size_t m_child_free = 0;  ///< words left in the last shared block
};

/// Parses `source` into a document. Every problem becomes a positioned diagnostic in `sink`
/// (rule ids: yaml-syntax, duplicate-key, invalid-utf8, tab-indent, empty-file,
/// multiple-documents, too-deep, too-large, alias-expansion, unsupported-tag, complex-key).
Document load(const SourceFile& source, DiagnosticSink& sink, const Limits& limits = {});

/// The JSON pointer of the value at or before a source position: findings reported at a key,
/// or inside a text, point at the value they concern. The index keeps one step per place
/// (its parent and its key or item number) and writes a pointer only when asked, so it is
/// small beside the tree; it refers to the tree's keys, which must outlive it.
class PointerIndex {
 public:
  explicit PointerIndex(const Node& root);
  std::string pointer_at(Position position) const;

 private:
  /// A step down from the parent step: the entry with `key`, or item `item` when it is null.
  struct Step {
    std::uint32_t parent;
    std::uint32_t item;
    const Node* key;
  };
  struct Place {
    Position position;
    std::uint32_t step;
  };
  /// Aliases can make a tree much larger than its text; the index stops here.
  static constexpr std::size_t k_max_places = 2'000'000;
  void add(const Node& node, std::uint32_t step);
  std::uint32_t add_step(std::uint32_t parent, std::uint32_t item, const Node* key);
  std::vector<Step> m_steps;  ///< the first is the root's
  std::vector<Place> m_places;
};

/// A compact binary form of the tree below `root` (without aliases: shared nodes are
/// written once per use), for files baked into the binary when leaspec is built.
std::string bake(const Node& root);

/// The tree `bake` wrote, as a document named `file`. Its texts are views of `blob`, which must
/// outlive it (a bundled blob lives as long as the program). Throws Error when the blob is
/// damaged.
Document unbake(std::string_view blob, std::string file);

/// Types a plain (unquoted) scalar by the YAML 1.2 core schema into `node`; the node's text
/// is then a view of `text`, which the caller keeps (or copies with `Document::keep`).
void type_plain_scalar(std::string_view text, Node& node);

}  // namespace leaspec::yaml
