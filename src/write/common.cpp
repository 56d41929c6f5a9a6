#include <cstdlib>
#include <ctime>

#include <fmt/format.h>

#include "leaspec/write.hpp"

namespace leaspec::write {

std::optional<Format> parse_format(std::string_view name) {
  if (name == "md") {
    return Format::md;
  }
  if (name == "html") {
    return Format::html;
  }
  if (name == "docx") {
    return Format::docx;
  }
  if (name == "odt") {
    return Format::odt;
  }
  if (name == "xlsx") {
    return Format::xlsx;
  }
  if (name == "csv") {
    return Format::csv;
  }
  return std::nullopt;
}

std::string_view extension(Format format) {
  switch (format) {
    case Format::md:
      return "md";
    case Format::html:
      return "html";
    case Format::docx:
      return "docx";
    case Format::odt:
      return "odt";
    case Format::xlsx:
      return "xlsx";
    case Format::csv:
      return "csv";
  }
  return "";
}

bool is_text(Format format) {
  return format == Format::md || format == Format::html;
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
  }
  return {};
}

std::string source_date_epoch_iso() {
  const char* value = std::getenv("SOURCE_DATE_EPOCH");
  if (!value || !*value) {
    return {};
  }
  char* end = nullptr;
  long long seconds = std::strtoll(value, &end, 10);
  if (*end != '\0' || seconds < 0) {
    return {};
  }
  std::time_t time = static_cast<std::time_t>(seconds);
  std::tm utc{};
  gmtime_r(&time, &utc);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", utc.tm_year + 1900, utc.tm_mon + 1,
                     utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec);
}

}  // namespace leaspec::write
