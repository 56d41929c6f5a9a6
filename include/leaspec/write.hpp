#pragma once
// Writers: a format-free Document becomes the bytes of one output format. A new output
// format is one writer.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leaspec/doc.hpp"

namespace leaspec::write {

enum class Format { md, html, docx, odt, xlsx, csv };

std::optional<Format> parse_format(std::string_view name);
std::string_view extension(Format format);
/// Whether the format is text that may go to standard output.
bool is_text(Format format);

/// Renders the document in the chosen format.
std::string render(const doc::Document& document, Format format);

std::string render_markdown(const doc::Document& document);
std::string render_html(const doc::Document& document);
std::string render_docx(const doc::Document& document);
std::string render_odt(const doc::Document& document);
/// One sheet per level-1 heading, tables with frozen headers, filters, drop-down lists and
/// protection that leaves only the input columns open.
std::string render_xlsx(const doc::Document& document);
/// The document's first table as RFC 4180 CSV, UTF-8, with no cell a spreadsheet would run.
std::string render_csv(const doc::Document& document);

/// One file of a zip archive.
struct ZipEntry {
  std::string name;
  std::string data;
  bool compress = true;
};

/// A zip archive of the entries in the given order, byte-identical for identical input: every
/// entry gets the same timestamp (1980-01-01, or SOURCE_DATE_EPOCH when it is set).
std::string make_zip(const std::vector<ZipEntry>& entries);

/// SOURCE_DATE_EPOCH as an ISO 8601 UTC date-time, or empty when it is not set or invalid.
std::string source_date_epoch_iso();

}  // namespace leaspec::write
