#!/usr/bin/env bash
# Spec text with markup, ampersands, quotes, control characters, right-to-left and accented
# characters comes out escaped and readable in every format.
. "$(dirname "$0")/lib.sh"
py=/usr/bin/python3
cat > "$work/nasty.yaml" <<'YAML'
leaspec: 1
id: NASTY-1
title: "Cameras <script>alert('x')</script> & \"quotes\""
version: "1"
status: draft
area: forensics
sections:
  - id: S
    title: Sécurité & <b>bold</b>
    requirements:
      - id: R-1
        text: "The camera shall show \"<script>alert(1)</script>\" & keep \x07 bell, Łódź, مرحبا, שלום."
        priority: mandatory
YAML
for format in md html docx odt; do
  run generate annex "$work/nasty.yaml" --format "$format" -o "$work/nasty.$format"
  expect_code 0 "generate $format"
done
grep -qF '&lt;script&gt;alert(1)&lt;/script&gt;' "$work/nasty.md" || fail "markdown does not escape <script>"
grep -qF '<script>' "$work/nasty.md" && fail "markdown contains a raw <script>"
grep -qF '&quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot; &amp; keep' "$work/nasty.html" || fail "html does not escape"
grep -qF '<script>' "$work/nasty.html" && fail "html contains a raw <script>"
grep -qF 'Łódź, مرحبا, שלום' "$work/nasty.html" || fail "html loses accented or right-to-left text"
"$py" - "$work/nasty.docx" "$work/nasty.odt" <<'PY' || fail "docx/odt text"
import sys, zipfile
import xml.etree.ElementTree as ET
for path, part in ((sys.argv[1], "word/document.xml"), (sys.argv[2], "content.xml")):
    xml = zipfile.ZipFile(path).read(part).decode("utf-8")
    text = "".join(ET.fromstring(xml).itertext())   # also proves the XML is well-formed
    assert "\"<script>alert(1)</script>\" & keep \ufffd bell, Łódź, مرحبا, שלום." in text, text[:2000]
PY
finish
