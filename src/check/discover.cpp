// Finding spec files below the paths a user names.
#include <algorithm>
#include <cerrno>
#include <filesystem>

#include <sys/stat.h>

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

/// What one named folder's search found: files to check and paths that cannot be read.
class Search {
 public:
  Search(bool include_json) : m_include_json(include_json) {}

  /// Searches `root` and the folders below it, without recursion so that depth costs no
  /// stack. Throws FileError when `root` itself cannot be read.
  void run(const std::string& root) {
    std::vector<fs::path> pending{root};
    while (!pending.empty()) {
      fs::path folder = std::move(pending.back());
      pending.pop_back();
      std::error_code error;
      fs::directory_iterator it(folder, error);
      for (; !error && it != fs::directory_iterator(); it.increment(error)) {
        visit(*it, pending);
      }
      if (error && folder == root) {
        throw FileError(root, describe_errno(error.value()), "read folder");
      }
      if (error) {
        m_found.push_back({folder.string(), false, describe_errno(error.value()), true});
      }
    }
  }

  /// The targets found, sorted by path.
  std::vector<Target> take() {
    std::sort(m_found.begin(), m_found.end(),
              [](const Target& a, const Target& b) { return a.path < b.path; });
    return std::move(m_found);
  }

 private:
  void visit(const fs::directory_entry& entry, std::vector<fs::path>& pending) {
    std::error_code error;
    fs::file_status own = entry.symlink_status(error);
    std::string name = entry.path().filename().string();
    if (fs::is_directory(own)) {
      if (name.size() <= 1 || name[0] != '.') {
        pending.push_back(entry.path());
      }
      return;
    }
    if (!has_extension(entry.path(), m_include_json)) {
      return;
    }
    std::string path = entry.path().string();
    try {
      unsigned mode = fs::is_regular_file(own) ? S_IFREG : file_mode(path);
      if (S_ISDIR(mode)) {
        return;  // a symbolic link to a folder: not followed, so a search cannot loop
      }
      m_found.push_back({path, false, S_ISREG(mode) ? "" : not_regular_file(mode)});
    } catch (const FileError& e) {
      m_found.push_back({path, false, e.reason()});
    }
  }

  bool m_include_json;
  std::vector<Target> m_found;
};

}  // namespace

std::vector<Target> discover(const std::vector<std::string>& paths, bool include_json) {
  std::vector<Target> targets;
  for (const std::string& path : paths) {
    unsigned mode = file_mode(path);
    if (S_ISREG(mode)) {
      targets.push_back({path, true});
      continue;
    }
    if (!S_ISDIR(mode)) {
      throw FileError(
          path, fmt::format("it is {}, not a spec file or a folder", describe_file_type(mode)));
    }
    Search search(include_json);
    search.run(path);
    for (Target& target : search.take()) {
      targets.push_back(std::move(target));
    }
  }
  return targets;
}

}  // namespace leaspec::check
