// The translatable texts of a spec, translation files and XLIFF 2.0.
#include <doctest/doctest.h>

#include "helpers.hpp"
#include "leaspec/translate.hpp"
#include "rules_harness.hpp"

using namespace leaspec;

namespace {

spec::Spec base_spec() {
  test::Loaded loaded{test::k_base};
  return spec::build(loaded.root(), "dir/cams.yaml");
}

}  // namespace

TEST_CASE("the units of a spec: every text once, in document order, with its key") {
  std::vector<std::string> keys;
  for (const translate::Unit& unit : translate::units(base_spec())) {
    keys.push_back(unit.key);
  }
  CHECK(keys == std::vector<std::string>{"title", "LOT-1.title", "PRICE.name", "QUALITY.name",
                                         "SEC.title", "REQ-1", "REQ-2", "REQ-3"});
  CHECK(translate::units(base_spec())[5].priority == spec::Priority::mandatory);
}

TEST_CASE("texts that have no position of their own are located in the tree") {
  test::Loaded loaded{test::k_base};
  spec::Spec spec = spec::build(loaded.root(), "cams.yaml");
  std::vector<translate::Unit> units = translate::units(spec);
  translate::locate(units, loaded.root());
  CHECK(units[0].source.position == Position{3, 8});    // title: Cameras
  CHECK(units[1].source.position == Position{17, 14});  // the lot's title
  CHECK(units[5].source.position == Position{29, 15});  // REQ-1's text, as built
}

TEST_CASE("a translation file beside the spec, and the hash of each source text") {
  CHECK(translate::translation_path("dir/cams.yaml", "pl") == "dir/cams.pl.yaml");
  CHECK(translate::source_hash("The camera may record sound.").size() == 16);
  CHECK(translate::source_hash("a") != translate::source_hash("b"));
}

TEST_CASE("a translation written as YAML keeps the spec's order, then the leftovers") {
  spec::Spec spec = base_spec();
  translate::Translation translation;
  translation.language = "pl";
  translation.spec_id.value = "CAM-2026";
  translation.entries = {{"OLD-1", {"Stary", {}}, "0123456789abcdef", {}},
                         {"REQ-1", {"Kamera musi \"nagrywać\"", {}}, "fedcba9876543210", {}}};
  CHECK(translate::to_yaml(translation, spec) ==
        "# pl translation of cams.yaml, made with leaspec translate; each text records the hash "
        "of\n# the source text it translates.\ntranslation: 1\nspec: CAM-2026\nlanguage: pl\n"
        "texts:\n  REQ-1:\n    hash: \"fedcba9876543210\"\n    text: \"Kamera musi "
        "\\\"nagrywać\\\"\"\n"
        "  OLD-1:\n    hash: \"0123456789abcdef\"\n    text: Stary\n");
}

TEST_CASE("XLIFF export and import round-trip a translation") {
  spec::Spec spec = base_spec();
  std::string xliff = translate::to_xliff(spec, "pl", nullptr);
  CHECK(xliff.find("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" "
                   "srcLang=\"en\" trgLang=\"pl\">") != std::string::npos);
  std::string needle = "<source xml:space=\"preserve\">The camera may record sound.</source>";
  std::size_t at = xliff.find(needle);
  REQUIRE(at != std::string::npos);
  xliff.insert(at + needle.size(), "<target>Kamera może nagrywać dźwięk.</target>");
  std::size_t state = xliff.rfind("state=\"initial\"", at);
  xliff.replace(state, 15, "state=\"final\"");
  SourceFile file("cams.xlf", xliff);
  DiagnosticSink sink;
  auto translation = translate::from_xliff(file, spec, "pl", nullptr, sink);
  REQUIRE(translation);
  CHECK(sink.diagnostics().empty());
  REQUIRE(translation->entries.size() == 1);
  CHECK(translation->entries[0].key == "REQ-3");
  CHECK(translation->entries[0].text.value == "Kamera może nagrywać dźwięk.");
  CHECK(translation->entries[0].hash == translate::source_hash("The camera may record sound."));
  // Exported again, the translation is the target, in state translated.
  std::string again = translate::to_xliff(spec, "pl", &*translation);
  CHECK(again.find("<segment state=\"translated\">\n        <source xml:space=\"preserve\">The "
                   "camera may record sound.</source>\n        <target xml:space=\"preserve\">"
                   "Kamera może nagrywać dźwięk.</target>") != std::string::npos);
}

TEST_CASE("an XLIFF file for other languages is refused") {
  spec::Spec spec = base_spec();
  SourceFile file("cams.xlf", translate::to_xliff(spec, "de", nullptr));
  DiagnosticSink sink;
  CHECK_FALSE(translate::from_xliff(file, spec, "pl", nullptr, sink));
  REQUIRE(sink.diagnostics().size() == 1);
  CHECK(sink.diagnostics()[0].message == "trgLang is \"de\" but should be \"pl\"");
  CHECK(sink.diagnostics()[0].position.line == 2);
}

TEST_CASE("a document shows the current translation, else the source text as a fallback") {
  spec::Spec spec = base_spec();
  translate::Translation translation;
  translation.entries = {{"REQ-1",
                          {"Kamera musi nagrywać.", {}},
                          translate::source_hash(spec.sections[0].requirements[0].text.value),
                          {}},
                         {"REQ-2", {"Przestarzałe.", {}}, "0000000000000000", {}}};
  translate::Rendering rendering(spec, {{"pl", &translation}, {"en", nullptr}});
  CHECK(rendering.any_fallback());
  auto current = rendering.pieces("REQ-1", spec.sections[0].requirements[0].text.value);
  REQUIRE(current.size() == 2);
  CHECK(current[0].text == "Kamera musi nagrywać.");
  CHECK_FALSE(current[0].fallback);
  CHECK(current[1].text == "The camera shall record for at least 12 hours.");
  auto stale = rendering.pieces("REQ-2", "The camera should weigh no more than 200 g.");
  CHECK(stale[0].fallback);
  CHECK(stale[0].language == "en");
}
