#include <doctest/doctest.h>
#include <zip.h>

#include "leaspec/write.hpp"

using namespace leaspec;

namespace {

const std::string k_nasty =
    "<script>alert('x')</script> & \"quotes\" *stars* _under_ | pipe "
    "\xEF\xBF\xBD Łódź مرحبا שלום";

doc::Document nasty_document() {
  doc::Document document;
  document.title = "Title <b>&</b>";
  document.subject = "Subject \"quoted\"";
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

/// The entries of a zip archive, in order: name, stored or not, data.
struct Entry {
  std::string name;
  bool stored;
  std::string data;
};

std::vector<Entry> unzip(const std::string& bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  REQUIRE(archive);
  std::vector<Entry> entries;
  for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
    zip_stat_t stat;
    zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &stat);
    std::string data(stat.size, '\0');
    zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
    zip_fread(file, data.data(), stat.size);
    zip_fclose(file);
    entries.push_back({stat.name, stat.comp_method == ZIP_CM_STORE, data});
  }
  zip_close(archive);
  return entries;
}

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
  CHECK(html.find("counter(page)") != std::string::npos);
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

TEST_CASE("zip archives are byte-identical for identical input") {
  doc::Document document = nasty_document();
  CHECK(write::render_docx(document) == write::render_docx(document));
  CHECK(write::render_odt(document) == write::render_odt(document));
}
