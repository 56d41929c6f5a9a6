// The whole site: page names, comparisons of versions, and every file.
#include <optional>
#include <set>

#include <fmt/format.h>

#include "site/pages.hpp"

namespace leaspec::site {

std::vector<std::string> page_names(const std::vector<Entry>& entries) {
  std::set<std::string> taken = {"index"};
  std::vector<std::string> names;
  for (const Entry& entry : entries) {
    std::string stem = entry.name;
    for (std::string_view extension : {".yaml", ".yml", ".json"}) {
      if (stem.size() > extension.size() &&
          stem.compare(stem.size() - extension.size(), extension.size(), extension) == 0) {
        stem.resize(stem.size() - extension.size());
        break;
      }
    }
    std::string slug;
    for (char c : stem) {
      bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
      char lower = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
      keep = keep || lower != c;
      char out = keep ? lower : '-';
      if (!(out == '-' && (slug.empty() || slug.back() == '-'))) {
        slug += out;
      }
    }
    while (!slug.empty() && (slug.back() == '-' || slug.back() == '.')) {
      slug.pop_back();
    }
    while (!slug.empty() && slug.front() == '.') {
      slug.erase(0, 1);
    }
    if (slug.empty()) {
      slug = "spec";
    }
    std::string name = slug;
    for (int n = 2; !taken.insert(name).second; ++n) {
      name = fmt::format("{}-{}", slug, n);
    }
    names.push_back(name + ".html");
  }
  return names;
}

namespace {

/// The page of the site that shows each standard of `report`, or an empty name.
std::vector<std::string> standard_pages(const conform::Report& report,
                                        const std::vector<Entry>& entries,
                                        const std::vector<std::string>& pages) {
  std::vector<std::string> found;
  for (const conform::StandardResult& result : report.standards) {
    std::string page;
    for (std::size_t i = 0; i < entries.size() && result.standard && page.empty(); ++i) {
      const std::optional<spec::Spec>& model = entries[i].checked.model;
      if (model && model->standard && model->id.value == result.standard->id.value &&
          model->version == result.standard->version) {
        page = pages[i];
      }
    }
    found.push_back(std::move(page));
  }
  return found;
}

}  // namespace

Files build(const Collection& collection, const catalog::Units& units) {
  const std::vector<Entry>& entries = collection.entries;
  std::vector<std::string> pages = page_names(entries);
  std::vector<SpecPage> spec_pages;
  // Sized once: the pages point into it.
  std::vector<std::optional<conform::Report>> reports(entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    spec_pages.push_back({&entries[i], pages[i], {}, {}});
    const std::optional<spec::Spec>& model = entries[i].checked.model;
    if (model && !model->conforms_to.empty()) {
      const catalog::Units& own = entries[i].units ? *entries[i].units : units;
      reports[i] = conform::evaluate(*model, entries[i].standards, own);
      spec_pages[i].conformance = &*reports[i];
      spec_pages[i].standard_pages = standard_pages(*reports[i], entries, pages);
    }
  }
  std::vector<std::vector<joint::Change>> changes(collection.comparisons.size());
  std::vector<ComparisonLink> links;
  for (std::size_t i = 0; i < collection.comparisons.size(); ++i) {
    const Comparison& comparison = collection.comparisons[i];
    if (comparison.before >= entries.size() || comparison.after >= entries.size()) {
      throw Error("a comparison names a spec that is not in the collection");
    }
    const Entry& before = entries[comparison.before];
    const Entry& after = entries[comparison.after];
    Version earlier{&before, pages[comparison.before], nullptr, ""};
    for (const Entry* entry : {&before, &after}) {
      if (earlier.unavailable.empty() && (entry->checked.has_errors || !entry->checked.model)) {
        earlier.unavailable = fmt::format("{} has errors", entry->name);
      }
    }
    if (earlier.unavailable.empty()) {
      changes[i] = joint::diff(*before.checked.model, *after.checked.model, units);
      earlier.changes = &changes[i];
    }
    spec_pages[comparison.after].earlier.push_back(earlier);
    spec_pages[comparison.before].later.push_back({&after, pages[comparison.after], nullptr, ""});
    links.push_back({&before, &after, pages[comparison.before], pages[comparison.after],
                     changes[i].size(), earlier.unavailable});
  }
  Files files;
  files["index.html"] = index_page(entries, pages, links);
  for (const SpecPage& page : spec_pages) {
    files[page.page] = spec_page(page);
  }
  files["style.css"] = std::string(k_stylesheet);
  files["site.js"] = std::string(k_script);
  files["search-index.js"] = search_index(entries, pages);
  return files;
}

}  // namespace leaspec::site
