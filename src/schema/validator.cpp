#include <pthread.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <functional>
#include <unordered_map>

#include <fmt/format.h>

#include "schema/compiled.hpp"
#include "schema/messages.hpp"
#include "schema/number.hpp"

namespace leaspec::schema {

std::size_t hash_value(const yaml::Node& node) {
  std::hash<std::string_view> text_hash;
  switch (node.kind) {
    case yaml::Kind::null:
      return 0x9e37;
    case yaml::Kind::boolean:
      return node.boolean ? 0x51 : 0x52;
    case yaml::Kind::integer:
    case yaml::Kind::number:
      if (node.is_integral() && std::fabs(node.number) < 9e15) {
        return std::hash<long long>()(static_cast<long long>(node.number));
      }
      return std::hash<double>()(node.number);
    case yaml::Kind::string:
      return text_hash(node.text);
    case yaml::Kind::sequence: {
      std::size_t hash = 0x5eed;
      for (const yaml::Node* item : node.items()) {
        hash = hash * 31 + hash_value(*item);
      }
      return hash;
    }
    case yaml::Kind::mapping: {
      std::size_t hash = 0x0b1;
      for (const yaml::Entry& entry : node.entries()) {
        hash += text_hash(entry.key->text) * 7 ^ hash_value(*entry.value);
      }
      return hash;
    }
  }
  return 0;
}

namespace {

/// One failed assertion, before it becomes a diagnostic.
struct Finding {
  const yaml::Node* at = nullptr;
  std::string pointer;
  std::string rule;
  std::string message;
  unsigned expected_types = 0;  ///< set on type mismatches
};

/// Findings of one evaluation, each once (`allOf` may reach one failure by several paths);
/// past `cap` they are only counted, so that a document with a finding on every value costs
/// bounded memory.
class Findings {
 public:
  explicit Findings(std::size_t cap) : m_cap(cap) {}

  void push_back(Finding finding) {
    if (m_items.size() >= m_cap) {
      ++m_dropped;
      return;
    }
    std::size_t hash = std::hash<std::string>()(finding.message) * 31 +
                       std::hash<std::string>()(finding.pointer) * 7 +
                       std::hash<const void*>()(finding.at);
    auto [begin, end] = m_seen.equal_range(hash);
    for (auto it = begin; it != end; ++it) {
      const Finding& earlier = m_items[it->second];
      if (earlier.at == finding.at && earlier.pointer == finding.pointer &&
          earlier.rule == finding.rule && earlier.message == finding.message) {
        return;
      }
    }
    m_seen.emplace(hash, m_items.size());
    m_items.push_back(std::move(finding));
  }
  /// Moves `other`'s findings to the end of this list.
  void append(Findings&& other) {
    for (Finding& finding : other.m_items) {
      push_back(std::move(finding));
    }
    m_dropped += other.m_dropped;
  }
  std::size_t size() const { return m_items.size() + m_dropped; }
  bool empty() const { return size() == 0; }
  std::size_t dropped() const { return m_dropped; }
  std::size_t cap() const { return m_cap; }
  std::vector<Finding>& items() { return m_items; }
  const std::vector<Finding>& items() const { return m_items; }

 private:
  std::size_t m_cap;
  std::vector<Finding> m_items;
  std::unordered_multimap<std::size_t, std::size_t> m_seen;
  std::size_t m_dropped = 0;
};

/// Which properties and items of one instance some subschema evaluated.
struct Annotations {
  std::vector<char> properties;
  std::vector<char> items;

  void merge(const Annotations& other) {
    properties.resize(std::max(properties.size(), other.properties.size()));
    items.resize(std::max(items.size(), other.items.size()));
    for (std::size_t i = 0; i < other.properties.size(); ++i) {
      properties[i] |= other.properties[i];
    }
    for (std::size_t i = 0; i < other.items.size(); ++i) {
      items[i] |= other.items[i];
    }
  }
};

/// In-place applicators nest at most this deep, besides the bound on the stack they use.
constexpr std::size_t k_max_evaluation_depth = 8192;
/// The work budget: evaluations of a subschema against a value. A document may use this many
/// whatever its size, then this many per value it holds, and never more than the total.
constexpr std::uint64_t k_base_evaluations = 100'000;
constexpr std::uint64_t k_evaluations_per_value = 500;
constexpr std::uint64_t k_max_evaluations = 50'000'000;
/// Results of references are remembered once an evaluation has done this much work (a
/// document that needs it is rare; the others do not pay for the bookkeeping).
constexpr std::uint64_t k_memo_after = 10'000;
/// Remembered results at most, and findings kept in one remembered result at most.
constexpr std::size_t k_max_memo_entries = 250'000;
constexpr std::size_t k_max_memo_findings = 16;
/// Stack left unused for what runs below an evaluation (formatting, PCRE2, libc).
constexpr std::uintptr_t k_stack_reserve = 256u << 10;

bool type_matches(unsigned types, const yaml::Node& node, Dialect dialect) {
  switch (node.kind) {
    case yaml::Kind::null:
      return types & k_null;
    case yaml::Kind::boolean:
      return types & k_boolean;
    case yaml::Kind::string:
      return types & k_string;
    case yaml::Kind::sequence:
      return types & k_array;
    case yaml::Kind::mapping:
      return types & k_object;
    case yaml::Kind::integer:
      return types & (k_integer | k_number);
    case yaml::Kind::number:
      if (types & k_number) {
        return true;
      }
      // Draft-04 defines an integer by how it is written, later drafts by its value.
      return (types & k_integer) &&
             (dialect == Dialect::draft4 ? is_integer_literal(node) : is_integral_value(node));
  }
  return false;
}

/// Values in a document, aliases counted where they are used.
std::uint64_t count_values(const yaml::Node& node, std::uint64_t limit) {
  std::uint64_t count = 1;
  for (const yaml::Node* item : node.items()) {
    count += count_values(*item, limit - std::min(limit, count));
    if (count >= limit) {
      return count;
    }
  }
  for (const yaml::Entry& entry : node.entries()) {
    count += count_values(*entry.value, limit - std::min(limit, count));
    if (count >= limit) {
      return count;
    }
  }
  return count;
}

/// The lowest stack address an evaluation may use on this thread, found once per thread.
std::uintptr_t stack_floor() {
  thread_local std::uintptr_t floor = 0;
  if (floor != 0) {
    return floor;
  }
  char here = 0;
  auto current = reinterpret_cast<std::uintptr_t>(&here);
  pthread_attr_t attributes;
  void* low = nullptr;
  std::size_t size = 0;
  bool known = pthread_getattr_np(pthread_self(), &attributes) == 0;
  if (known) {
    known = pthread_attr_getstack(&attributes, &low, &size) == 0;
    pthread_attr_destroy(&attributes);
  }
  std::uintptr_t bottom = known ? reinterpret_cast<std::uintptr_t>(low) : current - (1u << 20);
  floor = std::min(current, bottom + k_stack_reserve);
  return floor;
}

/// A remembered result: the evaluation of one referenced subschema at one place.
struct MemoKey {
  const Subschema* schema;
  std::uint64_t at;     ///< the value's address, or for findings the visit (the value at one path)
  std::uint64_t scope;  ///< the dynamic scope, when $dynamicRef makes it matter
  bool findings;

  friend bool operator==(const MemoKey&, const MemoKey&) = default;
};

struct MemoKeyHash {
  std::size_t operator()(const MemoKey& key) const {
    std::size_t hash = std::hash<const void*>()(key.schema);
    hash = hash * 31 + std::hash<std::uint64_t>()(key.at);
    hash = hash * 31 + std::hash<std::uint64_t>()(key.scope * 2 + (key.findings ? 1 : 0));
    return hash;
  }
};

struct MemoEntry {
  bool ok = false;
  std::vector<Finding> findings;
  Annotations annotations;
};

class Evaluator {
 public:
  Evaluator(const Compiled& compiled, std::size_t max_findings)
      : m_compiled(compiled), m_max_findings(max_findings), m_stack_floor(stack_floor()) {}

  bool run(const yaml::Node& instance, Findings* out) {
    m_root = &instance;
    m_scope.reserve(16);
    m_path.reserve(32);
    Annotations annotations;
    return eval(*m_compiled.root, instance, out,
                m_compiled.track_annotations ? &annotations : nullptr);
  }

  /// Whether evaluation stopped because it used up its budget, and where.
  bool exhausted() const { return m_exhausted; }
  const yaml::Node* exhausted_at() const { return m_exhausted_at; }
  const std::string& exhausted_pointer() const { return m_exhausted_pointer; }
  std::uint64_t evaluations() const { return m_evaluations; }
  std::uint64_t values() const { return m_values; }

 private:
  struct Segment {
    std::string_view key;
    std::size_t index = 0;
    bool is_index = false;
    std::uint64_t visit = 0;  ///< identifies this value at this path
  };

  /// Pushes a path segment for the duration of a scope.
  class PathScope {
   public:
    PathScope(Evaluator& evaluator, std::string_view key) : m_path(evaluator.m_path) {
      m_path.push_back({key, 0, false, ++evaluator.m_visits});
    }
    PathScope(Evaluator& evaluator, std::size_t index) : m_path(evaluator.m_path) {
      m_path.push_back({{}, index, true, ++evaluator.m_visits});
    }
    ~PathScope() { m_path.pop_back(); }
    PathScope(const PathScope&) = delete;
    PathScope& operator=(const PathScope&) = delete;

   private:
    std::vector<Segment>& m_path;
  };

  std::string pointer() const {
    std::string result;
    for (const Segment& segment : m_path) {
      result += '/';
      if (segment.is_index) {
        result += std::to_string(segment.index);
        continue;
      }
      for (char c : segment.key) {
        if (c == '~') {
          result += "~0";
        } else if (c == '/') {
          result += "~1";
        } else {
          result += c;
        }
      }
    }
    return result;
  }

  Finding finding(const yaml::Node& at, std::string rule, std::string message) const {
    return Finding{&at, pointer(), std::move(rule), std::move(message), 0};
  }

  Findings local_findings() const { return Findings(m_max_findings); }

  /// Counts one evaluation; false once the budget is used up.
  bool spend(const yaml::Node& inst) {
    if (++m_evaluations <= m_budget) {
      return true;
    }
    if (m_values == 0) {
      // Past the base budget: the document's size decides how much more it may use.
      m_values = count_values(*m_root, k_max_evaluations);
      m_budget =
          std::min(k_max_evaluations, k_base_evaluations + k_evaluations_per_value * m_values);
      if (m_evaluations <= m_budget) {
        return true;
      }
    }
    if (!m_exhausted) {
      m_exhausted = true;
      m_exhausted_at = &inst;
      m_exhausted_pointer = pointer();
    }
    return false;
  }

  bool too_deep() const {
    char here = 0;
    return m_depth >= k_max_evaluation_depth ||
           reinterpret_cast<std::uintptr_t>(&here) < m_stack_floor;
  }

  bool eval(const Subschema& s, const yaml::Node& inst, Findings* out, Annotations* ann) {
    if (m_exhausted || !spend(inst)) {
      return false;
    }
    if (s.boolean) {
      if (!*s.boolean && out) {
        out->push_back(finding(inst, "schema-false", "no value is allowed here"));
      }
      return *s.boolean;
    }
    if (too_deep()) {
      if (out) {
        out->push_back(
            finding(inst, "schema-recursion", "the schema nests deeper than leaspec evaluates"));
      }
      return false;
    }
    ++m_depth;
    bool entered = m_scope.empty() || m_scope.back() != s.resource;
    if (entered) {
      enter_scope(s.resource);
    }
    // Annotations are collected inside every subschema when any unevaluated* keyword needs
    // them, also where the caller discards them (inside `not`, say).
    Annotations mine;
    Annotations* local = ann || m_compiled.track_annotations ? &mine : nullptr;
    bool ok = evaluate_keywords(s, inst, out, local);
    if (entered) {
      m_scope.pop_back();
      m_scope_ids.pop_back();
    }
    --m_depth;
    if (ok && ann) {
      ann->merge(mine);
    }
    return ok;
  }

  void enter_scope(std::uint32_t resource) {
    m_scope.push_back(resource);
    if (!m_compiled.dynamic_scope) {
      m_scope_ids.push_back(0);
      return;
    }
    // Each distinct dynamic scope gets a number, so that remembered results can tell them
    // apart.
    std::uint64_t parent = m_scope_ids.empty() ? 0 : m_scope_ids.back();
    auto [it, inserted] =
        m_scope_numbers.try_emplace({parent, resource}, m_scope_numbers.size() + 1);
    m_scope_ids.push_back(it->second);
  }

  /// The outermost resource in the dynamic scope that has the anchor wins.
  const Subschema& dynamic_target(const Subschema& s) const {
    if (!s.dynamic_anchor.empty()) {
      for (std::uint32_t resource : m_scope) {
        auto found = m_compiled.dynamic_anchors.find(std::make_pair(resource, s.dynamic_anchor));
        if (found != m_compiled.dynamic_anchors.end()) {
          return *found->second;
        }
      }
    }
    return *s.dynamic_ref;
  }

  bool eval_ref(const Subschema& target, const yaml::Node& inst, Findings* out, Annotations* ann) {
    for (auto [schema, node] : m_ref_stack) {
      if (schema == &target && node == &inst) {
        if (out) {
          out->push_back(finding(inst, "schema-recursion",
                                 "the schema refers to itself without progressing into the value"));
        }
        return false;
      }
    }
    if (m_evaluations > k_memo_after) {
      return eval_remembered(target, inst, out, ann);
    }
    m_ref_stack.emplace_back(&target, &inst);
    bool ok = eval(target, inst, out, ann);
    m_ref_stack.pop_back();
    return ok;
  }

  /// Evaluates a referenced subschema once per value (per path, for findings) and dynamic
  /// scope: references that branch at every level would otherwise take exponential time.
  bool eval_remembered(const Subschema& target, const yaml::Node& inst, Findings* out,
                       Annotations* ann) {
    std::uint64_t at = out ? current_visit() : reinterpret_cast<std::uintptr_t>(&inst);
    MemoKey key{&target, at, m_scope_ids.empty() ? 0 : m_scope_ids.back(), out != nullptr};
    auto found = m_memo.find(key);
    if (found != m_memo.end()) {
      const MemoEntry& entry = found->second;
      if (out) {
        for (const Finding& f : entry.findings) {
          out->push_back(f);
        }
      }
      if (entry.ok && ann) {
        ann->merge(entry.annotations);
      }
      m_evaluations += entry.findings.size();
      return entry.ok;
    }
    Findings findings = local_findings();
    Annotations annotations;
    m_ref_stack.emplace_back(&target, &inst);
    bool ok = eval(target, inst, out ? &findings : nullptr, ann ? &annotations : nullptr);
    m_ref_stack.pop_back();
    bool complete = !m_exhausted && findings.dropped() == 0;
    if (complete && m_memo.size() < k_max_memo_entries && findings.size() <= k_max_memo_findings) {
      m_memo.emplace(key, MemoEntry{ok, findings.items(), annotations});
    }
    if (ok && ann) {
      ann->merge(annotations);
    }
    if (out) {
      out->append(std::move(findings));
    }
    return ok;
  }

  std::uint64_t current_visit() const { return m_path.empty() ? 0 : m_path.back().visit; }

  bool evaluate_keywords(const Subschema& s, const yaml::Node& inst, Findings* out,
                         Annotations* ann) {
    bool ok = true;
    bool stop_early = out == nullptr && ann == nullptr;
    auto check = [&](bool result) {
      ok = ok && result;
      return !ok && stop_early;
    };
    if (s.ref && check(eval_ref(*s.ref, inst, out, ann))) {
      return false;
    }
    if (s.dynamic_ref && check(eval_ref(dynamic_target(s), inst, out, ann))) {
      return false;
    }
    if (s.types && !type_matches(s.types, inst, s.dialect)) {
      if (out) {
        Finding f = finding(
            inst, "schema-type",
            fmt::format("expected {}, got {}", describe_types(s.types), describe_value(inst)));
        f.expected_types = s.types;
        out->push_back(std::move(f));
      }
      if (check(false)) {
        return false;
      }
    }
    if (s.enum_values && check(check_enum(s, inst, out))) {
      return false;
    }
    if (s.const_value && !yaml::equal(*s.const_value, inst)) {
      if (out) {
        out->push_back(
            finding(inst, "schema-const",
                    fmt::format("expected {}, got {}", show(*s.const_value), show(inst))));
      }
      if (check(false)) {
        return false;
      }
    }
    if (inst.is_number() && check(check_number(s, inst, out))) {
      return false;
    }
    if (inst.kind == yaml::Kind::string && check(check_string(s, inst, out))) {
      return false;
    }
    if (inst.kind == yaml::Kind::sequence && check(check_array(s, inst, out, ann))) {
      return false;
    }
    if (inst.kind == yaml::Kind::mapping && check(check_object(s, inst, out, ann))) {
      return false;
    }
    if (check(check_combinators(s, inst, out, ann))) {
      return false;
    }
    if (ann && check(check_unevaluated(s, inst, out, *ann))) {
      return false;
    }
    return ok;
  }

  static bool enum_allows(const Subschema& s, const yaml::Node& inst) {
    if (s.enum_hashes.empty()) {
      for (const yaml::Node* allowed : s.enum_values->items()) {
        if (yaml::equal(*allowed, inst)) {
          return true;
        }
      }
      return false;
    }
    std::size_t hash = hash_value(inst);
    auto first = std::lower_bound(s.enum_hashes.begin(), s.enum_hashes.end(), hash,
                                  [](const auto& entry, std::size_t h) { return entry.first < h; });
    for (auto it = first; it != s.enum_hashes.end() && it->first == hash; ++it) {
      if (yaml::equal(*it->second, inst)) {
        return true;
      }
    }
    return false;
  }

  bool check_enum(const Subschema& s, const yaml::Node& inst, Findings* out) {
    if (enum_allows(s, inst)) {
      return true;
    }
    if (out) {
      out->push_back(finding(inst, "schema-enum", enum_message(inst, *s.enum_values)));
    }
    return false;
  }

  bool check_number(const Subschema& s, const yaml::Node& inst, Findings* out) {
    bool ok = true;
    auto fail = [&](std::string rule, std::string message) {
      ok = false;
      if (out) {
        out->push_back(finding(inst, std::move(rule), std::move(message)));
      }
    };
    std::string_view value = inst.text;
    if (s.minimum && compare_numbers(inst, *s.minimum) < 0) {
      fail("schema-minimum", fmt::format("{} is less than the minimum of {}", shorten(value),
                                         shorten(s.minimum->text)));
    }
    if (s.maximum && compare_numbers(inst, *s.maximum) > 0) {
      fail("schema-maximum", fmt::format("{} is greater than the maximum of {}", shorten(value),
                                         shorten(s.maximum->text)));
    }
    if (s.exclusive_minimum && compare_numbers(inst, *s.exclusive_minimum) <= 0) {
      fail("schema-exclusive-minimum", fmt::format("{} must be greater than {}", shorten(value),
                                                   shorten(s.exclusive_minimum->text)));
    }
    if (s.exclusive_maximum && compare_numbers(inst, *s.exclusive_maximum) >= 0) {
      fail("schema-exclusive-maximum", fmt::format("{} must be less than {}", shorten(value),
                                                   shorten(s.exclusive_maximum->text)));
    }
    if (s.multiple_of && !is_multiple_of(inst, *s.multiple_of)) {
      fail("schema-multiple-of",
           fmt::format("{} is not a multiple of {}", shorten(value), shorten(s.multiple_of->text)));
    }
    return ok;
  }

  bool check_string(const Subschema& s, const yaml::Node& inst, Findings* out) {
    bool ok = true;
    auto fail = [&](std::string rule, std::string message) {
      ok = false;
      if (out) {
        out->push_back(finding(inst, std::move(rule), std::move(message)));
      }
    };
    if (s.min_length || s.max_length) {
      std::size_t length = utf8_length(inst.text);
      if (s.min_length && length < *s.min_length) {
        fail("schema-min-length",
             *s.min_length == 1
                 ? std::string("the text must not be empty")
                 : fmt::format("the text has {} characters, fewer than the minimum of {}", length,
                               *s.min_length));
      }
      if (s.max_length && length > *s.max_length) {
        fail("schema-max-length",
             fmt::format("the text has {} characters, more than the maximum of {}", length,
                         *s.max_length));
      }
    }
    if (s.pattern) {
      MatchResult result = s.pattern->search(inst.text);
      if (result == MatchResult::no_match) {
        fail("schema-pattern", s.pattern_message.empty()
                                   ? fmt::format("{} does not match the pattern {}", show(inst),
                                                 shorten(s.pattern->pattern()))
                                   : fmt::format("{} does not have the required form: {}",
                                                 show(inst), s.pattern_message));
      } else if (result == MatchResult::limit_exceeded) {
        fail("schema-pattern",
             fmt::format("matching {} against the pattern {} exceeded the match limit", show(inst),
                         shorten(s.pattern->pattern())));
      }
    }
    if (s.format_check && m_compiled.options.format_assertion && !s.format_check(inst.text)) {
      std::string message = fmt::format("{} is not a valid {}", show(inst), s.format);
      if (std::string_view hint = format_hint(s.format); !hint.empty()) {
        message += fmt::format("; expected {}", hint);
      }
      fail("schema-format", std::move(message));
    }
    return ok;
  }

  /// Reports items that repeat an earlier one; small arrays compare pairwise.
  bool check_unique(const yaml::Node& inst, Findings* out) {
    const auto& items = inst.items();
    bool ok = true;
    auto repeated = [&](std::size_t i, std::size_t earlier) {
      ok = false;
      if (out) {
        PathScope scope(*this, i);
        out->push_back(
            finding(*items[i], "schema-unique-items",
                    fmt::format("item {} repeats item {}; items must be unique", i, earlier)));
      }
    };
    constexpr std::size_t k_pairwise = 16;
    if (items.size() <= k_pairwise) {
      for (std::size_t i = 1; i < items.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
          if (yaml::equal(*items[j], *items[i])) {
            repeated(i, j);
            break;
          }
        }
      }
      return ok;
    }
    std::unordered_multimap<std::size_t, std::size_t> seen;
    for (std::size_t i = 0; i < items.size(); ++i) {
      std::size_t hash = hash_value(*items[i]);
      auto [begin, end] = seen.equal_range(hash);
      for (auto it = begin; it != end; ++it) {
        if (yaml::equal(*items[it->second], *items[i])) {
          repeated(i, it->second);
          break;
        }
      }
      seen.emplace(hash, i);
    }
    return ok;
  }

  bool check_array(const Subschema& s, const yaml::Node& inst, Findings* out, Annotations* ann) {
    bool ok = true;
    bool stop_early = out == nullptr && ann == nullptr;
    const auto& items = inst.items();
    if (ann) {
      ann->items.resize(items.size());
    }
    auto fail = [&](std::string rule, std::string message) {
      ok = false;
      if (out) {
        out->push_back(finding(inst, std::move(rule), std::move(message)));
      }
    };
    if (s.min_items && items.size() < *s.min_items) {
      fail("schema-min-items",
           fmt::format("the array has {} item{}, fewer than the minimum of {}", items.size(),
                       items.size() == 1 ? "" : "s", *s.min_items));
    }
    if (s.max_items && items.size() > *s.max_items) {
      fail("schema-max-items", fmt::format("the array has {} items, more than the maximum of {}",
                                           items.size(), *s.max_items));
    }
    if (s.unique_items && !check_unique(inst, out)) {
      ok = false;
    }
    if (!ok && stop_early) {
      return false;
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
      const Subschema* item_schema = i < s.prefix_items.size() ? s.prefix_items[i] : s.items;
      if (!item_schema) {
        continue;
      }
      PathScope scope(*this, i);
      if (!eval_child(*item_schema, *items[i], out)) {
        ok = false;
        if (stop_early || m_exhausted) {
          return false;
        }
      }
      if (ann) {
        ann->items[i] = 1;
      }
    }
    if (s.contains) {
      std::uint64_t matches = 0;
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (eval_child(*s.contains, *items[i], nullptr)) {
          ++matches;
          if (ann) {
            ann->items[i] = 1;
          }
        }
      }
      std::uint64_t minimum = s.min_contains.value_or(1);
      if (matches < minimum) {
        fail("schema-contains",
             minimum == 1 ? std::string("no item matches the \"contains\" schema")
                          : fmt::format("{} items match the \"contains\" schema, fewer than {}",
                                        matches, minimum));
      }
      if (s.max_contains && matches > *s.max_contains) {
        fail("schema-contains", fmt::format("{} items match the \"contains\" schema, more than {}",
                                            matches, *s.max_contains));
      }
    }
    return ok;
  }

  /// Evaluates a subschema for a child value, which has its own annotations.
  bool eval_child(const Subschema& schema, const yaml::Node& value, Findings* out) {
    if (!m_compiled.track_annotations) {
      return eval(schema, value, out, nullptr);
    }
    Annotations child;
    return eval(schema, value, out, &child);
  }

  /// The schemas `properties` gives a key (at most one: keys are unique).
  static const Subschema* property_schema(const Subschema& s, std::string_view key) {
    if (!s.property_index.empty()) {
      auto found = s.property_index.find(key);
      return found == s.property_index.end() ? nullptr : found->second;
    }
    for (const NamedSchema& property : s.properties) {
      if (property.name == key) {
        return property.schema;
      }
    }
    return nullptr;
  }

  /// The key that did-you-mean names for an unknown key of `s`, when `s` forbids unknown keys.
  static std::optional<std::string> suggested_key(const Subschema& s, const std::string& key) {
    if (s.known_keys.size() > k_max_hint_candidates ||
        std::find(s.known_keys.begin(), s.known_keys.end(), key) != s.known_keys.end()) {
      return std::nullopt;
    }
    return did_you_mean(key, s.known_keys);
  }

  /// Whether the missing required key `name` is written misspelt in `inst`, as an unknown key
  /// whose did-you-mean is `name`.
  static bool misspelt_as(const Subschema& s, const yaml::Node& inst, const std::string& name) {
    const Subschema* additional = s.additional_properties;
    if (!additional || !additional->boolean || *additional->boolean) {
      return false;
    }
    return std::any_of(inst.entries().begin(), inst.entries().end(), [&](const yaml::Entry& entry) {
      return suggested_key(s, std::string(entry.key->text)) == name;
    });
  }

  /// required, minProperties, maxProperties and dependentRequired.
  bool check_keys(const Subschema& s, const yaml::Node& inst, Findings* out) {
    bool ok = true;
    const auto& entries = inst.entries();
    auto fail = [&](std::string rule, std::string message) {
      ok = false;
      if (out) {
        out->push_back(finding(inst, std::move(rule), std::move(message)));
      }
    };
    for (const std::string& name : s.required) {
      // A misspelt key is one finding: the unknown key names the required one it would fill.
      if (!inst.find_entry(name) && !misspelt_as(s, inst, name)) {
        fail("schema-required", fmt::format("missing required key {}", schema::quoted(name)));
      }
    }
    if (s.min_properties && entries.size() < *s.min_properties) {
      fail("schema-min-properties",
           fmt::format("the object has {} keys, fewer than the minimum of {}", entries.size(),
                       *s.min_properties));
    }
    if (s.max_properties && entries.size() > *s.max_properties) {
      fail("schema-max-properties",
           fmt::format("the object has {} keys, more than the maximum of {}", entries.size(),
                       *s.max_properties));
    }
    for (const Dependency& dependency : s.dependent_required) {
      if (inst.find_entry(dependency.name)) {
        for (const std::string& name : dependency.required) {
          if (!inst.find_entry(name)) {
            fail("schema-dependent-required",
                 fmt::format("key {} requires key {}", schema::quoted(dependency.name),
                             schema::quoted(name)));
          }
        }
      }
    }
    return ok;
  }

  bool check_property_name(const Subschema& s, const yaml::Entry& entry, Findings* out) {
    Findings name_findings = local_findings();
    if (eval_child(*s.property_names, *entry.key, out ? &name_findings : nullptr)) {
      return true;
    }
    if (out) {
      for (Finding& f : name_findings.items()) {
        f.message = fmt::format("key {}: {}", schema::quoted(entry.key->text), f.message);
      }
      out->append(std::move(name_findings));
    }
    return false;
  }

  bool check_object(const Subschema& s, const yaml::Node& inst, Findings* out, Annotations* ann) {
    bool stop_early = out == nullptr && ann == nullptr;
    const auto& entries = inst.entries();
    if (ann) {
      ann->properties.resize(entries.size());
    }
    bool ok = check_keys(s, inst, out);
    if (!ok && stop_early) {
      return false;
    }
    bool per_key = s.property_names || !s.properties.empty() || !s.pattern_properties.empty() ||
                   s.additional_properties;
    for (std::size_t i = 0; per_key && i < entries.size(); ++i) {
      const yaml::Entry& entry = entries[i];
      std::string_view key = entry.key->text;
      PathScope scope(*this, key);
      if (s.property_names && !check_property_name(s, entry, out)) {
        ok = false;
        if (stop_early) {
          return false;
        }
      }
      bool matched = false;
      if (const Subschema* property = property_schema(s, key)) {
        matched = true;
        ok = eval_property(*property, entry, out) && ok;
      }
      for (const PatternSchema& pattern : s.pattern_properties) {
        if (pattern.regex->search(key) == MatchResult::match) {
          matched = true;
          ok = eval_property(*pattern.schema, entry, out) && ok;
        }
      }
      if (!matched && s.additional_properties) {
        matched = true;
        ok = eval_additional(s, *s.additional_properties, inst, entry, out) && ok;
      }
      if (ann && matched) {
        ann->properties[i] = 1;
      }
      if (!ok && (stop_early || m_exhausted)) {
        return false;
      }
    }
    for (const NamedSchema& dependency : s.dependent_schemas) {
      if (inst.find_entry(dependency.name)) {
        Annotations child;
        bool valid = eval(*dependency.schema, inst, out, ann ? &child : nullptr);
        if (valid && ann) {
          ann->merge(child);
        }
        ok = ok && valid;
        if (!ok && stop_early) {
          return false;
        }
      }
    }
    return ok;
  }

  bool eval_property(const Subschema& schema, const yaml::Entry& entry, Findings* out) {
    if (schema.boolean && !*schema.boolean) {
      if (out) {
        out->push_back(
            Finding{entry.key, pointer(), "schema-false",
                    fmt::format("key {} is not allowed here", schema::quoted(entry.key->text)), 0});
      }
      return false;
    }
    return eval_child(schema, *entry.value, out);
  }

  bool eval_additional(const Subschema& s, const Subschema& schema, const yaml::Node& inst,
                       const yaml::Entry& entry, Findings* out) {
    if (schema.boolean && !*schema.boolean) {
      if (out) {
        std::string message = fmt::format("unknown key {}", schema::quoted(entry.key->text));
        if (auto hint = suggested_key(s, std::string(entry.key->text))) {
          bool required =
              std::find(s.required.begin(), s.required.end(), *hint) != s.required.end() &&
              !inst.find_entry(*hint);
          message += fmt::format("; did you mean {}{}?", schema::quoted(*hint),
                                 required ? ", which is required here" : "");
        }
        out->push_back(Finding{entry.key, pointer(), "unknown-key", std::move(message), 0});
      }
      return false;
    }
    return eval_child(schema, *entry.value, out);
  }

  /// Picks the failing branch that came closest to matching, so one message explains why.
  void report_closest(const std::vector<const Subschema*>& branches, const yaml::Node& inst,
                      Findings& out, std::string_view keyword) {
    Findings best = local_findings();
    std::size_t best_score = SIZE_MAX;
    unsigned all_types = 0;
    bool only_type_mismatches = true;
    for (const Subschema* branch : branches) {
      Findings findings = local_findings();
      eval_child(*branch, inst, &findings);
      if (m_exhausted) {
        return;
      }
      bool type_mismatch = false;
      for (const Finding& f : findings.items()) {
        if (f.expected_types && f.at == &inst) {
          type_mismatch = true;
          all_types |= f.expected_types;
        }
      }
      if (!(findings.size() == 1 && type_mismatch)) {
        only_type_mismatches = false;
      }
      std::size_t score = findings.size() + (type_mismatch ? 1000 : 0);
      if (score < best_score) {
        best_score = score;
        best = std::move(findings);
      }
    }
    if (only_type_mismatches && all_types) {
      out.push_back(finding(
          inst, "schema-type",
          fmt::format("expected {}, got {}", describe_types(all_types), describe_value(inst))));
      return;
    }
    if (best.empty()) {
      out.push_back(
          finding(inst, "schema-" + std::string(keyword),
                  fmt::format("the value matches none of the \"{}\" alternatives", keyword)));
      return;
    }
    out.append(std::move(best));
  }

  bool check_any_of(const Subschema& s, const yaml::Node& inst, Findings* out, Annotations* ann) {
    bool any = false;
    for (const Subschema* schema : s.any_of) {
      Annotations child;
      if (eval(*schema, inst, nullptr, ann ? &child : nullptr)) {
        any = true;
        if (!ann) {
          break;
        }
        ann->merge(child);
      }
    }
    if (!any && out && !m_exhausted) {
      report_closest(s.any_of, inst, *out, "any-of");
    }
    return any;
  }

  bool check_one_of(const Subschema& s, const yaml::Node& inst, Findings* out, Annotations* ann) {
    std::vector<std::size_t> passing;
    Annotations chosen;
    for (std::size_t i = 0; i < s.one_of.size(); ++i) {
      Annotations child;
      if (eval(*s.one_of[i], inst, nullptr, ann ? &child : nullptr)) {
        passing.push_back(i);
        chosen = std::move(child);
      }
    }
    if (passing.size() == 1) {
      if (ann) {
        ann->merge(chosen);
      }
      return true;
    }
    if (out && passing.empty() && !m_exhausted) {
      report_closest(s.one_of, inst, *out, "one-of");
    } else if (out && passing.size() > 1) {
      out->push_back(finding(inst, "schema-one-of",
                             fmt::format("the value matches alternatives {} and {} of \"oneOf\", "
                                         "but must match exactly one",
                                         passing[0] + 1, passing[1] + 1)));
    }
    return false;
  }

  bool check_combinators(const Subschema& s, const yaml::Node& inst, Findings* out,
                         Annotations* ann) {
    bool ok = true;
    bool stop_early = out == nullptr && ann == nullptr;
    auto branch = [&](const Subschema& schema, Findings* findings) {
      Annotations child;
      bool valid = eval(schema, inst, findings, ann ? &child : nullptr);
      if (valid && ann) {
        ann->merge(child);
      }
      return valid;
    };
    for (const Subschema* schema : s.all_of) {
      if (!branch(*schema, out)) {
        ok = false;
        if (stop_early || m_exhausted) {
          return false;
        }
      }
    }
    if (!s.any_of.empty() && !check_any_of(s, inst, out, ann)) {
      ok = false;
      if (stop_early) {
        return false;
      }
    }
    if (!s.one_of.empty() && !check_one_of(s, inst, out, ann)) {
      ok = false;
      if (stop_early) {
        return false;
      }
    }
    if (s.not_schema && eval(*s.not_schema, inst, nullptr, nullptr)) {
      ok = false;
      if (out) {
        out->push_back(finding(inst, "schema-not", "the value matches a schema it must not match"));
      }
      if (stop_early) {
        return false;
      }
    }
    if (s.if_schema) {
      Annotations if_annotations;
      bool condition = eval(*s.if_schema, inst, nullptr, ann ? &if_annotations : nullptr);
      if (condition && ann) {
        ann->merge(if_annotations);
      }
      const Subschema* next = condition ? s.then_schema : s.else_schema;
      if (next && !branch(*next, out)) {
        ok = false;
      }
    }
    return ok;
  }

  bool check_unevaluated(const Subschema& s, const yaml::Node& inst, Findings* out,
                         Annotations& ann) {
    bool ok = true;
    if (s.unevaluated_properties && inst.kind == yaml::Kind::mapping) {
      ann.properties.resize(inst.entries().size());
      for (std::size_t i = 0; i < inst.entries().size(); ++i) {
        if (ann.properties[i]) {
          continue;
        }
        const yaml::Entry& entry = inst.entries()[i];
        PathScope scope(*this, std::string_view(entry.key->text));
        if (!eval_additional(s, *s.unevaluated_properties, inst, entry, out)) {
          ok = false;
        }
      }
      if (ok) {
        ann.properties.assign(inst.entries().size(), 1);
      }
    }
    if (s.unevaluated_items && inst.kind == yaml::Kind::sequence) {
      ann.items.resize(inst.items().size());
      for (std::size_t i = 0; i < inst.items().size(); ++i) {
        if (ann.items[i]) {
          continue;
        }
        PathScope scope(*this, i);
        if (!eval_child(*s.unevaluated_items, *inst.items()[i], out)) {
          ok = false;
        }
      }
      if (ok) {
        ann.items.assign(inst.items().size(), 1);
      }
    }
    return ok;
  }

  const Compiled& m_compiled;
  std::size_t m_max_findings;
  const yaml::Node* m_root = nullptr;
  std::vector<Segment> m_path;
  std::uint64_t m_visits = 0;
  std::vector<std::pair<const Subschema*, const yaml::Node*>> m_ref_stack;
  /// Resources entered on the way to the current subschema, outermost first, and the number
  /// of each dynamic scope that gives.
  std::vector<std::uint32_t> m_scope;
  std::vector<std::uint64_t> m_scope_ids;
  std::map<std::pair<std::uint64_t, std::uint32_t>, std::uint64_t> m_scope_numbers;
  std::size_t m_depth = 0;
  std::uintptr_t m_stack_floor;
  std::uint64_t m_evaluations = 0;
  std::uint64_t m_budget = k_base_evaluations;
  std::uint64_t m_values = 0;
  bool m_exhausted = false;
  const yaml::Node* m_exhausted_at = nullptr;
  std::string m_exhausted_pointer;
  std::unordered_map<MemoKey, MemoEntry, MemoKeyHash> m_memo;
};

}  // namespace

bool Schema::validate(const yaml::Node& instance, const std::string& file,
                      DiagnosticSink& sink) const {
  std::size_t cap = m_compiled->options.max_findings;
  Findings findings(cap);
  Evaluator evaluator(*m_compiled, cap);
  bool valid = evaluator.run(instance, &findings);
  if (evaluator.exhausted()) {
    const yaml::Node* at = evaluator.exhausted_at();
    const std::string& pointer = evaluator.exhausted_pointer();
    sink.report({Severity::error, "schema-budget",
                 fmt::format("schema evaluation exceeded its budget at {} ({} evaluations of "
                             "subschemas for a document of {} values); the document was not "
                             "fully checked",
                             pointer.empty() ? "the document root" : shorten(pointer),
                             evaluator.evaluations(), evaluator.values()),
                 file, at ? at->position : Position{}, pointer});
    return false;
  }
  for (Finding& f : findings.items()) {
    sink.report({Severity::error, std::move(f.rule), std::move(f.message), file,
                 f.at ? f.at->position : Position{}, std::move(f.pointer)});
  }
  sink.omit(findings.dropped());
  return valid && findings.empty();
}

bool Schema::is_valid(const yaml::Node& instance) const {
  Evaluator evaluator(*m_compiled, 0);
  return evaluator.run(instance, nullptr) && !evaluator.exhausted();
}

}  // namespace leaspec::schema
