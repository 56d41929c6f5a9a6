// The normalised spec as JSON: every default filled in, every id resolved to what it names.
#include <nlohmann/json.hpp>

#include "leaspec/doc.hpp"
#include "leaspec/export.hpp"

namespace leaspec::exports {
namespace {

using Json = nlohmann::ordered_json;

Json texts(const std::vector<spec::Text>& items) {
  Json list = Json::array();
  for (const spec::Text& item : items) {
    list.push_back(item.value);
  }
  return list;
}

/// A vocabulary value by its name, or null.
template <class E>
Json named(const std::optional<E>& value) {
  return value ? Json(spec::name(*value)) : Json(nullptr);
}

Json number_or_text(const std::string& text, double value) {
  if (text.find_first_not_of("-0123456789") == std::string::npos && !text.empty()) {
    return static_cast<std::int64_t>(value);
  }
  return value;
}

class JsonExport {
 public:
  JsonExport(const spec::Spec& spec, const catalog::Catalogs& catalogs)
      : m_spec(spec), m_catalogs(catalogs) {}

  Json build(const Source& source) {
    Json out;
    out["leaspec"] = 1;
    out["id"] = m_spec.id.value;
    out["title"] = m_spec.title;
    out["version"] = m_spec.version;
    out["status"] = spec::name(m_spec.status.value);
    out["area"] = spec::name(m_spec.area);
    out["date"] = m_spec.date.empty() ? Json(nullptr) : Json(m_spec.date);
    out["language"] = m_spec.language;
    out["summary"] = m_spec.summary;
    out["standard"] = m_spec.standard ? standard(*m_spec.standard) : Json(nullptr);
    Json conforms = Json::array();
    for (const spec::Conformance& c : m_spec.conforms_to) {
      conforms.push_back({{"standard", c.standard.value}, {"version", c.version.value}});
    }
    out["conforms_to"] = std::move(conforms);
    Json authors = Json::array();
    for (const spec::Author& author : m_spec.authors) {
      authors.push_back({{"name", author.name}, {"organisation", author.organisation}});
    }
    out["authors"] = std::move(authors);
    Json agencies = Json::array();
    for (const spec::Agency& agency : m_spec.agencies) {
      agencies.push_back({{"id", agency.id.value},
                          {"name", agency.name},
                          {"country", agency.country.value},
                          {"role", spec::name(agency.role)}});
    }
    out["agencies"] = std::move(agencies);
    Json definitions = Json::array();
    for (const spec::Definition& definition : m_spec.definitions) {
      definitions.push_back({{"term", definition.term.value},
                             {"definition", definition.definition},
                             {"source", definition.source}});
    }
    out["definitions"] = std::move(definitions);
    Json references = Json::array();
    for (const spec::Reference& reference : m_spec.references) {
      const catalog::Standard* known = m_catalogs.find_standard(reference.designation.value);
      references.push_back({{"id", reference.id.value},
                            {"designation", reference.designation.value},
                            {"title", reference.title},
                            {"type", spec::name(reference.type_or_default())},
                            {"catalog_status", known ? Json(known->status) : Json(nullptr)}});
    }
    out["references"] = std::move(references);
    out["procurement"] = m_spec.procurement ? procurement(*m_spec.procurement) : Json(nullptr);
    out["sections"] = Json::array();  // written one by one by to_json
    out["source"] = {{"file", source.name}, {"sha256", source.sha256}};
    return out;
  }

  Json section(const spec::Section& s) {
    Json requirements = Json::array();
    for (const spec::Requirement& r : s.requirements) {
      requirements.push_back(requirement(r, s));
    }
    Json children = Json::array();
    for (const spec::Section& child : s.sections) {
      children.push_back(section(child));
    }
    return {{"id", s.id.value},
            {"title", s.title.value},
            {"intro", s.intro},
            {"requirements", std::move(requirements)},
            {"sections", std::move(children)}};
  }

 private:
  Json procurement(const spec::Procurement& p) {
    Json out;
    out["reference"] = p.reference;
    out["procedure"] = named(p.procedure);
    out["nature"] = p.nature ? Json(spec::name(p.nature->value)) : Json(nullptr);
    out["framework_agreement"] = p.framework_agreement.value_or(false);
    out["duration_months"] = p.duration_months ? Json(*p.duration_months) : Json(nullptr);
    out["cpv"] = cpv_list(p.cpv);
    Json lots = Json::array();
    for (const spec::Lot& lot : p.lots) {
      Json quantities = Json::object();
      std::int64_t total = 0;
      for (const spec::Quantity& quantity : lot.quantities) {
        quantities[quantity.agency.value] = quantity.amount;
        total += quantity.amount;
      }
      Json value = nullptr;
      if (lot.estimated_value) {
        value = {{"amount",
                  number_or_text(lot.estimated_value->amount_text, lot.estimated_value->amount)},
                 {"currency", lot.estimated_value->currency}};
      }
      lots.push_back({{"id", lot.id.value},
                      {"title", lot.title},
                      {"nature", lot.nature ? Json(spec::name(lot.nature->value)) : Json(nullptr)},
                      {"cpv", cpv_list(lot.cpv)},
                      {"quantities", quantities},
                      {"total_quantity", total},
                      {"estimated_value", value},
                      {"award", lot.award ? award(*lot.award) : Json(nullptr)}});
    }
    out["lots"] = lots;
    out["award"] = p.award ? award(*p.award) : Json(nullptr);
    out["joint"] = p.joint ? joint(*p.joint) : Json(nullptr);
    return out;
  }

  static Json award(const spec::Award& a) {
    Json criteria = Json::array();
    for (const spec::Criterion& criterion : a.criteria) {
      criteria.push_back(
          {{"id", criterion.id.value},
           {"name", criterion.name},
           {"type", spec::name(criterion.type)},
           {"weight", number_or_text(criterion.weight_text, criterion.weight)},
           {"scoring", criterion.scoring.empty() ? Json(nullptr) : Json(criterion.scoring)},
           {"requirements", texts(criterion.requirements)}});
    }
    return {{"method", spec::name(a.method.value)}, {"criteria", criteria}};
  }

  static Json joint(const spec::JointProcurement& j) {
    Json responsibilities = Json::array();
    for (const spec::Responsibility& r : j.responsibilities) {
      responsibilities.push_back({{"agency", r.agency.value}, {"task", r.task}});
    }
    return {{"applicable_law", j.applicable_law},
            {"lead_authority", j.lead_authority.value},
            {"responsibilities", responsibilities}};
  }

  static Json standard(const spec::StandardInfo& info) {
    auto optional_text = [](const std::string& text) {
      return text.empty() ? Json(nullptr) : Json(text);
    };
    return {{"deliverable", spec::name(info.deliverable)},
            {"number", optional_text(info.number)},
            {"committee", info.committee},
            {"secretariat", optional_text(info.secretariat)},
            {"chair", optional_text(info.chair)},
            {"stage", spec::name(info.stage)},
            {"introduction", optional_text(info.introduction)},
            {"scope", optional_text(info.scope)}};
  }

  Json cpv_list(const std::vector<spec::Text>& codes) {
    Json list = Json::array();
    for (const spec::Text& code : codes) {
      std::optional<catalog::CpvEntry> entry = m_catalogs.cpv().find(code.value);
      list.push_back({{"code", code.value}, {"label", entry ? Json(entry->label) : Json(nullptr)}});
    }
    return list;
  }

  Json requirement(const spec::Requirement& r, const spec::Section& s) {
    Json references = Json::array();
    for (const spec::ReferenceUse& use : r.references) {
      Json entry{{"ref", use.ref.value}};
      for (const spec::Reference& reference : m_spec.references) {
        if (reference.id.value == use.ref.value) {
          entry["designation"] = reference.designation.value;
          entry["title"] = reference.title;
        }
      }
      entry["clause"] = use.clause.empty() ? Json(nullptr) : Json(use.clause);
      references.push_back(entry);
    }
    // Absent lots mean every lot.
    Json lots = texts(r.lots);
    if (r.lots.empty() && m_spec.procurement) {
      for (const spec::Lot& lot : m_spec.procurement->lots) {
        lots.push_back(lot.id.value);
      }
    }
    Json metric = nullptr;
    if (r.metric) {
      const spec::Metric& m = *r.metric;
      metric = {{"parameter", m.parameter.value}};
      if (m.op && m.value) {
        metric["op"] = spec::name(*m.op);
        metric["value"] = number_or_text(m.value_text, *m.value);
      }
      if (m.min) {
        metric["min"] = number_or_text(m.min_text, *m.min);
      }
      if (m.max) {
        metric["max"] = number_or_text(m.max_text, *m.max);
      }
      if (!m.op) {
        metric["range"] = spec::name(m.range_kind());
      }
      metric["unit"] = m.unit.value;
    }
    Json verification = Json::array();
    for (spec::Verification method : r.verification) {
      verification.push_back(spec::name(method));
    }
    return {{"id", r.id.value},
            {"section", s.id.value},
            {"text", r.text.value},
            {"priority", spec::name(r.priority.value)},
            {"verbal_form", spec::verbal_form(r.priority.value)},
            {"kind", named(r.kind)},
            {"verification", verification},
            {"metric", metric},
            {"references", references},
            {"lots", lots},
            {"requested_by", texts(r.requested_by)},
            {"depends_on", texts(r.depends_on)},
            {"implements", texts(r.implements)},
            {"rationale", r.rationale},
            {"note", r.note},
            {"tags", r.tags}};
  }

  const spec::Spec& m_spec;
  const catalog::Catalogs& m_catalogs;
};

}  // namespace

std::string export_timestamp(const spec::Spec& spec, const text::Timestamp& source_date_epoch) {
  if (source_date_epoch.seconds) {
    return source_date_epoch.iso8601();
  }
  if (!spec.date.empty()) {
    return spec.date + "T00:00:00Z";
  }
  return "1970-01-01T00:00:00Z";
}

std::string to_json(const spec::Spec& spec, const Source& source,
                    const catalog::Catalogs& catalogs) {
  // The sections are turned into JSON and written one at a time, so that a large spec is
  // never held as one JSON tree; the text is what dumping the whole tree would give.
  JsonExport exporter(spec, catalogs);
  std::string text = exporter.build(source).dump(2, ' ', false, Json::error_handler_t::replace);
  text += '\n';
  if (spec.sections.empty()) {
    return text;
  }
  constexpr std::string_view k_placeholder = "\n  \"sections\": [],\n";
  std::size_t at = text.find(k_placeholder);
  std::string out = text.substr(0, at) + "\n  \"sections\": [";
  for (std::size_t i = 0; i < spec.sections.size(); ++i) {
    std::string section =
        exporter.section(spec.sections[i]).dump(2, ' ', false, Json::error_handler_t::replace);
    out += i == 0 ? "\n    " : ",\n    ";
    for (char c : section) {
      out += c;
      if (c == '\n') {
        out += "    ";  // two levels deeper; JSON strings hold no raw line breaks
      }
    }
  }
  out += "\n  ],\n";
  out.append(text, at + k_placeholder.size());
  return out;
}

}  // namespace leaspec::exports
