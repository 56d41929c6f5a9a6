// Writing a spec back as YAML in the spec format, keys in the canonical order.
#include <fmt/format.h>

#include "leaspec/spec.hpp"
#include "leaspec/text.hpp"

namespace leaspec::spec {
namespace {

bool plain_safe(const std::string& text) {
  if (text.empty() || !std::isalpha(static_cast<unsigned char>(text[0]))) {
    return false;
  }
  std::string lowered = text::ascii_lower(text);
  for (std::string_view word : {"true", "false", "null", "yes", "no", "on", "off", "y", "n"}) {
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

std::string flow_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    out += (i ? ", " : "") + scalar(items[i]);
  }
  return out + "]";
}

std::vector<std::string> values(const std::vector<Text>& items) {
  std::vector<std::string> out;
  out.reserve(items.size());
  for (const Text& item : items) {
    out.push_back(item.value);
  }
  return out;
}

template <class E>
std::vector<std::string> names(const std::vector<E>& items) {
  std::vector<std::string> out;
  out.reserve(items.size());
  for (E item : items) {
    out.emplace_back(name(item));
  }
  return out;
}

/// Writes block YAML: `key` lines at an indentation, list items that open a mapping.
class Writer {
 public:
  /// `key: value` at the current indentation; nothing for an empty value.
  void key(std::string_view name, const std::string& value) {
    if (!value.empty()) {
      line(fmt::format("{}: {}", name, value));
    }
  }
  void text(std::string_view name, const std::string& value) {
    if (!value.empty()) {
      key(name, scalar(value));
    }
  }
  void list(std::string_view name, const std::vector<std::string>& items) {
    if (!items.empty()) {
      key(name, flow_list(items));
    }
  }
  /// `name:` and the lines `body` writes one level deeper.
  template <class Body>
  void block(std::string_view name, Body body) {
    line(fmt::format("{}:", name));
    m_indent += 2;
    body();
    m_indent -= 2;
  }
  /// A list item whose mapping `body` writes; its first line follows the dash.
  template <class Body>
  void item(Body body) {
    m_dash = true;
    m_indent += 2;
    body();
    m_indent -= 2;
    m_dash = false;
  }
  /// A list item written on one line, such as a flow mapping.
  void flow_item(const std::string& text) { line("- " + text); }
  void comment(const std::string& text) { line("# " + text); }
  std::string take() { return std::move(m_out); }

 private:
  void line(const std::string& text) {
    if (m_dash) {
      m_out += std::string(static_cast<std::size_t>(m_indent - 2), ' ') + "- " + text + "\n";
      m_dash = false;
    } else {
      m_out += std::string(static_cast<std::size_t>(m_indent), ' ') + text + "\n";
    }
  }

  std::string m_out;
  int m_indent = 0;
  bool m_dash = false;
};

class Emitter {
 public:
  Emitter(const Spec& spec, const RequirementComment& comment) : m_spec(spec), m_comment(comment) {}

  std::string run(const std::string& header) {
    if (!header.empty()) {
      m_out.comment(header);
    }
    front_matter();
    m_out.block("sections", [&] {
      for (const Section& section : m_spec.sections) {
        this->section(section);
      }
    });
    return m_out.take();
  }

  /// Every top-level key but `sections`.
  std::string run_front_matter() {
    front_matter();
    return m_out.take();
  }

  static std::string metric(const Metric& m) {
    std::string fields = "parameter: " + scalar(m.parameter.value);
    if (m.op) {
      fields += fmt::format(", op: \"{}\", value: {}", name(*m.op), m.value_text);
    }
    if (m.min) {
      fields += ", min: " + m.min_text;
    }
    if (m.max) {
      fields += ", max: " + m.max_text;
    }
    if (m.range) {
      fields += fmt::format(", range: {}", name(*m.range));
    }
    if (!m.unit.value.empty()) {
      fields += ", unit: " + scalar(m.unit.value);
    }
    return "{" + fields + "}";
  }

  static std::string references(const std::vector<ReferenceUse>& uses) {
    std::string refs;
    for (const ReferenceUse& use : uses) {
      refs += refs.empty() ? "" : ", ";
      refs += use.clause.empty() ? scalar(use.ref.value)
                                 : fmt::format("{{ref: {}, clause: {}}}", scalar(use.ref.value),
                                               scalar(use.clause));
    }
    return "[" + refs + "]";
  }

 private:
  void front_matter() {
    const Spec& s = m_spec;
    m_out.key("leaspec", "1");
    m_out.text("id", s.id.value);
    m_out.text("title", s.title);
    m_out.text("version", s.version);
    m_out.key("status", std::string(name(s.status.value)));
    m_out.key("area", std::string(name(s.area)));
    m_out.text("date", s.date);
    m_out.text("language", s.language);
    if (!s.translations.empty()) {
      m_out.key("translations", flow_list(values(s.translations)));
    }
    m_out.text("summary", s.summary);
    if (s.standard) {
      standard(*s.standard);
    }
    if (!s.conforms_to.empty()) {
      m_out.block("conforms_to", [&] {
        for (const Conformance& c : s.conforms_to) {
          m_out.item([&] {
            m_out.text("standard", c.standard.value);
            m_out.key("version", scalar(c.version.value));
          });
        }
      });
    }
    header_lists();
    if (s.procurement) {
      procurement(*s.procurement);
    }
  }

  void standard(const StandardInfo& info) {
    m_out.block("standard", [&] {
      m_out.key("deliverable", std::string(name(info.deliverable)));
      m_out.text("number", info.number);
      m_out.text("committee", info.committee);
      m_out.text("secretariat", info.secretariat);
      m_out.text("chair", info.chair);
      m_out.key("stage", std::string(name(info.stage)));
      m_out.text("introduction", info.introduction);
      m_out.text("scope", info.scope);
    });
  }

  void header_lists() {
    const Spec& s = m_spec;
    if (!s.authors.empty()) {
      m_out.block("authors", [&] {
        for (const Author& author : s.authors) {
          m_out.item([&] {
            m_out.text("name", author.name);
            m_out.text("organisation", author.organisation);
          });
        }
      });
    }
    if (!s.agencies.empty()) {
      m_out.block("agencies", [&] {
        for (const Agency& a : s.agencies) {
          m_out.flow_item(fmt::format("{{id: {}, name: {}, country: {}, role: {}}}",
                                      scalar(a.id.value), scalar(a.name), scalar(a.country.value),
                                      name(a.role)));
        }
      });
    }
    if (!s.definitions.empty()) {
      m_out.block("definitions", [&] {
        for (const Definition& d : s.definitions) {
          m_out.item([&] {
            m_out.text("term", d.term.value);
            m_out.text("definition", d.definition);
            m_out.text("source", d.source);
          });
        }
      });
    }
    if (!s.references.empty()) {
      m_out.block("references", [&] {
        for (const Reference& r : s.references) {
          m_out.item([&] {
            m_out.text("id", r.id.value);
            m_out.text("designation", r.designation.value);
            m_out.text("title", r.title);
            if (r.type) {
              m_out.key("type", std::string(name(*r.type)));
            }
          });
        }
      });
    }
  }

  void award(const Award& a) {
    m_out.block("award", [&] {
      m_out.key("method", std::string(name(a.method.value)));
      m_out.block("criteria", [&] {
        for (const Criterion& c : a.criteria) {
          m_out.item([&] {
            m_out.text("id", c.id.value);
            m_out.text("name", c.name);
            m_out.key("type", std::string(name(c.type)));
            m_out.key("weight", c.weight_text);
            m_out.text("scoring", c.scoring);
            m_out.list("requirements", values(c.requirements));
          });
        }
      });
    });
  }

  void lot(const Lot& lot) {
    m_out.item([&] {
      m_out.text("id", lot.id.value);
      m_out.text("title", lot.title);
      if (lot.nature) {
        m_out.key("nature", std::string(name(lot.nature->value)));
      }
      m_out.list("cpv", values(lot.cpv));
      m_out.block("quantities", [&] {
        for (const Quantity& q : lot.quantities) {
          m_out.key(scalar(q.agency.value), std::to_string(q.amount));
        }
      });
      if (lot.estimated_value) {
        m_out.key("estimated_value",
                  fmt::format("{{amount: {}, currency: {}}}", lot.estimated_value->amount_text,
                              scalar(lot.estimated_value->currency)));
      }
      if (lot.award) {
        award(*lot.award);
      }
    });
  }

  void procurement(const Procurement& p) {
    m_out.block("procurement", [&] {
      m_out.text("reference", p.reference);
      if (p.procedure) {
        m_out.key("procedure", std::string(name(*p.procedure)));
      }
      if (p.nature) {
        m_out.key("nature", std::string(name(p.nature->value)));
      }
      if (p.framework_agreement) {
        m_out.key("framework_agreement", *p.framework_agreement ? "true" : "false");
      }
      if (p.duration_months) {
        m_out.key("duration_months", std::to_string(*p.duration_months));
      }
      m_out.list("cpv", values(p.cpv));
      if (!p.lots.empty()) {
        m_out.block("lots", [&] {
          for (const Lot& l : p.lots) {
            lot(l);
          }
        });
      }
      if (p.award) {
        award(*p.award);
      }
      if (p.joint) {
        joint(*p.joint);
      }
    });
  }

  void joint(const JointProcurement& j) {
    m_out.block("joint", [&] {
      m_out.text("applicable_law", j.applicable_law);
      m_out.text("lead_authority", j.lead_authority.value);
      if (!j.responsibilities.empty()) {
        m_out.block("responsibilities", [&] {
          for (const Responsibility& r : j.responsibilities) {
            m_out.item([&] {
              m_out.text("agency", r.agency.value);
              m_out.text("task", r.task);
            });
          }
        });
      }
    });
  }

  void section(const Section& s) {
    m_out.item([&] {
      m_out.text("id", s.id.value);
      m_out.text("title", s.title.value);
      m_out.text("intro", s.intro);
      if (!s.requirements.empty() || s.sections.empty()) {
        if (s.requirements.empty()) {
          m_out.key("requirements", "[]");
        } else {
          m_out.block("requirements", [&] {
            for (const Requirement& r : s.requirements) {
              requirement(r);
            }
          });
        }
      }
      if (!s.sections.empty()) {
        m_out.block("sections", [&] {
          for (const Section& child : s.sections) {
            section(child);
          }
        });
      }
    });
  }

  void requirement(const Requirement& r) {
    if (m_comment) {
      if (std::string note = m_comment(r); !note.empty()) {
        m_out.comment(note);
      }
    }
    m_out.item([&] {
      m_out.text("id", r.id.value);
      m_out.text("text", r.text.value);
      m_out.key("priority", std::string(name(r.priority.value)));
      if (r.kind) {
        m_out.key("kind", std::string(name(*r.kind)));
      }
      m_out.list("verification", names(r.verification));
      if (r.metric) {
        m_out.key("metric", metric(*r.metric));
      }
      if (!r.references.empty()) {
        m_out.key("references", references(r.references));
      }
      m_out.list("lots", values(r.lots));
      m_out.list("requested_by", values(r.requested_by));
      m_out.list("depends_on", values(r.depends_on));
      m_out.list("implements", values(r.implements));
      m_out.text("rationale", r.rationale);
      m_out.text("note", r.note);
      m_out.list("tags", r.tags);
      m_out.list("lint_ignore", r.lint_ignore);
    });
  }

  const Spec& m_spec;
  const RequirementComment& m_comment;
  Writer m_out;
};

}  // namespace

std::string to_yaml(const Spec& spec, const std::string& header,
                    const RequirementComment& comment) {
  return Emitter(spec, comment).run(header);
}

std::string yaml_scalar(const std::string& text) {
  return scalar(text);
}

std::string front_matter_yaml(const Spec& spec) {
  return Emitter(spec, {}).run_front_matter();
}

std::string metric_yaml(const Metric& metric) {
  return Emitter::metric(metric);
}

std::string references_yaml(const std::vector<ReferenceUse>& references) {
  return Emitter::references(references);
}

}  // namespace leaspec::spec
