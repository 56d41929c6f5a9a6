#pragma once
// A spec that uses every key of the format, for tests that must see every field.

#include <string_view>

namespace leaspec::test {

constexpr std::string_view k_full_spec = R"YAML(leaspec: 1
id: BWV-T-2027
title: Body-worn video for front-line policing
version: "1.10"
status: consultation
area: front-line-policing
date: "2027-03-01"
language: en
summary: Cameras worn by officers, their docking stations and the evidence software.
standard:
  deliverable: CWA
  number: CWA 99999
  committee: CEN/WS BWV
  secretariat: NEN
  chair: A. Chair
  stage: enquiry
  introduction: Police forces record encounters with cameras worn on the uniform.
  scope: This document specifies requirements for body-worn video cameras.
conforms_to:
  - {standard: BWV-EU, version: "1.0"}
authors:
  - {name: Jan de Vries, organisation: Politie Nederland}
agencies:
  - {id: NL-POL, name: Politie Nederland, country: NL, role: lead}
  - {id: PL-KGP, name: "Komenda Główna Policji", country: PL, role: participant}
definitions:
  - {term: body-worn camera, definition: A camera worn on the body of an officer., source: "ISO 22311:2012, 3.2"}
references:
  - {id: IEC-60529, designation: "IEC 60529:1989+AMD1:1999+AMD2:2013", title: IP Code, type: standard}
  - {id: LED, designation: Directive (EU) 2016/680, title: Law Enforcement Directive, type: legislation}
  - {id: NOTYPE, designation: ETSI EN 303 645, title: Cyber security for consumer IoT}
procurement:
  reference: NL-2027-001
  procedure: open
  nature: supplies
  framework_agreement: true
  duration_months: 48
  cpv: [35125300-2, 48000000-8]
  lots:
    - id: LOT-1
      title: Cameras
      cpv: [35125300-2]
      quantities: {NL-POL: 5000, PL-KGP: 1200}
      estimated_value: {amount: 2500000, currency: EUR}
    - id: LOT-2
      title: Maintenance
      nature: services
      quantities: {NL-POL: 1}
      award:
        method: lowest-price
        criteria:
          - {id: L2-PRICE, name: Price, type: price, weight: 100, scoring: "points = 100 x lowest price / price"}
  award:
    method: best-price-quality-ratio
    criteria:
      - {id: PRICE, name: Price, type: price, weight: 40, scoring: "points = 40 x lowest price / price"}
      - {id: QUALITY, name: Image quality, type: quality, weight: 60, requirements: [VID-001]}
  joint:
    applicable_law: Dutch Public Procurement Act 2012 (Aanbestedingswet 2012)
    lead_authority: NL-POL
    responsibilities:
      - {agency: NL-POL, task: conducts the procedure and awards the framework agreement}
      - {agency: PL-KGP, task: concludes and manages its own call-off contracts}
sections:
  - id: VID
    title: Video
    intro: Recording of video.
    requirements:
      - id: VID-001
        text: The camera shall record video at 1920 x 1080 pixels or more.
        priority: mandatory
        kind: performance
        verification: [test, inspection]
        metric: {parameter: vertical resolution, op: ">=", value: 1080, unit: px}
        references: [IEC-60529, {ref: LED, clause: "4.1"}]
        lots: [LOT-1]
        requested_by: [NL-POL, PL-KGP]
        implements: [BWV-EU-VID-001]
        rationale: Faces must be recognisable at 3 m.
        note: Measured with the test chart of the annex.
        tags: [video, image-quality]
        lint_ignore: [missing-metric]
    sections:
      - id: ENV
        title: Environment
        requirements:
          - id: ENV-001
            text: The camera shall operate from -20 °C to +50 °C.
            priority: mandatory
            kind: environmental
            metric: {parameter: operating temperature, min: -20, max: 50, range: cover, unit: °C}
            depends_on: [VID-001]
          - id: ENV-002
            text: "The camera should weigh between 100 g and 150.5 g: \"light\"."
            priority: recommended
            metric: {parameter: weight, min: 100, max: 150.5, unit: g}
  - id: SVC
    title: Service
    requirements:
      - id: SVC-001
        text: The supplier may offer training.
        priority: optional
        kind: training
)YAML";

}  // namespace leaspec::test
