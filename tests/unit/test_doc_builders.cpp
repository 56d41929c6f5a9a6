#include <doctest/doctest.h>

#include "helpers.hpp"
#include "leaspec/doc.hpp"

using namespace leaspec;

namespace {

const char* const k_spec = R"(leaspec: 1
id: CAM-2026
title: Cameras
version: 1.0.0
status: draft
area: front-line-policing
summary: Cameras for officers.
agencies:
  - {id: NL-POL, name: Politie, country: NL, role: lead}
  - {id: BE-FPP, name: Federale politie, country: BE, role: participant}
references:
  - {id: IEC-60529, designation: IEC 60529, title: IP Code, type: standard}
  - {id: LED, designation: Directive (EU) 2016/680, title: Police directive, type: legislation}
  - {id: BPM, designation: ENFSI-BPM-FIT-01, title: Best practice, type: guidance}
procurement:
  reference: T-1
  nature: supplies
  cpv: [35125300-2]
  lots:
    - id: LOT-1
      title: Cameras
      quantities: {NL-POL: 10, BE-FPP: 5}
  award:
    method: best-price-quality-ratio
    criteria:
      - {id: PRICE, name: Price, type: price, weight: 100}
sections:
  - id: SEC
    title: Recording
    requirements:
      - id: REQ-1
        text: The camera shall record.
        priority: mandatory
        verification: [test]
        references: [{ref: IEC-60529, clause: 4}]
        requested_by: [BE-FPP]
)";

std::vector<std::string> headings(const doc::Document& document) {
  std::vector<std::string> result;
  for (const doc::Block& block : document.blocks) {
    if (const auto* heading = std::get_if<doc::Heading>(&block)) {
      result.push_back(std::to_string(heading->level) + " " + heading->text);
    }
  }
  return result;
}

/// All the text of a document, one block per line, for searching.
std::string all_text(const doc::Document& document) {
  std::string text;
  auto add = [&](const doc::Inline& runs) {
    for (const doc::Run& run : runs) {
      text += run.text;
    }
    text += "\n";
  };
  for (const doc::Block& block : document.blocks) {
    if (const auto* heading = std::get_if<doc::Heading>(&block)) {
      text += heading->text + "\n";
    } else if (const auto* paragraph = std::get_if<doc::Paragraph>(&block)) {
      add(paragraph->runs);
    } else if (const auto* list = std::get_if<doc::List>(&block)) {
      for (const doc::Inline& item : list->items) {
        add(item);
      }
    } else if (const auto* table = std::get_if<doc::Table>(&block)) {
      for (std::size_t r = 0; r < doc::row_count(document, *table); ++r) {
        for (const doc::Inline& cell : doc::table_row(document, *table, r)) {
          for (const doc::Run& run : cell) {
            text += run.text;
          }
          text += " | ";
        }
        text += "\n";
      }
    }
  }
  return text;
}

struct Built {
  test::Loaded loaded;
  spec::Spec model;
  explicit Built(const std::string& text)
      : loaded(text), model(spec::build(loaded.root(), "cam.yaml")) {}
};

}  // namespace

/// The spec with `from` replaced by `to`.
std::string with(std::string text, const std::string& from, const std::string& to) {
  auto pos = text.find(from);
  REQUIRE_MESSAGE(pos != std::string::npos, "the spec has no \"" << from << "\"");
  return text.replace(pos, from.size(), to);
}

doc::Document annex_of(const std::string& text, const std::string& language = "en") {
  Built built(text);
  doc::Context context{
      doc::Strings::get(language), catalog::Catalogs::bundled(), "abc123", "cam.yaml", {}};
  return doc::build_annex(built.model, context);
}

doc::Document standard_of(const std::string& text, const std::string& language = "en") {
  Built built(text);
  doc::Context context{
      doc::Strings::get(language), catalog::Catalogs::bundled(), "abc123", "cam.yaml", {}};
  return doc::build_standard(built.model, context);
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_CASE("the annex has every part a joint tender needs") {
  doc::Document annex = annex_of(k_spec);
  CHECK(headings(annex) ==
        std::vector<std::string>{"1 1 Subject matter and scope", "1 2 Lots", "2 Lot LOT-1: Cameras",
                                 "1 3 Referenced documents", "1 4 Requirements", "2 4.1 Recording",
                                 "1 5 Award criteria", "1 6 Joint procurement arrangements",
                                 "1 7 Requirements by requesting authority"});
  std::string text = all_text(annex);
  CHECK(contains(text, "Source specification (SHA-256) | cam.yaml\nabc123 |"));
  CHECK(contains(text, "35125300-2 Security cameras"));
  CHECK(contains(text, "Total |  | 15 |"));
  CHECK(contains(text, "IEC 60529, IP Code, or equivalent"));
  // Legislation has no equivalent and is listed apart.
  CHECK(contains(text,
                 "The following legislation applies to what this annex specifies:\n"
                 "Directive (EU) 2016/680, Police directive\n"));
  CHECK(contains(text,
                 "REQ-1 | The camera shall record.\nReferences: IEC 60529, clause 4 | "
                 "Mandatory | Test | All lots |"));
  CHECK(contains(text, "Federale politie | BE | Participant | LOT-1 (5) |"));
  CHECK(contains(text, "Section | BE-FPP | \n4.1 Recording | REQ-1 | \n"));
  CHECK_FALSE(contains(text, "None"));
  CHECK(annex.title == "Annex: Technical specifications: Cameras");
  CHECK(annex.footer == "CAM-2026, version 1.0.0");
  CHECK(annex.page_label == "Page {0} of {1}");
}

TEST_CASE("one contracting authority without procurement data gets no joint wording") {
  std::string text = R"(leaspec: 1
id: X-1
title: Tool
version: "1"
status: draft
area: forensics
agencies: [{id: ES-CGPC, name: Policía Científica, country: ES, role: lead}]
sections: [{id: S, title: Tools, requirements: [{id: R-1, text: The tool shall work., priority: mandatory}]}]
)";
  doc::Document annex = annex_of(text);
  CHECK(headings(annex) == std::vector<std::string>{"1 1 Requirements", "2 1.1 Tools"});
  std::string all = all_text(annex);
  CHECK(contains(all, "Contracting authority | Policía Científica (ES) |"));
  for (const char* joint : {"jointly", "Participating", "Lead", "Article 39", "requesting"}) {
    CHECK_MESSAGE(!contains(all, joint), joint);
  }
}

TEST_CASE("the joint procurement names the applicable law, who conducts it and who does what") {
  std::string text = with(k_spec, "  reference: T-1\n",
                          "  reference: T-1\n  joint:\n    applicable_law: Aanbestedingswet 2012\n"
                          "    lead_authority: NL-POL\n    responsibilities:\n"
                          "      - {agency: BE-FPP, task: Pays its own orders.}\n");
  std::string all = all_text(annex_of(text));
  CHECK(contains(all,
                 "from different Member States, award this contract jointly under Article "
                 "39(4) of Directive 2014/24/EU"));
  CHECK(contains(all,
                 "Applicable national provisions | Aanbestedingswet 2012 | \n"
                 "Procedure conducted by | Politie (NL) | \n"));
  CHECK(contains(all,
                 "Contracting authority | Responsibility | \nFederale politie | Pays its own "
                 "orders. |"));
  // Authorities of one Member State procure jointly under Article 38.
  std::string national = all_text(annex_of(with(text, "country: BE", "country: NL")));
  CHECK(contains(national, "jointly under Article 38 of Directive 2014/24/EU"));
  CHECK_FALSE(contains(national, "39(4)"));
  // Without the arrangements the annex says where they are, and claims nothing.
  CHECK(contains(all_text(annex_of(k_spec)),
                 "The contracting authorities below procure jointly. "
                 "Their agreement on the applicable national"));
}

TEST_CASE("award criteria per lot, with their scoring method") {
  std::string text =
      with(k_spec, "      quantities: {NL-POL: 10, BE-FPP: 5}\n",
           "      quantities: {NL-POL: 10, BE-FPP: 5}\n    - id: LOT-2\n      title: Repairs\n"
           "      nature: services\n      quantities: {NL-POL: 1}\n      award:\n"
           "        method: lowest-price\n        criteria:\n"
           "          - {id: REPAIR-PRICE, name: Price, type: price, weight: 100, scoring: "
           "points = 100 x lowest / tendered}\n");
  doc::Document annex = annex_of(text);
  std::vector<std::string> titles = headings(annex);
  CHECK(std::find(titles.begin(), titles.end(), "2 Lot LOT-1") != titles.end());
  CHECK(std::find(titles.begin(), titles.end(), "2 Lot LOT-2") != titles.end());
  std::string all = all_text(annex);
  CHECK(contains(all,
                 "Award method: Best price-quality ratio\nId | Criterion | Type | Weight | \n"
                 "PRICE | Price | Price | 100\xC2\xA0% | \n"));
  CHECK(contains(all,
                 "Award method: Lowest price\nId | Criterion | Type | Weight | Scoring method "
                 "| \nREPAIR-PRICE | Price | Price | 100\xC2\xA0% | points = 100 x lowest / "
                 "tendered | \n"));
  CHECK(contains(all, "Nature of the contract | Services |"));
}

TEST_CASE("the draft standard follows the ISO/IEC Directives and leaves procurement out") {
  doc::Document standard = standard_of(k_spec);
  CHECK(headings(standard) ==
        std::vector<std::string>{"1 Foreword", "1 1 Scope", "1 2 Normative references",
                                 "1 3 Terms and definitions", "1 4 Recording",
                                 "1 Annex A (informative) Verification methods", "1 Bibliography"});
  std::string text = all_text(standard);
  CHECK(contains(text,
                 "No terms and definitions are listed in this document.\nISO and IEC "
                 "maintain terminology databases for use in standardization at the "
                 "following addresses:\nISO Online browsing platform: available at "
                 "https://www.iso.org/obp\n"));
  CHECK(contains(text, "4.1\t[REQ-1] The camera shall record. (IEC 60529, Clause 4)"));
  // Clause 2 holds the standard a clause cites, dated; the Bibliography the guidance and the
  // legislation nobody may make normative.
  CHECK(contains(text,
                 "For undated references, the latest edition of the referenced document "
                 "(including any amendments) applies.\nIEC 60529, IP Code\n"));
  CHECK(contains(text,
                 "Bibliography\nDirective (EU) 2016/680, Police directive\n"
                 "ENFSI-BPM-FIT-01, Best practice\n"));
  for (const char* procurement : {"LOT-1", "T-1", "Price", "35125300-2", "Quantity", "None"}) {
    CHECK_MESSAGE(!contains(text, procurement), procurement);
  }
  CHECK(contains(text, "It is not a European Standard."));
  CHECK(contains(text,
                 "shall not be held responsible for identifying any or all such patent "
                 "rights."));
}

TEST_CASE("normative references: only what requirements cite, dated when a clause is cited") {
  std::string text = with(k_spec, "  - {id: BPM,",
                          "  - {id: EN-1, designation: \"EN 62676-4:2015\", title: Video, type: "
                          "standard}\n  - {id: EN-2, designation: \"EN 50132-5-1:2011\", title: "
                          "Transmission, type: standard}\n  - {id: BPM,");
  text = with(text, "references: [{ref: IEC-60529, clause: 4}]",
              "references: [{ref: IEC-60529, clause: 4}, EN-1, LED]");
  std::string standard = all_text(standard_of(text));
  CHECK(contains(standard, "applies.\nIEC 60529, IP Code\nEN 62676-4, Video\n3 Terms"));
  CHECK(contains(standard, "(IEC 60529, Clause 4; EN 62676-4; Directive (EU) 2016/680)"));
  CHECK(contains(standard,
                 "Bibliography\nDirective (EU) 2016/680, Police directive\n"
                 "EN 50132-5-1:2011, Transmission\nENFSI-BPM-FIT-01, Best practice\n"));
}

/// The spec as a common standard of the given deliverable and stage.
std::string as_standard(const std::string& block) {
  return with(k_spec, "summary: Cameras for officers.\n",
              "summary: Cameras for officers.\nstandard:\n" + block);
}

TEST_CASE("the foreword of each deliverable follows the CEN-CENELEC Internal Regulations") {
  std::string en = all_text(standard_of(
      as_standard("  deliverable: EN\n  number: \"EN 17999:2027\"\n  committee: CEN/TC 391\n"
                  "  secretariat: NEN\n  stage: published\n  introduction: Why cameras.\n")));
  CHECK(contains(en,
                 "This document (EN 17999:2027) has been prepared by Technical Committee "
                 "CEN/TC 391, the secretariat of which is held by NEN.\n"));
  CHECK(contains(en, "This European Standard shall be given the status of a national standard"));
  CHECK(contains(en,
                 "CEN shall not be held responsible for identifying any or all such patent "
                 "rights.\n"));
  CHECK(contains(en, "are bound to implement this European Standard: Austria, Belgium,"));
  CHECK(contains(en, "Introduction\nWhy cameras.\n1 Scope\n"));

  std::string pren = all_text(
      standard_of(as_standard("  deliverable: prEN\n  committee: CEN/TC 391\n  stage: enquiry\n")));
  CHECK(contains(pren,
                 "This document (CAM-2026) has been prepared by Technical Committee CEN/TC "
                 "391.\nThis document is currently submitted to the CEN Enquiry.\n"));
  CHECK_FALSE(contains(pren, "bound to implement"));

  std::string ts = all_text(standard_of(as_standard(
      "  deliverable: TS\n  number: CEN/TS 17998\n  committee: CEN/TC 391\n  stage: published\n")));
  CHECK(contains(ts, "are bound to announce this Technical Specification: Austria,"));

  std::string tr = all_text(standard_of(
      as_standard("  deliverable: TR\n  committee: CEN/TC 391\n  stage: working-draft\n")));
  CHECK(contains(tr,
                 "It is subject to change without notice and may not be referred to as a "
                 "Technical Report.\n"));
  CHECK_FALSE(contains(tr, "bound to"));

  std::string cwa = all_text(standard_of(
      as_standard("  deliverable: CWA\n  number: CWA 17997:2026\n  committee: CEN/WS BWV\n"
                  "  secretariat: NEN\n  chair: Anouk de Vries\n  stage: published\n")));
  CHECK(contains(cwa, "CWA 17997:2026 has been developed in accordance with CEN-CENELEC Guide 29"));
  CHECK(contains(cwa,
                 "It has been drafted in the Workshop CEN/WS BWV. The secretariat of the "
                 "Workshop is held by NEN. The Workshop is chaired by Anouk de Vries.\n"));
  CHECK(contains(cwa, "CEN-CENELEC Guide 8"));
  CHECK(contains(cwa,
                 "should not be construed as legal advice authoritatively endorsed by "
                 "CEN/CENELEC."));
  CHECK_FALSE(contains(cwa, "Technical Committee"));
}

TEST_CASE("a standard without references or terms says so in the standard wording") {
  Built built(R"(leaspec: 1
id: X-1
title: T
version: "1"
status: draft
area: forensics
sections: [{id: S, title: S, requirements: [{id: R-1, text: The tool shall work., priority: mandatory}]}]
)");
  doc::Context context{doc::Strings::get("de"), catalog::Catalogs::bundled(), "", "x.yaml", {}};
  doc::Document document = doc::build_standard(built.model, context);
  std::string standard = all_text(document);
  CHECK(contains(standard, "Dieses Dokument enthält keine normativen Verweisungen."));
  CHECK(contains(standard, "In diesem Dokument sind keine Begriffe aufgeführt."));
  CHECK(contains(standard,
                 "Dieses Dokument legt die Anforderungen fest, die unter dem Titel „T“ "
                 "aufgeführt sind."));
  // No verification methods, no rationale, no references: no annexes, no Bibliography.
  CHECK(headings(document) == std::vector<std::string>{"1 Vorwort", "1 1 Anwendungsbereich",
                                                       "1 2 Normative Verweisungen", "1 3 Begriffe",
                                                       "1 4 S"});
}

TEST_CASE("the compliance matrix: one place to answer, lot sheets that show it") {
  std::string text =
      with(k_spec, "      quantities: {NL-POL: 10, BE-FPP: 5}\n",
           "      quantities: {NL-POL: 10, BE-FPP: 5}\n    - id: LOT-2\n      title: Repairs\n"
           "      quantities: {NL-POL: 1}\n");
  text = with(text, "        requested_by: [BE-FPP]\n",
              "        requested_by: [BE-FPP]\n        lots: [LOT-1]\n      - id: REQ-2\n"
              "        text: The supplier shall repair.\n        priority: mandatory\n"
              "        lots: [LOT-2]\n");
  Built built(text);
  doc::Context context{
      doc::Strings::get("en"), catalog::Catalogs::bundled(), "abc", "cam.yaml", {}};
  doc::Document matrix = doc::build_matrix(built.model, context);
  CHECK(headings(matrix) ==
        std::vector<std::string>{"1 All requirements", "1 Lot LOT-1", "1 Lot LOT-2", "1 Summary"});
  std::vector<const doc::Table*> tables;
  for (const doc::Block& block : matrix.blocks) {
    if (const auto* table = std::get_if<doc::Table>(&block)) {
      tables.push_back(table);
    }
  }
  REQUIRE(tables.size() == 4);
  CHECK(tables[0]->input_columns == std::vector<std::size_t>{7, 8, 9});
  for (std::size_t lot : {1, 2}) {
    REQUIRE(tables[lot]->view);
    CHECK(tables[lot]->view->source == 1);
    CHECK(tables[lot]->input_columns.empty());
  }
  CHECK(tables[1]->view->rows == std::vector<std::size_t>{1});
  CHECK(tables[2]->view->rows == std::vector<std::size_t>{2});
  CHECK(doc::table_row(matrix, *tables[2], 1)[0][0].text == "REQ-2");
  const doc::Run& count = doc::table_row(matrix, *tables[3], 1)[2][0];
  CHECK(count.formula ==
        "COUNTIFS('All requirements'!$D$2:$D$3,\"Mandatory\",'All requirements'!$H$2:$H$3,"
        "\"Compliant\")");
}
