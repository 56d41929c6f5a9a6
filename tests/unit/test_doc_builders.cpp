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
      for (const auto& row : table->rows) {
        for (const doc::Inline& cell : row) {
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

TEST_CASE("the annex has every part a joint tender needs") {
  Built built(k_spec);
  doc::Context context{
      doc::Strings::get("en"), catalog::Catalogs::bundled(), "abc123", "cam.yaml", {}};
  doc::Document annex = doc::build_annex(built.model, context);
  CHECK(headings(annex) ==
        std::vector<std::string>{"1 1 Subject matter and scope", "1 2 Lots", "2 Lot LOT-1: Cameras",
                                 "1 3 Normative references", "1 4 Requirements", "2 4.1 Recording",
                                 "1 5 Award criteria", "1 6 Joint procurement arrangements",
                                 "1 7 Requirements by requesting authority"});
  std::string text = all_text(annex);
  CHECK(text.find("cam.yaml abc123") != std::string::npos);
  CHECK(text.find("35125300-2 Security cameras") != std::string::npos);
  CHECK(text.find("Total |  | 15 |") != std::string::npos);
  CHECK(text.find("IEC 60529, IP Code, or equivalent") != std::string::npos);
  // Legislation has no equivalent.
  CHECK(text.find("Police directive, or equivalent") == std::string::npos);
  CHECK(text.find("REQ-1 | The camera shall record. | Mandatory | Test | IEC 60529, clause 4 | All "
                  "lots |") != std::string::npos);
  CHECK(text.find("Federale politie | BE | Participant | LOT-1 (5) |") != std::string::npos);
  CHECK(text.find("REQ-1 |  | \xE2\x9C\x93 |") != std::string::npos);
  CHECK(annex.title == "Annex: Technical specifications: Cameras");
}

TEST_CASE("the draft standard follows the CEN/ISO structure and leaves procurement out") {
  Built built(k_spec);
  doc::Context context{
      doc::Strings::get("en"), catalog::Catalogs::bundled(), "abc", "cam.yaml", {}};
  doc::Document standard = doc::build_standard(built.model, context);
  CHECK(headings(standard) ==
        std::vector<std::string>{"1 Foreword", "1 Introduction", "1 1 Scope",
                                 "1 2 Normative references", "1 3 Terms and definitions",
                                 "1 4 Recording", "1 Annex A (informative)", "1 Bibliography"});
  std::string text = all_text(standard);
  CHECK(text.find("No terms and definitions are listed in this document.") != std::string::npos);
  CHECK(text.find("4.1\tThe camera shall record. [REQ-1]") != std::string::npos);
  CHECK(text.find("ENFSI-BPM-FIT-01") != std::string::npos);
  for (const char* procurement : {"LOT-1", "T-1", "Price", "35125300-2", "Quantity"}) {
    CHECK_MESSAGE(text.find(procurement) == std::string::npos, procurement);
  }
}

TEST_CASE("a standard without references says so in the standard wording") {
  Built built(R"(leaspec: 1
id: X-1
title: T
version: "1"
status: draft
area: forensics
sections: [{id: S, title: S, requirements: [{id: R-1, text: The tool shall work., priority: mandatory}]}]
)");
  doc::Context context{doc::Strings::get("de"), catalog::Catalogs::bundled(), "", "x.yaml", {}};
  std::string standard = all_text(doc::build_standard(built.model, context));
  CHECK(standard.find("Dieses Dokument enthält keine normativen Verweisungen.") !=
        std::string::npos);
  CHECK(standard.find("In diesem Dokument sind keine Begriffe aufgeführt.") != std::string::npos);
}
