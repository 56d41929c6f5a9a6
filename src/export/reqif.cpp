// ReqIF 1.0: one SPEC-OBJECT-TYPE for requirements, one for sections, a SPECIFICATION whose
// hierarchy mirrors the sections, and SPEC-RELATIONs for depends_on. Every field of a
// requirement is an attribute that requirements tools show; the rest of the spec travels as
// one YAML attribute of the specification, so that importing the file gives the spec back.
#include <algorithm>

#include <fmt/format.h>

#include "leaspec/export.hpp"
#include "leaspec/import.hpp"
#include "leaspec/text.hpp"

namespace leaspec::exports {
namespace {

/// An xsd:ID from a spec id: a prefix keeps it a valid NCName whatever the id holds.
std::string identifier(std::string_view prefix, const std::string& id) {
  std::string result(prefix);
  result += '-';
  for (char c : id) {
    bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
    result += ok ? c : '_';
  }
  return result;
}

/// Text for an XML attribute value: escaped, with line breaks and tabs as character
/// references so that a reader's attribute-value normalisation keeps them.
std::string attribute_text(std::string_view raw) {
  std::string escaped = text::xml_escape(raw);
  std::string out;
  out.reserve(escaped.size());
  for (char c : escaped) {
    switch (c) {
      case '\n':
        out += "&#10;";
        break;
      case '\r':
        out += "&#13;";
        break;
      case '\t':
        out += "&#9;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

/// XHTML content of a plain text: each line break becomes <xhtml:br/>.
std::string xhtml_of(const std::string& plain) {
  std::string out = "<xhtml:div>";
  std::size_t start = 0;
  std::string cleaned = text::clean_text(plain);
  while (true) {
    std::size_t end = cleaned.find('\n', start);
    out += text::xml_escape(std::string_view(cleaned).substr(start, end - start));
    if (end == std::string::npos) {
      break;
    }
    out += "<xhtml:br/>";
    start = end + 1;
  }
  return out + "</xhtml:div>";
}

const std::string& text_of(const std::string& item) {
  return item;
}

const std::string& text_of(const spec::Text& item) {
  return item.value;
}

/// A list as an attribute shows it: "LOT-1, LOT-2".
template <class Item>
std::string joined(const std::vector<Item>& items) {
  std::string out;
  for (const Item& item : items) {
    out += (out.empty() ? "" : ", ") + text_of(item);
  }
  return out;
}

/// One attribute definition of a type: identifier, long name, kind and datatype.
struct Definition {
  std::string_view id;
  std::string_view name;
  std::string_view kind;  ///< STRING, XHTML or ENUMERATION
  std::string_view datatype;
  bool multi_valued = false;
};

constexpr Definition k_requirement_attributes[] = {
    {"leaspec-requirement-id", "ReqIF.ForeignID", "STRING", "leaspec-string"},
    {"leaspec-requirement-text", "ReqIF.Text", "XHTML", "leaspec-xhtml"},
    {"leaspec-requirement-priority", "Priority", "ENUMERATION", "leaspec-priority"},
    {"leaspec-requirement-kind", "Kind", "ENUMERATION", "leaspec-kind"},
    {"leaspec-requirement-verification", "Verification", "ENUMERATION", "leaspec-verification",
     true},
    {"leaspec-requirement-metric", "Metric", "STRING", "leaspec-string"},
    {"leaspec-requirement-references", "References", "STRING", "leaspec-string"},
    {"leaspec-requirement-lots", "Lots", "STRING", "leaspec-string"},
    {"leaspec-requirement-requested-by", "Requested by", "STRING", "leaspec-string"},
    {"leaspec-requirement-implements", "Implements", "STRING", "leaspec-string"},
    {"leaspec-requirement-rationale", "Rationale", "STRING", "leaspec-string"},
    {"leaspec-requirement-note", "Note", "STRING", "leaspec-string"},
    {"leaspec-requirement-tags", "Tags", "STRING", "leaspec-string"},
    {"leaspec-requirement-lint-ignore", "Lint ignore", "STRING", "leaspec-string"},
};

constexpr Definition k_section_attributes[] = {
    {"leaspec-section-id", "ReqIF.ForeignID", "STRING", "leaspec-string"},
    {"leaspec-section-title", "ReqIF.ChapterName", "STRING", "leaspec-string"},
    {"leaspec-section-intro", "ReqIF.Description", "STRING", "leaspec-string"},
};

constexpr Definition k_specification_attributes[] = {
    {"leaspec-specification-id", "ReqIF.ForeignID", "STRING", "leaspec-string"},
    {"leaspec-specification-metadata", "leaspec.Metadata", "STRING", "leaspec-string"},
};

/// Writes the XML in document order as it is produced: the objects, the relations and the
/// hierarchy are three walks over the sections, so that no part is held whole in memory.
class ReqifWriter {
 public:
  ReqifWriter(const spec::Spec& spec, const Source& source, const ChangeTimes& times,
              const text::Sink& sink)
      : m_spec(spec),
        m_source(source),
        m_times(times),
        m_latest(times.specification.empty() ? source.timestamp : times.specification),
        m_out(sink) {}

  void write() {
    m_out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    m_out.write(
        fmt::format("<REQ-IF xmlns=\"http://www.omg.org/spec/ReqIF/20110401/reqif.xsd\" "
                    "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\" xml:lang=\"{}\">\n",
                    text::xml_escape(m_spec.language)));
    m_out.write(
        fmt::format("  <THE-HEADER>\n    <REQ-IF-HEADER IDENTIFIER=\"{}\">\n"
                    "      <COMMENT>{} {}, from {} (SHA-256 {})</COMMENT>\n"
                    "      <CREATION-TIME>{}</CREATION-TIME>\n"
                    "      <REPOSITORY-ID>{}</REPOSITORY-ID>\n"
                    "      <REQ-IF-TOOL-ID>leaspec</REQ-IF-TOOL-ID>\n"
                    "      <REQ-IF-VERSION>1.0</REQ-IF-VERSION>\n"
                    "      <SOURCE-TOOL-ID>leaspec {}</SOURCE-TOOL-ID>\n"
                    "      <TITLE>{}</TITLE>\n    </REQ-IF-HEADER>\n  </THE-HEADER>\n",
                    identifier("header", m_spec.id.value), text::xml_escape(m_spec.id.value),
                    text::xml_escape(m_spec.version), text::xml_escape(m_source.name),
                    m_source.sha256, m_source.timestamp, text::xml_escape(m_spec.id.value),
                    LEASPEC_VERSION, text::xml_escape(m_spec.title)));
    m_out.write("  <CORE-CONTENT>\n    <REQ-IF-CONTENT>\n");
    m_out.write(datatypes());
    m_out.write(spec_types());
    m_out.write("      <SPEC-OBJECTS>\n");
    for (const spec::Section& section : m_spec.sections) {
      section_objects(section);
    }
    m_out.write("      </SPEC-OBJECTS>\n      <SPEC-RELATIONS>\n");
    spec::for_each_section(m_spec, [this](const spec::Section& section) {
      for (const spec::Requirement& r : section.requirements) {
        relations(r);
      }
    });
    m_out.write("      </SPEC-RELATIONS>\n");
    // Every object's time is known now, and with it the specification's.
    std::string values = string_value("leaspec-specification-id", m_spec.id.value);
    values += string_value("leaspec-specification-metadata", spec::front_matter_yaml(m_spec));
    m_out.write(fmt::format(
        "      <SPECIFICATIONS>\n        <SPECIFICATION IDENTIFIER=\"{}\" LAST-CHANGE=\"{}\" "
        "LONG-NAME=\"{}\">\n          <VALUES>\n{}          </VALUES>\n"
        "          "
        "<TYPE><SPECIFICATION-TYPE-REF>leaspec-specification-type</SPECIFICATION-TYPE-REF></TYPE>\n"
        "          <CHILDREN>\n",
        identifier("spec", m_spec.id.value), m_latest, text::xml_escape(m_spec.title), values));
    for (const spec::Section& section : m_spec.sections) {
      section_hierarchy(section, 12);
    }
    m_out.write(
        "          </CHILDREN>\n        </SPECIFICATION>\n      </SPECIFICATIONS>\n"
        "    </REQ-IF-CONTENT>\n  </CORE-CONTENT>\n</REQ-IF>\n");
    m_out.flush();
  }

 private:
  /// The change time of an object listed in `times`, else the export's time.
  const std::string& time_of(const std::map<std::string, std::string, std::less<>>& times,
                             const std::string& id) const {
    auto found = times.find(id);
    return found == times.end() ? m_source.timestamp : found->second;
  }

  template <class E>
  std::string enumeration(std::string_view id, std::string_view name) const {
    std::string values;
    for (E value : spec::all<E>()) {
      std::string_view other;
      if constexpr (std::is_same_v<E, spec::Priority>) {
        other = spec::verbal_form(value);
      }
      values += fmt::format(
          "            <ENUM-VALUE IDENTIFIER=\"{0}-{1}\" LAST-CHANGE=\"{2}\" "
          "LONG-NAME=\"{1}\"><PROPERTIES><EMBEDDED-VALUE KEY=\"{3}\" OTHER-CONTENT=\"{4}\"/>"
          "</PROPERTIES></ENUM-VALUE>\n",
          id, spec::name(value), m_source.timestamp, static_cast<int>(value), other);
    }
    return fmt::format(
        "        <DATATYPE-DEFINITION-ENUMERATION IDENTIFIER=\"{}\" LAST-CHANGE=\"{}\" "
        "LONG-NAME=\"{}\">\n          <SPECIFIED-VALUES>\n{}          </SPECIFIED-VALUES>\n"
        "        </DATATYPE-DEFINITION-ENUMERATION>\n",
        id, m_source.timestamp, name, values);
  }

  std::string datatypes() const {
    return fmt::format(
        "      <DATATYPES>\n"
        "        <DATATYPE-DEFINITION-STRING IDENTIFIER=\"leaspec-string\" LAST-CHANGE=\"{0}\" "
        "LONG-NAME=\"String\" MAX-LENGTH=\"1048576\"/>\n"
        "        <DATATYPE-DEFINITION-XHTML IDENTIFIER=\"leaspec-xhtml\" LAST-CHANGE=\"{0}\" "
        "LONG-NAME=\"XHTML\"/>\n{1}{2}{3}      </DATATYPES>\n",
        m_source.timestamp, enumeration<spec::Priority>("leaspec-priority", "Priority"),
        enumeration<spec::Kind>("leaspec-kind", "Kind"),
        enumeration<spec::Verification>("leaspec-verification", "Verification"));
  }

  template <std::size_t N>
  std::string attributes(const Definition (&definitions)[N]) const {
    std::string out;
    for (const Definition& d : definitions) {
      std::string extra;
      if (d.kind == "ENUMERATION") {
        extra = fmt::format(" MULTI-VALUED=\"{}\"", d.multi_valued ? "true" : "false");
      }
      out += fmt::format(
          "            <ATTRIBUTE-DEFINITION-{0} IDENTIFIER=\"{1}\" LAST-CHANGE=\"{2}\" "
          "LONG-NAME=\"{3}\"{4}>"
          "<TYPE><DATATYPE-DEFINITION-{0}-REF>{5}</DATATYPE-DEFINITION-{0}-REF></TYPE>"
          "</ATTRIBUTE-DEFINITION-{0}>\n",
          d.kind, d.id, m_source.timestamp, d.name, extra, d.datatype);
    }
    return out;
  }

  std::string spec_types() const {
    return fmt::format(
        "      <SPEC-TYPES>\n"
        "        <SPEC-OBJECT-TYPE IDENTIFIER=\"leaspec-requirement-type\" LAST-CHANGE=\"{0}\" "
        "LONG-NAME=\"Requirement\">\n          <SPEC-ATTRIBUTES>\n{1}          </SPEC-ATTRIBUTES>\n"
        "        </SPEC-OBJECT-TYPE>\n"
        "        <SPEC-OBJECT-TYPE IDENTIFIER=\"leaspec-section-type\" LAST-CHANGE=\"{0}\" "
        "LONG-NAME=\"Section\">\n          <SPEC-ATTRIBUTES>\n{2}          </SPEC-ATTRIBUTES>\n"
        "        </SPEC-OBJECT-TYPE>\n"
        "        <SPEC-RELATION-TYPE IDENTIFIER=\"leaspec-depends-on\" LAST-CHANGE=\"{0}\" "
        "LONG-NAME=\"depends on\"/>\n"
        "        <SPECIFICATION-TYPE IDENTIFIER=\"leaspec-specification-type\" LAST-CHANGE=\"{0}\" "
        "LONG-NAME=\"Specification\">\n          <SPEC-ATTRIBUTES>\n{3}          "
        "</SPEC-ATTRIBUTES>\n"
        "        </SPECIFICATION-TYPE>\n      </SPEC-TYPES>\n",
        m_source.timestamp, attributes(k_requirement_attributes), attributes(k_section_attributes),
        attributes(k_specification_attributes));
  }

  static std::string string_value(std::string_view definition, const std::string& value) {
    if (value.empty()) {
      return "";
    }
    return fmt::format(
        "            <ATTRIBUTE-VALUE-STRING THE-VALUE=\"{}\"><DEFINITION>"
        "<ATTRIBUTE-DEFINITION-STRING-REF>{}</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION>"
        "</ATTRIBUTE-VALUE-STRING>\n",
        attribute_text(value), definition);
  }

  static std::string enum_value(std::string_view definition, std::string_view datatype,
                                const std::vector<std::string_view>& names) {
    if (names.empty()) {
      return "";
    }
    std::string refs;
    for (std::string_view name : names) {
      refs += fmt::format("<ENUM-VALUE-REF>{}-{}</ENUM-VALUE-REF>", datatype, name);
    }
    return fmt::format(
        "            "
        "<ATTRIBUTE-VALUE-ENUMERATION><DEFINITION><ATTRIBUTE-DEFINITION-ENUMERATION-REF>"
        "{}</ATTRIBUTE-DEFINITION-ENUMERATION-REF></DEFINITION><VALUES>{}</VALUES>"
        "</ATTRIBUTE-VALUE-ENUMERATION>\n",
        definition, refs);
  }

  /// One SPEC-OBJECT; its time counts towards the specification's.
  void object(const std::string& id, const std::string& time, const std::string& name,
              const std::string& values, std::string_view type) {
    m_latest = std::max(m_latest, time);
    m_out.write(
        fmt::format("        <SPEC-OBJECT IDENTIFIER=\"{}\" LAST-CHANGE=\"{}\" LONG-NAME=\"{}\">\n"
                    "          <VALUES>\n{}          </VALUES>\n"
                    "          <TYPE><SPEC-OBJECT-TYPE-REF>{}</SPEC-OBJECT-TYPE-REF></TYPE>\n"
                    "        </SPEC-OBJECT>\n",
                    id, time, text::xml_escape(name), values, type));
  }

  /// The objects of a section, its requirements and its subsections, in that order.
  void section_objects(const spec::Section& section) {
    std::string values = string_value("leaspec-section-id", section.id.value);
    values += string_value("leaspec-section-title", section.title.value);
    values += string_value("leaspec-section-intro", section.intro);
    object(identifier("section", section.id.value), time_of(m_times.sections, section.id.value),
           section.title.value, values, "leaspec-section-type");
    for (const spec::Requirement& r : section.requirements) {
      object(identifier("requirement", r.id.value), time_of(m_times.requirements, r.id.value),
             r.id.value, requirement_values(r), "leaspec-requirement-type");
    }
    for (const spec::Section& child : section.sections) {
      section_objects(child);
    }
  }

  /// The SPEC-HIERARCHY of a section: its requirements, then its subsections.
  void section_hierarchy(const spec::Section& section, int indent) {
    std::string pad(static_cast<std::size_t>(indent), ' ');
    const std::string& time = time_of(m_times.sections, section.id.value);
    m_out.write(fmt::format("{}<SPEC-HIERARCHY IDENTIFIER=\"{}\" LAST-CHANGE=\"{}\">\n", pad,
                            identifier("hierarchy", section.id.value), time));
    if (!section.requirements.empty() || !section.sections.empty()) {
      m_out.write(pad + "  <CHILDREN>\n");
      for (const spec::Requirement& r : section.requirements) {
        hierarchy_leaf(r, indent + 4);
      }
      for (const spec::Section& child : section.sections) {
        section_hierarchy(child, indent + 4);
      }
      m_out.write(pad + "  </CHILDREN>\n");
    }
    hierarchy_end(pad, identifier("section", section.id.value));
  }

  void hierarchy_leaf(const spec::Requirement& r, int indent) {
    std::string pad(static_cast<std::size_t>(indent), ' ');
    m_out.write(fmt::format("{}<SPEC-HIERARCHY IDENTIFIER=\"{}\" LAST-CHANGE=\"{}\">\n", pad,
                            identifier("hierarchy", r.id.value),
                            time_of(m_times.requirements, r.id.value)));
    hierarchy_end(pad, identifier("requirement", r.id.value));
  }

  void hierarchy_end(const std::string& pad, const std::string& object) {
    m_out.write(fmt::format(
        "{0}  <OBJECT><SPEC-OBJECT-REF>{1}</SPEC-OBJECT-REF></OBJECT>\n{0}</SPEC-HIERARCHY>\n", pad,
        object));
  }

  static std::string requirement_values(const spec::Requirement& r) {
    std::string values = string_value("leaspec-requirement-id", r.id.value);
    values += fmt::format(
        "            <ATTRIBUTE-VALUE-XHTML><THE-VALUE>{}</THE-VALUE>"
        "<DEFINITION><ATTRIBUTE-DEFINITION-XHTML-REF>leaspec-requirement-text"
        "</ATTRIBUTE-DEFINITION-XHTML-REF></DEFINITION></ATTRIBUTE-VALUE-XHTML>\n",
        xhtml_of(r.text.value));
    values += enum_value("leaspec-requirement-priority", "leaspec-priority",
                         {spec::name(r.priority.value)});
    if (r.kind) {
      values += enum_value("leaspec-requirement-kind", "leaspec-kind", {spec::name(*r.kind)});
    }
    std::vector<std::string_view> methods;
    for (spec::Verification method : r.verification) {
      methods.push_back(spec::name(method));
    }
    values += enum_value("leaspec-requirement-verification", "leaspec-verification", methods);
    if (r.metric) {
      values += string_value("leaspec-requirement-metric", spec::metric_yaml(*r.metric));
    }
    if (!r.references.empty()) {
      values += string_value("leaspec-requirement-references", spec::references_yaml(r.references));
    }
    values += string_value("leaspec-requirement-lots", joined(r.lots));
    values += string_value("leaspec-requirement-requested-by", joined(r.requested_by));
    values += string_value("leaspec-requirement-implements", joined(r.implements));
    values += string_value("leaspec-requirement-rationale", r.rationale);
    values += string_value("leaspec-requirement-note", r.note);
    values += string_value("leaspec-requirement-tags", joined(r.tags));
    values += string_value("leaspec-requirement-lint-ignore", joined(r.lint_ignore));
    return values;
  }

  void relations(const spec::Requirement& r) {
    for (const spec::Text& dependency : r.depends_on) {
      m_out.write(fmt::format(
          "        <SPEC-RELATION IDENTIFIER=\"{}\" LAST-CHANGE=\"{}\">\n"
          "          <SOURCE><SPEC-OBJECT-REF>{}</SPEC-OBJECT-REF></SOURCE>\n"
          "          <TARGET><SPEC-OBJECT-REF>{}</SPEC-OBJECT-REF></TARGET>\n"
          "          "
          "<TYPE><SPEC-RELATION-TYPE-REF>leaspec-depends-on</SPEC-RELATION-TYPE-REF></TYPE>\n"
          "        </SPEC-RELATION>\n",
          identifier("relation", r.id.value + "--" + dependency.value),
          time_of(m_times.requirements, r.id.value), identifier("requirement", r.id.value),
          identifier("requirement", dependency.value)));
    }
  }

  const spec::Spec& m_spec;
  const Source& m_source;
  const ChangeTimes& m_times;
  std::string m_latest;
  text::SinkBuffer m_out;
};

}  // namespace

void write_reqif(const spec::Spec& spec, const Source& source, const ChangeTimes& times,
                 const text::Sink& sink) {
  ReqifWriter(spec, source, times, sink).write();
}

std::string to_reqif(const spec::Spec& spec, const Source& source, const ChangeTimes& times) {
  return text::collect([&](const text::Sink& sink) { write_reqif(spec, source, times, sink); });
}

ChangeTimes reqif_times_since(const spec::Spec& spec, const Source& source, ChangeTimes times,
                              const std::string& earlier, const std::string& earlier_name) {
  std::map<std::string, import::ObjectState> before =
      import::reqif_object_states(earlier, earlier_name);
  std::map<std::string, import::ObjectState> now =
      import::reqif_object_states(to_reqif(spec, source, times), "the new export");
  auto keep = [&](std::string_view prefix, const std::string& id,
                  std::map<std::string, std::string, std::less<>>& into) {
    std::string object = identifier(prefix, id);
    auto old_state = before.find(object);
    auto new_state = now.find(object);
    if (old_state != before.end() && new_state != now.end() &&
        old_state->second.digest == new_state->second.digest) {
      into[id] = old_state->second.last_change;
    }
  };
  spec::for_each_section(spec, [&](const spec::Section& section) {
    keep("section", section.id.value, times.sections);
    for (const spec::Requirement& r : section.requirements) {
      keep("requirement", r.id.value, times.requirements);
    }
  });
  // The specification changed when any object did, or when its own values did.
  std::string object = identifier("spec", spec.id.value);
  auto old_state = before.find(object);
  auto new_state = now.find(object);
  if (old_state != before.end() && new_state != now.end() &&
      old_state->second.digest == new_state->second.digest) {
    times.specification = old_state->second.last_change;
  }
  return times;
}

}  // namespace leaspec::exports
