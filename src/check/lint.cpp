// Language lint of requirement statements, after the ISO/IEC Directives Part 2 verbal forms
// and the INCOSE rules for writing requirements. Each finding marks the exact words.
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "check/findings.hpp"

namespace leaspec::check {
namespace {

const char* const k_vague_terms[] = {"user-friendly",
                                     "user friendly",
                                     "easy to use",
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
                                     "efficient",
                                     "state-of-the-art",
                                     "state of the art",
                                     "high quality",
                                     "good quality",
                                     "robust",
                                     "seamless",
                                     "seamlessly",
                                     "intuitive",
                                     "modern",
                                     "normal",
                                     "minimal",
                                     "significant",
                                     "as soon as possible"};

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

std::string lower(std::string_view text) {
  std::string result(text);
  std::transform(result.begin(), result.end(), result.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return result;
}

/// Offsets of whole-word occurrences of `phrase` (lower case) in `text` (lower case).
std::vector<std::size_t> find_words(std::string_view text, std::string_view phrase,
                                    std::size_t from = 0,
                                    std::size_t limit = std::string_view::npos) {
  std::vector<std::size_t> result;
  std::size_t pos = from;
  while ((pos = text.find(phrase, pos)) != std::string_view::npos && pos < limit) {
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

class RequirementLint {
 public:
  RequirementLint(const RuleContext& context, const spec::Requirement& requirement,
                  const std::string& lower_source, Findings& findings)
      : m_context(context),
        m_requirement(requirement),
        m_lower_source(lower_source),
        m_text(lower(requirement.text.value)),
        m_findings(findings) {}

  void run() {
    check_verbal_form();
    for (std::size_t offset : find_words(m_text, "must")) {
      report("must", "must", offset,
             "\"must\" expresses a constraint from outside the document; state a requirement "
             "with \"shall\"");
    }
    for (std::size_t offset : find_words(m_text, "will")) {
      report("will", "will", offset, "\"will\" states a fact or an intention, not a requirement");
    }
    for (const char* term : k_vague_terms) {
      flag_all("vague-term", term, "\"{}\" is vague: state a measurable criterion instead");
    }
    for (const std::string& term : m_context.config.vague_terms) {
      flag_all("vague-term", lower(term), "\"{}\" is vague: state a measurable criterion instead");
    }
    for (const char* clause : k_escape_clauses) {
      flag_all("escape-clause", clause,
               "\"{}\" is an escape clause: a bidder could claim it was not possible");
    }
    for (const char* phrase : k_open_ended) {
      flag_all("open-ended", phrase, "\"{}\" leaves the list open: name every item");
    }
    flag_all("and-or", "and/or", "\"{}\" is ambiguous: say \"and\", \"or\" or \"either or both\"");
    std::vector<std::size_t> shalls = find_words(m_text, "shall");
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
    std::string_view article = priority == spec::Priority::optional ? "an" : "a";
    std::string_view wanted = spec::verbal_form(priority);
    bool has_wanted = !find_words(m_text, wanted).empty();
    if (has_wanted && priority != spec::Priority::optional) {
      return;
    }
    // The verbs that state a different provision than the priority says.
    for (spec::Priority other : spec::all<spec::Priority>()) {
      std::string_view verb = spec::verbal_form(other);
      if (other == priority) {
        continue;
      }
      std::vector<std::size_t> found = find_words(m_text, verb);
      if (!found.empty()) {
        report("verbal-form", verb, found.front(),
               fmt::format("{} {} requirement is stated with \"{}\", not \"{}\"", article,
                           priority_name, wanted, verb));
        return;
      }
    }
    bool other_modal = !find_words(m_text, "must").empty() || !find_words(m_text, "will").empty();
    if (!has_wanted && !other_modal) {
      m_findings.add(
          "verbal-form", m_requirement.text.position,
          fmt::format("{} {} requirement is stated with \"{}\"", article, priority_name, wanted),
          &m_requirement);
    }
  }

  void flag_all(std::string_view rule, std::string_view phrase, std::string_view message) {
    std::string lowered = lower(phrase);
    for (std::size_t offset : find_words(m_text, lowered)) {
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
    for (std::size_t earlier : find_words(m_text, phrase)) {
      if (earlier < offset) {
        ++occurrence;
      }
    }
    std::size_t start = source.offset_of(m_requirement.text.position);
    for (std::string_view needle : {phrase, phrase.substr(0, phrase.find(' '))}) {
      std::vector<std::size_t> found = find_words(m_lower_source, needle, start);
      if (occurrence < found.size()) {
        return source.position_of(found[occurrence]);
      }
    }
    return m_requirement.text.position;
  }

  const RuleContext& m_context;
  const spec::Requirement& m_requirement;
  const std::string& m_lower_source;
  std::string m_text;
  Findings& m_findings;
};

}  // namespace

void lint_requirements(const RuleContext& context, Findings& findings) {
  std::string lower_source = lower(context.source.text());
  spec::for_each_requirement(context.spec,
                             [&](const spec::Requirement& requirement, const spec::Section&) {
                               RequirementLint(context, requirement, lower_source, findings).run();
                             });
}

}  // namespace leaspec::check
