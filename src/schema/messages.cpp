#include <vector>

#include <fmt/format.h>

#include "schema/compiled.hpp"
#include "schema/messages.hpp"

namespace leaspec::schema {
namespace {

constexpr std::size_t k_max_shown = 60;
/// Enums up to this size are listed whole; longer ones show the first few values.
constexpr std::size_t k_enum_listed = 8;
constexpr std::size_t k_enum_sample = 5;

}  // namespace

std::string shorten(std::string_view text) {
  if (utf8_length(text) <= k_max_shown) {
    return std::string(text);
  }
  std::size_t cut = k_max_shown;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return std::string(text.substr(0, cut)) + "…";
}

std::string quoted(std::string_view name) {
  return fmt::format("\"{}\"", shorten(name));
}

std::string show(const yaml::Node& node) {
  switch (node.kind) {
    case yaml::Kind::sequence:
      return "an array";
    case yaml::Kind::mapping:
      return "an object";
    case yaml::Kind::string: {
      // Quoted as JSON; only the start of a long text is escaped, since only it is shown.
      yaml::Node start;
      start.kind = yaml::Kind::string;
      start.text = node.text.substr(0, 4 * k_max_shown);
      return shorten(yaml::to_json(start));
    }
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
      return fmt::format("the integer {}", shorten(node.text));
    case yaml::Kind::number:
      return fmt::format("the number {}", shorten(node.text));
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

std::string enum_message(const yaml::Node& value, const yaml::Node& allowed) {
  const auto& values = allowed.items();
  auto name = [](const yaml::Node& item) {
    return item.kind == yaml::Kind::string ? shorten(item.text) : show(item);
  };
  std::string list;
  std::size_t listed = values.size() <= k_enum_listed ? values.size() : k_enum_sample;
  for (std::size_t i = 0; i < listed; ++i) {
    list += i == 0 ? "" : ", ";
    list += name(*values[i]);
  }
  std::string message =
      values.size() <= k_enum_listed
          ? fmt::format("{} is not one of the allowed values: {}", show(value), list)
          : fmt::format("{} is not one of the {} allowed values: {} and {} more", show(value),
                        values.size(), list, values.size() - listed);
  if (value.kind == yaml::Kind::string && values.size() <= k_max_hint_candidates) {
    std::vector<std::string> names;
    for (const yaml::Node* item : values) {
      if (item->kind == yaml::Kind::string) {
        names.emplace_back(item->text);
      }
    }
    if (auto hint = did_you_mean(value.text, names)) {
      message += fmt::format("; did you mean {}?", quoted(*hint));
    }
  }
  return message;
}

std::string_view format_hint(std::string_view format) {
  // Go-style values such as "30s" are common in configuration files; say what ISO 8601 wants.
  if (format == "duration") {
    return "an ISO 8601 duration such as \"PT30S\", \"PT1H30M\" or \"P1DT12H\"";
  }
  if (format == "date") {
    return "a date written YYYY-MM-DD, such as \"2026-03-15\"";
  }
  if (format == "date-time") {
    return "a date and time written YYYY-MM-DDThh:mm:ss with an offset, such as "
           "\"2026-03-15T09:30:00+01:00\" or \"2026-03-15T08:30:00Z\"";
  }
  if (format == "time") {
    return "a time written hh:mm:ss with an offset, such as \"09:30:00+01:00\"";
  }
  return {};
}

}  // namespace leaspec::schema
