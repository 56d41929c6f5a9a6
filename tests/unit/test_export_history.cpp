#include <filesystem>
#include <fstream>

#include <doctest/doctest.h>

#include "leaspec/export.hpp"
#include "leaspec/spec.hpp"

using namespace leaspec;

TEST_CASE("outside a git repository every object gets the fallback time") {
  std::filesystem::path folder = std::filesystem::temp_directory_path() / "leaspec-history-test";
  std::filesystem::create_directories(folder);
  std::string path = (folder / "spec.yaml").string();
  std::ofstream(path) << "leaspec: 1\n";
  spec::Spec spec;
  spec::Section section;
  section.id.value = "S";
  section.position = {2, 5};
  spec::Requirement r;
  r.id.value = "R-1";
  r.position = {4, 9};
  r.end = {5, 9};
  section.requirements.push_back(r);
  spec.sections.push_back(section);
  SourceFile source(path, "leaspec: 1\nsections:\n  - id: S\n    requirements:\n      - id: R-1\n");
  exports::ChangeTimes times = exports::change_times(spec, source, "2026-02-02T00:00:00Z");
  CHECK(times.requirements.at("R-1") == "2026-02-02T00:00:00Z");
  CHECK(times.sections.at("S") == "2026-02-02T00:00:00Z");
  CHECK(times.specification == "2026-02-02T00:00:00Z");
  CHECK(exports::modification_time(path).size() == 20);
  CHECK(exports::modification_time((folder / "missing").string()).empty());
  std::filesystem::remove_all(folder);
}
