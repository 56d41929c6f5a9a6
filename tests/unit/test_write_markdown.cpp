// Markdown that CommonMark renderers read as meant: emphasis markers always open and close,
// and no spec text starts a list, a heading or a quote.
#include <doctest/doctest.h>

#include "leaspec/write.hpp"

using namespace leaspec;

namespace {

std::string paragraph(doc::Inline runs) {
  doc::Document document;
  document.blocks.push_back(doc::Paragraph{std::move(runs)});
  return write::render_markdown(document);
}

}  // namespace

TEST_CASE("emphasis touches the words, not the spaces or tabs around them") {
  CHECK(paragraph({{"4.1\t", true, false}, {"The device shall work.", false, false}}) ==
        "**4.1** The device shall work.\n");
  CHECK(paragraph({{"NOTE ", true, false}, {" text", false, true}}) == "**NOTE**  *text*\n");
}

TEST_CASE("punctuation beside a word moves out of the emphasis") {
  CHECK(paragraph({{"IEC 60529:1989", true, false}, {", Degrees of protection", false, true}}) ==
        "**IEC 60529:1989**, *Degrees of protection*\n");
  CHECK(paragraph({{"word", false, false}, {"(see note)", false, true}, {"x", false, false}}) ==
        "word(*see note*)x\n");
  // Punctuation with a space or the line's end outside stays inside.
  CHECK(paragraph({{"(see note)", false, true}}) == "*(see note)*\n");
}

TEST_CASE("runs of one emphasis merge, so that markers never meet") {
  CHECK(paragraph({{"one", true, false}, {" two", true, false}}) == "**one two**\n");
  CHECK(paragraph({{"one", true, false}, {"two", false, true}}) == "**one**two\n");
}

TEST_CASE("marked words of a corrigendum are struck through or in bold") {
  doc::Run removed{"12", false, false, {}, doc::Mark::deleted};
  doc::Run added{"15", false, false, {}, doc::Mark::inserted};
  CHECK(paragraph({removed, {" ", false, false}, added, {" hours", false, false}}) ==
        "~~12~~ **15** hours\n");
}

TEST_CASE("spec text that would start a block is escaped") {
  CHECK(paragraph({{"- not a list", false, false}}) == "\\- not a list\n");
  CHECK(paragraph({{"2026. A year", false, false}}) == "2026\\. A year\n");
  CHECK(paragraph({{"first\n= not a heading\n  + nor a list", false, false}}) ==
        "first\n\\= not a heading\n\\+ nor a list\n");
  CHECK(paragraph({{"*stars* and _under_", false, false}}) == "\\*stars\\* and \\_under\\_\n");
}
