#include <climits>
#include <cmath>
#include <functional>
#include <unordered_map>

#include <fmt/format.h>

#include "schema/compiled.hpp"

namespace leaspec::schema {
namespace {

/// One failed assertion, before it becomes a diagnostic.
struct Finding {
  const yaml::Node* at = nullptr;
  std::string pointer;
  std::string rule;
  std::string message;
  unsigned expected_types = 0;  ///< set on type mismatches
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

constexpr std::size_t k_max_evaluation_depth = 512;
constexpr std::size_t k_max_shown = 60;

std::string shorten(std::string text) {
  if (utf8_length(text) > k_max_shown) {
    std::size_t cut = k_max_shown;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
      --cut;
    }
    text = text.substr(0, cut) + "…";
  }
  return text;
}

/// The value as a user wrote it, for messages: strings quoted, numbers as written.
std::string show(const yaml::Node& node) {
  switch (node.kind) {
    case yaml::Kind::sequence:
      return "an array";
    case yaml::Kind::mapping:
      return "an object";
    default:
      return shorten(yaml::to_json(node));
  }
}

std::string describe_value(const yaml::Node& node) {
  switch (node.kind) {
    case yaml::Kind::null:
      return "null";
    case yaml::Kind::boolean:
      return fmt::format("the boolean {}", node.boolean ? "true" : "false");
    case yaml::Kind::integer:
      return fmt::format("the integer {}", node.text);
    case yaml::Kind::number:
      return fmt::format("the number {}", node.text);
    case yaml::Kind::string:
      return fmt::format("the string {}", show(node));
    case yaml::Kind::sequence:
      return "an array";
    case yaml::Kind::mapping:
      return "an object";
  }
  return "a value";
}

std::string describe_types(unsigned bits) {
  static const std::pair<unsigned, const char*> k_names[] = {
      {k_object, "an object"},   {k_array, "an array"},  {k_string, "a string"},
      {k_integer, "an integer"}, {k_number, "a number"}, {k_boolean, "a boolean"},
      {k_null, "null"}};
  std::vector<std::string> names;
  for (auto [bit, name] : k_names) {
    if ((bits & bit) && !(bit == k_integer && (bits & k_number))) {
      names.emplace_back(name);
    }
  }
  std::string result;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) {
      result += i + 1 == names.size() ? " or " : ", ";
    }
    result += names[i];
  }
  return result;
}

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
      return (types & k_number) ||
             ((types & k_integer) && dialect != Dialect::draft4 && node.is_integral());
  }
  return false;
}

int compare(const yaml::Node& a, const yaml::Node& b) {
  if (a.kind == yaml::Kind::integer && b.kind == yaml::Kind::integer) {
    return a.integer < b.integer ? -1 : (a.integer > b.integer ? 1 : 0);
  }
  return a.number < b.number ? -1 : (a.number > b.number ? 1 : 0);
}

__extension__ using Wide = __int128;

/// An exact decimal mantissa and exponent, when the number fits.
struct Decimal {
  Wide mantissa = 0;
  int exponent = 0;
};

std::optional<Decimal> to_decimal(const yaml::Node& node) {
  if (node.kind == yaml::Kind::integer) {
    return Decimal{node.integer, 0};
  }
  const std::string& text = node.text;
  Decimal result;
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) {
    negative = text[i] == '-';
    ++i;
  }
  int digits = 0;
  bool fraction = false;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c == '.') {
      fraction = true;
    } else if (c >= '0' && c <= '9') {
      if (++digits > 30) {
        return std::nullopt;
      }
      result.mantissa = result.mantissa * 10 + (c - '0');
      if (fraction) {
        --result.exponent;
      }
    } else if (c == 'e' || c == 'E') {
      int exponent = 0;
      try {
        exponent = std::stoi(text.substr(i + 1));
      } catch (...) {
        return std::nullopt;
      }
      if (exponent > 30 || exponent < -30) {
        return std::nullopt;
      }
      result.exponent += exponent;
      break;
    } else {
      return std::nullopt;
    }
  }
  if (negative) {
    result.mantissa = -result.mantissa;
  }
  return result;
}

bool scale(Wide& mantissa, int steps) {
  constexpr Wide k_limit = static_cast<Wide>(1) << 120;
  for (int i = 0; i < steps; ++i) {
    if (mantissa > k_limit / 10 || mantissa < -k_limit / 10) {
      return false;
    }
    mantissa *= 10;
  }
  return true;
}

bool is_multiple(const yaml::Node& value, const yaml::Node& divisor) {
  auto a = to_decimal(value);
  auto b = to_decimal(divisor);
  if (a && b) {
    int exponent = std::min(a->exponent, b->exponent);
    if (scale(a->mantissa, a->exponent - exponent) && scale(b->mantissa, b->exponent - exponent) &&
        b->mantissa != 0) {
      return a->mantissa % b->mantissa == 0;
    }
  }
  double quotient = value.number / divisor.number;
  if (!std::isfinite(quotient)) {
    return false;
  }
  return std::fabs(quotient - std::round(quotient)) < 1e-9;
}

std::size_t hash_node(const yaml::Node& node) {
  std::hash<std::string> text_hash;
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
      for (const yaml::Node* item : node.items) {
        hash = hash * 31 + hash_node(*item);
      }
      return hash;
    }
    case yaml::Kind::mapping: {
      std::size_t hash = 0x0b1;
      for (const yaml::Entry& entry : node.entries) {
        hash += text_hash(entry.key->text) * 7 ^ hash_node(*entry.value);
      }
      return hash;
    }
  }
  return 0;
}

class Evaluator {
 public:
  explicit Evaluator(const Compiled& compiled) : m_compiled(compiled) {}

  bool run(const yaml::Node& instance, std::vector<Finding>* out) {
    Annotations annotations;
    return eval(*m_compiled.root, instance, out,
                m_compiled.track_annotations ? &annotations : nullptr);
  }

 private:
  struct Segment {
    std::string_view key;
    std::size_t index = 0;
    bool is_index = false;
  };

  /// Pushes a path segment for the duration of a scope.
  class PathScope {
   public:
    PathScope(std::vector<Segment>& path, Segment segment) : m_path(path) {
      m_path.push_back(segment);
    }
    ~PathScope() { m_path.pop_back(); }
    PathScope(const PathScope&) = delete;
    PathScope& operator=(const PathScope&) = delete;

   private:
    std::vector<Segment>& m_path;
  };

  std::string pointer(std::string_view extra_key = {}, bool with_extra = false) const {
    std::string result;
    auto append_key = [&](std::string_view key) {
      result += '/';
      for (char c : key) {
        if (c == '~') {
          result += "~0";
        } else if (c == '/') {
          result += "~1";
        } else {
          result += c;
        }
      }
    };
    for (const Segment& segment : m_path) {
      if (segment.is_index) {
        result += '/';
        result += std::to_string(segment.index);
      } else {
        append_key(segment.key);
      }
    }
    if (with_extra) {
      append_key(extra_key);
    }
    return result;
  }

  Finding finding(const yaml::Node& at, std::string rule, std::string message) const {
    return Finding{&at, pointer(), std::move(rule), std::move(message), 0};
  }

  bool eval(const Subschema& s, const yaml::Node& inst, std::vector<Finding>* out,
            Annotations* ann) {
    if (s.boolean) {
      if (!*s.boolean && out) {
        out->push_back(finding(inst, "schema-false", "no value is allowed here"));
      }
      return *s.boolean;
    }
    if (m_depth >= k_max_evaluation_depth) {
      if (out) {
        out->push_back(
            finding(inst, "schema-recursion", "the schema nests deeper than leaspec evaluates"));
      }
      return false;
    }
    ++m_depth;
    bool entered = m_scope.empty() || *m_scope.back() != s.resource;
    if (entered) {
      m_scope.push_back(&s.resource);
    }
    // Annotations are collected inside every subschema when any unevaluated* keyword needs
    // them, also where the caller discards them (inside `not`, say).
    Annotations mine;
    Annotations* local = ann || m_compiled.track_annotations ? &mine : nullptr;
    bool ok = evaluate_keywords(s, inst, out, local);
    if (entered) {
      m_scope.pop_back();
    }
    --m_depth;
    if (ok && ann) {
      ann->merge(mine);
    }
    return ok;
  }

  /// The outermost resource in the dynamic scope that has the anchor wins.
  const Subschema& dynamic_target(const Subschema& s) const {
    if (!s.dynamic_anchor.empty()) {
      for (const std::string* resource : m_scope) {
        auto found = m_compiled.dynamic_anchors.find({*resource, s.dynamic_anchor});
        if (found != m_compiled.dynamic_anchors.end()) {
          return *found->second;
        }
      }
    }
    return *s.dynamic_ref;
  }

  bool eval_ref(const Subschema& target, const yaml::Node& inst, std::vector<Finding>* out,
                Annotations* ann) {
    for (auto [schema, node] : m_ref_stack) {
      if (schema == &target && node == &inst) {
        if (out) {
          out->push_back(finding(inst, "schema-recursion",
                                 "the schema refers to itself without progressing into the value"));
        }
        return false;
      }
    }
    m_ref_stack.emplace_back(&target, &inst);
    bool ok = eval(target, inst, out, ann);
    m_ref_stack.pop_back();
    return ok;
  }

  bool evaluate_keywords(const Subschema& s, const yaml::Node& inst, std::vector<Finding>* out,
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

  bool check_enum(const Subschema& s, const yaml::Node& inst, std::vector<Finding>* out) {
    std::vector<std::string> names;
    for (const yaml::Node* allowed : s.enum_values->items) {
      if (yaml::equal(*allowed, inst)) {
        return true;
      }
    }
    if (out) {
      std::string list;
      for (const yaml::Node* allowed : s.enum_values->items) {
        list += list.empty() ? "" : ", ";
        list += allowed->kind == yaml::Kind::string ? allowed->text : show(*allowed);
        if (allowed->kind == yaml::Kind::string) {
          names.push_back(allowed->text);
        }
      }
      std::string message =
          fmt::format("{} is not one of the allowed values: {}", show(inst), list);
      if (inst.kind == yaml::Kind::string) {
        if (auto hint = did_you_mean(inst.text, names)) {
          message += fmt::format("; did you mean \"{}\"?", *hint);
        }
      }
      out->push_back(finding(inst, "schema-enum", std::move(message)));
    }
    return false;
  }

  bool check_number(const Subschema& s, const yaml::Node& inst, std::vector<Finding>* out) {
    bool ok = true;
    auto fail = [&](std::string rule, std::string message) {
      ok = false;
      if (out) {
        out->push_back(finding(inst, std::move(rule), std::move(message)));
      }
    };
    if (s.minimum && compare(inst, *s.minimum) < 0) {
      fail("schema-minimum",
           fmt::format("{} is less than the minimum of {}", inst.text, s.minimum->text));
    }
    if (s.maximum && compare(inst, *s.maximum) > 0) {
      fail("schema-maximum",
           fmt::format("{} is greater than the maximum of {}", inst.text, s.maximum->text));
    }
    if (s.exclusive_minimum && compare(inst, *s.exclusive_minimum) <= 0) {
      fail("schema-exclusive-minimum",
           fmt::format("{} must be greater than {}", inst.text, s.exclusive_minimum->text));
    }
    if (s.exclusive_maximum && compare(inst, *s.exclusive_maximum) >= 0) {
      fail("schema-exclusive-maximum",
           fmt::format("{} must be less than {}", inst.text, s.exclusive_maximum->text));
    }
    if (s.multiple_of && !is_multiple(inst, *s.multiple_of)) {
      fail("schema-multiple-of",
           fmt::format("{} is not a multiple of {}", inst.text, s.multiple_of->text));
    }
    return ok;
  }

  bool check_string(const Subschema& s, const yaml::Node& inst, std::vector<Finding>* out) {
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
        fail("schema-pattern",
             fmt::format("{} does not match the pattern {}", show(inst), s.pattern->pattern()));
      } else if (result == MatchResult::limit_exceeded) {
        fail("schema-pattern", fmt::format("matching {} against the pattern {} exceeded the match "
                                           "limit",
                                           show(inst), s.pattern->pattern()));
      }
    }
    if (!s.format.empty() && m_compiled.options.format_assertion &&
        !check_format(s.format, inst.text)) {
      fail("schema-format", fmt::format("{} is not a valid {}", show(inst), s.format));
    }
    return ok;
  }

  bool check_array(const Subschema& s, const yaml::Node& inst, std::vector<Finding>* out,
                   Annotations* ann) {
    bool ok = true;
    bool stop_early = out == nullptr && ann == nullptr;
    const auto& items = inst.items;
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
    if (s.unique_items) {
      std::unordered_multimap<std::size_t, std::size_t> seen;
      for (std::size_t i = 0; i < items.size(); ++i) {
        std::size_t hash = hash_node(*items[i]);
        auto [begin, end] = seen.equal_range(hash);
        for (auto it = begin; it != end; ++it) {
          if (yaml::equal(*items[it->second], *items[i])) {
            ok = false;
            if (out) {
              PathScope scope(m_path, {{}, i, true});
              out->push_back(finding(
                  *items[i], "schema-unique-items",
                  fmt::format("item {} repeats item {}; items must be unique", i, it->second)));
            }
            break;
          }
        }
        seen.emplace(hash, i);
      }
    }
    if (!ok && stop_early) {
      return false;
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
      const Subschema* item_schema = i < s.prefix_items.size() ? s.prefix_items[i] : s.items;
      if (!item_schema) {
        continue;
      }
      PathScope scope(m_path, {{}, i, true});
      if (!eval_child(*item_schema, *items[i], out)) {
        ok = false;
        if (stop_early) {
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
  bool eval_child(const Subschema& schema, const yaml::Node& value, std::vector<Finding>* out) {
    if (!m_compiled.track_annotations) {
      return eval(schema, value, out, nullptr);
    }
    Annotations child;
    return eval(schema, value, out, &child);
  }

  bool check_object(const Subschema& s, const yaml::Node& inst, std::vector<Finding>* out,
                    Annotations* ann) {
    bool ok = true;
    bool stop_early = out == nullptr && ann == nullptr;
    const auto& entries = inst.entries;
    if (ann) {
      ann->properties.resize(entries.size());
    }
    auto fail_at = [&](const yaml::Node& at, std::string rule, std::string message) {
      ok = false;
      if (out) {
        out->push_back(finding(at, std::move(rule), std::move(message)));
      }
    };
    for (const std::string& name : s.required) {
      if (!inst.find_entry(name)) {
        fail_at(inst, "schema-required", fmt::format("missing required key \"{}\"", name));
      }
    }
    if (s.min_properties && entries.size() < *s.min_properties) {
      fail_at(inst, "schema-min-properties",
              fmt::format("the object has {} keys, fewer than the minimum of {}", entries.size(),
                          *s.min_properties));
    }
    if (s.max_properties && entries.size() > *s.max_properties) {
      fail_at(inst, "schema-max-properties",
              fmt::format("the object has {} keys, more than the maximum of {}", entries.size(),
                          *s.max_properties));
    }
    for (const Dependency& dependency : s.dependent_required) {
      if (inst.find_entry(dependency.name)) {
        for (const std::string& name : dependency.required) {
          if (!inst.find_entry(name)) {
            fail_at(inst, "schema-dependent-required",
                    fmt::format("key \"{}\" requires key \"{}\"", dependency.name, name));
          }
        }
      }
    }
    if (!ok && stop_early) {
      return false;
    }
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const yaml::Entry& entry = entries[i];
      const std::string& key = entry.key->text;
      PathScope scope(m_path, {key, 0, false});
      if (s.property_names) {
        std::vector<Finding> name_findings;
        if (!eval_child(*s.property_names, *entry.key, out ? &name_findings : nullptr)) {
          ok = false;
          for (Finding& f : name_findings) {
            f.message = fmt::format("key \"{}\": {}", key, f.message);
            out->push_back(std::move(f));
          }
          if (stop_early) {
            return false;
          }
        }
      }
      bool matched = false;
      for (const NamedSchema& property : s.properties) {
        if (property.name == key) {
          matched = true;
          if (!eval_property(*property.schema, entry, out)) {
            ok = false;
          }
        }
      }
      for (const PatternSchema& pattern : s.pattern_properties) {
        if (pattern.regex->search(key) == MatchResult::match) {
          matched = true;
          if (!eval_property(*pattern.schema, entry, out)) {
            ok = false;
          }
        }
      }
      if (!matched && s.additional_properties) {
        matched = true;
        if (!eval_additional(s, *s.additional_properties, entry, out)) {
          ok = false;
        }
      }
      if (ann && matched) {
        ann->properties[i] = 1;
      }
      if (!ok && stop_early) {
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

  bool eval_property(const Subschema& schema, const yaml::Entry& entry, std::vector<Finding>* out) {
    if (schema.boolean && !*schema.boolean) {
      if (out) {
        out->push_back(Finding{entry.key, pointer(), "schema-false",
                               fmt::format("key \"{}\" is not allowed here", entry.key->text), 0});
      }
      return false;
    }
    return eval_child(schema, *entry.value, out);
  }

  bool eval_additional(const Subschema& s, const Subschema& schema, const yaml::Entry& entry,
                       std::vector<Finding>* out) {
    if (schema.boolean && !*schema.boolean) {
      if (out) {
        std::string message = fmt::format("unknown key \"{}\"", entry.key->text);
        if (auto hint = did_you_mean(entry.key->text, s.known_keys)) {
          message += fmt::format("; did you mean \"{}\"?", *hint);
        }
        out->push_back(Finding{entry.key, pointer(), "unknown-key", std::move(message), 0});
      }
      return false;
    }
    return eval_child(schema, *entry.value, out);
  }

  /// Picks the failing branch that came closest to matching, so one message explains why.
  void report_closest(const std::vector<const Subschema*>& branches, const yaml::Node& inst,
                      std::vector<Finding>& out, std::string_view keyword) {
    std::vector<Finding> best;
    std::size_t best_score = SIZE_MAX;
    unsigned all_types = 0;
    bool only_type_mismatches = true;
    for (const Subschema* branch : branches) {
      std::vector<Finding> findings;
      eval_child(*branch, inst, &findings);
      bool type_mismatch = false;
      for (const Finding& f : findings) {
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
    for (Finding& f : best) {
      out.push_back(std::move(f));
    }
  }

  bool check_combinators(const Subschema& s, const yaml::Node& inst, std::vector<Finding>* out,
                         Annotations* ann) {
    bool ok = true;
    bool stop_early = out == nullptr && ann == nullptr;
    auto branch = [&](const Subschema& schema, std::vector<Finding>* findings) {
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
        if (stop_early) {
          return false;
        }
      }
    }
    if (!s.any_of.empty()) {
      bool any = false;
      for (const Subschema* schema : s.any_of) {
        if (branch(*schema, nullptr)) {
          any = true;
          if (!ann) {
            break;
          }
        }
      }
      if (!any) {
        ok = false;
        if (out) {
          report_closest(s.any_of, inst, *out, "any-of");
        } else if (stop_early) {
          return false;
        }
      }
    }
    if (!s.one_of.empty()) {
      std::vector<std::size_t> passing;
      Annotations chosen;
      for (std::size_t i = 0; i < s.one_of.size(); ++i) {
        Annotations child;
        if (eval(*s.one_of[i], inst, nullptr, ann ? &child : nullptr)) {
          passing.push_back(i);
          chosen = std::move(child);
        }
      }
      if (passing.size() == 1 && ann) {
        ann->merge(chosen);
      }
      if (passing.empty()) {
        ok = false;
        if (out) {
          report_closest(s.one_of, inst, *out, "one-of");
        }
      } else if (passing.size() > 1) {
        ok = false;
        if (out) {
          out->push_back(
              finding(inst, "schema-one-of",
                      fmt::format("the value matches alternatives {} and {} of \"oneOf\", "
                                  "but must match exactly one",
                                  passing[0] + 1, passing[1] + 1)));
        }
      }
      if (!ok && stop_early) {
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

  bool check_unevaluated(const Subschema& s, const yaml::Node& inst, std::vector<Finding>* out,
                         Annotations& ann) {
    bool ok = true;
    if (s.unevaluated_properties && inst.kind == yaml::Kind::mapping) {
      ann.properties.resize(inst.entries.size());
      for (std::size_t i = 0; i < inst.entries.size(); ++i) {
        if (ann.properties[i]) {
          continue;
        }
        const yaml::Entry& entry = inst.entries[i];
        PathScope scope(m_path, {entry.key->text, 0, false});
        if (!eval_additional(s, *s.unevaluated_properties, entry, out)) {
          ok = false;
        }
      }
      if (ok) {
        ann.properties.assign(inst.entries.size(), 1);
      }
    }
    if (s.unevaluated_items && inst.kind == yaml::Kind::sequence) {
      ann.items.resize(inst.items.size());
      for (std::size_t i = 0; i < inst.items.size(); ++i) {
        if (ann.items[i]) {
          continue;
        }
        PathScope scope(m_path, {{}, i, true});
        if (!eval_child(*s.unevaluated_items, *inst.items[i], out)) {
          ok = false;
        }
      }
      if (ok) {
        ann.items.assign(inst.items.size(), 1);
      }
    }
    return ok;
  }

  const Compiled& m_compiled;
  std::vector<Segment> m_path;
  std::vector<std::pair<const Subschema*, const yaml::Node*>> m_ref_stack;
  /// Resources entered on the way to the current subschema, outermost first.
  std::vector<const std::string*> m_scope;
  std::size_t m_depth = 0;
};

}  // namespace

bool Schema::validate(const yaml::Node& instance, const std::string& file,
                      DiagnosticSink& sink) const {
  std::vector<Finding> findings;
  Evaluator evaluator(*m_compiled);
  bool valid = evaluator.run(instance, &findings);
  for (Finding& f : findings) {
    sink.report({Severity::error, std::move(f.rule), std::move(f.message), file,
                 f.at ? f.at->position : Position{}, std::move(f.pointer)});
  }
  return valid && findings.empty();
}

bool Schema::is_valid(const yaml::Node& instance) const {
  Evaluator evaluator(*m_compiled);
  return evaluator.run(instance, nullptr);
}

}  // namespace leaspec::schema
