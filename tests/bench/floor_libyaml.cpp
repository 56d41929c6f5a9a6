// The floor of the validate benchmark: libyaml's event parser, which leaspec's loader runs, over
// the files named, keeping nothing. What `leaspec validate` spends beyond this is its own work.
//
//   bench_floor_libyaml FILE...
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <yaml.h>

namespace {

/// Parses `text` to the end of the stream; false on a syntax error.
bool parse(const std::string& text) {
  yaml_parser_t parser;
  if (yaml_parser_initialize(&parser) == 0) {
    return false;
  }
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()),
                               text.size());
  bool ok = true;
  for (bool done = false; ok && !done;) {
    yaml_event_t event;
    ok = yaml_parser_parse(&parser, &event) != 0;
    done = ok && event.type == YAML_STREAM_END_EVENT;
    if (ok) {
      yaml_event_delete(&event);
    }
  }
  yaml_parser_delete(&parser);
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: bench_floor_libyaml FILE...\n";
    return 2;
  }
  std::size_t bytes = 0;
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    if (!in) {
      std::cerr << "bench_floor_libyaml: cannot open " << argv[i] << "\n";
      return 2;
    }
    std::stringstream stream;
    stream << in.rdbuf();
    std::string text = stream.str();
    bytes += text.size();
    if (!parse(text)) {
      std::cerr << argv[i] << ": not valid YAML\n";
      return 1;
    }
  }
  std::cout << argc - 1 << " files, " << bytes << " bytes parsed\n";
  return 0;
}
