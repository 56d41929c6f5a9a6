#include "import/xml.hpp"

#include <array>

namespace leaspec::import::xml {
namespace {

/// XHTML elements that start a line of their own.
bool is_block(std::string_view name) {
  static constexpr auto k_blocks = std::to_array<std::string_view>(
      {"p", "div", "li", "ul", "ol", "table", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
       "blockquote", "pre", "dl", "dt", "dd"});
  for (std::string_view block : k_blocks) {
    if (name == block) {
      return true;
    }
  }
  return false;
}

/// Collects plain text with whitespace collapsed.
class TextBuilder {
 public:
  void text(std::string_view chunk) {
    for (char c : chunk) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        m_space = true;
        continue;
      }
      if (m_space && !m_out.empty() && m_out.back() != '\n') {
        m_out += ' ';
      }
      m_space = false;
      m_out += c;
    }
  }
  void line_break() {
    m_out += '\n';
    m_space = false;
  }
  /// Starts a new line unless the text is empty or already at the start of one.
  void new_line() {
    if (!m_out.empty() && m_out.back() != '\n') {
      m_out += '\n';
    }
    m_space = false;
  }
  std::string take() {
    std::size_t end = m_out.find_last_not_of('\n');
    return end == std::string::npos ? std::string() : m_out.substr(0, end + 1);
  }

 private:
  std::string m_out;
  bool m_space = false;
};

/// Deeper XHTML than this is read as text without further structure.
constexpr int k_max_depth = 100;

void collect(const pugi::xml_node& node, TextBuilder& out, std::size_t* objects, int depth) {
  for (pugi::xml_node item = node.first_child(); item; item = item.next_sibling()) {
    if (item.type() == pugi::node_pcdata || item.type() == pugi::node_cdata) {
      out.text(item.value());
      continue;
    }
    if (item.type() != pugi::node_element) {
      continue;
    }
    std::string_view name = local_name(item);
    if (name == "br") {
      out.line_break();
      continue;
    }
    if (name == "object" || name == "img") {
      if (objects) {
        ++*objects;
      }
      continue;
    }
    bool block = is_block(name);
    if (block) {
      out.new_line();
    }
    if (name == "li") {
      out.text("- ");
    }
    if (depth < k_max_depth) {
      collect(item, out, objects, depth + 1);
    } else {
      out.text(item.text().get());
    }
    if (block) {
      out.new_line();
    }
  }
}

}  // namespace

std::string_view local_name(const pugi::xml_node& node) {
  std::string_view name = node.name();
  std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::size_t offset_of(const pugi::xml_node& node) {
  std::ptrdiff_t offset = node.offset_debug();
  return offset < 0 ? 0 : static_cast<std::size_t>(offset);
}

pugi::xml_node child(const pugi::xml_node& node, std::string_view name) {
  for (pugi::xml_node item = node.first_child(); item; item = item.next_sibling()) {
    if (item.type() == pugi::node_element && local_name(item) == name) {
      return item;
    }
  }
  return {};
}

std::string child_text(const pugi::xml_node& node, std::string_view name) {
  return child(node, name).text().get();
}

pugi::xml_parse_result parse(pugi::xml_document& document, const std::string& text) {
  // pugixml expands only the predefined and character entities and never reads a DTD, so
  // a hostile file cannot expand entities or fetch anything.
  return document.load_buffer(text.data(), text.size(), pugi::parse_default | pugi::parse_ws_pcdata,
                              pugi::encoding_auto);
}

std::string xhtml_text(const pugi::xml_node& content, std::size_t* objects) {
  TextBuilder out;
  collect(content, out, objects, 0);
  return out.take();
}

}  // namespace leaspec::import::xml
