// Comparing metrics across units: what merge, diff and conformance decide strictness by.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "leaspec/joint.hpp"

namespace leaspec::joint {
namespace {

/// The values one component of a metric allows (or, for a range to cover, must cover).
struct Interval {
  double lo = -HUGE_VAL;
  double hi = HUGE_VAL;
  bool lo_open = false;
  bool hi_open = false;
};

/// Whether two bounds are equal but for rounding; `grain` is the size of one unit of the
/// finer of the two units compared, so that 1 nm differs from 2 nm even in km.
bool near(double x, double y, double grain) {
  if (std::isinf(x) || std::isinf(y)) {
    return x == y;
  }
  return std::fabs(x - y) <= 1e-9 * std::max({grain, std::fabs(x), std::fabs(y)});
}

/// Whether `inner` lies inside `outer`.
bool inside(const Interval& inner, const Interval& outer, double grain) {
  bool lo =
      near(inner.lo, outer.lo, grain) ? (inner.lo_open || !outer.lo_open) : inner.lo > outer.lo;
  bool hi =
      near(inner.hi, outer.hi, grain) ? (inner.hi_open || !outer.hi_open) : inner.hi < outer.hi;
  return lo && hi;
}

bool overlap(const Interval& a, const Interval& b, double grain) {
  double lo = std::max(a.lo, b.lo);
  double hi = std::min(a.hi, b.hi);
  if (near(lo, hi, grain)) {
    bool open = (near(a.lo, lo, grain) && a.lo_open) || (near(b.lo, lo, grain) && b.lo_open) ||
                (near(a.hi, hi, grain) && a.hi_open) || (near(b.hi, hi, grain) && b.hi_open);
    return !open;
  }
  return lo < hi;
}

Interval interval_of(const spec::Metric& m, double value, double min, double max) {
  Interval range;
  if (m.op) {
    spec::Op op = *m.op;
    if (op == spec::Op::ge || op == spec::Op::gt || op == spec::Op::eq) {
      range.lo = value;
      range.lo_open = op == spec::Op::gt;
    }
    if (op == spec::Op::le || op == spec::Op::lt || op == spec::Op::eq) {
      range.hi = value;
      range.hi_open = op == spec::Op::lt;
    }
    return range;
  }
  if (m.min) {
    range.lo = min;
  }
  if (m.max) {
    range.hi = max;
  }
  return range;
}

bool is_cover(const spec::Metric& m) {
  return !m.op && m.range_kind() == spec::RangeKind::cover;
}

std::string number(double value) {
  return fmt::format("{:.10g}", value);
}

/// A metric's bounds converted to `unit`, one interval per component (two for IP codes).
struct Bounds {
  std::vector<Interval> components;
  std::string text;  ///< the bound in `unit`, for people
  bool ok = true;
};

Bounds bounds_in(const spec::Metric& m, const catalog::UnitInfo& info, const std::string& unit,
                 const catalog::Units& units) {
  Bounds bounds;
  if (info.rating) {
    double v = m.value.value_or(m.min.value_or(m.max.value_or(0)));
    if (!m.op || v < 0 || v != std::floor(v) || v >= std::pow(10.0, info.digits)) {
      bounds.ok = false;
      return bounds;
    }
    auto code = static_cast<long>(v);
    std::vector<double> digits;
    if (info.by_digit) {
      for (int i = 0; i < info.digits; ++i, code /= 10) {
        digits.push_back(static_cast<double>(code % 10));
      }
      std::reverse(digits.begin(), digits.end());  // the first digit first
    } else {
      digits.push_back(v);
    }
    for (double d : digits) {
      bounds.components.push_back(interval_of(m, d, d, d));
    }
    bounds.text = describe(m);
    return bounds;
  }
  auto in_unit = [&](const std::optional<double>& value) -> double {
    if (!value) {
      return 0;
    }
    std::optional<double> converted = units.convert(*value, m.unit.value, unit);
    bounds.ok = bounds.ok && converted.has_value();
    return converted.value_or(0);
  };
  double value = in_unit(m.value);
  double min = in_unit(m.min);
  double max = in_unit(m.max);
  bounds.components.push_back(interval_of(m, value, min, max));
  // Without "(to cover)": bounds compare only when both ranges mean the same.
  if (m.op) {
    bounds.text = fmt::format("{} {} {}", spec::name(*m.op), number(value), unit);
  } else if (m.min && m.max) {
    bounds.text = fmt::format("{} to {} {}", number(min), number(max), unit);
  } else {
    bounds.text = m.min ? fmt::format(">= {} {}", number(min), unit)
                        : fmt::format("<= {} {}", number(max), unit);
  }
  return bounds;
}

}  // namespace

std::string describe(const spec::Metric& m) {
  std::optional<catalog::UnitInfo> info = catalog::Units::bundled().find(m.unit.value);
  if (info && info->rating && m.op) {
    return fmt::format("{} {}{}", spec::name(*m.op), m.unit.value, m.value_text);
  }
  std::string unit = m.unit.value.empty() ? "" : " " + m.unit.value;
  if (m.op) {
    return fmt::format("{} {}{}", spec::name(*m.op), m.value_text, unit);
  }
  std::string cover = m.range_kind() == spec::RangeKind::cover ? " (to cover)" : "";
  if (m.min && m.max) {
    return fmt::format("{} to {}{}{}", m.min_text, m.max_text, unit, cover);
  }
  return m.min ? fmt::format(">= {}{}{}", m.min_text, unit, cover)
               : fmt::format("<= {}{}{}", m.max_text, unit, cover);
}

MetricComparison compare_metrics(const spec::Metric& a, const spec::Metric& b,
                                 const catalog::Units& units) {
  MetricComparison result;
  result.unit = b.unit.value;
  result.first = describe(a);
  result.second = describe(b);
  std::optional<catalog::UnitInfo> a_info = units.find(a.unit.value);
  std::optional<catalog::UnitInfo> b_info = units.find(b.unit.value);
  bool same_unit = a.unit.value == b.unit.value;
  if (!same_unit && (!a_info || !b_info || a_info->rating || b_info->rating ||
                     !units.convert(0, a.unit.value, b.unit.value))) {
    result.result = Strictness::unconvertible;
    result.reason = units.why_not(a.unit.value, b.unit.value);
    return result;
  }
  catalog::UnitInfo info = b_info.value_or(catalog::UnitInfo{b.unit.value, ""});
  Bounds x = bounds_in(a, info, b.unit.value, units);
  Bounds y = bounds_in(b, info, b.unit.value, units);
  if (!x.ok || !y.ok) {
    result.result = Strictness::unconvertible;
    result.reason = fmt::format("{} takes whole codes such as {}67 with >=, <= or ==", b.unit.value,
                                b.unit.value);
    return result;
  }
  result.first = x.text;
  result.second = y.text;
  if (is_cover(a) != is_cover(b)) {
    result.result = Strictness::incomparable;
    result.reason =
        "one is a range the product must cover, the other a range the value must "
        "lie in";
    return result;
  }
  double grain = 1;
  if (!same_unit) {
    grain = std::min(1.0, std::fabs(units.convert(1, a.unit.value, b.unit.value).value_or(1) -
                                    units.convert(0, a.unit.value, b.unit.value).value_or(0)));
  }
  bool a_in_b = true, b_in_a = true, meet = true;
  for (std::size_t i = 0; i < x.components.size() && i < y.components.size(); ++i) {
    a_in_b = a_in_b && inside(x.components[i], y.components[i], grain);
    b_in_a = b_in_a && inside(y.components[i], x.components[i], grain);
    meet = meet && overlap(x.components[i], y.components[i], grain);
  }
  if (is_cover(a)) {
    std::swap(a_in_b, b_in_a);  // covering more is asking more
    meet = true;                // a product may cover both ranges
  }
  if (a_in_b && b_in_a) {
    result.result = Strictness::same;
  } else if (a_in_b) {
    result.result = Strictness::stricter;
  } else if (b_in_a) {
    result.result = Strictness::weaker;
  } else if (!meet) {
    result.result = Strictness::disjoint;
    result.reason = "no value satisfies both";
  } else {
    result.result = Strictness::incomparable;
    result.reason =
        is_cover(a) ? "neither range contains the other" : "each allows values the other excludes";
  }
  return result;
}

}  // namespace leaspec::joint
