#pragma once
// What the importers share for reading XML with pugixml: names without namespace prefixes,
// children by name, parsing from memory, and the plain text of XHTML content.

#include <string>
#include <string_view>

#include <pugixml.hpp>

namespace leaspec::import::xml {

/// An element's name without its namespace prefix ("xhtml:div" gives "div").
std::string_view local_name(const pugi::xml_node& node);

/// The byte offset of a node in the parsed text (0 when pugixml cannot tell).
std::size_t offset_of(const pugi::xml_node& node);

/// The first child element with this local name, or an empty node.
pugi::xml_node child(const pugi::xml_node& node, std::string_view name);

/// Calls `visit` for every child element with this local name, in order.
template <class Visit>
void for_each_child(const pugi::xml_node& node, std::string_view name, Visit visit) {
  for (pugi::xml_node item = node.first_child(); item; item = item.next_sibling()) {
    if (item.type() == pugi::node_element && local_name(item) == name) {
      visit(item);
    }
  }
}

/// The text of the first child element with this local name ("" when there is none).
std::string child_text(const pugi::xml_node& node, std::string_view name);

/// Parses `text` (kept in `document`), whitespace-only text kept; the result says whether
/// and where it failed.
pugi::xml_parse_result parse(pugi::xml_document& document, const std::string& text);

/// The plain text of XHTML content: whitespace collapsed as a browser shows it, <br> a line
/// break, block elements on lines of their own, list items as "- item". `objects` counts
/// embedded objects (pictures) that plain text cannot hold.
std::string xhtml_text(const pugi::xml_node& content, std::size_t* objects = nullptr);

}  // namespace leaspec::import::xml
