#pragma once
// The format-free document model and the builders that turn a spec into it. Writers turn a
// Document into bytes and never see a Spec.

#include <cstdint>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "leaspec/catalog.hpp"
#include "leaspec/spec.hpp"

namespace leaspec::doc {

/// A stretch of text with one emphasis.
struct Run {
  std::string text;
  bool bold = false;
  bool italic = false;
  /// A spreadsheet formula that computes the cell; `text` then holds its value as built,
  /// which formats without formulas show.
  std::string formula = {};
};

using Inline = std::vector<Run>;

struct Heading {
  int level = 1;  ///< 1 to 3
  std::string text;
};

struct Paragraph {
  enum class Style { body, title, subtitle, note };
  Inline runs;
  Style style = Style::body;
};

struct List {
  bool numbered = false;
  std::vector<Inline> items;
};

struct Table {
  /// Relative column widths; they need not add up to anything in particular.
  std::vector<double> widths;
  /// The first `header_rows` rows are headers, repeated on every page.
  std::size_t header_rows = 1;
  std::vector<std::vector<Inline>> rows;
  /// Columns a reader fills in (a bidder's answers); spreadsheets leave only these unlocked.
  std::vector<std::size_t> input_columns = {};
  /// Allowed values of a column, offered as a drop-down list in spreadsheets.
  std::map<std::size_t, std::vector<std::string>> choices = {};
};

struct PageBreak {};

using Block = std::variant<Heading, Paragraph, List, Table, PageBreak>;

/// A document: metadata and a sequence of blocks.
struct Document {
  std::string title;
  std::string subject;
  std::string language = "en";
  /// ISO 8601 date-time of creation, written only when set (SOURCE_DATE_EPOCH).
  std::string created;
  std::vector<Block> blocks;
};

/// Fixed texts in one language, from data/i18n/<code>.yaml.
class Strings {
 public:
  /// The bundled strings of a language; throws Error for a language leaspec lacks.
  static const Strings& get(const std::string& language);
  /// Codes of the bundled languages.
  static std::vector<std::string> languages();

  /// The text for `key`; throws Error when the key is missing.
  const std::string& operator[](std::string_view key) const;
  const std::map<std::string, std::string, std::less<>>& all() const { return m_texts; }
  const std::string& language() const { return m_language; }

 private:
  std::string m_language;
  std::map<std::string, std::string, std::less<>> m_texts;
};

/// What a builder knows besides the spec.
struct Context {
  const Strings& strings;
  const catalog::Catalogs& catalogs;
  /// Hex SHA-256 of the spec file as read, so that a document can be traced to it.
  std::string source_sha256;
  std::string source_name;
  /// Creation date-time for the metadata, empty unless SOURCE_DATE_EPOCH is set.
  std::string created;
};

/// The technical-specifications annex of a joint tender.
Document build_annex(const spec::Spec& spec, const Context& context);

/// A draft standard in CEN/ISO document structure.
Document build_standard(const spec::Spec& spec, const Context& context);

/// The bidders' compliance matrix: one table of every requirement, one per lot, and a
/// summary whose counts follow the bidder's answers. Each level-1 heading starts a sheet in
/// spreadsheet formats.
Document build_matrix(const spec::Spec& spec, const Context& context);

/// Replaces control characters that no document format can carry with U+FFFD.
std::string clean_text(std::string_view text);

/// Hex SHA-256 digest (FIPS 180-4) of `data`.
std::string sha256_hex(std::string_view data);

}  // namespace leaspec::doc
