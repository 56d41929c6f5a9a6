#pragma once
// The site's pages: the frame every page shares, a spec's page, the index, the search index,
// and the stylesheet and script.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "leaspec/site.hpp"

namespace leaspec::site {

/// A whole HTML page: head, the header with the search form, `body` as the main content.
std::string page_document(std::string_view title, std::string_view body);

/// Another version of a spec that a page links to, and what changed.
struct Version {
  const Entry* entry = nullptr;
  std::string page;
  /// For the later version of a comparison: the changes, or why there are none to show.
  const std::vector<joint::Change>* changes = nullptr;
  std::string unavailable;
};

/// What a spec's page needs besides its entry.
struct SpecPage {
  const Entry* entry = nullptr;
  std::string page;
  std::vector<Version> earlier;  ///< versions this one is compared with
  std::vector<Version> later;    ///< versions compared with this one
  /// The spec's conformance to the standards its conforms_to names; nullptr when it names none.
  const conform::Report* conformance = nullptr;
  /// For each standard of `conformance`, the page of the site that shows it; empty when the
  /// site has none.
  std::vector<std::string> standard_pages = {};
};

std::string spec_page(const SpecPage& page);

/// The "Conformance to common standards" section of a spec's page: per standard, what it is
/// and where it comes from, the counts, a chart and the table of clauses (clause,
/// implemented by, the standard's bound, the spec's bound, verdict). `anchors` are the spec
/// page's anchors by JSON pointer.
std::string conformance_section(const SpecPage& page,
                                const std::map<std::string, std::string>& anchors, ChartIds& ids);

/// The anchors of a spec's sections ("section-ID") and requirements (the id) by JSON
/// pointer; an id used twice gets a suffix the second time, so anchors stay unique.
std::map<std::string, std::string> anchors(const spec::Spec& spec);

/// An entry's title for lists: the spec's title, else the file's name.
std::string entry_title(const Entry& entry);

/// What the index says about a comparison.
struct ComparisonLink {
  const Entry* before = nullptr;
  const Entry* after = nullptr;
  std::string before_page, after_page;
  std::size_t changes = 0;
  std::string unavailable;
};

std::string index_page(const std::vector<Entry>& entries, const std::vector<std::string>& pages,
                       const std::vector<ComparisonLink>& comparisons);

/// `search-index.js`: every spec and requirement with its page, anchor and text.
std::string search_index(const std::vector<Entry>& entries, const std::vector<std::string>& pages);

extern const std::string_view k_stylesheet;
/// `site.js`: clicks on charts, and the search.
extern const std::string_view k_script;

}  // namespace leaspec::site
