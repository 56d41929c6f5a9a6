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

/// The tree of a bundled catalog file.
yaml::Document bundled_catalog(std::string_view name) {
  yaml::Document document = bundled_tree(name);
  if (document.root->kind != yaml::Kind::mapping) {
    throw Error(fmt::format("the bundled catalog {} is not a mapping", name));
  }
  return document;
}

std::string text_of(const yaml::Node& item, std::string_view key) {
  const yaml::Node* node = item.find(key);
  return node ? std::string(node->text) : std::string();
}

const std::vector<Standard>& bundled_standards() {
  static const std::vector<Standard> k_standards = [] {
    std::vector<Standard> standards;
    yaml::Document document = bundled_catalog("data/catalog/standards.yaml");
    for (const yaml::Node* item : document.root->find("standards")->items()) {
      Standard standard{text_of(*item, "designation"), text_of(*item, "title"),
                        text_of(*item, "status"), text_of(*item, "superseded_by")};
      if (std::string type = text_of(*item, "type"); !type.empty()) {
        standard.type = type;
      }
      standards.push_back(std::move(standard));
    }
    return standards;
  }();
  return k_standards;
}

const CpvList& bundled_cpv() {
  static const CpvList k_cpv =
      CpvList::from_tsv(find_resource("data/catalog/cpv.tsv").value_or(""));
  return k_cpv;
}

struct Countries {
  /// English short name by ISO code.
  std::map<std::string, std::string, std::less<>> names;
  std::map<std::string, std::string, std::less<>> eu_variants;
};

const Countries& bundled_countries() {
  static const Countries k_countries = [] {
    Countries countries;
    yaml::Document document = bundled_catalog("data/catalog/countries.yaml");
    for (const yaml::Entry& entry : document.root->find("codes")->entries()) {
      countries.names.emplace(entry.key->text, entry.value->text);
    }
    for (const yaml::Entry& entry : document.root->find("eu_variants")->entries()) {
      countries.eu_variants.emplace(entry.key->text, entry.value->text);
    }
    return countries;
  }();
  return k_countries;
}

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

/// Calls `emit` with each character of `text` normalised: lower case, runs of white space as
/// one space, none at either end; stops early when `emit` returns false.
template <typename Emit>
bool for_each_normalised(std::string_view text, Emit emit) {
  bool space = false;
  bool started = false;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = started;
      continue;
    }
    if (space && !emit(' ')) {
      return false;
    }
    space = false;
    started = true;
    if (!emit(static_cast<char>(std::tolower(static_cast<unsigned char>(c))))) {
      return false;
    }
  }
  return true;
}

/// Whether `text`, normalised, equals `wanted` (already normalised), without building it.
bool normalises_to(std::string_view text, std::string_view wanted) {
  std::size_t at = 0;
  bool same =
      for_each_normalised(text, [&](char c) { return at < wanted.size() && wanted[at++] == c; });
  return same && at == wanted.size();
}

}  // namespace

std::string normalise(std::string_view text) {
  std::string result;
  for_each_normalised(text, [&](char c) {
    result += c;
    return true;
  });
  return result;
}

const Catalogs& Catalogs::bundled() {
  static const Catalogs k_catalogs;
  return k_catalogs;
}

const std::vector<Standard>& Catalogs::standards() const {
  return m_standards ? *m_standards : bundled_standards();
}

const CpvList& Catalogs::cpv() const {
  return m_cpv ? *m_cpv : bundled_cpv();
}

Catalogs Catalogs::with(std::vector<Standard> standards,
                        std::vector<std::pair<std::string, std::string>> cpv) const {
  Catalogs result = *this;
  if (!standards.empty()) {
    for (const Standard& own : this->standards()) {
      std::string designation = normalise(own.designation);
      bool replaced = std::any_of(standards.begin(), standards.end(), [&](const Standard& s) {
        return normalise(s.designation) == designation;
      });
      if (!replaced) {
        standards.push_back(own);
      }
    }
    result.m_standards = std::make_shared<const std::vector<Standard>>(std::move(standards));
  }
  if (!cpv.empty()) {
    // from_pairs keeps the first of equal codes, so the user's entries come first.
    for (const CpvEntry& entry : this->cpv().entries()) {
      cpv.emplace_back(entry.code, entry.label);
    }
    result.m_cpv = std::make_shared<const CpvList>(CpvList::from_pairs(cpv));
  }
  return result;
}

const Standard* Catalogs::find_standard(std::string_view designation) const {
  std::string wanted = normalise(designation);
  for (const Standard& standard : standards()) {
    if (normalises_to(standard.designation, wanted)) {
      return &standard;
    }
  }
  return nullptr;
}

std::vector<const Standard*> Catalogs::search_standards(std::string_view query) const {
  std::vector<std::string> words = words_of(query);
  std::vector<const Standard*> result;
  for (const Standard& standard : standards()) {
    if (contains_all(normalise(standard.designation + " " + standard.title), words)) {
      result.push_back(&standard);
    }
  }
  return result;
}

bool Catalogs::is_country(std::string_view code) const {
  return country_name(code) != nullptr;
}

const std::string* Catalogs::country_name(std::string_view code) const {
  const auto& names = bundled_countries().names;
  auto found = names.find(code);
  return found != names.end() ? &found->second : nullptr;
}

std::optional<std::string> Catalogs::iso_country_for(std::string_view code) const {
  const auto& variants = bundled_countries().eu_variants;
  auto found = variants.find(code);
  if (found == variants.end()) {
    return std::nullopt;
  }
  return found->second;
}

CpvList::CpvList(std::initializer_list<std::pair<std::string, std::string>> entries)
    : CpvList(from_pairs(std::vector<std::pair<std::string, std::string>>(entries))) {}

CpvList CpvList::from_tsv(std::string_view text) {
  CpvList list;
  list.m_entries.reserve(text.size() / 40);
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    std::string_view line = text.substr(pos, end == text.npos ? text.npos : end - pos);
    pos = end == text.npos ? text.size() : end + 1;
    std::size_t tab = line.find('\t');
    if (line.empty() || line.front() == '#' || tab == line.npos) {
      continue;
    }
    list.m_entries.push_back({line.substr(0, tab), line.substr(tab + 1)});
  }
  if (!std::is_sorted(list.m_entries.begin(), list.m_entries.end(),
                      [](const CpvEntry& a, const CpvEntry& b) { return a.code < b.code; })) {
    throw Error("the CPV list is not sorted by code");
  }
  return list;
}

CpvList CpvList::from_pairs(const std::vector<std::pair<std::string, std::string>>& entries) {
  auto storage = std::make_shared<std::deque<std::string>>();
  std::map<std::string_view, std::string_view> sorted;
  for (const auto& [code, label] : entries) {
    std::string_view c = storage->emplace_back(code);
    std::string_view l = storage->emplace_back(label);
    sorted.emplace(c, l);
  }
  CpvList list;
  for (const auto& [code, label] : sorted) {
    list.m_entries.push_back({code, label});
  }
  list.m_storage = std::move(storage);
  return list;
}

const CpvEntry* CpvList::lower_bound(std::string_view code) const {
  auto found = std::lower_bound(m_entries.begin(), m_entries.end(), code,
                                [](const CpvEntry& e, std::string_view c) { return e.code < c; });
  return found == m_entries.end() ? nullptr : &*found;
}

const CpvEntry* CpvList::find(std::string_view code) const {
  const CpvEntry* entry = lower_bound(code);
  return entry && entry->code == code ? entry : nullptr;
}

std::optional<std::string> cpv_with_same_digits(const CpvList& list, std::string_view code) {
  if (code.size() < 8) {
    return std::nullopt;
  }
  std::string_view digits = code.substr(0, 8);
  const CpvEntry* entry = list.lower_bound(digits);
  if (entry && entry->code.substr(0, 8) == digits && entry->code != code) {
    return std::string(entry->code);
  }
  return std::nullopt;
}

std::vector<CpvEntry> search_cpv(const CpvList& list, std::string_view query) {
  std::vector<std::string> words = words_of(query);
  std::vector<CpvEntry> result;
  bool by_code = !query.empty() && std::isdigit(static_cast<unsigned char>(query[0]));
  for (const CpvEntry& entry : list.entries()) {
    bool match = by_code ? entry.code.substr(0, query.size()) == query
                         : contains_all(normalise(entry.label), words);
    if (match) {
      result.push_back(entry);
    }
  }
  return result;
}

}  // namespace leaspec::catalog
