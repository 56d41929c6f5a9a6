// The native XLSX writer: the parts a spreadsheet needs, a page setup that prints one page
// wide, answers entered in one place and shown on the views, formulas with their values.
#include <map>

#include <doctest/doctest.h>
#include "leaspec/write.hpp"
#include "unzip.hpp"

using namespace leaspec;

namespace {

/// The parts of an archive by name.
std::map<std::string, std::string> parts(const std::string& bytes) {
  std::map<std::string, std::string> result;
  for (test::ZipPart& part : test::unzip(bytes)) {
    result[part.name] = std::move(part.data);
  }
  return result;
}

doc::Inline plain(const std::string& text) {
  return {doc::Run{text, false, false}};
}

/// A matrix of two requirements answered on the first sheet, one of them viewed on a second.
doc::Document workbook() {
  doc::Document document;
  document.kind = doc::DocumentKind::matrix;
  document.title = "Compliance matrix";
  document.footer = "CAM-2026, version 1.0.0";
  document.page_label = "Page {0} of {1}";
  document.blocks.push_back(doc::Heading{1, "All requirements"});
  doc::Table all;
  all.widths = {2, 6, 2};
  all.rows = {{plain("Id"), plain("Requirement"), plain("Compliance")},
              {plain("R-1"), plain("The camera shall record & store."), {}},
              {plain("R-2"),
               plain("The camera shall record for at least twelve hours on one charge, in "
                     "rain, snow and the cold of a northern winter night, at full resolution."),
               {}}};
  all.input_columns = {2};
  all.choices[2] = {"Compliant", "Not compliant"};
  document.blocks.push_back(all);
  document.blocks.push_back(doc::Heading{1, "Lot L-1"});
  doc::Table lot;
  lot.widths = all.widths;
  lot.rows = {all.rows.front()};
  lot.view = doc::TableView{1, {2}};
  document.blocks.push_back(lot);
  document.blocks.push_back(doc::Heading{1, "Summary"});
  doc::Table summary;
  summary.widths = {2, 2};
  summary.rows = {
      {plain("Answered"), plain("Count")},
      {plain("Compliant"),
       {doc::Run{"0", false, false, "COUNTIF('All requirements'!$C$2:$C$3,\"Compliant\")"}}}};
  document.blocks.push_back(summary);
  return document;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("the workbook has its parts, one sheet per level-1 heading") {
  std::map<std::string, std::string> xlsx = parts(write::render_xlsx(workbook()));
  for (const char* part : {"[Content_Types].xml", "_rels/.rels", "docProps/core.xml",
                           "docProps/app.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                           "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
                           "xl/worksheets/sheet3.xml", "xl/sharedStrings.xml"}) {
    CHECK_MESSAGE(xlsx.count(part) == 1, part);
  }
  const std::string& book = xlsx["xl/workbook.xml"];
  CHECK(has(book,
            "<sheet name=\"All requirements\" sheetId=\"1\" r:id=\"rId1\"/><sheet "
            "name=\"Lot L-1\" sheetId=\"2\" r:id=\"rId2\"/>"));
  CHECK(has(book,
            "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">&apos;All "
            "requirements&apos;!$1:$1</definedName>"));
  CHECK(has(book, "<calcPr calcId=\"191029\" fullCalcOnLoad=\"1\"/>"));
  CHECK(has(xlsx["xl/sharedStrings.xml"],
            "<t xml:space=\"preserve\">The camera shall record "
            "&amp; store.</t>"));
}

TEST_CASE("every sheet prints landscape, one page wide, header repeated, with a footer") {
  std::map<std::string, std::string> xlsx = parts(write::render_xlsx(workbook()));
  for (const char* name : {"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"}) {
    const std::string& sheet = xlsx[name];
    CHECK(has(sheet, "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"));
    CHECK(has(sheet,
              "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" "
              "fitToHeight=\"0\"/>"));
    CHECK(has(sheet,
              "<oddFooter>&amp;LCAM-2026, version 1.0.0&amp;RPage &amp;P of "
              "&amp;N</oddFooter>"));
    CHECK(has(sheet,
              "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" "
              "state=\"frozen\"/>"));
    CHECK(has(sheet, "<sheetProtection sheet=\"1\""));
  }
}

TEST_CASE("answers go in one place; the views show them through formulas") {
  std::map<std::string, std::string> xlsx = parts(write::render_xlsx(workbook()));
  const std::string& all = xlsx["xl/worksheets/sheet1.xml"];
  // The answer cells are unlocked (style 4) and offer the choices.
  CHECK(has(all, "<c r=\"C2\" s=\"4\"/>"));
  CHECK(has(all,
            "<dataValidation type=\"list\" errorStyle=\"stop\" allowBlank=\"1\" "
            "showErrorMessage=\"1\" sqref=\"C2:C3\"><formula1>&quot;Compliant,Not "
            "compliant&quot;</formula1></dataValidation>"));
  CHECK(has(all, "<autoFilter ref=\"A1:C3\"/>"));
  const std::string& lot = xlsx["xl/worksheets/sheet2.xml"];
  CHECK(has(lot,
            "<c r=\"C2\" s=\"5\" t=\"str\"><f>IF(&apos;All requirements&apos;!C3=&quot;"
            "&quot;,&quot;&quot;,&apos;All requirements&apos;!C3)</f><v></v></c>"));
  CHECK_FALSE(has(lot, "s=\"4\""));
  CHECK_FALSE(has(lot, "<dataValidation"));
  const std::string& summary = xlsx["xl/worksheets/sheet3.xml"];
  CHECK(has(summary,
            "<f>COUNTIF(&apos;All requirements&apos;!$C$2:$C$3,&quot;Compliant&quot;)"
            "</f><v>0</v>"));
}

TEST_CASE("rows are as high as their wrapped text, columns as wide as their words") {
  std::map<std::string, std::string> xlsx = parts(write::render_xlsx(workbook()));
  const std::string& all = xlsx["xl/worksheets/sheet1.xml"];
  std::size_t second = all.find("<row r=\"2\" ht=\"");
  std::size_t third = all.find("<row r=\"3\" ht=\"");
  REQUIRE(second != std::string::npos);
  REQUIRE(third != std::string::npos);
  double one_line = std::stod(all.substr(second + 15));
  double wrapped = std::stod(all.substr(third + 15));
  CHECK(one_line == doctest::Approx(15.75));
  CHECK(wrapped >= 2 * 12.75);
  CHECK(has(all, "<col min=\"1\" max=\"1\" width=\""));
}

TEST_CASE("the same document gives the same workbook bytes") {
  CHECK(write::render_xlsx(workbook()) == write::render_xlsx(workbook()));
}
