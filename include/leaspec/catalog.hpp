#pragma once
// Catalogs compiled into the binary: standards with their status, CPV codes, units and
// country codes. Loaded once from the bundled YAML files in data/catalog/.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace leaspec::catalog {

/// A standard or a legal act, with whether it is still the edition to cite.
struct Standard {
  std::string designation;
  std::string title;
  std::string status;  ///< current, withdrawn or superseded
  std::string superseded_by;
};

/// A unit of measure: its dimension and the factor to the dimension's base unit.
struct Unit {
  std::string name;
  std::string dimension;
  double factor = 1;
};

/// CPV codes and their labels, by code.
using CpvList = std::map<std::string, std::string, std::less<>>;

class Catalogs {
 public:
  /// The catalogs bundled into the binary.
  static const Catalogs& bundled();

  /// The catalog entry for a designation, compared without case and extra spaces.
  const Standard* find_standard(std::string_view designation) const;
  /// Standards whose designation or title contains every word of `query`.
  std::vector<const Standard*> search_standards(std::string_view query) const;
  const std::vector<Standard>& standards() const { return m_standards; }

  const CpvList& cpv() const { return m_cpv; }
  const Unit* find_unit(std::string_view name) const;
  std::vector<std::string> unit_names() const;

  bool is_country(std::string_view code) const;
  /// The English short name of an ISO 3166-1 alpha-2 code, or nullptr for none.
  const std::string* country_name(std::string_view code) const;
  /// The ISO code for an EU-style code (EL → GR, UK → GB).
  std::optional<std::string> iso_country_for(std::string_view code) const;

 private:
  std::vector<Standard> m_standards;
  CpvList m_cpv;
  std::vector<Unit> m_units;
  /// ISO code and English short name, sorted by code.
  std::vector<std::pair<std::string, std::string>> m_countries;
  std::map<std::string, std::string> m_eu_variants;
};

/// The code in `list` with the same eight digits as `code`, when the check digit differs.
std::optional<std::string> cpv_with_same_digits(const CpvList& list, std::string_view code);

/// CPV entries whose code starts with `query` or whose label contains every word of it.
std::vector<std::pair<std::string, std::string>> search_cpv(const CpvList& list,
                                                            std::string_view query);

/// Loads an official CPV list: CSV lines `code,label` or a JSON object of code to label.
/// Throws Error when the file cannot be read or holds no codes.
CpvList load_cpv_list(const std::string& path);

/// Lower case, single spaces: the form designations and queries are compared in.
std::string normalise(std::string_view text);

}  // namespace leaspec::catalog
