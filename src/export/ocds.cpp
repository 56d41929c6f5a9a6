// An OCDS release package for the tender (https://standard.open-contracting.org) holding one
// release, with the Lots extension's tender.lots and item.relatedLot; the package states the
// version followed and the extension.
#include <map>

#include <nlohmann/json.hpp>

#include "leaspec/export.hpp"

namespace leaspec::exports {
namespace {

using Json = nlohmann::ordered_json;

/// OCDS procurementMethod codes of each procedure.
std::string_view method_code(spec::Procedure procedure) {
  switch (procedure) {
    case spec::Procedure::open:
      return "open";
    case spec::Procedure::negotiated_without_prior_publication:
      return "limited";
    case spec::Procedure::restricted:
    case spec::Procedure::competitive_procedure_with_negotiation:
    case spec::Procedure::competitive_dialogue:
    case spec::Procedure::innovation_partnership:
      return "selective";
  }
  return "";
}

/// OCDS mainProcurementCategory codes.
std::string_view category_code(spec::Nature nature) {
  switch (nature) {
    case spec::Nature::supplies:
      return "goods";
    case spec::Nature::services:
      return "services";
    case spec::Nature::works:
      return "works";
  }
  return "";
}

/// OCDS awardCriteria codes.
std::string_view award_criteria_code(spec::AwardMethod method) {
  switch (method) {
    case spec::AwardMethod::best_price_quality_ratio:
      return "ratedCriteria";
    case spec::AwardMethod::lowest_price:
      return "priceOnly";
    case spec::AwardMethod::lowest_cost:
      return "costOnly";
  }
  return "";
}

/// The Lots extension, as a release package names it.
constexpr std::string_view k_lots_extension =
    "https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/"
    "extension.json";

/// An agency's address: the country's English name, and from 1.2 on its ISO code as well.
Json address(const spec::Agency& agency, const catalog::Catalogs& catalogs, OcdsVersion version) {
  std::string code = catalogs.iso_country_for(agency.country.value).value_or(agency.country.value);
  const std::string* name = catalogs.country_name(code);
  Json out{{"countryName", name ? *name : code}};
  if (version == OcdsVersion::v1_2) {
    out["country"] = code;
  }
  return out;
}

Json classification(const std::string& code, const catalog::Catalogs& catalogs) {
  Json out{{"scheme", "CPV"}, {"id", code}};
  if (std::optional<catalog::CpvEntry> entry = catalogs.cpv().find(code)) {
    out["description"] = entry->label;
  }
  return out;
}

}  // namespace

std::string to_ocds(const spec::Spec& spec, const Source& source, const std::string& ocid_prefix,
                    const catalog::Catalogs& catalogs, OcdsVersion version) {
  const std::string& reference = spec::tender_reference(spec);
  Json release;
  release["ocid"] = ocid_prefix + "-" + reference;
  release["id"] = spec.id.value + "-" + spec.version + "-tender";
  release["date"] = source.timestamp;
  release["tag"] = Json::array({"tender"});
  release["initiationType"] = "tender";
  release["language"] = spec.language;
  Json parties = Json::array();
  const spec::Agency* lead = nullptr;
  for (const spec::Agency& agency : spec.agencies) {
    Json roles = Json::array({"buyer"});
    if (agency.role == spec::AgencyRole::lead) {
      lead = &agency;
      roles.push_back("procuringEntity");
    }
    parties.push_back({{"id", agency.id.value},
                       {"name", agency.name},
                       {"address", address(agency, catalogs, version)},
                       {"roles", roles}});
  }
  release["parties"] = parties;
  if (lead) {
    release["buyer"] = {{"id", lead->id.value}, {"name", lead->name}};
  }
  Json tender;
  tender["id"] = reference;
  tender["title"] = spec.title;
  if (!spec.summary.empty()) {
    tender["description"] = spec.summary;
  }
  tender["status"] = spec.status.value == spec::Status::published ? "active" : "planned";
  if (lead) {
    tender["procuringEntity"] = {{"id", lead->id.value}, {"name", lead->name}};
  }
  if (spec.procurement) {
    const spec::Procurement& p = *spec.procurement;
    if (p.procedure) {
      tender["procurementMethod"] = method_code(*p.procedure);
      tender["procurementMethodDetails"] = spec::name(*p.procedure);
    }
    if (p.nature) {
      tender["mainProcurementCategory"] = category_code(p.nature->value);
    }
    Json items = Json::array();
    Json lots = Json::array();
    for (const spec::Lot& lot : p.lots) {
      Json item{{"id", lot.id.value + "-item"}, {"description", lot.title}};
      const std::vector<spec::Text>& codes = lot.cpv.empty() ? p.cpv : lot.cpv;
      if (!codes.empty()) {
        item["classification"] = classification(codes.front().value, catalogs);
        Json more = Json::array();
        for (std::size_t i = 1; i < codes.size(); ++i) {
          more.push_back(classification(codes[i].value, catalogs));
        }
        if (!more.empty()) {
          item["additionalClassifications"] = more;
        }
      }
      std::int64_t quantity = 0;
      for (const spec::Quantity& q : lot.quantities) {
        quantity += q.amount;
      }
      item["quantity"] = quantity;
      item["relatedLot"] = lot.id.value;
      items.push_back(item);
      Json entry{{"id", lot.id.value}, {"title", lot.title}, {"status", tender["status"]}};
      if (lot.estimated_value) {
        entry["value"] = {{"amount", lot.estimated_value->amount},
                          {"currency", lot.estimated_value->currency}};
      }
      lots.push_back(entry);
    }
    if (p.lots.empty() && !p.cpv.empty()) {
      Json item{{"id", "1"},
                {"description", spec.title},
                {"classification", classification(p.cpv.front().value, catalogs)}};
      items.push_back(item);
    }
    tender["items"] = items;
    if (!lots.empty()) {
      tender["lots"] = lots;
    }
    if (p.award) {
      tender["awardCriteria"] = award_criteria_code(p.award->method.value);
      std::string details;
      for (const spec::Criterion& criterion : p.award->criteria) {
        details += (details.empty() ? "" : "; ") + criterion.name + " (" +
                   std::string(spec::name(criterion.type)) + ") " + criterion.weight_text + "%";
      }
      tender["awardCriteriaDetails"] = details;
    }
  }
  tender["documents"] = Json::array(
      {Json{{"id", spec.id.value},
            {"documentType", "technicalSpecifications"},
            {"title", spec.title},
            {"description", "Source specification " + source.name + ", SHA-256 " + source.sha256},
            {"language", spec.language}}});
  release["tender"] = tender;
  Json package;
  package["uri"] = "urn:ocds:" + release["ocid"].get<std::string>();
  package["version"] = version == OcdsVersion::v1_2 ? "1.2" : "1.1";
  package["extensions"] = Json::array({k_lots_extension});
  package["publishedDate"] = source.timestamp;
  package["publisher"] = {{"name", lead ? lead->name : spec.id.value}};
  package["releases"] = Json::array({release});
  return package.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace leaspec::exports
