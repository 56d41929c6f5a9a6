// Finding spec files below the paths a user names.
#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "leaspec/check/discover.hpp"
#include "leaspec/source.hpp"

namespace leaspec::check {
namespace fs = std::filesystem;

bool is_spec(const yaml::Node& root) {
  return root.kind == yaml::Kind::mapping && root.find("leaspec") != nullptr;
}

bool looks_like_spec(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    std::string_view line = text.substr(pos, end == text.npos ? text.npos : end - pos);
    if (line.substr(0, 8) == "leaspec:" || line.substr(0, 10) == "\"leaspec\":" ||
        line.find("{\"leaspec\"") != line.npos) {
      return true;
    }
    if (end == text.npos) {
      break;
    }
    pos = end + 1;
  }
  return false;
}

namespace {

bool has_extension(const fs::path& path, bool include_json) {
  std::string extension = path.extension().string();
  return extension == ".yaml" || extension == ".yml" || (include_json && extension == ".json");
}

}  // namespace

std::vector<Target> discover(const std::vector<std::string>& paths, bool include_json) {
  std::vector<Target> targets;
  for (const std::string& path : paths) {
    std::error_code error;
    fs::file_status status = fs::status(path, error);
    if (error || !fs::exists(status)) {
      throw Error(fmt::format("{}: no such file or directory", path));
    }
    if (!fs::is_directory(status)) {
      targets.push_back({path, true});
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, error);
    if (error) {
      throw Error(fmt::format("cannot read folder {}: {}", path, error.message()));
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(error)) {
      if (error) {
        throw Error(fmt::format("cannot read folder {}: {}", path, error.message()));
      }
      const fs::path& entry = it->path();
      std::string name = entry.filename().string();
      if (it->is_directory(error)) {
        if (name.size() > 1 && name[0] == '.') {
          it.disable_recursion_pending();
        }
        continue;
      }
      if (it->is_regular_file(error) && has_extension(entry, include_json)) {
        found.push_back(entry.string());
      }
    }
    std::sort(found.begin(), found.end());
    for (std::string& file : found) {
      targets.push_back({std::move(file), false});
    }
  }
  return targets;
}

}  // namespace leaspec::check
