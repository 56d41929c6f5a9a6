// Reading the structures of a ReqIF document, and digests of its objects.
#include "import/reqif_document.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "import/xml.hpp"
#include "leaspec/import.hpp"
#include "leaspec/text.hpp"

namespace leaspec::import {
namespace {

/// The label of an ENUM-VALUE: its LONG-NAME, else its embedded value's text or key.
std::string enum_label(const pugi::xml_node& value) {
  std::string name = value.attribute("LONG-NAME").value();
  if (!name.empty()) {
    return name;
  }
  pugi::xml_node embedded = xml::child(xml::child(value, "PROPERTIES"), "EMBEDDED-VALUE");
  std::string other = embedded.attribute("OTHER-CONTENT").value();
  if (!other.empty()) {
    return other;
  }
  std::string key = embedded.attribute("KEY").value();
  return key.empty() ? value.attribute("IDENTIFIER").value() : key;
}

void read_datatypes(const pugi::xml_node& content, ReqifDocument& document) {
  for (pugi::xml_node datatype : xml::child(content, "DATATYPES").children()) {
    xml::for_each_child(
        xml::child(datatype, "SPECIFIED-VALUES"), "ENUM-VALUE", [&](const pugi::xml_node& value) {
          document.enum_labels[value.attribute("IDENTIFIER").value()] = enum_label(value);
        });
  }
}

void read_types(const pugi::xml_node& content, ReqifDocument& document) {
  constexpr std::string_view k_prefix = "ATTRIBUTE-DEFINITION-";
  for (pugi::xml_node type : xml::child(content, "SPEC-TYPES").children()) {
    if (type.type() != pugi::node_element) {
      continue;
    }
    document.type_names[type.attribute("IDENTIFIER").value()] = type.attribute("LONG-NAME").value();
    for (pugi::xml_node definition : xml::child(type, "SPEC-ATTRIBUTES").children()) {
      std::string_view element = xml::local_name(definition);
      if (element.substr(0, k_prefix.size()) != k_prefix) {
        continue;
      }
      AttributeDefinition d{
          definition.attribute("IDENTIFIER").value(), definition.attribute("LONG-NAME").value(),
          std::string(element.substr(k_prefix.size())), xml::offset_of(definition)};
      document.definitions[d.id] = d;
    }
  }
}

}  // namespace

std::vector<AttributeValue> read_values(const pugi::xml_node& owner,
                                        const ReqifDocument& document) {
  constexpr std::string_view k_prefix = "ATTRIBUTE-VALUE-";
  std::vector<AttributeValue> values;
  for (pugi::xml_node item : xml::child(owner, "VALUES").children()) {
    std::string_view element = xml::local_name(item);
    if (item.type() != pugi::node_element || element.substr(0, k_prefix.size()) != k_prefix) {
      continue;
    }
    std::string_view kind = element.substr(k_prefix.size());
    AttributeValue value;
    value.offset = xml::offset_of(item);
    std::string ref = xml::child(item, "DEFINITION").first_child().text().get();
    auto definition = document.definitions.find(ref);
    value.definition = definition == document.definitions.end() ? nullptr : &definition->second;
    if (kind == "XHTML") {
      value.text = xml::xhtml_text(xml::child(item, "THE-VALUE"), &value.pictures);
    } else if (kind == "ENUMERATION") {
      xml::for_each_child(
          xml::child(item, "VALUES"), "ENUM-VALUE-REF", [&](const pugi::xml_node& enum_ref) {
            std::string id = enum_ref.text().get();
            auto label = document.enum_labels.find(id);
            value.labels.push_back(label == document.enum_labels.end() ? id : label->second);
            value.refs.push_back(id);
          });
    } else {
      value.text = item.attribute("THE-VALUE").value();
    }
    values.push_back(std::move(value));
  }
  return values;
}

std::string read_reqif(const std::string& text, ReqifDocument& document, std::size_t& offset) {
  std::size_t first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first == std::string::npos || text[first] != '<') {
    offset = first == std::string::npos ? 0 : first;
    return "the file is not XML: it does not begin with a tag";
  }
  pugi::xml_parse_result parsed = xml::parse(document.xml, text);
  if (!parsed) {
    offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(parsed.offset, 0));
    return fmt::format("the file is not well-formed XML: {}", parsed.description());
  }
  pugi::xml_node root = document.xml.document_element();
  offset = xml::offset_of(root);
  if (xml::local_name(root) != "REQ-IF") {
    return fmt::format("the root element is <{}>, not <REQ-IF>", root.name());
  }
  document.language = root.attribute("xml:lang").value();
  pugi::xml_node header = xml::child(xml::child(root, "THE-HEADER"), "REQ-IF-HEADER");
  document.title = xml::child_text(header, "TITLE");
  document.creation_time = xml::child_text(header, "CREATION-TIME");
  pugi::xml_node content = xml::child(xml::child(root, "CORE-CONTENT"), "REQ-IF-CONTENT");
  if (!content) {
    return "the file has no CORE-CONTENT/REQ-IF-CONTENT";
  }
  read_datatypes(content, document);
  read_types(content, document);
  xml::for_each_child(xml::child(content, "SPEC-OBJECTS"), "SPEC-OBJECT",
                      [&](const pugi::xml_node& node) {
                        SpecObject object;
                        object.id = node.attribute("IDENTIFIER").value();
                        object.name = node.attribute("LONG-NAME").value();
                        object.last_change = node.attribute("LAST-CHANGE").value();
                        object.type = xml::child(node, "TYPE").first_child().text().get();
                        object.values = read_values(node, document);
                        object.offset = xml::offset_of(node);
                        document.object_order.push_back(object.id);
                        document.objects[object.id] = std::move(object);
                      });
  xml::for_each_child(
      xml::child(content, "SPEC-RELATIONS"), "SPEC-RELATION", [&](const pugi::xml_node& node) {
        document.relations.push_back({node.attribute("IDENTIFIER").value(),
                                      xml::child(node, "SOURCE").first_child().text().get(),
                                      xml::child(node, "TARGET").first_child().text().get(),
                                      xml::child(node, "TYPE").first_child().text().get(),
                                      xml::offset_of(node)});
      });
  xml::for_each_child(xml::child(content, "SPECIFICATIONS"), "SPECIFICATION",
                      [&](const pugi::xml_node& node) { document.specifications.push_back(node); });
  return "";
}

namespace {

/// A canonical text of values: each definition's identifier with its text or labels, sorted.
std::string values_digest(const std::vector<AttributeValue>& values) {
  std::vector<std::string> parts;
  for (const AttributeValue& value : values) {
    std::string part = value.definition ? value.definition->id : "?";
    part += '=';
    part += value.text;
    for (const std::string& ref : value.refs) {
      part += '|' + ref;
    }
    parts.push_back(std::move(part));
  }
  std::sort(parts.begin(), parts.end());
  std::string all;
  for (const std::string& part : parts) {
    all += part + '\n';
  }
  return all;
}

/// The objects of a hierarchy in order with their depth, so that moves change the digest.
void hierarchy_digest(const pugi::xml_node& node, int depth, std::string& out) {
  xml::for_each_child(xml::child(node, "CHILDREN"), "SPEC-HIERARCHY", [&](const pugi::xml_node& h) {
    out += fmt::format("{}:{}\n", depth, xml::child(h, "OBJECT").first_child().text().get());
    if (depth < 64) {
      hierarchy_digest(h, depth + 1, out);
    }
  });
}

}  // namespace

std::map<std::string, ObjectState> reqif_object_states(const std::string& xml_text,
                                                       const std::string& name) {
  ReqifDocument document;
  std::size_t offset = 0;
  std::string problem = read_reqif(xml_text, document, offset);
  if (!problem.empty()) {
    throw Error(fmt::format("{} cannot be read as ReqIF: {}", name, problem));
  }
  std::map<std::string, ObjectState> states;
  for (const auto& [id, object] : document.objects) {
    states[id] = {object.last_change,
                  object.type + '\n' + object.name + '\n' + values_digest(object.values)};
  }
  for (const SpecRelation& relation : document.relations) {
    auto source = states.find(relation.source);
    if (source != states.end()) {
      source->second.digest += "relation " + relation.type + " " + relation.target + "\n";
    }
  }
  for (const pugi::xml_node& specification : document.specifications) {
    std::string digest = values_digest(read_values(specification, document));
    hierarchy_digest(specification, 0, digest);
    states[specification.attribute("IDENTIFIER").value()] = {
        specification.attribute("LAST-CHANGE").value(), digest};
  }
  return states;
}

}  // namespace leaspec::import
