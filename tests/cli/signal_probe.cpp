// leaspec with a pause halfway through writing each output file, so that the signal tests
// can interrupt a write at a known moment. Only the tests build and run it.
#include <chrono>
#include <cstdio>
#include <thread>

#include "cli/app.hpp"
#include "cli/output.hpp"

int main(int argc, char** argv) {
  leaspec::cli::testing::g_partial_write_hook = [](const std::string& temporary) {
    std::fprintf(stderr, "probe: writing %s\n", temporary.c_str());
    // The test sends its signal now; a test that never does still ends after 30 s.
    std::this_thread::sleep_for(std::chrono::seconds(30));
  };
  return leaspec::cli::run(argc, argv);
}
