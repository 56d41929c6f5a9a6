#include <algorithm>
#include <istream>
#include <optional>
#include <streambuf>
#include <unordered_map>

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include "leaspec/yaml.hpp"

namespace leaspec::yaml {
namespace {

constexpr std::string_view k_core_tag = "tag:yaml.org,2002:";

Position to_position(const YAML::Mark& mark) {
  if (mark.is_null() || mark.line < 0 || mark.column < 0) {
    return {};
  }
  return {static_cast<std::uint32_t>(mark.line + 1), static_cast<std::uint32_t>(mark.column + 1)};
}

/// Thrown from the event handler to stop parsing at the first fatal finding.
struct Stop {
  Position position;
  std::string rule;
  std::string message;
};

/// Builds the positioned tree from yaml-cpp's events.
class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(Document& document, DiagnosticSink& sink, const Limits& limits)
      : m_document(document), m_sink(sink), m_limits(limits) {}

  const Node* root() const { return m_root; }
  bool started() const { return m_documents > 0; }
  /// Where the innermost collection being read starts.
  Position innermost() const {
    return m_stack.empty() ? Position{} : to_position(m_stack.back().mark);
  }

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++m_documents > 1) {
      throw Stop{to_position(mark), "multiple-documents",
                 "the file holds more than one YAML document; a spec is a single document"};
    }
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Node& node = m_document.make_node();
    node.kind = Kind::null;
    node.position = to_position(mark);
    add_scalar(node, anchor, mark);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const Anchor* found = anchor < m_anchors.size() ? &m_anchors[anchor] : nullptr;
    if (found == nullptr || found->node == nullptr) {
      throw Stop{to_position(mark), "yaml-syntax", "alias refers to an anchor that is not defined"};
    }
    if (found->open) {
      throw Stop{to_position(mark), "alias-expansion",
                 fmt::format("alias *{} refers to a node that contains it", anchor_name(anchor))};
    }
    grow(found->size, mark);
    add(*found->node, mark);
  }

  void OnAnchor(const YAML::Mark& /*mark*/, const std::string& name) override {
    m_anchor_names.push_back(name);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    Node& node = m_document.make_node();
    node.position = to_position(mark);
    if (expecting_key() || tag == "!") {
      node.kind = Kind::string;
      node.text = value;
    } else if (tag == "?") {
      type_plain_scalar(value, node);
    } else {
      apply_tag(tag, value, mark, node);
    }
    add_scalar(node, anchor, mark);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value /*style*/) override {
    open(Kind::sequence, mark, tag, anchor);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value /*style*/) override {
    open(Kind::mapping, mark, tag, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  /// What a node weighs once its aliases are expanded.
  struct Size {
    std::uint64_t nodes = 1;
    std::uint64_t bytes = 0;  ///< scalar text, keys included
  };

  /// An anchored node, by anchor id (yaml-cpp numbers anchors 1, 2, ... in document order).
  struct Anchor {
    Node* node = nullptr;
    Size size;
    bool open = false;  ///< a collection whose end has not been read yet
  };

  /// A collection being read. Its children wait in m_items or m_entries from `first` on.
  struct Frame {
    Node* node;
    YAML::Mark mark;
    std::size_t first;
    Size before;  ///< the document's size before the collection started
    YAML::anchor_t anchor;
    const Node* pending_key = nullptr;
    bool skip_value = false;  ///< the pending key repeats an earlier one
    /// The keys so far, for mappings too large to search them one by one.
    std::unique_ptr<std::unordered_map<std::string_view, Position>> keys;
  };

  /// Mappings up to this many keys find duplicates by comparing with each earlier key.
  static constexpr std::size_t k_linear_keys = 16;

  bool expecting_key() const {
    return !m_stack.empty() && m_stack.back().node->kind == Kind::mapping &&
           m_stack.back().pending_key == nullptr;
  }

  std::string anchor_name(YAML::anchor_t anchor) const {
    if (anchor >= 1 && anchor <= m_anchor_names.size()) {
      return m_anchor_names[anchor - 1];
    }
    return std::to_string(anchor);
  }

  Anchor& anchor_slot(YAML::anchor_t anchor) {
    if (anchor >= m_anchors.size()) {
      m_anchors.resize(anchor + 1);
    }
    return m_anchors[anchor];
  }

  void apply_tag(const std::string& tag, const std::string& value, const YAML::Mark& mark,
                 Node& node) {
    std::string_view name(tag);
    if (name.substr(0, k_core_tag.size()) != k_core_tag) {
      throw Stop{to_position(mark), "unsupported-tag",
                 fmt::format("unsupported tag \"{}\"; only the core tags !!str, !!int, !!float, "
                             "!!bool and !!null are allowed",
                             tag)};
    }
    name.remove_prefix(k_core_tag.size());
    if (name == "str") {
      node.kind = Kind::string;
      node.text = value;
      return;
    }
    type_plain_scalar(value, node);
    bool fits = (name == "int" && node.kind == Kind::integer) ||
                (name == "float" && node.is_number()) ||
                (name == "bool" && node.kind == Kind::boolean) ||
                (name == "null" && node.kind == Kind::null);
    if (!fits) {
      throw Stop{to_position(mark), "unsupported-tag",
                 fmt::format("\"{}\" is not a valid !!{}", value, name)};
    }
  }

  void open(Kind kind, const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor) {
    if (expecting_key()) {
      throw Stop{to_position(mark), "complex-key",
                 "a mapping key must be a scalar, not a sequence or mapping"};
    }
    std::string_view name(tag);
    bool plain_tag = name == "?" || name == "!" ||
                     (name.substr(0, k_core_tag.size()) == k_core_tag &&
                      name.substr(k_core_tag.size()) == (kind == Kind::mapping ? "map" : "seq"));
    if (!plain_tag) {
      throw Stop{to_position(mark), "unsupported-tag", fmt::format("unsupported tag \"{}\"", tag)};
    }
    if (m_stack.size() >= m_limits.max_depth) {
      throw Stop{to_position(mark), "too-deep",
                 fmt::format("nesting is deeper than the limit of {} levels", m_limits.max_depth)};
    }
    Node& node = m_document.make_node();
    node.kind = kind;
    node.position = to_position(mark);
    if (anchor != 0) {
      anchor_slot(anchor) = Anchor{&node, {}, true};
    }
    std::size_t first = kind == Kind::sequence ? m_items.size() : m_entries.size();
    m_stack.push_back(Frame{&node, mark, first, m_size, anchor, nullptr, false, nullptr});
    grow({1, 0}, mark);
  }

  void close() {
    Frame frame = std::move(m_stack.back());
    m_stack.pop_back();
    Node& node = *frame.node;
    // Children are copied into the document's storage, in an array of the exact size.
    if (node.kind == Kind::sequence) {
      node.items =
          m_document.make_items(m_items.data() + frame.first, m_items.size() - frame.first);
      m_items.resize(frame.first);
    } else {
      node.entries =
          m_document.make_entries(m_entries.data() + frame.first, m_entries.size() - frame.first);
      m_entries.resize(frame.first);
    }
    if (frame.anchor != 0) {
      // What an alias of the collection will add: everything read since it started.
      m_anchors[frame.anchor].size = {m_size.nodes - frame.before.nodes,
                                      m_size.bytes - frame.before.bytes};
      m_anchors[frame.anchor].open = false;
    }
    add(node, frame.mark);
  }

  void add_scalar(Node& node, YAML::anchor_t anchor, const YAML::Mark& mark) {
    Size size{1, node.text.size()};
    if (anchor != 0) {
      anchor_slot(anchor) = Anchor{&node, size, false};
    }
    grow(size, mark);
    add(node, mark);
  }

  /// Counts what the document grows by, aliases expanded, and stops where it gets too large.
  void grow(Size size, const YAML::Mark& mark) {
    m_size.nodes += size.nodes;
    m_size.bytes += size.bytes;
    if (m_size.nodes > m_limits.max_expanded_nodes) {
      throw Stop{to_position(mark), "alias-expansion",
                 fmt::format("aliases expand the document to more than {} nodes",
                             m_limits.max_expanded_nodes)};
    }
    if (m_size.bytes > m_limits.max_expanded_bytes) {
      throw Stop{to_position(mark), "alias-expansion",
                 fmt::format("aliases expand the document to more than {} bytes of text",
                             m_limits.max_expanded_bytes)};
    }
  }

  /// Adds a finished node (or an alias of one) to the collection being read.
  void add(const Node& node, const YAML::Mark& mark) {
    if (m_stack.empty()) {
      m_root = &node;
      return;
    }
    Frame& frame = m_stack.back();
    if (frame.node->kind == Kind::sequence) {
      m_items.push_back(&node);
      return;
    }
    if (frame.pending_key == nullptr) {
      if (node.kind != Kind::string) {
        // A null key (`: value` or `? `) or an alias to a collection.
        throw Stop{node.position.line ? node.position : to_position(mark), "complex-key",
                   "a mapping key must be a non-empty scalar"};
      }
      if (const Position* earlier = find_key(frame, node)) {
        m_sink.report(
            {Severity::error, "duplicate-key",
             fmt::format("key \"{}\" is already used at line {}", node.text, earlier->line),
             m_document.file, node.position, ""});
        frame.skip_value = true;
      }
      frame.pending_key = &node;
      return;
    }
    if (!frame.skip_value) {
      m_entries.push_back(Entry{frame.pending_key, &node});
      if (frame.keys) {
        frame.keys->emplace(frame.pending_key->text, frame.pending_key->position);
      }
    }
    frame.skip_value = false;
    frame.pending_key = nullptr;
  }

  /// Where `key` was used before in the mapping being read, or nullptr.
  const Position* find_key(Frame& frame, const Node& key) {
    std::size_t count = m_entries.size() - frame.first;
    if (!frame.keys && count < k_linear_keys) {
      for (std::size_t i = frame.first; i < m_entries.size(); ++i) {
        if (m_entries[i].key->text == key.text) {
          return &m_entries[i].key->position;
        }
      }
      return nullptr;
    }
    if (!frame.keys) {
      frame.keys = std::make_unique<std::unordered_map<std::string_view, Position>>();
      for (std::size_t i = frame.first; i < m_entries.size(); ++i) {
        frame.keys->emplace(m_entries[i].key->text, m_entries[i].key->position);
      }
    }
    auto found = frame.keys->find(key.text);
    return found == frame.keys->end() ? nullptr : &found->second;
  }

  Document& m_document;
  DiagnosticSink& m_sink;
  const Limits& m_limits;
  const Node* m_root = nullptr;
  int m_documents = 0;
  std::vector<Frame> m_stack;
  std::vector<const Node*> m_items;
  std::vector<Entry> m_entries;
  std::vector<Anchor> m_anchors;
  std::vector<std::string> m_anchor_names;
  /// The document read so far, aliases expanded.
  Size m_size{0, 0};
};

/// Says what yaml-cpp's terse messages mean.
std::pair<std::string, std::string> explain(const std::string& message) {
  if (message == YAML::ErrorMsg::TAB_IN_INDENTATION) {
    return {"tab-indent", "tab character used for indentation; YAML indents with spaces only"};
  }
  return {"yaml-syntax", message};
}

/// Tabs at the start of a line inside block structure are an error in YAML; yaml-cpp only
/// notices some of them, so look first. Tabs inside block scalars are content and allowed.
std::optional<Position> find_tab_indent(const SourceFile& source) {
  std::uint32_t block_scalar_indent = 0;
  bool in_block_scalar = false;
  for (std::uint32_t n = 1; n <= source.line_count(); ++n) {
    std::string_view line = source.line(n);
    std::size_t spaces = line.find_first_not_of(' ');
    if (spaces == std::string_view::npos) {
      continue;
    }
    if (in_block_scalar) {
      if (spaces >= block_scalar_indent || line[spaces] == '\t') {
        continue;
      }
      in_block_scalar = false;
    }
    if (line[spaces] == '\t') {
      std::size_t content = line.find_first_not_of(" \t");
      bool blank_or_comment = content == std::string_view::npos || line[content] == '#';
      if (!blank_or_comment) {
        return Position{n, static_cast<std::uint32_t>(spaces + 1)};
      }
      continue;
    }
    std::size_t end = line.find_last_not_of(" \t");
    std::size_t hash = line.find(" #");
    std::string_view body = line.substr(0, hash == std::string_view::npos ? end + 1 : hash);
    std::size_t last = body.find_last_not_of(" \t");
    if (last != std::string_view::npos) {
      std::size_t indicator = body.find_last_of("|>");
      if (indicator != std::string_view::npos &&
          body.find_first_not_of("+-0123456789", indicator + 1) == std::string_view::npos &&
          (indicator == 0 || body[indicator - 1] == ' ')) {
        in_block_scalar = true;
        block_scalar_indent = static_cast<std::uint32_t>(spaces + 1);
      }
    }
  }
  return std::nullopt;
}

/// JSON writes characters beyond the BMP as surrogate pairs (\\uD83D\\uDCA9), which YAML's
/// \\u escape does not accept; rewrites each pair as one \\U escape.
std::optional<std::string> join_surrogate_escapes(const std::string& text) {
  auto hex_at = [&](std::size_t pos, unsigned& value) {
    if (pos + 4 > text.size()) {
      return false;
    }
    value = 0;
    for (std::size_t i = pos; i < pos + 4; ++i) {
      char c = text[i];
      unsigned digit = 0;
      if (c >= '0' && c <= '9') {
        digit = static_cast<unsigned>(c - '0');
      } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
        digit = static_cast<unsigned>((c | 0x20) - 'a' + 10);
      } else {
        return false;
      }
      value = value * 16 + digit;
    }
    return true;
  };
  std::string result;
  bool changed = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned high = 0, low = 0;
    if (text[i] == '\\' && i + 11 < text.size() && text[i + 1] == 'u' && hex_at(i + 2, high) &&
        high >= 0xD800 && high <= 0xDBFF && text[i + 6] == '\\' && text[i + 7] == 'u' &&
        hex_at(i + 8, low) && low >= 0xDC00 && low <= 0xDFFF) {
      unsigned code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
      result += fmt::format("\\U{:08X}", code);
      i += 11;
      changed = true;
      continue;
    }
    result += text[i];
  }
  if (!changed) {
    return std::nullopt;
  }
  return result;
}

/// A '[' or '{' that is never closed.
struct Unclosed {
  Position position;
  char bracket;
  std::string message() const {
    return fmt::format("this '{}' is never closed with '{}'", bracket, bracket == '[' ? ']' : '}');
  }
};

/// The last '[' or '{' that is never closed, skipping quoted text and comments: yaml-cpp
/// reports an unclosed flow collection at the end of the file, which does not tell the user
/// where it was opened.
std::optional<Unclosed> find_unclosed_bracket(const SourceFile& source) {
  std::vector<std::size_t> open;
  const std::string& text = source.text();
  char quote = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quote) {
      if (quote == '"' && c == '\\') {
        ++i;
      } else if (c == quote) {
        quote = 0;
      }
      continue;
    }
    if (c == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\n')) {
      i = std::min(text.find('\n', i), text.size());
    } else if ((c == '"' || c == '\'') && (i == 0 || std::string_view(" [{,:\n").find(
                                                         text[i - 1]) != std::string_view::npos)) {
      quote = c;
    } else if (c == '[' || c == '{') {
      open.push_back(i);
    } else if ((c == ']' || c == '}') && !open.empty()) {
      open.pop_back();
    }
  }
  if (open.empty()) {
    return std::nullopt;
  }
  return Unclosed{source.position_of(open.back()), text[open.back()]};
}

/// Whether the text holds anything besides comments, directives and document markers: a
/// document that is only `null` or `~` is a null, not an empty document.
bool has_content(const SourceFile& source) {
  for (std::uint32_t n = 1; n <= source.line_count(); ++n) {
    std::string_view line = source.line(n);
    line.remove_prefix(std::min(line.size(), line.find_first_not_of(" \t")));
    if (line.substr(0, 3) == "---" || line.substr(0, 3) == "...") {
      line.remove_prefix(3);
      line.remove_prefix(std::min(line.size(), line.find_first_not_of(" \t")));
    }
    if (!line.empty() && line[0] != '#' && line[0] != '%') {
      return true;
    }
  }
  return false;
}

/// Lets yaml-cpp read a string in place, without the copy std::istringstream makes.
class TextBuffer : public std::streambuf {
 public:
  explicit TextBuffer(const std::string& text) {
    // The get area is only read from: istream never writes through it.
    char* begin = const_cast<char*>(text.data());
    setg(begin, begin, begin + text.size());
  }
};

}  // namespace

Document load(const SourceFile& source, DiagnosticSink& sink, const Limits& limits) {
  Document document;
  document.file = source.path();
  auto fail = [&](Position position, std::string rule, std::string message) {
    sink.report(
        {Severity::error, std::move(rule), std::move(message), source.path(), position, ""});
    document.root = nullptr;
    return std::move(document);
  };

  const std::string& text = source.text();
  if (text.size() > limits.max_bytes) {
    return fail({}, "too-large",
                fmt::format("the file has {} bytes, more than the limit of {}", text.size(),
                            limits.max_bytes));
  }
  std::size_t invalid = find_invalid_utf8(text);
  if (invalid != std::string_view::npos) {
    return fail(source.position_of(invalid), "invalid-utf8",
                fmt::format("invalid UTF-8 byte 0x{:02X}; the file must be UTF-8 encoded",
                            static_cast<unsigned char>(text[invalid])));
  }
  if (auto tab = find_tab_indent(source)) {
    return fail(*tab, "tab-indent",
                "tab character used for indentation; YAML indents with spaces only");
  }

  std::size_t duplicates_before = sink.count(Severity::error);
  auto parse = [&](const std::string& input, TreeBuilder& builder) {
    TextBuffer buffer(input);
    std::istream stream(&buffer);
    YAML::Parser parser(stream);
    if (parser.HandleNextDocument(builder)) {
      parser.HandleNextDocument(builder);
    }
  };
  Limits bounded = limits;
  bounded.max_depth = std::min(limits.max_depth, k_deepest_nesting);
  std::optional<TreeBuilder> builder;
  builder.emplace(document, sink, bounded);
  try {
    try {
      parse(text, *builder);
    } catch (const YAML::Exception& error) {
      auto rewritten = error.msg.rfind(YAML::ErrorMsg::INVALID_UNICODE, 0) == 0
                           ? join_surrogate_escapes(text)
                           : std::nullopt;
      if (!rewritten) {
        throw;
      }
      document = Document();
      document.file = source.path();
      builder.emplace(document, sink, bounded);
      parse(*rewritten, *builder);
    }
  } catch (const Stop& stop) {
    // yaml-cpp reads a '[' or '{' left open at the end of the file as the start of a key.
    if (stop.rule == "complex-key") {
      if (std::optional<Unclosed> unclosed = find_unclosed_bracket(source)) {
        return fail(unclosed->position, "yaml-syntax", unclosed->message());
      }
    }
    return fail(stop.position, stop.rule, stop.message);
  } catch (const YAML::DeepRecursion& error) {
    // yaml-cpp stops one level beyond the deepest nesting allowed, before telling the builder.
    Position innermost = builder->innermost();
    return fail(innermost.line ? innermost : to_position(error.mark), "too-deep",
                fmt::format("nesting is deeper than the limit of {} levels", bounded.max_depth));
  } catch (const YAML::Exception& error) {
    auto [rule, message] = explain(error.msg);
    bool unclosed = error.msg == YAML::ErrorMsg::END_OF_SEQ_FLOW ||
                    error.msg == YAML::ErrorMsg::END_OF_MAP_FLOW;
    std::optional<Unclosed> opened = unclosed ? find_unclosed_bracket(source) : std::nullopt;
    if (opened) {
      return fail(opened->position, rule, opened->message());
    }
    return fail(to_position(error.mark), rule, message);
  }
  if (!builder->started() || builder->root() == nullptr) {
    return fail({1, 1}, "empty-file", "the file holds no YAML document");
  }
  if (builder->root()->kind == Kind::null && builder->root()->text.empty() &&
      !has_content(source)) {
    return fail({1, 1}, "empty-file", "the document is empty");
  }
  document.root = sink.count(Severity::error) > duplicates_before ? nullptr : builder->root();
  return document;
}

}  // namespace leaspec::yaml
