// The rules about metrics: units the catalog knows, ranges that make sense, a statement that
// says what its metric says, and ranges whose meaning should be stated.
#include <algorithm>
#include <cctype>
#include <cmath>

#include <fmt/format.h>

#include "check/findings.hpp"
#include "leaspec/joint.hpp"
#include "leaspec/schema.hpp"
#include "leaspec/text.hpp"

namespace leaspec::check {
namespace {

/// A quantity a requirement's text states: "at least 12 hours".
struct Stated {
  double value = 0;
  std::string unit;     ///< the catalog symbol of the unit it is stated in; empty for none
  std::string words;    ///< the number and unit as written, "12 hours"
  std::string surface;  ///< the number as written, "12"
  std::size_t offset = 0;
  std::size_t end = 0;  ///< just after the unit, or after the number without one
  int direction = 0;    ///< +1 "at least", -1 "at most", 0 neither
  std::string direction_words = {};
};

bool is_alnum(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

/// Spaces a number and its unit may be separated by: ASCII, no-break, thin, narrow no-break.
std::size_t space_at(std::string_view text, std::size_t pos) {
  if (pos < text.size() && text[pos] == ' ') {
    return 1;
  }
  for (std::string_view space : {"\xC2\xA0", "\xE2\x80\x89", "\xE2\x80\xAF"}) {
    if (text.substr(pos, space.size()) == space) {
      return space.size();
    }
  }
  return 0;
}

std::size_t skip_spaces(std::string_view text, std::size_t pos) {
  while (std::size_t n = space_at(text, pos)) {
    pos += n;
  }
  return pos;
}

constexpr std::string_view k_minus = "\xE2\x88\x92";  // U+2212, the typographic minus

/// Reads the quantities a statement gives in units of the catalog or as ratings.
class StatementReader {
 public:
  /// `ratings` are the rating symbols (IP, IK); with `decimal_comma`, "1,5" is one and a half
  /// and "5.000" five thousand, as most European languages write them.
  StatementReader(std::string_view text, const catalog::Units& units,
                  const std::vector<std::string>& ratings, bool decimal_comma)
      : m_text(text), m_units(units), m_ratings(ratings), m_decimal_comma(decimal_comma) {}

  std::vector<Stated> read() {
    std::size_t pos = 0;
    while (pos < m_text.size()) {
      std::size_t next = read_rating(pos);
      if (next == pos) {
        next = read_number(pos);
      }
      pos = next == pos ? pos + 1 : next;
    }
    share_units();
    return std::move(m_stated);
  }

 private:
  /// A rating code such as IP67 at `pos`; returns the position after it, or `pos`.
  std::size_t read_rating(std::size_t pos) {
    if (pos > 0 && is_alnum(m_text[pos - 1])) {
      return pos;
    }
    for (const std::string& symbol : m_ratings) {
      if (m_text.substr(pos, symbol.size()) != symbol) {
        continue;
      }
      std::size_t digits = skip_spaces(m_text, pos + symbol.size());
      std::size_t end = digits;
      while (end < m_text.size() && std::isdigit(static_cast<unsigned char>(m_text[end]))) {
        ++end;
      }
      if (end == digits || (end < m_text.size() && is_alnum(m_text[end]))) {
        return pos;
      }
      std::string code(m_text.substr(digits, end - digits));
      add({std::strtod(code.c_str(), nullptr), symbol, std::string(m_text.substr(pos, end - pos)),
           code, digits, end});
      return end;
    }
    return pos;
  }

  /// A number at `pos`, with the unit that follows it; returns the position after it.
  std::size_t read_number(std::size_t pos) {
    std::size_t start = pos;
    bool negative = false;
    if (m_text.substr(pos, k_minus.size()) == k_minus) {
      negative = true;
      pos += k_minus.size();
    } else if (m_text[pos] == '-' || m_text[pos] == '+') {
      negative = m_text[pos] == '-';
      ++pos;
    }
    if (pos >= m_text.size() || !std::isdigit(static_cast<unsigned char>(m_text[pos]))) {
      return start;
    }
    char before = start > 0 ? m_text[start - 1] : ' ';
    if (is_alnum(before) ||
        (pos == start && std::string_view(".-/:_").find(before) != std::string_view::npos)) {
      // Part of an identifier, a designation or a version: skip the whole run.
      while (pos < m_text.size() && (is_alnum(m_text[pos]) || m_text[pos] == '.')) {
        ++pos;
      }
      return pos;
    }
    std::string digits;
    std::size_t group = 0;
    while (pos < m_text.size()) {
      char c = m_text[pos];
      if (std::isdigit(static_cast<unsigned char>(c))) {
        digits += c;
        ++group;
        ++pos;
        continue;
      }
      // A thousands separator: a comma (a point with a decimal comma) or a space followed by
      // exactly three digits.
      std::size_t separator = c == (m_decimal_comma ? '.' : ',') ? 1 : space_at(m_text, pos);
      std::size_t after = pos + separator;
      bool three =
          separator > 0 && group <= 3 && after + 3 <= m_text.size() &&
          std::all_of(m_text.begin() + static_cast<std::ptrdiff_t>(after),
                      m_text.begin() + static_cast<std::ptrdiff_t>(after + 3),
                      [](char d) { return std::isdigit(static_cast<unsigned char>(d)); }) &&
          (after + 3 == m_text.size() || !is_alnum(m_text[after + 3]));
      if (!three) {
        break;
      }
      pos = after;
      group = 0;
    }
    if (pos + 1 < m_text.size() && m_text[pos] == (m_decimal_comma ? ',' : '.') &&
        std::isdigit(static_cast<unsigned char>(m_text[pos + 1]))) {
      digits += '.';
      for (++pos; pos < m_text.size() && std::isdigit(static_cast<unsigned char>(m_text[pos]));
           ++pos) {
        digits += m_text[pos];
      }
    }
    if (pos < m_text.size() && std::isalpha(static_cast<unsigned char>(m_text[pos])) &&
        unit_at(pos).empty()) {
      return pos;  // "3D", "4K": a word, not a quantity
    }
    double value = std::strtod(digits.c_str(), nullptr) * (negative ? -1 : 1);
    std::string surface(m_text.substr(start, pos - start));
    std::size_t unit_start = skip_spaces(m_text, pos);
    std::string form = unit_at(unit_start);
    std::string unit;
    std::size_t end = pos;
    if (!form.empty()) {
      unit = symbol_of(form);
      end = unit_start + form.size();
    }
    add({value, unit, std::string(m_text.substr(start, end - start)), surface, start, end});
    return end;
  }

  /// The longest unit form at `pos` that ends at a word boundary, or empty.
  std::string unit_at(std::size_t pos) const {
    for (const auto& [form, symbol] : m_units.text_forms()) {
      std::string_view here = m_text.substr(pos, form.size());
      bool same = here == form || (form.size() > 3 && text::ascii_iequals(here, form));
      std::size_t end = pos + form.size();
      if (same && (end >= m_text.size() || !is_alnum(m_text[end]))) {
        return form;
      }
    }
    return {};
  }

  std::string symbol_of(const std::string& form) const {
    for (const auto& [written, symbol] : m_units.text_forms()) {
      if (written == form || text::ascii_iequals(written, form)) {
        return symbol;
      }
    }
    return form;
  }

  void add(Stated stated) {
    direction_before(stated);
    direction_after(stated);
    m_stated.push_back(std::move(stated));
  }

  void direction_before(Stated& stated) const {
    static const std::pair<std::string_view, int> k_words[] = {
        {"at least", 1},      {"no less than", 1},   {"not less than", 1},  {"minimum of", 1},
        {"more than", 1},     {"greater than", 1},   {"longer than", 1},    {"higher than", 1},
        {"over", 1},          {"above", 1},          {"exceeding", 1},      {"at most", -1},
        {"no more than", -1}, {"not more than", -1}, {"maximum of", -1},    {"less than", -1},
        {"fewer than", -1},   {"shorter than", -1},  {"lower than", -1},    {"under", -1},
        {"below", -1},        {"within", -1},        {"not exceeding", -1}, {"no longer than", -1}};
    std::string_view before = m_text.substr(0, stated.offset);
    while (!before.empty() && before.back() == ' ') {
      before.remove_suffix(1);
    }
    // The longest phrase wins: "no more than" is not "more than".
    for (const auto& [words, direction] : k_words) {
      if (words.size() > stated.direction_words.size() && before.size() >= words.size() &&
          text::ascii_iequals(before.substr(before.size() - words.size()), words) &&
          (before.size() == words.size() || !is_alnum(before[before.size() - words.size() - 1]))) {
        stated.direction = direction;
        stated.direction_words = words;
      }
    }
  }

  void direction_after(Stated& stated) const {
    static const std::pair<std::string_view, int> k_words[] = {
        {"or more", 1},     {"or longer", 1}, {"or higher", 1}, {"or greater", 1},
        {"or above", 1},    {"and above", 1}, {"or less", -1},  {"or fewer", -1},
        {"or shorter", -1}, {"or lower", -1}, {"or below", -1}, {"and below", -1}};
    if (stated.direction != 0) {
      return;
    }
    std::string_view after = m_text.substr(skip_spaces(m_text, stated.end));
    for (const auto& [words, direction] : k_words) {
      if (text::ascii_iequals(after.substr(0, words.size()), words) &&
          (after.size() == words.size() || !is_alnum(after[words.size()]))) {
        stated.direction = direction;
        stated.direction_words = words;
        return;
      }
    }
  }

  /// "from -20 to +50 °C", "1920 x 1080 pixels": the numbers before the unit take it too.
  void share_units() {
    static const std::string_view k_joins[] = {"to", "and",          "x",  "\xC3\x97",
                                               "-",  "\xE2\x80\x93", "or", "by"};
    for (std::size_t i = m_stated.size(); i-- > 1;) {
      Stated& first = m_stated[i - 1];
      const Stated& second = m_stated[i];
      if (!first.unit.empty() || second.unit.empty()) {
        continue;
      }
      std::string gap(m_text.substr(first.end, second.offset - first.end));
      gap.erase(0, gap.find_first_not_of(' '));
      gap.erase(gap.find_last_not_of(' ') + 1);
      if (std::find(std::begin(k_joins), std::end(k_joins), gap) != std::end(k_joins)) {
        std::string unit = second.words.substr(second.surface.size());
        unit.erase(0, unit.find_first_not_of(' '));
        first.unit = second.unit;
        first.words = first.surface + (unit.empty() ? "" : " " + unit);
      }
    }
    m_stated.erase(std::remove_if(m_stated.begin(), m_stated.end(),
                                  [](const Stated& s) { return s.unit.empty(); }),
                   m_stated.end());
  }

  std::string_view m_text;
  const catalog::Units& m_units;
  const std::vector<std::string>& m_ratings;
  bool m_decimal_comma;
  std::vector<Stated> m_stated;
};

bool near(double x, double y) {
  return std::fabs(x - y) <= 1e-9 * std::max({1.0, std::fabs(x), std::fabs(y)});
}

/// The source position of the `surface` of a number at `offset` in the requirement's text.
Position locate(const RuleContext& context, const spec::Requirement& r, const Stated& stated) {
  const std::string& text = r.text.value;
  std::size_t occurrence = 0;
  for (std::size_t at = text.find(stated.surface); at != std::string::npos && at < stated.offset;
       at = text.find(stated.surface, at + 1)) {
    ++occurrence;
  }
  std::string_view source = context.source.text();
  std::size_t at = source.find(stated.surface, context.source.offset_of(r.text.position));
  for (; at != std::string_view::npos && occurrence > 0; --occurrence) {
    at = source.find(stated.surface, at + 1);
  }
  return at == std::string_view::npos ? r.text.position : context.source.position_of(at);
}

class MetricRules {
 public:
  MetricRules(const RuleContext& context, Findings& findings)
      : m_context(context), m_units(context.config.units()), m_findings(findings) {
    for (const catalog::UnitEntry& entry : m_units.entries()) {
      if (entry.rating) {
        m_ratings.push_back(entry.symbol);
      }
    }
  }

  void run() {
    spec::for_each_requirement(
        m_context.spec, [&](const spec::Requirement& r, const spec::Section&) {
          if (!r.metric) {
            return;
          }
          const spec::Metric& metric = *r.metric;
          bool known = metric.unit.value.empty() || m_units.find(metric.unit.value).has_value();
          if (!known) {
            unknown_unit(r);
          }
          if (metric.min && metric.max && *metric.min > *metric.max) {
            m_findings.add("metric-range", metric.position,
                           fmt::format("the metric's min {} is greater than its max {}",
                                       metric.min_text, metric.max_text),
                           &r);
          }
          range_kind(r);
          if (known) {
            metric_text(r);
          }
        });
  }

 private:
  void unknown_unit(const spec::Requirement& r) {
    const spec::Text& unit = r.metric->unit;
    std::string message = fmt::format("unknown unit \"{}\"", unit.value);
    std::vector<std::string> forms;
    std::vector<catalog::UnitEntry> entries = m_units.entries();
    forms.reserve(entries.size());
    for (const catalog::UnitEntry& entry : entries) {
      forms.push_back(entry.symbol);
    }
    for (const catalog::UnitEntry& entry : entries) {
      forms.insert(forms.end(), entry.names.begin(), entry.names.end());
    }
    if (auto close = schema::did_you_mean(unit.value, forms)) {
      message += fmt::format("; did you mean \"{}\"?", *close);
    }
    m_findings.add("unknown-unit", unit.position, std::move(message), &r);
  }

  /// A range without `range:` whose parameter names an operating condition.
  void range_kind(const spec::Requirement& r) {
    const spec::Metric& metric = *r.metric;
    if (metric.op || metric.range || !(metric.min && metric.max)) {
      return;
    }
    static const std::string_view k_words[] = {"operating", "operation",   "operational",
                                               "ambient",   "storage",     "working",
                                               "coverage",  "environment", "environmental"};
    std::string parameter = text::ascii_lower(metric.parameter.value);
    for (std::string_view word : k_words) {
      if (parameter.find(word) != std::string::npos) {
        m_findings.add("range-kind", metric.position,
                       fmt::format("\"{}\" sounds like a range the product must cover; say "
                                   "range: cover (or range: within, the default, if the value "
                                   "must lie in it)",
                                   metric.parameter.value),
                       &r);
        return;
      }
    }
  }

  /// The quantities the text states in the metric's dimension, in the metric's unit.
  std::vector<std::pair<Stated, double>> stated_in_metric_unit(const spec::Requirement& r) {
    const spec::Metric& metric = *r.metric;
    std::optional<catalog::UnitInfo> wanted = m_units.find(metric.unit.value);
    std::vector<std::pair<Stated, double>> result;
    bool decimal_comma = m_context.spec.language.rfind("en", 0) != 0;
    for (Stated& stated : StatementReader(r.text.value, m_units, m_ratings, decimal_comma).read()) {
      if (stated.unit != metric.unit.value) {
        std::optional<catalog::UnitInfo> info = m_units.find(stated.unit);
        if (!wanted || !info || info->dimension != wanted->dimension || info->rating) {
          continue;
        }
      }
      std::optional<double> value = m_units.convert(stated.value, stated.unit, metric.unit.value);
      if (value) {
        result.emplace_back(std::move(stated), *value);
      }
    }
    return result;
  }

  std::string as_stated(const Stated& stated, double value, const spec::Metric& metric) const {
    if (stated.unit == metric.unit.value) {
      return stated.words;
    }
    return fmt::format("{} ({:.10g} {})", stated.words, value, metric.unit.value);
  }

  void metric_text(const spec::Requirement& r) {
    const spec::Metric& metric = *r.metric;
    auto stated = stated_in_metric_unit(r);
    if (stated.empty()) {
      return;
    }
    std::vector<double> bounds;
    for (const auto& bound : {metric.value, metric.min, metric.max}) {
      if (bound) {
        bounds.push_back(*bound);
      }
    }
    // A number in another unit agrees when it is the bound rounded as the text writes it
    // ("40 kn" for 74.08 km/h), within half a percent.
    auto agrees = [&](const std::pair<Stated, double>& s, double bound) {
      if (near(s.second, bound)) {
        return true;
      }
      if (s.first.unit == metric.unit.value) {
        return false;
      }
      std::optional<double> there = m_units.convert(bound, metric.unit.value, s.first.unit);
      std::size_t point = s.first.surface.find_first_of(".,");
      int decimals =
          point == std::string::npos ? 0 : static_cast<int>(s.first.surface.size() - point - 1);
      double tolerance =
          std::min(0.5 * std::pow(10.0, -decimals), 0.005 * std::fabs(s.first.value));
      return there && std::fabs(*there - s.first.value) <= tolerance;
    };
    auto matches = [&](const std::pair<Stated, double>& s) {
      return std::any_of(bounds.begin(), bounds.end(), [&](double b) { return agrees(s, b); });
    };
    std::string says = joint::describe(metric);
    std::vector<std::string> missing;
    for (double bound : bounds) {
      if (std::none_of(stated.begin(), stated.end(),
                       [&](const auto& s) { return agrees(s, bound); })) {
        missing.push_back(fmt::format("{:.10g}", bound));
      }
    }
    bool range = !metric.op;
    if ((range && !missing.empty()) || (!range && missing.size() == bounds.size())) {
      auto wrong =
          std::find_if(stated.begin(), stated.end(), [&](const auto& s) { return !matches(s); });
      const auto& at = wrong == stated.end() ? stated.front() : *wrong;
      std::vector<std::string> words;
      words.reserve(stated.size());
      for (const auto& s : stated) {
        words.push_back(as_stated(s.first, s.second, metric));
      }
      m_findings.add("metric-text", locate(m_context, r, at.first),
                     fmt::format("the text states {}, but the metric says {}",
                                 fmt::join(words, " and "), says),
                     &r);
      return;
    }
    if (range) {
      return;
    }
    int wanted = metric.op == spec::Op::ge || metric.op == spec::Op::gt   ? 1
                 : metric.op == spec::Op::le || metric.op == spec::Op::lt ? -1
                                                                          : 0;
    for (const auto& entry : stated) {
      const Stated& s = entry.first;
      if (matches(entry) && s.direction != 0 && s.direction != wanted) {
        m_findings.add("metric-text", locate(m_context, r, s),
                       fmt::format("the text says \"{}\" {}, but the metric says {}",
                                   s.direction_words, s.words, says),
                       &r);
        return;
      }
    }
  }

  const RuleContext& m_context;
  const catalog::Units& m_units;
  Findings& m_findings;
  std::vector<std::string> m_ratings;
};

}  // namespace

void check_metrics(const RuleContext& context, Findings& findings) {
  MetricRules(context, findings).run();
}

}  // namespace leaspec::check
