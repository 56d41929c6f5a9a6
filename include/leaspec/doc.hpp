#pragma once
// The format-free document model and the builders that turn a spec into it. Writers turn a
// Document into bytes and never see a Spec.

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "leaspec/catalog.hpp"
#include "leaspec/conform.hpp"
#include "leaspec/joint.hpp"
#include "leaspec/spec.hpp"
#include "leaspec/text.hpp"
#include "leaspec/translate.hpp"

namespace leaspec::doc {

/// How a run of a revised text is marked: as it was, deleted or inserted.
enum class Mark { none, deleted, inserted };

/// A stretch of text with one emphasis.
struct Run {
  std::string text;
  bool bold = false;
  bool italic = false;
  /// A spreadsheet formula that computes the cell; `text` then holds its value as built,
  /// which formats without formulas show.
  std::string formula = {};
  Mark mark = Mark::none;
  /// Kept on one line: an identifier or a designation, which must not break at its hyphens.
  /// Writers give its table column the width to hold it whole; a run that starts a line of
  /// its cell then never breaks.
  bool unbroken = false;
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

/// Rows of an earlier table that a table shows again, with that table's input columns as the
/// one place to answer them: spreadsheets show the answers through formulas and lock them.
struct TableView {
  /// The index in `Document::blocks` of the table shown.
  std::size_t source = 0;
  /// Rows of that table, after this table's own header rows.
  std::vector<std::size_t> rows;
};

struct Table {
  /// Relative column widths, the columns' preferred shares where the content leaves room;
  /// writers widen a column to its widest word.
  std::vector<double> widths;
  /// The first `header_rows` rows are headers, repeated on every page.
  std::size_t header_rows = 1;
  std::vector<std::vector<Inline>> rows;
  /// Columns a reader fills in (a bidder's answers); spreadsheets leave only these unlocked.
  std::vector<std::size_t> input_columns = {};
  /// Allowed values of a column, offered as a drop-down list in spreadsheets.
  std::map<std::size_t, std::vector<std::string>> choices = {};
  /// Set when the rows after the header are rows of another table.
  std::optional<TableView> view = {};
  /// Tables with the same layout number other than 0 have the same columns and share their
  /// widths, so that they line up page after page.
  int layout = 0;
};

struct PageBreak {};

using Block = std::variant<Heading, Paragraph, List, Table, PageBreak>;

/// What a document is; it decides the formats it can be written in (see `write`).
/// `evaluation` is the bidders' answers to compliance matrices side by side.
/// `conformance` is a spec's conformance to the common standards it names.
enum class DocumentKind {
  annex,
  standard,
  matrix,
  corrigendum,
  merge_report,
  evaluation,
  conformance
};

/// The names of the document kinds, as the command line spells them.
constexpr auto k_document_kind_names = std::to_array<std::string_view>(
    {"annex", "standard", "matrix", "corrigendum", "merge-report", "evaluation", "conformance"});

constexpr std::string_view name(DocumentKind kind) {
  return k_document_kind_names[static_cast<std::size_t>(kind)];
}

constexpr std::optional<DocumentKind> parse_kind(std::string_view text) {
  for (std::size_t i = 0; i < k_document_kind_names.size(); ++i) {
    if (k_document_kind_names[i] == text) {
      return static_cast<DocumentKind>(i);
    }
  }
  return std::nullopt;
}

/// A document: metadata and a sequence of blocks.
struct Document {
  DocumentKind kind = DocumentKind::annex;
  std::string title;
  std::string subject;
  std::string language = "en";
  /// Time of creation, written only when set (SOURCE_DATE_EPOCH); zip entries carry it too.
  text::Timestamp created;
  /// What every page's footer names (the spec's id and version), and the page number in
  /// words with {0} for the page and {1} for the number of pages; empty for no footer.
  std::string footer;
  std::string page_label;
  std::vector<Block> blocks;
};

/// Spreadsheet column letters of a zero-based column index: A, B, ..., Z, AA, AB, ...
std::string column_letters(std::size_t index);

/// The number of rows `table` shows: its own, or for a view its header and the rows viewed.
std::size_t row_count(const Document& document, const Table& table);

/// Row `index` of those `table` shows. Throws Error for a view of a block that is no table.
const std::vector<Inline>& table_row(const Document& document, const Table& table,
                                     std::size_t index);

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
  /// Creation time for the metadata, unset unless SOURCE_DATE_EPOCH is set.
  text::Timestamp created;
  /// The spec's texts in the document's languages; null for the texts as written.
  const translate::Rendering* rendering = nullptr;
  /// The spec's conformance to the standards it names, for the annex; null for none.
  const conform::Report* conformance = nullptr;
};

/// The technical-specifications annex of a joint tender.
Document build_annex(const spec::Spec& spec, const Context& context);

/// A draft standard in CEN/ISO document structure.
Document build_standard(const spec::Spec& spec, const Context& context);

/// The bidders' compliance matrix: one table of every requirement, one per lot, and a
/// summary whose counts follow the bidder's answers. Each level-1 heading starts a sheet in
/// spreadsheet formats.
Document build_matrix(const spec::Spec& spec, const Context& context);

/// The corrigendum notice of the changes from `before` to `after`.
Document build_corrigendum(const std::vector<joint::Change>& changes, const spec::Spec& before,
                           const spec::Spec& after, const Context& context);

/// The conformance report: per standard in `conforms_to`, each clause with the requirement
/// that implements it, both bounds and the verdict.
Document build_conformance(const spec::Spec& spec, const conform::Report& report,
                           const Context& context);

/// The merge report: every conflict and decision with its sides, and who asked for what.
Document build_merge_report(const joint::MergeResult& result, const Context& context);

}  // namespace leaspec::doc
