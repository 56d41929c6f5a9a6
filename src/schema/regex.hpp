#pragma once
// ECMAScript-flavoured regular expressions on PCRE2, with match limits so that hostile
// patterns and long strings cannot take unbounded time.

#include <memory>
#include <string>
#include <string_view>

namespace leaspec::schema {

enum class MatchResult { match, no_match, limit_exceeded };

class Regex {
 public:
  /// Compiles `pattern`; on failure `error()` tells why and `valid()` is false.
  Regex(std::string_view pattern, std::uint32_t match_limit);
  ~Regex();
  Regex(const Regex&) = delete;
  Regex& operator=(const Regex&) = delete;

  bool valid() const { return m_code != nullptr; }
  const std::string& error() const { return m_error; }
  const std::string& pattern() const { return m_pattern; }

  /// Searches `text` for a match anywhere (JSON Schema patterns are not anchored).
  MatchResult search(std::string_view text) const;

 private:
  std::string m_pattern;
  std::string m_error;
  struct Code;
  Code* m_code = nullptr;
  std::uint32_t m_match_limit;
};

}  // namespace leaspec::schema
