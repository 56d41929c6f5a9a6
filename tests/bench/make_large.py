#!/usr/bin/python3
"""Writes one large synthetic but valid spec, for measuring memory at scale.

    make_large.py OUT.yaml [REQUIREMENTS] [--agency ID:CC] [--revision N] [--vague]

The default is 50,000 requirements (about 10 MB; every fifth has a metric) bought by NL-POL. --agency names the lead
agency instead, so that two files merge as two agencies' wish lists; --revision 2 writes the
next version of the same spec (statements reworded, bounds and priorities changed,
requirements removed and added), so that two files diff. --vague puts a vague word in every
statement, so that every requirement has a finding. The content is deterministic.
"""
import argparse

PRIORITIES = [("mandatory", "shall"), ("recommended", "should"), ("optional", "may")]
KINDS = ["functional", "security", "privacy", "interoperability"]
PER_SECTION = 100


def requirement(r, revision, vague=False):
    """The lines of requirement r in the given revision, or [] when the revision drops it."""
    if revision > 1 and r % 1000 == 999:
        return []
    priority, verb = PRIORITIES[r % 3]
    if revision > 1 and r % 7 == 0:
        priority, verb = PRIORITIES[0]
    hours = r % 500 + 1
    if revision > 1 and r % 50 == 0:
        hours += 1
    wording = "stored recordings" if revision > 1 and r % 10 == 0 else "recordings"
    lines = [
        f"      - id: BIG-{r:06d}",
        f"        text: The {'user-friendly ' if vague else ''}camera {verb} keep {wording} of incident type {r} for at least "
        f"{hours} hours after the end of the shift.",
        f"        priority: {priority}",
        f"        kind: {'performance' if r % 5 == 0 else KINDS[r % len(KINDS)]}",
    ]
    if r % 5 == 0:
        lines.append(f"        metric: {{parameter: retention {r}, op: \">=\", value: {hours}, "
                     "unit: h}")
    return lines


def spec(requirements, agency, country, revision, vague=False):
    lines = [
        "leaspec: 1",
        "id: BIG-2027",
        "title: A very large specification",
        f"version: {revision}.0.0",
        "status: draft",
        "area: forensics",
        "date: 2026-11-27",
        "agencies:",
        f"  - {{id: {agency}, name: Agency {agency}, country: {country}, role: lead}}",
        "procurement:",
        "  procedure: open",
        "  nature: supplies",
        "  cpv: [35125300-2]",
        "  lots:",
        "    - id: LOT-1",
        "      title: Cameras",
        f"      quantities: {{{agency}: 100}}",
        "sections:",
    ]
    added = 20 if revision > 1 else 0
    for r in range(requirements + added):
        if r % PER_SECTION == 0:
            section = r // PER_SECTION
            lines += [f"  - id: S{section:04d}", f"    title: Section {section}",
                      "    requirements:"]
        lines += requirement(r, revision, vague)
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("requirements", nargs="?", type=int, default=50000)
    parser.add_argument("--agency", default="NL-POL:NL")
    parser.add_argument("--revision", type=int, default=1)
    parser.add_argument("--vague", action="store_true")
    args = parser.parse_args()
    agency, country = args.agency.split(":")
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(spec(args.requirements, agency, country, args.revision, args.vague))


if __name__ == "__main__":
    main()
