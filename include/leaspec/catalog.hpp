#pragma once
// Catalogs compiled into the binary: standards with their status, the CPV vocabulary, units
// and country codes. Each part is read from its bundled file the first time it is used, so
// that a run pays only for what it looks up.

#include <cstddef>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace leaspec::yaml {
class Node;
}  // namespace leaspec::yaml

namespace leaspec::catalog {

/// A standard or a legal act, with whether it is still the edition to cite.
struct Standard {
  std::string designation;
  std::string title;
  std::string status;  ///< current, withdrawn or superseded
  std::string superseded_by;
  std::string type = "standard";  ///< standard, legislation, guidance or specification
};

/// One CPV code and its label.
struct CpvEntry {
  std::string_view code;
  std::string_view label;
};

/// The standard a catalog file's entry describes (designation, title, status, superseded_by,
/// type).
Standard standard_of(const yaml::Node& item);

/// CPV codes and their labels, sorted by code, kept as the text of `code<TAB>label` lines and
/// searched in place: the bundled list is the binary's own data, so looking a code up reads a
/// few lines and builds nothing; a list made from pairs owns its text.
class CpvList {
 public:
  /// Walks the entries in code order.
  class Iterator {
   public:
    using value_type = CpvEntry;
    using difference_type = std::ptrdiff_t;
    Iterator() = default;
    CpvEntry operator*() const;
    struct Arrow {
      CpvEntry entry;
      const CpvEntry* operator->() const { return &entry; }
    };
    Arrow operator->() const { return {**this}; }
    Iterator& operator++();
    Iterator operator++(int) {
      Iterator before = *this;
      ++*this;
      return before;
    }
    bool operator==(const Iterator& other) const { return m_at == other.m_at; }

   private:
    friend class CpvList;
    Iterator(std::string_view lines, std::size_t at) : m_lines(lines), m_at(at) {}
    std::string_view m_lines;
    std::size_t m_at = 0;
  };

  CpvList() = default;
  CpvList(std::initializer_list<std::pair<std::string, std::string>> entries);

  /// The entries of `code<TAB>label` lines; lines starting with # and lines without a tab
  /// are left out. Throws Error when the codes are not in ascending order. When the entries
  /// are one run of lines after any leading comments, the list is a view of `text`, which
  /// must outlive it.
  static CpvList from_tsv(std::string_view text);
  /// `text` after its leading # lines, trusted to be entry lines in ascending code order and
  /// to outlive the list (the bundled list, which a test checks): nothing is read until a
  /// lookup.
  static CpvList from_sorted_lines(std::string_view text);
  /// A list that owns its entries, given in any order; the first of equal codes is kept. A
  /// tab or line break inside a code or label becomes a space.
  static CpvList from_pairs(const std::vector<std::pair<std::string, std::string>>& entries);

  std::optional<CpvEntry> find(std::string_view code) const;
  bool contains(std::string_view code) const { return find(code).has_value(); }
  /// The first entry whose code is not less than `code`, or end().
  Iterator lower_bound(std::string_view code) const;
  Iterator begin() const { return {m_lines, 0}; }
  Iterator end() const { return {m_lines, m_lines.size()}; }
  /// The number of entries (a count of the lines).
  std::size_t size() const;

 private:
  /// A list of the entry lines in `text`, which it keeps.
  static CpvList owning(std::string text);

  std::string_view m_lines;  ///< the entry lines, nothing before or between them
  std::shared_ptr<const std::string> m_storage;
};

class Catalogs {
 public:
  /// The catalogs bundled into the binary.
  static const Catalogs& bundled();
  /// Reads the bundled standards, countries and units now rather than at their first lookup.
  /// Reading builds trees that are freed again; done before a run's first file, that memory
  /// serves the file's own tree, so the run touches less memory in all.
  static void read_bundled();

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

/// A unit a configuration adds (`.leaspec.yaml` `units:`): `factor` of its dimension's base
/// unit, or of a new dimension's own base when the dimension is not in the catalog.
struct UnitDefinition {
  std::string name;
  std::string dimension;
  double factor = 1;
};

/// One unit of the catalog, for listings: how it is written, what it measures and how it is
/// defined.
struct UnitEntry {
  std::string symbol;
  std::vector<std::string> names;
  std::string dimension;
  /// The expression that defines it ("60 s", "K @ 273.15"); empty for a base unit.
  std::string definition = {};
  /// Whether a requirement's text may state it (some symbols are also ordinary words).
  bool in_text = true;
  /// For a rating: the standard that defines its codes; empty for a unit.
  std::string standard = {};
  bool rating = false;
};

/// What a unit written in a metric is.
struct UnitInfo {
  std::string symbol;     ///< the catalog's symbol, or the expression as written
  std::string dimension;  ///< what it measures: "time", "electric charge"; a rating's name
  bool rating = false;    ///< an ordinal code (IP, IK): compares with itself, never converts
  /// For a rating: how many digits a code has, and whether each digit compares on its own.
  int digits = 0;
  bool by_digit = false;
};

/// The units leaspec knows: the bundled catalog and, for a configuration, the units it adds.
/// Looking a unit up reads only the catalog's table; the UDUNITS-2 unit system that converts
/// values and parses compound expressions (km/h, cd/m²) is built the first time a
/// conversion needs it. Safe to use from several threads.
class Units {
 public:
  /// The bundled units.
  static const Units& bundled();
  /// The bundled units and `added`; throws Error for an added unit that is already known.
  explicit Units(std::vector<UnitDefinition> added);
  ~Units();
  Units(const Units&) = delete;
  Units& operator=(const Units&) = delete;

  /// The unit `text` names: a catalog symbol or name, a rating, an added unit, or a compound
  /// expression of known units; nullopt when it is none of these.
  std::optional<UnitInfo> find(std::string_view text) const;
  /// `value` in unit `from` expressed in unit `to` (offsets included, as for °F to °C);
  /// nullopt when the units do not convert.
  std::optional<double> convert(double value, std::string_view from, std::string_view to) const;
  /// Why values in `a` and `b` do not compare: "mAh is electric charge, Wh is energy; they
  /// compare only with a stated voltage".
  std::string why_not(std::string_view a, std::string_view b) const;
  /// The dimension's base or reference unit, in which `leaspec catalog units` defines units.
  std::string reference_of(std::string_view dimension) const;
  /// How a value in `unit` is written in the dimension's reference unit ("3600 s"), or
  /// empty when it cannot be said.
  std::string in_reference(std::string_view unit) const;
  /// Every unit and rating, in catalog order, then the added units.
  std::vector<UnitEntry> entries() const;
  /// Every symbol and name a requirement's text may use for a unit, with the unit it names.
  const std::vector<std::pair<std::string, std::string>>& text_forms() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace leaspec::catalog
