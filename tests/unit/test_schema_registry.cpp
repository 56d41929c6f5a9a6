#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include <doctest/doctest.h>

#include "helpers.hpp"
#include "leaspec/schema.hpp"

using namespace leaspec;
using leaspec::test::Loaded;
namespace fs = std::filesystem;

namespace {

/// A folder of schema files of its own, removed afterwards.
struct SchemaFolder {
  fs::path path;
  SchemaFolder() {
    std::string pattern = (fs::temp_directory_path() / "leaspec-registry-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path = pattern;
    fs::create_directories(path / "sub");
  }
  ~SchemaFolder() { fs::remove_all(path); }
  SchemaFolder(const SchemaFolder&) = delete;
  SchemaFolder& operator=(const SchemaFolder&) = delete;
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name) << text;
    return (path / name).string();
  }
};

std::optional<schema::Schema> compile_with(const schema::Registry& registry,
                                           const std::string& text, DiagnosticSink& sink) {
  SourceFile source("main.yaml", text);
  auto document = yaml::load(source, sink);
  return schema::Schema::compile(
      std::move(document), "https://example.test/main", {},
      [&](const std::string& uri) { return registry.find(uri); }, sink);
}

}  // namespace

TEST_CASE("schemas register by their $id and the $ids inside them") {
  SchemaFolder folder;
  folder.write("common.json",
               R"({"$id": "https://example.test/common", "$defs": {"name": {"$id": "name",
                   "type": "string", "minLength": 2}, "code": {"pattern": "^[A-Z]+$"}}})");
  folder.write("sub/draft4.json", R"({"$schema": "http://json-schema.org/draft-04/schema#",
                   "id": "https://example.test/old#", "type": "integer"})");
  folder.write("sub/plain.yaml", "type: boolean\n");
  folder.write(".hidden.json", R"({"$id": "https://example.test/hidden"})");
  schema::Registry registry;
  DiagnosticSink sink;
  registry.add_folder(folder.path.string(), sink);
  CHECK(sink.diagnostics().empty());
  CHECK(registry.find("https://example.test/common"));
  CHECK(registry.find("https://example.test/name"));
  CHECK(registry.find("https://example.test/old"));
  CHECK(registry.find("file://" + fs::weakly_canonical(folder.path / "sub/plain.yaml").string()));
  CHECK_FALSE(registry.find("https://example.test/elsewhere"));

  auto compiled = compile_with(registry, R"(
properties:
  name: {$ref: 'https://example.test/name'}
  code: {$ref: 'https://example.test/common#/$defs/code'}
  count: {$ref: 'https://example.test/old'}
)",
                               sink);
  REQUIRE(compiled);
  CHECK(compiled->is_valid(Loaded("{name: ab, code: XY, count: 3}\n").root()));
  CHECK_FALSE(compiled->is_valid(Loaded("{name: a}\n").root()));
  CHECK_FALSE(compiled->is_valid(Loaded("{code: xy}\n").root()));
  CHECK_FALSE(compiled->is_valid(Loaded("{count: 1.5}\n").root()));
}

TEST_CASE("an $id registered by two files is an error in the second") {
  SchemaFolder folder;
  std::string first = folder.write("a.json", R"({"$id": "https://example.test/same"})");
  std::string second = folder.write("b.json", "\n{\"$id\": \"https://example.test/same\"}");
  schema::Registry registry;
  DiagnosticSink sink;
  registry.add_file(first, sink);
  registry.add_file(second, sink);
  REQUIRE(sink.diagnostics().size() == 1);
  const Diagnostic& d = sink.diagnostics()[0];
  CHECK(d.file == second);
  CHECK(d.position == Position{2, 9});
  CHECK(d.message == "the schema \"https://example.test/same\" is registered twice: by " + first +
                         " and by " + second);
}
