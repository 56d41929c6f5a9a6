#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <fmt/format.h>

#include "schema/regex.hpp"

namespace leaspec::schema {

struct Regex::Code {
  pcre2_code* code = nullptr;
};

namespace {

/// ECMAScript names Unicode general categories by long names that PCRE2 10.42 lacks.
std::string translate_property_names(std::string_view pattern) {
  static const std::pair<std::string_view, std::string_view> k_names[] = {
      {"Letter", "L"},
      {"Lowercase_Letter", "Ll"},
      {"Uppercase_Letter", "Lu"},
      {"Titlecase_Letter", "Lt"},
      {"Modifier_Letter", "Lm"},
      {"Other_Letter", "Lo"},
      {"Mark", "M"},
      {"Number", "N"},
      {"Decimal_Number", "Nd"},
      {"Letter_Number", "Nl"},
      {"Other_Number", "No"},
      {"Punctuation", "P"},
      {"Symbol", "S"},
      {"Separator", "Z"},
      {"Space_Separator", "Zs"},
      {"Other", "C"},
      {"Control", "Cc"},
      {"digit", "Nd"}};
  std::string result;
  std::size_t i = 0;
  while (i < pattern.size()) {
    if (pattern[i] == '\\' && i + 2 < pattern.size() &&
        (pattern[i + 1] == 'p' || pattern[i + 1] == 'P') && pattern[i + 2] == '{') {
      std::size_t close = pattern.find('}', i + 3);
      if (close != std::string_view::npos) {
        std::string_view name = pattern.substr(i + 3, close - i - 3);
        std::string_view replacement = name;
        for (auto [long_name, short_name] : k_names) {
          if (name == long_name) {
            replacement = short_name;
          }
        }
        result += pattern.substr(i, 3);
        result += replacement;
        result += '}';
        i = close + 1;
        continue;
      }
    }
    if (pattern[i] == '\\' && i + 1 < pattern.size()) {
      result += pattern.substr(i, 2);
      i += 2;
      continue;
    }
    result += pattern[i++];
  }
  return result;
}

}  // namespace

Regex::Regex(std::string_view pattern, std::uint32_t match_limit)
    : m_pattern(pattern), m_match_limit(match_limit) {
  int error_code = 0;
  PCRE2_SIZE error_offset = 0;
  std::string translated = translate_property_names(pattern);
  pattern = translated;
  // ECMAScript semantics: `$` only at the very end, \uXXXX escapes.
  std::uint32_t flags = PCRE2_UTF | PCRE2_DOLLAR_ENDONLY | PCRE2_ALT_BSUX;
  pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                                   flags, &error_code, &error_offset, nullptr);
  if (code == nullptr) {
    PCRE2_UCHAR buffer[256];
    pcre2_get_error_message(error_code, buffer, sizeof buffer);
    m_error = fmt::format("{} at offset {}", reinterpret_cast<const char*>(buffer), error_offset);
    return;
  }
  pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
  m_code = new Code{code};
}

Regex::~Regex() {
  if (m_code) {
    pcre2_code_free(m_code->code);
    delete m_code;
  }
}

MatchResult Regex::search(std::string_view text) const {
  if (!m_code) {
    return MatchResult::no_match;
  }
  pcre2_match_data* data = pcre2_match_data_create_from_pattern(m_code->code, nullptr);
  pcre2_match_context* context = pcre2_match_context_create(nullptr);
  pcre2_set_match_limit(context, m_match_limit);
  pcre2_set_depth_limit(context, 10'000);
  int rc = pcre2_match(m_code->code, reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(), 0, 0,
                       data, context);
  pcre2_match_context_free(context);
  pcre2_match_data_free(data);
  if (rc >= 0) {
    return MatchResult::match;
  }
  if (rc == PCRE2_ERROR_NOMATCH) {
    return MatchResult::no_match;
  }
  return MatchResult::limit_exceeded;
}

}  // namespace leaspec::schema
