// The table of output formats: which document kinds each format can carry, and the switch
// that picks the writer.
#include <array>
#include <filesystem>

#include "leaspec/write.hpp"

namespace leaspec::write {
namespace {

constexpr auto k_names =
    std::to_array<std::string_view>({"md", "html", "docx", "odt", "xlsx", "csv", "text", "pdf"});

constexpr std::array k_text_documents = {Format::md, Format::html, Format::docx, Format::odt,
                                         Format::pdf};
constexpr std::array k_workbooks = {Format::md, Format::html, Format::xlsx, Format::csv,
                                    Format::pdf};
constexpr std::array k_reports = {Format::text, Format::md,  Format::html,
                                  Format::docx, Format::odt, Format::pdf};
constexpr std::array k_conformance = {Format::text, Format::md, Format::html, Format::docx};
constexpr std::array k_evaluations = {Format::text, Format::csv, Format::xlsx, Format::md,
                                      Format::html};

}  // namespace

std::string_view name(Format format) {
  return k_names[static_cast<std::size_t>(format)];
}

std::optional<Format> parse_format(std::string_view text) {
  for (std::size_t i = 0; i < k_names.size(); ++i) {
    if (k_names[i] == text) {
      return static_cast<Format>(i);
    }
  }
  return std::nullopt;
}

bool is_text(Format format) {
  return format == Format::md || format == Format::html || format == Format::csv ||
         format == Format::text;
}

std::span<const Format> formats_for(doc::DocumentKind kind) {
  switch (kind) {
    case doc::DocumentKind::annex:
    case doc::DocumentKind::standard:
      return k_text_documents;
    case doc::DocumentKind::matrix:
      return k_workbooks;
    case doc::DocumentKind::corrigendum:
    case doc::DocumentKind::merge_report:
      return k_reports;
    case doc::DocumentKind::evaluation:
      return k_evaluations;
    case doc::DocumentKind::conformance:
      return k_conformance;
  }
  return {};
}

std::vector<std::string> format_names(doc::DocumentKind kind) {
  std::vector<std::string> names;
  for (Format format : formats_for(kind)) {
    names.emplace_back(name(format));
  }
  return names;
}

std::optional<Format> format_for_file(doc::DocumentKind kind, std::string_view path) {
  std::string extension = std::filesystem::path(path).extension().string();
  if (extension.empty()) {
    return std::nullopt;
  }
  std::string_view wanted = std::string_view(extension).substr(1);
  if (wanted == "txt") {
    wanted = "text";
  }
  for (Format format : formats_for(kind)) {
    if (name(format) == wanted) {
      return format;
    }
  }
  return std::nullopt;
}

std::string render(const doc::Document& document, Format format) {
  switch (format) {
    case Format::md:
      return render_markdown(document);
    case Format::html:
      return render_html(document);
    case Format::docx:
      return render_docx(document);
    case Format::odt:
      return render_odt(document);
    case Format::xlsx:
      return render_xlsx(document);
    case Format::csv:
      return render_csv(document);
    case Format::text:
      return render_text(document);
    case Format::pdf:
      return render_pdf(document);
  }
  return {};
}

}  // namespace leaspec::write
