#include <fmt/format.h>

#include "leaspec/doc.hpp"
#include "leaspec/resources.hpp"
#include "leaspec/source.hpp"
#include "leaspec/yaml.hpp"

namespace leaspec::doc {

std::vector<std::string> Strings::languages() {
  std::vector<std::string> codes;
  constexpr std::string_view k_prefix = "data/i18n/";
  for (const catalog::Resource& resource : catalog::all_resources()) {
    if (resource.name.substr(0, k_prefix.size()) == k_prefix) {
      std::string_view file = resource.name.substr(k_prefix.size());
      codes.emplace_back(file.substr(0, file.find('.')));
    }
  }
  return codes;
}

const Strings& Strings::get(const std::string& language) {
  static const std::map<std::string, Strings> k_all = [] {
    std::map<std::string, Strings> all;
    for (const std::string& code : languages()) {
      std::string name = "data/i18n/" + code + ".yaml";
      yaml::Document document = catalog::bundled_tree(name);
      if (document.root->kind != yaml::Kind::mapping) {
        throw Error(fmt::format("the bundled strings {} do not load", name));
      }
      Strings strings;
      strings.m_language = code;
      for (const yaml::Entry& entry : document.root->entries()) {
        strings.m_texts.emplace(entry.key->text, entry.value->text);
      }
      all.emplace(code, std::move(strings));
    }
    return all;
  }();
  auto found = k_all.find(language);
  if (found == k_all.end()) {
    throw Error(fmt::format("no texts for language \"{}\"; leaspec has {}", language,
                            fmt::join(languages(), ", ")));
  }
  return found->second;
}

const std::string& Strings::operator[](std::string_view key) const {
  auto found = m_texts.find(key);
  if (found == m_texts.end()) {
    throw Error(fmt::format("the {} texts lack the key \"{}\"", m_language, key));
  }
  return found->second;
}

}  // namespace leaspec::doc
