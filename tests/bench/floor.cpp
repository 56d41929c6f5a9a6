// The floor of the validate benchmark: yaml-cpp's event parser over the files named, with an
// event handler that does nothing. What `leaspec validate` spends beyond this is its own work.
//
//   bench_floor FILE...
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

namespace {

/// Receives every event and keeps nothing.
class NullHandler : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& /*mark*/) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& /*mark*/, YAML::anchor_t /*anchor*/) override {}
  void OnAlias(const YAML::Mark& /*mark*/, YAML::anchor_t /*anchor*/) override {}
  void OnScalar(const YAML::Mark& /*mark*/, const std::string& /*tag*/, YAML::anchor_t /*anchor*/,
                const std::string& /*value*/) override {}
  void OnSequenceStart(const YAML::Mark& /*mark*/, const std::string& /*tag*/,
                       YAML::anchor_t /*anchor*/, YAML::EmitterStyle::value /*style*/) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& /*mark*/, const std::string& /*tag*/, YAML::anchor_t /*anchor*/,
                  YAML::EmitterStyle::value /*style*/) override {}
  void OnMapEnd() override {}
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: bench_floor FILE...\n";
    return 2;
  }
  std::size_t bytes = 0;
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    if (!in) {
      std::cerr << "bench_floor: cannot open " << argv[i] << "\n";
      return 2;
    }
    std::stringstream stream;
    stream << in.rdbuf();
    bytes += static_cast<std::size_t>(stream.tellp());
    try {
      YAML::Parser parser(stream);
      NullHandler handler;
      while (parser.HandleNextDocument(handler)) {
      }
    } catch (const YAML::Exception& error) {
      std::cerr << argv[i] << ": " << error.what() << "\n";
      return 1;
    }
  }
  std::cout << argc - 1 << " files, " << bytes << " bytes parsed\n";
  return 0;
}
