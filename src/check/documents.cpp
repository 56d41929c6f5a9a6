// The rules that keep the documents generated from a spec right: references that no
// requirement cites, legislation made normative in a standard, and requirements that apply
// to lots of different kinds without saying so.
#include <map>
#include <set>

#include <fmt/format.h>

#include "check/findings.hpp"

namespace leaspec::check {
namespace {

class DocumentRules {
 public:
  DocumentRules(const RuleContext& context, Findings& findings)
      : m_spec(context.spec), m_findings(findings) {}

  void run() {
    uncited_references();
    legislation_normative();
    lot_applicability();
  }

 private:
  /// A reference no requirement cites: the annex lists it for nothing, and a draft standard
  /// cannot list it under normative references. Legislation in a standard is the exception:
  /// it is never cited normatively, and the Bibliography is its place.
  void uncited_references() {
    std::set<std::string> cited;
    spec::for_each_requirement(m_spec, [&](const spec::Requirement& r, const spec::Section&) {
      for (const spec::ReferenceUse& use : r.references) {
        cited.insert(use.ref.value);
      }
    });
    for (const spec::Reference& reference : m_spec.references) {
      bool bibliography =
          m_spec.standard && reference.type_or_default() == spec::ReferenceType::legislation;
      if (!bibliography && !cited.count(reference.id.value)) {
        m_findings.add("uncited-reference", reference.id.position,
                       fmt::format("reference \"{}\" ({}) is cited by no requirement",
                                   reference.id.value, reference.designation.value));
      }
    }
  }

  /// Legislation cited by a requirement of a standard: the ISO/IEC Directives, Part 2, admit
  /// no legislation among the normative references.
  void legislation_normative() {
    if (!m_spec.standard) {
      return;
    }
    std::map<std::string, const spec::Reference*> by_id;
    for (const spec::Reference& reference : m_spec.references) {
      by_id.emplace(reference.id.value, &reference);
    }
    spec::for_each_requirement(m_spec, [&](const spec::Requirement& r, const spec::Section&) {
      for (const spec::ReferenceUse& use : r.references) {
        auto found = by_id.find(use.ref.value);
        if (found != by_id.end() &&
            found->second->type_or_default() == spec::ReferenceType::legislation) {
          m_findings.add(
              "legislation-normative", use.ref.position,
              fmt::format("requirement \"{}\" cites legislation \"{}\" ({}) as a normative "
                          "reference; a standard cites legislation only for information, so "
                          "the draft lists it in the Bibliography",
                          r.id.value, use.ref.value, found->second->designation.value),
              &r);
        }
      }
    });
  }

  /// How the lots differ, "nature (LOT-1 supplies, LOT-3 services)" or "CPV division (...)",
  /// or empty when they are all of one kind.
  std::string lot_difference() const {
    const spec::Procurement& p = *m_spec.procurement;
    std::vector<std::string> natures;
    std::vector<std::string> divisions;
    std::set<std::string> distinct_natures;
    std::set<std::string> distinct_divisions;
    for (const spec::Lot& lot : p.lots) {
      const std::optional<spec::Located<spec::Nature>>& nature = lot.nature ? lot.nature : p.nature;
      if (nature) {
        std::string name(spec::name(nature->value));
        distinct_natures.insert(name);
        natures.push_back(fmt::format("{} {}", lot.id.value, name));
      }
      const std::vector<spec::Text>& cpv = lot.cpv.empty() ? p.cpv : lot.cpv;
      if (!cpv.empty()) {
        std::string division = cpv.front().value.substr(0, 2);
        distinct_divisions.insert(division);
        divisions.push_back(fmt::format("{} {}", lot.id.value, division));
      }
    }
    if (distinct_natures.size() > 1) {
      return fmt::format("nature ({})", fmt::join(natures, ", "));
    }
    if (distinct_divisions.size() > 1) {
      return fmt::format("CPV division ({})", fmt::join(divisions, ", "));
    }
    return {};
  }

  /// A requirement that names no lot applies to every lot, which is rarely meant when the
  /// lots buy different kinds of things (a camera's IP rating for a services lot).
  void lot_applicability() {
    if (!m_spec.procurement || m_spec.procurement->lots.size() < 2) {
      return;
    }
    std::string difference = lot_difference();
    if (difference.empty()) {
      return;
    }
    spec::for_each_requirement(m_spec, [&](const spec::Requirement& r, const spec::Section&) {
      if (r.lots.empty()) {
        m_findings.add("lot-applicability", r.id.position,
                       fmt::format("requirement \"{}\" applies to every lot, but the lots differ "
                                   "in {}; name the lots it applies to in lots",
                                   r.id.value, difference),
                       &r);
      }
    });
  }

  const spec::Spec& m_spec;
  Findings& m_findings;
};

}  // namespace

void check_documents(const RuleContext& context, Findings& findings) {
  DocumentRules(context, findings).run();
}

}  // namespace leaspec::check
