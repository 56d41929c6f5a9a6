// The rules on translations: every text translated into each language asked for, current
// with its source, with the same numbers and units, in the language's verbal forms.
#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "check/findings.hpp"
#include "leaspec/translate.hpp"

namespace leaspec::check {
namespace {

/// A JSON pointer segment with `~` and `/` escaped.
std::string pointer_segment(std::string_view key) {
  std::string out;
  for (char c : key) {
    out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
  }
  return out;
}

/// The multiset difference `a - b` of two lists of numbers, joined for a message.
std::string missing_from(std::vector<std::string> a, std::vector<std::string> b) {
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  std::vector<std::string> out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return fmt::format("{}", fmt::join(out, ", "));
}

/// Whether `word` occurs in `text` with no letter or digit right before or after it.
bool has_token(std::string_view text, std::string_view word) {
  auto word_byte = [](char c) {
    return static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c));
  };
  for (std::size_t at = text.find(word); at != std::string_view::npos;
       at = text.find(word, at + 1)) {
    std::size_t end = at + word.size();
    bool starts = at == 0 || !word_byte(text[at - 1]) || !word_byte(word.front());
    bool ends = end == text.size() || !word_byte(text[end]) || !word_byte(word.back());
    if (starts && ends) {
      return true;
    }
  }
  return false;
}

/// The unit symbols the source text writes after a number ("12 h", "50 %", "-20 °C").
std::vector<std::string> units_after_numbers(std::string_view text, const catalog::Units& units) {
  std::vector<std::string> found;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i])) ||
        (i + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 1])))) {
      continue;
    }
    std::size_t start = i + 1;
    while (start < text.size() && (text[start] == ' ')) {
      ++start;
    }
    std::size_t end = start;
    while (end < text.size() && text[end] != ' ' && text[end] != ',' && text[end] != ';' &&
           text[end] != ')' &&
           !(text[end] == '.' && (end + 1 == text.size() || text[end + 1] == ' '))) {
      ++end;
    }
    std::string token(text.substr(start, end - start));
    // Only symbols, which every language writes alike; "hours" is an English word.
    std::optional<catalog::UnitInfo> info = units.find(token);
    bool word = token.size() > 3 && std::all_of(token.begin(), token.end(), [](char c) {
                  return std::islower(static_cast<unsigned char>(c)) != 0;
                });
    bool symbol = token == "%" || (info && info->symbol == token && !word);
    if (symbol && std::find(found.begin(), found.end(), token) == found.end()) {
      found.push_back(token);
    }
  }
  return found;
}

class TranslationRules {
 public:
  TranslationRules(const RuleContext& context, Findings& findings)
      : m_context(context), m_spec(context.spec), m_findings(findings) {}

  void run() {
    std::vector<std::pair<std::string, Position>> asked = languages();
    if (asked.empty()) {
      return;  // most specs: nothing to compare, so the texts are not collected
    }
    m_units = translate::units(m_spec);
    if (m_context.root) {
      translate::locate(m_units, *m_context.root);
    }
    for (const auto& [language, listed_at] : asked) {
      check_language(language, listed_at);
    }
  }

 private:
  /// The languages asked for, each once, with where the spec lists it.
  std::vector<std::pair<std::string, Position>> languages() const {
    std::vector<std::pair<std::string, Position>> result;
    auto add = [&](const std::string& code, Position at) {
      bool known = std::any_of(result.begin(), result.end(),
                               [&](const auto& item) { return item.first == code; });
      if (!known && code != m_spec.language) {
        result.emplace_back(code, at);
      }
    };
    for (const spec::Text& code : m_spec.translations) {
      add(code.value, code.position);
    }
    for (const std::string& code : m_context.config.languages) {
      add(code, m_spec.id.position);
    }
    for (const std::string& code : m_context.languages) {
      add(code, m_spec.id.position);
    }
    return result;
  }

  void check_language(const std::string& language, Position listed_at) {
    DiagnosticSink problems;
    std::optional<translate::Translation> translation;
    std::string path = translate::translation_path(m_spec.file, language);
    try {
      translation = translate::load_beside(m_spec, language, problems);
    } catch (const FileError& e) {
      m_findings.add("translation-missing", listed_at,
                     fmt::format("the {} translation {} cannot be read: {}",
                                 translate::language_name(language), path, e.reason()));
      return;
    }
    for (const Diagnostic& problem : problems.diagnostics()) {
      m_findings.add({problem.rule, problem.position, problem.message, nullptr, problem.severity,
                      problem.file, problem.pointer});
    }
    if (!problems.diagnostics().empty()) {
      return;
    }
    if (!translation) {
      m_findings.add("translation-missing", listed_at,
                     fmt::format("no {} translation: {} does not exist (leaspec translate "
                                 "export --lang {} writes the texts to translate)",
                                 translate::language_name(language), path, language));
      return;
    }
    check_header(*translation, language);
    for (const translate::Unit& unit : m_units) {
      check_unit(unit, *translation, language);
    }
    for (const translate::Entry& entry : translation->entries) {
      bool known = std::any_of(m_units.begin(), m_units.end(),
                               [&](const translate::Unit& unit) { return unit.key == entry.key; });
      if (!known) {
        add_in(*translation, entry, "translation-unknown", entry.position,
               fmt::format("the spec has no text \"{}\"; the translation is left over", entry.key));
      }
    }
  }

  void check_header(const translate::Translation& translation, const std::string& language) {
    if (translation.spec_id.value != m_spec.id.value) {
      m_findings.add({"translation-unknown", translation.spec_id.position,
                      fmt::format("the file translates the spec {}, not {}",
                                  translation.spec_id.value, m_spec.id.value),
                      nullptr, std::nullopt, translation.file, "/spec"});
    }
    if (translation.language != language) {
      m_findings.add(
          {"translation-unknown",
           {1, 1},
           fmt::format("the file is a translation into {}, not {}", translation.language, language),
           nullptr,
           std::nullopt,
           translation.file,
           "/language"});
    }
  }

  const spec::Requirement* requirement_of(const translate::Unit& unit) const {
    const spec::Requirement* found = nullptr;
    if (unit.priority) {
      spec::for_each_requirement(m_spec, [&](const spec::Requirement& r, const spec::Section&) {
        if (!found && r.id.value == unit.key) {
          found = &r;
        }
      });
    }
    return found;
  }

  /// A finding in the translation file at an entry, with the source text as related place.
  void add_in(const translate::Translation& translation, const translate::Entry& entry,
              std::string_view rule, Position position, std::string message,
              const translate::Unit* unit = nullptr, std::string_view related = {}) {
    Finding finding{std::string(rule),
                    position,
                    std::move(message),
                    unit ? requirement_of(*unit) : nullptr,
                    std::nullopt,
                    translation.file,
                    "/texts/" + pointer_segment(entry.key)};
    if (unit) {
      finding.related.push_back({m_spec.file, unit->source.position, "", std::string(related)});
    }
    m_findings.add(std::move(finding));
  }

  void check_unit(const translate::Unit& unit, const translate::Translation& translation,
                  const std::string& language) {
    std::string name = translate::language_name(language);
    const translate::Entry* entry = translation.find(unit.key);
    if (!entry) {
      m_findings.add("translation-missing", unit.source.position,
                     fmt::format("\"{}\" has no {} translation in {}", unit.key, name,
                                 std::filesystem::path(translation.file).filename().string()),
                     requirement_of(unit));
      return;
    }
    if (entry->hash != translate::source_hash(unit.source.value)) {
      add_in(translation, *entry, "translation-stale", entry->text.position,
             fmt::format("the {} translation of \"{}\" is stale: the source text has changed "
                         "since it was translated",
                         name, unit.key),
             &unit, "the source text, changed since, is here");
      return;
    }
    const std::string& text = entry->text.value;
    std::vector<std::string> source_numbers = translate::numbers_in(unit.source.value);
    std::vector<std::string> numbers = translate::numbers_in(text);
    std::vector<std::string> sorted_source = source_numbers;
    std::vector<std::string> sorted = numbers;
    std::sort(sorted_source.begin(), sorted_source.end());
    std::sort(sorted.begin(), sorted.end());
    if (sorted_source != sorted) {
      std::string lacks = missing_from(source_numbers, numbers);
      std::string adds = missing_from(numbers, source_numbers);
      std::string detail = lacks.empty() ? fmt::format("it adds {}", adds)
                           : adds.empty()
                               ? fmt::format("it lacks {}", lacks)
                               : fmt::format("it has {} where the source has {}", adds, lacks);
      add_in(translation, *entry, "translation-numbers", entry->text.position,
             fmt::format("the {} translation of \"{}\" has other numbers than the source: {}", name,
                         unit.key, detail),
             &unit, "the source text is here");
    }
    for (const std::string& unit_name :
         units_after_numbers(unit.source.value, m_context.config.units())) {
      if (!has_token(text, unit_name)) {
        add_in(translation, *entry, "translation-numbers", entry->text.position,
               fmt::format("the {} translation of \"{}\" lacks the source's unit \"{}\"", name,
                           unit.key, unit_name),
               &unit, "the source text is here");
        break;
      }
    }
    check_verbal_form(unit, translation, *entry, language);
  }

  void check_verbal_form(const translate::Unit& unit, const translate::Translation& translation,
                         const translate::Entry& entry, const std::string& language) {
    const translate::VerbalForms& forms = translate::verbal_forms(language);
    if (!unit.priority || forms.empty()) {
      return;
    }
    std::vector<spec::Priority> found = translate::forms_in(entry.text.value, language);
    if (std::find(found.begin(), found.end(), *unit.priority) != found.end()) {
      return;
    }
    const std::vector<std::string_view>& expected = forms.of(*unit.priority);
    add_in(translation, entry, "translation-verbal-form", entry.text.position,
           fmt::format("the {} translation of the {} requirement {} has no {} form of \"{}\" "
                       "({})",
                       translate::language_name(language), spec::name(*unit.priority), unit.key,
                       translate::language_name(language), spec::verbal_form(*unit.priority),
                       fmt::join(expected, ", ")),
           &unit, "the source text is here");
  }

  const RuleContext& m_context;
  const spec::Spec& m_spec;
  Findings& m_findings;
  std::vector<translate::Unit> m_units;
};

}  // namespace

void check_translations(const RuleContext& context, Findings& findings) {
  TranslationRules(context, findings).run();
}

}  // namespace leaspec::check
