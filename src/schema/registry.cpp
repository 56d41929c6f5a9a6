#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "schema/compiled.hpp"

namespace leaspec::schema {
namespace fs = std::filesystem;

void Registry::add_file(const std::string& path, DiagnosticSink& sink, const yaml::Limits& limits) {
  SourceFile source(path, read_file(path, limits.max_bytes));
  yaml::Document document = yaml::load(source, sink, limits);
  if (!document.root) {
    return;
  }
  std::string file_uri = "file://" + fs::weakly_canonical(fs::absolute(path)).string();
  // The document's own $id, when it has one, is the base of every reference inside it.
  SchemaIndex index;
  index.add(*document.root, file_uri, Dialect::draft2020_12, path);
  std::string base = index.info_of(*document.root, {file_uri, {}, path}).base;
  if (base == file_uri) {
    index.resources.emplace(file_uri, document.root);
  }
  std::size_t number = m_files.size();
  for (const auto& [uri, node] : index.resources) {
    auto [it, inserted] = m_by_uri.emplace(uri, number);
    if (!inserted && m_files[it->second].name != path) {
      const yaml::Node* id = node->kind == yaml::Kind::mapping
                                 ? (node->find("$id") ? node->find("$id") : node->find("id"))
                                 : nullptr;
      sink.report({Severity::error, "invalid-schema",
                   fmt::format("the schema \"{}\" is registered twice: by {} and by {}", uri,
                               m_files[it->second].name, path),
                   path, id ? id->position : node->position, ""});
    }
  }
  m_files.push_back({path, source.text(), base});
}

void Registry::add_folder(const std::string& folder, DiagnosticSink& sink,
                          const yaml::Limits& limits) {
  std::vector<std::string> found;
  std::error_code error;
  fs::recursive_directory_iterator it(folder, error);
  if (error) {
    throw Error(fmt::format("cannot read folder {}: {}", folder, error.message()));
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(error)) {
    if (error) {
      throw Error(fmt::format("cannot read folder {}: {}", folder, error.message()));
    }
    std::string name = it->path().filename().string();
    if (it->is_directory(error)) {
      if (name.size() > 1 && name[0] == '.') {
        it.disable_recursion_pending();
      }
      continue;
    }
    std::string extension = it->path().extension().string();
    if (it->is_regular_file(error) &&
        (extension == ".json" || extension == ".yaml" || extension == ".yml")) {
      found.push_back(it->path().string());
    }
  }
  std::sort(found.begin(), found.end());
  for (const std::string& path : found) {
    add_file(path, sink, limits);
  }
}

std::optional<FetchedDocument> Registry::find(const std::string& uri) const {
  auto found = m_by_uri.find(uri);
  if (found == m_by_uri.end()) {
    return std::nullopt;
  }
  const File& file = m_files[found->second];
  return FetchedDocument{file.name, file.text, "", file.base};
}

}  // namespace leaspec::schema
