#include <doctest/doctest.h>

#include "leaspec/text.hpp"

using namespace leaspec;

TEST_CASE("control characters and invalid bytes are replaced, other text is kept") {
  CHECK(text::clean_text("a\x07"
                         "b") ==
        "a\xEF\xBF\xBD"
        "b");
  CHECK(text::clean_text("tab\tand\nline") == "tab\tand\nline");
  CHECK(text::clean_text("caf\xC3") == "caf\xEF\xBF\xBD");
  CHECK(text::clean_text("Łódź שלום") == "Łódź שלום");
}

TEST_CASE("XML escaping keeps every output well-formed") {
  CHECK(text::xml_escape("a<b & \"c\" 'd'>") == "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;");
  // Characters outside the XML 1.0 Char production become U+FFFD.
  CHECK(text::xml_escape(std::string("a\x01") + "b") ==
        "a\xEF\xBF\xBD"
        "b");
  CHECK(text::xml_escape("x\xEF\xBF\xBEy\xEF\xBF\xBFz") == "x\xEF\xBF\xBDy\xEF\xBF\xBDz");
  // An encoded surrogate is not UTF-8.
  CHECK(text::xml_escape("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(text::xml_escape("tab\tline\ncr\r\xEF\xBF\xBD \xEF\xBF\xBC") ==
        "tab\tline\ncr\r\xEF\xBF\xBD \xEF\xBF\xBC");
}

TEST_CASE("HTML and Markdown escaping show text as written") {
  CHECK(text::html_escape("<a href='x'>&</a>") == "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;");
  CHECK(text::markdown_escape("*a* _b_ [c](d) # | ~", false) ==
        "\\*a\\* \\_b\\_ \\[c\\](d) \\# \\| \\~");
  CHECK(text::markdown_escape("one\ntwo", true) == "one<br>two");
  CHECK(text::markdown_escape("one\ntwo", false) == "one\ntwo");
}

TEST_CASE("clean_text replaces the noncharacters U+FFFE and U+FFFF, which XML cannot carry") {
  CHECK(text::clean_text("a\xEF\xBF\xBE"
                         "b\xEF\xBF\xBF"
                         "c\xEF\xB7\x90") ==
        "a\xEF\xBF\xBD"
        "b\xEF\xBF\xBD"
        "c\xEF\xB7\x90");
}
