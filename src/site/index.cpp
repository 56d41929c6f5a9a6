// The frame of every page, the index of all specs, and the search index.
#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "site/markup.hpp"
#include "site/pages.hpp"

namespace leaspec::site {

std::string page_document(std::string_view title, std::string_view body) {
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"generator\" content=\"leaspec {0}\">\n<title>{1}</title>\n"
      "<link rel=\"stylesheet\" href=\"style.css\">\n"
      "<script src=\"search-index.js\" defer></script>\n"
      "<script src=\"site.js\" defer></script>\n</head>\n<body>\n"
      "<a class=\"skip\" href=\"#main\">Skip to the content</a>\n"
      "<header class=\"site\">\n<a class=\"home\" href=\"index.html\">Spec collection</a>\n"
      "<form class=\"search\" role=\"search\" hidden>\n<label for=\"search\">Search ids and "
      "texts</label>\n<input id=\"search\" type=\"search\" autocomplete=\"off\" "
      "placeholder=\"BWC-VID-001, encrypt, lux\xE2\x80\xA6\">\n</form>\n</header>\n"
      "<div id=\"search-results\" class=\"search-results\" hidden></div>\n"
      "<main id=\"main\">\n{2}</main>\n"
      "<footer class=\"site\">Built by leaspec {0} from the spec files. The pages need no "
      "server and no network.</footer>\n</body>\n</html>\n",
      LEASPEC_VERSION, esc(title), body);
}

namespace {

struct Counts {
  std::size_t requirements = 0, errors = 0, warnings = 0;
  std::size_t priorities[3] = {0, 0, 0};
};

Counts counts_of(const Entry& entry) {
  Counts counts;
  for (const Diagnostic& d : entry.diagnostics) {
    counts.errors += d.severity == Severity::error ? 1 : 0;
    counts.warnings += d.severity == Severity::warning ? 1 : 0;
  }
  if (entry.checked.model) {
    spec::for_each_requirement(*entry.checked.model,
                               [&](const spec::Requirement& r, const spec::Section&) {
                                 ++counts.requirements;
                                 ++counts.priorities[static_cast<std::size_t>(r.priority.value)];
                               });
  }
  return counts;
}

std::string findings_cell(const Counts& counts) {
  if (counts.errors + counts.warnings == 0) {
    return "<span class=\"clean\">none</span>";
  }
  std::string text;
  if (counts.errors) {
    text += fmt::format("<span class=\"error-count\">{}</span>",
                        count_of(counts.errors, "error", "errors"));
  }
  if (counts.warnings) {
    text += fmt::format("{}<span class=\"warning-count\">{}</span>", text.empty() ? "" : ", ",
                        count_of(counts.warnings, "warning", "warnings"));
  }
  return text;
}

std::string spec_row(const Entry& entry, const std::string& page) {
  Counts counts = counts_of(entry);
  const auto& model = entry.checked.model;
  std::string id = model ? model->id.value : entry.name;
  std::string title =
      model ? esc(model->title) : std::string("<span class=\"meta\">not readable as a spec</span>");
  return fmt::format(
      "<tr class=\"{}\"><th scope=\"row\"><a "
      "href=\"{}\">{}</a></th><td>{}</td><td>{}</td><td>{}</td>"
      "<td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>\n",
      counts.errors     ? "has-error"
      : counts.warnings ? "has-warning"
                        : "",
      esc(page), esc(id), title, esc(model ? model->version : ""),
      esc(model ? spec::name(model->status.value) : ""), esc(model ? spec::name(model->area) : ""),
      model ? std::to_string(counts.requirements) : "",
      model ? std::to_string(model->agencies.size()) : "", findings_cell(counts));
}

std::string priorities_chart(const std::vector<Entry>& entries,
                             const std::vector<std::string>& pages) {
  Grid grid;
  grid.id = "chart-priorities";
  grid.title = "Requirements per spec by priority";
  grid.row_header = "Spec";
  grid.categories = {{"Mandatory (shall)", colour::k_blue},
                     {"Recommended (should)", colour::k_teal},
                     {"Optional (may)", colour::k_grey}};
  grid.description = "How many requirements of each priority every spec has.";
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (!entries[i].checked.model) {
      continue;
    }
    Counts counts = counts_of(entries[i]);
    grid.rows.push_back(entries[i].checked.model->id.value);
    grid.row_links.push_back(pages[i]);
    grid.counts.push_back({counts.priorities[0], counts.priorities[1], counts.priorities[2]});
    grid.description +=
        fmt::format(" {}: {} mandatory, {} recommended, {} optional.", grid.rows.back(),
                    counts.priorities[0], counts.priorities[1], counts.priorities[2]);
  }
  return grid.rows.empty() ? std::string() : grid_chart(grid);
}

std::string comparisons_list(const std::vector<ComparisonLink>& comparisons) {
  if (comparisons.empty()) {
    return {};
  }
  std::string out =
      "<section aria-labelledby=\"versions\">\n<h2 id=\"versions\">Versions "
      "compared</h2>\n<ul class=\"versions\">\n";
  for (const ComparisonLink& c : comparisons) {
    std::string status = c.unavailable.empty()
                             ? fmt::format("<a href=\"{}#changes\">{}</a>", esc(c.after_page),
                                           count_of(c.changes, "change", "changes"))
                             : esc(c.unavailable);
    out += fmt::format("<li><a href=\"{}\">{}</a> \xE2\x86\x92 <a href=\"{}\">{}</a>: {}</li>\n",
                       esc(c.before_page), esc(c.before->name), esc(c.after_page),
                       esc(c.after->name), status);
  }
  return out + "</ul>\n</section>\n";
}

}  // namespace

std::string index_page(const std::vector<Entry>& entries, const std::vector<std::string>& pages,
                       const std::vector<ComparisonLink>& comparisons) {
  Counts total;
  std::vector<std::string> groups;
  for (const Entry& entry : entries) {
    Counts counts = counts_of(entry);
    total.requirements += counts.requirements;
    total.errors += counts.errors;
    total.warnings += counts.warnings;
    if (std::find(groups.begin(), groups.end(), entry.group) == groups.end()) {
      groups.push_back(entry.group);
    }
  }
  std::string body = "<h1>Specifications</h1>\n";
  body += fmt::format("<p class=\"lead\">{} with {} in {}: {}, {}.</p>\n",
                      count_of(entries.size(), "spec", "specs"),
                      count_of(total.requirements, "requirement", "requirements"),
                      count_of(groups.size(), "folder", "folders"),
                      count_of(total.errors, "error", "errors"),
                      count_of(total.warnings, "warning", "warnings"));
  body +=
      "<table class=\"specs\">\n<thead><tr><th scope=\"col\">Spec</th><th "
      "scope=\"col\">Title</th><th scope=\"col\">Version</th><th scope=\"col\">Status</th>"
      "<th scope=\"col\">Area</th><th scope=\"col\" class=\"num\">Requirements</th><th "
      "scope=\"col\" class=\"num\">Agencies</th><th scope=\"col\">Findings</th></tr></thead>\n";
  for (const std::string& group : groups) {
    body += fmt::format(
        "<tbody>\n<tr class=\"group\"><th scope=\"colgroup\" colspan=\"8\">Folder "
        "<code>{}</code></th></tr>\n",
        esc(group.empty() ? "." : group));
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (entries[i].group == group) {
        body += spec_row(entries[i], pages[i]);
      }
    }
    body += "</tbody>\n";
  }
  body += "</table>\n";
  body += comparisons_list(comparisons);
  body += priorities_chart(entries, pages);
  return page_document("Specifications", body);
}

std::string search_index(const std::vector<Entry>& entries, const std::vector<std::string>& pages) {
  nlohmann::json items = nlohmann::json::array();
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto& model = entries[i].checked.model;
    if (!model) {
      items.push_back({pages[i], "", entries[i].name, "", entries[i].name});
      continue;
    }
    std::string label = fmt::format("{} {}", model->id.value, model->version);
    items.push_back({pages[i], "", model->id.value, model->title, label});
    std::map<std::string, std::string> anchor = anchors(*model);
    spec::for_each_requirement(*model, [&](const spec::Requirement& r, const spec::Section&) {
      items.push_back({pages[i], anchor[r.pointer], r.id.value, r.text.value, label});
    });
  }
  return "// The search index of the site: [page, anchor, id, text, spec] per entry.\n"
         "window.leaspecSearch = " +
         items.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + ";\n";
}

}  // namespace leaspec::site
