// Fuzzes the loader: any bytes as a YAML (or JSON) file, then the tree written as JSON.
#include "fuzz.hpp"
#include "leaspec/yaml.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace leaspec;
  SourceFile source("fuzz.yaml", std::string(fuzz::as_text(data, size)));
  DiagnosticSink sink;
  yaml::Document document = yaml::load(source, sink);
  if (document.root) {
    (void)yaml::to_json(*document.root);
    (void)yaml::to_json_pretty(*document.root);
    (void)yaml::unbake(yaml::bake(*document.root), "fuzz.yaml");
  }
  return 0;
}
