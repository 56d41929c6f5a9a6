#pragma once
// The typed spec model: plain structs built from a schema-valid tree. Rules, lint and the
// document builders work on it, never on raw YAML. Values that diagnostics point at keep
// their source position.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "leaspec/source.hpp"
#include "leaspec/vocabulary.hpp"
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

/// An optional value held on the heap, with value semantics: a member that most objects
/// leave out costs them one pointer instead of its whole size.
template <class T>
class Boxed {
 public:
  Boxed() = default;
  Boxed(std::nullopt_t) {}  // NOLINT(google-explicit-constructor): like std::optional
  Boxed(T value)            // NOLINT(google-explicit-constructor)
      : m_value(std::make_unique<T>(std::move(value))) {}
  Boxed(const std::optional<T>& value)  // NOLINT(google-explicit-constructor)
      : m_value(value ? std::make_unique<T>(*value) : nullptr) {}
  Boxed(const Boxed& other) : m_value(other ? std::make_unique<T>(*other) : nullptr) {}
  Boxed(Boxed&&) noexcept = default;
  Boxed& operator=(const Boxed& other) {
    if (this != &other) {
      m_value = other ? std::make_unique<T>(*other) : nullptr;
    }
    return *this;
  }
  Boxed& operator=(Boxed&&) noexcept = default;
  ~Boxed() = default;

  bool has_value() const { return m_value != nullptr; }
  explicit operator bool() const { return has_value(); }
  T& operator*() { return *m_value; }
  const T& operator*() const { return *m_value; }
  T* operator->() { return m_value.get(); }
  const T* operator->() const { return m_value.get(); }
  T& emplace() {
    m_value = std::make_unique<T>();
    return *m_value;
  }
  void reset() { m_value.reset(); }

 private:
  std::unique_ptr<T> m_value;
};

/// A measurable bound: `op value unit`, or a range `min..max unit`.
struct Metric {
  Text parameter;
  std::optional<Op> op;  ///< absent for a range
  std::optional<double> value, min, max;
  std::string value_text, min_text, max_text;  ///< as written
  /// What a range means, as written; `range_kind()` gives the effective one.
  std::optional<RangeKind> range;
  Text unit;
  Position position;

  /// The meaning of the range: as written, else `within`.
  RangeKind range_kind() const { return range.value_or(RangeKind::within); }
};

struct Requirement {
  Text id;
  Text text;
  Located<Priority> priority;
  std::optional<Kind> kind;
  std::vector<Verification> verification;
  /// Few requirements have one, so it is held on the heap.
  Boxed<Metric> metric;
  std::vector<ReferenceUse> references;
  std::vector<Text> lots;
  std::vector<Text> requested_by;
  std::vector<Text> depends_on;
  /// Ids of the common standard's requirements that this one implements.
  std::vector<Text> implements;
  std::string rationale;
  std::string note;
  std::vector<std::string> tags;
  /// Rule ids not to report for this requirement.
  std::vector<std::string> lint_ignore;
  Position position;    ///< the requirement's mapping
  Position end;         ///< first position after the requirement's last value
  std::string pointer;  ///< JSON pointer of the requirement's mapping in its file
};

struct Section {
  Text id;
  Text title;
  std::string intro;
  std::vector<Requirement> requirements;
  std::vector<Section> sections;
  Position position;
  std::string pointer;  ///< JSON pointer of the section's mapping in its file
};

struct Agency {
  Text id;
  std::string name;
  Text country;
  AgencyRole role = AgencyRole::participant;
  Position position;
};

struct Reference {
  Text id;
  Text designation;
  std::string title;
  /// As written; a reference without a type is a standard.
  std::optional<ReferenceType> type;
  Position position;

  ReferenceType type_or_default() const { return type.value_or(ReferenceType::standard); }
};

struct Definition {
  Text term;
  std::string definition;
  std::string source;
  Position position;
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

struct Criterion {
  Text id;
  std::string name;
  CriterionType type = CriterionType::quality;
  double weight = 0;
  std::string weight_text;
  /// How bids are scored on this criterion, in words or as a formula.
  std::string scoring;
  std::vector<Text> requirements;
  Position position;
};

struct Award {
  Located<AwardMethod> method;
  std::vector<Criterion> criteria;
  Position position;
};

struct Lot {
  Text id;
  std::string title;
  /// The lot's own nature when it differs from the tender's.
  std::optional<Located<Nature>> nature;
  std::vector<Text> cpv;
  std::vector<Quantity> quantities;
  std::optional<Money> estimated_value;
  /// The lot's own award method and criteria, overriding the tender's.
  std::optional<Award> award;
  Position position;
};

/// Who does what in a joint procurement (Directive 2014/24/EU, Art. 39(5)).
struct Responsibility {
  Text agency;
  std::string task;
};

/// The arrangements of a joint cross-border procurement (Art. 39(4) and (5)).
struct JointProcurement {
  /// The national provisions that apply to the procedure.
  std::string applicable_law;
  /// The agency that runs the procedure on behalf of all.
  Text lead_authority;
  std::vector<Responsibility> responsibilities;
  Position position;
};

struct Procurement {
  std::string reference;
  std::optional<Procedure> procedure;
  std::optional<Located<Nature>> nature;
  std::optional<bool> framework_agreement;
  std::optional<std::int64_t> duration_months;
  std::vector<Text> cpv;
  std::vector<Lot> lots;
  std::optional<Award> award;
  std::optional<JointProcurement> joint;
  Position position;
};

/// What makes a spec a common standard: the deliverable it is drafted as.
struct StandardInfo {
  Deliverable deliverable = Deliverable::cwa;
  std::string number;     ///< the document number, for example "CWA 17999"
  std::string committee;  ///< a technical committee or a workshop, for example CEN/TC 391
  std::string secretariat;
  std::string chair;
  Stage stage = Stage::working_draft;
  std::string introduction;
  std::string scope;
  Position position;
};

/// A common standard that the spec declares it conforms to.
struct Conformance {
  Text standard;  ///< the standard's spec id
  Text version;
  Position position;
};

struct Spec {
  std::string file;
  Text id;
  std::string title;
  std::string version;
  Located<Status> status;
  Area area = Area::front_line_policing;
  std::string date;
  std::string language = "en";
  /// Languages the spec is translated into, each in a file NAME.LANG.yaml beside it.
  std::vector<Text> translations;
  std::string summary;
  std::optional<StandardInfo> standard;
  std::vector<Conformance> conforms_to;
  std::vector<Author> authors;
  std::vector<Agency> agencies;
  std::vector<Definition> definitions;
  std::vector<Reference> references;
  std::optional<Procurement> procurement;
  std::vector<Section> sections;
};

/// The award that applies to a lot: its own, else the tender's; nullptr when there is none.
const Award* award_for(const Procurement& procurement, const Lot& lot);

/// The tender's reference number, or the spec's id when the spec names none.
const std::string& tender_reference(const Spec& spec);

/// Builds the model from a tree that passed the spec schema.
Spec build(const yaml::Node& root, const std::string& file);

/// A comment to write above a requirement (without the `#`), or empty for none.
using RequirementComment = std::function<std::string(const Requirement&)>;

/// The spec as YAML in the spec format, keys in the canonical order, with `header` as a first
/// comment line when it is not empty.
std::string to_yaml(const Spec& spec, const std::string& header = {},
                    const RequirementComment& comment = {});

/// A YAML scalar that reads back as the same string: plain where that is safe, else quoted.
std::string yaml_scalar(const std::string& text);

/// Every top-level key of the spec but `sections`, as `to_yaml` writes them.
std::string front_matter_yaml(const Spec& spec);

/// A metric as a YAML flow mapping, `{parameter: ..., op: ">=", value: ..., unit: ...}`.
std::string metric_yaml(const Metric& metric);

/// Citations as a YAML flow sequence, `[ID, {ref: ID, clause: "5.3"}]`.
std::string references_yaml(const std::vector<ReferenceUse>& references);

/// Builds one requirement from its mapping, as `build` does for each requirement.
Requirement build_requirement(const yaml::Node& node);

/// Calls `visit` for every requirement in document order, with the section that holds it.
void for_each_requirement(const Spec& spec,
                          const std::function<void(const Requirement&, const Section&)>& visit);

/// Calls `visit` for every section, depth first in document order.
void for_each_section(const Spec& spec, const std::function<void(const Section&)>& visit);

}  // namespace leaspec::spec
