#include <algorithm>
#include <deque>
#include <map>
#include <mutex>

#include <fmt/format.h>

#include "schema/compiled.hpp"
#include "schema/number.hpp"

namespace leaspec::schema {

std::optional<Dialect> dialect_from_uri(std::string_view uri) {
  std::string_view clean = uri.substr(0, uri.find('#'));
  if (clean.substr(0, 5) == "http:") {
    clean.remove_prefix(5);
  } else if (clean.substr(0, 6) == "https:") {
    clean.remove_prefix(6);
  }
  if (clean == "//json-schema.org/draft-04/schema") {
    return Dialect::draft4;
  }
  if (clean == "//json-schema.org/draft-06/schema") {
    return Dialect::draft6;
  }
  if (clean == "//json-schema.org/draft-07/schema") {
    return Dialect::draft7;
  }
  if (clean == "//json-schema.org/draft/2019-09/schema") {
    return Dialect::draft2019_09;
  }
  if (clean == "//json-schema.org/draft/2020-12/schema") {
    return Dialect::draft2020_12;
  }
  return std::nullopt;
}

namespace {

using Info = SchemaInfo;

std::string percent_decode(const std::string& text) {
  std::string result;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() &&
        std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
      result += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      result += text[i];
    }
  }
  return result;
}

const yaml::Node* follow_pointer(const yaml::Node* node, const std::string& pointer) {
  std::size_t pos = 1;
  while (node && pos <= pointer.size()) {
    std::size_t next = pointer.find('/', pos);
    std::string token =
        pointer.substr(pos, next == std::string::npos ? std::string::npos : next - pos);
    std::string key;
    for (std::size_t i = 0; i < token.size(); ++i) {
      if (token[i] == '~' && i + 1 < token.size()) {
        key += token[i + 1] == '1' ? '/' : '~';
        ++i;
      } else {
        key += token[i];
      }
    }
    if (node->kind == yaml::Kind::mapping) {
      node = node->find(key);
    } else if (node->kind == yaml::Kind::sequence) {
      std::size_t index = 0;
      bool numeric = !key.empty() && key.find_first_not_of("0123456789") == std::string::npos;
      if (!numeric) {
        return nullptr;
      }
      index = std::stoul(key);
      node = index < node->items().size() ? node->items()[index] : nullptr;
    } else {
      return nullptr;
    }
    if (next == std::string::npos) {
      break;
    }
    pos = next + 1;
  }
  return node;
}

bool legacy(Dialect dialect) {
  return dialect <= Dialect::draft7;
}

const char* const k_single_schema_keywords[] = {"additionalItems",
                                                "additionalProperties",
                                                "contains",
                                                "not",
                                                "if",
                                                "then",
                                                "else",
                                                "propertyNames",
                                                "unevaluatedItems",
                                                "unevaluatedProperties",
                                                "contentSchema",
                                                "items"};
const char* const k_array_schema_keywords[] = {"allOf", "anyOf", "oneOf", "items", "prefixItems"};
const char* const k_map_schema_keywords[] = {"properties",  "patternProperties", "$defs",
                                             "definitions", "dependentSchemas",  "dependencies"};

}  // namespace

void SchemaIndex::add(const yaml::Node& node, const std::string& parent_base, Dialect dialect,
                      const std::string& file) {
  if (node.kind != yaml::Kind::mapping) {
    if (node.kind == yaml::Kind::boolean) {
      info.emplace(&node, Info{parent_base, dialect, file});
    }
    return;
  }
  if (const yaml::Node* declared = node.find("$schema");
      declared && declared->kind == yaml::Kind::string) {
    if (auto known = dialect_from_uri(declared->text)) {
      dialect = *known;
    }
  }
  std::string base = parent_base;
  bool has_ref = node.find("$ref") != nullptr;
  const yaml::Node* id = node.find(dialect == Dialect::draft4 ? "id" : "$id");
  if (id && id->kind == yaml::Kind::string && !(legacy(dialect) && has_ref)) {
    if (legacy(dialect) && !id->text.empty() && id->text[0] == '#') {
      anchors.emplace(resolve_uri(parent_base, std::string(id->text)), &node);
    } else {
      base = split_fragment(resolve_uri(parent_base, std::string(id->text))).first;
      resources.emplace(base, &node);
    }
  }
  if (!legacy(dialect)) {
    for (const char* keyword : {"$anchor", "$dynamicAnchor"}) {
      if (const yaml::Node* anchor = node.find(keyword);
          anchor && anchor->kind == yaml::Kind::string) {
        anchors.emplace(base + "#" + std::string(anchor->text), &node);
      }
    }
    if (const yaml::Node* anchor = node.find("$dynamicAnchor");
        anchor && anchor->kind == yaml::Kind::string) {
      dynamic_anchors.push_back({base, std::string(anchor->text), &node});
    }
  }
  info.emplace(&node, Info{base, dialect, file});
  for (const char* keyword : k_single_schema_keywords) {
    if (const yaml::Node* child = node.find(keyword);
        child && child->kind != yaml::Kind::sequence) {
      add(*child, base, dialect, file);
    }
  }
  for (const char* keyword : k_array_schema_keywords) {
    if (const yaml::Node* child = node.find(keyword);
        child && child->kind == yaml::Kind::sequence) {
      for (const yaml::Node* item : child->items()) {
        add(*item, base, dialect, file);
      }
    }
  }
  for (const char* keyword : k_map_schema_keywords) {
    if (const yaml::Node* child = node.find(keyword); child && child->kind == yaml::Kind::mapping) {
      for (const yaml::Entry& entry : child->entries()) {
        add(*entry.value, base, dialect, file);
      }
    }
  }
}

SchemaInfo SchemaIndex::info_of(const yaml::Node& node, const SchemaInfo& fallback) const {
  auto found = info.find(&node);
  return found == info.end() ? fallback : found->second;
}

namespace {

class Compiler {
 public:
  Compiler(Compiled& compiled, const Fetcher& fetcher, DiagnosticSink& sink)
      : m_compiled(compiled), m_fetcher(fetcher), m_sink(sink) {}

  const Subschema* compile_root(const yaml::Node& root, const std::string& base,
                                const std::string& file) {
    Dialect dialect = m_compiled.options.default_dialect;
    m_index.add(root, base, dialect, file);
    m_index.resources.emplace(split_fragment(base).first, &root);
    const Subschema* result = get(root, info_of(root, Info{base, dialect, file}));
    std::size_t anchors_done = 0;
    while (!m_queue.empty() || anchors_done < m_index.dynamic_anchors.size()) {
      // Every $dynamicAnchor is compiled, since a $dynamicRef may land on any of them.
      for (; anchors_done < m_index.dynamic_anchors.size(); ++anchors_done) {
        const SchemaIndex::DynamicAnchor& anchor = m_index.dynamic_anchors[anchors_done];
        Subschema* compiled =
            get(*anchor.node, info_of(*anchor.node, Info{anchor.resource, dialect, file}));
        m_compiled.dynamic_anchors.emplace(std::make_pair(intern(anchor.resource), anchor.name),
                                           compiled);
      }
      while (!m_queue.empty()) {
        Subschema* next = m_queue.front();
        m_queue.pop_front();
        fill(*next);
      }
    }
    if (!m_failed) {
      check_ref_cycles();
    }
    return m_failed ? nullptr : result;
  }

 private:
  void error(const Info& info, const yaml::Node* node, std::string message) {
    m_failed = true;
    m_sink.report({Severity::error, "invalid-schema", std::move(message), info.file,
                   node ? node->position : Position{}, ""});
  }

  Info info_of(const yaml::Node& node, const Info& fallback) const {
    return m_index.info_of(node, fallback);
  }

  Subschema* get(const yaml::Node& node, const Info& info) {
    auto found = m_built.find(&node);
    if (found != m_built.end()) {
      return found->second;
    }
    Subschema& schema = m_compiled.subschemas.emplace_back();
    schema.node = &node;
    schema.file = info.file;
    schema.dialect = info.dialect;
    schema.resource = intern(info.base);
    m_built.emplace(&node, &schema);
    m_queue.push_back(&schema);
    m_pending_info.emplace(&schema, info);
    return &schema;
  }

  /// Finds the node a `$ref` names, fetching the document it lives in when needed.
  std::optional<std::pair<const yaml::Node*, Info>> resolve(const std::string& reference,
                                                            const Info& info,
                                                            const yaml::Node* at) {
    std::string target = resolve_uri(info.base, reference);
    auto [document_uri, fragment] = split_fragment(target);
    fragment = percent_decode(fragment);
    auto resource = m_index.resources.find(document_uri);
    const yaml::Node* root = nullptr;
    if (resource != m_index.resources.end()) {
      root = resource->second;
    } else {
      root = fetch(document_uri, info, at);
      if (!root) {
        return std::nullopt;
      }
    }
    Info root_info = info_of(*root, Info{document_uri, info.dialect, info.file});
    const yaml::Node* node = nullptr;
    if (fragment.empty()) {
      node = root;
    } else if (fragment[0] == '/') {
      node = follow_pointer(root, fragment);
    } else {
      auto anchor = m_index.anchors.find(document_uri + "#" + fragment);
      node = anchor == m_index.anchors.end() ? nullptr : anchor->second;
    }
    if (!node) {
      error(info, at,
            fmt::format("$ref \"{}\" does not resolve: nothing at \"{}\"", reference, target));
      return std::nullopt;
    }
    return std::make_pair(node, info_of(*node, root_info));
  }

  const yaml::Node* fetch(const std::string& uri, const Info& info, const yaml::Node* at) {
    std::optional<FetchedDocument> fetched = m_fetcher ? m_fetcher(uri) : std::nullopt;
    if (!fetched) {
      error(info, at,
            fmt::format("$ref names \"{}\", which is neither bundled nor a file next to "
                        "the schema",
                        uri));
      return nullptr;
    }
    if (!fetched->refusal.empty()) {
      error(info, at, fetched->refusal);
      return nullptr;
    }
    SourceFile source(fetched->name, std::move(fetched->text));
    yaml::Document document = yaml::load(source, m_sink, m_compiled.options.limits);
    if (!document.root) {
      m_failed = true;
      return nullptr;
    }
    const yaml::Node* root = document.root;
    m_compiled.documents.push_back(std::move(document));
    const std::string& base = fetched->base.empty() ? uri : fetched->base;
    m_index.add(*root, base, info.dialect, fetched->name);
    m_index.resources.emplace(base, root);
    // The URI asked for may name a schema embedded in the document by its own $id.
    auto found = m_index.resources.find(uri);
    if (found == m_index.resources.end()) {
      error(info, at, fmt::format("{} does not hold the schema \"{}\"", fetched->name, uri));
      return nullptr;
    }
    return found->second;
  }

  const Subschema* child(const yaml::Node& node, const Info& info) {
    if (node.kind != yaml::Kind::mapping && node.kind != yaml::Kind::boolean) {
      error(info, &node,
            fmt::format("expected a schema (an object or a boolean), got {}",
                        yaml::to_string(node.kind)));
      return nullptr;
    }
    return get(node, info_of(node, info));
  }

  std::optional<std::uint64_t> count(const yaml::Node& node, const Info& info,
                                     std::string_view keyword) {
    if (!is_integral_value(node) || node.number < 0) {
      error(info, &node, fmt::format("\"{}\" must be a non-negative integer", keyword));
      return std::nullopt;
    }
    if (node.kind == yaml::Kind::integer) {
      return static_cast<std::uint64_t>(node.integer);
    }
    constexpr double k_beyond = 18446744073709551616.0;  // 2^64: no count reaches it
    return node.number >= k_beyond ? UINT64_MAX : static_cast<std::uint64_t>(node.number);
  }

  const yaml::Node* number(const yaml::Node& node, const Info& info, std::string_view keyword) {
    if (!node.is_number()) {
      error(info, &node, fmt::format("\"{}\" must be a number", keyword));
      return nullptr;
    }
    return &node;
  }

  std::vector<const Subschema*> schema_list(const yaml::Node& node, const Info& info,
                                            std::string_view keyword) {
    std::vector<const Subschema*> result;
    if (node.kind != yaml::Kind::sequence || node.items().empty()) {
      error(info, &node, fmt::format("\"{}\" must be a non-empty array of schemas", keyword));
      return result;
    }
    for (const yaml::Node* item : node.items()) {
      if (const Subschema* compiled = child(*item, info)) {
        result.push_back(compiled);
      }
    }
    return result;
  }

  std::vector<std::string> string_list(const yaml::Node& node, const Info& info,
                                       std::string_view keyword) {
    std::vector<std::string> result;
    if (node.kind != yaml::Kind::sequence) {
      error(info, &node, fmt::format("\"{}\" must be an array of strings", keyword));
      return result;
    }
    for (const yaml::Node* item : node.items()) {
      if (item->kind != yaml::Kind::string) {
        error(info, item, fmt::format("\"{}\" must be an array of strings", keyword));
      } else {
        result.emplace_back(item->text);
      }
    }
    return result;
  }

  std::unique_ptr<Regex> regex(const yaml::Node& node, const Info& info) {
    if (node.kind != yaml::Kind::string) {
      error(info, &node, "a pattern must be a string");
      return nullptr;
    }
    auto compiled = std::make_unique<Regex>(node.text, m_compiled.options.regex_match_limit);
    if (!compiled->valid()) {
      error(info, &node,
            fmt::format("invalid regular expression \"{}\": {}", node.text, compiled->error()));
      return nullptr;
    }
    return compiled;
  }

  unsigned type_bits(const yaml::Node& node, const Info& info) {
    static const std::pair<std::string_view, unsigned> k_names[] = {
        {"null", k_null},     {"boolean", k_boolean}, {"object", k_object},  {"array", k_array},
        {"number", k_number}, {"string", k_string},   {"integer", k_integer}};
    auto bit = [&](const yaml::Node& name) -> unsigned {
      for (auto [text, value] : k_names) {
        if (name.kind == yaml::Kind::string && name.text == text) {
          return value;
        }
      }
      error(info, &name, fmt::format("unknown type {}", yaml::to_json(name)));
      return 0;
    };
    if (node.kind == yaml::Kind::sequence) {
      unsigned bits = 0;
      for (const yaml::Node* item : node.items()) {
        bits |= bit(*item);
      }
      return bits;
    }
    return bit(node);
  }

  void fill(Subschema& schema) {
    Info info = m_pending_info.at(&schema);
    const yaml::Node& node = *schema.node;
    if (node.kind == yaml::Kind::boolean) {
      schema.boolean = node.boolean;
      return;
    }
    Dialect dialect = info.dialect;
    if (const yaml::Node* ref = node.find("$ref")) {
      if (ref->kind != yaml::Kind::string) {
        error(info, ref, "\"$ref\" must be a string");
      } else if (auto target = resolve(std::string(ref->text), info, ref)) {
        schema.ref = get(*target->first, target->second);
      }
      if (legacy(dialect)) {
        return;  // Before 2019-09, $ref replaces every sibling keyword.
      }
    }
    for (const char* keyword : {"$dynamicRef", "$recursiveRef"}) {
      if (const yaml::Node* ref = node.find(keyword); ref && ref->kind == yaml::Kind::string) {
        if (auto target = resolve(std::string(ref->text), info, ref)) {
          schema.dynamic_ref = get(*target->first, target->second);
          // Dynamic only when the first target carries a $dynamicAnchor of the same name.
          std::string fragment = split_fragment(std::string(ref->text)).second;
          const yaml::Node* anchor = target->first->kind == yaml::Kind::mapping
                                         ? target->first->find("$dynamicAnchor")
                                         : nullptr;
          if (!fragment.empty() && fragment[0] != '/' && anchor && anchor->text == fragment) {
            schema.dynamic_anchor = fragment;
            m_compiled.dynamic_scope = true;
          }
        }
      }
    }
    for (const yaml::Entry& entry : node.entries()) {
      fill_keyword(schema, std::string(entry.key->text), *entry.value, info);
    }
  }

  void fill_keyword(Subschema& schema, const std::string& keyword, const yaml::Node& value,
                    const Info& info) {
    Dialect dialect = info.dialect;
    if (keyword == "type") {
      schema.types = type_bits(value, info);
    } else if (keyword == "enum") {
      if (value.kind != yaml::Kind::sequence) {
        error(info, &value, "\"enum\" must be an array");
      } else {
        schema.enum_values = &value;
        index_enum(schema);
      }
    } else if (keyword == "const" && dialect >= Dialect::draft6) {
      schema.const_value = &value;
    } else if (keyword == "properties") {
      if (value.kind != yaml::Kind::mapping) {
        error(info, &value, "\"properties\" must be an object");
        return;
      }
      for (const yaml::Entry& entry : value.entries()) {
        schema.known_keys.emplace_back(entry.key->text);
        if (const Subschema* compiled = child(*entry.value, info)) {
          schema.properties.push_back({std::string(entry.key->text), compiled});
        }
      }
      if (schema.properties.size() > k_linear_properties) {
        for (const NamedSchema& property : schema.properties) {
          schema.property_index.emplace(property.name, property.schema);
        }
      }
    } else if (keyword == "patternProperties") {
      if (value.kind != yaml::Kind::mapping) {
        error(info, &value, "\"patternProperties\" must be an object");
        return;
      }
      for (const yaml::Entry& entry : value.entries()) {
        auto compiled_regex = regex(*entry.key, info);
        const Subschema* compiled = child(*entry.value, info);
        if (compiled_regex && compiled) {
          schema.pattern_properties.push_back({std::move(compiled_regex), compiled});
        }
      }
    } else if (keyword == "additionalProperties") {
      schema.additional_properties = child(value, info);
    } else if (keyword == "unevaluatedProperties" && !legacy(dialect)) {
      schema.unevaluated_properties = child(value, info);
      m_compiled_has_unevaluated = true;
    } else if (keyword == "unevaluatedItems" && !legacy(dialect)) {
      schema.unevaluated_items = child(value, info);
      m_compiled_has_unevaluated = true;
    } else if (keyword == "propertyNames" && dialect >= Dialect::draft6) {
      schema.property_names = child(value, info);
    } else if (keyword == "required") {
      schema.required = string_list(value, info, keyword);
    } else if (keyword == "minProperties") {
      schema.min_properties = count(value, info, keyword);
    } else if (keyword == "maxProperties") {
      schema.max_properties = count(value, info, keyword);
    } else if (keyword == "dependentRequired" && !legacy(dialect)) {
      fill_dependencies(schema, value, info, true, false);
    } else if (keyword == "dependentSchemas" && !legacy(dialect)) {
      fill_dependencies(schema, value, info, false, true);
    } else if (keyword == "dependencies") {  // also after draft-07, for compatibility
      fill_dependencies(schema, value, info, true, true);
    } else if (keyword == "prefixItems" && dialect == Dialect::draft2020_12) {
      schema.prefix_items = schema_list(value, info, keyword);
    } else if (keyword == "items") {
      if (value.kind == yaml::Kind::sequence && dialect != Dialect::draft2020_12) {
        for (const yaml::Node* item : value.items()) {
          if (const Subschema* compiled = child(*item, info)) {
            schema.prefix_items.push_back(compiled);
          }
        }
        if (const yaml::Node* additional = schema.node->find("additionalItems")) {
          schema.items = child(*additional, info);
        }
      } else {
        schema.items = child(value, info);
      }
    } else if (keyword == "contains" && dialect >= Dialect::draft6) {
      schema.contains = child(value, info);
    } else if (keyword == "minContains" && dialect >= Dialect::draft2019_09) {
      schema.min_contains = count(value, info, keyword);
    } else if (keyword == "maxContains" && dialect >= Dialect::draft2019_09) {
      schema.max_contains = count(value, info, keyword);
    } else if (keyword == "minItems") {
      schema.min_items = count(value, info, keyword);
    } else if (keyword == "maxItems") {
      schema.max_items = count(value, info, keyword);
    } else if (keyword == "uniqueItems") {
      schema.unique_items = value.kind == yaml::Kind::boolean && value.boolean;
    } else if (keyword == "minimum") {
      schema.minimum = number(value, info, keyword);
    } else if (keyword == "maximum") {
      schema.maximum = number(value, info, keyword);
    } else if (keyword == "exclusiveMinimum" || keyword == "exclusiveMaximum") {
      fill_exclusive(schema, keyword, value, info);
    } else if (keyword == "multipleOf") {
      schema.multiple_of = number(value, info, keyword);
      if (schema.multiple_of && schema.multiple_of->number <= 0) {
        error(info, &value, "\"multipleOf\" must be greater than 0");
      }
    } else if (keyword == "minLength") {
      schema.min_length = count(value, info, keyword);
    } else if (keyword == "maxLength") {
      schema.max_length = count(value, info, keyword);
    } else if (keyword == "pattern") {
      schema.pattern = regex(value, info);
    } else if (keyword == "patternErrorMessage" && value.kind == yaml::Kind::string) {
      schema.pattern_message = value.text;
    } else if (keyword == "format" && value.kind == yaml::Kind::string) {
      schema.format = value.text;
      schema.format_check = find_format(value.text);
    } else if (keyword == "allOf") {
      schema.all_of = schema_list(value, info, keyword);
    } else if (keyword == "anyOf") {
      schema.any_of = schema_list(value, info, keyword);
    } else if (keyword == "oneOf") {
      schema.one_of = schema_list(value, info, keyword);
    } else if (keyword == "not") {
      schema.not_schema = child(value, info);
    } else if (keyword == "if" && dialect >= Dialect::draft7) {
      schema.if_schema = child(value, info);
    } else if (keyword == "then" && dialect >= Dialect::draft7) {
      schema.then_schema = child(value, info);
    } else if (keyword == "else" && dialect >= Dialect::draft7) {
      schema.else_schema = child(value, info);
    }
  }

  /// Long enums are searched by hash.
  static void index_enum(Subschema& schema) {
    constexpr std::size_t k_linear_enum = 16;
    if (schema.enum_values->items().size() <= k_linear_enum) {
      return;
    }
    for (const yaml::Node* allowed : schema.enum_values->items()) {
      schema.enum_hashes.emplace_back(hash_value(*allowed), allowed);
    }
    std::sort(schema.enum_hashes.begin(), schema.enum_hashes.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
  }

  std::uint32_t intern(const std::string& uri) {
    auto [it, inserted] =
        m_resource_ids.emplace(uri, static_cast<std::uint32_t>(m_compiled.resources.size()));
    if (inserted) {
      m_compiled.resources.push_back(uri);
    }
    return it->second;
  }

  void fill_exclusive(Subschema& schema, const std::string& keyword, const yaml::Node& value,
                      const Info& info) {
    bool is_minimum = keyword == "exclusiveMinimum";
    if (info.dialect == Dialect::draft4) {
      // Draft-04: a boolean that makes minimum or maximum exclusive.
      if (value.kind != yaml::Kind::boolean) {
        error(info, &value, fmt::format("\"{}\" must be a boolean in draft-04", keyword));
        return;
      }
      if (value.boolean) {
        const yaml::Node* bound = schema.node->find(is_minimum ? "minimum" : "maximum");
        (is_minimum ? schema.exclusive_minimum : schema.exclusive_maximum) = bound;
      }
      return;
    }
    (is_minimum ? schema.exclusive_minimum : schema.exclusive_maximum) =
        number(value, info, keyword);
  }

  void fill_dependencies(Subschema& schema, const yaml::Node& value, const Info& info,
                         bool allow_names, bool allow_schemas) {
    if (value.kind != yaml::Kind::mapping) {
      error(info, &value, "dependencies must be an object");
      return;
    }
    for (const yaml::Entry& entry : value.entries()) {
      if (allow_names && entry.value->kind == yaml::Kind::sequence) {
        schema.dependent_required.push_back(
            {std::string(entry.key->text), string_list(*entry.value, info, "dependentRequired")});
      } else if (allow_schemas) {
        if (const Subschema* compiled = child(*entry.value, info)) {
          schema.dependent_schemas.push_back({std::string(entry.key->text), compiled});
        }
      } else {
        error(info, entry.value, "\"dependentRequired\" values must be arrays of strings");
      }
    }
  }

  /// In-place applicators that evaluate the same value: a cycle of them through $ref never
  /// ends, so it is an error in the schema.
  static std::vector<const Subschema*> in_place(const Subschema& s) {
    std::vector<const Subschema*> next(s.all_of.begin(), s.all_of.end());
    next.insert(next.end(), s.any_of.begin(), s.any_of.end());
    next.insert(next.end(), s.one_of.begin(), s.one_of.end());
    for (const Subschema* single :
         {s.ref, s.dynamic_ref, s.not_schema, s.if_schema, s.then_schema, s.else_schema}) {
      if (single) {
        next.push_back(single);
      }
    }
    for (const NamedSchema& dependency : s.dependent_schemas) {
      next.push_back(dependency.schema);
    }
    return next;
  }

  void check_ref_cycles() {
    std::unordered_map<const Subschema*, int> state;  // 1 on the path, 2 done
    for (const Subschema& start : m_compiled.subschemas) {
      if (state[&start]) {
        continue;
      }
      // Iterative depth-first search: chains of references may be long.
      std::vector<std::pair<const Subschema*, std::vector<const Subschema*>>> stack;
      std::vector<const Subschema*> path;
      stack.emplace_back(&start, in_place(start));
      path.push_back(&start);
      state[&start] = 1;
      while (!stack.empty()) {
        auto& [schema, pending] = stack.back();
        if (pending.empty()) {
          state[schema] = 2;
          stack.pop_back();
          path.pop_back();
          continue;
        }
        const Subschema* next = pending.back();
        pending.pop_back();
        if (state[next] == 1) {
          report_cycle(path, next);
          return;
        }
        if (state[next] == 0) {
          state[next] = 1;
          path.push_back(next);
          stack.emplace_back(next, in_place(*next));
        }
      }
    }
  }

  void report_cycle(const std::vector<const Subschema*>& path, const Subschema* back_to) {
    auto begin = std::find(path.begin(), path.end(), back_to);
    for (auto it = begin; it != path.end(); ++it) {
      const Subschema& schema = **it;
      const yaml::Node* ref =
          schema.node->kind == yaml::Kind::mapping ? schema.node->find("$ref") : nullptr;
      if (!ref) {
        ref = schema.node->kind == yaml::Kind::mapping ? schema.node->find("$dynamicRef") : nullptr;
      }
      if (ref) {
        Info info = m_pending_info.at(&schema);
        error(info, ref,
              fmt::format("$ref \"{}\" leads back to the same schema without descending into the "
                          "value, so validation would never end",
                          ref->text));
        return;
      }
    }
  }

 public:
  bool has_unevaluated() const { return m_compiled_has_unevaluated; }

 private:
  Compiled& m_compiled;
  const Fetcher& m_fetcher;
  DiagnosticSink& m_sink;
  bool m_failed = false;
  bool m_compiled_has_unevaluated = false;
  SchemaIndex m_index;
  std::unordered_map<std::string, std::uint32_t> m_resource_ids;
  std::unordered_map<const yaml::Node*, Subschema*> m_built;
  std::unordered_map<const Subschema*, Info> m_pending_info;
  std::deque<Subschema*> m_queue;
};

}  // namespace

Schema::Schema(std::unique_ptr<Compiled> compiled) : m_compiled(std::move(compiled)) {}
Schema::~Schema() = default;
Schema::Schema(Schema&&) noexcept = default;
Schema& Schema::operator=(Schema&&) noexcept = default;

namespace {

struct Compilations {
  std::mutex mutex;
  std::map<std::string, std::size_t, std::less<>> counts;
};

Compilations& compilation_counts() {
  static Compilations counts;
  return counts;
}

}  // namespace

std::vector<std::pair<std::string, std::size_t>> compilations() {
  Compilations& all = compilation_counts();
  std::lock_guard lock(all.mutex);
  return {all.counts.begin(), all.counts.end()};
}

std::optional<Schema> Schema::compile(yaml::Document document, const std::string& base_uri,
                                      const Options& options, const Fetcher& fetcher,
                                      DiagnosticSink& sink) {
  {
    Compilations& all = compilation_counts();
    std::lock_guard lock(all.mutex);
    ++all.counts[base_uri];
  }
  if (!document.root) {
    return std::nullopt;
  }
  auto compiled = std::make_unique<Compiled>();
  compiled->options = options;
  const yaml::Node* root = document.root;
  std::string file = document.file;
  compiled->documents.push_back(std::move(document));
  Compiler compiler(*compiled, fetcher, sink);
  compiled->root = compiler.compile_root(*root, base_uri, file);
  if (!compiled->root) {
    return std::nullopt;
  }
  compiled->track_annotations = compiler.has_unevaluated();
  return Schema(std::move(compiled));
}

}  // namespace leaspec::schema
