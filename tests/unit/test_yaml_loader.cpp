
#include <doctest/doctest.h>

#include "helpers.hpp"

using leaspec::test::Loaded;
using leaspec::yaml::Kind;

TEST_CASE("keys and values know their line and column") {
  Loaded loaded("leaspec: 1\nsections:\n  - id: VID\n    title: \"Video\"\n");
  REQUIRE(loaded.document.root);
  const auto& root = loaded.root();
  CHECK(root.kind == Kind::mapping);
  const auto* sections = root.find_entry("sections");
  REQUIRE(sections);
  CHECK(sections->key->position == leaspec::Position{2, 1});
  REQUIRE(sections->value->items().size() == 1);
  const auto& section = *sections->value->items()[0];
  CHECK(section.position == leaspec::Position{3, 5});
  const auto* title = section.find_entry("title");
  CHECK(title->key->position == leaspec::Position{4, 5});
  CHECK(title->value->position == leaspec::Position{4, 12});
  CHECK(title->value->text == "Video");
}

TEST_CASE("scalars are typed by the YAML 1.2 core schema") {
  Loaded loaded(
      "a: no\nb: on\nc: 2026-01-01\nd: 1.0\ne: 12\nf: '12'\ng: true\nh: ~\ni: 0x1F\nj: 1e3\n"
      "k: \"true\"\nl: |\n  block\nm: yes\n");
  REQUIRE(loaded.document.root);
  const auto& root = loaded.root();
  CHECK(root.find("a")->kind == Kind::string);
  CHECK(root.find("b")->kind == Kind::string);
  CHECK(root.find("c")->kind == Kind::string);
  CHECK(root.find("c")->text == "2026-01-01");
  CHECK(root.find("d")->kind == Kind::number);
  CHECK(root.find("d")->text == "1.0");
  CHECK(root.find("d")->is_integral());
  CHECK(root.find("e")->kind == Kind::integer);
  CHECK(root.find("e")->integer == 12);
  CHECK(root.find("f")->kind == Kind::string);
  CHECK(root.find("g")->kind == Kind::boolean);
  CHECK(root.find("h")->kind == Kind::null);
  CHECK(root.find("i")->integer == 31);
  CHECK(root.find("j")->number == 1000.0);
  CHECK(root.find("k")->kind == Kind::string);
  CHECK(root.find("l")->text == "block\n");
  CHECK(root.find("m")->kind == Kind::string);
}

TEST_CASE("explicit core tags are honoured and checked") {
  Loaded loaded("a: !!str 12\nb: !!int 7\n");
  REQUIRE(loaded.document.root);
  CHECK(loaded.root().find("a")->kind == Kind::string);
  CHECK(loaded.root().find("b")->kind == Kind::integer);
  Loaded bad("a: !!int seven\n");
  CHECK_FALSE(bad.document.root);
  CHECK(bad.only_diagnostic() == "1:4: \"seven\" is not a valid !!int [unsupported-tag]");
}

TEST_CASE("duplicate keys are errors, each one reported") {
  Loaded loaded("id: A\ntitle: T\nid: B\nnested:\n  x: 1\n  x: 2\n");
  CHECK_FALSE(loaded.document.root);
  REQUIRE(loaded.sink.diagnostics().size() == 2);
  CHECK(loaded.sink.diagnostics()[0].message == "key \"id\" is already used at line 1");
  CHECK(loaded.sink.diagnostics()[0].position == leaspec::Position{3, 1});
  CHECK(loaded.sink.diagnostics()[1].position == leaspec::Position{6, 3});
  CHECK(loaded.sink.diagnostics()[1].rule == "duplicate-key");
}

TEST_CASE("syntax errors name the place") {
  Loaded unclosed("a: 1\nb: {c: 2\n");
  CHECK(unclosed.only_diagnostic() == "2:4: this '{' is never closed with '}' [yaml-syntax]");
  Loaded bad_indent("a:\n  b: 1\n c: 2\n");
  CHECK_FALSE(bad_indent.document.root);
  CHECK(bad_indent.sink.diagnostics().at(0).position.line == 3);
}

TEST_CASE("invalid UTF-8 is reported at the offending byte") {
  Loaded loaded(std::string("a: ok\nb: caf\xC3") + "\n");
  CHECK(loaded.only_diagnostic() ==
        "2:7: invalid UTF-8 byte 0xC3; the file must be UTF-8 encoded [invalid-utf8]");
  Loaded overlong(std::string("a: \xC0\xAF\n"));
  CHECK(overlong.only_diagnostic().rfind("1:4: invalid UTF-8 byte 0xC0", 0) == 0);
}

TEST_CASE("tabs used for indentation are errors, tabs inside text are not") {
  Loaded loaded("a:\n\tb: 1\n");
  CHECK(loaded.only_diagnostic() ==
        "2:1: tab character used for indentation; YAML indents with spaces only [tab-indent]");
  Loaded content("a: \"x\ty\"\nb: |\n  col1\tcol2\n");
  REQUIRE(content.document.root);
  CHECK(content.root().find("a")->text == "x\ty");
  CHECK(content.root().find("b")->text == "col1\tcol2\n");
}

TEST_CASE("empty files and several documents are errors") {
  CHECK(Loaded("").only_diagnostic() == "1:1: the file holds no YAML document [empty-file]");
  CHECK(Loaded("# only a comment\n").only_diagnostic() ==
        "1:1: the file holds no YAML document [empty-file]");
  CHECK(Loaded("---\n").only_diagnostic() == "1:1: the document is empty [empty-file]");
  CHECK(Loaded("a: 1\n---\nb: 2\n").only_diagnostic() ==
        "2:1: the file holds more than one YAML document; a spec is a single document "
        "[multiple-documents]");
}

TEST_CASE("nesting is bounded") {
  leaspec::yaml::Limits limits;
  limits.max_depth = 4;
  CHECK(Loaded("a: [[[1]]]\n", limits).document.root);
  CHECK(Loaded("a: [[[[1]]]]\n", limits).only_diagnostic() ==
        "1:7: nesting is deeper than the limit of 4 levels [too-deep]");
  // Far beyond any bound: still one diagnostic at the level too deep, in bounded work.
  std::string deep = "a: " + std::string(5000, '[') + std::string(5000, ']') + "\n";
  Loaded very_deep(deep);
  CHECK_FALSE(very_deep.document.root);
  CHECK(very_deep.sink.diagnostics().at(0).rule == "too-deep");
}

TEST_CASE("the size of a file is bounded") {
  leaspec::yaml::Limits limits;
  limits.max_bytes = 10;
  CHECK(Loaded("a: 12345678901\n", limits).only_diagnostic() ==
        "0:0: the file has 15 bytes, more than the limit of 10 [too-large]");
}

TEST_CASE("aliases are shared, and their expansion is bounded") {
  Loaded shared("base: &b {x: 1}\ncopy: *b\n");
  REQUIRE(shared.document.root);
  CHECK(shared.root().find("copy") == shared.root().find("base"));

  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char previous = 'a';
  for (char name = 'b'; name <= 'j'; ++name) {
    bomb += std::string(1, name) + ": &" + name + " [";
    for (int i = 0; i < 10; ++i) {
      bomb += std::string(i ? ", *" : "*") + previous;
    }
    bomb += "]\n";
    previous = name;
  }
  CHECK(bomb.size() < 1024);
  Loaded loaded(bomb);
  CHECK_FALSE(loaded.document.root);
  CHECK(loaded.sink.diagnostics().at(0).rule == "alias-expansion");

  Loaded cycle("a: &a [*a]\n");
  CHECK(cycle.only_diagnostic() ==
        "1:8: alias *a refers to a node that contains it [alias-expansion]");
}

TEST_CASE("keys must be scalars") {
  CHECK(Loaded("? [a, b]\n: 1\n").only_diagnostic() ==
        "1:3: a mapping key must be a scalar, not a sequence or mapping [complex-key]");
}

TEST_CASE("JSON is loaded too, including escaped surrogate pairs") {
  Loaded loaded(R"({"a": [1, 2.5, "x"], "b": {"c": null}, "d": "\ud83d\udca9"})");
  REQUIRE(loaded.document.root);
  CHECK(loaded.root().find("a")->items().size() == 3);
  CHECK(loaded.root().find("b")->find("c")->kind == Kind::null);
  CHECK(loaded.root().find("d")->text == "\xF0\x9F\x92\xA9");
}

TEST_CASE("nodes convert to JSON and compare as JSON values") {
  Loaded loaded("a: [1, 1.0, 'x', null, true]\nb: {k: 1, j: 2}\nc: {j: 2, k: 1.0}\n");
  REQUIRE(loaded.document.root);
  CHECK(leaspec::yaml::to_json(*loaded.root().find("a")) == R"([1,1.0,"x",null,true])");
  CHECK(leaspec::yaml::equal(*loaded.root().find("b"), *loaded.root().find("c")));
  CHECK_FALSE(leaspec::yaml::equal(*loaded.root().find("a"), *loaded.root().find("b")));
}

TEST_CASE("aliases are bounded by the bytes of text they expand to") {
  leaspec::yaml::Limits limits;
  limits.max_expanded_bytes = 1000;
  std::string text = "a: &a \"" + std::string(300, 'x') + "\"\nb: [*a, *a, *a]\n";
  CHECK(Loaded(text, limits).only_diagnostic() ==
        "2:13: aliases expand the document to more than 1000 bytes of text [alias-expansion]");
  // Keys count too, and a mapping's alias brings its keys and values along.
  limits.max_expanded_bytes = 100;
  CHECK(
      Loaded("m: &m {" + std::string(40, 'k') + ": v}\nn: [*m, *m]\n", limits).only_diagnostic() ==
      "2:9: aliases expand the document to more than 100 bytes of text [alias-expansion]");
  CHECK(Loaded(text).document.root);
}

TEST_CASE("a bracket left open at the end of the file is a syntax error at the bracket") {
  CHECK(Loaded("[1, 2\n").only_diagnostic() ==
        "1:1: this '[' is never closed with ']' [yaml-syntax]");
  CHECK(Loaded("{\"a\": [1, {\"b\": 2\n").only_diagnostic() ==
        "1:11: this '{' is never closed with '}' [yaml-syntax]");
  CHECK(Loaded("a:\n  - [x, y\n").only_diagnostic() ==
        "2:5: this '[' is never closed with ']' [yaml-syntax]");
  CHECK(Loaded("? [a, b]\n: 1\n").only_diagnostic() ==
        "1:3: a mapping key must be a scalar, not a sequence or mapping [complex-key]");
}

TEST_CASE("a document that is only null is a null") {
  for (const char* text : {"null\n", "~\n", "--- null\n", "# note\nNull\n"}) {
    CAPTURE(text);
    Loaded loaded(text);
    REQUIRE(loaded.document.root);
    CHECK(loaded.root().kind == Kind::null);
  }
  CHECK(Loaded("--- # nothing\n...\n").only_diagnostic() ==
        "1:1: the document is empty [empty-file]");
}

TEST_CASE("nesting may reach the deepest bound, and no further") {
  leaspec::yaml::Limits limits;
  limits.max_depth = 10'000;
  std::size_t deepest = leaspec::yaml::k_deepest_nesting;
  CHECK(Loaded(std::string(deepest, '[') + std::string(deepest, ']'), limits).document.root);
  CHECK(Loaded(std::string(deepest + 1, '[') + std::string(deepest + 1, ']'), limits)
            .only_diagnostic() ==
        "1:500: nesting is deeper than the limit of 499 levels [too-deep]");
}

TEST_CASE("duplicate keys are found in large mappings too") {
  std::string text;
  for (int i = 0; i < 100; ++i) {
    text += "k" + std::to_string(i) + ": 1\n";
  }
  text += "k42: 2\n";
  CHECK(Loaded(text).only_diagnostic() ==
        "101:1: key \"k42\" is already used at line 43 [duplicate-key]");
}

TEST_CASE("columns count bytes after characters of several bytes, and after a byte order mark") {
  // "ż" and "ó" take two bytes each, "€" three: the '[' is the 9th byte of the line.
  Loaded loaded("żó€: [1, 2]\nb: x\n");
  REQUIRE(loaded.document.root);
  CHECK(loaded.root().find("żó€")->position == leaspec::Position{1, 10});
  CHECK(loaded.root().find_entry("b")->value->position == leaspec::Position{2, 4});
  Loaded marked(
      "\xEF\xBB\xBF"
      "a: 1\nb: [\n");
  CHECK(marked.only_diagnostic() == "2:4: this '[' is never closed with ']' [yaml-syntax]");
  Loaded after_bom(
      "\xEF\xBB\xBF"
      "a: 1\n");
  REQUIRE(after_bom.document.root);
  CHECK(after_bom.root().find_entry("a")->key->position == leaspec::Position{1, 4});
}

TEST_CASE("positions stay right in texts far longer than one step of the position index") {
  std::string text;
  for (int i = 0; i < 3000; ++i) {
    text += "k" + std::to_string(i) + ": \"żółć\"\n";
  }
  text += "last: [\n";
  CHECK(Loaded(text).only_diagnostic() ==
        "3001:7: this '[' is never closed with ']' [yaml-syntax]");
  Loaded loaded(text.substr(0, text.size() - 8));
  REQUIRE(loaded.document.root);
  CHECK(loaded.root().find_entry("k2999")->value->position == leaspec::Position{3000, 8});
}

TEST_CASE("characters YAML does not allow unescaped are refused, their escapes are not") {
  CHECK(Loaded("a: \"x\x01y\"\n").only_diagnostic() ==
        "1:6: character U+0001 is not allowed in YAML text; write it as an escape (\\u0001) in a "
        "double-quoted string [yaml-syntax]");
  CHECK(Loaded("a: \xEF\xBF\xBE\n").only_diagnostic() ==
        "1:4: character U+FFFE is not allowed in YAML text; write it as an escape (\\uFFFE) in a "
        "double-quoted string [yaml-syntax]");
  Loaded escaped("a: \"x\\u0001\\uFFFEy\"\n");
  REQUIRE(escaped.document.root);
  CHECK(escaped.root().find("a")->text == "x\x01\xEF\xBF\xBEy");
}

TEST_CASE("syntax errors say what the parser was reading and where it started") {
  CHECK(Loaded("a: b: c\n").only_diagnostic() ==
        "1:5: mapping values are not allowed in this context [yaml-syntax]");
  CHECK(Loaded("a:\n  - b\n c: d\n").only_diagnostic() ==
        "3:2: did not find expected key (parsing a block mapping that starts at line 1) "
        "[yaml-syntax]");
  CHECK(Loaded("a: \"open\n").only_diagnostic() ==
        "2:1: found unexpected end of stream (scanning a quoted scalar that starts at line 1) "
        "[yaml-syntax]");
}

TEST_CASE("an anchor defined again names the later node from there on") {
  Loaded loaded("a: &x 1\nb: *x\nc: &x 2\nd: *x\n");
  REQUIRE(loaded.document.root);
  CHECK(loaded.root().find("b")->integer == 1);
  CHECK(loaded.root().find("d")->integer == 2);
  CHECK(Loaded("a: *nope\n").only_diagnostic() ==
        "1:4: alias *nope refers to an anchor that is not defined [yaml-syntax]");
}

TEST_CASE("a document keeps its texts and children after its source is gone") {
  // Long texts, escapes (which libyaml rewrites), keys and numbers all live in the document.
  std::string long_text(5000, 'x');
  auto source = std::make_unique<leaspec::SourceFile>(
      "kept.yaml", "text: \"tab\\there\"\nlong: " + long_text + "\nitems: [1, 2.5, three]\n" +
                       "empty: ''\nnull: ~\n");
  leaspec::DiagnosticSink sink;
  leaspec::yaml::Document document = leaspec::yaml::load(*source, sink);
  source.reset();
  REQUIRE(document.root);
  const leaspec::yaml::Node& root = *document.root;
  CHECK(root.find("text")->text == "tab\there");
  CHECK(root.find("long")->text == long_text);
  const auto items = root.find("items")->items();
  REQUIRE(items.size() == 3);
  CHECK(items[0]->text == "1");
  CHECK(items[1]->number == 2.5);
  CHECK(items[2]->text == "three");
  CHECK(root.find("empty")->kind == Kind::string);
  CHECK(root.find("empty")->text.empty());
  CHECK(root.find("null")->kind == Kind::null);
  CHECK(root.find("null")->text.empty());
  CHECK(root.entries().size() == 5);
  // A scalar has no children and a sequence has no entries, whatever their storage holds.
  CHECK(root.find("text")->items().empty());
  CHECK(root.find("items")->entries().empty());
  CHECK(root.items().empty());
}

TEST_CASE("a baked tree comes back whole, its texts read in place from the baked bytes") {
  leaspec::SourceFile source("baked.yaml",
                             "text: \"tab\\there\"\nitems: [1, -2, 2.5, true, ~, three]\n"
                             "nested: {a: [x, {b: ''}]}\nlong: " +
                                 std::string(300, 'y') + "\n");
  leaspec::DiagnosticSink sink;
  leaspec::yaml::Document loaded = leaspec::yaml::load(source, sink);
  REQUIRE(loaded.root);
  std::string blob = leaspec::yaml::bake(*loaded.root);
  leaspec::yaml::Document unbaked = leaspec::yaml::unbake(blob, "baked.yaml");
  REQUIRE(unbaked.root);
  CHECK(leaspec::yaml::equal(*loaded.root, *unbaked.root));
  CHECK(leaspec::yaml::to_json(*unbaked.root) == leaspec::yaml::to_json(*loaded.root));
  CHECK(unbaked.root->find("items")->position == loaded.root->find("items")->position);
  std::string_view text = unbaked.root->find("long")->text;
  CHECK(text == std::string(300, 'y'));
  CHECK(text.data() >= blob.data());
  CHECK(text.data() + text.size() <= blob.data() + blob.size());
  CHECK_THROWS_AS(leaspec::yaml::unbake(blob.substr(0, blob.size() - 1), "cut.yaml"),
                  leaspec::Error);
}

TEST_CASE("a position points at the value it is in or after, keys escaped as RFC 6901 says") {
  leaspec::SourceFile source("pointers.yaml",
                             "a: 1\n"
                             "list:\n"
                             "  - x\n"
                             "  - {b/c: long text here, d~e: [7, 8]}\n");
  leaspec::DiagnosticSink sink;
  leaspec::yaml::Document document = leaspec::yaml::load(source, sink);
  REQUIRE(document.root);
  leaspec::yaml::PointerIndex index(*document.root);
  CHECK(index.pointer_at({1, 1}) == "/a");  // a key points at its value
  CHECK(index.pointer_at({1, 4}) == "/a");
  CHECK(index.pointer_at({2, 1}) == "/list");
  CHECK(index.pointer_at({3, 5}) == "/list/0");
  CHECK(index.pointer_at({4, 5}) == "/list/1");
  CHECK(index.pointer_at({4, 6}) == "/list/1/b~1c");
  CHECK(index.pointer_at({4, 20}) == "/list/1/b~1c");  // inside the text
  CHECK(index.pointer_at({4, 27}) == "/list/1/d~0e");
  CHECK(index.pointer_at({4, 33}) == "/list/1/d~0e/0");
  CHECK(index.pointer_at({4, 36}) == "/list/1/d~0e/1");
  CHECK(index.pointer_at({0, 0}).empty());  // before everything: the root
}
