// Writing a spec back as YAML in the spec format, keys in the canonical order.
#include <fmt/format.h>

#include "leaspec/joint.hpp"

namespace leaspec::joint {
namespace {

bool plain_safe(const std::string& text) {
  if (text.empty() || !std::isalpha(static_cast<unsigned char>(text[0]))) {
    return false;
  }
  static const char* const k_reserved[] = {"true", "false", "null", "yes", "no",
                                           "on",   "off",   "y",    "n",   "~"};
  for (const char* word : k_reserved) {
    std::string lowered;
    for (char c : text) {
      lowered += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (lowered == word) {
      return false;
    }
  }
  for (char c : text) {
    if (!std::isalnum(static_cast<unsigned char>(c)) &&
        std::string_view(" _./()-").find(c) == std::string_view::npos) {
      return false;
    }
  }
  return text.back() != ' ';
}

/// A scalar that reads back as the same string.
std::string scalar(const std::string& text) {
  if (plain_safe(text)) {
    return text;
  }
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\x{:02X}", static_cast<unsigned char>(c));
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    out += (i ? ", " : "") + scalar(items[i]);
  }
  return out + "]";
}

std::vector<std::string> values(const std::vector<spec::Text>& items) {
  std::vector<std::string> out;
  out.reserve(items.size());
  for (const spec::Text& item : items) {
    out.push_back(item.value);
  }
  return out;
}

class Emitter {
 public:
  explicit Emitter(const MergeResult& result) : m_result(result) {}

  std::string run() {
    const spec::Spec& s = m_result.joint;
    m_out = "# A joint spec merged by leaspec; each requirement says which inputs it came from.\n";
    key(0, "leaspec", "1");
    key(0, "id", scalar(s.id.value));
    key(0, "title", scalar(s.title));
    key(0, "version", scalar(s.version));
    key(0, "status", scalar(s.status));
    key(0, "area", scalar(s.area));
    if (!s.date.empty()) {
      key(0, "date", scalar(s.date));
    }
    key(0, "language", scalar(s.language));
    if (!s.summary.empty()) {
      key(0, "summary", scalar(s.summary));
    }
    if (!s.conforms_to.empty()) {
      key(0, "conforms_to", list(values(s.conforms_to)));
    }
    if (!s.authors.empty()) {
      m_out += "authors:\n";
      for (const spec::Author& author : s.authors) {
        m_out += "  - name: " + scalar(author.name) + "\n";
        if (!author.organisation.empty()) {
          m_out += "    organisation: " + scalar(author.organisation) + "\n";
        }
      }
    }
    if (!s.agencies.empty()) {
      m_out += "agencies:\n";
      for (const spec::Agency& a : s.agencies) {
        m_out += fmt::format("  - {{id: {}, name: {}, country: {}, role: {}}}\n",
                             scalar(a.id.value), scalar(a.name), scalar(a.country.value), a.role);
      }
    }
    if (!s.definitions.empty()) {
      m_out += "definitions:\n";
      for (const spec::Definition& d : s.definitions) {
        m_out += "  - term: " + scalar(d.term) + "\n    definition: " + scalar(d.definition) + "\n";
        if (!d.source.empty()) {
          m_out += "    source: " + scalar(d.source) + "\n";
        }
      }
    }
    if (!s.references.empty()) {
      m_out += "references:\n";
      for (const spec::Reference& r : s.references) {
        m_out += "  - id: " + scalar(r.id.value) +
                 "\n    designation: " + scalar(r.designation.value) +
                 "\n    title: " + scalar(r.title) + "\n";
        if (!r.type.empty()) {
          m_out += "    type: " + r.type + "\n";
        }
      }
    }
    if (s.procurement) {
      procurement(*s.procurement);
    }
    m_out += "sections:\n";
    for (const spec::Section& section : s.sections) {
      this->section(section, 1);
    }
    return m_out;
  }

 private:
  void key(int indent, std::string_view name, const std::string& value) {
    m_out += fmt::format("{}{}: {}\n", std::string(static_cast<std::size_t>(indent) * 2, ' '), name,
                         value);
  }

  void procurement(const spec::Procurement& p) {
    m_out += "procurement:\n";
    if (!p.reference.empty()) {
      key(1, "reference", scalar(p.reference));
    }
    if (!p.procedure.empty()) {
      key(1, "procedure", p.procedure);
    }
    if (!p.nature.value.empty()) {
      key(1, "nature", p.nature.value);
    }
    if (p.framework_agreement) {
      key(1, "framework_agreement", *p.framework_agreement ? "true" : "false");
    }
    if (p.duration_months) {
      key(1, "duration_months", std::to_string(*p.duration_months));
    }
    if (!p.cpv.empty()) {
      key(1, "cpv", list(values(p.cpv)));
    }
    if (!p.lots.empty()) {
      m_out += "  lots:\n";
      for (const spec::Lot& lot : p.lots) {
        m_out += "    - id: " + scalar(lot.id.value) + "\n      title: " + scalar(lot.title) + "\n";
        if (!lot.cpv.empty()) {
          m_out += "      cpv: " + list(values(lot.cpv)) + "\n";
        }
        m_out += "      quantities:\n";
        for (const spec::Quantity& q : lot.quantities) {
          m_out += fmt::format("        {}: {}\n", scalar(q.agency.value), q.amount);
        }
        if (lot.estimated_value) {
          m_out +=
              fmt::format("      estimated_value: {{amount: {}, currency: {}}}\n",
                          lot.estimated_value->amount_text, scalar(lot.estimated_value->currency));
        }
      }
    }
    if (p.award) {
      m_out += "  award:\n    method: " + p.award->method.value + "\n    criteria:\n";
      for (const spec::Criterion& c : p.award->criteria) {
        m_out += fmt::format("      - {{id: {}, name: {}, type: {}, weight: {}", scalar(c.id.value),
                             scalar(c.name), c.type, c.weight_text);
        if (!c.requirements.empty()) {
          m_out += ", requirements: " + list(values(c.requirements));
        }
        m_out += "}\n";
      }
    }
  }

  void section(const spec::Section& s, int depth) {
    std::string pad(static_cast<std::size_t>(depth - 1) * 4, ' ');
    m_out += pad + "  - id: " + scalar(s.id.value) + "\n" + pad +
             "    title: " + scalar(s.title.value) + "\n";
    if (!s.intro.empty()) {
      m_out += pad + "    intro: " + scalar(s.intro) + "\n";
    }
    if (!s.requirements.empty() || s.sections.empty()) {
      m_out += pad + "    requirements:\n";
      if (s.requirements.empty()) {
        m_out.pop_back();
        m_out += " []\n";
      }
    }
    for (const spec::Requirement& r : s.requirements) {
      requirement(r, pad + "      ");
    }
    if (!s.sections.empty()) {
      m_out += pad + "    sections:\n";
      for (const spec::Section& child : s.sections) {
        section(child, depth + 1);
      }
    }
  }

  void requirement(const spec::Requirement& r, const std::string& pad) {
    auto origins = m_result.provenance.find(r.id.value);
    if (origins != m_result.provenance.end()) {
      std::string from;
      for (const Origin& o : origins->second) {
        from += fmt::format("{}{}:{}", from.empty() ? "" : ", ", o.file, o.line);
      }
      m_out += pad + "# from " + from + "\n";
    }
    m_out += pad + "- id: " + scalar(r.id.value) + "\n";
    std::string inner = pad + "  ";
    m_out += inner + "text: " + scalar(r.text.value) + "\n";
    m_out += inner + "priority: " + r.priority.value + "\n";
    if (!r.kind.empty()) {
      m_out += inner + "kind: " + r.kind + "\n";
    }
    if (!r.verification.empty()) {
      m_out += inner + "verification: " + list(r.verification) + "\n";
    }
    if (r.metric) {
      const spec::Metric& m = *r.metric;
      std::string fields = "parameter: " + scalar(m.parameter.value);
      if (!m.op.empty()) {
        fields += fmt::format(", op: \"{}\", value: {}", m.op, m.value_text);
      }
      if (m.min) {
        fields += ", min: " + m.min_text;
      }
      if (m.max) {
        fields += ", max: " + m.max_text;
      }
      if (!m.unit.value.empty()) {
        fields += ", unit: " + scalar(m.unit.value);
      }
      m_out += inner + "metric: {" + fields + "}\n";
    }
    if (!r.references.empty()) {
      std::string refs;
      for (const spec::ReferenceUse& use : r.references) {
        refs += refs.empty() ? "" : ", ";
        refs += use.clause.empty() ? scalar(use.ref.value)
                                   : fmt::format("{{ref: {}, clause: {}}}", scalar(use.ref.value),
                                                 scalar(use.clause));
      }
      m_out += inner + "references: [" + refs + "]\n";
    }
    if (!r.lots.empty()) {
      m_out += inner + "lots: " + list(values(r.lots)) + "\n";
    }
    if (!r.requested_by.empty()) {
      m_out += inner + "requested_by: " + list(values(r.requested_by)) + "\n";
    }
    if (!r.depends_on.empty()) {
      m_out += inner + "depends_on: " + list(values(r.depends_on)) + "\n";
    }
    if (!r.rationale.empty()) {
      m_out += inner + "rationale: " + scalar(r.rationale) + "\n";
    }
    if (!r.note.empty()) {
      m_out += inner + "note: " + scalar(r.note) + "\n";
    }
    if (!r.tags.empty()) {
      m_out += inner + "tags: " + list(r.tags) + "\n";
    }
    if (!r.lint_ignore.empty()) {
      m_out += inner + "lint_ignore: " + list(r.lint_ignore) + "\n";
    }
  }

  const MergeResult& m_result;
  std::string m_out;
};

}  // namespace

std::string to_yaml(const MergeResult& result) {
  return Emitter(result).run();
}

}  // namespace leaspec::joint
