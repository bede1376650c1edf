#!/bin/sh
# Regenerates the LibreOffice-made fixtures in testdata/fixtures/ from the
# flat ODT sources in testdata/fixtures/src/. Run from anywhere; needs
# `soffice` (LibreOffice >= 7.4 for the JSON PDF export options). Outputs are
# committed, so tests never need LibreOffice.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
src="$root/testdata/fixtures/src"
out="$root/testdata/fixtures"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A private profile, so a running LibreOffice or another run does not clash.
export HOME="$work/home"
mkdir -p "$HOME"

convert() {  # convert <filter> <source file>
  soffice --headless --norestore -env:UserInstallation="file://$HOME/lo" \
    --convert-to "$1" --outdir "$work" "$2" >/dev/null
}

convert docx "$src/decision.fodt"
# Documents written as other offices lay them out (tests/facts_dates_test.cc).
for f in receipt payment publication; do
  convert 'docx:MS Word 2007 XML' "$src/$f.html"
done
convert pdf "$src/decision.fodt"
convert pdf "$src/scan.fodt"
convert pdf "$src/evidence.fodt"
# Table forms as PDF, the way other offices send them (tests/pdf_test.cc):
# imported as Writer documents (not Writer/Web, which drops the first page).
# whole-case.pdf: a case exported as one PDF (tests/split_documents_test.cc).
for f in receipt receipt-form publication-form catalogue approval whole-case; do
  soffice --headless --norestore -env:UserInstallation="file://$HOME/lo" \
    --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export \
    --outdir "$work" "$src/$f.html" >/dev/null
done

# The same case as one DOCX, documents separated by page breaks.
soffice --headless --norestore -env:UserInstallation="file://$HOME/lo" \
  --infilter="HTML (StarWriter)" --convert-to 'docx:MS Word 2007 XML' \
  --outdir "$work" "$src/whole-case.html" >/dev/null

# Same document, opened only with the password "secret".
cp "$src/decision.fodt" "$work/encrypted.fodt"
convert 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}' \
  "$work/encrypted.fodt"

for f in decision.docx decision.pdf scan.pdf encrypted.pdf evidence.pdf \
  receipt.docx payment.docx publication.docx \
  receipt.pdf receipt-form.pdf publication-form.pdf catalogue.pdf approval.pdf whole-case.pdf whole-case.docx; do
  cp "$work/$f" "$out/$f"
done
ls -l "$out"
