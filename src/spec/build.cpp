#include "leaspec/spec.hpp"

namespace leaspec::spec {
namespace {

std::string text_of(const yaml::Node* node) {
  return node && node->is_scalar() && node->kind != yaml::Kind::null ? node->text : std::string();
}

Text located(const yaml::Node* node) {
  if (!node) {
    return {};
  }
  return {text_of(node), node->position};
}

std::vector<Text> located_list(const yaml::Node* node) {
  std::vector<Text> result;
  if (node && node->kind == yaml::Kind::sequence) {
    for (const yaml::Node* item : node->items) {
      result.push_back(located(item));
    }
  }
  return result;
}

std::vector<std::string> text_list(const yaml::Node* node) {
  std::vector<std::string> result;
  for (Text& item : located_list(node)) {
    result.push_back(std::move(item.value));
  }
  return result;
}

template <class T, class Build>
std::vector<T> build_list(const yaml::Node* node, Build build_item) {
  std::vector<T> result;
  if (node && node->kind == yaml::Kind::sequence) {
    for (const yaml::Node* item : node->items) {
      result.push_back(build_item(*item));
    }
  }
  return result;
}

/// The position just after the last scalar below `node`, approximately where it ends.
Position end_of(const yaml::Node& node) {
  Position end = node.position;
  for (const yaml::Node* item : node.items) {
    end = std::max(end, end_of(*item));
  }
  for (const yaml::Entry& entry : node.entries) {
    end = std::max(end, end_of(*entry.value));
  }
  return end;
}

Metric build_metric(const yaml::Node& node) {
  Metric metric;
  metric.parameter = located(node.find("parameter"));
  metric.op = text_of(node.find("op"));
  metric.unit = located(node.find("unit"));
  metric.position = node.position;
  auto number = [](const yaml::Node* value, std::optional<double>& out, std::string& text) {
    if (value && value->is_number()) {
      out = value->number;
      text = value->text;
    }
  };
  number(node.find("value"), metric.value, metric.value_text);
  number(node.find("min"), metric.min, metric.min_text);
  number(node.find("max"), metric.max, metric.max_text);
  return metric;
}

Requirement build_requirement(const yaml::Node& node) {
  Requirement r;
  r.position = node.position;
  r.end = end_of(node);
  r.id = located(node.find("id"));
  r.text = located(node.find("text"));
  r.text_node = node.find("text");
  r.priority = located(node.find("priority"));
  r.kind = text_of(node.find("kind"));
  r.verification = text_list(node.find("verification"));
  if (const yaml::Node* metric = node.find("metric")) {
    r.metric = build_metric(*metric);
  }
  r.references = build_list<ReferenceUse>(node.find("references"), [](const yaml::Node& item) {
    if (item.kind == yaml::Kind::mapping) {
      return ReferenceUse{located(item.find("ref")), text_of(item.find("clause"))};
    }
    return ReferenceUse{located(&item), ""};
  });
  r.lots = located_list(node.find("lots"));
  r.requested_by = located_list(node.find("requested_by"));
  r.depends_on = located_list(node.find("depends_on"));
  r.rationale = text_of(node.find("rationale"));
  r.note = text_of(node.find("note"));
  r.tags = text_list(node.find("tags"));
  r.lint_ignore = text_list(node.find("lint_ignore"));
  return r;
}

Section build_section(const yaml::Node& node) {
  Section section;
  section.position = node.position;
  section.id = located(node.find("id"));
  section.title = located(node.find("title"));
  section.intro = text_of(node.find("intro"));
  section.requirements = build_list<Requirement>(node.find("requirements"), build_requirement);
  section.sections = build_list<Section>(node.find("sections"), build_section);
  return section;
}

Lot build_lot(const yaml::Node& node) {
  Lot lot;
  lot.position = node.position;
  lot.id = located(node.find("id"));
  lot.title = text_of(node.find("title"));
  lot.cpv = located_list(node.find("cpv"));
  if (const yaml::Node* quantities = node.find("quantities")) {
    for (const yaml::Entry& entry : quantities->entries) {
      lot.quantities.push_back({{entry.key->text, entry.key->position}, entry.value->integer});
    }
  }
  if (const yaml::Node* value = node.find("estimated_value")) {
    const yaml::Node* amount = value->find("amount");
    lot.estimated_value =
        Money{amount ? amount->number : 0, text_of(amount), text_of(value->find("currency"))};
  }
  return lot;
}

Criterion build_criterion(const yaml::Node& node) {
  Criterion criterion;
  criterion.position = node.position;
  criterion.id = located(node.find("id"));
  criterion.name = text_of(node.find("name"));
  criterion.type = text_of(node.find("type"));
  if (const yaml::Node* weight = node.find("weight")) {
    criterion.weight = weight->number;
    criterion.weight_text = weight->text;
  }
  criterion.requirements = located_list(node.find("requirements"));
  return criterion;
}

Procurement build_procurement(const yaml::Node& node) {
  Procurement p;
  p.position = node.position;
  p.reference = text_of(node.find("reference"));
  p.procedure = text_of(node.find("procedure"));
  p.nature = located(node.find("nature"));
  if (const yaml::Node* framework = node.find("framework_agreement")) {
    p.framework_agreement = framework->boolean;
  }
  if (const yaml::Node* duration = node.find("duration_months")) {
    p.duration_months = duration->integer;
  }
  p.cpv = located_list(node.find("cpv"));
  p.lots = build_list<Lot>(node.find("lots"), build_lot);
  if (const yaml::Node* award = node.find("award")) {
    Award a;
    a.position = award->position;
    a.method = located(award->find("method"));
    a.criteria = build_list<Criterion>(award->find("criteria"), build_criterion);
    p.award = std::move(a);
  }
  return p;
}

}  // namespace

Spec build(const yaml::Node& root, const std::string& file) {
  Spec spec;
  spec.file = file;
  spec.id = located(root.find("id"));
  spec.title = text_of(root.find("title"));
  spec.version = text_of(root.find("version"));
  spec.status = text_of(root.find("status"));
  spec.area = text_of(root.find("area"));
  spec.date = text_of(root.find("date"));
  if (const yaml::Node* language = root.find("language")) {
    spec.language = language->text;
  }
  spec.summary = text_of(root.find("summary"));
  spec.conforms_to = located_list(root.find("conforms_to"));
  spec.authors = build_list<Author>(root.find("authors"), [](const yaml::Node& item) {
    return Author{text_of(item.find("name")), text_of(item.find("organisation"))};
  });
  spec.agencies = build_list<Agency>(root.find("agencies"), [](const yaml::Node& item) {
    return Agency{located(item.find("id")), text_of(item.find("name")),
                  located(item.find("country")), text_of(item.find("role")), item.position};
  });
  spec.definitions = build_list<Definition>(root.find("definitions"), [](const yaml::Node& item) {
    return Definition{text_of(item.find("term")), text_of(item.find("definition")),
                      text_of(item.find("source"))};
  });
  spec.references = build_list<Reference>(root.find("references"), [](const yaml::Node& item) {
    return Reference{located(item.find("id")), located(item.find("designation")),
                     text_of(item.find("title")), text_of(item.find("type")), item.position};
  });
  if (const yaml::Node* procurement = root.find("procurement")) {
    spec.procurement = build_procurement(*procurement);
  }
  spec.sections = build_list<Section>(root.find("sections"), build_section);
  return spec;
}

const std::string& tender_reference(const Spec& spec) {
  return spec.procurement && !spec.procurement->reference.empty() ? spec.procurement->reference
                                                                  : spec.id.value;
}

namespace {

void visit_sections(const std::vector<Section>& sections,
                    const std::function<void(const Section&)>& visit) {
  for (const Section& section : sections) {
    visit(section);
    visit_sections(section.sections, visit);
  }
}

}  // namespace

void for_each_section(const Spec& spec, const std::function<void(const Section&)>& visit) {
  visit_sections(spec.sections, visit);
}

void for_each_requirement(const Spec& spec,
                          const std::function<void(const Requirement&, const Section&)>& visit) {
  for_each_section(spec, [&](const Section& section) {
    for (const Requirement& requirement : section.requirements) {
      visit(requirement, section);
    }
  });
}

}  // namespace leaspec::spec
