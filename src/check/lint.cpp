// Language lint of requirement statements, after the ISO/IEC Directives Part 2 verbal forms
// and the INCOSE rules for writing requirements. Each finding marks the exact words.
#include <algorithm>
#include <bitset>
#include <cctype>
#include <set>

#include <fmt/format.h>

#include "check/findings.hpp"
#include "leaspec/text.hpp"

namespace leaspec::check {
namespace {

/// Words a bidder cannot be tested against. Longer phrases win over the words inside them
/// ("easy to use" is one finding, not also "easy").
const char* const k_vague_terms[] = {"user-friendly",
                                     "user friendly",
                                     "user-friendliness",
                                     "easy to use",
                                     "easy-to-use",
                                     "easy",
                                     "easily",
                                     "adequate",
                                     "adequately",
                                     "sufficient",
                                     "sufficiently",
                                     "fast",
                                     "quick",
                                     "quickly",
                                     "approximately",
                                     "several",
                                     "many",
                                     "appropriate",
                                     "appropriately",
                                     "reasonable",
                                     "reasonably",
                                     "flexible",
                                     "flexibility",
                                     "efficient",
                                     "efficiently",
                                     "state-of-the-art",
                                     "state of the art",
                                     "high quality",
                                     "high-quality",
                                     "good quality",
                                     "robust",
                                     "robustness",
                                     "seamless",
                                     "seamlessly",
                                     "intuitive",
                                     "modern",
                                     "normal",
                                     "minimal",
                                     "significant",
                                     "as soon as possible",
                                     "reliable",
                                     "reliably",
                                     "secure",
                                     "securely",
                                     "optimal",
                                     "optimally",
                                     "optimised",
                                     "optimized",
                                     "up to date",
                                     "up-to-date",
                                     "tbd",
                                     "tbc",
                                     "to be determined",
                                     "to be confirmed"};

const char* const k_escape_clauses[] = {
    "where possible", "if possible",     "as far as possible", "to the extent possible",
    "if necessary",   "where necessary", "if needed",          "where applicable",
    "if applicable",  "if practicable",  "where practicable",  "as appropriate"};

const char* const k_open_ended[] = {
    "etc",          "and so on", "including but not limited to", "including, but not limited to",
    "among others", "and more"};

bool is_word_char(char c) {
  auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '-' || c == '_' || u >= 0x80;
}

/// Offsets of whole-word occurrences of `phrase` (lower case) in `text` (lower case), from
/// `from` on and at most `most` of them.
std::vector<std::size_t> find_words(std::string_view text, std::string_view phrase,
                                    std::size_t from = 0,
                                    std::size_t most = std::string_view::npos) {
  std::vector<std::size_t> result;
  std::size_t pos = from;
  while (result.size() < most && (pos = text.find(phrase, pos)) != std::string_view::npos) {
    bool start_ok = pos == 0 || !is_word_char(text[pos - 1]);
    std::size_t end = pos + phrase.size();
    bool end_ok = end >= text.size() || !is_word_char(text[end]) ||
                  (phrase.back() == '-' || phrase.back() == '.');
    if (start_ok && end_ok) {
      result.push_back(pos);
    }
    pos += 1;
  }
  return result;
}

/// The vague words and phrases to look for, in lower case, each once and the longest first:
/// the built-in list and the configuration's.
std::vector<std::string> vague_terms(const Config& config) {
  std::vector<std::string> terms(std::begin(k_vague_terms), std::end(k_vague_terms));
  for (const std::string& term : config.vague_terms) {
    if (!term.empty()) {
      terms.push_back(text::ascii_lower(term));
    }
  }
  std::stable_sort(terms.begin(), terms.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  std::set<std::string> once;
  terms.erase(std::remove_if(terms.begin(), terms.end(),
                             [&](const std::string& term) { return !once.insert(term).second; }),
              terms.end());
  return terms;
}

class RequirementLint {
 public:
  RequirementLint(const RuleContext& context, const spec::Requirement& requirement,
                  const std::string& lower_source, const std::vector<std::string>& vague_terms,
                  Findings& findings)
      : m_context(context),
        m_requirement(requirement),
        m_lower_source(lower_source),
        m_vague_terms(vague_terms),
        m_text(text::ascii_lower(requirement.text.value)),
        m_findings(findings) {
    // The two characters at every place a word may start: a phrase whose first two are not
    // among them is not in the text, which spares most searches.
    for (std::size_t i = 0; i + 1 < m_text.size(); ++i) {
      if (i == 0 || !is_word_char(m_text[i - 1])) {
        m_starts.set(pair_bit(m_text[i], m_text[i + 1]));
      }
    }
  }

  void run() {
    check_verbal_form();
    for (std::size_t offset : words("must")) {
      report("must", "must", offset,
             "\"must\" expresses a constraint from outside the document; state a requirement "
             "with \"shall\"");
    }
    for (std::size_t offset : words("will")) {
      report("will", "will", offset, "\"will\" states a fact or an intention, not a requirement");
    }
    check_vague_terms();
    for (const char* clause : k_escape_clauses) {
      flag_all("escape-clause", clause,
               "\"{}\" is an escape clause: a bidder could claim it was not possible");
    }
    for (const char* phrase : k_open_ended) {
      flag_all("open-ended", phrase, "\"{}\" leaves the list open: name every item");
    }
    flag_all("and-or", "and/or", "\"{}\" is ambiguous: say \"and\", \"or\" or \"either or both\"");
    std::vector<std::size_t> shalls = words("shall");
    if (shalls.size() > 1) {
      report("multiple-shall", "shall", shalls[1],
             fmt::format("the statement has {} \"shall\"s: write one requirement per statement",
                         shalls.size()));
    }
    if (m_requirement.kind == spec::Kind::performance && !m_requirement.metric) {
      m_findings.add(
          "missing-metric", m_requirement.id.position,
          fmt::format("performance requirement \"{}\" has no metric to verify it against",
                      m_requirement.id.value),
          &m_requirement);
    }
  }

 private:
  void check_verbal_form() {
    spec::Priority priority = m_requirement.priority.value;
    std::string_view priority_name = spec::name(priority);
    std::string_view wanted = spec::verbal_form(priority);
    bool has_wanted = !words(wanted).empty();
    if (has_wanted && priority != spec::Priority::optional) {
      return;
    }
    // The verbs that state a different provision than the priority says.
    for (spec::Priority other : spec::all<spec::Priority>()) {
      std::string_view verb = spec::verbal_form(other);
      if (other == priority) {
        continue;
      }
      std::vector<std::size_t> found = words(verb);
      if (!found.empty()) {
        report("verbal-form", verb, found.front(),
               fmt::format("the requirement is {}, which the text states with \"{}\": write "
                           "\"{}\" instead of \"{}\", or change the priority",
                           priority_name, wanted, wanted, verb));
        return;
      }
    }
    bool other_modal = !words("must").empty() || !words("will").empty();
    if (!has_wanted && !other_modal) {
      m_findings.add("verbal-form", m_requirement.text.position,
                     fmt::format("the requirement is {} but its text has no \"{}\": state it "
                                 "with \"{}\"",
                                 priority_name, wanted, wanted),
                     &m_requirement);
    }
  }

  /// Each vague word or phrase once, the longest phrase first, and no word inside a phrase
  /// already found.
  void check_vague_terms() {
    std::vector<std::pair<std::size_t, std::size_t>> taken;
    for (const std::string& term : m_vague_terms) {
      for (std::size_t offset : words(term)) {
        std::size_t end = offset + term.size();
        bool inside = std::any_of(taken.begin(), taken.end(), [&](const auto& span) {
          return offset < span.second && end > span.first;
        });
        if (inside) {
          continue;
        }
        taken.emplace_back(offset, end);
        std::string surface = m_requirement.text.value.substr(offset, term.size());
        report("vague-term", term, offset,
               fmt::format("\"{}\" is vague: state a measurable criterion instead, for example "
                           "a value and a unit in a metric",
                           surface));
      }
    }
  }

  void flag_all(std::string_view rule, std::string_view phrase, std::string_view message) {
    std::string lowered = text::ascii_lower(phrase);
    for (std::size_t offset : words(lowered)) {
      std::string surface = m_requirement.text.value.substr(offset, lowered.size());
      report(rule, lowered, offset, fmt::format(fmt::runtime(message), surface));
    }
  }

  /// Reports at the source position of the occurrence of `phrase` at `offset` in the text.
  void report(std::string_view rule, std::string_view phrase, std::size_t offset,
              std::string message) {
    m_findings.add(rule, locate(phrase, offset), std::move(message), &m_requirement);
  }

  /// Finds the same occurrence of the phrase in the source after the scalar's start; block
  /// and quoted scalars keep the words, only spacing and line breaks differ.
  Position locate(std::string_view phrase, std::size_t offset) const {
    const SourceFile& source = m_context.source;
    std::size_t occurrence = 0;
    for (std::size_t earlier : words(phrase)) {
      if (earlier < offset) {
        ++occurrence;
      }
    }
    std::size_t start = source.offset_of(m_requirement.text.position);
    for (std::string_view needle : {phrase, phrase.substr(0, phrase.find(' '))}) {
      // Only as far as the occurrence wanted: the rest of the file may be long.
      std::vector<std::size_t> found = find_words(m_lower_source, needle, start, occurrence + 1);
      if (occurrence < found.size()) {
        return source.position_of(found[occurrence]);
      }
    }
    return m_requirement.text.position;
  }

  static std::size_t pair_bit(char first, char second) {
    return (static_cast<unsigned char>(first) * 31u + static_cast<unsigned char>(second)) %
           k_start_bits;
  }

  /// The whole-word occurrences of `phrase` (lower case) in the requirement's text.
  std::vector<std::size_t> words(std::string_view phrase) const {
    if (phrase.size() >= 2 && !m_starts.test(pair_bit(phrase[0], phrase[1]))) {
      return {};
    }
    return find_words(m_text, phrase);
  }

  static constexpr std::size_t k_start_bits = 1024;
  const RuleContext& m_context;
  const spec::Requirement& m_requirement;
  const std::string& m_lower_source;
  const std::vector<std::string>& m_vague_terms;
  std::string m_text;
  std::bitset<k_start_bits> m_starts;
  Findings& m_findings;
};

}  // namespace

void lint_requirements(const RuleContext& context, Findings& findings) {
  std::string lower_source = text::ascii_lower(context.source.text());
  std::vector<std::string> terms = vague_terms(context.config);
  spec::for_each_requirement(
      context.spec, [&](const spec::Requirement& requirement, const spec::Section&) {
        RequirementLint(context, requirement, lower_source, terms, findings).run();
      });
}

}  // namespace leaspec::check
