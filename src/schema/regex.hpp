#pragma once
// Regular expressions of JSON Schema: ECMA-262 patterns in Unicode mode, checked and
// rewritten for PCRE2, which runs them with match limits so that hostile patterns and long
// strings cannot take unbounded time.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace leaspec::schema {

/// An ECMA-262 pattern rewritten for PCRE2, or why it is not valid ECMA-262.
struct Translation {
  std::string pattern;  ///< the PCRE2 pattern, when `error` is empty
  std::string error;
};

/// Reads `pattern` as ECMA-262 in Unicode mode (as with the `u` flag, and without the
/// web-compatibility forms of Annex B such as `\a`, `\Z`, a lone `{` or `[[:alpha:]]`) and
/// rewrites it for PCRE2 with the same meaning: `.`, `\s`, `\S`, `\v`, `\u` escapes, Unicode
/// property names and backreferences to groups not yet matched behave as in ECMAScript.
Translation translate_ecmascript(std::string_view pattern);

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

  /// Searches `text` for a match anywhere (JSON Schema patterns are not anchored). Safe to
  /// call from several threads at once.
  MatchResult search(std::string_view text) const;

 private:
  std::string m_pattern;
  std::string m_error;
  struct Code;
  Code* m_code = nullptr;
};

}  // namespace leaspec::schema
