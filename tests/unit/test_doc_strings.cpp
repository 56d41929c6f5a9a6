#include <regex>
#include <set>

#include <doctest/doctest.h>

#include "leaspec/doc.hpp"

using namespace leaspec;

namespace {

/// The {0}, {1}... placeholders a text uses. The texts are our own, so std::regex is safe here.
std::set<std::string> placeholders(const std::string& text) {
  std::set<std::string> found;
  static const std::regex k_placeholder(R"(\{[0-9]\})");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), k_placeholder);
       it != std::sregex_iterator(); ++it) {
    found.insert(it->str());
  }
  return found;
}

}  // namespace

TEST_CASE("every language has every key, with the same placeholders") {
  std::vector<std::string> languages = doc::Strings::languages();
  for (const char* required : {"en", "nl", "pl", "fr", "de"}) {
    CHECK_MESSAGE(std::find(languages.begin(), languages.end(), required) != languages.end(),
                  required);
  }
  const doc::Strings& english = doc::Strings::get("en");
  for (const std::string& language : languages) {
    const doc::Strings& strings = doc::Strings::get(language);
    for (const auto& entry : english.all()) {
      const std::string& key = entry.first;
      const std::string& text = entry.second;
      auto found = strings.all().find(key);
      REQUIRE_MESSAGE(found != strings.all().end(), language << " lacks " << key);
      CHECK_MESSAGE(placeholders(found->second) == placeholders(text), language << ": " << key);
      CHECK_MESSAGE(!found->second.empty(), language << ": " << key);
    }
    for (const auto& entry : strings.all()) {
      CHECK_MESSAGE(english.all().count(entry.first) == 1,
                    language << " has " << entry.first << ", which English lacks");
    }
  }
}

TEST_CASE("an unknown language or key is an error, not an empty text") {
  CHECK_THROWS_AS(doc::Strings::get("xx"), Error);
  CHECK_THROWS_WITH_AS(doc::Strings::get("en")["no_such_key"],
                       "the en texts lack the key \"no_such_key\"", Error);
}
