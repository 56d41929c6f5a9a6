#pragma once
// Catalogs compiled into the binary: standards with their status, the CPV vocabulary, units
// and country codes. Each part is read from its bundled file the first time it is used, so
// that a run pays only for what it looks up.

#include <deque>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace leaspec::catalog {

/// A standard or a legal act, with whether it is still the edition to cite.
struct Standard {
  std::string designation;
  std::string title;
  std::string status;  ///< current, withdrawn or superseded
  std::string superseded_by;
  std::string type = "standard";  ///< standard, legislation, guidance or specification
};

/// A unit of measure: its dimension and the factor to the dimension's base unit.
struct Unit {
  std::string name;
  std::string dimension;
  double factor = 1;
};

/// One CPV code and its label.
struct CpvEntry {
  std::string_view code;
  std::string_view label;
};

/// CPV codes and their labels, sorted by code. The bundled list points into the binary's
/// data; a list read from a file owns its text.
class CpvList {
 public:
  CpvList() = default;
  CpvList(std::initializer_list<std::pair<std::string, std::string>> entries);

  /// The entries of `code<TAB>label` lines (lines starting with # are comments); `text`
  /// must outlive the list.
  static CpvList from_tsv(std::string_view text);
  /// A list that owns its entries, in any order.
  static CpvList from_pairs(const std::vector<std::pair<std::string, std::string>>& entries);

  const CpvEntry* find(std::string_view code) const;
  bool contains(std::string_view code) const { return find(code) != nullptr; }
  /// The first entry whose code is not less than `code`.
  const CpvEntry* lower_bound(std::string_view code) const;
  std::span<const CpvEntry> entries() const { return m_entries; }
  std::size_t size() const { return m_entries.size(); }

 private:
  std::vector<CpvEntry> m_entries;
  std::shared_ptr<const std::deque<std::string>> m_storage;
};

class Catalogs {
 public:
  /// The catalogs bundled into the binary.
  static const Catalogs& bundled();

  /// These catalogs with a user's entries before their own: a standard or a CPV code of the
  /// user's replaces the one with the same designation or code.
  Catalogs with(std::vector<Standard> standards,
                std::vector<std::pair<std::string, std::string>> cpv) const;

  /// The catalog entry for a designation, compared without case and extra spaces.
  const Standard* find_standard(std::string_view designation) const;
  /// Standards whose designation or title contains every word of `query`.
  std::vector<const Standard*> search_standards(std::string_view query) const;
  const std::vector<Standard>& standards() const;

  const CpvList& cpv() const;
  const Unit* find_unit(std::string_view name) const;
  std::vector<std::string> unit_names() const;

  bool is_country(std::string_view code) const;
  /// The English short name of an ISO 3166-1 alpha-2 code, or nullptr for none.
  const std::string* country_name(std::string_view code) const;
  /// The ISO code for an EU-style code (EL → GR, UK → GB).
  std::optional<std::string> iso_country_for(std::string_view code) const;

 private:
  /// Set when the catalogs have entries of their own; else the bundled parts serve.
  std::shared_ptr<const std::vector<Standard>> m_standards;
  std::shared_ptr<const CpvList> m_cpv;
};

/// The code in `list` with the same eight digits as `code`, when the check digit differs.
std::optional<std::string> cpv_with_same_digits(const CpvList& list, std::string_view code);

/// CPV entries whose code starts with `query` or whose label contains every word of it.
std::vector<CpvEntry> search_cpv(const CpvList& list, std::string_view query);

/// Lower case, single spaces: the form designations and queries are compared in.
std::string normalise(std::string_view text);

}  // namespace leaspec::catalog
