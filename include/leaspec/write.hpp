#pragma once
// Writers: a format-free Document becomes the bytes of one output format. A new output
// format is one writer and one line in the table of formats.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "leaspec/doc.hpp"
#include "leaspec/text.hpp"

namespace leaspec::write {

enum class Format { md, html, docx, odt, xlsx, csv, text, pdf };

/// The name of a format as the command line spells it, which is also its file extension.
std::string_view name(Format format);
std::optional<Format> parse_format(std::string_view name);
/// Whether the format is text that may go to standard output.
bool is_text(Format format);

/// The formats a kind of document can be written in, in the order help texts list them.
std::span<const Format> formats_for(doc::DocumentKind kind);
/// The names of those formats, for option checks and messages.
std::vector<std::string> format_names(doc::DocumentKind kind);
/// The format of `kind` that a file name's extension names, if any.
std::optional<Format> format_for_file(doc::DocumentKind kind, std::string_view path);

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
/// Plain text for a terminal: headings, paragraphs, list items and aligned tables; deleted
/// and inserted words marked [-so-] and {+so+}.
std::string render_text(const doc::Document& document);
/// PDF through LibreOffice: the document is written as ODT (a compliance matrix as XLSX)
/// into a temporary folder and converted by `soffice --headless` with a profile of its own,
/// within a time limit. Throws Error naming the Debian package to install when LibreOffice
/// is not on the PATH, and when the conversion fails, times out or gives no PDF.
std::string render_pdf(const doc::Document& document);

/// One file of a zip archive.
struct ZipEntry {
  std::string name;
  std::string data;
  bool compress = true;
};

/// A zip archive of the entries in the given order, byte-identical for identical input: every
/// entry gets the same timestamp, `time` or 1980-01-01 when it is unset or earlier.
std::string make_zip(const std::vector<ZipEntry>& entries, const text::Timestamp& time);

}  // namespace leaspec::write
