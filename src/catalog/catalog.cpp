#include <algorithm>
#include <cctype>
#include <sstream>

#include <fmt/format.h>

#include "leaspec/catalog.hpp"
#include "leaspec/resources.hpp"
#include "leaspec/source.hpp"
#include "leaspec/yaml.hpp"

namespace leaspec::catalog {
namespace {

/// Loads a bundled YAML resource; the build guarantees it is there and valid.
struct BundledDocument {
  SourceFile source;
  DiagnosticSink sink;
  yaml::Document document;

  explicit BundledDocument(std::string_view name)
      : source(std::string(name), std::string(find_resource(name).value_or(""))),
        document(yaml::load(source, sink)) {
    if (!document.root) {
      throw Error(fmt::format("the bundled catalog {} does not load", name));
    }
  }
};

std::vector<std::string> words_of(std::string_view query) {
  std::vector<std::string> words;
  std::istringstream in(normalise(query));
  std::string word;
  while (in >> word) {
    words.push_back(word);
  }
  return words;
}

bool contains_all(const std::string& haystack, const std::vector<std::string>& words) {
  return std::all_of(words.begin(), words.end(), [&](const std::string& word) {
    return haystack.find(word) != std::string::npos;
  });
}

}  // namespace

std::string normalise(std::string_view text) {
  std::string result;
  bool space = false;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !result.empty();
      continue;
    }
    if (space) {
      result += ' ';
      space = false;
    }
    result += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return result;
}

const Catalogs& Catalogs::bundled() {
  static const Catalogs k_catalogs = [] {
    Catalogs catalogs;
    BundledDocument standards("data/catalog/standards.yaml");
    for (const yaml::Node* item : standards.document.root->find("standards")->items) {
      auto text = [&](const char* key) {
        const yaml::Node* node = item->find(key);
        return node ? node->text : std::string();
      };
      catalogs.m_standards.push_back(
          {text("designation"), text("title"), text("status"), text("superseded_by")});
    }
    BundledDocument cpv("data/catalog/cpv.yaml");
    for (const yaml::Entry& entry : cpv.document.root->find("codes")->entries) {
      catalogs.m_cpv.emplace(entry.key->text, entry.value->text);
    }
    BundledDocument units("data/catalog/units.yaml");
    for (const yaml::Entry& dimension : units.document.root->find("dimensions")->entries) {
      for (const yaml::Entry& unit : dimension.value->entries) {
        catalogs.m_units.push_back({unit.key->text, dimension.key->text, unit.value->number});
      }
    }
    BundledDocument countries("data/catalog/countries.yaml");
    for (const yaml::Entry& entry : countries.document.root->find("codes")->entries) {
      catalogs.m_countries.emplace_back(entry.key->text, entry.value->text);
    }
    for (const yaml::Entry& entry : countries.document.root->find("eu_variants")->entries) {
      catalogs.m_eu_variants.emplace(entry.key->text, entry.value->text);
    }
    std::sort(catalogs.m_countries.begin(), catalogs.m_countries.end());
    return catalogs;
  }();
  return k_catalogs;
}

const Standard* Catalogs::find_standard(std::string_view designation) const {
  std::string wanted = normalise(designation);
  for (const Standard& standard : m_standards) {
    if (normalise(standard.designation) == wanted) {
      return &standard;
    }
  }
  return nullptr;
}

std::vector<const Standard*> Catalogs::search_standards(std::string_view query) const {
  std::vector<std::string> words = words_of(query);
  std::vector<const Standard*> result;
  for (const Standard& standard : m_standards) {
    if (contains_all(normalise(standard.designation + " " + standard.title), words)) {
      result.push_back(&standard);
    }
  }
  return result;
}

const Unit* Catalogs::find_unit(std::string_view name) const {
  for (const Unit& unit : m_units) {
    if (unit.name == name) {
      return &unit;
    }
  }
  return nullptr;
}

std::vector<std::string> Catalogs::unit_names() const {
  std::vector<std::string> names;
  for (const Unit& unit : m_units) {
    names.push_back(unit.name);
  }
  return names;
}

bool Catalogs::is_country(std::string_view code) const {
  return country_name(code) != nullptr;
}

const std::string* Catalogs::country_name(std::string_view code) const {
  auto found =
      std::lower_bound(m_countries.begin(), m_countries.end(), code,
                       [](const auto& entry, std::string_view key) { return entry.first < key; });
  return found != m_countries.end() && found->first == code ? &found->second : nullptr;
}

std::optional<std::string> Catalogs::iso_country_for(std::string_view code) const {
  auto found = m_eu_variants.find(std::string(code));
  if (found == m_eu_variants.end()) {
    return std::nullopt;
  }
  return found->second;
}

std::optional<std::string> cpv_with_same_digits(const CpvList& list, std::string_view code) {
  if (code.size() < 8) {
    return std::nullopt;
  }
  std::string digits(code.substr(0, 8));
  auto it = list.lower_bound(digits);
  if (it != list.end() && it->first.compare(0, 8, digits) == 0 && it->first != code) {
    return it->first;
  }
  return std::nullopt;
}

std::vector<std::pair<std::string, std::string>> search_cpv(const CpvList& list,
                                                            std::string_view query) {
  std::vector<std::string> words = words_of(query);
  std::vector<std::pair<std::string, std::string>> result;
  bool by_code = !query.empty() && std::isdigit(static_cast<unsigned char>(query[0]));
  for (const auto& [code, label] : list) {
    bool match =
        by_code ? code.compare(0, query.size(), query) == 0 : contains_all(normalise(label), words);
    if (match) {
      result.emplace_back(code, label);
    }
  }
  return result;
}

CpvList load_cpv_list(const std::string& path) {
  std::string text = read_file(path, 64u << 20);
  CpvList list;
  std::size_t first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first != std::string::npos && text[first] == '{') {
    SourceFile source(path, std::move(text));
    DiagnosticSink sink;
    yaml::Document document = yaml::load(source, sink, {64u << 20, 8, 10'000'000});
    if (!document.root || document.root->kind != yaml::Kind::mapping) {
      throw Error(fmt::format("{}: not a JSON object of CPV code to label", path));
    }
    for (const yaml::Entry& entry : document.root->entries) {
      list.emplace(entry.key->text, entry.value->text);
    }
  } else {
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
      auto comma = line.find(',');
      if (comma == std::string::npos) {
        continue;
      }
      std::string code = line.substr(0, comma);
      code.erase(std::remove(code.begin(), code.end(), '"'), code.end());
      std::string label = line.substr(comma + 1);
      while (!label.empty() && (label.back() == '\r' || label.back() == '"')) {
        label.pop_back();
      }
      if (!label.empty() && label.front() == '"') {
        label.erase(0, 1);
      }
      if (code.size() == 10 && code[8] == '-') {
        list.emplace(code, label);
      }
    }
  }
  if (list.empty()) {
    throw Error(
        fmt::format("{}: no CPV codes found (expected CSV code,label or a JSON object)", path));
  }
  return list;
}

}  // namespace leaspec::catalog
