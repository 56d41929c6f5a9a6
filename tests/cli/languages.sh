#!/usr/bin/env bash
# Translated specs: validate --lang reports missing, stale and mismatched translations; the
# annex and matrix come in the target language with untranslated texts marked; XLIFF 2.0
# export and import round-trip a translation; catalog languages says what each has.
. "$(dirname "$0")/lib.sh"
py=/usr/bin/python3
examples="$SOURCE_DIR/data/examples"
cp "$examples/body-worn-cameras.yaml" "$examples/body-worn-cameras.pl.yaml" "$work/"
spec="$work/body-worn-cameras.yaml"
translation="$work/body-worn-cameras.pl.yaml"

# The bundled Polish translation lacks one requirement: a warning at the source text.
run validate --lang pl "$examples/body-worn-cameras.yaml"
expect_code 0 "validate --lang pl"
expect_out "body-worn-cameras.yaml:278:15: warning: \"BWC-VID-007\" has no Polish translation in body-worn-cameras.pl.yaml [translation-missing]"
expect_out "1 file checked: 0 errors, 1 warning"
run validate --strict --lang pl "$examples/body-worn-cameras.yaml"
expect_code 1 "validate --strict --lang pl"
run validate "$examples/body-worn-cameras.yaml"
expect_out "0 errors, 0 warnings"
run validate --lang lt "$examples/body-worn-cameras.yaml"
expect_out "warning: no Lithuanian translation: $examples/body-worn-cameras.lt.yaml does not exist"

# A source text edited after translation: stale, at the translation with the source as note.
sed -i 's/record audio synchronised with the video\./record audio synchronised with the video and its time stamp./' "$spec"
run validate --lang pl "$spec"
expect_out "body-worn-cameras.pl.yaml:117:11: warning: the Polish translation of \"BWC-VID-006\" is stale: the source text has changed since it was translated [translation-stale]"
expect_out "body-worn-cameras.yaml:271:15: note: the source text, changed since, is here"
run validate --lang pl --format json "$spec"
"$py" - "$out" <<'PY' || fail "stale finding in JSON"
import json, sys
found = [d for d in json.loads(sys.argv[1])["diagnostics"] if d["rule"] == "translation-stale"]
assert len(found) == 1, found
assert found[0]["file"].endswith("body-worn-cameras.pl.yaml") and found[0]["line"] == 117, found
assert found[0]["pointer"] == "/texts/BWC-VID-006", found
PY
# The stale text is not shown: the document falls back to the marked source text.
run generate annex "$spec" --lang pl --format md -o -
expect_out "| **BWC-VID-006** | ***\\[EN, brak tłumaczenia\\]*** The camera shall record audio synchronised with the video and its time stamp."
cp "$examples/body-worn-cameras.yaml" "$spec"

# Numbers, units and verbal forms of the translation.
sed -i 's/co najmniej 1920 x 1080 pikseli/co najmniej 1280 x 1080 pikseli/; s/do 100 % w ciągu 4 godzin/do 100 w ciągu 4 godzin/; s/Kamera musi rejestrować dźwięk/Kamera powinna rejestrować dźwięk/' "$translation"
run validate --lang pl "$spec"
expect_out "warning: the Polish translation of \"BWC-VID-001\" has other numbers than the source: it has 1280 where the source has 1920 [translation-numbers]"
expect_out "warning: the Polish translation of \"BWC-PWR-002\" lacks the source's unit \"%\" [translation-numbers]"
expect_out "warning: the Polish translation of the mandatory requirement BWC-VID-006 has no Polish form of \"shall\" (musi, muszą, należy) [translation-verbal-form]"
cp "$examples/body-worn-cameras.pl.yaml" "$translation"

# A language listed in .leaspec.yaml is checked without --lang; a translation left over too.
printf 'languages: [pl]\n' > "$work/.leaspec.yaml"
sed -i 's/^  BWC-VID-006:/  BWC-VID-099:/' "$translation"
run validate "$spec"
expect_out "warning: the spec has no text \"BWC-VID-099\"; the translation is left over [translation-unknown]"
expect_out "\"BWC-VID-006\" has no Polish translation"
rm "$work/.leaspec.yaml"
cp "$examples/body-worn-cameras.pl.yaml" "$translation"

# Documents in Polish, and in Polish and English.
run generate annex "$examples/body-worn-cameras.yaml" --lang pl --format md -o -
expect_code 0 "annex --lang pl"
expect_out "**Kamery nasobne i zarządzanie materiałem dowodowym w służbie prewencyjnej Policji**"
expect_out "> Teksty oznaczone \\[EN, brak tłumaczenia\\] nie mają aktualnego tłumaczenia i podano je w języku specyfikacji."
expect_out "| **BWC-VID-001** | Kamera musi rejestrować obraz wideo w rozdzielczości co najmniej 1920 x 1080 pikseli."
expect_out "| **BWC-VID-007** | ***\\[EN, brak tłumaczenia\\]*** The camera may offer an infrared mode that records in complete darkness."
expect_out "### 5.2 Zasilanie i ładowanie"
run generate annex "$examples/body-worn-cameras.yaml" --lang pl,en --format md -o -
expect_code 0 "annex --lang pl,en"
expect_out "> Języki niniejszego dokumentu: polski, a pod każdym tekstem kursywą: English."
expect_out "Kamera musi rejestrować obraz wideo w rozdzielczości co najmniej 1920 x 1080 pikseli.<br>*The camera shall record video at a resolution of at least 1920 x 1080 pixels."
expect_out "### 5.2 Zasilanie i ładowanie / Power and charging"
run generate matrix "$examples/body-worn-cameras.yaml" --lang pl --format csv -o -
expect_code 0 "matrix --lang pl"
expect_out "BWC-VID-001,VID Rejestracja obrazu i dźwięku,Kamera musi rejestrować obraz wideo w rozdzielczości co najmniej 1920 x 1080 pikseli.,Obowiązkowe"
expect_out "BWC-VID-007,VID Rejestracja obrazu i dźwięku,\"[EN, brak tłumaczenia] The camera may offer"
run generate annex "$examples/body-worn-cameras.yaml" --lang pl,en,de --format md -o -
expect_code 2 "three languages"
expect_err "name one language, or two joined by a comma (pl,en)"
run generate annex "$examples/body-worn-cameras.yaml" --lang pl,xx --format md -o -
expect_code 2 "unknown second language"
# German has no translation file: every text is the marked source text.
run generate annex "$examples/body-worn-cameras.yaml" --lang de --format md -o -
expect_out "| **BWC-VID-001** | ***\\[EN, nicht übersetzt\\]*** The camera shall record video"

# XLIFF 2.0: export, a translator's edit, import; positions kept.
run translate export --lang pl "$spec" -o "$work/bwc.xlf"
expect_code 0 "translate export"
xmllint --noout "$work/bwc.xlf" || fail "the XLIFF file is not well-formed"
"$py" - "$work/bwc.xlf" <<'PY' || fail "XLIFF structure"
import sys, xml.etree.ElementTree as ET
ns = {"x": "urn:oasis:names:tc:xliff:document:2.0"}
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "{urn:oasis:names:tc:xliff:document:2.0}xliff", root.tag
assert root.get("version") == "2.0" and root.get("srcLang") == "en" and root.get("trgLang") == "pl"
files = root.findall("x:file", ns)
assert len(files) == 1 and files[0].get("original") == "body-worn-cameras.yaml"
units = files[0].findall("x:unit", ns)
assert len(units) == 81, len(units)
ids = [u.get("id") for u in units]
assert len(set(ids)) == len(ids) and all(i.startswith("u") for i in ids)
for unit in units:
    # XLIFF 2.0 core: notes come before the segments; a segment holds a source first.
    children = [c.tag.split("}")[1] for c in unit]
    assert children[0] == "notes" and children[1:] == ["segment"], children
    segment = unit.find("x:segment", ns)
    assert [c.tag.split("}")[1] for c in segment][0] == "source"
    assert segment.get("state") in ("initial", "translated"), segment.get("state")
by_name = {u.get("name"): u for u in units}
vid7 = by_name["BWC-VID-007"]
assert vid7.find("x:segment", ns).get("state") == "initial"
assert vid7.find("x:segment/x:target", ns) is None
notes = {n.get("category"): n.text for n in vid7.findall("x:notes/x:note", ns)}
assert notes["location"] == "body-worn-cameras.yaml:278:15", notes
assert notes["priority"] == "optional (may)", notes
vid1 = by_name["BWC-VID-001"]
assert vid1.find("x:segment", ns).get("state") == "translated"
notes = {n.get("category"): n.text for n in vid1.findall("x:notes/x:note", ns)}
assert notes["target-location"] == "body-worn-cameras.pl.yaml:102:11", notes
PY
"$py" - "$work/bwc.xlf" <<'PY' || fail "editing the XLIFF file"
import sys, xml.etree.ElementTree as ET
x = "{urn:oasis:names:tc:xliff:document:2.0}"
ET.register_namespace("", x[1:-1])
tree = ET.parse(sys.argv[1])
for unit in tree.iter(x + "unit"):
    if unit.get("name") == "BWC-VID-007":
        segment = unit.find(x + "segment")
        segment.set("state", "translated")
        target = ET.SubElement(segment, x + "target")
        target.text = "Kamera może oferować tryb podczerwieni, który umożliwia nagrywanie w całkowitej ciemności."
tree.write(sys.argv[1], encoding="UTF-8", xml_declaration=True)
PY
before=$(grep -n "BWC-VID-001:" "$translation")
run translate import --lang pl "$spec" "$work/bwc.xlf"
expect_code 0 "translate import"
expect_err "body-worn-cameras.pl.yaml: 81 of 81 texts translated into Polish"
[ "$(grep -n "BWC-VID-001:" "$translation")" = "$before" ] || fail "an untouched entry moved"
grep -q 'text: "Kamera może oferować tryb podczerwieni' "$translation" || fail "the new target is not imported"
run validate --strict --lang pl "$spec"
expect_code 0 "validate after import"
# The re-exported XLIFF names the imported target where it now is.
run translate export --lang pl "$spec" -o -
expect_out "<note category=\"target-location\">body-worn-cameras.pl.yaml:102:11</note>"
# Another language, or not XLIFF at all: refused, nothing written.
sed 's/trgLang="pl"/trgLang="de"/' "$work/bwc.xlf" > "$work/de.xlf"
run translate import --lang pl "$spec" "$work/de.xlf" -o "$work/out.yaml"
expect_code 1 "wrong target language"
expect_err "error: trgLang is \"de\" but should be \"pl\" [xliff-invalid]"
[ ! -e "$work/out.yaml" ] || fail "a refused import wrote a file"
echo "<xliff version=\"1.2\"/>" > "$work/old.xlf"
run translate import --lang pl "$spec" "$work/old.xlf" -o "$work/out.yaml"
expect_code 1 "XLIFF 1.2"
expect_err "the file is not XLIFF 2.0"
run translate export --lang pl "$spec"
expect_code 2 "export without -o"

# The languages leaspec knows.
run catalog languages
expect_code 0 "catalog languages"
expect_out "pl  Polish (polski)"
expect_out "  verbal forms: shall musi, muszą, należy; should powinien, powinna, powinno, powinny, powinni, zaleca się; may może, mogą, dopuszcza się"
expect_out "lt  Lithuanian (lietuvių)"
run catalog languages german
expect_out "de  German (Deutsch)"
expect_out "  fixed texts: complete"
expect_no_out "pl  Polish"
run rules
expect_out "translation-stale"

finish
