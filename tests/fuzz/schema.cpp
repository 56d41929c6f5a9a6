// Fuzzes the JSON Schema engine: the input is a schema and an instance (see fuzz::split);
// the schema is compiled with no remote documents and, when it compiles, validates the
// instance.
#include "leaspec/schema.hpp"
#include "fuzz.hpp"
#include "leaspec/yaml.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace leaspec;
  auto [schema_text, instance_text] = fuzz::split(fuzz::as_text(data, size));
  SourceFile schema_file("schema.yaml", std::move(schema_text));
  SourceFile instance_file("instance.yaml", std::move(instance_text));
  DiagnosticSink sink;
  yaml::Document schema_document = yaml::load(schema_file, sink);
  yaml::Document instance = yaml::load(instance_file, sink);
  if (!schema_document.root || !instance.root) {
    return 0;
  }
  schema::Fetcher no_remotes = [](const std::string&) -> std::optional<schema::FetchedDocument> {
    return std::nullopt;
  };
  std::optional<schema::Schema> compiled = schema::Schema::compile(
      std::move(schema_document), "file:///fuzz/schema.yaml", schema::Options{}, no_remotes, sink);
  if (compiled) {
    bool valid = compiled->validate(*instance.root, instance_file.path(), sink);
    if (valid != compiled->is_valid(*instance.root)) {
      __builtin_trap();  // both entry points give one verdict
    }
  }
  return 0;
}
