// leaspec: validates requirement specifications and writes joint procurement documents.
#include "cli/app.hpp"

int main(int argc, char** argv) {
  return leaspec::cli::run(argc, argv);
}
