// The award weights, coverage, change and conformance charts.
#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "site/markup.hpp"

namespace leaspec::site {
namespace {

/// An award and the lots it applies to.
struct AwardGroup {
  const spec::Award* award = nullptr;
  std::vector<const spec::Lot*> lots;
};

/// The awards of a tender: one when no lot has its own, else one per distinct award in lot
/// order.
std::vector<AwardGroup> award_groups(const spec::Procurement& procurement) {
  bool own = std::any_of(procurement.lots.begin(), procurement.lots.end(),
                         [](const spec::Lot& lot) { return lot.award.has_value(); });
  if (!own) {
    if (!procurement.award) {
      return {};
    }
    AwardGroup group{&*procurement.award, {}};
    for (const spec::Lot& lot : procurement.lots) {
      group.lots.push_back(&lot);
    }
    return {group};
  }
  std::vector<AwardGroup> groups;
  for (const spec::Lot& lot : procurement.lots) {
    const spec::Award* award = spec::award_for(procurement, lot);
    if (!award) {
      continue;
    }
    auto found = std::find_if(groups.begin(), groups.end(),
                              [&](const AwardGroup& g) { return g.award == award; });
    if (found == groups.end()) {
      groups.push_back({award, {&lot}});
    } else {
      found->lots.push_back(&lot);
    }
  }
  return groups;
}

std::string_view type_colour(spec::CriterionType type) {
  switch (type) {
    case spec::CriterionType::price:
      return colour::k_blue;
    case spec::CriterionType::cost:
      return colour::k_purple;
    case spec::CriterionType::quality:
      return colour::k_green;
  }
  return colour::k_grey;
}

std::string method_words(spec::AwardMethod method) {
  std::string words(spec::name(method));
  std::replace(words.begin(), words.end(), '-', ' ');
  return words == "best price quality ratio" ? "best price-quality ratio" : words;
}

std::string lot_list(const std::vector<const spec::Lot*>& lots) {
  std::string text;
  for (const spec::Lot* lot : lots) {
    text += (text.empty() ? "" : ", ") + lot->id.value;
  }
  return text;
}

std::string requirement_links(const std::vector<spec::Text>& ids) {
  std::string out;
  for (const spec::Text& id : ids) {
    out += fmt::format("{}<a href=\"#{}\">{}</a>", out.empty() ? "" : ", ", esc(id.value),
                       esc(id.value));
  }
  return out;
}

constexpr double k_award_width = 520;
constexpr double k_award_bar = 360;
constexpr double k_award_pitch = 48;

/// One bar split by criterion type: how much of the award price, cost and quality weigh.
std::string type_split(const spec::Award& award, double total, double y, std::string& description) {
  std::map<spec::CriterionType, double> by_type;
  for (const spec::Criterion& criterion : award.criteria) {
    by_type[criterion.type] += std::max(0.0, criterion.weight);
  }
  std::string out;
  double x = 0;
  description += " Split by type:";
  for (const auto& [type, weight] : by_type) {
    double length = k_award_bar * weight / total;
    std::string label = fmt::format("{} {}", spec::name(type), percent(weight / total));
    out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"20\" fill=\"{}\"/>", num(x),
                       num(y), num(length), type_colour(type));
    if (text_width(label, 12) + 8 < length) {
      out += svg_text(x + 5, y + 14, label, "fill=\"#ffffff\" font-weight=\"bold\"");
    }
    // A white rule between the parts, so that they stay apart without colour.
    out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"2\" height=\"20\" fill=\"#ffffff\"/>",
                       num(x + length - 1), num(y));
    description += fmt::format(" {};", label);
    x += length;
  }
  description.back() = '.';
  return out;
}

std::string award_chart(const AwardGroup& group, bool several, ChartIds& ids) {
  const spec::Award& award = *group.award;
  double total = 0;
  for (const spec::Criterion& criterion : award.criteria) {
    total += std::max(0.0, criterion.weight);
  }
  std::string lots = lot_list(group.lots);
  std::string title = several || !lots.empty()
                          ? fmt::format("Award criteria weights, {} {}",
                                        group.lots.size() == 1 ? "lot" : "lots", lots)
                          : std::string("Award criteria weights");
  std::string description = fmt::format("Award by {}.", method_words(award.method.value));
  std::set<spec::CriterionType> types;
  std::string drawing;
  Table data{"",
             {"Criterion", "Name", "Type", "Weight", "Share", "Requirements scored"},
             {},
             {false, false, false, true, true, false}};
  double y = 40;
  if (total > 0) {
    drawing += type_split(award, total, 30, description);
    y = 66;
  }
  for (const spec::Criterion& criterion : award.criteria) {
    double share = total > 0 ? std::max(0.0, criterion.weight) / total : 0;
    std::string value = total == 100 || total <= 0
                            ? fmt::format("{} %", criterion.weight_text)
                            : fmt::format("{} ({})", criterion.weight_text, percent(share));
    types.insert(criterion.type);
    drawing += fmt::format(
        "<text x=\"0\" y=\"{}\" fill=\"{}\" font-size=\"13\">{}<tspan fill=\"{}\">"
        " \xC2\xB7 {}</tspan></text>",
        num(y + 14), colour::k_text, esc(fit(criterion.name, k_award_width - 70, 13)),
        colour::k_muted, esc(spec::name(criterion.type)));
    // The same scale as the split above: the whole bar is the whole award.
    double length = total > 0 ? k_award_bar * share : 0;
    drawing += fmt::format("<rect x=\"0\" y=\"{}\" width=\"{}\" height=\"16\" fill=\"{}\"/>",
                           num(y + 20), num(length), type_colour(criterion.type));
    drawing += svg_text(length + 6, y + 33, value,
                        fmt::format("fill=\"{}\" font-weight=\"bold\"", colour::k_text));
    description += fmt::format(" {} ({}): {}.", criterion.name, spec::name(criterion.type), value);
    data.rows.push_back({esc(criterion.id.value), esc(criterion.name),
                         esc(spec::name(criterion.type)), esc(criterion.weight_text),
                         percent(share), requirement_links(criterion.requirements)});
    y += k_award_pitch;
  }
  std::vector<LegendItem> items;
  items.reserve(types.size());
  for (spec::CriterionType type : types) {
    items.push_back({std::string(spec::name(type)), type_colour(type)});
  }
  drawing = legend(0, 18, items, nullptr) + drawing;
  std::string caption =
      fmt::format("Award by {}{}.", method_words(award.method.value),
                  total == 100 ? "" : fmt::format("; the weights add up to {:g}", total));
  return figure_html({ids.take(), title, description, k_award_width, y + 4, drawing,
                      std::move(data), esc(caption), ""});
}

}  // namespace

std::string award_charts(const spec::Spec& spec, ChartIds& ids) {
  if (!spec.procurement) {
    return {};
  }
  std::vector<AwardGroup> groups = award_groups(*spec.procurement);
  std::string out;
  for (const AwardGroup& group : groups) {
    if (!group.award->criteria.empty()) {
      out += award_chart(group, groups.size() > 1, ids);
    }
  }
  return out;
}

namespace {

/// The agencies a coverage chart shows: the spec's, then any others named in requested_by.
std::vector<std::string> coverage_agencies(const spec::Spec& spec) {
  std::vector<std::string> agencies;
  for (const spec::Agency& agency : spec.agencies) {
    agencies.push_back(agency.id.value);
  }
  spec::for_each_requirement(spec, [&](const spec::Requirement& r, const spec::Section&) {
    for (const spec::Text& id : r.requested_by) {
      if (std::find(agencies.begin(), agencies.end(), id.value) == agencies.end()) {
        agencies.push_back(id.value);
      }
    }
  });
  return agencies;
}

const Shade& shade_for(std::size_t count, std::size_t of) {
  double share = of ? static_cast<double>(count) / static_cast<double>(of) : 0;
  const Shade* chosen = &shades().front();
  for (const Shade& shade : shades()) {
    if (count > 0 && share >= shade.from) {
      chosen = &shade;
    }
  }
  return *chosen;
}

/// A row of the coverage chart: a section, or all sections.
struct CoverageRow {
  std::string label;
  std::string link;
  std::size_t requirements = 0;
  std::vector<std::size_t> counts;
};

std::vector<CoverageRow> coverage_rows(const spec::Spec& spec,
                                       const std::vector<std::string>& agencies) {
  std::vector<CoverageRow> rows;
  CoverageRow all{"All sections", "", 0, std::vector<std::size_t>(agencies.size(), 0)};
  spec::for_each_section(spec, [&](const spec::Section& section) {
    if (section.requirements.empty()) {
      return;
    }
    CoverageRow row{section.title.value, "#section-" + section.id.value,
                    section.requirements.size(), std::vector<std::size_t>(agencies.size(), 0)};
    for (const spec::Requirement& r : section.requirements) {
      for (std::size_t a = 0; a < agencies.size(); ++a) {
        bool asked = std::any_of(r.requested_by.begin(), r.requested_by.end(),
                                 [&](const spec::Text& id) { return id.value == agencies[a]; });
        row.counts[a] += asked ? 1 : 0;
        all.counts[a] += asked ? 1 : 0;
      }
    }
    all.requirements += row.requirements;
    rows.push_back(std::move(row));
  });
  rows.push_back(std::move(all));
  return rows;
}

/// The key to the shades: a line of text, and the shades with their ranges below it.
std::string shade_legend(double y, double* width) {
  static const char* const k_labels[] = {"none", "up to 25 %",
                                         "26\xE2\x80\x93"
                                         "50 %",
                                         "51\xE2\x80\x93"
                                         "75 %",
                                         "76\xE2\x80\x93"
                                         "100 %"};
  constexpr std::string_view k_key = "Share of the section's requirements:";
  std::string out = svg_text(0, y, k_key, fmt::format("fill=\"{}\"", colour::k_muted));
  double x = 0;
  for (std::size_t i = 0; i < shades().size(); ++i) {
    out += fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"14\" fill=\"{}\" stroke=\"{}\"/>", num(x),
        num(y + 9), shades()[i].fill, colour::k_line);
    out += svg_text(x + 18, y + 20, k_labels[i], fmt::format("fill=\"{}\"", colour::k_text));
    x += 18 + text_width(k_labels[i], 12) + 14;
  }
  *width = std::max(x, text_width(k_key, 12));
  return out;
}

}  // namespace

std::string coverage_chart(const spec::Spec& spec, ChartIds& ids) {
  bool any = false;
  spec::for_each_requirement(spec, [&](const spec::Requirement& r, const spec::Section&) {
    any = any || !r.requested_by.empty();
  });
  if (!any) {
    return {};
  }
  std::vector<std::string> agencies = coverage_agencies(spec);
  std::vector<CoverageRow> rows = coverage_rows(spec, agencies);
  double label_width = 160;
  for (const CoverageRow& row : rows) {
    label_width = std::max(label_width, text_width(row.label, 12) + 44);
  }
  label_width = std::min(label_width, 320.0);
  double cell = 64;
  for (const std::string& agency : agencies) {
    cell = std::max(cell, text_width(agency, 12) + 14);
  }
  constexpr double k_top = 28, k_row = 30;
  std::string drawing;
  for (std::size_t a = 0; a < agencies.size(); ++a) {
    double x = label_width + cell * static_cast<double>(a) + cell / 2;
    drawing += svg_text(
        x, 18, agencies[a],
        fmt::format("fill=\"{}\" font-weight=\"bold\" text-anchor=\"middle\"", colour::k_text));
  }
  Table data{"", {"Section", "Requirements"}, {}, {false, true}};
  for (const std::string& agency : agencies) {
    data.header.push_back(esc(agency));
    data.numeric.push_back(true);
  }
  std::string description = "Requirements each agency asked for, per section.";
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const CoverageRow& row = rows[r];
    bool total = r + 1 == rows.size();
    double y = k_top + k_row * static_cast<double>(r) + (total ? 6 : 0);
    drawing += svg_label(
        0, y + 19, fmt::format("{} ({})", fit(row.label, label_width - 44, 12), row.requirements),
        row.link, total ? "font-weight=\"bold\"" : "");
    std::vector<std::string> cells = {esc(row.label), std::to_string(row.requirements)};
    description += fmt::format(" {}:", row.label);
    for (std::size_t a = 0; a < agencies.size(); ++a) {
      const Shade& shade = shade_for(row.counts[a], row.requirements);
      double x = label_width + cell * static_cast<double>(a);
      drawing += fmt::format(
          "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" stroke=\"{}\"/>",
          num(x + 1), num(y + 1), num(cell - 2), num(k_row - 2), shade.fill, colour::k_line);
      drawing += svg_text(x + cell / 2, y + 19, std::to_string(row.counts[a]),
                          fmt::format("fill=\"{}\" text-anchor=\"middle\"", shade.text));
      double share = row.requirements ? static_cast<double>(row.counts[a]) /
                                            static_cast<double>(row.requirements)
                                      : 0;
      cells.push_back(fmt::format("{} ({})", row.counts[a], percent(share)));
      description +=
          fmt::format(" {} {}{}", agencies[a], row.counts[a], a + 1 == agencies.size() ? "." : ",");
    }
    data.rows.push_back(std::move(cells));
  }
  double height = k_top + k_row * static_cast<double>(rows.size()) + 6;
  double legend_width = 0;
  drawing += shade_legend(height + 20, &legend_width);
  double width = std::max(label_width + cell * static_cast<double>(agencies.size()), legend_width);
  return figure_html({ids.take(), "Who asked for what", description, width, height + 50, drawing,
                      std::move(data),
                      "Requirements per section that each agency asked for "
                      "(<code>requested_by</code>); a darker cell is a larger share of the "
                      "section.",
                      ""});
}

namespace {

/// The change summary's columns.
enum class ChangeClass { added, removed, tightened, relaxed, other };

ChangeClass class_of(const joint::Change& change) {
  if (change.kind == joint::ChangeKind::added) {
    return ChangeClass::added;
  }
  if (change.kind == joint::ChangeKind::removed) {
    return ChangeClass::removed;
  }
  if (change.direction == joint::Direction::tightened) {
    return ChangeClass::tightened;
  }
  if (change.direction == joint::Direction::relaxed) {
    return ChangeClass::relaxed;
  }
  return ChangeClass::other;
}

}  // namespace

std::string change_chart(const std::vector<joint::Change>& changes, const spec::Spec& after,
                         ChartIds& ids) {
  if (changes.empty()) {
    return {};
  }
  Grid grid;
  grid.id = ids.take();
  grid.title = "Changes per section";
  grid.row_header = "Section";
  grid.categories = {{"Added", colour::k_green},
                     {"Removed", colour::k_red},
                     {"Tightened", colour::k_blue},
                     {"Relaxed", colour::k_orange},
                     {"Other", colour::k_grey}};
  // Rows: the later version's sections in order, then sections only the earlier one had,
  // then what concerns the tender as a whole.
  std::vector<std::string> keys;
  spec::for_each_section(after, [&](const spec::Section& s) { keys.push_back(s.id.value); });
  for (const joint::Change& change : changes) {
    if (std::find(keys.begin(), keys.end(), change.section) == keys.end() &&
        !change.section.empty()) {
      keys.push_back(change.section);
    }
  }
  keys.emplace_back();
  std::map<std::string, std::vector<std::size_t>> counts;
  for (const joint::Change& change : changes) {
    auto& row = counts[change.section];
    row.resize(grid.categories.size(), 0);
    ++row[static_cast<std::size_t>(class_of(change))];
  }
  std::map<std::string, std::string> titles;
  spec::for_each_section(after,
                         [&](const spec::Section& s) { titles[s.id.value] = s.title.value; });
  grid.description = "Number of changes per section and kind.";
  for (const std::string& key : keys) {
    auto found = counts.find(key);
    if (found == counts.end()) {
      continue;
    }
    std::string label = key.empty() ? std::string("Tender (lots, CPV, award, references)")
                        : titles.count(key) != 0 ? titles[key]
                                                 : key + " (removed section)";
    grid.rows.push_back(label);
    grid.row_links.push_back(key.empty() || titles.count(key) == 0 ? "" : "#section-" + key);
    grid.counts.push_back(found->second);
    grid.description += fmt::format(
        " {}: {} added, {} removed, {} tightened, {} relaxed, {} other.", label, found->second[0],
        found->second[1], found->second[2], found->second[3], found->second[4]);
  }
  grid.caption =
      "Tightened and relaxed are changes of priority or of a metric's bound that ask more or "
      "less of a bidder; other changes reword a statement, rename a requirement or change its "
      "lots or references.";
  return grid_chart(grid);
}

std::string conformance_chart(const conform::StandardResult& result, ChartIds& ids) {
  if (result.rows.empty()) {
    return {};
  }
  Grid grid;
  grid.id = ids.take();
  grid.title = fmt::format("Conformance per clause of {}", conform::label(*result.entry));
  grid.row_header = "Clause";
  grid.categories = {{"Meets", colour::k_green},
                     {"Tightens", colour::k_teal},
                     {"Weakens", colour::k_orange},
                     {"Missing", colour::k_red},
                     {"Left out", colour::k_grey}};
  grid.description = "How the spec treats each clause of the standard it conforms to.";
  for (const conform::Row& row : result.rows) {
    const std::string& clause = row.clause->id.value;
    auto found = std::find(grid.rows.begin(), grid.rows.end(), clause);
    std::size_t index = static_cast<std::size_t>(found - grid.rows.begin());
    if (found == grid.rows.end()) {
      grid.rows.push_back(clause);
      grid.counts.emplace_back(grid.categories.size(), 0);
    }
    ++grid.counts[index][static_cast<std::size_t>(row.verdict)];
  }
  for (std::size_t r = 0; r < grid.rows.size(); ++r) {
    grid.description += fmt::format(" Clause {}:", grid.rows[r]);
    for (std::size_t c = 0; c < grid.categories.size(); ++c) {
      grid.description += fmt::format(" {} {}{}", grid.counts[r][c], conform::k_verdict_names[c],
                                      c + 1 == grid.categories.size() ? "." : ",");
    }
  }
  return grid_chart(grid);
}

}  // namespace leaspec::site
