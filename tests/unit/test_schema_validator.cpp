
#include <thread>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "helpers.hpp"
#include "leaspec/schema.hpp"
#include "schema/regex.hpp"

using namespace leaspec;
using leaspec::test::Loaded;

namespace {

/// Compiles a schema from YAML text, failing the test when it does not compile.
schema::Schema compile(const std::string& text, schema::Options options = {}) {
  SourceFile source("schema.yaml", text);
  DiagnosticSink sink;
  auto document = yaml::load(source, sink);
  auto compiled = schema::Schema::compile(std::move(document), "https://example.test/schema",
                                          options, nullptr, sink);
  for (const auto& d : sink.diagnostics()) {
    FAIL_CHECK(d.message);
  }
  REQUIRE(compiled);
  return std::move(*compiled);
}

/// Validates YAML text and renders every diagnostic as "line:col pointer: message [rule]".
std::vector<std::string> findings(const schema::Schema& compiled, const std::string& text) {
  Loaded loaded(text);
  REQUIRE(loaded.document.root);
  DiagnosticSink sink;
  compiled.validate(loaded.root(), "data.yaml", sink);
  sink.sort_by_position();
  std::vector<std::string> result;
  for (const auto& d : sink.diagnostics()) {
    result.push_back(fmt::format("{}:{} {}: {} [{}]", d.position.line, d.position.column, d.pointer,
                                 d.message, d.rule));
  }
  return result;
}

const char* const k_requirement_schema = R"(
type: object
required: [id, priority]
additionalProperties: false
properties:
  id: {type: string, pattern: "^[A-Z]+-[0-9]+$"}
  text: {type: string, minLength: 1}
  priority: {enum: [mandatory, recommended, optional]}
  weight: {type: number, minimum: 0, maximum: 100}
  tags: {type: array, items: {type: string}, uniqueItems: true}
)";

}  // namespace

TEST_CASE("a missing required key points at the object and names the key") {
  auto compiled = compile(k_requirement_schema);
  CHECK(findings(compiled, "id: BWC-1\ntext: x\n") ==
        std::vector<std::string>{"1:1 : missing required key \"priority\" [schema-required]"});
}

TEST_CASE("an unknown key points at the key and suggests the nearest allowed one") {
  auto compiled = compile(k_requirement_schema);
  CHECK(findings(compiled, "id: BWC-1\npriorty: mandatory\npriority: optional\n") ==
        std::vector<std::string>{
            "2:1 /priorty: unknown key \"priorty\"; did you mean \"priority\"? [unknown-key]"});
  CHECK(findings(compiled, "id: BWC-1\npriority: optional\ncompletely_else: 1\n") ==
        std::vector<std::string>{
            "3:1 /completely_else: unknown key \"completely_else\" [unknown-key]"});
}

TEST_CASE("an enum miss lists the allowed values") {
  auto compiled = compile(k_requirement_schema);
  CHECK(findings(compiled, "id: BWC-1\npriority: high\n") ==
        std::vector<std::string>{
            "2:11 /priority: \"high\" is not one of the allowed values: mandatory, recommended, "
            "optional [schema-enum]"});
  CHECK(findings(compiled, "id: BWC-1\npriority: mandatroy\n") ==
        std::vector<std::string>{
            "2:11 /priority: \"mandatroy\" is not one of the allowed values: mandatory, "
            "recommended, optional; did you mean \"mandatory\"? [schema-enum]"});
}

TEST_CASE("findings come in document order with pointers and positions") {
  auto compiled = compile(k_requirement_schema);
  const std::string enum_miss =
      "4:11 /priority: \"may\" is not one of the allowed values: mandatory, recommended, "
      "optional [schema-enum]";
  CHECK(findings(compiled, "weight: 100.50\nid: bwc\ntags: [a, b, a, 5]\npriority: may\n") ==
        std::vector<std::string>{
            "1:9 /weight: 100.50 is greater than the maximum of 100 [schema-maximum]",
            "2:5 /id: \"bwc\" does not match the pattern ^[A-Z]+-[0-9]+$ [schema-pattern]",
            "3:14 /tags/2: item 2 repeats item 0; items must be unique [schema-unique-items]",
            "3:17 /tags/3: expected a string, got the integer 5 [schema-type]",
            enum_miss,
        });
}

TEST_CASE("numbers print as written") {
  auto compiled = compile("type: object\nproperties:\n  n: {minimum: 5, multipleOf: 0.5}\n");
  CHECK(findings(compiled, "n: 1.25\n") ==
        std::vector<std::string>{"1:4 /n: 1.25 is less than the minimum of 5 [schema-minimum]",
                                 "1:4 /n: 1.25 is not a multiple of 0.5 [schema-multiple-of]"});
}

TEST_CASE("multipleOf is exact for decimals") {
  auto compiled = compile("multipleOf: 0.01\n");
  CHECK(compiled.is_valid(Loaded("19.99\n").root()));
  CHECK(compiled.is_valid(Loaded("0.07\n").root()));
  CHECK_FALSE(compiled.is_valid(Loaded("0.075\n").root()));
  auto tenth = compile("multipleOf: 0.1\n");
  CHECK(tenth.is_valid(Loaded("0.3\n").root()));
}

TEST_CASE("oneOf and anyOf report the closest alternative, not every branch") {
  auto compiled = compile(R"(
oneOf:
  - type: object
    required: [op, value]
    additionalProperties: false
    properties: {op: {enum: [">=", "<="]}, value: {type: number}}
  - type: object
    required: [min]
    additionalProperties: false
    properties: {min: {type: number}, max: {type: number}}
)");
  CHECK(findings(compiled, "op: '>='\nvalue: twelve\n") ==
        std::vector<std::string>{
            "2:8 /value: expected a number, got the string \"twelve\" [schema-type]"});
  auto types = compile("anyOf: [{type: string}, {type: object}]\n");
  CHECK(findings(types, "5\n") ==
        std::vector<std::string>{
            "1:1 : expected an object or a string, got the integer 5 [schema-type]"});
  auto both = compile("oneOf: [{minimum: 1}, {maximum: 10}]\n");
  CHECK(findings(both, "5\n") ==
        std::vector<std::string>{"1:1 : the value matches alternatives 1 and 2 of \"oneOf\", but "
                                 "must match exactly one [schema-one-of]"});
}

TEST_CASE("$ref into $defs, and a reference cycle without progress is an invalid schema") {
  auto compiled = compile(R"(
$defs:
  node:
    type: object
    properties:
      children: {type: array, items: {$ref: "#/$defs/node"}}
      name: {type: string}
$ref: "#/$defs/node"
)");
  CHECK(
      findings(compiled, "name: a\nchildren:\n  - name: b\n    children:\n      - name: 3\n") ==
      std::vector<std::string>{
          "5:15 /children/0/children/0/name: expected a string, got the integer 3 [schema-type]"});
  // A cycle of references that never descends into the value is an invalid schema.
  SourceFile source("loop.yaml",
                    "$defs:\n  a: {$ref: '#/$defs/b'}\n  b: {allOf: [{$ref: '#/$defs/a'}]}\n"
                    "$ref: '#/$defs/a'\n");
  DiagnosticSink sink;
  auto loop = schema::Schema::compile(yaml::load(source, sink), "https://example.test/loop", {},
                                      nullptr, sink);
  CHECK_FALSE(loop);
  REQUIRE(sink.diagnostics().size() == 1);
  CHECK(sink.diagnostics()[0].rule == "invalid-schema");
  CHECK(sink.diagnostics()[0].message.find("leads back to the same schema") != std::string::npos);
}

TEST_CASE("formats are assertions by default and can be annotations") {
  auto compiled = compile("format: date\n");
  CHECK(findings(compiled, "2026-02-29\n") ==
        std::vector<std::string>{
            "1:1 : \"2026-02-29\" is not a valid date; expected a date written YYYY-MM-DD, "
            "such as \"2026-03-15\" [schema-format]"});
  CHECK(compiled.is_valid(Loaded("2028-02-29\n").root()));
  schema::Options annotations;
  annotations.format_assertion = false;
  CHECK(compile("format: date\n", annotations).is_valid(Loaded("2026-02-29\n").root()));
}

TEST_CASE("backtracking patterns on long strings end in a diagnostic") {
  // The match limit bounds the work; scripts/bench.sh measures the time.
  auto compiled = compile("pattern: '^(a+)+$'\n");
  std::string hostile = std::string(5000, 'a') + "!";
  auto result = findings(compiled, "'" + hostile + "'\n");
  REQUIRE(result.size() == 1);
  CHECK(result[0].find("[schema-pattern]") != std::string::npos);
}

TEST_CASE("a pattern answers alike before and after it is compiled to machine code") {
  // The first uses run in the interpreter; later ones in the machine code compiled from a
  // copy while other threads go on matching. Answers and limits are the same throughout.
  schema::Regex regex("^(a+)+$", schema::Options{}.regex_match_limit);
  REQUIRE(regex.valid());
  std::string hostile = std::string(5000, 'a') + "!";
  auto run = [&](int rounds, std::vector<std::string>& wrong) {
    for (int i = 0; i < rounds; ++i) {
      if (regex.search("aaaa") != schema::MatchResult::match) {
        wrong.push_back(fmt::format("round {}: \"aaaa\" did not match", i));
      }
      if (regex.search("aaab") != schema::MatchResult::no_match) {
        wrong.push_back(fmt::format("round {}: \"aaab\" matched", i));
      }
      if (i % 50 == 0 && regex.search(hostile) != schema::MatchResult::limit_exceeded) {
        wrong.push_back(fmt::format("round {}: the hostile text ended within the limit", i));
      }
    }
  };
  std::vector<std::string> first, second;
  std::thread other([&] { run(400, second); });
  run(400, first);
  other.join();
  CHECK(first.empty());
  CHECK(second.empty());
  for (const std::string& problem : first) {
    MESSAGE(problem);
  }
}

TEST_CASE("invalid schemas get positioned diagnostics in the schema file") {
  SourceFile source(
      "bad.yaml",
      "type: strng\nproperties:\n  a: {pattern: '(', minLength: -1}\n$ref: '#/nowhere'\n");
  DiagnosticSink sink;
  auto compiled = schema::Schema::compile(yaml::load(source, sink), "https://example.test/bad", {},
                                          nullptr, sink);
  CHECK_FALSE(compiled);
  std::vector<std::string> messages;
  for (const auto& d : sink.diagnostics()) {
    messages.push_back(fmt::format("{}:{}: {}", d.position.line, d.position.column, d.message));
  }
  REQUIRE(messages.size() == 4);
  CHECK(
      messages[0] ==
      "4:7: $ref \"#/nowhere\" does not resolve: nothing at \"https://example.test/bad#/nowhere\"");
  CHECK(messages[1] == "1:7: unknown type \"strng\"");
  CHECK(messages[2].rfind("3:16: invalid regular expression \"(\": ", 0) == 0);
  CHECK(messages[3] == "3:32: \"minLength\" must be a non-negative integer");
}

TEST_CASE("hostile schemas and documents end in diagnostics") {
  // Bounded work, not time, is what these check; the evaluation budget and the limits stop
  // blow-ups, and the hostile-input tests of the binary run under a CTest timeout.
  SUBCASE("a chain of 10,000 references") {
    std::string text = "$ref: '#/$defs/a0'\n$defs:\n";
    for (int i = 0; i < 10000; ++i) {
      text += fmt::format("  a{}: {{$ref: '#/$defs/a{}'}}\n", i, i + 1);
    }
    text += "  a10000: {type: string}\n";
    auto compiled = compile(text);
    auto result = findings(compiled, "5\n");
    REQUIRE(result.size() == 1);
    CHECK(result[0] == "1:1 : the schema nests deeper than leaspec evaluates [schema-recursion]");
  }
  SUBCASE("an enum of 100,000 values") {
    std::string text = "enum: [";
    for (int i = 0; i < 100000; ++i) {
      text += fmt::format("{}v{}", i ? ", " : "", i);
    }
    text += "]\n";
    auto compiled = compile(text);
    CHECK(compiled.is_valid(Loaded("v99999\n").root()));
    CHECK_FALSE(compiled.is_valid(Loaded("w\n").root()));
  }
  SUBCASE("uniqueItems on 100,000 items") {
    std::string text = "[";
    for (int i = 0; i < 100000; ++i) {
      text += fmt::format("{}{{id: {}}}", i ? ", " : "", i);
    }
    std::string unique = text + "]\n";
    std::string repeated = text + ", {id: 7}]\n";
    auto compiled = compile("uniqueItems: true\n");
    CHECK(compiled.is_valid(Loaded(unique).root()));
    auto result = findings(compiled, repeated);
    REQUIRE(result.size() == 1);
    CHECK(result[0] == fmt::format("1:{} /100000: item 100000 repeats item 7; items must be "
                                   "unique [schema-unique-items]",
                                   repeated.rfind("{id: 7}") + 1));
  }
}

TEST_CASE("a long enum lists a few values and the count") {
  std::string text = "enum: [";
  for (int i = 0; i < 40; ++i) {
    text += fmt::format("{}value{}", i ? ", " : "", i);
  }
  auto compiled = compile(text + "]\n");
  CHECK(findings(compiled, "valve1\n") ==
        std::vector<std::string>{"1:1 : \"valve1\" is not one of the 40 allowed values: value0, "
                                 "value1, value2, value3, value4 and 35 more; did you mean "
                                 "\"value1\"? [schema-enum]"});
  CHECK(compiled.is_valid(Loaded("value39\n").root()));
}

TEST_CASE("names and values in messages are shortened") {
  auto compiled = compile("additionalProperties: false\n");
  std::string key(200, 'k');
  auto result = findings(compiled, key + ": 1\n");
  REQUIRE(result.size() == 1);
  CHECK(result[0].find("unknown key \"" + std::string(60, 'k') + "…\"") != std::string::npos);
  CHECK(result[0].size() < 300);
}

TEST_CASE("integers and exact comparisons follow the dialect") {
  auto integer = compile("type: integer\n");
  CHECK(integer.is_valid(Loaded("1e400\n").root()));
  CHECK(integer.is_valid(Loaded("1.0\n").root()));
  CHECK_FALSE(integer.is_valid(Loaded("1e-400\n").root()));
  CHECK_FALSE(integer.is_valid(Loaded("123456789012345678901.5\n").root()));
  auto draft4 = compile("$schema: 'http://json-schema.org/draft-04/schema#'\ntype: integer\n");
  CHECK(draft4.is_valid(Loaded("12345678910111213141516171819202122232425262728293031\n").root()));
  CHECK(draft4.is_valid(Loaded("-12345678910111213141516171819202122232425262728293031\n").root()));
  CHECK_FALSE(draft4.is_valid(Loaded("1.0\n").root()));
  CHECK_FALSE(draft4.is_valid(Loaded("1e400\n").root()));
  auto bound = compile("exclusiveMaximum: 972783798187987123879878123.18878137\n");
  CHECK_FALSE(bound.is_valid(Loaded("972783798187987123879878123.188781371\n").root()));
  CHECK(bound.is_valid(Loaded("972783798187987123879878123.18878136\n").root()));
  auto half = compile("multipleOf: 0.5\n");
  CHECK(half.is_valid(Loaded("1e308\n").root()));
  CHECK(half.is_valid(Loaded("1e400\n").root()));
  CHECK(half.is_valid(Loaded("1.25e1\n").root()));
  CHECK_FALSE(half.is_valid(Loaded("1.25e0\n").root()));
  auto huge = compile("minimum: 1e400\n");
  CHECK_FALSE(huge.is_valid(Loaded("1e399\n").root()));
  CHECK(huge.is_valid(Loaded("1e401\n").root()));
}

TEST_CASE("durations say which form they expect") {
  auto compiled = compile("format: duration\n");
  CHECK(findings(compiled, "30s\n") ==
        std::vector<std::string>{"1:1 : \"30s\" is not a valid duration; expected an ISO 8601 "
                                 "duration such as \"PT30S\", \"PT1H30M\" or \"P1DT12H\" "
                                 "[schema-format]"});
  CHECK(compiled.is_valid(Loaded("PT30S\n").root()));
}

TEST_CASE("patterns are ECMA-262 in Unicode mode") {
  // Refused: inline flags, and the forms only Annex B allows, read one way.
  for (const char* pattern :
       {"(?i)abc",    "\\a",         "\\Z",        "x{",    "a{2",           "}",
        "]",          "[[:alpha:]]", "[\\d-z]",    "\\1",   "(?<n>a)\\k<m>", "(?=a)*",
        "\\p{Letter", "\\p{letter}", "\\p{Greek}", "\\u12", "\\c1",          "a{2,1}",
        "(a",         "a)",          "\\-",        "\\00"}) {
    CAPTURE(pattern);
    CHECK_FALSE(schema::check_format("regex", pattern));
  }
  for (const char* pattern : {"^[a-z]+$",
                              "a{2,3}?",
                              "(?<year>\\d{4})-\\k<year>",
                              "\\p{L}\\p{Lu}",
                              "\\p{Letter}",
                              "\\p{Script=Greek}",
                              "\\p{sc=Grek}",
                              "\\P{Assigned}",
                              "\\u{1F600}",
                              "\\uD83D\\uDE00",
                              "[\\-a]",
                              "[a-]",
                              "[^]",
                              "[]",
                              "(?<=a)b",
                              "\\cJ",
                              "\\0",
                              "\\/",
                              "(a)\\1",
                              "\\1(a)"}) {
    CAPTURE(pattern);
    CHECK(schema::check_format("regex", pattern));
  }
  auto matches = [](const std::string& pattern, const std::string& json) {
    auto compiled = compile(fmt::format("pattern: '{}'\n", pattern));
    return compiled.is_valid(Loaded(json).root());
  };
  CHECK(matches("^\\s$", "\"\\u00a0\""));
  CHECK(matches("^\\s$", "\"\\ufeff\""));
  CHECK_FALSE(matches("^\\S$", "\"\\u2003\""));
  CHECK(matches("^[\\S]$", "\"x\""));
  CHECK_FALSE(matches("^[^\\S]$", "\"x\""));
  CHECK(matches("^[^\\S]$", "\" \""));
  CHECK_FALSE(matches("^.$", "\"\\u2028\""));
  CHECK(matches("^.$", "\"\\u00e9\""));
  CHECK_FALSE(matches("^\\v$", "\"\\n\""));
  CHECK(matches("^\\u{1F600}$", "\"\\ud83d\\ude00\""));
  CHECK(matches("^(?:(a)|b)\\1$", "\"b\""));
  CHECK_FALSE(matches("[]", "\"a\""));
  CHECK(matches("^[^]$", "\"a\""));
  CHECK_FALSE(matches("^abc$", "\"abc\\n\""));
}

TEST_CASE("references that branch at every level take linear time") {
  for (const char* applicator : {"anyOf", "allOf", "oneOf"}) {
    std::string text = "$ref: '#/$defs/d0'\n$defs:\n";
    for (int i = 0; i < 60; ++i) {
      text += fmt::format("  d{}: {{{}: [{{$ref: '#/$defs/d{}'}}, {{$ref: '#/$defs/d{}'}}]}}\n", i,
                          applicator, i + 1, i + 1);
    }
    text += "  d60: {type: 'null'}\n";
    CAPTURE(applicator);
    auto compiled = compile(text);
    // oneOf with two equal branches never passes; anyOf and allOf pass for null.
    CHECK(compiled.is_valid(Loaded("null\n").root()) == (std::string(applicator) != "oneOf"));
    CHECK_FALSE(compiled.is_valid(Loaded("1\n").root()));
    auto result = findings(compiled, "1\n");
    REQUIRE(result.size() == 1);
    if (std::string(applicator) != "oneOf") {
      CHECK(result[0] == "1:1 : expected null, got the integer 1 [schema-type]");
    }
  }
}

TEST_CASE("a schema too costly for a document ends in one diagnostic") {
  std::string text = "items:\n  anyOf:\n";
  for (int i = 0; i < 2000; ++i) {
    text += fmt::format("    - const: {}\n", i);
  }
  auto compiled = compile(text);
  std::string items = "[";
  for (int i = 0; i < 1000; ++i) {
    items += i ? ", x" : "x";
  }
  items += "]\n";
  auto result = findings(compiled, items);
  REQUIRE(result.size() == 1);
  CHECK(result[0].rfind("1:", 0) == 0);
  CHECK(result[0].find("schema evaluation exceeded its budget at /") != std::string::npos);
  CHECK(result[0].find("[schema-budget]") != std::string::npos);
  CHECK_FALSE(compiled.is_valid(Loaded(items).root()));
  // The same schema for a few items is evaluated in full.
  CHECK(findings(compiled, "[x]\n").size() == 1);
  CHECK(findings(compiled, "[1999]\n").empty());
}

TEST_CASE("findings beyond max_findings are counted, not kept") {
  schema::Options options;
  options.max_findings = 3;
  auto compiled = compile("items: {type: string}\n", options);
  Loaded loaded("[1, 2, 3, 4, 5, 6, 7]\n");
  DiagnosticSink sink;
  CHECK_FALSE(compiled.validate(loaded.root(), "data.yaml", sink));
  CHECK(sink.diagnostics().size() == 3);
  CHECK(sink.omitted() == 4);
  sink.limit(2, "data.yaml");
  REQUIRE(sink.diagnostics().size() == 3);
  CHECK(sink.diagnostics()[2].message ==
        "5 more findings are not shown; at most 2 are shown per file (--max-findings)");
  CHECK(sink.diagnostics()[2].severity == Severity::note);
  CHECK(sink.diagnostics()[2].rule == "max-findings");
}

TEST_CASE("a document nested to the deepest level validates against a recursive schema") {
  yaml::Limits limits;
  limits.max_depth = yaml::k_deepest_nesting;
  std::size_t depth = yaml::k_deepest_nesting;
  Loaded deep(std::string(depth, '[') + std::string(depth, ']') + "\n", limits);
  REQUIRE(deep.document.root);
  auto compiled = compile("type: array\nitems: {$ref: '#'}\nmaxItems: 1\n");
  CHECK(compiled.is_valid(deep.root()));
  DiagnosticSink sink;
  CHECK(compiled.validate(deep.root(), "deep.json", sink));
  CHECK(sink.diagnostics().empty());
}
