#include <fmt/format.h>

#include "leaspec/spec.hpp"

namespace leaspec::spec {
namespace {

std::string text_of(const yaml::Node* node) {
  return node && node->is_scalar() && node->kind != yaml::Kind::null ? std::string(node->text)
                                                                     : std::string();
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
    for (const yaml::Node* item : node->items()) {
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

/// The vocabulary value a scalar names, if it names one.
template <class E>
std::optional<E> enum_of(const yaml::Node* node) {
  if (!node || !node->is_scalar()) {
    return std::nullopt;
  }
  return parse<E>(node->text);
}

/// The vocabulary value and its position, if the scalar names one.
template <class E>
std::optional<Located<E>> located_enum(const yaml::Node* node) {
  if (auto value = enum_of<E>(node)) {
    return Located<E>{*value, node->position};
  }
  return std::nullopt;
}

template <class E>
std::vector<E> enum_list(const yaml::Node* node) {
  std::vector<E> result;
  if (node && node->kind == yaml::Kind::sequence) {
    for (const yaml::Node* item : node->items()) {
      if (auto value = enum_of<E>(item)) {
        result.push_back(*value);
      }
    }
  }
  return result;
}

template <class T, class Build>
std::vector<T> build_list(const yaml::Node* node, Build build_item) {
  std::vector<T> result;
  if (node && node->kind == yaml::Kind::sequence) {
    for (const yaml::Node* item : node->items()) {
      result.push_back(build_item(*item));
    }
  }
  return result;
}

/// The position just after the last scalar below `node`, approximately where it ends.
Position end_of(const yaml::Node& node) {
  Position end = node.position;
  for (const yaml::Node* item : node.items()) {
    end = std::max(end, end_of(*item));
  }
  for (const yaml::Entry& entry : node.entries()) {
    end = std::max(end, end_of(*entry.value));
  }
  return end;
}

Metric build_metric(const yaml::Node& node) {
  Metric metric;
  metric.parameter = located(node.find("parameter"));
  metric.op = enum_of<Op>(node.find("op"));
  metric.range = enum_of<RangeKind>(node.find("range"));
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

std::vector<Section> build_sections(const yaml::Node* list, const std::string& pointer);

}  // namespace

Requirement build_requirement(const yaml::Node& node) {
  Requirement r;
  r.position = node.position;
  r.end = end_of(node);
  r.id = located(node.find("id"));
  r.text = located(node.find("text"));
  if (auto priority = located_enum<Priority>(node.find("priority"))) {
    r.priority = *priority;
  }
  r.kind = enum_of<Kind>(node.find("kind"));
  r.verification = enum_list<Verification>(node.find("verification"));
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
  r.implements = located_list(node.find("implements"));
  r.rationale = text_of(node.find("rationale"));
  r.note = text_of(node.find("note"));
  r.tags = text_list(node.find("tags"));
  r.lint_ignore = text_list(node.find("lint_ignore"));
  return r;
}

namespace {

Section build_section(const yaml::Node& node, const std::string& pointer) {
  Section section;
  section.position = node.position;
  section.pointer = pointer;
  section.id = located(node.find("id"));
  section.title = located(node.find("title"));
  section.intro = text_of(node.find("intro"));
  if (const yaml::Node* list = node.find("requirements");
      list && list->kind == yaml::Kind::sequence) {
    section.requirements.reserve(list->items().size());
    for (std::size_t i = 0; i < list->items().size(); ++i) {
      section.requirements.push_back(build_requirement(*list->items()[i]));
      section.requirements.back().pointer = fmt::format("{}/requirements/{}", pointer, i);
    }
  }
  section.sections = build_sections(node.find("sections"), pointer + "/sections");
  return section;
}

std::vector<Section> build_sections(const yaml::Node* list, const std::string& pointer) {
  std::vector<Section> sections;
  if (list && list->kind == yaml::Kind::sequence) {
    sections.reserve(list->items().size());
    for (std::size_t i = 0; i < list->items().size(); ++i) {
      sections.push_back(build_section(*list->items()[i], fmt::format("{}/{}", pointer, i)));
    }
  }
  return sections;
}

Criterion build_criterion(const yaml::Node& node) {
  Criterion criterion;
  criterion.position = node.position;
  criterion.id = located(node.find("id"));
  criterion.name = text_of(node.find("name"));
  criterion.type = enum_of<CriterionType>(node.find("type")).value_or(CriterionType::quality);
  if (const yaml::Node* weight = node.find("weight")) {
    criterion.weight = weight->number;
    criterion.weight_text = weight->text;
  }
  criterion.scoring = text_of(node.find("scoring"));
  criterion.requirements = located_list(node.find("requirements"));
  return criterion;
}

std::optional<Award> build_award(const yaml::Node* node) {
  if (!node || node->kind != yaml::Kind::mapping) {
    return std::nullopt;
  }
  Award award;
  award.position = node->position;
  if (auto method = located_enum<AwardMethod>(node->find("method"))) {
    award.method = *method;
  }
  award.criteria = build_list<Criterion>(node->find("criteria"), build_criterion);
  return award;
}

Lot build_lot(const yaml::Node& node) {
  Lot lot;
  lot.position = node.position;
  lot.id = located(node.find("id"));
  lot.title = text_of(node.find("title"));
  lot.nature = located_enum<Nature>(node.find("nature"));
  lot.cpv = located_list(node.find("cpv"));
  if (const yaml::Node* quantities = node.find("quantities")) {
    for (const yaml::Entry& entry : quantities->entries()) {
      lot.quantities.push_back(
          {{std::string(entry.key->text), entry.key->position}, entry.value->integer});
    }
  }
  if (const yaml::Node* value = node.find("estimated_value")) {
    const yaml::Node* amount = value->find("amount");
    lot.estimated_value =
        Money{amount ? amount->number : 0, text_of(amount), text_of(value->find("currency"))};
  }
  lot.award = build_award(node.find("award"));
  return lot;
}

std::optional<JointProcurement> build_joint(const yaml::Node* node) {
  if (!node || node->kind != yaml::Kind::mapping) {
    return std::nullopt;
  }
  JointProcurement joint;
  joint.position = node->position;
  joint.applicable_law = text_of(node->find("applicable_law"));
  joint.lead_authority = located(node->find("lead_authority"));
  joint.responsibilities =
      build_list<Responsibility>(node->find("responsibilities"), [](const yaml::Node& item) {
        return Responsibility{located(item.find("agency")), text_of(item.find("task"))};
      });
  return joint;
}

Procurement build_procurement(const yaml::Node& node) {
  Procurement p;
  p.position = node.position;
  p.reference = text_of(node.find("reference"));
  p.procedure = enum_of<Procedure>(node.find("procedure"));
  p.nature = located_enum<Nature>(node.find("nature"));
  if (const yaml::Node* framework = node.find("framework_agreement")) {
    p.framework_agreement = framework->boolean;
  }
  if (const yaml::Node* duration = node.find("duration_months")) {
    p.duration_months = duration->integer;
  }
  p.cpv = located_list(node.find("cpv"));
  p.lots = build_list<Lot>(node.find("lots"), build_lot);
  p.award = build_award(node.find("award"));
  p.joint = build_joint(node.find("joint"));
  return p;
}

std::optional<StandardInfo> build_standard(const yaml::Node* node) {
  if (!node || node->kind != yaml::Kind::mapping) {
    return std::nullopt;
  }
  StandardInfo info;
  info.position = node->position;
  info.deliverable = enum_of<Deliverable>(node->find("deliverable")).value_or(Deliverable::cwa);
  info.number = text_of(node->find("number"));
  info.committee = text_of(node->find("committee"));
  info.secretariat = text_of(node->find("secretariat"));
  info.chair = text_of(node->find("chair"));
  info.stage = enum_of<Stage>(node->find("stage")).value_or(Stage::working_draft);
  info.introduction = text_of(node->find("introduction"));
  info.scope = text_of(node->find("scope"));
  return info;
}

}  // namespace

Spec build(const yaml::Node& root, const std::string& file) {
  Spec spec;
  spec.file = file;
  spec.id = located(root.find("id"));
  spec.title = text_of(root.find("title"));
  spec.version = text_of(root.find("version"));
  if (auto status = located_enum<Status>(root.find("status"))) {
    spec.status = *status;
  }
  spec.area = enum_of<Area>(root.find("area")).value_or(Area::front_line_policing);
  spec.date = text_of(root.find("date"));
  if (const yaml::Node* language = root.find("language")) {
    spec.language = language->text;
  }
  spec.translations = located_list(root.find("translations"));
  spec.summary = text_of(root.find("summary"));
  spec.standard = build_standard(root.find("standard"));
  spec.conforms_to = build_list<Conformance>(root.find("conforms_to"), [](const yaml::Node& item) {
    return Conformance{located(item.find("standard")), located(item.find("version")),
                       item.position};
  });
  spec.authors = build_list<Author>(root.find("authors"), [](const yaml::Node& item) {
    return Author{text_of(item.find("name")), text_of(item.find("organisation"))};
  });
  spec.agencies = build_list<Agency>(root.find("agencies"), [](const yaml::Node& item) {
    return Agency{
        located(item.find("id")), text_of(item.find("name")), located(item.find("country")),
        enum_of<AgencyRole>(item.find("role")).value_or(AgencyRole::participant), item.position};
  });
  spec.definitions = build_list<Definition>(root.find("definitions"), [](const yaml::Node& item) {
    return Definition{located(item.find("term")), text_of(item.find("definition")),
                      text_of(item.find("source")), item.position};
  });
  spec.references = build_list<Reference>(root.find("references"), [](const yaml::Node& item) {
    return Reference{located(item.find("id")), located(item.find("designation")),
                     text_of(item.find("title")), enum_of<ReferenceType>(item.find("type")),
                     item.position};
  });
  if (const yaml::Node* procurement = root.find("procurement")) {
    spec.procurement = build_procurement(*procurement);
  }
  spec.sections = build_sections(root.find("sections"), "/sections");
  return spec;
}

const Award* award_for(const Procurement& procurement, const Lot& lot) {
  if (lot.award) {
    return &*lot.award;
  }
  return procurement.award ? &*procurement.award : nullptr;
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
