// ReqIF 1.0: one SPEC-OBJECT-TYPE for requirements, one for sections, a SPECIFICATION whose
// hierarchy mirrors the sections, and SPEC-RELATIONs for depends_on.
#include <fmt/format.h>

#include "leaspec/export.hpp"
#include "leaspec/text.hpp"
#include "leaspec/write.hpp"

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

class ReqifWriter {
 public:
  ReqifWriter(const spec::Spec& spec, const Source& source)
      : m_spec(spec), m_time(source.timestamp) {}

  std::string write(const Source& source) {
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += fmt::format(
        "<REQ-IF xmlns=\"http://www.omg.org/spec/ReqIF/20110401/reqif.xsd\" "
        "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\" xml:lang=\"{}\">\n",
        text::xml_escape(m_spec.language));
    out += fmt::format(
        "  <THE-HEADER>\n    <REQ-IF-HEADER IDENTIFIER=\"{}\">\n"
        "      <COMMENT>{} {}, from {} (SHA-256 {})</COMMENT>\n"
        "      <CREATION-TIME>{}</CREATION-TIME>\n"
        "      <REPOSITORY-ID>{}</REPOSITORY-ID>\n"
        "      <REQ-IF-TOOL-ID>leaspec</REQ-IF-TOOL-ID>\n"
        "      <REQ-IF-VERSION>1.0</REQ-IF-VERSION>\n"
        "      <SOURCE-TOOL-ID>leaspec {}</SOURCE-TOOL-ID>\n"
        "      <TITLE>{}</TITLE>\n    </REQ-IF-HEADER>\n  </THE-HEADER>\n",
        identifier("header", m_spec.id.value), text::xml_escape(m_spec.id.value),
        text::xml_escape(m_spec.version), text::xml_escape(source.name), source.sha256, m_time,
        text::xml_escape(m_spec.id.value), LEASPEC_VERSION, text::xml_escape(m_spec.title));
    out += "  <CORE-CONTENT>\n    <REQ-IF-CONTENT>\n";
    out += datatypes();
    out += spec_types();
    out += "      <SPEC-OBJECTS>\n" + m_objects + "      </SPEC-OBJECTS>\n";
    out += "      <SPEC-RELATIONS>\n" + m_relations + "      </SPEC-RELATIONS>\n";
    out += fmt::format(
        "      <SPECIFICATIONS>\n        <SPECIFICATION IDENTIFIER=\"{}\" LAST-CHANGE=\"{}\" "
        "LONG-NAME=\"{}\">\n          <VALUES>\n{}          </VALUES>\n"
        "          "
        "<TYPE><SPECIFICATION-TYPE-REF>leaspec-specification-type</SPECIFICATION-TYPE-REF></TYPE>\n"
        "          <CHILDREN>\n{}          </CHILDREN>\n        </SPECIFICATION>\n      "
        "</SPECIFICATIONS>\n",
        identifier("spec", m_spec.id.value), m_time, text::xml_escape(m_spec.title),
        string_value("leaspec-specification-id", m_spec.id.value, 12), m_hierarchy);
    out += "    </REQ-IF-CONTENT>\n  </CORE-CONTENT>\n</REQ-IF>\n";
    return out;
  }

  void build() {
    for (const spec::Section& section : m_spec.sections) {
      m_hierarchy += section_object(section, 12);
    }
  }

 private:
  std::string datatypes() const {
    std::string enum_values;
    for (spec::Priority priority : spec::all<spec::Priority>()) {
      std::string_view value = spec::name(priority);
      std::string_view verb = spec::verbal_form(priority);
      int key = static_cast<int>(priority);
      enum_values += fmt::format(
          "            <ENUM-VALUE IDENTIFIER=\"leaspec-priority-{0}\" LAST-CHANGE=\"{1}\" "
          "LONG-NAME=\"{0}\"><PROPERTIES><EMBEDDED-VALUE KEY=\"{2}\" OTHER-CONTENT=\"{3}\"/>"
          "</PROPERTIES></ENUM-VALUE>\n",
          value, m_time, key, verb);
    }
    return fmt::format(
        "      <DATATYPES>\n"
        "        <DATATYPE-DEFINITION-STRING IDENTIFIER=\"leaspec-string\" LAST-CHANGE=\"{0}\" "
        "LONG-NAME=\"String\" MAX-LENGTH=\"65535\"/>\n"
        "        <DATATYPE-DEFINITION-XHTML IDENTIFIER=\"leaspec-xhtml\" LAST-CHANGE=\"{0}\" "
        "LONG-NAME=\"XHTML\"/>\n"
        "        <DATATYPE-DEFINITION-ENUMERATION IDENTIFIER=\"leaspec-priority\" "
        "LAST-CHANGE=\"{0}\" "
        "LONG-NAME=\"Priority\">\n          <SPECIFIED-VALUES>\n{1}          </SPECIFIED-VALUES>\n"
        "        </DATATYPE-DEFINITION-ENUMERATION>\n      </DATATYPES>\n",
        m_time, enum_values);
  }

  std::string attribute(std::string_view kind, std::string_view id, std::string_view name,
                        std::string_view datatype) const {
    std::string extra = kind == "ENUMERATION" ? " MULTI-VALUED=\"false\"" : "";
    return fmt::format(
        "            <ATTRIBUTE-DEFINITION-{0} IDENTIFIER=\"{1}\" LAST-CHANGE=\"{2}\" "
        "LONG-NAME=\"{3}\"{4}>"
        "<TYPE><DATATYPE-DEFINITION-{0}-REF>{5}</DATATYPE-DEFINITION-{0}-REF></TYPE>"
        "</ATTRIBUTE-DEFINITION-{0}>\n",
        kind, id, m_time, name, extra, datatype);
  }

  std::string spec_types() const {
    std::string requirement;
    requirement +=
        attribute("STRING", "leaspec-requirement-id", "ReqIF.ForeignID", "leaspec-string");
    requirement += attribute("XHTML", "leaspec-requirement-text", "ReqIF.Text", "leaspec-xhtml");
    requirement +=
        attribute("ENUMERATION", "leaspec-requirement-priority", "Priority", "leaspec-priority");
    requirement +=
        attribute("STRING", "leaspec-requirement-verification", "Verification", "leaspec-string");
    requirement += attribute("STRING", "leaspec-requirement-kind", "Kind", "leaspec-string");
    requirement +=
        attribute("STRING", "leaspec-requirement-rationale", "Rationale", "leaspec-string");
    std::string section;
    section += attribute("STRING", "leaspec-section-id", "ReqIF.ForeignID", "leaspec-string");
    section += attribute("STRING", "leaspec-section-title", "ReqIF.ChapterName", "leaspec-string");
    std::string specification =
        attribute("STRING", "leaspec-specification-id", "ReqIF.ForeignID", "leaspec-string");
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
        m_time, requirement, section, specification);
  }

  static std::string string_value(std::string_view definition, const std::string& value,
                                  int indent) {
    return fmt::format(
        "{}<ATTRIBUTE-VALUE-STRING THE-VALUE=\"{}\"><DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>{}"
        "</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION></ATTRIBUTE-VALUE-STRING>\n",
        std::string(static_cast<std::size_t>(indent + 2), ' '), text::xml_escape(value),
        definition);
  }

  std::string section_object(const spec::Section& section, int indent) {
    std::string object_id = identifier("section", section.id.value);
    m_objects += fmt::format(
        "        <SPEC-OBJECT IDENTIFIER=\"{}\" LAST-CHANGE=\"{}\" LONG-NAME=\"{}\">\n          "
        "<VALUES>\n{}{}"
        "          </VALUES>\n          "
        "<TYPE><SPEC-OBJECT-TYPE-REF>leaspec-section-type</SPEC-OBJECT-TYPE-REF></TYPE>\n"
        "        </SPEC-OBJECT>\n",
        object_id, m_time, text::xml_escape(section.title.value),
        string_value("leaspec-section-id", section.id.value, 10),
        string_value("leaspec-section-title", section.title.value, 10));
    std::string children;
    for (const spec::Requirement& r : section.requirements) {
      children += requirement_object(r, indent + 4);
    }
    for (const spec::Section& child : section.sections) {
      children += section_object(child, indent + 4);
    }
    return hierarchy(identifier("hierarchy", section.id.value), object_id, children, indent);
  }

  std::string hierarchy(const std::string& id, const std::string& object,
                        const std::string& children, int indent) const {
    std::string pad(static_cast<std::size_t>(indent), ' ');
    std::string out =
        fmt::format("{}<SPEC-HIERARCHY IDENTIFIER=\"{}\" LAST-CHANGE=\"{}\">\n", pad, id, m_time);
    if (!children.empty()) {
      out += pad + "  <CHILDREN>\n" + children + pad + "  </CHILDREN>\n";
    }
    out += fmt::format(
        "{0}  <OBJECT><SPEC-OBJECT-REF>{1}</SPEC-OBJECT-REF></OBJECT>\n{0}</SPEC-HIERARCHY>\n", pad,
        object);
    return out;
  }

  std::string requirement_object(const spec::Requirement& r, int indent) {
    std::string object_id = identifier("requirement", r.id.value);
    std::string verification;
    for (spec::Verification method : r.verification) {
      verification += (verification.empty() ? "" : ", ") + std::string(spec::name(method));
    }
    std::string values = string_value("leaspec-requirement-id", r.id.value, 10);
    values += fmt::format(
        "            <ATTRIBUTE-VALUE-XHTML><THE-VALUE><xhtml:div>{}</xhtml:div></THE-VALUE>"
        "<DEFINITION><ATTRIBUTE-DEFINITION-XHTML-REF>leaspec-requirement-text"
        "</ATTRIBUTE-DEFINITION-XHTML-REF></DEFINITION></ATTRIBUTE-VALUE-XHTML>\n",
        text::xml_escape(text::clean_text(r.text.value)));
    values += fmt::format(
        "            "
        "<ATTRIBUTE-VALUE-ENUMERATION><DEFINITION><ATTRIBUTE-DEFINITION-ENUMERATION-REF>"
        "leaspec-requirement-priority</ATTRIBUTE-DEFINITION-ENUMERATION-REF></DEFINITION><VALUES>"
        "<ENUM-VALUE-REF>leaspec-priority-{}</ENUM-VALUE-REF></VALUES></"
        "ATTRIBUTE-VALUE-ENUMERATION>\n",
        spec::name(r.priority.value));
    if (!verification.empty()) {
      values += string_value("leaspec-requirement-verification", verification, 10);
    }
    if (r.kind) {
      values += string_value("leaspec-requirement-kind", std::string(spec::name(*r.kind)), 10);
    }
    if (!r.rationale.empty()) {
      values += string_value("leaspec-requirement-rationale", text::clean_text(r.rationale), 10);
    }
    m_objects += fmt::format(
        "        <SPEC-OBJECT IDENTIFIER=\"{}\" LAST-CHANGE=\"{}\" LONG-NAME=\"{}\">\n          "
        "<VALUES>\n{}"
        "          </VALUES>\n          "
        "<TYPE><SPEC-OBJECT-TYPE-REF>leaspec-requirement-type</SPEC-OBJECT-TYPE-REF></TYPE>\n"
        "        </SPEC-OBJECT>\n",
        object_id, m_time, text::xml_escape(r.id.value), values);
    for (const spec::Text& dependency : r.depends_on) {
      m_relations += fmt::format(
          "        <SPEC-RELATION IDENTIFIER=\"{}\" LAST-CHANGE=\"{}\">\n"
          "          <SOURCE><SPEC-OBJECT-REF>{}</SPEC-OBJECT-REF></SOURCE>\n"
          "          <TARGET><SPEC-OBJECT-REF>{}</SPEC-OBJECT-REF></TARGET>\n"
          "          "
          "<TYPE><SPEC-RELATION-TYPE-REF>leaspec-depends-on</SPEC-RELATION-TYPE-REF></TYPE>\n"
          "        </SPEC-RELATION>\n",
          identifier("relation", r.id.value + "--" + dependency.value), m_time, object_id,
          identifier("requirement", dependency.value));
    }
    return hierarchy(identifier("hierarchy", r.id.value), object_id, "", indent);
  }

  const spec::Spec& m_spec;
  std::string m_time;
  std::string m_objects;
  std::string m_relations;
  std::string m_hierarchy;
};

}  // namespace

std::string to_reqif(const spec::Spec& spec, const Source& source) {
  ReqifWriter writer(spec, source);
  writer.build();
  return writer.write(source);
}

}  // namespace leaspec::exports
