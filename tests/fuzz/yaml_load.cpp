// Fuzzes the loader: any bytes as a YAML (or JSON) file, then the tree written as JSON.
#include <cstdlib>
#include <string>

#include "fuzz.hpp"
#include "leaspec/yaml.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace leaspec;
  SourceFile source("fuzz.yaml", std::string(fuzz::as_text(data, size)));
  DiagnosticSink sink;
  yaml::Document document = yaml::load(source, sink);
  if (document.root) {
    std::string json = yaml::to_json(*document.root);
    (void)yaml::to_json_pretty(*document.root);
    std::string blob = yaml::bake(*document.root);  // the unbaked texts are views of it
    yaml::Document again = yaml::unbake(blob, "fuzz.yaml");
    if (yaml::to_json(*again.root) != json) {
      std::abort();  // baking lost or changed part of the tree
    }
  }
  return 0;
}
