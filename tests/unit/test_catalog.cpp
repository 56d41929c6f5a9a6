#include <algorithm>
#include <cstdio>
#include <map>
#include <random>
#include <set>

#include <doctest/doctest.h>

#include "helpers.hpp"
#include "leaspec/catalog.hpp"
#include "leaspec/resources.hpp"

using namespace leaspec;

TEST_CASE("the bundled CPV vocabulary is the official CPV 2008 list, code by code" *
          doctest::test_suite("test-data")) {
  // The official list is third-party test data; without it the test is skipped.
  std::optional<std::string> path = test::test_data("cpv/cpv-2008-en.json");
  if (!path) {
    return;
  }
  test::Loaded reference(read_file(*path, 16u << 20), {16u << 20, 8, 10'000'000});
  REQUIRE(reference.document.root);
  std::vector<std::pair<std::string, std::string>> entries;
  for (const yaml::Entry& entry : reference.root().entries()) {
    entries.emplace_back(entry.key->text, entry.value->text);
  }
  catalog::CpvList official = catalog::CpvList::from_pairs(entries);
  REQUIRE(official.size() == 9454);
  const catalog::CpvList& bundled = catalog::Catalogs::bundled().cpv();
  CHECK(bundled.size() == official.size());
  for (catalog::CpvEntry entry : official) {
    std::optional<catalog::CpvEntry> found = bundled.find(entry.code);
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

TEST_CASE(
    "the standards catalog is consistent: one entry per designation, successors that resolve") {
  const auto& catalogs = catalog::Catalogs::bundled();
  CHECK(catalogs.standards().size() >= 200);
  std::set<std::string> designations;
  for (const catalog::Standard& standard : catalogs.standards()) {
    INFO(standard.designation);
    CHECK(designations.insert(catalog::normalise(standard.designation)).second);
    CHECK_FALSE(standard.title.empty());
    CHECK((standard.status == "current" || standard.status == "withdrawn" ||
           standard.status == "superseded"));
    if (standard.status == "current") {
      CHECK(standard.superseded_by.empty());
    }
    if (standard.status == "superseded") {
      CHECK_FALSE(standard.superseded_by.empty());
    }
    // Following successors ends at a current edition, without a loop.
    const catalog::Standard* edition = &standard;
    for (int step = 0; step < 8 && !edition->superseded_by.empty(); ++step) {
      edition = catalogs.find_standard(edition->superseded_by);
      REQUIRE_MESSAGE(edition, "successor not in the catalog");
    }
    if (!standard.superseded_by.empty()) {
      CHECK(edition->status == "current");
    }
  }
  // Each query finds the entry named beside it.
  const std::vector<std::pair<std::string, std::string>> searches = {
      {"60825", "IEC 60825-1:2014"},
      {"50155", "EN 50155:2021"},
      {"61326", "IEC 61326-1:2020"},
      {"62133", "IEC 62133-2:2017"},
      {"2019/945", "Commission Delegated Regulation (EU) 2019/945"}};
  for (const auto& search : searches) {
    bool found = false;
    for (const catalog::Standard* standard : catalogs.search_standards(search.first)) {
      found = found || standard->designation == search.second;
    }
    CHECK_MESSAGE(found, search.first << " does not find " << search.second);
  }
  CHECK(catalogs.find_standard("IEC 60825-1:2007")->superseded_by == "IEC 60825-1:2014");
  CHECK(catalogs.find_standard("IEC 62133:2012")->status == "withdrawn");
}

TEST_CASE("every standards catalog entry has only known keys and a known type") {
  // The loader reads designation, title, status and superseded_by; `type` says which entries
  // are legislation, guidance or specifications rather than standards.
  test::Loaded loaded(
      std::string(catalog::find_resource("data/catalog/standards.yaml").value_or("")));
  REQUIRE(loaded.document.root);
  const yaml::Node* entries = loaded.root().find("standards");
  REQUIRE(entries);
  const std::set<std::string> keys = {"designation", "title", "status", "superseded_by", "type"};
  const std::set<std::string> types = {"standard", "legislation", "guidance", "specification"};
  std::size_t legislation = 0;
  for (const yaml::Node* item : entries->items()) {
    const yaml::Node* designation = item->find("designation");
    REQUIRE(designation);
    INFO(designation->text);
    for (const yaml::Entry& entry : item->entries()) {
      CHECK(keys.count(std::string(entry.key->text)) == 1);
    }
    if (const yaml::Node* type = item->find("type")) {
      CHECK(types.count(std::string(type->text)) == 1);
      legislation += type->text == "legislation" ? 1 : 0;
    }
  }
  CHECK(legislation >= 40);
  const yaml::Node* led = nullptr;
  for (const yaml::Node* item : entries->items()) {
    if (item->find("designation")->text == "Directive (EU) 2016/680") {
      led = item;
    }
  }
  REQUIRE(led);
  REQUIRE(led->find("type"));
  CHECK(led->find("type")->text == "legislation");
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

TEST_CASE("a CPV list of one's own keeps its order-independent entries and its text") {
  catalog::CpvList list = catalog::CpvList::from_pairs({{"35125300-2", "Security cameras"},
                                                        {"03111000-2", "Seeds"},
                                                        {"03111000-2", "Second label is ignored"}});
  CHECK(list.size() == 2);
  REQUIRE(list.find("03111000-2"));
  CHECK(list.find("03111000-2")->label == "Seeds");
  CHECK((*list.begin()).code == "03111000-2");
  catalog::CpvList tsv =
      catalog::CpvList::from_tsv("# comment\n03111000-2\tSeeds\n35125300-2\tSecurity cameras\n");
  CHECK(tsv.size() == 2);
  CHECK_THROWS_AS(catalog::CpvList::from_tsv("35125300-2\tB\n03111000-2\tA\n"), Error);
}

TEST_CASE("the bundled CPV list is one sorted run of code and label lines") {
  // Lookups search the bundled text in place and trust this order; the build checks nothing.
  std::string_view text = catalog::find_resource("data/catalog/cpv.tsv").value_or("");
  REQUIRE_FALSE(text.empty());
  REQUIRE(text.back() == '\n');
  std::size_t at = 0;
  while (text[at] == '#') {
    at = text.find('\n', at) + 1;
  }
  std::string previous;
  std::size_t count = 0;
  for (; at < text.size(); ++count) {
    std::size_t end = text.find('\n', at);
    std::string_view line = text.substr(at, end - at);
    std::size_t tab = line.find('\t');
    REQUIRE_MESSAGE(tab == 10, "line \"" << line << "\" is not a code, a tab and a label");
    CHECK(line.find('\t', tab + 1) == std::string_view::npos);
    CHECK(tab + 1 < line.size());
    std::string code(line.substr(0, tab));
    REQUIRE_MESSAGE(code > previous, code << " does not come after " << previous);
    previous = code;
    at = end + 1;
  }
  CHECK(count == 9454);  // every code of CPV 2008
  const catalog::CpvList& bundled = catalog::Catalogs::bundled().cpv();
  CHECK(bundled.size() == count);
  CHECK((*bundled.begin()).code == "03000000-1");
  CHECK(bundled.find("98900000-2")->label ==
        "Services provided by extra-territorial organisations and bodies");
}

TEST_CASE("CPV lookups in place agree with a sorted map for random lists and codes") {
  std::mt19937 random(20261202);
  auto random_code = [&random] {
    std::uniform_int_distribution<int> digit(0, 3);  // few digits, so codes share prefixes
    std::string code;
    for (int i = 0; i < 8; ++i) {
      code += static_cast<char>('0' + digit(random));
    }
    return code + "-" + static_cast<char>('0' + digit(random));
  };
  for (int round = 0; round < 200; ++round) {
    INFO("round " << round);
    std::map<std::string, std::string> expected;
    std::vector<std::pair<std::string, std::string>> pairs;
    std::uniform_int_distribution<int> size(0, 40);
    for (int i = size(random); i > 0; --i) {
      std::string code = random_code();
      std::string label = "label " + std::to_string(i);
      expected.emplace(code, label);  // the first of equal codes is kept
      pairs.emplace_back(code, label);
    }
    // The same entries as a file with comments and blank lines in between, copied, and as one
    // run of lines, viewed in place.
    std::string with_gaps = "# CPV\n";
    std::string run;
    for (const auto& [code, label] : expected) {
      with_gaps += code + "\t" + label + "\n# between\n\n";
      run += code + "\t" + label + "\n";
    }
    std::string with_header = "# header\n" + run;  // outlives the lists that view it
    std::vector<catalog::CpvList> lists = {
        catalog::CpvList::from_pairs(pairs), catalog::CpvList::from_tsv(with_gaps),
        catalog::CpvList::from_tsv(with_header), catalog::CpvList::from_sorted_lines(run)};
    for (const catalog::CpvList& list : lists) {
      REQUIRE(list.size() == expected.size());
      std::vector<std::string> walked;
      for (catalog::CpvEntry entry : list) {
        walked.push_back(std::string(entry.code));
        CHECK(entry.label == expected.at(walked.back()));
      }
      CHECK(std::is_sorted(walked.begin(), walked.end()));
      for (int probe = 0; probe < 30; ++probe) {
        std::string code = random_code();
        if (probe % 3 == 0 && !walked.empty()) {
          code = walked[static_cast<std::size_t>(probe) % walked.size()];
        }
        auto want = expected.lower_bound(code);
        auto got = list.lower_bound(code);
        REQUIRE((got == list.end()) == (want == expected.end()));
        if (want != expected.end()) {
          CHECK(got->code == want->first);
          CHECK(got->label == want->second);
        }
        std::optional<catalog::CpvEntry> found = list.find(code);
        CHECK(found.has_value() == (expected.count(code) == 1));
      }
    }
  }
}

TEST_CASE("a CPV list read in place is a view of its text; labels stay on one line") {
  std::string text = "03111000-2\tSeeds\n35125300-2\tSecurity cameras\n";
  catalog::CpvList view = catalog::CpvList::from_tsv(text);
  REQUIRE(view.find("35125300-2"));
  CHECK(view.find("35125300-2")->label.data() == text.data() + text.find("Security"));
  CHECK_FALSE(view.find("35125300"));
  CHECK_FALSE(view.find(""));
  CHECK(view.lower_bound("99") == view.end());
  CHECK(view.lower_bound("")->code == "03111000-2");
  catalog::CpvList last_without_break = catalog::CpvList::from_tsv("03111000-2\tSeeds");
  CHECK(last_without_break.size() == 1);
  CHECK(last_without_break.find("03111000-2")->label == "Seeds");
  catalog::CpvList own =
      catalog::CpvList::from_pairs({{"35125300-2", "Security\tcameras\nand more"}});
  CHECK(own.size() == 1);
  CHECK(own.find("35125300-2")->label == "Security cameras and more");
  CHECK(catalog::CpvList().size() == 0);
  CHECK(catalog::CpvList().begin() == catalog::CpvList().end());
}

TEST_CASE("a user's catalog comes before the bundled one") {
  catalog::Catalogs own = catalog::Catalogs::bundled().with(
      {{"ISO/IEC 27001:2013", "Own title", "withdrawn", "ISO/IEC 27001:2022", "standard"},
       {"XYZ 1:2026", "A national specification", "current", "", "specification"}},
      {{"35125300-2", "Own label"}});
  CHECK(own.find_standard("ISO/IEC 27001:2013")->title == "Own title");
  CHECK(own.find_standard("xyz 1:2026")->type == "specification");
  CHECK(own.standards().size() == catalog::Catalogs::bundled().standards().size() + 1);
  CHECK(own.cpv().find("35125300-2")->label == "Own label");
  CHECK(own.cpv().size() == catalog::Catalogs::bundled().cpv().size());
  CHECK(catalog::Catalogs::bundled().cpv().find("35125300-2")->label == "Security cameras");
}
