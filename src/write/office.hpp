#pragma once
// What the Office Open XML writers (DOCX, XLSX) share.

#include <string>

#include "leaspec/doc.hpp"

namespace leaspec::write {

/// The package's core properties (docProps/core.xml): title, subject, creator, language and,
/// when the document has a creation time, the created and modified dates.
std::string core_properties(const doc::Document& document);

/// The page label of a document split at its {0} (page) and {1} (pages) fields: the text
/// before the page number, between the two numbers and after the number of pages.
struct PageLabel {
  std::string before;
  std::string between;
  std::string after;
  bool has_pages = false;
};
PageLabel split_page_label(const std::string& label);

}  // namespace leaspec::write
