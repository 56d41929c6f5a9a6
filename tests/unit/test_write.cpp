#include <doctest/doctest.h>

#include "leaspec/write.hpp"
#include "unzip.hpp"

using namespace leaspec;

namespace {

const std::string k_nasty =
    "<script>alert('x')</script> & \"quotes\" *stars* _under_ | pipe "
    "\xEF\xBF\xBD Łódź مرحبا שלום";

doc::Document nasty_document() {
  doc::Document document;
  document.title = "Title <b>&</b>";
  document.subject = "Subject \"quoted\"";
  document.footer = "CAM-2026 <1.0> & \"x\"";
  document.page_label = "Page {0} of {1}";
  document.blocks.push_back(doc::Heading{1, k_nasty});
  document.blocks.push_back(doc::Paragraph{{{k_nasty, false, false}, {" bold", true, false}}});
  doc::Table table;
  table.widths = {1, 2};
  table.rows = {{{{"Id", false, false}}, {{"Text", false, false}}},
                {{{"R-1", false, false}}, {{k_nasty + "\nsecond line", false, false}}}};
  document.blocks.push_back(table);
  document.blocks.push_back(doc::List{true, {{{k_nasty, false, false}}}});
  return document;
}

using test::unzip;
using Entry = test::ZipPart;

const Entry& entry(const std::vector<Entry>& entries, const std::string& name) {
  for (const Entry& e : entries) {
    if (e.name == name) {
      return e;
    }
  }
  FAIL("no entry " << name);
  return entries.front();
}

}  // namespace

TEST_CASE("Markdown escapes markup in spec text") {
  std::string md = write::render_markdown(nasty_document());
  CHECK(md.find("&lt;script&gt;alert('x')&lt;/script&gt; &amp; \"quotes\" \\*stars\\* \\_under\\_ "
                "\\| pipe") != std::string::npos);
  CHECK(md.find("<script>") == std::string::npos);
  CHECK(md.find("second line") != std::string::npos);
  CHECK(md.find("Łódź مرحبا שלום") != std::string::npos);
  CHECK(md.find("<br>second line |") != std::string::npos);
}

TEST_CASE("HTML escapes markup, repeats table headers and sets text direction automatically") {
  std::string html = write::render_html(nasty_document());
  CHECK(html.find("<script>") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;") !=
        std::string::npos);
  CHECK(html.find("<title>Title &lt;b&gt;&amp;&lt;/b&gt;</title>") != std::string::npos);
  CHECK(html.find("<thead>") != std::string::npos);
  CHECK(html.find("thead { display: table-header-group; }") != std::string::npos);
  CHECK(html.find(
            "@bottom-left { content: \"CAM-2026 \\3c 1.0> & \\\"x\\\"\"; font-size: 8.5pt; }") !=
        std::string::npos);
  CHECK(html.find("@bottom-right { content: \"Page \" counter(page) \" of \" counter(pages) "
                  "\"\"; font-size: 8.5pt; }") != std::string::npos);
  CHECK(html.find("dir=\"auto\"") != std::string::npos);
  CHECK(html.find("Łódź مرحبا שלום") != std::string::npos);
}

TEST_CASE("DOCX escapes text, has heading styles, repeated header rows and properties") {
  std::vector<Entry> entries = unzip(write::render_docx(nasty_document()));
  CHECK(entries.front().name == "[Content_Types].xml");
  const std::string& document = entry(entries, "word/document.xml").data;
  CHECK(
      document.find("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;quotes&quot;") !=
      std::string::npos);
  CHECK(document.find("<w:pStyle w:val=\"Heading1\"/>") != std::string::npos);
  CHECK(document.find("<w:tblHeader/>") != std::string::npos);
  CHECK(document.find("<w:br/>") != std::string::npos);
  CHECK(entry(entries, "word/styles.xml").data.find("<w:name w:val=\"heading 1\"/>") !=
        std::string::npos);
  CHECK(entry(entries, "docProps/core.xml")
            .data.find("<dc:title>Title &lt;b&gt;&amp;&lt;/b&gt;</dc:title>") != std::string::npos);
}

TEST_CASE("ODT starts with a stored mimetype and escapes text") {
  std::vector<Entry> entries = unzip(write::render_odt(nasty_document()));
  REQUIRE(!entries.empty());
  CHECK(entries.front().name == "mimetype");
  CHECK(entries.front().stored);
  CHECK(entries.front().data == "application/vnd.oasis.opendocument.text");
  const std::string& content = entry(entries, "content.xml").data;
  CHECK(
      content.find("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;quotes&quot;") !=
      std::string::npos);
  CHECK(content.find("text:outline-level=\"1\"") != std::string::npos);
  CHECK(content.find("<table:table-header-rows>") != std::string::npos);
  CHECK(
      entry(entries, "meta.xml").data.find("<dc:title>Title &lt;b&gt;&amp;&lt;/b&gt;</dc:title>") !=
      std::string::npos);
}

TEST_CASE("DOCX and ODT footers name the spec and count the pages") {
  std::vector<Entry> docx = unzip(write::render_docx(nasty_document()));
  const std::string& footer = entry(docx, "word/footer1.xml").data;
  CHECK(footer.find("<w:t xml:space=\"preserve\">CAM-2026 &lt;1.0&gt; &amp; &quot;x&quot;</w:t>"
                    "</w:r><w:r><w:tab/></w:r><w:r><w:t xml:space=\"preserve\">Page </w:t></w:r>"
                    "<w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1</w:t></w:r></w:fldSimple><w:r>"
                    "<w:t xml:space=\"preserve\"> of </w:t></w:r><w:fldSimple w:instr=\" NUMPAGES "
                    "\">") != std::string::npos);
  CHECK(entry(docx, "word/fontTable.xml").data.find("<w:altName w:val=\"Arial\"/>") !=
        std::string::npos);
  std::vector<Entry> odt = unzip(write::render_odt(nasty_document()));
  CHECK(entry(odt, "styles.xml")
            .data.find("<text:p text:style-name=\"Footer\">CAM-2026 &lt;1.0&gt; &amp; "
                       "&quot;x&quot;<text:tab/>Page <text:page-number "
                       "text:select-page=\"current\">1</text:page-number> of "
                       "<text:page-count>1</text:page-count></text:p>") != std::string::npos);
}

TEST_CASE("table columns are as wide as their widest word, in every writer") {
  doc::Document document;
  doc::Table table;
  table.widths = {1, 1};
  doc::Run id{"BWC-VID-001", true, false};
  id.unbroken = true;
  table.rows = {{{{"Id", false, false}}, {{"Requirement", false, false}}},
                {{id},
                 {{"The camera shall record for at least twelve hours on one battery charge in "
                   "the cold of a northern winter night, at full resolution and frame rate.",
                   false, false}}}};
  document.blocks.push_back(table);
  std::vector<Entry> docx = unzip(write::render_docx(document));
  const std::string& body = entry(docx, "word/document.xml").data;
  std::size_t grid = body.find("<w:gridCol w:w=\"");
  REQUIRE(grid != std::string::npos);
  int first = std::stoi(body.substr(grid + 16));
  // "BWC-VID-001" in bold 9.5 pt is about 59 pt wide: the column holds it with its margins,
  // and leaves the statement the rest of the 481.9 pt.
  CHECK(first >= 20 * 70);
  CHECK(first <= 20 * 90);
}

TEST_CASE("PDF is one of the formats of every document kind") {
  for (doc::DocumentKind kind :
       {doc::DocumentKind::annex, doc::DocumentKind::standard, doc::DocumentKind::matrix,
        doc::DocumentKind::corrigendum, doc::DocumentKind::merge_report}) {
    std::vector<std::string> names = write::format_names(kind);
    CHECK(std::find(names.begin(), names.end(), "pdf") != names.end());
    CHECK(write::format_for_file(kind, "out.pdf") == write::Format::pdf);
  }
  CHECK_FALSE(write::is_text(write::Format::pdf));
}

TEST_CASE("zip archives are byte-identical for identical input") {
  doc::Document document = nasty_document();
  CHECK(write::render_docx(document) == write::render_docx(document));
  CHECK(write::render_odt(document) == write::render_odt(document));
}
