#!/usr/bin/python3
"""Writes one large, valid joint-tender spec for benchmarking `leaspec generate`.

    make_spec.py OUT.yaml [REQUIREMENTS]

The default is 5,000 requirements. The spec has the shape of the bundled examples: three
agencies, a joint procurement, three lots of different nature with their own award where a
real tender has one, references cited with and without clauses, sections of 25 requirements
and short statements (50,000 requirements make about 11 MB). The content is deterministic so that runs compare.
"""
import sys

PRIORITIES = [("mandatory", "shall"), ("recommended", "should"), ("optional", "may")]
VERIFICATION = ["[test]", "[inspection]", "[demonstration]", "[analysis]", "[certification]"]
LOTS = ["[CAM]", "[CAM, SW]", "[SW]", "[SVC]"]
AGENCIES = ["NL-POL", "BE-FPP", "PL-KGP"]
SUBJECTS = ["camera", "docking station", "software", "supplier"]

HEADER = """\
leaspec: 1
id: BENCH-2026
title: Generated joint tender for benchmarking document generation
version: 1.0.0
status: consultation
area: front-line-policing
date: 2026-11-27
summary: >-
  A generated specification used to measure how fast leaspec writes the documents of a
  joint tender of realistic shape and large size.
agencies:
  - {id: NL-POL, name: Politie Nederland, country: NL, role: lead}
  - {id: BE-FPP, name: Police fédérale / Federale politie, country: BE, role: participant}
  - {id: PL-KGP, name: Komenda Główna Policji, country: PL, role: participant}
definitions:
  - {term: recording, definition: Video and audio captured by the camera.}
references:
  - {id: IEC-60529, designation: "IEC 60529:1989+AMD1:1999+AMD2:2013", title: Degrees of protection provided by enclosures (IP Code), type: standard}
  - {id: EN-62676-4, designation: "EN 62676-4:2015", title: Video surveillance systems for use in security applications - Part 4 - Application guidelines, type: standard}
  - {id: LED, designation: Directive (EU) 2016/680, title: Protection of personal data processed for law enforcement purposes, type: legislation}
procurement:
  reference: BENCH-2026-001
  procedure: open
  nature: supplies
  cpv: [35125300-2]
  joint:
    applicable_law: Dutch Public Procurement Act 2012 (Aanbestedingswet 2012)
    lead_authority: NL-POL
    responsibilities:
      - {agency: NL-POL, task: Conducts the procedure and concludes the framework agreement.}
      - {agency: BE-FPP, task: Concludes and manages its own call-off contracts.}
      - {agency: PL-KGP, task: Concludes and manages its own call-off contracts.}
  lots:
    - {id: CAM, title: Cameras, cpv: [35125300-2], quantities: {NL-POL: 5000, BE-FPP: 2500, PL-KGP: 1200}}
    - {id: SW, title: Evidence management software, cpv: [48000000-8], quantities: {NL-POL: 1, BE-FPP: 1}}
    - id: SVC
      title: Maintenance and training
      nature: services
      cpv: [50343000-1]
      quantities: {NL-POL: 1, BE-FPP: 1, PL-KGP: 1}
      award:
        method: best-price-quality-ratio
        criteria:
          - {id: SVC-PRICE, name: Price, type: price, weight: 60, scoring: "points = 60 x lowest price / tendered price"}
          - {id: SVC-QUALITY, name: Service quality, type: quality, weight: 40}
  award:
    method: best-price-quality-ratio
    criteria:
      - {id: PRICE, name: Price, type: price, weight: 60, scoring: "points = 60 x lowest price / tendered price"}
      - {id: QUALITY, name: Quality, type: quality, weight: 40, scoring: Scored by a panel on a scale of 0 to 10.}
sections:
"""


def spec(requirements):
    lines = [HEADER.rstrip("\n")]
    per_section = 25
    for r in range(requirements):
        if r % per_section == 0:
            section = r // per_section
            lines += [f"  - id: S{section:04d}", f"    title: Requirements group {section}",
                      "    requirements:"]
        priority, verb = PRIORITIES[r % 3]
        lot = r % len(LOTS)
        fields = [f"id: BENCH-{r:06d}",
                  f"text: The {SUBJECTS[lot]} {verb} keep working for at least {r + 1} hours.",
                  f"priority: {priority}", f"verification: {VERIFICATION[r % len(VERIFICATION)]}"]
        if r % 4 == 1:
            fields.append('references: [{ref: IEC-60529, clause: "4.2"}]')
        elif r % 4 == 2:
            fields.append("references: [LED]")
        elif r % 4 == 3:
            fields.append("references: [EN-62676-4]")
        fields.append(f"lots: {LOTS[lot]}")
        if r % 4 != 0:
            fields.append(f"requested_by: [{AGENCIES[r % len(AGENCIES)]}]")
        lines.append("      - {" + ", ".join(fields) + "}")
    return "\n".join(lines) + "\n"


def main():
    out = sys.argv[1]
    requirements = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
    with open(out, "w", encoding="utf-8") as f:
        f.write(spec(requirements))


if __name__ == "__main__":
    main()
