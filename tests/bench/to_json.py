#!/usr/bin/python3
"""Converts the YAML corpus to JSON with leaspec's typing (dates stay strings), so that every
validator reads the same data.   to_json.py IN_DIR OUT_DIR"""
import json
import os
import sys

import yaml


class CoreLoader(yaml.SafeLoader):
    """YAML 1.2 core schema: timestamps stay strings, as leaspec reads them."""


CoreLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

for name in sorted(os.listdir(sys.argv[1])):
    with open(os.path.join(sys.argv[1], name), encoding="utf-8") as f:
        data = yaml.load(f, Loader=CoreLoader)
    with open(os.path.join(sys.argv[2], name.replace(".yaml", ".json")), "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False)
