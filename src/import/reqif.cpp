// ReqIF 1.0 into a spec: the hierarchy of the specifications becomes sections, objects with
// text requirements, relations depends_on; attributes map by name (built-in names, then the
// mapping file), and everything that does not map is reported.
#include <algorithm>
#include <filesystem>
#include <functional>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "import/reqif_document.hpp"
#include "import/reqif_names.hpp"
#include "import/xml.hpp"
#include "leaspec/import.hpp"
#include "leaspec/zip/reader.hpp"

namespace leaspec::import {
namespace {

/// Deeper hierarchies than this are not imported.
constexpr int k_max_depth = 64;

/// An object's values sorted by the spec key they fill.
struct Fields {
  std::map<std::string, std::vector<const AttributeValue*>> by_key;
  /// Values nothing maps, as "Name: value" lines for the note, by their place in the object.
  std::map<std::size_t, std::string> unmapped;

  const AttributeValue* first(const std::string& key) const {
    auto found = by_key.find(key);
    return found == by_key.end() || found->second.empty() ? nullptr : found->second.front();
  }
  std::string text(const std::string& key) const {
    const AttributeValue* value = first(key);
    if (!value) {
      return "";
    }
    if (!value->labels.empty()) {
      std::string out;
      for (const std::string& label : value->labels) {
        out += (out.empty() ? "" : ", ") + label;
      }
      return out;
    }
    return value->text;
  }
};

/// Splits a list written as text ("LOT-1, LOT-2") into its items.
std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> items;
  std::string item;
  auto flush = [&] {
    std::size_t first = item.find_first_not_of(" \t\n");
    std::size_t last = item.find_last_not_of(" \t\n");
    if (first != std::string::npos) {
      items.push_back(item.substr(first, last - first + 1));
    }
    item.clear();
  };
  for (char c : text) {
    if (c == ',' || c == ';' || c == '\n') {
      flush();
    } else {
      item += c;
    }
  }
  flush();
  return items;
}

std::vector<spec::Text> texts(const std::vector<std::string>& items) {
  std::vector<spec::Text> out;
  out.reserve(items.size());
  for (const std::string& item : items) {
    out.push_back({item, {}});
  }
  return out;
}

class Importer {
 public:
  Importer(const SourceFile& source, const ReqifMap& map, DiagnosticSink& sink)
      : m_source(source), m_map(map), m_sink(sink) {}

  std::optional<ReqifImport> run() {
    std::size_t offset = 0;
    std::string problem = read_reqif(m_source.text(), m_document, offset);
    if (!problem.empty()) {
      report(Severity::error, "reqif-invalid", problem, offset);
      return std::nullopt;
    }
    if (m_document.specifications.empty()) {
      report(Severity::error, "reqif-invalid", "the file has no SPECIFICATION to import",
             xml::offset_of(m_document.xml.document_element()));
      return std::nullopt;
    }
    header();
    bool several = m_document.specifications.size() > 1;
    for (const pugi::xml_node& specification : m_document.specifications) {
      if (several) {
        spec::Section wrapper;
        std::string name = specification.attribute("LONG-NAME").value();
        wrapper.title.value = name.empty() ? "Specification" : name;
        wrapper.id.value = make_id(wrapper.title.value, "SPEC", m_used);
        walk(specification, &wrapper, nullptr, 0);
        m_result.spec.sections.push_back(std::move(wrapper));
      } else {
        walk(specification, nullptr, nullptr, 0);
      }
    }
    if (several) {
      report(Severity::note, "reqif-structure",
             fmt::format("the file holds {} specifications; each is imported as a section",
                         m_document.specifications.size()),
             xml::offset_of(m_document.specifications[1]));
    }
    relations();
    report_numbers();
    report_unmapped();
    report_left_out();
    report_defaults();
    return std::move(m_result);
  }

 private:
  void report(Severity severity, std::string rule, std::string message, std::size_t offset) {
    Position position = m_source.position_of(offset);
    m_sink.report({severity, std::move(rule), std::move(message), m_source.path(), position, ""});
  }

  /// The spec key each value of `values` fills; counts what is not mapped.
  Fields fields_of(const std::vector<AttributeValue>& values) {
    Fields fields;
    for (std::size_t index = 0; index < values.size(); ++index) {
      const AttributeValue& value = values[index];
      if (!value.definition) {
        continue;
      }
      const AttributeDefinition& d = *value.definition;
      std::string target = attribute_target(m_map, d.name, d.id);
      bool empty = value.text.empty() && value.labels.empty();
      if (target.empty() || target == "ignore" || target == "bookkeeping") {
        if (!empty) {
          ++m_unmapped[d.id];
          if (target.empty() && m_map.unmapped_to_note) {
            std::string text = value.labels.empty()
                                   ? value.text
                                   : fmt::format("{}", fmt::join(value.labels, ", "));
            fields.unmapped[index] = fmt::format("{}: {}", d.name.empty() ? d.id : d.name, text);
          }
        }
        continue;
      }
      if (value.pictures > 0) {
        m_pictures += value.pictures;
        m_picture_offset = m_picture_offset ? m_picture_offset : value.offset;
      }
      if (!empty) {
        fields.by_key[target].push_back(&value);
      }
    }
    return fields;
  }

  /// What an object becomes: "section", "requirement" or "ignore".
  std::string classify(const SpecObject& object, const Fields& fields) const {
    auto type = m_document.type_names.find(object.type);
    std::string type_name =
        type == m_document.type_names.end() ? "" : catalog::normalise(type->second);
    if (auto mapped = m_map.types.find(type_name); mapped != m_map.types.end()) {
      return mapped->second;
    }
    if (type_name == "section" || type_name == "heading" || type_name == "chapter") {
      return "section";
    }
    if (fields.first("text")) {
      return "requirement";
    }
    if (fields.first("title")) {
      return "section";
    }
    return "";
  }

  void header() {
    spec::Spec& s = m_result.spec;
    const pugi::xml_node& first = m_document.specifications.front();
    std::vector<AttributeValue> values = read_values(first, m_document);
    Fields fields = fields_of(values);
    if (const AttributeValue* metadata = fields.first("metadata")) {
      SourceFile yaml_source(m_source.path() + " (leaspec.Metadata)", metadata->text);
      DiagnosticSink problems;
      yaml::Document document = yaml::load(yaml_source, problems);
      if (document.root && document.root->kind == yaml::Kind::mapping) {
        s = spec::build(*document.root, "");
        m_from_metadata = true;
      } else {
        report(Severity::warning, "reqif-value",
               "the leaspec.Metadata attribute is not a YAML mapping; it is not imported",
               metadata->offset);
      }
    }
    if (!m_from_metadata) {
      std::string name = first.attribute("LONG-NAME").value();
      std::string id = fields.text("id");
      s.title = !name.empty() ? name : !m_document.title.empty() ? m_document.title : "Imported";
      std::set<std::string> none;
      s.id.value = make_id(!id.empty() ? id : s.title, "SPEC", none);
      s.language = m_document.language.empty() ? "en" : catalog::normalise(m_document.language);
      if (m_document.creation_time.size() >= 10) {
        s.date = m_document.creation_time.substr(0, 10);
      }
      s.status.value = spec::Status::draft;
      m_defaults.emplace_back("version", "1.0");
      m_defaults.emplace_back("area", std::string(spec::name(s.area)));
      s.version = "1.0";
    }
    s.sections.clear();
    apply_map_values();
  }

  /// The mapping file's `spec` values, which win over what the file says.
  void apply_map_values() {
    spec::Spec& s = m_result.spec;
    for (const auto& [key, value] : m_map.spec) {
      if (key == "id") {
        s.id.value = value;
      } else if (key == "title") {
        s.title = value;
      } else if (key == "version") {
        s.version = value;
      } else if (key == "date") {
        s.date = value;
      } else if (key == "language") {
        s.language = value;
      } else if (key == "status") {
        s.status.value = spec::parse<spec::Status>(value).value_or(s.status.value);
      } else if (key == "area") {
        s.area = spec::parse<spec::Area>(value).value_or(s.area);
      }
      const std::string& given = key;
      std::erase_if(m_defaults, [&](const auto& entry) { return entry.first == given; });
    }
  }

  void report_defaults() {
    for (const auto& [key, value] : m_defaults) {
      report(Severity::warning, "reqif-default",
             fmt::format("the file does not give the spec's {}; it is set to {} (give it in the "
                         "mapping file's spec: {{{}: ...}})",
                         key, value, key),
             xml::offset_of(m_document.specifications.front()));
    }
    if (m_inferred > 0) {
      report(Severity::note, "reqif-default",
             fmt::format("{} requirement{} had no priority; it is taken from the verb of the "
                         "statement (shall, should, may)",
                         m_inferred, m_inferred == 1 ? "" : "s"),
             m_inferred_offset);
    }
    if (m_defaulted > 0) {
      report(Severity::warning, "reqif-default",
             fmt::format("{} requirement{} had no priority and no shall, should or may; "
                         "{} set to mandatory",
                         m_defaulted, m_defaulted == 1 ? "" : "s",
                         m_defaulted == 1 ? "it is" : "they are"),
             m_defaulted_offset);
    }
  }

  /// A loose requirement's section: the one made for requirements outside any section.
  spec::Section& loose_section(spec::Section* wrapper) {
    std::vector<spec::Section>& list = wrapper ? wrapper->sections : m_result.spec.sections;
    if (m_loose.count(&list) == 0) {
      spec::Section section;
      section.title.value = "General";
      section.id.value = make_id("GENERAL", "SEC", m_used);
      list.push_back(std::move(section));
      m_loose[&list] = list.size() - 1;
      ++m_result.counts.sections;
    }
    return list[m_loose[&list]];
  }

  void walk(const pugi::xml_node& parent, spec::Section* wrapper, spec::Section* section,
            int depth) {
    if (depth > k_max_depth) {
      report(Severity::warning, "reqif-structure",
             fmt::format("the hierarchy is deeper than {} levels; what lies deeper is not imported",
                         k_max_depth),
             xml::offset_of(parent));
      return;
    }
    xml::for_each_child(xml::child(parent, "CHILDREN"), "SPEC-HIERARCHY",
                        [&](const pugi::xml_node& node) { visit(node, wrapper, section, depth); });
  }

  void visit(const pugi::xml_node& node, spec::Section* wrapper, spec::Section* section,
             int depth) {
    std::string ref = xml::child(node, "OBJECT").first_child().text().get();
    auto found = m_document.objects.find(ref);
    if (found == m_document.objects.end()) {
      report(Severity::warning, "reqif-structure",
             fmt::format("the hierarchy names the object {}, which the file does not hold", ref),
             xml::offset_of(node));
      return;
    }
    const SpecObject& object = found->second;
    if (!m_placed.insert(object.id).second) {
      report(Severity::warning, "reqif-structure",
             fmt::format("the object {} appears twice in the hierarchy; it is imported once",
                         object.id),
             xml::offset_of(node));
      return;
    }
    Fields fields = fields_of(object.values);
    std::string what = classify(object, fields);
    if (what == "section") {
      spec::Section child = make_section(object, fields);
      std::vector<spec::Section>& list = section   ? section->sections
                                         : wrapper ? wrapper->sections
                                                   : m_result.spec.sections;
      list.push_back(std::move(child));
      ++m_result.counts.sections;
      walk(node, wrapper, &list.back(), depth + 1);
      return;
    }
    if (what == "requirement") {
      spec::Section& holder = section ? *section : loose_section(wrapper);
      if (!section) {
        m_loose_offset = m_loose_offset ? m_loose_offset : object.offset;
      }
      holder.requirements.push_back(make_requirement(object, fields));
      ++m_result.counts.requirements;
      if (xml::child(xml::child(node, "CHILDREN"), "SPEC-HIERARCHY")) {
        report(Severity::warning, "reqif-structure",
               fmt::format("requirement {} holds other objects; they follow it in section {}",
                           holder.requirements.back().id.value, holder.id.value),
               object.offset);
      }
      walk(node, wrapper, &holder, depth + 1);
      return;
    }
    if (what != "ignore") {
      ++m_empty;
      m_empty_offset = m_empty_offset ? m_empty_offset : object.offset;
    }
    walk(node, wrapper, section, depth + 1);
  }

  spec::Section make_section(const SpecObject& object, const Fields& fields) {
    spec::Section section;
    std::string title = fields.text("title");
    if (title.empty()) {
      title = fields.text("text");
    }
    section.title.value = title.empty() ? object.name : title;
    // A heading's number (as DOORS gives) makes a poorer id than its title.
    std::string raw = fields.text("id");
    bool named = !raw.empty() && std::isalpha(static_cast<unsigned char>(raw[0]));
    section.id.value =
        named ? identifier(raw, "SEC", object) : make_id(section.title.value, "SEC", m_used);
    section.intro = fields.text("intro");
    if (section.intro.empty() && !fields.text("title").empty()) {
      section.intro = fields.text("text");
    }
    return section;
  }

  /// A valid, unique id from `raw`; reports when it had to change.
  std::string identifier(const std::string& raw, std::string_view prefix,
                         const SpecObject& object) {
    std::string id = make_id(raw, prefix, m_used);
    bool number = !raw.empty() && raw.find_first_not_of("0123456789") == std::string::npos;
    if (number && id == fmt::format("{}-{}", prefix, raw)) {
      if (m_numbers++ == 0) {
        m_number_example = {raw, id, object.offset};
      }
    } else if (id != raw) {
      report(Severity::note, "reqif-id",
             fmt::format("\"{}\" is not a valid or unused id; the object becomes {}", raw, id),
             object.offset);
    }
    return id;
  }

  template <class E>
  std::vector<E> vocabulary(const Fields& fields, const std::string& key) {
    std::vector<E> out;
    auto found = fields.by_key.find(key);
    if (found == fields.by_key.end()) {
      return out;
    }
    for (const AttributeValue* value : found->second) {
      std::vector<std::string> names =
          value->labels.empty() ? split_list(value->text) : value->labels;
      for (const std::string& name : names) {
        if (auto parsed = vocabulary_value<E>(m_map, key, name)) {
          if (std::find(out.begin(), out.end(), *parsed) == out.end()) {
            out.push_back(*parsed);
          }
        } else if (m_unknown_values.insert(fmt::format("{}\n{}", key, name)).second) {
          report(Severity::warning, "reqif-value",
                 fmt::format("the {} \"{}\" is not one the spec format knows; map it in the "
                             "mapping file's values: {{{}: {{\"{}\": ...}}}}",
                             key, name, key, name),
                 value->offset);
        }
      }
    }
    return out;
  }

  void priority_of(spec::Requirement& r, const Fields& fields, const SpecObject& object) {
    std::vector<spec::Priority> priorities = vocabulary<spec::Priority>(fields, "priority");
    if (!priorities.empty()) {
      r.priority.value = priorities.front();
      return;
    }
    std::string lower = " " + catalog::normalise(r.text.value) + " ";
    for (spec::Priority p : spec::all<spec::Priority>()) {
      if (lower.find(fmt::format(" {} ", spec::verbal_form(p))) != std::string::npos) {
        r.priority.value = p;
        ++m_inferred;
        m_inferred_offset = m_inferred_offset ? m_inferred_offset : object.offset;
        return;
      }
    }
    r.priority.value = spec::Priority::mandatory;
    ++m_defaulted;
    m_defaulted_offset = m_defaulted_offset ? m_defaulted_offset : object.offset;
  }

  /// Parses a YAML value that leaspec's export wrote (a metric, a list of references) as
  /// a requirement key, through the spec model's own builder.
  void structured(spec::Requirement& r, const Fields& fields) {
    std::string yaml_text;
    for (const char* key : {"metric", "references"}) {
      if (const AttributeValue* value = fields.first(key)) {
        yaml_text += fmt::format("{}: {}\n", key, value->text);
      }
    }
    if (yaml_text.empty()) {
      return;
    }
    SourceFile source(m_source.path(), yaml_text);
    DiagnosticSink problems;
    yaml::Document document = yaml::load(source, problems);
    if (!document.root || document.root->kind != yaml::Kind::mapping) {
      report(Severity::warning, "reqif-value",
             fmt::format("the metric or references of {} are not readable; they go to the note",
                         r.id.value),
             fields.first(fields.first("metric") ? "metric" : "references")->offset);
      r.note += (r.note.empty() ? "" : "\n") + yaml_text.substr(0, yaml_text.size() - 1);
      return;
    }
    spec::Requirement parsed = spec::build_requirement(*document.root);
    r.metric = parsed.metric;
    r.references = parsed.references;
  }

  spec::Requirement make_requirement(const SpecObject& object, const Fields& fields) {
    spec::Requirement r;
    std::string raw = fields.text("id");
    r.id.value = identifier(raw.empty() ? (object.name.empty() ? object.id : object.name) : raw,
                            m_map.id_prefix, object);
    r.text.value = fields.text("text");
    m_requirement_ids[object.id] = r.id.value;
    priority_of(r, fields, object);
    std::vector<spec::Kind> kinds = vocabulary<spec::Kind>(fields, "kind");
    if (!kinds.empty()) {
      r.kind = kinds.front();
    }
    r.verification = vocabulary<spec::Verification>(fields, "verification");
    structured(r, fields);
    r.lots = texts(split_list(fields.text("lots")));
    r.requested_by = texts(split_list(fields.text("requested_by")));
    r.implements = texts(split_list(fields.text("implements")));
    r.rationale = fields.text("rationale");
    std::string note = fields.text("note");
    r.note = r.note.empty() ? note : note.empty() ? r.note : note + "\n" + r.note;
    // A heading or description on a requirement has no key of its own: it joins the note
    // with the values nothing maps, in the object's order.
    std::map<std::size_t, std::string> extra = fields.unmapped;
    for (const char* key : {"title", "intro"}) {
      if (const AttributeValue* value = fields.first(key)) {
        auto index = static_cast<std::size_t>(value - object.values.data());
        extra[index] = fmt::format("{}: {}", value->definition->name, value->text);
      }
    }
    for (const auto& [index, line] : extra) {
      r.note += (r.note.empty() ? "" : "\n") + line;
    }
    r.tags = split_list(fields.text("tags"));
    r.lint_ignore = split_list(fields.text("lint_ignore"));
    return r;
  }

  void relations() {
    std::map<std::string, spec::Requirement*> by_id;
    std::function<void(std::vector<spec::Section>&)> index = [&](std::vector<spec::Section>& list) {
      for (spec::Section& section : list) {
        for (spec::Requirement& r : section.requirements) {
          by_id[r.id.value] = &r;
        }
        index(section.sections);
      }
    };
    index(m_result.spec.sections);
    std::map<std::string, std::pair<std::size_t, std::size_t>> dangling;
    for (const SpecRelation& relation : m_document.relations) {
      auto type = m_document.type_names.find(relation.type);
      std::string name = type == m_document.type_names.end() ? relation.type : type->second;
      auto mapped = m_map.relations.find(catalog::normalise(name));
      if (mapped != m_map.relations.end() && mapped->second == "ignore") {
        continue;
      }
      auto source = m_requirement_ids.find(relation.source);
      auto target = m_requirement_ids.find(relation.target);
      if (source == m_requirement_ids.end() || target == m_requirement_ids.end() ||
          source->second == target->second) {
        auto& entry = dangling[name];
        entry.second = entry.first++ == 0 ? relation.offset : entry.second;
        continue;
      }
      spec::Requirement& r = *by_id[source->second];
      if (std::none_of(r.depends_on.begin(), r.depends_on.end(),
                       [&](const spec::Text& id) { return id.value == target->second; })) {
        r.depends_on.push_back({target->second, {}});
        ++m_result.counts.relations;
      }
    }
    for (const auto& [name, entry] : dangling) {
      report(
          Severity::warning, "reqif-structure",
          fmt::format("{} relation{} of type \"{}\" do{} not link two imported requirements; "
                      "not imported",
                      entry.first, entry.first == 1 ? "" : "s", name, entry.first == 1 ? "es" : ""),
          (entry.second));
    }
  }

  void report_unmapped() {
    for (const auto& [id, count] : m_unmapped) {
      const AttributeDefinition& d = m_document.definitions.at(id);
      std::string target = attribute_target(m_map, d.name, d.id);
      std::string name = d.name.empty() ? d.id : d.name;
      std::string objects = fmt::format("{} object{}", count, count == 1 ? "" : "s");
      if (target == "bookkeeping") {
        report(Severity::note, "reqif-unmapped",
               fmt::format("attribute \"{}\" ({}) is the tool's bookkeeping; not imported", name,
                           objects),
               (d.offset));
      } else if (target == "ignore") {
        report(Severity::note, "reqif-unmapped",
               fmt::format("attribute \"{}\" ({}) is ignored by the mapping file", name, objects),
               (d.offset));
      } else {
        report(Severity::warning, "reqif-unmapped",
               fmt::format("attribute \"{}\" ({}) maps to no spec key; {} (map it in the mapping "
                           "file's attributes)",
                           name, objects,
                           m_map.unmapped_to_note ? "its values are kept in the requirement's note"
                                                  : "not imported"),
               (d.offset));
      }
    }
    if (m_pictures > 0) {
      report(Severity::warning, "reqif-unmapped",
             fmt::format("{} picture{} or embedded object{} in XHTML text cannot be kept in plain "
                         "text; not imported",
                         m_pictures, m_pictures == 1 ? "" : "s", m_pictures == 1 ? "" : "s"),
             (m_picture_offset));
    }
  }

  void report_numbers() {
    if (m_numbers > 0) {
      const auto& [raw, id, offset] = m_number_example;
      report(Severity::note, "reqif-id",
             fmt::format("{} {} {}- is put before each (\"{}\" becomes {})", m_numbers,
                         m_numbers == 1 ? "id is a number;" : "ids are numbers;", m_map.id_prefix,
                         raw, id),
             offset);
    }
  }

  void report_left_out() {
    if (m_empty > 0) {
      report(Severity::warning, "reqif-structure",
             fmt::format("{} object{} in the hierarchy {} neither text nor a heading; not imported",
                         m_empty, m_empty == 1 ? "" : "s", m_empty == 1 ? "has" : "have"),
             (m_empty_offset));
    }
    if (m_loose_offset) {
      report(Severity::note, "reqif-structure",
             "requirements outside any heading are imported into the section General",
             (m_loose_offset));
    }
    std::size_t outside = 0;
    std::size_t first = 0;
    for (const std::string& id : m_document.object_order) {
      if (!m_placed.count(id)) {
        first = outside++ == 0 ? m_document.objects.at(id).offset : first;
      }
    }
    if (outside > 0) {
      report(Severity::warning, "reqif-structure",
             fmt::format("{} object{} in no specification's hierarchy; not imported", outside,
                         outside == 1 ? " is" : "s are"),
             (first));
    }
  }

  const SourceFile& m_source;
  const ReqifMap& m_map;
  DiagnosticSink& m_sink;
  ReqifDocument m_document;
  ReqifImport m_result;
  std::set<std::string> m_used;
  std::set<std::string> m_placed;
  std::set<std::string> m_unknown_values;
  std::map<std::string, std::size_t> m_unmapped;
  std::map<std::string, std::string> m_requirement_ids;
  std::map<const std::vector<spec::Section>*, std::size_t> m_loose;
  std::vector<std::pair<std::string, std::string>> m_defaults;
  bool m_from_metadata = false;
  std::size_t m_inferred = 0, m_inferred_offset = 0;
  std::size_t m_defaulted = 0, m_defaulted_offset = 0;
  std::size_t m_empty = 0, m_empty_offset = 0;
  std::size_t m_loose_offset = 0;
  std::size_t m_pictures = 0, m_picture_offset = 0;
  std::size_t m_numbers = 0;
  std::tuple<std::string, std::string, std::size_t> m_number_example;
};

}  // namespace

std::optional<ReqifImport> from_reqif(const SourceFile& source, const ReqifMap& map,
                                      DiagnosticSink& sink) {
  return Importer(source, map, sink).run();
}

std::string reqif_from_archive(std::string bytes, const std::string& name) {
  zip::Reader archive(std::move(bytes), name);
  const zip::Entry* found = nullptr;
  for (const zip::Entry& entry : archive.entries()) {
    if (std::filesystem::path(entry.name).extension() == ".reqif") {
      if (found) {
        throw Error(fmt::format("{} holds several .reqif files ({} and {}); import them one by one",
                                name, found->name, entry.name));
      }
      found = &entry;
    }
  }
  if (!found) {
    throw Error(fmt::format("{} holds no .reqif file", name));
  }
  return archive.read(*found);
}

}  // namespace leaspec::import
