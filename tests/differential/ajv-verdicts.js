// The ajv side of the differential test: reads a manifest of schemas and documents (written
// by run.py) and prints, as JSON, ajv's verdict on every document:
//   {"SCHEMA NAME": {"DOCUMENT PATH": {"valid": true|false, "error": "first error"}}}
// The ajv class follows the schema's $schema (draft-04, -06/-07, 2019-09, 2020-12); formats
// are assertions, with ajv-formats' full set, as leaspec asserts the formats it knows.
//   node ajv-verdicts.js MANIFEST.json
"use strict";
const fs = require("fs");
const path = require("path");

const modules = path.join(__dirname, "node_modules");
const load = (name) => require(path.join(modules, name));
const addFormats = load("ajv-formats");

// newAjv(schema): an ajv instance for the dialect that the schema's $schema names.
function newAjv(schema) {
  const options = { strict: false, allErrors: false, validateFormats: true, logger: false };
  const dialect = String(schema.$schema || "https://json-schema.org/draft/2020-12/schema");
  let ajv;
  if (dialect.includes("draft-04")) {
    const Ajv04 = load("ajv-draft-04");
    ajv = new Ajv04(options);
  } else if (dialect.includes("2019-09")) {
    const Ajv2019 = load("ajv/dist/2019");
    ajv = new Ajv2019(options);
  } else if (dialect.includes("2020-12")) {
    const Ajv2020 = load("ajv/dist/2020");
    ajv = new Ajv2020(options);
  } else {
    const Ajv = load("ajv");
    ajv = new Ajv(options);
    if (dialect.includes("draft-06")) {
      ajv.addMetaSchema(load("ajv/dist/refs/json-schema-draft-06.json"));
    }
  }
  addFormats(ajv);
  return ajv;
}

const readJson = (file) => JSON.parse(fs.readFileSync(file, "utf8"));

const manifest = readJson(process.argv[2]);
const verdicts = {};
for (const entry of manifest.schemas) {
  const schema = readJson(entry.schema);
  const ajv = newAjv(schema);
  for (const ref of entry.refs) {
    const document = readJson(ref);
    const id = document.$id || document.id;
    // A meta-schema the ajv class already has is not added again.
    if (!id || !ajv.getSchema(id)) {
      ajv.addSchema(document);
    }
  }
  // A meta-schema is validated by the one the ajv class already holds under its $id.
  const id = schema.$id || schema.id;
  const validate = (id && ajv.getSchema(id)) || ajv.compile(schema);
  const results = {};
  for (const file of entry.documents) {
    const valid = validate(readJson(file));
    const first = valid ? "" : validate.errors[0];
    results[file] = {
      valid,
      error: valid ? "" : `${first.instancePath || "/"} ${first.message}`,
    };
  }
  verdicts[entry.name] = results;
}
process.stdout.write(JSON.stringify(verdicts, null, 1) + "\n");
