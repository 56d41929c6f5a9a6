// The normalised JSON export validates against its own bundled schema and fills defaults.
#include <doctest/doctest.h>

#include "full_spec.hpp"
#include "helpers.hpp"
#include "leaspec/export.hpp"
#include "leaspec/resources.hpp"
#include "leaspec/schema.hpp"

using namespace leaspec;

TEST_CASE("the JSON export of a spec with every field validates against the export schema") {
  test::Loaded loaded{std::string(test::k_full_spec)};
  spec::Spec s = spec::build(loaded.root(), "full.yaml");
  exports::Source source{"full.yaml", std::string(64, 'a'), "2027-03-01T00:00:00Z"};
  std::string json = exports::to_json(s, source, catalog::Catalogs::bundled());

  const catalog::BundledSchema& bundled = catalog::bundled_schemas().at(2);
  REQUIRE(bundled.name == "export");
  DiagnosticSink schema_sink;
  auto schema = schema::Schema::compile(catalog::bundled_tree(bundled.resource),
                                        std::string(bundled.uri), {}, nullptr, schema_sink);
  REQUIRE(schema);
  test::Loaded exported(json);
  REQUIRE(exported.document.root);
  DiagnosticSink sink;
  CHECK(schema->validate(exported.root(), "full.json", sink));
  for (const Diagnostic& d : sink.diagnostics()) {
    FAIL_CHECK(d.pointer << ": " << d.message);
  }
  const yaml::Node& root = exported.root();
  CHECK(root.find("status")->text == "consultation");
  CHECK(root.find("standard")->find("deliverable")->text == "CWA");
  CHECK(root.find("references")->items()[2]->find("type")->text == "standard");
  const yaml::Node* vid = root.find("sections")->items()[0]->find("requirements")->items()[0];
  CHECK(vid->find("verbal_form")->text == "shall");
  CHECK(vid->find("implements")->items()[0]->text == "BWV-EU-VID-001");
  CHECK(vid->find("lots")->items().size() == 1);
  const yaml::Node* svc = root.find("sections")->items()[1]->find("requirements")->items()[0];
  // A requirement without lots applies to every lot.
  CHECK(svc->find("lots")->items().size() == 2);
  const yaml::Node* env = root.find("sections")->items()[0]->find("sections")->items()[0];
  CHECK(env->find("requirements")->items()[0]->find("metric")->find("range")->text == "cover");
  CHECK(env->find("requirements")->items()[1]->find("metric")->find("range")->text == "within");
  const yaml::Node* procurement = root.find("procurement");
  CHECK(procurement->find("lots")->items()[1]->find("award")->find("method")->text ==
        "lowest-price");
  CHECK(procurement->find("joint")->find("lead_authority")->text == "NL-POL");
  CHECK(procurement->find("cpv")->items()[0]->find("label")->text == "Security cameras");
}

TEST_CASE("exports state SOURCE_DATE_EPOCH, else the spec's date") {
  test::Loaded loaded{std::string(test::k_full_spec)};
  spec::Spec s = spec::build(loaded.root(), "full.yaml");
  CHECK(exports::export_timestamp(s, {}) == "2027-03-01T00:00:00Z");
  CHECK(exports::export_timestamp(s, text::Timestamp{86400}) == "1970-01-02T00:00:00Z");
  s.date.clear();
  CHECK(exports::export_timestamp(s, {}) == "1970-01-01T00:00:00Z");
}
