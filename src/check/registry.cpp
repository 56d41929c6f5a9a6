// The registry of every rule leaspec reports: id, default severity, group, a one-line summary
// and the help a user reads to act on a finding. `leaspec rules`, the SARIF report and the
// manual page all show these same texts.
#include "leaspec/check/rules.hpp"

namespace leaspec::check {

const std::vector<RuleInfo>& rules() {
  using enum Severity;
  static const std::vector<RuleInfo> k_rules = {
      // Loading.
      {"unreadable", error, "loading",
       "a file or folder found in a search cannot be read (exit code 2)",
       "Give the user who runs leaspec read permission on the file or folder, or leave it "
       "out of the paths checked.",
       false},
      {"yaml-syntax", error, "loading", "the file is not well-formed YAML",
       "The YAML parser stopped here. Check the indentation, that every \"[\" and \"{\" is "
       "closed, and quote texts that contain \": \" or start with a special character.",
       false},
      {"duplicate-key", error, "loading", "a key appears twice in one mapping",
       "YAML keeps only one of the two values, so one of them would be lost. Remove or rename "
       "one of the keys.",
       false},
      {"invalid-utf8", error, "loading", "the file is not valid UTF-8",
       "Save the file as UTF-8; the byte at this position is not part of a UTF-8 character.",
       false},
      {"tab-indent", error, "loading", "a tab is used for indentation",
       "YAML indents with spaces only. Replace the tab with spaces.", false},
      {"empty-file", error, "loading", "the file holds no document",
       "The file is empty or holds only comments. Write a spec in it or remove it.", false},
      {"multiple-documents", error, "loading", "the file holds more than one document",
       "A spec file holds one document. Remove the \"---\" line or split the file.", false},
      {"too-deep", error, "loading", "nesting exceeds the depth limit",
       "Specs nest at most 64 levels (documents checked with --schema 256, or --max-depth). "
       "Flatten the structure.",
       false},
      {"too-large", error, "loading", "the file exceeds 16 MiB",
       "Split the specification into several files.", false},
      {"alias-expansion", error, "loading",
       "aliases expand beyond the limit or refer to themselves",
       "YAML aliases (*name) may expand to at most 1,000,000 nodes or 32 MiB of text and may "
       "not contain themselves. Write the values out or use fewer aliases.",
       false},
      {"unsupported-tag", error, "loading", "a tag other than the YAML core tags",
       "Only the tags of the YAML 1.2 core schema (!!str, !!int, ...) are read. Remove the tag.",
       false},
      {"complex-key", error, "loading", "a mapping key that is not a scalar",
       "Keys are plain words. Use a text as the key.", false},
      // Schema.
      {"unknown-key", error, "schema", "a key the format does not define",
       "The format has no such key here; the message names the closest key it knows. Correct "
       "the spelling or remove the key (leaspec schema shows every key).",
       false},
      {"schema-required", error, "schema", "a required key is missing",
       "Add the key the message names.", false},
      {"schema-type", error, "schema", "a value has the wrong type",
       "Write the kind of value the message names, for example a list in [ ] or a number "
       "without quotes.",
       false},
      {"schema-enum", error, "schema", "a value is not one of the allowed values",
       "Write one of the values the message lists.", false},
      {"schema-const", error, "schema", "a value differs from the only allowed one",
       "Write the value the message names.", false},
      {"schema-pattern", error, "schema", "a value does not have the required form",
       "Identifiers are capital letters and digits in parts joined by -, _ or . (BWC-VID-001); "
       "CPV codes are eight digits, a hyphen and the check digit (35125300-2).",
       false},
      {"schema-format", error, "schema", "a date or other formatted value is invalid",
       "Write the value in the form the message names, for example a date as YYYY-MM-DD.", false},
      {"schema-minimum", error, "schema", "a number is below its minimum",
       "Write a number at least as large as the message says.", false},
      {"schema-maximum", error, "schema", "a number is above its maximum",
       "Write a number at most as large as the message says.", false},
      {"schema-exclusive-minimum", error, "schema", "a number is not above its limit",
       "Write a number larger than the message says.", false},
      {"schema-exclusive-maximum", error, "schema", "a number is not below its limit",
       "Write a number smaller than the message says.", false},
      {"schema-multiple-of", error, "schema", "a number is not a multiple of its step",
       "Write a multiple of the number the message names.", false},
      {"schema-min-length", error, "schema", "a text is shorter than allowed",
       "Write a longer text; an empty text is never a value.", false},
      {"schema-max-length", error, "schema", "a text is longer than allowed",
       "Shorten the text to the length the message names.", false},
      {"schema-min-items", error, "schema", "a list has too few items",
       "Add items until the list has as many as the message says.", false},
      {"schema-max-items", error, "schema", "a list has too many items",
       "Remove items until the list has at most as many as the message says.", false},
      {"schema-unique-items", error, "schema", "a list names the same item twice",
       "Remove the repeated item.", false},
      {"schema-min-properties", error, "schema", "a mapping has too few keys",
       "Add the keys the format asks for.", false},
      {"schema-max-properties", error, "schema", "a mapping has too many keys",
       "Remove keys until the mapping has at most as many as the message says.", false},
      {"schema-dependent-required", error, "schema", "a key that needs another key lacks it",
       "Add the key the message names, for example value beside op in a metric.", false},
      {"schema-contains", error, "schema", "a list lacks an item of the required kind",
       "Add an item of the kind the message names.", false},
      {"schema-one-of", error, "schema", "a value matches none or several of its alternatives",
       "Write the value in exactly one of the forms the format allows.", false},
      {"schema-not", error, "schema", "a value has a form the format forbids",
       "Change the value so that it no longer has the form the message names.", false},
      {"schema-false", error, "schema", "a key or value the format forbids here",
       "Remove it; for example a metric has either op and value or min and max, not both.", false},
      {"schema-recursion", error, "schema",
       "the schema nests deeper than leaspec evaluates, or refers to itself without end",
       "A chain of $ref or subschemas deeper than leaspec follows, usually a $ref cycle that "
       "consumes nothing of the document. Correct the cycle or flatten the schema.",
       false},
      {"schema-budget", error, "schema",
       "the schema is too costly to evaluate for the document, which is not fully checked",
       "Combinations such as anyOf or allOf over references that branch at every level take "
       "time that doubles per level; leaspec stops at a fixed amount of work, reports this "
       "finding and exits with code 2. Simplify the schema, for example by replacing "
       "alternatives that repeat the same reference with one reference.",
       false},
      {"max-findings", note, "schema",
       "more findings in the file than --max-findings shows; the note counts them",
       "The file has more findings than are shown. Correct the first ones, which often cause "
       "the rest, or show more with --max-findings.",
       false},
      // Semantic rules.
      {"duplicate-id", error, "semantic",
       "an id of a requirement, section, lot, agency, reference or criterion is used twice",
       "Every id names one thing in the spec. Give one of the two a new id.", true},
      {"unknown-reference", error, "semantic",
       "a requirement cites a reference id that is not defined",
       "Add the reference to references, or correct the id (the message names the closest).", true},
      {"unknown-lot", error, "semantic", "a requirement names a lot that is not defined",
       "Add the lot to procurement.lots, or correct the id.", true},
      {"unknown-agency", error, "semantic",
       "requested_by or a lot quantity names an agency that is not defined",
       "Add the agency to agencies, or correct the id.", true},
      {"unknown-requirement", error, "semantic",
       "depends_on or an award criterion names a requirement that is not defined",
       "Correct the id, or add the requirement.", true},
      {"dependency-cycle", error, "semantic", "requirements depend on each other in a cycle",
       "A requirement cannot build on itself. Remove one of the depends_on links the message "
       "names.",
       true},
      {"lead-agency", error, "semantic",
       "a joint procurement needs exactly one agency with role lead",
       "Give exactly one agency role: lead; it conducts the procedure for all.", true},
      {"award-weights", error, "semantic", "best-price-quality-ratio weights must add up to 100",
       "Change the weights of the criteria so that they add up to 100 %.", true},
      {"award-method", error, "semantic",
       "a lowest-price or lowest-cost award has quality criteria",
       "Remove the quality criterion or award on the best price-quality ratio.", true},
      {"lot-quantity", error, "semantic", "a lot that no agency buys",
       "Give at least one agency a positive quantity in the lot, or remove the lot.", true},
      {"agency-without-lot", warning, "semantic", "a participating agency buys in no lot",
       "Give the agency a quantity in a lot, or remove it from the joint procurement.", true},
      {"unknown-unit", warning, "semantic", "a metric unit that is not in the units catalog",
       "Use a unit of leaspec catalog units, or add the unit in .leaspec.yaml; bounds in "
       "unknown units cannot be compared.",
       true},
      {"metric-range", error, "semantic", "a metric whose min is greater than its max",
       "Swap min and max, or correct one of them.", true},
      {"metric-text", error, "semantic",
       "the statement gives a number or a direction (at least, at most) that its metric does not",
       "The statement and the metric say two different things, and a tender prints the "
       "statement. Make the number, its unit (converted into the metric's) and the direction "
       "agree with the metric.",
       true},
      {"range-kind", note, "semantic", "an operating range without range: cover or range: within",
       "Say range: cover when the product must work over the whole range (the wider is the "
       "stricter), or range: within when the value must lie in it (the narrower is the "
       "stricter, and the default).",
       true},
      {"cpv-check-digit", error, "semantic",
       "a CPV code whose eight digits exist with another check digit",
       "Write the code the message names: the check digit belongs to the code in Regulation "
       "(EC) No 213/2008, not to a formula.",
       true},
      {"cpv-unknown", error, "semantic", "a CPV code that is not in the CPV 2008 vocabulary",
       "Find the right code with leaspec catalog cpv WORDS.", true},
      {"cpv-nature", warning, "semantic",
       "the main CPV code's division does not fit the nature (supplies, services, works)",
       "Division 45 is works, divisions 50 and above are services, the others supplies. "
       "Correct the nature or the main code.",
       true},
      {"country-code", error, "semantic",
       "an agency country that is not an ISO 3166-1 alpha-2 code",
       "Write the ISO 3166-1 code (GR for Greece, GB for the United Kingdom).", true},
      {"withdrawn-reference", warning, "semantic",
       "a reference to a withdrawn or superseded edition",
       "Cite the current edition the message names, or say in a note why the old one applies.",
       true},
      {"uncited-reference", warning, "semantic",
       "a reference that no requirement cites (legislation in a standard excepted)",
       "The annex lists it for nothing, and a draft standard may list only cited documents "
       "under \"2 Normative references\". Cite it from the requirements it serves, or remove "
       "it. A standard lists its legislation in the Bibliography, uncited.",
       true},
      {"legislation-normative", warning, "semantic",
       "a standard's requirement cites legislation, which is never a normative reference",
       "The ISO/IEC Directives, Part 2, admit no legislation among the normative references, "
       "so the draft standard lists it in the Bibliography. State the requirement in technical "
       "terms and give the legal basis in its rationale or note.",
       true},
      {"lot-applicability", warning, "semantic",
       "a requirement names no lot, so applies to all, though the lots differ in nature or CPV "
       "division",
       "A weight limit or an IP rating rarely belongs to a services lot. Name the lots the "
       "requirement applies to in lots.",
       true},
      // Language lint.
      {"verbal-form", error, "language",
       "the verb does not match the priority: mandatory shall, recommended should, optional may",
       "ISO/IEC Directives, Part 2: a mandatory requirement says \"shall\", a recommended one "
       "\"should\", an optional one \"may\". Change the verb or the priority.",
       true},
      {"must", warning, "language", "\"must\" is reserved for external constraints",
       "State the requirement with \"shall\".", true},
      {"will", warning, "language", "\"will\" states a fact, not a requirement",
       "State the requirement with \"shall\", \"should\" or \"may\".", true},
      {"vague-term", warning, "language",
       "a vague term that cannot be verified (user-friendly, reliable, fast, TBD...)",
       "Replace the word with a measurable criterion a bidder can be tested against, for "
       "example \"within 2 s\" instead of \"fast\".",
       true},
      {"escape-clause", warning, "language", "an escape clause (where possible, if necessary...)",
       "A bidder could claim it was not possible. Say when the requirement applies, or drop "
       "the clause.",
       true},
      {"open-ended", warning, "language",
       "an open-ended list (etc., including but not limited to...)",
       "Name every item the requirement covers.", true},
      {"and-or", warning, "language", "\"and/or\" leaves the requirement ambiguous",
       "Write \"and\", \"or\" or \"either or both\".", true},
      {"multiple-shall", warning, "language", "more than one \"shall\" in one statement",
       "Split the statement into one requirement per \"shall\", so that each is verified alone.",
       true},
      {"missing-metric", warning, "language", "a performance requirement without a metric",
       "Add a metric {parameter, op, value, unit} so that the bound can be compared and "
       "merged.",
       true},
      // Translations.
      {"translation-missing", warning, "translation",
       "a text has no translation into a language the spec is translated into",
       "Documents in that language show the source text, marked as untranslated. Translate "
       "it in NAME.LANG.yaml, or export the texts with leaspec translate export --lang LANG.",
       true},
      {"translation-stale", warning, "translation",
       "the source text changed after it was translated",
       "The translation records the hash of the text it translates, and the source no longer "
       "has it; documents show the source text instead. Update the translation (the related "
       "place is the source text) and its hash, or export and import it again.",
       true},
      {"translation-numbers", warning, "translation",
       "a translation's numbers or unit symbols differ from the source's",
       "A bound that changes in translation changes the requirement. Write the source's "
       "numbers and unit symbols in the translation.",
       true},
      {"translation-verbal-form", warning, "translation",
       "a translated requirement lacks the target language's verbal form of its priority",
       "Each language words shall, should and may in its own way (Polish musi, powinien, "
       "może; German muss, sollte, darf); leaspec catalog languages lists the forms it knows.",
       true},
      {"translation-unknown", warning, "translation",
       "a translation of a text the spec does not have, or of another spec or language",
       "The requirement was renamed or removed, or the file belongs to another spec. Remove "
       "the entry, or move it to the new key.",
       true},
      {"xliff-invalid", error, "translation",
       "an imported file is not XLIFF 2.0 for the spec's languages",
       "leaspec translate import reads XLIFF 2.0 files whose srcLang is the spec's language "
       "and whose trgLang is --lang, as leaspec translate export writes them.",
       false},
      // Conformance.
      {"conformance-unknown-standard", error, "conformance",
       "conforms_to names a standard or version that is not known",
       "Name a version the message lists, or make the standard known: a bundled one, a "
       "folder in standards_path of .leaspec.yaml, or validate --standard FILE.",
       true},
      {"conformance-old-version", warning, "conformance",
       "conforms_to names an older version of a standard than the newest known",
       "Conform to the newest version of the standard, or keep the older one on purpose and "
       "turn this rule off.",
       true},
      {"conformance-missing", error, "conformance",
       "a mandatory clause of a standard in conforms_to that no mandatory requirement "
       "implements",
       "Add a mandatory requirement that names the clause in implements (or has the clause's "
       "metric parameter), with a bound at least as strict as the standard's.",
       true},
      {"conformance-weakens", error, "conformance",
       "a requirement asks less than the clause of the standard it implements",
       "Give the requirement a bound at least as strict as the standard's (the message gives "
       "both in one unit) and the clause's priority, or do not claim conformance.",
       true},
      {"conformance-recommended", note, "conformance",
       "a recommended clause of a standard in conforms_to that no requirement implements",
       "Consider implementing the recommended clause; leaving it out does not break "
       "conformance.",
       true},
      {"conformance-unknown-clause", error, "conformance",
       "implements names no requirement of a standard the spec conforms to",
       "Name a requirement id of a standard in conforms_to, or add the standard to "
       "conforms_to.",
       true},
      {"not-a-standard", error, "conformance",
       "a file given as a common standard has no standard: block",
       "Give --standard and standards_path folders specs with a standard: block (a common "
       "standard), or leave the file out.",
       false},
      // Merge.
      {"merge-statement", error, "merge", "merged specs word the same requirement differently",
       "Agree on one wording in the inputs, or let --prefer choose one input's requirement.",
       false},
      {"merge-priority", error, "merge",
       "merged specs give the same requirement different priorities",
       "Agree on the priority, or let --prefer strictest take the higher.", false},
      {"merge-metric", error, "merge", "merged specs give the same requirement different bounds",
       "Agree on the bound, or let --prefer strictest take the one that satisfies every agency.",
       false},
      {"merge-unit", error, "merge",
       "merged specs measure the same requirement in units that do not convert",
       "State the requirement in units of one dimension in every input.", false},
      {"merge-incompatible-range", error, "merge",
       "merged specs give the same requirement bounds that no value satisfies",
       "The agencies ask for things no product can be: agree on the bound before merging.", false},
      {"merge-verbal-form", error, "merge",
       "a raised priority needs more than a new verbal form in the chosen statement",
       "The stricter requirement is worded for a lower priority and more than its verbal form "
       "(shall, should, may) would have to change. Write one statement for both inputs.",
       false},
      {"merge-agency", error, "merge", "merged specs name or locate the same agency differently",
       "Use one name and country for the agency in every input.", false},
      {"merge-reference", error, "merge",
       "merged specs give the same reference id to different documents",
       "Use one designation for the reference in every input, or different ids.", false},
      {"merge-definition", error, "merge", "merged specs define the same term differently",
       "Agree on one definition of the term.", false},
      {"merge-award", error, "merge", "merged specs have different award criteria",
       "Agree on the award criteria, or let --prefer choose one input's.", false},
      {"merge-quantity", error, "merge",
       "merged specs state an agency's quantity for a lot differently, and none is its own",
       "An agency's own spec (the one it leads) settles its quantity; without it, state the "
       "same figure everywhere.",
       false},
      // Import.
      {"reqif-invalid", error, "import",
       "the file to import is not ReqIF (not XML, no REQ-IF root, no specification)",
       "Check that the file is a ReqIF 1.0 export (.reqif) or a ReqIF archive (.reqifz) from "
       "the requirements tool; nothing was written.",
       false},
      {"reqif-unmapped", warning, "import",
       "a ReqIF attribute or picture that no spec key holds (kept in the note or left out)",
       "Map the attribute to a spec key in a --map file, or check the note that holds it.", false},
      {"reqif-value", warning, "import",
       "an enumeration value or text that names no priority, kind or verification method",
       "Map the tool's value to a spec value in a --map file, or correct it in the spec.", false},
      {"reqif-structure", warning, "import",
       "objects outside the hierarchy or without text, relations that link no two requirements",
       "Check in the requirements tool that every object is in the specification's hierarchy "
       "and has a text.",
       false},
      {"reqif-id", note, "import", "an id made valid or unique",
       "Ids follow the spec format's pattern; check that the id given suits the requirement.",
       false},
      {"reqif-default", warning, "import",
       "a value the ReqIF file does not give, set by default (area, version, priority)",
       "Check the value set by default and correct it in the imported spec.", false},
      {"answers-matrix", error, "import",
       "a workbook holds no compliance matrix (no header row with Id and Compliance)",
       "Import the compliance matrix leaspec generated, as the bidder filled it in.", false},
      {"answers-value", warning, "import",
       "an answer that is not one of the matrix's (compliant, partially, not compliant)",
       "Ask the bidder to choose one of the matrix's answers; the answer is not counted.", false},
      {"answers-conflict", warning, "import",
       "a requirement answered differently on two sheets of one matrix",
       "Ask the bidder which answer holds; neither is counted.", false},
  };
  return k_rules;
}

const RuleInfo* find_rule(std::string_view id) {
  for (const RuleInfo& rule : rules()) {
    if (rule.id == id) {
      return &rule;
    }
  }
  return nullptr;
}

}  // namespace leaspec::check
