// What changed between two versions of a spec, for a corrigendum notice.
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "leaspec/joint.hpp"

namespace leaspec::joint {
namespace {

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  std::string word;
  while (in >> word) {
    words.push_back(word);
  }
  return words;
}

std::string join(const std::vector<spec::Text>& items) {
  std::string text;
  for (const spec::Text& item : items) {
    text += (text.empty() ? "" : ", ") + item.value;
  }
  return text;
}

std::string metric_text(const spec::Boxed<spec::Metric>& metric) {
  return metric ? fmt::format("{} {}", metric->parameter.value, describe(*metric)) : "none";
}

/// Tightened when `after` asks for more than `before` (a higher minimum, a lower maximum, a
/// wider range to cover), relaxed for less, none when the bounds do not compare.
Direction tightening(const spec::Metric& before, const spec::Metric& after,
                     const catalog::Units& units) {
  switch (compare_metrics(after, before, units).result) {
    case Strictness::stricter:
      return Direction::tightened;
    case Strictness::weaker:
      return Direction::relaxed;
    default:
      return Direction::none;
  }
}

std::string references_text(const spec::Requirement& r) {
  std::string text;
  for (const spec::ReferenceUse& use : r.references) {
    text +=
        (text.empty() ? "" : ", ") + use.ref.value + (use.clause.empty() ? "" : " " + use.clause);
  }
  return text;
}

/// Keys present in either map, in order.
template <class Map>
std::set<std::string> keys_of(const Map& a, const Map& b) {
  std::set<std::string> keys;
  for (const auto& entry : a) {
    keys.insert(entry.first);
  }
  for (const auto& entry : b) {
    keys.insert(entry.first);
  }
  return keys;
}

/// A requirement and the section that holds it.
struct Placed {
  const spec::Requirement* requirement;
  const spec::Section* section;
};

class Differ {
 public:
  Differ(const spec::Spec& before, const spec::Spec& after, const catalog::Units& units)
      : m_before(before), m_after(after), m_units(units) {
    spec::for_each_requirement(before, [&](const spec::Requirement& r, const spec::Section& s) {
      m_old[r.id.value] = {&r, &s};
    });
    spec::for_each_requirement(after, [&](const spec::Requirement& r, const spec::Section& s) {
      m_new[r.id.value] = {&r, &s};
    });
  }

  std::vector<Change> run() {
    find_renames();
    removed_requirements();
    spec::for_each_requirement(m_after, [&](const spec::Requirement& n, const spec::Section& s) {
      changed_requirement(n, s);
    });
    lots();
    cpv();
    award_weights();
    references();
    return std::move(m_changes);
  }

 private:
  Change& add(ChangeKind kind, std::string subject, std::string section, std::string summary,
              std::string before, std::string after, Direction direction = Direction::none,
              std::vector<Word> words = {}) {
    m_changes.push_back({kind, std::move(subject), std::move(section), std::move(summary),
                         std::move(before), std::move(after), "", direction, std::move(words)});
    return m_changes.back();
  }

  /// Renamed: an id that disappeared and one that appeared with the same statement.
  void find_renames() {
    for (const auto& [id, old] : m_old) {
      if (m_new.count(id)) {
        continue;
      }
      for (const auto& [new_id, placed] : m_new) {
        if (!m_old.count(new_id) && placed.requirement->text.value == old.requirement->text.value) {
          m_renamed[id] = new_id;
          m_renamed_from[new_id] = id;
          break;
        }
      }
    }
  }

  void removed_requirements() {
    spec::for_each_requirement(m_before, [&](const spec::Requirement& r, const spec::Section& s) {
      if (m_new.count(r.id.value)) {
        return;
      }
      auto rename = m_renamed.find(r.id.value);
      if (rename != m_renamed.end()) {
        add(ChangeKind::renamed, r.id.value, m_new.at(rename->second).section->id.value,
            fmt::format("{} is now {}", r.id.value, rename->second), r.id.value, rename->second);
      } else {
        add(ChangeKind::removed, r.id.value, s.id.value, fmt::format("{} removed", r.id.value),
            r.text.value, "");
      }
    });
  }

  void changed_requirement(const spec::Requirement& n, const spec::Section& s) {
    auto from = m_renamed_from.find(n.id.value);
    auto found = m_old.find(from == m_renamed_from.end() ? n.id.value : from->second);
    const std::string& id = n.id.value;
    const std::string& section = s.id.value;
    if (found == m_old.end()) {
      add(ChangeKind::added, id, section, fmt::format("{} added", id), "", n.text.value);
      return;
    }
    const spec::Requirement& o = *found->second.requirement;
    if (o.text.value != n.text.value) {
      add(ChangeKind::statement, id, section, fmt::format("{}: statement changed", id),
          o.text.value, n.text.value, Direction::none, word_diff(o.text.value, n.text.value));
    }
    priority(o, n, section);
    metric(o, n, section);
    if (join(o.lots) != join(n.lots)) {
      add(ChangeKind::lots, id, section,
          fmt::format("{}: lots changed from [{}] to [{}]", id, join(o.lots), join(n.lots)),
          join(o.lots), join(n.lots));
    }
    std::string was = references_text(o), now = references_text(n);
    if (was != now) {
      add(ChangeKind::references, id, section,
          fmt::format("{}: references changed from [{}] to [{}]", id, was, now), was, now);
    }
  }

  void priority(const spec::Requirement& o, const spec::Requirement& n,
                const std::string& section) {
    if (o.priority.value == n.priority.value) {
      return;
    }
    bool raised = spec::rank(n.priority.value) > spec::rank(o.priority.value);
    std::string was(spec::name(o.priority.value)), now(spec::name(n.priority.value));
    add(ChangeKind::priority, n.id.value, section,
        fmt::format("{}: priority {} from {} to {}", n.id.value, raised ? "raised" : "lowered", was,
                    now),
        was, now, raised ? Direction::tightened : Direction::relaxed);
  }

  void metric(const spec::Requirement& o, const spec::Requirement& n, const std::string& section) {
    std::string was = metric_text(o.metric), now = metric_text(n.metric);
    if (was == now) {
      return;
    }
    Direction direction =
        o.metric && n.metric ? tightening(*o.metric, *n.metric, m_units) : Direction::none;
    std::string_view how = direction == Direction::tightened ? "tightened"
                           : direction == Direction::relaxed ? "relaxed"
                                                             : "changed";
    add(ChangeKind::metric, n.id.value, section,
        fmt::format("{}: metric {} from {} to {}", n.id.value, how, was, now), was, now, direction);
  }

  static std::map<std::string, const spec::Lot*> lots_of(const spec::Spec& s) {
    std::map<std::string, const spec::Lot*> out;
    if (s.procurement) {
      for (const spec::Lot& lot : s.procurement->lots) {
        out[lot.id.value] = &lot;
      }
    }
    return out;
  }

  void lots() {
    auto old_lots = lots_of(m_before), new_lots = lots_of(m_after);
    for (const auto& [id, lot] : old_lots) {
      if (!new_lots.count(id)) {
        add(ChangeKind::lot_removed, id, "", fmt::format("lot {} removed", id), lot->title, "");
      }
    }
    for (const auto& [id, lot] : new_lots) {
      auto found = old_lots.find(id);
      if (found == old_lots.end()) {
        add(ChangeKind::lot_added, id, "", fmt::format("lot {} added", id), "", lot->title);
      } else {
        quantities(id, *found->second, *lot);
      }
    }
  }

  void quantities(const std::string& lot, const spec::Lot& before, const spec::Lot& after) {
    std::map<std::string, std::int64_t> was, now;
    for (const spec::Quantity& q : before.quantities) {
      was[q.agency.value] = q.amount;
    }
    for (const spec::Quantity& q : after.quantities) {
      now[q.agency.value] = q.amount;
    }
    for (const std::string& agency : keys_of(was, now)) {
      if (was[agency] != now[agency]) {
        add(ChangeKind::quantity, lot, "",
            fmt::format("lot {}: {} quantity from {} to {}", lot, agency, was[agency], now[agency]),
            std::to_string(was[agency]), std::to_string(now[agency]))
            .agency = agency;
      }
    }
  }

  void cpv() {
    auto codes = [](const spec::Spec& s) {
      return s.procurement ? join(s.procurement->cpv) : std::string();
    };
    std::string was = codes(m_before), now = codes(m_after);
    if (was != now) {
      add(ChangeKind::cpv, "procurement", "",
          fmt::format("CPV codes changed from [{}] to [{}]", was, now), was, now);
    }
  }

  void award_weights() {
    auto weights = [](const spec::Spec& s) {
      std::map<std::string, std::string> out;
      if (s.procurement && s.procurement->award) {
        for (const spec::Criterion& c : s.procurement->award->criteria) {
          out[c.id.value] = c.weight_text;
        }
      }
      return out;
    };
    auto old_weights = weights(m_before), new_weights = weights(m_after);
    for (const std::string& c : keys_of(old_weights, new_weights)) {
      std::string was = old_weights.count(c) ? old_weights[c] : "none";
      std::string now = new_weights.count(c) ? new_weights[c] : "none";
      if (was != now) {
        add(ChangeKind::award_weight, c, "",
            fmt::format("award criterion {}: weight from {} to {}", c, was, now), was, now);
      }
    }
  }

  void references() {
    std::map<std::string, std::string> old_refs, new_refs;
    for (const spec::Reference& r : m_before.references) {
      old_refs[r.id.value] = r.designation.value;
    }
    for (const spec::Reference& r : m_after.references) {
      new_refs[r.id.value] = r.designation.value;
    }
    for (const std::string& id : keys_of(old_refs, new_refs)) {
      std::string was = old_refs.count(id) ? old_refs[id] : "";
      std::string now = new_refs.count(id) ? new_refs[id] : "";
      if (was == now) {
        continue;
      }
      std::string what = was.empty() ? "added" : (now.empty() ? "removed" : "changed");
      add(ChangeKind::reference, id, "",
          fmt::format("reference {} {}{}", id, what,
                      was.empty() || now.empty() ? "" : fmt::format(": {} -> {}", was, now)),
          was, now);
    }
  }

  const spec::Spec& m_before;
  const spec::Spec& m_after;
  const catalog::Units& m_units;
  std::map<std::string, Placed> m_old, m_new;
  std::map<std::string, std::string> m_renamed;       // old id -> new id
  std::map<std::string, std::string> m_renamed_from;  // new id -> old id
  std::vector<Change> m_changes;
};

}  // namespace

std::vector<Word> word_diff(const std::string& a, const std::string& b) {
  std::vector<std::string> x = words_of(a), y = words_of(b);
  std::vector<Word> out;
  // The table is quadratic: statements too long to align show as replaced whole.
  constexpr std::size_t k_max_cells = 4'000'000;
  if (x.size() * y.size() > k_max_cells) {
    for (std::string& word : x) {
      out.push_back({Word::Mark::removed, std::move(word)});
    }
    for (std::string& word : y) {
      out.push_back({Word::Mark::added, std::move(word)});
    }
    return out;
  }
  std::vector<std::vector<std::size_t>> lcs(x.size() + 1,
                                            std::vector<std::size_t>(y.size() + 1, 0));
  for (std::size_t i = x.size(); i-- > 0;) {
    for (std::size_t j = y.size(); j-- > 0;) {
      lcs[i][j] = x[i] == y[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  std::size_t i = 0, j = 0;
  while (i < x.size() && j < y.size()) {
    if (x[i] == y[j]) {
      out.push_back({Word::Mark::kept, x[i]});
      ++i;
      ++j;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
      out.push_back({Word::Mark::removed, x[i++]});
    } else {
      out.push_back({Word::Mark::added, y[j++]});
    }
  }
  for (; i < x.size(); ++i) {
    out.push_back({Word::Mark::removed, x[i]});
  }
  for (; j < y.size(); ++j) {
    out.push_back({Word::Mark::added, y[j]});
  }
  return out;
}

std::vector<Change> diff(const spec::Spec& before, const spec::Spec& after,
                         const catalog::Units& units) {
  return Differ(before, after, units).run();
}

}  // namespace leaspec::joint
