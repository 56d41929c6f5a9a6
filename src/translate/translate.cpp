// The translatable texts of a spec, translation files beside it, and what a document shows
// of them in its languages.
#include <filesystem>
#include <set>

#include <fmt/format.h>

#include "leaspec/resources.hpp"
#include "leaspec/text.hpp"
#include "leaspec/translate.hpp"

namespace leaspec::translate {
namespace fs = std::filesystem;

namespace {

/// Collects units, each key once, skipping empty texts.
class Collector {
 public:
  void add(std::string key, const spec::Text& source,
           std::optional<spec::Priority> priority = std::nullopt) {
    if (source.value.empty() || !m_keys.insert(key).second) {
      return;
    }
    m_units.push_back({std::move(key), source, priority});
  }
  void add(std::string key, const std::string& text, Position position) {
    add(std::move(key), spec::Text{text, position});
  }
  std::vector<Unit> take() { return std::move(m_units); }

 private:
  std::set<std::string> m_keys;
  std::vector<Unit> m_units;
};

void add_award(Collector& out, const std::optional<spec::Award>& award) {
  if (award) {
    for (const spec::Criterion& criterion : award->criteria) {
      out.add(criterion.id.value + ".name", criterion.name, criterion.position);
      out.add(criterion.id.value + ".scoring", criterion.scoring, criterion.position);
    }
  }
}

void add_sections(Collector& out, const std::vector<spec::Section>& sections) {
  for (const spec::Section& section : sections) {
    out.add(section.id.value + ".title", section.title);
    out.add(section.id.value + ".intro", section.intro, section.position);
    for (const spec::Requirement& r : section.requirements) {
      out.add(r.id.value, r.text, r.priority.value);
      out.add(r.id.value + ".note", r.note, r.position);
      out.add(r.id.value + ".rationale", r.rationale, r.position);
    }
    add_sections(out, section.sections);
  }
}

}  // namespace

std::vector<Unit> units(const spec::Spec& spec) {
  Collector out;
  out.add("title", spec.title, spec.id.position);
  out.add("summary", spec.summary, spec.id.position);
  for (const spec::Definition& definition : spec.definitions) {
    out.add("term:" + definition.term.value, definition.term);
    out.add("definition:" + definition.term.value, definition.definition, definition.position);
  }
  if (spec.procurement) {
    for (const spec::Lot& lot : spec.procurement->lots) {
      out.add(lot.id.value + ".title", lot.title, lot.position);
    }
    add_award(out, spec.procurement->award);
    for (const spec::Lot& lot : spec.procurement->lots) {
      add_award(out, lot.award);
    }
    if (const auto& joint = spec.procurement->joint) {
      out.add("applicable_law", joint->applicable_law, joint->position);
      for (const spec::Responsibility& duty : joint->responsibilities) {
        out.add(duty.agency.value + ".task", duty.task, duty.agency.position);
      }
    }
  }
  add_sections(out, spec.sections);
  return out.take();
}

std::string source_hash(std::string_view text) {
  return text::sha256_hex(text).substr(0, 16);
}

const Entry* Translation::find(std::string_view key) const {
  for (const Entry& entry : entries) {
    if (entry.key == key) {
      return &entry;
    }
  }
  return nullptr;
}

std::string translation_path(const std::string& spec_file, std::string_view language) {
  fs::path path(spec_file);
  std::string stem = path.stem().string();
  return (path.parent_path() / fmt::format("{}.{}.yaml", stem, language)).string();
}

std::optional<Translation> load(const std::string& path, DiagnosticSink& sink) {
  std::optional<yaml::Document> document = catalog::load_checked(path, "translation", sink);
  if (!document) {
    return std::nullopt;
  }
  const yaml::Node& root = *document->root;
  Translation translation;
  translation.file = path;
  translation.language = root.find("language")->text;
  const yaml::Node* id = root.find("spec");
  translation.spec_id = {std::string(id->text), id->position};
  for (const yaml::Entry& item : root.find("texts")->entries()) {
    const yaml::Node* text = item.value->find("text");
    translation.entries.push_back({std::string(item.key->text),
                                   {std::string(text->text), text->position},
                                   std::string(item.value->find("hash")->text),
                                   item.key->position});
  }
  return translation;
}

std::optional<Translation> load_beside(const spec::Spec& spec, std::string_view language,
                                       DiagnosticSink& sink) {
  std::string path = translation_path(spec.file, language);
  std::error_code error;
  if (spec.file.empty() || spec.file == "-" || !fs::is_regular_file(path, error)) {
    return std::nullopt;
  }
  return load(path, sink);
}

std::string to_yaml(const Translation& translation, const spec::Spec& spec) {
  std::string out = fmt::format(
      "# {} translation of {}, made with leaspec translate; each text records the hash of\n"
      "# the source text it translates.\ntranslation: 1\nspec: {}\nlanguage: {}\ntexts:\n",
      translation.language, fs::path(spec.file).filename().string(),
      spec::yaml_scalar(translation.spec_id.value), spec::yaml_scalar(translation.language));
  std::set<std::string> written;
  auto write = [&](const Entry& entry) {
    if (written.insert(entry.key).second) {
      out += fmt::format("  {}:\n    hash: \"{}\"\n    text: {}\n", spec::yaml_scalar(entry.key),
                         entry.hash, spec::yaml_scalar(entry.text.value));
    }
  };
  for (const Unit& unit : units(spec)) {
    if (const Entry* entry = translation.find(unit.key)) {
      write(*entry);
    }
  }
  for (const Entry& entry : translation.entries) {
    write(entry);
  }
  if (written.empty()) {
    out.replace(out.size() - 1, 1, " {}\n");
  }
  return out;
}

Rendering::Rendering(const spec::Spec& spec,
                     std::vector<std::pair<std::string, const Translation*>> languages)
    : m_source_language(spec.language), m_languages(std::move(languages)) {
  for (const Unit& unit : units(spec)) {
    for (const Piece& piece : pieces(unit.key, unit.source.value)) {
      m_any_fallback = m_any_fallback || piece.fallback;
    }
  }
}

std::vector<Rendering::Piece> Rendering::pieces(std::string_view key,
                                                const std::string& source) const {
  std::vector<Piece> result;
  for (const auto& [language, translation] : m_languages) {
    if (language == m_source_language) {
      result.push_back({source, language, false});
      continue;
    }
    const Entry* entry = translation ? translation->find(key) : nullptr;
    if (entry && entry->hash == source_hash(source)) {
      result.push_back({entry->text.value, language, false});
    } else {
      result.push_back({source, m_source_language, true});
    }
  }
  return result;
}

}  // namespace leaspec::translate

namespace leaspec::translate {
namespace {

/// The mapping below `node` (or `node` itself) that starts at `position`, or nullptr.
const yaml::Node* mapping_at(const yaml::Node& node, Position position) {
  if (node.kind == yaml::Kind::mapping && node.position == position) {
    return &node;
  }
  for (const yaml::Node* item : node.items()) {
    if (const yaml::Node* found = mapping_at(*item, position)) {
      return found;
    }
  }
  for (const yaml::Entry& entry : node.entries()) {
    if (entry.value->position <= position) {
      if (const yaml::Node* found = mapping_at(*entry.value, position)) {
        return found;
      }
    }
  }
  return nullptr;
}

/// The key of the mapping that holds the text of a unit, for the units built from a
/// mapping's position; empty for units that know their own.
std::string_view field_of(std::string_view key) {
  if (key == "title" || key == "summary" || key == "applicable_law") {
    return key;
  }
  for (std::string_view suffix : {".title", ".intro", ".name", ".scoring", ".note", ".rationale"}) {
    if (key.size() > suffix.size() && key.substr(key.size() - suffix.size()) == suffix) {
      return suffix.substr(1);
    }
  }
  return key.substr(0, 11) == "definition:" ? "definition" : "";
}

}  // namespace

void locate(std::vector<Unit>& units, const yaml::Node& root) {
  for (Unit& unit : units) {
    std::string_view field = field_of(unit.key);
    if (field.empty() || unit.priority) {
      continue;
    }
    const yaml::Node* owner = unit.key == "title" || unit.key == "summary"
                                  ? &root
                                  : mapping_at(root, unit.source.position);
    if (const yaml::Node* value = owner ? owner->find(field) : nullptr) {
      unit.source.position = value->position;
    }
  }
}

}  // namespace leaspec::translate
