#!/bin/sh
# Rebuilds the real30 samples. Needs python3 and LibreOffice (soffice); conversions run one at a time.
# Usage: sh tests/probes/real30/make/make.sh   (from anywhere)
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
DIR=$(dirname "$HERE")
export HOME=${LO_HOME:-/tmp/lohome}
TMP=$(mktemp -d)
python3 "$HERE/make_docx.py" "$DIR"        # n1, n2, n6 .docx into DIR; n4's source into DIR/make
python3 "$HERE/make_odt.py" "$DIR"         # n5 .odt
conv() { # conv FORMAT SRC OUTNAME
  soffice --headless --convert-to "$1" "$2" --outdir "$TMP" >/dev/null 2>&1
  base=$(basename "$2"); mv "$TMP/${base%.*}.${1%%:*}" "$DIR/$3"
}
conv odt "$DIR/n1_docx_autonum_headings_vmerge.docx" n1b_lo_odt_from_docx_autonum_vmerge.odt
conv pdf "$DIR/n2_docx_landscape_tworow_header_category.docx" n2b_lo_pdf_landscape_header_repeat_row_split.pdf
conv 'docx:MS Word 2007 XML' "$DIR/n3_html_two_annex_tables_rowspan.html" n3b_lo_docx_from_html_two_tables.docx
conv pdf "$HERE/n4_src.docx" n4_pdf_row_cut_by_page_break.pdf
conv pdf "$DIR/n6_docx_textbox_field_numbered_seq_footnotes.docx" n6b_lo_pdf_textbox_numbered_seq_footnote.pdf
rm -rf "$TMP"
ls -l "$DIR" | head -3

# min/ and var/: docx sources built by make_var.py, printed to PDF by LibreOffice
SRC=$(mktemp -d)
python3 "$HERE/make_var.py" "$SRC"
for f in "$SRC"/*.docx; do
  soffice --headless --convert-to pdf "$f" --outdir "$SRC" >/dev/null 2>&1
  b=$(basename "$f" .docx)
  case "$b" in m*) mv "$SRC/$b.pdf" "$DIR/min/";; v*) mv "$SRC/$b.pdf" "$DIR/var/";; esac
done
cp "$SRC/m3_pdf_cc_wrapped_mid_name.docx" "$DIR/var/v3c_cc_mid_name_as_docx.docx"
rm -rf "$SRC"
ls -l "$DIR/min" "$DIR/var"
