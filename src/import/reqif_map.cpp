// The mapping file of `leaspec import reqif --map`, checked against the bundled schema.
#include "import/reqif_names.hpp"
#include "leaspec/import.hpp"
#include "leaspec/resources.hpp"
#include "leaspec/schema.hpp"
#include "leaspec/yaml.hpp"

namespace leaspec::import {
namespace {

/// A mapping of names to texts, keys compared without case.
std::map<std::string, std::string> lowered_map(const yaml::Node* node) {
  std::map<std::string, std::string> out;
  if (node) {
    for (const yaml::Entry& entry : node->entries()) {
      out[catalog::normalise(entry.key->text)] = entry.value->text;
    }
  }
  return out;
}

}  // namespace

std::optional<ReqifMap> load_reqif_map(const std::string& path, DiagnosticSink& sink) {
  std::optional<yaml::Document> document = catalog::load_checked(path, "reqif-map", sink);
  if (!document) {
    return std::nullopt;
  }
  const yaml::Node& root = *document->root;
  ReqifMap map;
  map.attributes = lowered_map(root.find("attributes"));
  map.types = lowered_map(root.find("types"));
  map.relations = lowered_map(root.find("relations"));
  if (const yaml::Node* values = root.find("values")) {
    for (const yaml::Entry& entry : values->entries()) {
      map.values[std::string(entry.key->text)] = lowered_map(entry.value);
    }
  }
  if (const yaml::Node* spec = root.find("spec")) {
    for (const yaml::Entry& entry : spec->entries()) {
      map.spec[std::string(entry.key->text)] = entry.value->text;
    }
  }
  if (const yaml::Node* prefix = root.find("id_prefix")) {
    map.id_prefix = prefix->text;
  }
  if (const yaml::Node* unmapped = root.find("unmapped")) {
    map.unmapped_to_note = unmapped->text == "note";
  }
  return map;
}

}  // namespace leaspec::import
