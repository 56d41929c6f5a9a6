#pragma once
// The closed vocabularies of the spec format as enums, with the names the format spells them
// in. Every module converts between names and values here and nowhere else.

#include <array>
#include <optional>
#include <string_view>

namespace leaspec::spec {

/// How binding a requirement is; the order is from the strictest down.
enum class Priority { mandatory, recommended, optional };
enum class Status { draft, consultation, approved, published, withdrawn };
enum class Area {
  front_line_policing,
  cross_border_crime,
  cybercrime,
  crime_and_intelligence,
  forensics
};
enum class Kind {
  functional,
  performance,
  security,
  privacy,
  interoperability,
  environmental,
  ergonomic,
  legal,
  service,
  training
};
enum class Verification { test, inspection, demonstration, analysis, certification };
enum class AgencyRole { lead, participant };
enum class ReferenceType { standard, legislation, guidance, specification };
enum class Procedure {
  open,
  restricted,
  competitive_procedure_with_negotiation,
  competitive_dialogue,
  innovation_partnership,
  negotiated_without_prior_publication
};
enum class Nature { supplies, services, works };
enum class AwardMethod { best_price_quality_ratio, lowest_price, lowest_cost };
enum class CriterionType { price, cost, quality };
/// The comparison of a single-bound metric.
enum class Op { ge, le, eq, gt, lt };
/// What a two-sided metric asks: that the product works over the whole range (cover), or
/// that the measured value lies inside it (within).
enum class RangeKind { cover, within };
/// CEN and CENELEC deliverables.
enum class Deliverable { en, pren, ts, tr, cwa };
enum class Stage { working_draft, enquiry, formal_vote, published };

/// The names of each vocabulary as the format writes them, in enum order.
template <class E>
struct Names;

template <>
struct Names<Priority> {
  static constexpr auto k_names =
      std::to_array<std::string_view>({"mandatory", "recommended", "optional"});
};

template <>
struct Names<Status> {
  static constexpr auto k_names = std::to_array<std::string_view>(
      {"draft", "consultation", "approved", "published", "withdrawn"});
};

template <>
struct Names<Area> {
  static constexpr auto k_names =
      std::to_array<std::string_view>({"front-line-policing", "cross-border-crime", "cybercrime",
                                       "crime-and-intelligence", "forensics"});
};

template <>
struct Names<Kind> {
  static constexpr auto k_names = std::to_array<std::string_view>(
      {"functional", "performance", "security", "privacy", "interoperability", "environmental",
       "ergonomic", "legal", "service", "training"});
};

template <>
struct Names<Verification> {
  static constexpr auto k_names = std::to_array<std::string_view>(
      {"test", "inspection", "demonstration", "analysis", "certification"});
};

template <>
struct Names<AgencyRole> {
  static constexpr auto k_names = std::to_array<std::string_view>({"lead", "participant"});
};

template <>
struct Names<ReferenceType> {
  static constexpr auto k_names =
      std::to_array<std::string_view>({"standard", "legislation", "guidance", "specification"});
};

template <>
struct Names<Procedure> {
  static constexpr auto k_names = std::to_array<std::string_view>(
      {"open", "restricted", "competitive-procedure-with-negotiation", "competitive-dialogue",
       "innovation-partnership", "negotiated-without-prior-publication"});
};

template <>
struct Names<Nature> {
  static constexpr auto k_names =
      std::to_array<std::string_view>({"supplies", "services", "works"});
};

template <>
struct Names<AwardMethod> {
  static constexpr auto k_names =
      std::to_array<std::string_view>({"best-price-quality-ratio", "lowest-price", "lowest-cost"});
};

template <>
struct Names<CriterionType> {
  static constexpr auto k_names = std::to_array<std::string_view>({"price", "cost", "quality"});
};

template <>
struct Names<Op> {
  static constexpr auto k_names = std::to_array<std::string_view>({">=", "<=", "==", ">", "<"});
};

template <>
struct Names<RangeKind> {
  static constexpr auto k_names = std::to_array<std::string_view>({"cover", "within"});
};

template <>
struct Names<Deliverable> {
  static constexpr auto k_names =
      std::to_array<std::string_view>({"EN", "prEN", "TS", "TR", "CWA"});
};

template <>
struct Names<Stage> {
  static constexpr auto k_names =
      std::to_array<std::string_view>({"working-draft", "enquiry", "formal-vote", "published"});
};

/// The format's name of a value.
template <class E>
constexpr std::string_view name(E value) {
  return Names<E>::k_names[static_cast<std::size_t>(value)];
}

/// The value the format writes as `text`, if any.
template <class E>
constexpr std::optional<E> parse(std::string_view text) {
  for (std::size_t i = 0; i < Names<E>::k_names.size(); ++i) {
    if (Names<E>::k_names[i] == text) {
      return static_cast<E>(i);
    }
  }
  return std::nullopt;
}

/// Every value of a vocabulary, in order.
template <class E>
constexpr auto all() {
  std::array<E, Names<E>::k_names.size()> values{};
  for (std::size_t i = 0; i < values.size(); ++i) {
    values[i] = static_cast<E>(i);
  }
  return values;
}

/// The verbal form of the ISO/IEC Directives, Part 2, that states a provision of this
/// priority: "shall", "should" or "may".
constexpr std::string_view verbal_form(Priority priority) {
  switch (priority) {
    case Priority::mandatory:
      return "shall";
    case Priority::recommended:
      return "should";
    case Priority::optional:
      return "may";
  }
  return "";
}

/// 3 for mandatory, 2 for recommended, 1 for optional: a higher rank binds more.
constexpr int rank(Priority priority) {
  return 3 - static_cast<int>(priority);
}

}  // namespace leaspec::spec
