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

const std::vector<Standard>& bundled_standards() {
  static const std::vector<Standard> k_standards = [] {
    std::vector<Standard> standards;
    yaml::Document document = bundled_catalog("data/catalog/standards.yaml");
    for (const yaml::Node* item : document.root->find("standards")->items()) {
      standards.push_back(standard_of(*item));
    }
    return standards;
  }();
  return k_standards;
}

const CpvList& bundled_cpv() {
  static const CpvList k_cpv =
      CpvList::from_sorted_lines(find_resource("data/catalog/cpv.tsv").value_or(""));
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

Standard standard_of(const yaml::Node& item) {
  Standard standard{item.text_at("designation"), item.text_at("title"), item.text_at("status"),
                    item.text_at("superseded_by")};
  if (std::string type = item.text_at("type"); !type.empty()) {
    standard.type = type;
  }
  return standard;
}

const Catalogs& Catalogs::bundled() {
  static const Catalogs k_catalogs;
  return k_catalogs;
}

void Catalogs::read_bundled() {
  (void)bundled_standards();
  (void)bundled_countries();
  (void)Units::bundled();
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
    for (CpvEntry entry : this->cpv()) {
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

namespace {

/// The offset just past the line that starts at `at`.
std::size_t next_line(std::string_view lines, std::size_t at) {
  std::size_t end = lines.find('\n', at);
  return end == std::string_view::npos ? lines.size() : end + 1;
}

/// The offset of the start of the line that holds `at`, not before `floor`.
std::size_t line_start(std::string_view lines, std::size_t at, std::size_t floor) {
  std::size_t start = at;
  while (start > floor && lines[start - 1] != '\n') {
    --start;
  }
  return start;
}

/// The text after the comment lines that open it.
std::string_view after_comments(std::string_view text) {
  std::size_t at = 0;
  while (at < text.size() && text[at] == '#') {
    at = next_line(text, at);
  }
  return text.substr(at);
}

}  // namespace

CpvEntry CpvList::Iterator::operator*() const {
  std::size_t end = m_lines.find('\n', m_at);
  std::string_view line = m_lines.substr(m_at, end == std::string_view::npos ? end : end - m_at);
  std::size_t tab = line.find('\t');
  if (tab == std::string_view::npos) {
    return {line, {}};
  }
  return {line.substr(0, tab), line.substr(tab + 1)};
}

CpvList::Iterator& CpvList::Iterator::operator++() {
  m_at = next_line(m_lines, m_at);
  return *this;
}

CpvList CpvList::from_sorted_lines(std::string_view text) {
  CpvList list;
  list.m_lines = after_comments(text);
  return list;
}

CpvList CpvList::from_tsv(std::string_view text) {
  std::string_view lines = after_comments(text);
  std::string kept;  // the entry lines, when some lines in between are left out
  bool contiguous = true;
  std::string_view previous;
  bool first = true;
  for (std::size_t at = 0; at < lines.size();) {
    std::size_t next = next_line(lines, at);
    std::string_view line = lines.substr(at, next - at);
    std::size_t tab = line.find('\t');
    if (line.front() == '#' || tab == std::string_view::npos) {
      if (contiguous) {
        kept.assign(lines.substr(0, at));
        contiguous = false;
      }
      at = next;
      continue;
    }
    std::string_view code = line.substr(0, tab);
    if (!first && code < previous) {
      throw Error("the CPV list is not sorted by code");
    }
    previous = code;
    first = false;
    if (!contiguous) {
      kept.append(line);
      if (line.back() != '\n') {
        kept += '\n';
      }
    }
    at = next;
  }
  return contiguous ? from_sorted_lines(lines) : owning(std::move(kept));
}

CpvList CpvList::owning(std::string text) {
  CpvList list;
  auto storage = std::make_shared<const std::string>(std::move(text));
  list.m_lines = *storage;
  list.m_storage = std::move(storage);
  return list;
}

CpvList CpvList::from_pairs(const std::vector<std::pair<std::string, std::string>>& entries) {
  auto one_line = [](std::string text) {
    std::replace_if(
        text.begin(), text.end(), [](char c) { return c == '\t' || c == '\n'; }, ' ');
    return text;
  };
  std::map<std::string, std::string_view> sorted;
  for (const auto& [code, label] : entries) {
    sorted.emplace(one_line(code), label);
  }
  std::string text;
  for (const auto& [code, label] : sorted) {
    text += code;
    text += '\t';
    text += one_line(std::string(label));
    text += '\n';
  }
  return owning(std::move(text));
}

CpvList::Iterator CpvList::lower_bound(std::string_view code) const {
  // A binary search over bytes: each step compares the line around the middle.
  std::size_t low = 0;
  std::size_t high = m_lines.size();
  while (low < high) {
    std::size_t start = line_start(m_lines, low + (high - low) / 2, low);
    if ((*Iterator(m_lines, start)).code < code) {
      low = next_line(m_lines, start);
    } else {
      high = start;
    }
  }
  return {m_lines, low};
}

std::optional<CpvEntry> CpvList::find(std::string_view code) const {
  Iterator found = lower_bound(code);
  if (found == end() || found->code != code) {
    return std::nullopt;
  }
  return *found;
}

std::size_t CpvList::size() const {
  auto breaks = static_cast<std::size_t>(std::count(m_lines.begin(), m_lines.end(), '\n'));
  return breaks + (!m_lines.empty() && m_lines.back() != '\n' ? 1 : 0);
}

std::optional<std::string> cpv_with_same_digits(const CpvList& list, std::string_view code) {
  if (code.size() < 8) {
    return std::nullopt;
  }
  std::string_view digits = code.substr(0, 8);
  CpvList::Iterator found = list.lower_bound(digits);
  if (found != list.end() && found->code.substr(0, 8) == digits && found->code != code) {
    return std::string(found->code);
  }
  return std::nullopt;
}

std::vector<CpvEntry> search_cpv(const CpvList& list, std::string_view query) {
  std::vector<std::string> words = words_of(query);
  std::vector<CpvEntry> result;
  bool by_code = !query.empty() && std::isdigit(static_cast<unsigned char>(query[0]));
  for (CpvEntry entry : list) {
    bool match = by_code ? entry.code.substr(0, query.size()) == query
                         : contains_all(normalise(entry.label), words);
    if (match) {
      result.push_back(entry);
    }
  }
  return result;
}

}  // namespace leaspec::catalog
