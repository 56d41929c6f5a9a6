// What changed between two versions of a spec, for a corrigendum notice.
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "leaspec/joint.hpp"

namespace leaspec::joint {
namespace {

int rank(const std::string& priority) {
  return priority == "mandatory" ? 3 : (priority == "recommended" ? 2 : 1);
}

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

std::string metric_text(const std::optional<spec::Metric>& metric) {
  if (!metric) {
    return "none";
  }
  const spec::Metric& m = *metric;
  std::string bound = !m.op.empty() ? fmt::format("{} {}", m.op, m.value_text) : std::string();
  if (m.min) {
    bound += ">= " + m.min_text;
  }
  if (m.max) {
    bound += (m.min ? " and " : "") + std::string("<= ") + m.max_text;
  }
  return fmt::format("{} {} {}", m.parameter.value, bound, m.unit.value);
}

/// +1 when `after` asks for more than `before` (a higher minimum or a lower maximum), -1 for
/// less, 0 when the bounds cannot be compared.
int tightening(const spec::Metric& before, const spec::Metric& after,
               const catalog::Catalogs& catalogs) {
  const catalog::Unit* a = catalogs.find_unit(before.unit.value);
  const catalog::Unit* b = catalogs.find_unit(after.unit.value);
  double fa = 1, fb = 1;
  if (before.unit.value != after.unit.value) {
    if (!a || !b || a->dimension != b->dimension) {
      return 0;
    }
    fa = a->factor;
    fb = b->factor;
  }
  auto lower = [](const spec::Metric& m) -> std::optional<double> {
    if ((m.op == ">=" || m.op == ">") && m.value)
      return m.value;
    return m.min;
  };
  auto upper = [](const spec::Metric& m) -> std::optional<double> {
    if ((m.op == "<=" || m.op == "<") && m.value)
      return m.value;
    return m.max;
  };
  int score = 0;
  if (auto lo_a = lower(before), lo_b = lower(after); lo_a && lo_b) {
    score += *lo_b * fb > *lo_a * fa ? 1 : (*lo_b * fb < *lo_a * fa ? -1 : 0);
  }
  if (auto hi_a = upper(before), hi_b = upper(after); hi_a && hi_b) {
    score += *hi_b * fb < *hi_a * fa ? 1 : (*hi_b * fb > *hi_a * fa ? -1 : 0);
  }
  return score > 0 ? 1 : (score < 0 ? -1 : 0);
}

std::map<std::string, const spec::Requirement*> requirements_of(const spec::Spec& s) {
  std::map<std::string, const spec::Requirement*> out;
  spec::for_each_requirement(
      s, [&](const spec::Requirement& r, const spec::Section&) { out[r.id.value] = &r; });
  return out;
}

}  // namespace

std::vector<std::pair<char, std::string>> word_diff(const std::string& a, const std::string& b) {
  std::vector<std::string> x = words_of(a), y = words_of(b);
  std::vector<std::vector<std::size_t>> lcs(x.size() + 1,
                                            std::vector<std::size_t>(y.size() + 1, 0));
  for (std::size_t i = x.size(); i-- > 0;) {
    for (std::size_t j = y.size(); j-- > 0;) {
      lcs[i][j] = x[i] == y[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  std::vector<std::pair<char, std::string>> out;
  std::size_t i = 0, j = 0;
  while (i < x.size() && j < y.size()) {
    if (x[i] == y[j]) {
      out.emplace_back(' ', x[i]);
      ++i;
      ++j;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
      out.emplace_back('-', x[i++]);
    } else {
      out.emplace_back('+', y[j++]);
    }
  }
  for (; i < x.size(); ++i) {
    out.emplace_back('-', x[i]);
  }
  for (; j < y.size(); ++j) {
    out.emplace_back('+', y[j]);
  }
  return out;
}

std::vector<Change> diff(const spec::Spec& before, const spec::Spec& after,
                         const catalog::Catalogs& catalogs) {
  std::vector<Change> changes;
  auto old_reqs = requirements_of(before);
  auto new_reqs = requirements_of(after);
  // Renamed: an id that disappeared and one that appeared with the same statement.
  std::map<std::string, std::string> renamed;  // old id -> new id
  for (const auto& [id, r] : old_reqs) {
    if (new_reqs.count(id)) {
      continue;
    }
    for (const auto& [new_id, n] : new_reqs) {
      if (!old_reqs.count(new_id) && n->text.value == r->text.value) {
        renamed[id] = new_id;
        break;
      }
    }
  }
  std::set<std::string> renamed_targets;
  for (const auto& entry : renamed) {
    renamed_targets.insert(entry.second);
  }
  spec::for_each_requirement(before, [&](const spec::Requirement& r, const spec::Section&) {
    if (!new_reqs.count(r.id.value)) {
      auto rename = renamed.find(r.id.value);
      if (rename != renamed.end()) {
        changes.push_back({"renamed",
                           r.id.value,
                           fmt::format("{} is now {}", r.id.value, rename->second),
                           r.id.value,
                           rename->second,
                           {}});
      } else {
        changes.push_back(
            {"removed", r.id.value, fmt::format("{} removed", r.id.value), r.text.value, "", {}});
      }
    }
  });
  spec::for_each_requirement(after, [&](const spec::Requirement& n, const spec::Section&) {
    std::string old_id = n.id.value;
    for (const auto& [from, to] : renamed) {
      if (to == n.id.value) {
        old_id = from;
      }
    }
    auto found = old_reqs.find(old_id);
    if (found == old_reqs.end()) {
      changes.push_back(
          {"added", n.id.value, fmt::format("{} added", n.id.value), "", n.text.value, {}});
      return;
    }
    const spec::Requirement& o = *found->second;
    const std::string& id = n.id.value;
    if (o.text.value != n.text.value) {
      changes.push_back({"statement", id, fmt::format("{}: statement changed", id), o.text.value,
                         n.text.value, word_diff(o.text.value, n.text.value)});
    }
    if (o.priority.value != n.priority.value) {
      bool raised = rank(n.priority.value) > rank(o.priority.value);
      changes.push_back(
          {"priority",
           id,
           fmt::format("{}: priority {} from {} to {}", id, raised ? "raised" : "lowered",
                       o.priority.value, n.priority.value),
           o.priority.value,
           n.priority.value,
           {}});
    }
    std::string old_metric = metric_text(o.metric), new_metric = metric_text(n.metric);
    if (old_metric != new_metric) {
      int direction = o.metric && n.metric ? tightening(*o.metric, *n.metric, catalogs) : 0;
      std::string how = direction > 0 ? "tightened" : (direction < 0 ? "relaxed" : "changed");
      changes.push_back(
          {"metric",
           id,
           fmt::format("{}: metric {} from {} to {}", id, how, old_metric, new_metric),
           old_metric,
           new_metric,
           {}});
    }
    if (join(o.lots) != join(n.lots)) {
      changes.push_back(
          {"lots",
           id,
           fmt::format("{}: lots changed from [{}] to [{}]", id, join(o.lots), join(n.lots)),
           join(o.lots),
           join(n.lots),
           {}});
    }
    auto refs = [](const spec::Requirement& r) {
      std::string text;
      for (const spec::ReferenceUse& use : r.references) {
        text += (text.empty() ? "" : ", ") + use.ref.value +
                (use.clause.empty() ? "" : " " + use.clause);
      }
      return text;
    };
    if (refs(o) != refs(n)) {
      changes.push_back(
          {"references",
           id,
           fmt::format("{}: references changed from [{}] to [{}]", id, refs(o), refs(n)),
           refs(o),
           refs(n),
           {}});
    }
  });
  // Procurement: lots, quantities, CPV codes, award weights; and the references.
  auto lots_of = [](const spec::Spec& s) {
    std::map<std::string, const spec::Lot*> out;
    if (s.procurement) {
      for (const spec::Lot& lot : s.procurement->lots) {
        out[lot.id.value] = &lot;
      }
    }
    return out;
  };
  auto old_lots = lots_of(before), new_lots = lots_of(after);
  for (const auto& [id, lot] : old_lots) {
    if (!new_lots.count(id)) {
      changes.push_back({"lot-removed", id, fmt::format("lot {} removed", id), lot->title, "", {}});
    }
  }
  for (const auto& [id, lot] : new_lots) {
    auto found = old_lots.find(id);
    if (found == old_lots.end()) {
      changes.push_back({"lot-added", id, fmt::format("lot {} added", id), "", lot->title, {}});
      continue;
    }
    std::map<std::string, std::int64_t> was, now;
    for (const spec::Quantity& q : found->second->quantities)
      was[q.agency.value] = q.amount;
    for (const spec::Quantity& q : lot->quantities)
      now[q.agency.value] = q.amount;
    std::set<std::string> agencies;
    for (const auto& e : was)
      agencies.insert(e.first);
    for (const auto& e : now)
      agencies.insert(e.first);
    for (const std::string& agency : agencies) {
      if (was[agency] != now[agency]) {
        changes.push_back(
            {"quantity",
             id,
             fmt::format("lot {}: {} quantity from {} to {}", id, agency, was[agency], now[agency]),
             std::to_string(was[agency]),
             std::to_string(now[agency]),
             {}});
      }
    }
  }
  auto cpv = [](const spec::Spec& s) {
    return s.procurement ? join(s.procurement->cpv) : std::string();
  };
  if (cpv(before) != cpv(after)) {
    changes.push_back({"cpv",
                       "procurement",
                       fmt::format("CPV codes changed from [{}] to [{}]", cpv(before), cpv(after)),
                       cpv(before),
                       cpv(after),
                       {}});
  }
  auto weights = [](const spec::Spec& s) {
    std::map<std::string, std::string> out;
    if (s.procurement && s.procurement->award) {
      for (const spec::Criterion& c : s.procurement->award->criteria)
        out[c.id.value] = c.weight_text;
    }
    return out;
  };
  auto old_weights = weights(before), new_weights = weights(after);
  std::set<std::string> criteria;
  for (const auto& e : old_weights)
    criteria.insert(e.first);
  for (const auto& e : new_weights)
    criteria.insert(e.first);
  for (const std::string& c : criteria) {
    std::string was = old_weights.count(c) ? old_weights[c] : "none";
    std::string now = new_weights.count(c) ? new_weights[c] : "none";
    if (was != now) {
      changes.push_back({"award-weight",
                         c,
                         fmt::format("award criterion {}: weight from {} to {}", c, was, now),
                         was,
                         now,
                         {}});
    }
  }
  std::map<std::string, std::string> old_refs, new_refs;
  for (const spec::Reference& r : before.references)
    old_refs[r.id.value] = r.designation.value;
  for (const spec::Reference& r : after.references)
    new_refs[r.id.value] = r.designation.value;
  std::set<std::string> refs;
  for (const auto& e : old_refs)
    refs.insert(e.first);
  for (const auto& e : new_refs)
    refs.insert(e.first);
  for (const std::string& id : refs) {
    std::string was = old_refs.count(id) ? old_refs[id] : "";
    std::string now = new_refs.count(id) ? new_refs[id] : "";
    if (was != now) {
      std::string what = was.empty() ? "added" : (now.empty() ? "removed" : "changed");
      changes.push_back(
          {"reference",
           id,
           fmt::format("reference {} {}{}", id, what,
                       was.empty() || now.empty() ? "" : fmt::format(": {} -> {}", was, now)),
           was,
           now,
           {}});
    }
  }
  return changes;
}

std::string diff_text(const std::vector<Change>& changes) {
  std::string out;
  for (const Change& c : changes) {
    out += c.summary + "\n";
    if (!c.words.empty()) {
      out += "    ";
      for (const auto& [mark, word] : c.words) {
        out += mark == ' ' ? word + " " : (mark == '-' ? "[-" + word + "-] " : "{+" + word + "+} ");
      }
      out.back() = '\n';
    }
  }
  return out;
}

std::string diff_markdown(const std::vector<Change>& changes, const spec::Spec& before,
                          const spec::Spec& after) {
  std::string out =
      fmt::format("## Corrigendum: {} {} to {}\n\n", after.id.value, before.version, after.version);
  if (changes.empty()) {
    return out + "No changes.\n";
  }
  for (const Change& c : changes) {
    if (!c.words.empty()) {
      std::string text;
      for (const auto& [mark, word] : c.words) {
        text +=
            mark == ' ' ? word + " " : (mark == '-' ? "~~" + word + "~~ " : "**" + word + "** ");
      }
      text.pop_back();
      out += fmt::format("- **{}**: the statement now reads: {}\n", c.subject, text);
    } else if (c.kind == "added") {
      out += fmt::format("- **{}** is added: {}\n", c.subject, c.after);
    } else if (c.kind == "removed") {
      out += fmt::format("- **{}** is deleted.\n", c.subject);
    } else {
      out += "- " + c.summary + ".\n";
    }
  }
  return out;
}

std::string diff_json(const std::vector<Change>& changes) {
  using Json = nlohmann::ordered_json;
  Json list = Json::array();
  for (const Change& c : changes) {
    Json item{{"kind", c.kind},
              {"subject", c.subject},
              {"summary", c.summary},
              {"before", c.before},
              {"after", c.after}};
    if (!c.words.empty()) {
      Json words = Json::array();
      for (const auto& [mark, word] : c.words) {
        words.push_back(
            {{"op", mark == ' ' ? "keep" : (mark == '-' ? "delete" : "insert")}, {"word", word}});
      }
      item["words"] = words;
    }
    list.push_back(item);
  }
  return Json{{"changes", list}, {"equal", changes.empty()}}.dump(2) + "\n";
}

}  // namespace leaspec::joint
