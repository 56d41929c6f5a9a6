#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <atomic>
#include <mutex>

#include <fmt/format.h>

#include "schema/regex.hpp"

namespace leaspec::schema {

/// The compiled pattern and the match limits, which every thread may read at once. A pattern
/// is first matched by the interpreter; once it has been used often enough to pay for it, a
/// copy is compiled to machine code and published for every thread, so that checking one
/// small file compiles nothing it would not gain from.
struct Regex::Code {
  pcre2_code* code = nullptr;
  pcre2_match_context* context = nullptr;
  std::atomic<std::uint32_t> uses{0};
  std::once_flag compile_once;
  std::atomic<pcre2_code*> jit{nullptr};  ///< a copy of `code` with its machine code

  /// Matches by the interpreter before compiling: about what compiling costs.
  static constexpr std::uint32_t k_uses_before_jit = 256;

  pcre2_code* for_match() {
    if (pcre2_code* compiled = jit.load(std::memory_order_acquire)) {
      return compiled;
    }
    if (uses.fetch_add(1, std::memory_order_relaxed) + 1 >= k_uses_before_jit) {
      std::call_once(compile_once, [this] {
        pcre2_code* copy = pcre2_code_copy(code);
        if (copy && pcre2_jit_compile(copy, PCRE2_JIT_COMPLETE) == 0) {
          jit.store(copy, std::memory_order_release);
        } else {
          pcre2_code_free(copy);  // no JIT on this machine: the interpreter serves
        }
      });
    }
    return code;
  }
};

namespace {

/// Match data for one thread: the engine only needs to know whether there is a match, so one
/// small block serves every pattern.
class MatchData {
 public:
  MatchData() : m_data(pcre2_match_data_create(1, nullptr)) {}
  ~MatchData() { pcre2_match_data_free(m_data); }
  MatchData(const MatchData&) = delete;
  MatchData& operator=(const MatchData&) = delete;
  pcre2_match_data* get() const { return m_data; }

 private:
  pcre2_match_data* m_data;
};

pcre2_match_data* thread_match_data() {
  thread_local MatchData data;
  return data.get();
}

}  // namespace

Regex::Regex(std::string_view pattern, std::uint32_t match_limit) : m_pattern(pattern) {
  Translation translation = translate_ecmascript(pattern);
  if (!translation.error.empty()) {
    m_error = std::move(translation.error);
    return;
  }
  int error_code = 0;
  PCRE2_SIZE error_offset = 0;
  // `$` only at the very end, as in ECMAScript; a backreference to a group that has not
  // matched matches the empty string.
  std::uint32_t flags = PCRE2_UTF | PCRE2_DOLLAR_ENDONLY | PCRE2_MATCH_UNSET_BACKREF;
  const std::string& translated = translation.pattern;
  pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(translated.data()),
                                   translated.size(), flags, &error_code, &error_offset, nullptr);
  if (code == nullptr) {
    PCRE2_UCHAR buffer[256];
    pcre2_get_error_message(error_code, buffer, sizeof buffer);
    m_error = reinterpret_cast<const char*>(buffer);
    return;
  }
  pcre2_match_context* context = pcre2_match_context_create(nullptr);
  pcre2_set_match_limit(context, match_limit);
  pcre2_set_depth_limit(context, 10'000);
  m_code = new Code;
  m_code->code = code;
  m_code->context = context;
}

Regex::~Regex() {
  if (m_code) {
    pcre2_match_context_free(m_code->context);
    pcre2_code_free(m_code->jit.load());
    pcre2_code_free(m_code->code);
    delete m_code;
  }
}

MatchResult Regex::search(std::string_view text) const {
  if (!m_code) {
    return MatchResult::no_match;
  }
  auto subject = reinterpret_cast<PCRE2_SPTR>(text.data());
  pcre2_match_data* data = thread_match_data();
  // pcre2_match runs the JIT code when there is some, after checking that the text is UTF-8.
  pcre2_code* code = m_code->for_match();
  int rc = pcre2_match(code, subject, text.size(), 0, 0, data, m_code->context);
  if (rc == PCRE2_ERROR_JIT_STACKLIMIT && code != m_code->code) {
    // The interpreter keeps its backtracking frames on the heap, within the limits.
    rc = pcre2_match(m_code->code, subject, text.size(), 0, PCRE2_NO_JIT, data, m_code->context);
  }
  if (rc >= 0) {
    return MatchResult::match;
  }
  if (rc == PCRE2_ERROR_NOMATCH) {
    return MatchResult::no_match;
  }
  return MatchResult::limit_exceeded;
}

}  // namespace leaspec::schema
