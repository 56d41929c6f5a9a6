#!/usr/bin/python3
"""Writes a corpus of synthetic but valid specs for benchmarking `leaspec validate`.

    make_corpus.py OUT_DIR [FILES] [REQUIREMENTS_PER_FILE]

The default, 300 files of 90 requirements (27,000 requirements, about 10 MB), is the
documented workload. Requirements vary the way written specs do: block and quoted scalars,
comments, rationales, notes, tags and dependencies. The content is deterministic so that runs
compare.
"""
import os
import sys

AREAS = ["front-line-policing", "cross-border-crime", "cybercrime", "crime-and-intelligence",
         "forensics"]
PRIORITIES = [("mandatory", "shall"), ("recommended", "should"), ("optional", "may")]
KINDS = ["functional", "performance", "security", "privacy", "interoperability"]


def spec(index, requirements):
    lines = [
        "leaspec: 1",
        f"id: BENCH-{index:04d}",
        f"title: Benchmark specification number {index}",
        "version: 1.0.0",
        "status: draft",
        f"area: {AREAS[index % len(AREAS)]}",
        "date: 2026-11-27",
        "summary: >-",
        "  A generated specification used to measure how fast leaspec validates files of",
        "  a realistic shape and size.",
        "agencies:",
        "  - {id: NL-POL, name: Politie Nederland, country: NL, role: lead}",
        "  - {id: BE-FPP, name: Federale politie, country: BE, role: participant}",
        "references:",
        "  - {id: IEC-60529, designation: IEC 60529, title: Degrees of protection, type: standard}",
        "procurement:",
        "  procedure: open",
        "  nature: supplies",
        "  cpv: [35125300-2]",
        "  lots:",
        "    - id: LOT-1",
        "      title: Devices",
        "      quantities: {NL-POL: 100, BE-FPP: 50}",
        "  award:",
        "    method: best-price-quality-ratio",
        "    criteria:",
        "      - {id: PRICE, name: Price, type: price, weight: 60}",
        "      - {id: QUALITY, name: Quality, type: quality, weight: 40}",
        "sections:",
    ]
    per_section = 10
    for r in range(requirements):
        if r % per_section == 0:
            section = r // per_section
            lines += [f"  - id: S{section}", f"    title: Section {section}", "    requirements:"]
        priority, verb = PRIORITIES[r % 3]
        lines += [
            f"      - id: BENCH-{index:04d}-{r:03d}",
            f"        text: The device {verb} keep working for at least {r + 1} hours on one charge.",
            f"        priority: {priority}",
            f"        kind: {KINDS[r % len(KINDS)]}",
            "        verification: [test, inspection]",
            f"        metric: {{parameter: endurance {r}, op: \">=\", value: {r + 1}, unit: h}}",
            "        references: [{ref: IEC-60529, clause: \"4.2\"}]",
            "        lots: [LOT-1]",
            "        requested_by: [NL-POL, BE-FPP]",
        ]
        if r % 3 == 0:
            lines += [
                "        rationale: >-",
                "          Officers work shifts of up to twelve hours and cannot recharge the",
                f"          device in the field; measured at {20 + r % 15} degrees Celsius.",
            ]
        if r % 5 == 1:
            lines.append(f"        note: \"Agreed at the meeting of {1 + r % 28} March; see minutes.\"")
        if r % 4 == 2:
            lines.append(f"        tags: [battery, field-use, lot-{1 + r % 3}]  # reviewed")
        if r % per_section > 0 and r % 2 == 0:
            lines.append(f"        depends_on: [BENCH-{index:04d}-{r - 1:03d}]")
    return "\n".join(lines) + "\n"


def main():
    out = sys.argv[1]
    files = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    requirements = int(sys.argv[3]) if len(sys.argv) > 3 else 90
    os.makedirs(out, exist_ok=True)
    for index in range(files):
        with open(os.path.join(out, f"spec-{index:04d}.yaml"), "w", encoding="utf-8") as f:
            f.write(spec(index, requirements))


if __name__ == "__main__":
    main()
