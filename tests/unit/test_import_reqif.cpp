#include <doctest/doctest.h>

#include "leaspec/check/checker.hpp"
#include "leaspec/export.hpp"
#include "leaspec/import.hpp"
#include "leaspec/resources.hpp"

using namespace leaspec;

namespace {

/// The bundled example specs, checked.
std::vector<check::CheckedSpec> examples() {
  DiagnosticSink schema_sink;
  static auto checker = check::Checker::create({}, schema_sink);
  std::vector<check::CheckedSpec> specs;
  for (const auto& resource : catalog::all_resources()) {
    if (resource.name.rfind("data/examples/", 0) != 0 || !check::looks_like_spec(resource.data)) {
      continue;
    }
    auto source =
        std::make_shared<SourceFile>(std::string(resource.name), std::string(resource.data));
    DiagnosticSink sink;
    specs.push_back(checker->check(source, check::Config{}, sink));
  }
  return specs;
}

std::optional<import::ReqifImport> import_text(const std::string& xml, DiagnosticSink& sink,
                                               const import::ReqifMap& map = {}) {
  SourceFile source("test.reqif", xml);
  return import::from_reqif(source, map, sink);
}

std::string messages(const DiagnosticSink& sink) {
  std::string out;
  for (const Diagnostic& d : sink.diagnostics()) {
    out += d.rule + ": " + d.message + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("export reqif then import reqif gives back an equal spec, for every example") {
  std::size_t checked = 0;
  for (const check::CheckedSpec& example : examples()) {
    REQUIRE(example.model);
    const spec::Spec& original = *example.model;
    exports::Source source{"x.yaml", "0", "2026-01-01T00:00:00Z"};
    std::string xml = exports::to_reqif(original, source);
    DiagnosticSink sink;
    auto imported = import_text(xml, sink);
    REQUIRE(imported);
    INFO(example.source->path());
    CHECK(messages(sink) == "");
    CHECK(spec::to_yaml(imported->spec) == spec::to_yaml(original));
    ++checked;
  }
  CHECK(checked >= 6);
}

TEST_CASE("texts with line breaks, markup and quotes survive the round trip") {
  spec::Spec spec;
  spec.id.value = "X-1";
  spec.title = "T";
  spec.version = "1.0";
  spec::Section section;
  section.id.value = "S";
  section.title.value = "Section <one> & \"two\"";
  section.intro = "First line\nsecond\tline";
  spec::Requirement r;
  r.id.value = "X-R-1";
  r.text.value = "The device shall <work> & \"stay\" dry.\nSecond line.";
  r.priority.value = spec::Priority::mandatory;
  r.note = "a\nb";
  r.rationale = "because  of  spaces";
  r.tags = {"one", "two"};
  section.requirements.push_back(r);
  spec.sections.push_back(section);
  std::string xml = exports::to_reqif(spec, {"x", "0", "2026-01-01T00:00:00Z"});
  DiagnosticSink sink;
  auto imported = import_text(xml, sink);
  REQUIRE(imported);
  CHECK(spec::to_yaml(imported->spec) == spec::to_yaml(spec));
}

TEST_CASE("a file that is not ReqIF is reported, not imported") {
  DiagnosticSink sink;
  CHECK_FALSE(import_text("<html><body/></html>", sink));
  CHECK(messages(sink) == "reqif-invalid: the root element is <html>, not <REQ-IF>\n");
  DiagnosticSink broken;
  CHECK_FALSE(import_text("<REQ-IF><a></REQ-IF>", broken));
  REQUIRE(broken.diagnostics().size() == 1);
  CHECK(broken.diagnostics()[0].message.rfind("the file is not well-formed XML", 0) == 0);
  CHECK(broken.diagnostics()[0].position.line == 1);
}

TEST_CASE("ids are made valid and unique, numbers get the prefix") {
  const char* xml = R"(<REQ-IF><CORE-CONTENT><REQ-IF-CONTENT>
<SPEC-TYPES><SPEC-OBJECT-TYPE IDENTIFIER="t"><SPEC-ATTRIBUTES>
<ATTRIBUTE-DEFINITION-STRING IDENTIFIER="id" LONG-NAME="ReqIF.ForeignID"/>
<ATTRIBUTE-DEFINITION-STRING IDENTIFIER="text" LONG-NAME="Object Text"/>
<ATTRIBUTE-DEFINITION-STRING IDENTIFIER="head" LONG-NAME="Object Heading"/>
</SPEC-ATTRIBUTES></SPEC-OBJECT-TYPE></SPEC-TYPES>
<SPEC-OBJECTS>
<SPEC-OBJECT IDENTIFIER="h"><VALUES><ATTRIBUTE-VALUE-STRING THE-VALUE="Power supply"><DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>head</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION></ATTRIBUTE-VALUE-STRING></VALUES><TYPE><SPEC-OBJECT-TYPE-REF>t</SPEC-OBJECT-TYPE-REF></TYPE></SPEC-OBJECT>
<SPEC-OBJECT IDENTIFIER="a"><VALUES><ATTRIBUTE-VALUE-STRING THE-VALUE="42"><DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>id</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION></ATTRIBUTE-VALUE-STRING><ATTRIBUTE-VALUE-STRING THE-VALUE="It may be blue."><DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>text</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION></ATTRIBUTE-VALUE-STRING></VALUES><TYPE><SPEC-OBJECT-TYPE-REF>t</SPEC-OBJECT-TYPE-REF></TYPE></SPEC-OBJECT>
<SPEC-OBJECT IDENTIFIER="b"><VALUES><ATTRIBUTE-VALUE-STRING THE-VALUE="sw req 1"><DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>id</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION></ATTRIBUTE-VALUE-STRING><ATTRIBUTE-VALUE-STRING THE-VALUE="It shall be red."><DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>text</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION></ATTRIBUTE-VALUE-STRING></VALUES><TYPE><SPEC-OBJECT-TYPE-REF>t</SPEC-OBJECT-TYPE-REF></TYPE></SPEC-OBJECT>
<SPEC-OBJECT IDENTIFIER="c"><VALUES><ATTRIBUTE-VALUE-STRING THE-VALUE="SW-REQ-1"><DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>id</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION></ATTRIBUTE-VALUE-STRING><ATTRIBUTE-VALUE-STRING THE-VALUE="It is green."><DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>text</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION></ATTRIBUTE-VALUE-STRING></VALUES><TYPE><SPEC-OBJECT-TYPE-REF>t</SPEC-OBJECT-TYPE-REF></TYPE></SPEC-OBJECT>
</SPEC-OBJECTS>
<SPECIFICATIONS><SPECIFICATION IDENTIFIER="s" LONG-NAME="Demo"><CHILDREN>
<SPEC-HIERARCHY IDENTIFIER="1"><OBJECT><SPEC-OBJECT-REF>h</SPEC-OBJECT-REF></OBJECT><CHILDREN>
<SPEC-HIERARCHY IDENTIFIER="2"><OBJECT><SPEC-OBJECT-REF>a</SPEC-OBJECT-REF></OBJECT></SPEC-HIERARCHY>
<SPEC-HIERARCHY IDENTIFIER="3"><OBJECT><SPEC-OBJECT-REF>b</SPEC-OBJECT-REF></OBJECT></SPEC-HIERARCHY>
<SPEC-HIERARCHY IDENTIFIER="4"><OBJECT><SPEC-OBJECT-REF>c</SPEC-OBJECT-REF></OBJECT></SPEC-HIERARCHY>
</CHILDREN></SPEC-HIERARCHY></CHILDREN></SPECIFICATION></SPECIFICATIONS>
</REQ-IF-CONTENT></CORE-CONTENT></REQ-IF>)";
  DiagnosticSink sink;
  auto imported = import_text(xml, sink);
  REQUIRE(imported);
  REQUIRE(imported->spec.sections.size() == 1);
  const spec::Section& section = imported->spec.sections[0];
  CHECK(section.id.value == "POWER-SUPPLY");
  CHECK(section.title.value == "Power supply");
  REQUIRE(section.requirements.size() == 3);
  CHECK(section.requirements[0].id.value == "REQ-42");
  CHECK(section.requirements[0].priority.value == spec::Priority::optional);
  CHECK(section.requirements[1].id.value == "SW-REQ-1");
  CHECK(section.requirements[2].id.value == "SW-REQ-1-2");
  CHECK(section.requirements[2].priority.value == spec::Priority::mandatory);
  CHECK(imported->spec.id.value == "DEMO");
  CHECK(messages(sink) ==
        "reqif-id: \"sw req 1\" is not a valid or unused id; the object becomes SW-REQ-1\n"
        "reqif-id: \"SW-REQ-1\" is not a valid or unused id; the object becomes SW-REQ-1-2\n"
        "reqif-id: 1 id is a number; REQ- is put before each (\"42\" becomes REQ-42)\n"
        "reqif-default: the file does not give the spec's version; it is set to 1.0 (give it in "
        "the mapping file's spec: {version: ...})\n"
        "reqif-default: the file does not give the spec's area; it is set to front-line-policing "
        "(give it in the mapping file's spec: {area: ...})\n"
        "reqif-default: 2 requirements had no priority; it is taken from the verb of the "
        "statement (shall, should, may)\n"
        "reqif-default: 1 requirement had no priority and no shall, should or may; it is set to "
        "mandatory\n");
}

TEST_CASE("the digest of an object changes with its values and relations, not its time") {
  const check::CheckedSpec example = std::move(examples().front());
  spec::Spec changed = *example.model;
  spec::Requirement& first = changed.sections[0].requirements[0];
  exports::Source source{"x.yaml", "0", "2026-01-01T00:00:00Z"};
  auto before = import::reqif_object_states(exports::to_reqif(*example.model, source), "a");
  first.text.value += " Always.";
  exports::ChangeTimes times;
  times.requirements[first.id.value] = "2027-05-05T00:00:00Z";
  auto after = import::reqif_object_states(exports::to_reqif(changed, source, times), "b");
  std::string object = "requirement-" + first.id.value;
  CHECK(before.at(object).digest != after.at(object).digest);
  CHECK(after.at(object).last_change == "2027-05-05T00:00:00Z");
  std::string second = "requirement-" + changed.sections[0].requirements[1].id.value;
  CHECK(before.at(second).digest == after.at(second).digest);
  std::string kept = exports::to_reqif(
      changed, source,
      exports::reqif_times_since(
          changed, source, {},
          exports::to_reqif(*example.model, {"x.yaml", "0", "2020-01-01T00:00:00Z"}), "old"));
  auto states = import::reqif_object_states(kept, "kept");
  CHECK(states.at(second).last_change == "2020-01-01T00:00:00Z");
  CHECK(states.at(object).last_change == "2026-01-01T00:00:00Z");
}
