// The unit tests' main: doctest's, plus the exit code 77 (skipped) when a test case of the
// "test-data" suite lacked the third-party data it reads.
#define DOCTEST_CONFIG_IMPLEMENT
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include <doctest/doctest.h>

#include "helpers.hpp"

namespace leaspec::test {
namespace {

/// The files test cases asked for that the test data folder does not hold.
std::vector<std::string>& missing_data() {
  static std::vector<std::string> missing;
  return missing;
}

}  // namespace

std::optional<std::string> test_data(const std::string& relative) {
  const char* folder = std::getenv("LEASPEC_TEST_DATA");
  if (folder && *folder) {
    std::string path = std::string(folder) + "/" + relative;
    if (std::filesystem::exists(path)) {
      return path;
    }
  }
  missing_data().push_back(relative);
  MESSAGE("missing test data: " << relative);
  return std::nullopt;
}

}  // namespace leaspec::test

int main(int argc, char** argv) {
  doctest::Context context(argc, argv);
  int result = context.run();
  if (context.shouldExit() || result != 0 || leaspec::test::missing_data().empty()) {
    return result;
  }
  const char* folder = std::getenv("LEASPEC_TEST_DATA");
  std::cout << "SKIPPED: missing test data in "
            << (folder && *folder ? folder : "(LEASPEC_TEST_DATA is not set)") << ":";
  for (const std::string& path : leaspec::test::missing_data()) {
    std::cout << " " << path;
  }
  std::cout << "\n  Get it with scripts/setup.sh --tests (from ../shared/data or the network), or "
               "set\n  LEASPEC_TEST_DATA (or the CMake cache variable of that name) to a folder "
               "that holds it.\n";
  return 77;
}
