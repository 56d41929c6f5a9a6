#include <cstdio>
#include <filesystem>
#include <fstream>

#include <doctest/doctest.h>

#include "leaspec/import.hpp"
#include "leaspec/write.hpp"

using namespace leaspec;

namespace {

constexpr const char* k_rels =
    R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)";

constexpr const char* k_workbook =
    R"(<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
    R"(<sheets><sheet name="Alle eisen" sheetId="1" r:id="rId1"/><sheet name="Perceel LOT-1" sheetId="2" r:id="rId2"/></sheets></workbook>)";

constexpr const char* k_workbook_rels =
    R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>)"
    R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/>)"
    R"(<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>)";

// Dutch headers as shared strings, one of them in rich-text runs.
constexpr const char* k_shared =
    R"(<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
    R"(<si><t>Id</t></si><si><r><t>Priori</t></r><r><t>teit</t></r></si><si><t>Conformiteit</t></si>)"
    R"(<si><t>Toelichting</t></si><si><t>Verplicht</t></si><si><t>Voldoet niet</t></si></sst>)";

// Row 1 a title, row 3 the header; answers in shared and inline strings, one left empty.
constexpr const char* k_sheet1 =
    R"(<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)"
    R"(<row r="1"><c r="A1" t="inlineStr"><is><t>Conformiteitsmatrix</t></is></c></row>)"
    R"(<row r="3"><c r="B3" t="s"><v>0</v></c><c r="C3" t="s"><v>1</v></c><c r="E3" t="s"><v>2</v></c><c r="F3" t="s"><v>3</v></c></row>)"
    R"(<row r="4"><c r="B4" t="inlineStr"><is><t>R-1</t></is></c><c r="C4" t="s"><v>4</v></c><c r="E4" t="s"><v>5</v></c><c r="F4" t="inlineStr"><is><t>Te duur</t></is></c></row>)"
    R"(<row r="5"><c r="B5" t="inlineStr"><is><t>R-2</t></is></c><c r="C5" t="s"><v>4</v></c></row>)"
    R"(<row r="6"><c r="B6" t="inlineStr"><is><t>R-3</t></is></c><c r="C6" t="inlineStr"><is><t>Optioneel</t></is></c><c r="E6" t="inlineStr"><is><t>misschien</t></is></c></row>)"
    R"(<row r="7"><c r="B7" t="inlineStr"><is><t>R-4</t></is></c><c r="C7" t="s"><v>4</v></c><c r="E7" t="inlineStr"><is><t>Compliant</t></is></c></row>)"
    R"(</sheetData></worksheet>)";

// A lot sheet whose answers are formulas (a view of the first sheet), and one literal answer
// that contradicts the first sheet.
constexpr const char* k_sheet2 =
    R"(<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)"
    R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>2</v></c><c r="C1" t="s"><v>1</v></c></row>)"
    R"(<row r="2"><c r="A2" t="inlineStr"><is><t>R-1</t></is></c><c r="B2" t="str"><f>'Alle eisen'!E4</f><v>Compliant</v></c></row>)"
    R"(<row r="3"><c r="A3" t="inlineStr"><is><t>R-4</t></is></c><c r="B3" t="inlineStr"><is><t>Not compliant</t></is></c></row>)"
    R"(</sheetData></worksheet>)";

std::string write_matrix(const std::string& name) {
  std::string bytes = write::make_zip({{"_rels/.rels", k_rels},
                                       {"xl/workbook.xml", k_workbook},
                                       {"xl/_rels/workbook.xml.rels", k_workbook_rels},
                                       {"xl/sharedStrings.xml", k_shared},
                                       {"xl/worksheets/sheet1.xml", k_sheet1},
                                       {"xl/worksheets/sheet2.xml", k_sheet2}},
                                      {});
  std::string path = (std::filesystem::temp_directory_path() / name).string();
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

}  // namespace

TEST_CASE("a filled-in matrix is read by its header texts, in any bundled language") {
  std::string path = write_matrix("leaspec-test-acme.xlsx");
  DiagnosticSink sink;
  import::BidderAnswers answers = import::read_answers(path, sink);
  std::remove(path.c_str());
  CHECK(answers.bidder == "leaspec-test-acme");
  REQUIRE(answers.rows.size() == 4);
  CHECK(answers.rows[0].id == "R-1");
  CHECK(answers.rows[0].priority == spec::Priority::mandatory);
  CHECK(answers.rows[0].answer == import::Answer::not_compliant);
  CHECK(answers.rows[0].response == "Te duur");
  CHECK(answers.rows[0].cell == "E4");
  CHECK(answers.rows[1].answer == import::Answer::empty);
  CHECK(answers.rows[2].priority == spec::Priority::optional);
  CHECK(answers.rows[2].answer == import::Answer::unclear);
  CHECK(answers.rows[3].answer == import::Answer::compliant);
  std::vector<std::string> not_met;
  for (const import::AnswerRow* row : import::mandatory_not_met(answers)) {
    not_met.push_back(row->id);
  }
  CHECK(not_met == std::vector<std::string>{"R-1", "R-2"});
  REQUIRE(sink.diagnostics().size() == 2);
  CHECK(sink.diagnostics()[0].message ==
        "Alle eisen!E6: \"misschien\" is not one of the matrix's answers (Compliant, Partially "
        "compliant, Not compliant); R-3 counts as unclear");
  CHECK(sink.diagnostics()[1].message ==
        "R-4 is answered \"Compliant\" in Alle eisen!E7 and \"Not compliant\" in Perceel "
        "LOT-1!B3; the first counts");
}

TEST_CASE("a workbook without a matrix, and a file that is no workbook, are reported") {
  std::string path = (std::filesystem::temp_directory_path() / "leaspec-test-empty.xlsx").string();
  std::ofstream(path, std::ios::binary)
      << write::make_zip({{"xl/workbook.xml", "<workbook><sheets/></workbook>"}}, {});
  DiagnosticSink sink;
  import::BidderAnswers answers = import::read_answers(path, sink);
  CHECK(answers.rows.empty());
  REQUIRE(sink.diagnostics().size() == 1);
  CHECK(sink.diagnostics()[0].rule == "answers-matrix");
  std::ofstream(path, std::ios::binary) << "not a zip";
  CHECK_THROWS_WITH(import::read_answers(path, sink),
                    doctest::Contains("is not a readable zip archive"));
  std::remove(path.c_str());
}
