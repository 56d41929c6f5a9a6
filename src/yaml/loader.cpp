#include <algorithm>
#include <optional>
#include <unordered_map>

#include <fmt/format.h>
#include <yaml.h>

#include "leaspec/yaml.hpp"

namespace leaspec::yaml {
namespace {

constexpr std::string_view k_core_tag = "tag:yaml.org,2002:";

/// Thrown from the tree builder to stop parsing at the first fatal finding.
struct Stop {
  Position position;
  std::string rule;
  std::string message;
};

/// Turns libyaml's marks, which count characters, into positions, which count bytes.
class Locator {
 public:
  Locator(const SourceFile& source, const std::string& text) : m_source(source), m_text(text) {
    // libyaml skips a byte order mark without counting it.
    if (m_text.compare(0, 3, "\xEF\xBB\xBF") == 0) {
      m_byte = 3;
    }
    m_checkpoints.push_back(m_byte);
    unsigned char all = 0;
    for (char c : m_text) {
      all = static_cast<unsigned char>(all | static_cast<unsigned char>(c));
    }
    m_ascii = all < 0x80;
  }

  Position at(const yaml_mark_t& mark) {
    // In ASCII text (no byte order mark either) a character is a byte.
    std::size_t offset = m_ascii ? std::min(mark.index, m_text.size()) : offset_of(mark.index);
    if (m_ascii || m_rewritten || offset >= m_source.text().size()) {
      return m_source.position_of(std::min(offset, m_source.text().size()));
    }
    return {m_line, static_cast<std::uint32_t>(offset - m_line_start + 1)};
  }

 private:
  /// The byte offset of the character at `index` (the end of the text when beyond it); the
  /// line and its start follow the offset.
  std::size_t offset_of(std::size_t index) {
    if (index < m_char) {
      // Marks mostly move forward; a step back restarts from the nearest checkpoint.
      std::size_t checkpoint = std::min(index / k_step, m_checkpoints.size() - 1);
      m_char = checkpoint * k_step;
      m_byte = m_checkpoints[checkpoint];
      Position position = m_source.position_of(std::min(m_byte, m_source.text().size()));
      m_line = position.line;
      m_line_start = m_byte - (position.column - 1);
    }
    while (m_char < index && m_byte < m_text.size()) {
      auto lead = static_cast<unsigned char>(m_text[m_byte]);
      m_byte += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
      ++m_char;
      if (lead == '\n') {
        ++m_line;
        m_line_start = m_byte;
      }
      if (m_char % k_step == 0 && m_char / k_step == m_checkpoints.size()) {
        m_checkpoints.push_back(m_byte);
      }
    }
    return std::min(m_byte, m_text.size());
  }

  static constexpr std::size_t k_step = 4096;
  const SourceFile& m_source;
  const std::string& m_text;  ///< what libyaml reads: the source, or a rewritten copy of it
  /// A rewritten text has other offsets than the source: positions are then looked up.
  bool m_rewritten = &m_text != &m_source.text();
  bool m_ascii = false;
  std::size_t m_char = 0;
  std::size_t m_byte = 0;
  std::uint32_t m_line = 1;
  std::size_t m_line_start = 0;
  /// The byte offset of every k_step-th character read so far.
  std::vector<std::size_t> m_checkpoints;
};

/// A libyaml string (anchor, tag), empty for none.
std::string_view view(const yaml_char_t* text) {
  return text == nullptr ? std::string_view()
                         : std::string_view(reinterpret_cast<const char*>(text));
}

/// Builds the positioned tree from the parser's events.
class TreeBuilder {
 public:
  TreeBuilder(Document& document, DiagnosticSink& sink, const Limits& limits)
      : m_document(document), m_sink(sink), m_limits(limits) {}

  const Node* root() const { return m_root; }
  bool started() const { return m_documents > 0; }

  void document_start(Position position) {
    if (++m_documents > 1) {
      throw Stop{position, "multiple-documents",
                 "the file holds more than one YAML document; a spec is a single document"};
    }
  }

  void alias(Position position, std::string_view name) {
    auto id = m_anchor_ids.find(std::string(name));
    if (id == m_anchor_ids.end()) {
      throw Stop{position, "yaml-syntax",
                 fmt::format("alias *{} refers to an anchor that is not defined", name)};
    }
    const Anchor& found = m_anchors[id->second];
    if (found.open) {
      throw Stop{position, "alias-expansion",
                 fmt::format("alias *{} refers to a node that contains it", name)};
    }
    grow(found.size, position);
    add(*found.node, position);
  }

  /// A scalar; `plain` when it is written without quotes or a block indicator.
  void scalar(Position position, std::string_view tag, std::string_view anchor,
              std::string_view value, bool plain) {
    Node& node = m_document.make_node();
    node.position = position;
    if (expecting_key() || tag == "!" || (tag.empty() && !plain)) {
      node.kind = Kind::string;
      node.text = value;
    } else if (tag.empty()) {
      type_plain_scalar(value, node);
      if (node.kind == Kind::null) {
        node.text = {};  // `~`, `null` and nothing at all are the same null
      }
    } else {
      apply_tag(tag, value, position, node);
    }
    node.text = m_document.keep(node.text);
    Size size{1, node.text.size()};
    define(anchor, Anchor{&node, size, false});
    grow(size, position);
    add(node, position);
  }

  void open(Kind kind, Position position, std::string_view tag, std::string_view anchor) {
    if (expecting_key()) {
      throw Stop{position, "complex-key",
                 "a mapping key must be a scalar, not a sequence or mapping"};
    }
    bool plain_tag = tag.empty() || tag == "!" ||
                     (tag.substr(0, k_core_tag.size()) == k_core_tag &&
                      tag.substr(k_core_tag.size()) == (kind == Kind::mapping ? "map" : "seq"));
    if (!plain_tag) {
      throw Stop{position, "unsupported-tag", fmt::format("unsupported tag \"{}\"", tag)};
    }
    if (m_stack.size() >= m_limits.max_depth) {
      throw Stop{position, "too-deep",
                 fmt::format("nesting is deeper than the limit of {} levels", m_limits.max_depth)};
    }
    Node& node = m_document.make_node();
    node.kind = kind;
    node.position = position;
    std::size_t slot = define(anchor, Anchor{&node, {}, true});
    std::size_t first = kind == Kind::sequence ? m_items.size() : m_entries.size();
    m_stack.push_back(Frame{&node, position, first, m_size, slot, nullptr, false, nullptr});
    grow({1, 0}, position);
  }

 private:
  /// What a node weighs once its aliases are expanded.
  struct Size {
    std::uint64_t nodes = 1;
    std::uint64_t bytes = 0;  ///< scalar text, keys included
  };

  /// An anchored node.
  struct Anchor {
    Node* node = nullptr;
    Size size;
    bool open = false;  ///< a collection whose end has not been read yet
  };

  /// A collection being read. Its children wait in m_items or m_entries from `first` on.
  struct Frame {
    Node* node;
    Position position;
    std::size_t first;
    Size before;         ///< the document's size before the collection started
    std::size_t anchor;  ///< its slot in m_anchors plus one, 0 for none
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

  /// Records the node of anchor `name` (none when empty); returns its slot plus one, or 0.
  std::size_t define(std::string_view name, Anchor anchor) {
    if (name.empty()) {
      return 0;
    }
    m_anchors.push_back(anchor);
    m_anchor_ids[std::string(name)] = m_anchors.size() - 1;
    return m_anchors.size();
  }

  void apply_tag(std::string_view tag, std::string_view value, Position position, Node& node) {
    std::string_view name = tag;
    if (name.substr(0, k_core_tag.size()) != k_core_tag) {
      throw Stop{position, "unsupported-tag",
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
      throw Stop{position, "unsupported-tag",
                 fmt::format("\"{}\" is not a valid !!{}", value, name)};
    }
  }

 public:
  void close() {
    Frame frame = std::move(m_stack.back());
    m_stack.pop_back();
    Node& node = *frame.node;
    // Children are copied into the document's storage, in an array of the exact size.
    if (node.kind == Kind::sequence) {
      node.set_items(
          m_document.make_items(m_items.data() + frame.first, m_items.size() - frame.first));
      m_items.resize(frame.first);
    } else {
      node.set_entries(
          m_document.make_entries(m_entries.data() + frame.first, m_entries.size() - frame.first));
      m_entries.resize(frame.first);
    }
    if (frame.anchor != 0) {
      // What an alias of the collection will add: everything read since it started.
      Anchor& anchor = m_anchors[frame.anchor - 1];
      anchor.size = {m_size.nodes - frame.before.nodes, m_size.bytes - frame.before.bytes};
      anchor.open = false;
    }
    add(node, frame.position);
  }

 private:
  /// Counts what the document grows by, aliases expanded, and stops where it gets too large.
  void grow(Size size, Position position) {
    m_size.nodes += size.nodes;
    m_size.bytes += size.bytes;
    if (m_size.nodes > m_limits.max_expanded_nodes) {
      throw Stop{position, "alias-expansion",
                 fmt::format("aliases expand the document to more than {} nodes",
                             m_limits.max_expanded_nodes)};
    }
    if (m_size.bytes > m_limits.max_expanded_bytes) {
      throw Stop{position, "alias-expansion",
                 fmt::format("aliases expand the document to more than {} bytes of text",
                             m_limits.max_expanded_bytes)};
    }
  }

  /// Adds a finished node (or an alias of one) to the collection being read.
  void add(const Node& node, Position position) {
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
        throw Stop{node.position.line ? node.position : position, "complex-key",
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
  /// The slot in m_anchors of each anchor name; a name defined again takes a new slot.
  std::unordered_map<std::string, std::size_t> m_anchor_ids;
  /// The document read so far, aliases expanded.
  Size m_size{0, 0};
};

/// Tabs at the start of a line inside block structure are an error in YAML; the parser calls
/// them characters that cannot start a token, or reads past some, so look first. Tabs inside
/// block scalars are content and allowed.
std::optional<Position> find_tab_indent(const SourceFile& source) {
  if (source.text().find('\t') == std::string::npos) {
    return std::nullopt;  // the common case, found with one fast search
  }
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

/// The last '[' or '{' that is never closed, skipping quoted text and comments: the parser
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

/// A syntax error as the parser reports it.
struct SyntaxError {
  Position position;
  std::string problem;
  std::string message;
};

/// Says what the parser's terse messages mean, where it helps.
SyntaxError describe(const yaml_parser_t& parser, Locator& locator, const SourceFile& source) {
  std::string problem = parser.problem != nullptr ? parser.problem : "the text is not valid YAML";
  if (parser.error == YAML_MEMORY_ERROR) {
    throw Error("out of memory while reading " + source.path());
  }
  if (parser.error == YAML_READER_ERROR) {
    // The reader counts bytes, and refuses characters YAML does not allow unescaped.
    Position position = source.position_of(std::min(parser.problem_offset, source.text().size()));
    if (parser.problem_value >= 0) {
      return {position, problem,
              fmt::format("character U+{:04X} is not allowed in YAML text; write it as an escape "
                          "(\\u{:04X}) in a double-quoted string",
                          parser.problem_value, parser.problem_value)};
    }
    return {position, problem, problem};
  }
  Position position = locator.at(parser.problem_mark);
  std::string message = problem;
  if (parser.context != nullptr) {
    Position context = locator.at(parser.context_mark);
    std::string_view what = parser.context;
    if (what.substr(0, 6) == "while ") {
      what.remove_prefix(6);
    }
    message = context.line == position.line
                  ? fmt::format("{} ({})", problem, what)
                  : fmt::format("{} ({} that starts at line {})", problem, what, context.line);
  }
  return {position, problem, message};
}

/// Reads `text` (the source's text, or a rewritten copy of it) into `builder`; returns the
/// syntax error that stopped it, if any. Findings of the builder itself are thrown as Stop.
std::optional<SyntaxError> parse(const SourceFile& source, const std::string& text,
                                 TreeBuilder& builder) {
  struct Parser {
    yaml_parser_t parser{};
    Parser() {
      if (yaml_parser_initialize(&parser) == 0) {
        throw Error("out of memory while starting the YAML parser");
      }
    }
    Parser(const Parser&) = delete;
    Parser& operator=(const Parser&) = delete;
    ~Parser() { yaml_parser_delete(&parser); }
  } owner;
  yaml_parser_t& parser = owner.parser;
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()),
                               text.size());
  Locator locator(source, text);
  for (;;) {
    struct Event {
      yaml_event_t event{};
      Event() = default;
      Event(const Event&) = delete;
      Event& operator=(const Event&) = delete;
      ~Event() { yaml_event_delete(&event); }
    } owned;
    if (yaml_parser_parse(&parser, &owned.event) == 0) {
      return describe(parser, locator, source);
    }
    const yaml_event_t& event = owned.event;
    switch (event.type) {
      case YAML_STREAM_END_EVENT:
        return std::nullopt;
      case YAML_DOCUMENT_START_EVENT:
        builder.document_start(locator.at(event.start_mark));
        break;
      case YAML_ALIAS_EVENT:
        builder.alias(locator.at(event.start_mark), view(event.data.alias.anchor));
        break;
      case YAML_SCALAR_EVENT: {
        const auto& scalar = event.data.scalar;
        builder.scalar(locator.at(event.start_mark), view(scalar.tag), view(scalar.anchor),
                       {reinterpret_cast<const char*>(scalar.value), scalar.length},
                       scalar.style == YAML_PLAIN_SCALAR_STYLE);
        break;
      }
      case YAML_SEQUENCE_START_EVENT:
        builder.open(Kind::sequence, locator.at(event.start_mark),
                     view(event.data.sequence_start.tag), view(event.data.sequence_start.anchor));
        break;
      case YAML_MAPPING_START_EVENT:
        builder.open(Kind::mapping, locator.at(event.start_mark),
                     view(event.data.mapping_start.tag), view(event.data.mapping_start.anchor));
        break;
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT:
        builder.close();
        break;
      default:
        break;
    }
  }
}

/// Whether a syntax error is the parser meeting the end of the text inside a '[' or '{'.
bool at_open_flow(const SyntaxError& error, const SourceFile& source) {
  bool flow_end = error.problem.find("expected ',' or ']'") != std::string::npos ||
                  error.problem.find("expected ',' or '}'") != std::string::npos;
  Position end = source.position_of(source.text().size());
  bool at_end = error.position.line > end.line ||
                (error.position.line == end.line && error.position.column >= end.column);
  return flow_end || at_end;
}

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
  Limits bounded = limits;
  bounded.max_depth = std::min(limits.max_depth, k_deepest_nesting);
  std::optional<TreeBuilder> builder;
  builder.emplace(document, sink, bounded);
  std::optional<SyntaxError> error;
  try {
    error = parse(source, text, *builder);
    if (error && error->problem == "found invalid Unicode character escape code") {
      if (std::optional<std::string> rewritten = join_surrogate_escapes(text)) {
        document = Document();
        document.file = source.path();
        builder.emplace(document, sink, bounded);
        error = parse(source, *rewritten, *builder);
      }
    }
  } catch (const Stop& stop) {
    // A '[' or '{' left open at the end of the file reads as the start of a key.
    std::optional<Unclosed> unclosed =
        stop.rule == "complex-key" ? find_unclosed_bracket(source) : std::nullopt;
    return unclosed ? fail(unclosed->position, "yaml-syntax", unclosed->message())
                    : fail(stop.position, stop.rule, stop.message);
  }
  if (error) {
    std::optional<Unclosed> unclosed =
        at_open_flow(*error, source) ? find_unclosed_bracket(source) : std::nullopt;
    if (unclosed) {
      return fail(unclosed->position, "yaml-syntax", unclosed->message());
    }
    std::size_t offset = source.offset_of(error->position);
    if (offset < text.size() && text[offset] == '\t') {
      return fail(error->position, "tab-indent",
                  "tab character used for indentation; YAML indents with spaces only");
    }
    return fail(error->position, "yaml-syntax", error->message);
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
