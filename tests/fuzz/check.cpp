// Fuzzes the spec pipeline of every command: load, the bundled spec schema, the typed
// model and the rules.
#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)leaspec::fuzz::check_text(std::string(leaspec::fuzz::as_text(data, size)));
  return 0;
}
