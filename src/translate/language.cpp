// What the translation rules know of each language: the verbal forms that state a
// provision's priority, and how numbers are written.
#include <algorithm>
#include <map>

#include "leaspec/text.hpp"
#include "leaspec/translate.hpp"

namespace leaspec::translate {
namespace {

/// The verbal forms of "shall", "should" and "may" (ISO/IEC Directives, Part 2, Table 3 to
/// Table 5) as each language's national standards bodies word them, lower case. A language's
/// forms are searched as whole words; a form of several words counts before a shorter one
/// that it contains.
const std::map<std::string, VerbalForms, std::less<>>& tables() {
  static const std::map<std::string, VerbalForms, std::less<>> k_tables = {
      {"en", {{"shall"}, {"should"}, {"may", "need not"}}},
      {"nl",
       {{"moet", "moeten"},
        {"behoort", "behoren", "zou moeten", "zouden moeten"},
        {"mag", "mogen", "hoeft niet", "hoeven niet"}}},
      {"fr",
       {{"doit", "doivent"},
        {"il convient", "devrait", "devraient"},
        {"peut", "peuvent", "il est admis", "il est permis"}}},
      {"de", {{"muss", "müssen"}, {"sollte", "sollten"}, {"darf", "dürfen", "braucht nicht"}}},
      {"pl",
       {{"musi", "muszą", "należy"},
        {"powinien", "powinna", "powinno", "powinny", "powinni", "zaleca się"},
        {"może", "mogą", "dopuszcza się"}}},
      {"es",
       {{"debe", "deben"},
        {"debería", "deberían", "se recomienda", "conviene"},
        {"puede", "pueden", "se permite"}}},
      {"fi",
       {{"täytyy", "tulee", "on oltava", "pitää"},
        {"tulisi", "pitäisi", "suositellaan"},
        {"voi", "voidaan", "saa", "saadaan"}}},
      {"sv", {{"ska", "skall"}, {"bör", "rekommenderas"}, {"får", "kan"}}},
      {"el", {{"πρέπει"}, {"θα πρέπει", "συνιστάται"}, {"μπορεί", "μπορούν", "επιτρέπεται"}}},
      {"it",
       {{"deve", "devono"},
        {"dovrebbe", "dovrebbero", "si raccomanda"},
        {"può", "possono", "è consentito"}}},
      {"ro", {{"trebuie"}, {"ar trebui", "se recomandă"}, {"poate", "pot", "se permite"}}},
      {"pt",
       {{"deve", "devem"},
        {"deveria", "deveriam", "recomenda-se", "convém"},
        {"pode", "podem", "é permitido"}}},
      {"lt", {{"turi", "privalo"}, {"turėtų", "rekomenduojama"}, {"gali", "leidžiama"}}},
  };
  return k_tables;
}

bool is_word_byte(char c) {
  auto byte = static_cast<unsigned char>(c);
  return byte >= 0x80 || std::isalnum(byte) != 0;
}

/// `text` with ASCII capitals in lower case and the common capital letters of the other
/// alphabets the tables use, so that a form at the start of a sentence is found.
std::string lowered(std::string_view text) {
  std::string out = text::ascii_lower(text);
  static const std::pair<std::string_view, std::string_view> k_capitals[] = {
      {"Π", "π"}, {"Θ", "θ"}, {"Μ", "μ"}, {"Σ", "σ"}, {"Ε", "ε"}, {"Ä", "ä"},
      {"Ö", "ö"}, {"Ü", "ü"}, {"Ż", "ż"}, {"Ś", "ś"}, {"Ł", "ł"}, {"È", "è"}};
  for (const auto& [capital, small] : k_capitals) {
    for (std::size_t at = out.find(capital); at != std::string::npos;
         at = out.find(capital, at + small.size())) {
      out.replace(at, capital.size(), small);
    }
  }
  return out;
}

struct Names {
  std::string_view english, native;
};

const std::map<std::string, Names, std::less<>>& names() {
  static const std::map<std::string, Names, std::less<>> k_names = {
      {"en", {"English", "English"}},     {"nl", {"Dutch", "Nederlands"}},
      {"fr", {"French", "français"}},     {"de", {"German", "Deutsch"}},
      {"pl", {"Polish", "polski"}},       {"es", {"Spanish", "español"}},
      {"fi", {"Finnish", "suomi"}},       {"sv", {"Swedish", "svenska"}},
      {"el", {"Greek", "ελληνικά"}},      {"it", {"Italian", "italiano"}},
      {"ro", {"Romanian", "română"}},     {"pt", {"Portuguese", "português"}},
      {"lt", {"Lithuanian", "lietuvių"}},
  };
  return k_names;
}

}  // namespace

std::string language_name(std::string_view code) {
  auto found = names().find(code.substr(0, code.find('-')));
  return std::string(found == names().end() ? code : found->second.english);
}

std::string native_name(std::string_view code) {
  auto found = names().find(code.substr(0, code.find('-')));
  return std::string(found == names().end() ? code : found->second.native);
}

const std::vector<std::string_view>& VerbalForms::of(spec::Priority priority) const {
  switch (priority) {
    case spec::Priority::mandatory:
      return mandatory;
    case spec::Priority::recommended:
      return recommended;
    case spec::Priority::optional:
      break;
  }
  return optional;
}

const VerbalForms& verbal_forms(std::string_view language) {
  static const VerbalForms k_none;
  auto found = tables().find(language.substr(0, language.find('-')));
  return found == tables().end() ? k_none : found->second;
}

std::vector<std::string> verbal_form_languages() {
  std::vector<std::string> codes;
  codes.reserve(tables().size());
  for (const auto& [code, forms] : tables()) {
    codes.push_back(code);
  }
  return codes;
}

std::vector<spec::Priority> forms_in(std::string_view text, std::string_view language) {
  const VerbalForms& forms = verbal_forms(language);
  // Every form with its priority, longest first, so that a longer form masks the shorter
  // ones inside it.
  std::vector<std::pair<std::string_view, spec::Priority>> all;
  for (spec::Priority priority : spec::all<spec::Priority>()) {
    for (std::string_view form : forms.of(priority)) {
      all.emplace_back(form, priority);
    }
  }
  std::stable_sort(all.begin(), all.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  std::string masked = lowered(text);
  std::vector<spec::Priority> found;
  for (const auto& [form, priority] : all) {
    for (std::size_t at = masked.find(form); at != std::string::npos;
         at = masked.find(form, at + 1)) {
      std::size_t end = at + form.size();
      bool whole = (at == 0 || !is_word_byte(masked[at - 1])) &&
                   (end == masked.size() || !is_word_byte(masked[end]));
      if (!whole) {
        continue;
      }
      if (std::find(found.begin(), found.end(), priority) == found.end()) {
        found.push_back(priority);
      }
      std::fill(masked.begin() + static_cast<std::ptrdiff_t>(at),
                masked.begin() + static_cast<std::ptrdiff_t>(end), ' ');
    }
  }
  return found;
}

std::vector<std::string> numbers_in(std::string_view text) {
  auto digit = [&](std::size_t i) {
    return i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) != 0;
  };
  auto digits_from = [&](std::size_t i) {
    std::size_t n = 0;
    while (digit(i + n)) {
      ++n;
    }
    return n;
  };
  std::vector<std::string> numbers;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!digit(i)) {
      ++i;
      continue;
    }
    // Digits inside a word (IP67, H.264) are part of a name, not a number.
    auto letter = [&](std::size_t at) {
      return std::isalpha(static_cast<unsigned char>(text[at])) != 0;
    };
    bool in_word =
        i > 0 &&
        (letter(i - 1) || (i > 1 && (text[i - 1] == '.' || text[i - 1] == '-') && letter(i - 2)));
    std::string number;
    while (true) {
      std::size_t run = digits_from(i);
      number.append(text.substr(i, run));
      i += run;
      if (i + 1 >= text.size() || !digit(i + 1)) {
        break;
      }
      // A group of three digits after a space, a comma or a full stop is a thousands group
      // ("1 000", "1,000", "1.000"); other digits after a comma or a full stop are decimals.
      char separator = text[i];
      std::size_t next = digits_from(i + 1);
      if (next == 3 && (separator == ' ' || separator == ',' || separator == '.')) {
        ++i;
      } else if (separator == ',' || separator == '.') {
        number += '.';
        ++i;
      } else {
        break;
      }
    }
    if (!in_word) {
      numbers.push_back(std::move(number));
    }
  }
  return numbers;
}

}  // namespace leaspec::translate
