#include <optional>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

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
    add(node, anchor, mark);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto found = m_anchors.find(anchor);
    if (found == m_anchors.end()) {
      throw Stop{to_position(mark), "yaml-syntax", "alias refers to an anchor that is not defined"};
    }
    if (m_open.count(found->second)) {
      throw Stop{to_position(mark), "alias-expansion",
                 fmt::format("alias *{} refers to a node that contains it", anchor_name(anchor))};
    }
    add(*found->second, 0, mark);
  }

  void OnAnchor(const YAML::Mark& /*mark*/, const std::string& name) override {
    m_anchor_names.push_back(name);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    Node& node = m_document.make_node();
    node.position = to_position(mark);
    bool is_key = expecting_key();
    if (tag == "?" || is_key) {
      if (is_key) {
        node.kind = Kind::string;
        node.text = value;
      } else {
        type_plain_scalar(value, node);
      }
    } else if (tag == "!") {
      node.kind = Kind::string;
      node.text = value;
    } else {
      apply_tag(tag, value, mark, node);
    }
    add(node, anchor, mark);
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
  struct Frame {
    Node* node;
    const Node* pending_key = nullptr;
    std::unordered_map<std::string, Position> keys;
    std::uint64_t weight = 1;  // nodes below, aliases expanded
    bool skip_value = false;   // the pending key repeats an earlier one
  };

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
    bool plain_tag = tag == "?" || tag == "!" ||
                     tag == fmt::format("{}{}", k_core_tag, kind == Kind::mapping ? "map" : "seq");
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
      m_anchors[anchor] = &node;
    }
    m_open.insert(&node);
    m_stack.push_back(Frame{&node, nullptr, {}, 1, false});
    m_marks.push_back(mark);
  }

  void close() {
    Frame frame = std::move(m_stack.back());
    YAML::Mark mark = m_marks.back();
    m_stack.pop_back();
    m_marks.pop_back();
    m_open.erase(frame.node);
    m_weights[frame.node] = frame.weight;
    add(*frame.node, 0, mark);
  }

  std::uint64_t weight_of(const Node& node) const {
    auto found = m_weights.find(&node);
    return found == m_weights.end() ? 1 : found->second;
  }

  void add(Node& node, YAML::anchor_t anchor, const YAML::Mark& mark) {
    if (anchor != 0) {
      m_anchors[anchor] = &node;
    }
    if (m_stack.empty()) {
      m_root = &node;
      check_weight(weight_of(node), mark);
      return;
    }
    Frame& frame = m_stack.back();
    frame.weight += weight_of(node);
    check_weight(frame.weight, mark);
    Node& parent = *frame.node;
    if (parent.kind == Kind::sequence) {
      parent.items.push_back(&node);
      return;
    }
    if (frame.pending_key == nullptr) {
      if (node.kind != Kind::string) {
        // A null key (`: value` or `? `) or an alias to a collection.
        throw Stop{node.position.line ? node.position : to_position(mark), "complex-key",
                   "a mapping key must be a non-empty scalar"};
      }
      auto [it, inserted] = frame.keys.emplace(node.text, node.position);
      if (!inserted) {
        m_sink.report(
            {Severity::error, "duplicate-key",
             fmt::format("key \"{}\" is already used at line {}", node.text, it->second.line),
             m_document.file, node.position, ""});
        frame.skip_value = true;
      }
      frame.pending_key = &node;
      return;
    }
    if (!frame.skip_value) {
      parent.entries.push_back(Entry{frame.pending_key, &node});
    }
    frame.skip_value = false;
    frame.pending_key = nullptr;
  }

  void check_weight(std::uint64_t weight, const YAML::Mark& mark) const {
    if (weight > m_limits.max_expanded_nodes) {
      throw Stop{to_position(mark), "alias-expansion",
                 fmt::format("aliases expand the document to more than {} nodes",
                             m_limits.max_expanded_nodes)};
    }
  }

  Document& m_document;
  DiagnosticSink& m_sink;
  const Limits& m_limits;
  const Node* m_root = nullptr;
  int m_documents = 0;
  std::vector<Frame> m_stack;
  std::vector<YAML::Mark> m_marks;
  std::unordered_map<YAML::anchor_t, Node*> m_anchors;
  std::vector<std::string> m_anchor_names;
  std::unordered_set<const Node*> m_open;
  std::unordered_map<const Node*, std::uint64_t> m_weights;
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

/// The position of the last '[' or '{' that is never closed, skipping quoted text and
/// comments: yaml-cpp reports an unclosed flow collection at the end of the file, which
/// does not tell the user where it was opened.
std::optional<Position> find_unclosed_bracket(const SourceFile& source) {
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
  return source.position_of(open.back());
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
  auto parse = [&](const std::string& input, TreeBuilder& builder) {
    std::istringstream stream(input);
    YAML::Parser parser(stream);
    if (parser.HandleNextDocument(builder)) {
      parser.HandleNextDocument(builder);
    }
  };
  std::optional<TreeBuilder> builder;
  builder.emplace(document, sink, limits);
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
      builder.emplace(document, sink, limits);
      parse(*rewritten, *builder);
    }
  } catch (const Stop& stop) {
    return fail(stop.position, stop.rule, stop.message);
  } catch (const YAML::DeepRecursion& error) {
    return fail(to_position(error.mark), "too-deep",
                fmt::format("nesting is deeper than the limit of {} levels", limits.max_depth));
  } catch (const YAML::Exception& error) {
    auto [rule, message] = explain(error.msg);
    bool unclosed = error.msg == YAML::ErrorMsg::END_OF_SEQ_FLOW ||
                    error.msg == YAML::ErrorMsg::END_OF_MAP_FLOW;
    std::optional<Position> opened = unclosed ? find_unclosed_bracket(source) : std::nullopt;
    if (opened) {
      bool sequence = error.msg == YAML::ErrorMsg::END_OF_SEQ_FLOW;
      return fail(*opened, rule,
                  fmt::format("this '{}' is never closed with '{}'", sequence ? '[' : '{',
                              sequence ? ']' : '}'));
    }
    return fail(to_position(error.mark), rule, message);
  }
  if (!builder->started() || builder->root() == nullptr) {
    return fail({1, 1}, "empty-file", "the file holds no YAML document");
  }
  if (builder->root()->kind == Kind::null && builder->root()->text.empty()) {
    return fail({1, 1}, "empty-file", "the document is empty");
  }
  document.root = sink.count(Severity::error) > duplicates_before ? nullptr : builder->root();
  return document;
}

}  // namespace leaspec::yaml
