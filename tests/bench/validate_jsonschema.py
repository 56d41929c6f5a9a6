#!/usr/bin/python3
"""Validates JSON files against a JSON Schema with Debian's python3-jsonschema, the way a CI
job would: one process, the schema compiled once, formats checked. Prints the invalid ones.

    validate_jsonschema.py SCHEMA FILE...
"""
import json
import sys

import jsonschema


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    validator_class = jsonschema.validators.validator_for(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    invalid = 0
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            errors = list(validator.iter_errors(json.load(f)))
        if errors:
            invalid += 1
            print(f"{path}: {errors[0].message}")
    sys.exit(1 if invalid else 0)


if __name__ == "__main__":
    main()
