#pragma once
// The typed spec model: plain structs built from a schema-valid tree. Rules, lint and the
// document builders work on it, never on raw YAML. Values that diagnostics point at keep
// their source position.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "leaspec/source.hpp"
#include "leaspec/yaml.hpp"

namespace leaspec::spec {

/// A value and where it was written.
template <class T>
struct Located {
  T value{};
  Position position;
};

using Text = Located<std::string>;

/// A citation of a normative reference, optionally of one clause.
struct ReferenceUse {
  Text ref;
  std::string clause;
};

/// A measurable bound: `op value unit`, or a range `min..max unit`.
struct Metric {
  Text parameter;
  std::string op;  ///< empty for a range
  std::optional<double> value, min, max;
  std::string value_text, min_text, max_text;  ///< as written
  Text unit;
  Position position;
};

struct Requirement {
  Text id;
  Text text;
  /// The scalar that holds the text, for finding words in the source.
  const yaml::Node* text_node = nullptr;
  Text priority;
  std::string kind;
  std::vector<std::string> verification;
  std::optional<Metric> metric;
  std::vector<ReferenceUse> references;
  std::vector<Text> lots;
  std::vector<Text> requested_by;
  std::vector<Text> depends_on;
  std::string rationale;
  std::string note;
  std::vector<std::string> tags;
  /// Rule ids not to report for this requirement.
  std::vector<std::string> lint_ignore;
  Position position;  ///< the requirement's mapping
  Position end;       ///< first position after the requirement's last value
};

struct Section {
  Text id;
  Text title;
  std::string intro;
  std::vector<Requirement> requirements;
  std::vector<Section> sections;
  Position position;
};

struct Agency {
  Text id;
  std::string name;
  Text country;
  std::string role;  ///< lead or participant
  Position position;
};

struct Reference {
  Text id;
  Text designation;
  std::string title;
  std::string type;
  Position position;
};

struct Definition {
  std::string term;
  std::string definition;
  std::string source;
};

struct Author {
  std::string name;
  std::string organisation;
};

struct Quantity {
  Text agency;
  std::int64_t amount = 0;
};

struct Money {
  double amount = 0;
  std::string amount_text;
  std::string currency;
};

struct Lot {
  Text id;
  std::string title;
  std::vector<Text> cpv;
  std::vector<Quantity> quantities;
  std::optional<Money> estimated_value;
  Position position;
};

struct Criterion {
  Text id;
  std::string name;
  std::string type;  ///< price, cost or quality
  double weight = 0;
  std::string weight_text;
  std::vector<Text> requirements;
  Position position;
};

struct Award {
  Text method;
  std::vector<Criterion> criteria;
  Position position;
};

struct Procurement {
  std::string reference;
  std::string procedure;
  Text nature;
  std::optional<bool> framework_agreement;
  std::optional<std::int64_t> duration_months;
  std::vector<Text> cpv;
  std::vector<Lot> lots;
  std::optional<Award> award;
  Position position;
};

struct Spec {
  std::string file;
  Text id;
  std::string title;
  std::string version;
  std::string status;
  std::string area;
  std::string date;
  std::string language = "en";
  std::string summary;
  std::vector<Text> conforms_to;
  std::vector<Author> authors;
  std::vector<Agency> agencies;
  std::vector<Definition> definitions;
  std::vector<Reference> references;
  std::optional<Procurement> procurement;
  std::vector<Section> sections;
};

/// The tender's reference number, or the spec's id when the spec names none.
const std::string& tender_reference(const Spec& spec);

/// Builds the model from a tree that passed the spec schema.
Spec build(const yaml::Node& root, const std::string& file);

/// Calls `visit` for every requirement in document order, with the section that holds it.
void for_each_requirement(const Spec& spec,
                          const std::function<void(const Requirement&, const Section&)>& visit);

/// Calls `visit` for every section, depth first in document order.
void for_each_section(const Spec& spec, const std::function<void(const Section&)>& visit);

}  // namespace leaspec::spec
