#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "leaspec/catalog.hpp"
#include "leaspec/export.hpp"

using namespace leaspec;

namespace {

spec::Spec tender() {
  spec::Spec spec;
  spec.id.value = "T-1";
  spec.title = "Cameras";
  spec.version = "1.0";
  for (const char* country : {"NL", "EL", "UK"}) {
    spec::Agency agency;
    agency.id.value = std::string(country) + "-POL";
    agency.name = std::string("Police ") + country;
    agency.country.value = country;
    agency.role = spec.agencies.empty() ? spec::AgencyRole::lead : spec::AgencyRole::participant;
    spec.agencies.push_back(agency);
  }
  return spec;
}

}  // namespace

TEST_CASE("the country catalog knows every code's English name, EU variants included") {
  const catalog::Catalogs& catalogs = catalog::Catalogs::bundled();
  REQUIRE(catalogs.country_name("NL"));
  CHECK(*catalogs.country_name("NL") == "Netherlands");
  CHECK(*catalogs.country_name("PL") == "Poland");
  CHECK(catalogs.country_name("EL") == nullptr);
  CHECK(catalogs.country_name("XX") == nullptr);
  CHECK(catalogs.is_country("DE"));
  CHECK_FALSE(catalogs.is_country("EU"));
}

TEST_CASE("an OCDS package states its version and the Lots extension; addresses name countries") {
  exports::Source source{"t.yaml", "0", "2026-01-01T00:00:00Z"};
  const catalog::Catalogs& catalogs = catalog::Catalogs::bundled();
  auto v11 = nlohmann::json::parse(exports::to_ocds(tender(), source, "ocds-x", catalogs));
  CHECK(v11["version"] == "1.1");
  CHECK(v11["extensions"].size() == 1);
  CHECK(v11["publishedDate"] == "2026-01-01T00:00:00Z");
  CHECK(v11["publisher"]["name"] == "Police NL");
  const auto& parties = v11["releases"][0]["parties"];
  CHECK(parties[0]["address"] == nlohmann::json{{"countryName", "Netherlands"}});
  CHECK(parties[1]["address"] == nlohmann::json{{"countryName", "Greece"}});
  CHECK(parties[2]["address"] == nlohmann::json{{"countryName", "United Kingdom"}});
  auto v12 = nlohmann::json::parse(
      exports::to_ocds(tender(), source, "ocds-x", catalogs, exports::OcdsVersion::v1_2));
  CHECK(v12["version"] == "1.2");
  CHECK(v12["releases"][0]["parties"][1]["address"] ==
        nlohmann::json{{"countryName", "Greece"}, {"country", "GR"}});
}
