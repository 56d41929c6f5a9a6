#pragma once
// A ReqIF 1.0 document read into plain structures: datatypes, attribute definitions, object
// types, objects with their values, relations and specifications. Shared by the import
// and by the digests that tell whether an object changed since an earlier export.

#include <map>
#include <string>
#include <vector>

#include <pugixml.hpp>

namespace leaspec::import {

/// An attribute definition of a spec type.
struct AttributeDefinition {
  std::string id;
  std::string name;
  std::string kind;  ///< STRING, XHTML, ENUMERATION, INTEGER, REAL, BOOLEAN or DATE
  std::size_t offset = 0;
};

/// One attribute value of an object: plain text (XHTML as text) or enumeration labels.
struct AttributeValue {
  const AttributeDefinition* definition = nullptr;
  std::string text;
  std::vector<std::string> labels;
  std::vector<std::string> refs;  ///< the enumeration values' identifiers
  std::size_t pictures = 0;       ///< embedded objects XHTML held
  std::size_t offset = 0;
};

struct SpecObject {
  std::string id;
  std::string name;
  std::string type;  ///< the SPEC-OBJECT-TYPE's identifier
  std::string last_change;
  std::vector<AttributeValue> values;
  std::size_t offset = 0;
};

struct SpecRelation {
  std::string id;
  std::string source;
  std::string target;
  std::string type;
  std::size_t offset = 0;
};

/// The document, and the parsed XML that its specifications' hierarchies stay in.
struct ReqifDocument {
  pugi::xml_document xml;
  std::string language;
  std::string title;
  std::string creation_time;
  std::map<std::string, AttributeDefinition> definitions;
  /// Type identifier to LONG-NAME, for object, relation and specification types.
  std::map<std::string, std::string> type_names;
  /// Enumeration value identifier to its label.
  std::map<std::string, std::string> enum_labels;
  std::map<std::string, SpecObject> objects;
  std::vector<std::string> object_order;
  std::vector<SpecRelation> relations;
  std::vector<pugi::xml_node> specifications;
};

/// Reads the document into `document`; returns an empty string, or why it is not ReqIF
/// (with the byte offset of the problem in `offset`).
std::string read_reqif(const std::string& text, ReqifDocument& document, std::size_t& offset);

/// The values of a SPECIFICATION or SPEC-OBJECT element.
std::vector<AttributeValue> read_values(const pugi::xml_node& owner, const ReqifDocument& document);

}  // namespace leaspec::import
