// Parts and texts the office formats share.
#include "write/office.hpp"

#include <fmt/format.h>

namespace leaspec::write {

std::string core_properties(const doc::Document& document) {
  std::string created;
  if (document.created.seconds) {
    created = fmt::format(
        "<dcterms:created xsi:type=\"dcterms:W3CDTF\">{0}</dcterms:created>"
        "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">{0}</dcterms:modified>",
        document.created.iso8601());
  }
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties "
      "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{}</dc:title>"
      "<dc:subject>{}</dc:subject><dc:creator>leaspec</dc:creator><dc:language>{}</dc:language>{}"
      "</cp:coreProperties>",
      text::xml_escape(document.title), text::xml_escape(document.subject),
      text::xml_escape(document.language), created);
}

PageLabel split_page_label(const std::string& label) {
  PageLabel parts;
  std::size_t page = label.find("{0}");
  if (page == std::string::npos) {
    parts.before = label;
    return parts;
  }
  parts.before = label.substr(0, page);
  std::size_t pages = label.find("{1}", page + 3);
  if (pages == std::string::npos) {
    parts.between = label.substr(page + 3);
    return parts;
  }
  parts.has_pages = true;
  parts.between = label.substr(page + 3, pages - page - 3);
  parts.after = label.substr(pages + 3);
  return parts;
}

}  // namespace leaspec::write
