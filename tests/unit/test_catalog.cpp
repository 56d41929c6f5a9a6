#include <cstdio>

#include <doctest/doctest.h>

#include "helpers.hpp"
#include "leaspec/catalog.hpp"

using namespace leaspec;

TEST_CASE("the bundled CPV vocabulary is the official CPV 2008 list, code by code") {
  // The official list is reference data beside the repository; the test fails without it.
  const std::string path = std::string(LEASPEC_SHARED_DATA) + "/cpv/cpv-2008-en.json";
  catalog::CpvList official = catalog::load_cpv_list(path);
  REQUIRE(official.size() == 9454);
  const catalog::CpvList& bundled = catalog::Catalogs::bundled().cpv();
  CHECK(bundled.size() == official.size());
  for (const catalog::CpvEntry& entry : official.entries()) {
    const catalog::CpvEntry* found = bundled.find(entry.code);
    REQUIRE_MESSAGE(found, entry.code << " is missing from the bundled list");
    CHECK_MESSAGE(found->label == entry.label, entry.code << ": \"" << found->label
                                                          << "\" differs from \"" << entry.label
                                                          << "\"");
  }
}

TEST_CASE("a code with the right digits and a wrong check digit names the right code") {
  const auto& cpv = catalog::Catalogs::bundled().cpv();
  CHECK(catalog::cpv_with_same_digits(cpv, "35125300-3") == "35125300-2");
  CHECK_FALSE(catalog::cpv_with_same_digits(cpv, "35125300-2"));
  CHECK_FALSE(catalog::cpv_with_same_digits(cpv, "99999999-9"));
}

TEST_CASE("CPV search by words and by code prefix") {
  const auto& cpv = catalog::Catalogs::bundled().cpv();
  auto cameras = catalog::search_cpv(cpv, "security cameras");
  REQUIRE(cameras.size() == 1);
  CHECK(cameras[0].code == "35125300-2");
  auto police = catalog::search_cpv(cpv, "352");
  CHECK(police.front().code == "35200000-6");
  CHECK(catalog::search_cpv(cpv, "no such words here").empty());
}

TEST_CASE("standards are found by designation and report their successor") {
  const auto& catalogs = catalog::Catalogs::bundled();
  const catalog::Standard* old = catalogs.find_standard("iso/iec  27001:2013");
  REQUIRE(old);
  CHECK(old->status == "withdrawn");
  CHECK(old->superseded_by == "ISO/IEC 27001:2022");
  const catalog::Standard* successor = catalogs.find_standard(old->superseded_by);
  REQUIRE(successor);
  CHECK(successor->status == "current");
  for (const char* required :
       {"IEC 60529:1989+AMD1:1999+AMD2:2013", "EN 62676-4:2015", "ISO/IEC 27037:2012",
        "ISO/IEC 27041:2015", "ISO/IEC 27042:2015", "ISO/IEC 27043:2015", "ISO/IEC 19794-5:2011",
        "ISO/IEC 39794-5:2019", "ISO/IEC 30107-3:2023", "ETSI EN 300 392-2",
        "Directive (EU) 2016/680", "Regulation (EU) 2016/679"}) {
    CHECK_MESSAGE(catalogs.find_standard(required), required);
  }
  // Every successor named is itself in the catalog.
  for (const catalog::Standard& standard : catalogs.standards()) {
    if (!standard.superseded_by.empty()) {
      CHECK_MESSAGE(catalogs.find_standard(standard.superseded_by), standard.superseded_by);
    }
  }
  CHECK(catalogs.search_standards("digital evidence").size() >= 1);
}

TEST_CASE("country codes are ISO 3166-1 alpha-2, with the EU's variants explained") {
  const auto& catalogs = catalog::Catalogs::bundled();
  for (const char* code : {"NL", "BE", "PL", "ES", "FI", "IT", "RO", "PT", "LT", "GR", "GB"}) {
    CHECK_MESSAGE(catalogs.is_country(code), code);
  }
  CHECK_FALSE(catalogs.is_country("EL"));
  CHECK(catalogs.iso_country_for("EL") == "GR");
  CHECK(catalogs.iso_country_for("UK") == "GB");
}

TEST_CASE("CPV lists load from CSV as well as JSON") {
  const std::string path = "cpv-test-list.csv";
  {
    std::FILE* file = std::fopen(path.c_str(), "w");
    REQUIRE(file);
    std::fputs("code,label\n35125300-2,Security cameras\n\"03111000-2\",\"Seeds\"\n", file);
    std::fclose(file);
  }
  catalog::CpvList list = catalog::load_cpv_list(path);
  std::remove(path.c_str());
  CHECK(list.size() == 2);
  REQUIRE(list.find("03111000-2"));
  CHECK(list.find("03111000-2")->label == "Seeds");
  CHECK(list.entries().front().code == "03111000-2");
  CHECK_THROWS_AS(catalog::load_cpv_list("/nonexistent/cpv.csv"), Error);
}
