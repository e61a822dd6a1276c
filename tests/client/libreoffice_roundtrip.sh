#!/usr/bin/env bash
# A real spreadsheet program reads what noticetab writes for spreadsheets:
# LibreOffice (headless) converts the -f xlsx workbooks and the --excel CSV
# back to CSV, and every cell of every sheet must equal noticetab's own CSV:
# the tasks sheet -f csv, the units sheet --by-unit -f csv, the due sheet
# `due -f csv`. The Chinese workbook (the default) must hold the same cells
# under Chinese sheet names and headers, with Chinese kind and role values
# and the notice's 标题 and 文号 after the source; --lang en the CSV's own.
#   usage: libreoffice_roundtrip.sh NOTICETAB_BINARY SOURCE_DIR
# Exits 77 (skipped) when soffice is missing outside CI; in CI that is a failure,
# since scripts/install-deps installs libreoffice-calc-nogui.
set -euo pipefail
bin=$1; cd "$2"

if ! command -v soffice >/dev/null; then
  echo "soffice not found: run scripts/install-deps (Debian libreoffice-calc-nogui)" >&2
  [ -n "${CI:-}" ] && exit 1
  exit 77
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/noticetab-lo-XXXXXX")
# A private profile: works as root in CI and never meets a running LibreOffice.
profile=/tmp/lo-profile-$$
trap 'rm -rf "$work" "$profile"' EXIT

inputs=(samples/*.txt samples/composed/*.txt)
mkdir -p "$work/xlsx" "$work/csv" "$work/ref" "$work/lo-xlsx" "$work/lo-csv"

# noticetab's outputs: one workbook for all inputs (Chinese and English), one
# (Chinese) per input, and the references they must match.
"$bin" -q -f xlsx -o "$work/xlsx/all.xlsx" "${inputs[@]}"
"$bin" -q -f xlsx --lang en -o "$work/xlsx/all-en.xlsx" "${inputs[@]}"
"$bin" -q -f csv -o "$work/ref/all-tasks.csv" "${inputs[@]}"
"$bin" due -q -f csv -o "$work/ref/all-due.csv" "${inputs[@]}"
"$bin" -q -f json -o "$work/ref/all.json" "${inputs[@]}"
"$bin" -q -f csv --excel -o "$work/csv/all.csv" "${inputs[@]}"
for f in "${inputs[@]}"; do
  name=$(basename "$f" .txt)
  "$bin" -f xlsx -o "$work/xlsx/$name.xlsx" "$f"
  "$bin" -f csv -o "$work/ref/$name-tasks.csv" "$f"
  "$bin" due -f csv -o "$work/ref/$name-due.csv" "$f"
done
if "$bin" -q --by-unit -f csv -o "$work/ref/all-units.csv" "${inputs[@]}" 2>/dev/null; then
  for f in "${inputs[@]}"; do
    name=$(basename "$f" .txt)
    "$bin" --by-unit -f csv -o "$work/ref/$name-units.csv" "$f"
  done
else
  echo "note: this noticetab has no --by-unit; the units sheets are checked for shape only" >&2
  rm -f "$work/ref/all-units.csv"
fi

# CSV filter options (LibreOffice "Filter Options for the CSV Filter"):
# separator 44 (,), text delimiter 34 ("), charset 76 (UTF-8), first line 1,
# no column formats, language 0 (system); import: quoted fields not forced to
# text, special numbers (dates) not detected; export: cell contents as shown
# (so yyyy-mm-dd dates and General integers come back as printed), no
# formulas; token 12 = -1 writes every sheet to <name>-<sheet>.csv (LO >= 7.2).
out_filter='csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,false,true,false,false,-1'
in_filter='Text - txt - csv (StarCalc):44,34,76,1,,0,false,false'
soffice_run() {
  timeout 180 soffice -env:UserInstallation="file://$profile" --headless --norestore "$@" \
    >"$work/soffice.log" 2>&1 || { cat "$work/soffice.log" >&2; return 1; }
}
soffice_run --convert-to "$out_filter" --outdir "$work/lo-xlsx" "$work"/xlsx/*.xlsx
soffice_run --infilter="$in_filter" --convert-to "$out_filter" --outdir "$work/lo-csv" "$work/csv/all.csv"

python3 - "$work" "${#inputs[@]}" <<'PY'
import csv, glob, json, os, sys

work, n_inputs = sys.argv[1], int(sys.argv[2])

# The Chinese workbook: sheet names, headers and code values.
ZH_SHEETS = {"tasks": "任务", "units": "责任单位", "due": "到期"}
ZH_HEADERS = {
    "source": "来源文件", "title": "标题", "number": "文号", "id": "编号", "seq": "序号",
    "section_no": "部分", "section_title": "部分标题", "item_no": "条目", "item_title": "条目标题",
    "content": "任务内容", "units": "责任单位", "lead_units": "牵头单位", "support_units": "配合单位",
    "deadline": "完成时限", "deadline_date": "到期日", "deadline_kind": "时限类型",
    "first_line": "起始行", "last_line": "结束行", "warnings": "提示", "table": "所在表格",
    "page": "页码", "leaders": "责任领导", "remarks": "备注", "unit": "单位", "role": "角色", "month": "到期月份",
}
ZH_VALUES = {"by_date": "限期", "year_round": "全年", "ongoing": "持续推进", "recurring": "定期",
             "none": "无", "lead": "牵头", "support": "配合", "responsible": "负责"}
docs = {d["source"]: d["document"] for d in json.load(open(os.path.join(work, "ref", "all.json"), encoding="utf-8"))}

def chinese(sheet, rows):
    """What the Chinese sheet must hold, from the English CSV rows."""
    if not rows:
        return rows
    header = rows[0]
    coded = [i for i, h in enumerate(header) if h in ("deadline_kind", "role")]
    out = []
    for n, row in enumerate(rows):
        row = list(row)
        if n == 0:
            row = [ZH_HEADERS.get(h, h) for h in row]
        else:
            for i in coded:
                row[i] = ZH_VALUES.get(row[i], row[i])
        if sheet == "tasks":
            doc = docs.get(rows[n][0], {}) if n else {}
            extra = ["标题", "文号"] if n == 0 else [doc.get("title") or "", doc.get("number") or ""]
            row = row[:1] + extra + row[1:]
        out.append(row)
    return out

def read(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))

def compare(ref_path, got_path, what, translate=None):
    if not os.path.exists(got_path):
        return [f"{what}: LibreOffice wrote no {os.path.basename(got_path)}"]
    ref, got = read(ref_path), read(got_path)
    if translate:
        ref = translate(ref)
    errors = []
    if len(ref) != len(got):
        errors.append(f"{what}: {len(got)} rows, expected {len(ref)}")
    header = ref[0] if ref else []
    for i, (r, g) in enumerate(zip(ref, got)):
        if len(r) != len(g):
            errors.append(f"{what}: row {i + 1} has {len(g)} cells, expected {len(r)}")
        for j, (a, b) in enumerate(zip(r, g)):
            if a != b:
                col = header[j] if j < len(header) else str(j + 1)
                errors.append(f"{what}: row {i + 1} {col}: {b[:60]!r} != {a[:60]!r}")
    return errors

errors, checked = [], 0
workbooks = sorted(glob.glob(os.path.join(work, "xlsx", "*.xlsx")))
if len(workbooks) != n_inputs + 2:
    errors.append(f"{len(workbooks)} workbooks, expected {n_inputs + 2}")
for wb in workbooks:
    name = os.path.basename(wb)[:-5]
    english = name.endswith("-en")
    base = name[:-3] if english else name
    for sheet in ("tasks", "units", "due"):
        shown = sheet if english else ZH_SHEETS[sheet]
        got = os.path.join(work, "lo-xlsx", f"{name}-{shown}.csv")
        ref = os.path.join(work, "ref", f"{base}-{sheet}.csv")
        translate = None if english else (lambda rows, s=sheet: chinese(s, rows))
        if os.path.exists(ref):
            errors += compare(ref, got, f"{name}.xlsx sheet {shown}", translate)
            checked += len(read(ref))
        elif not os.path.exists(got):
            errors.append(f"{name}.xlsx: no sheet {shown}")
        else:
            rows = read(got)
            if not rows or any(len(r) != len(rows[0]) for r in rows):
                errors.append(f"{name}.xlsx sheet {shown}: empty or ragged")
# The --excel CSV: BOM, CRLF and quoting read back by a spreadsheet program.
errors += compare(os.path.join(work, "ref", "all-tasks.csv"),
                  os.path.join(work, "lo-csv", "all-all.csv"), "--excel CSV")
checked += len(read(os.path.join(work, "ref", "all-tasks.csv")))

for e in errors[:40]:
    print(e, file=sys.stderr)
if errors:
    print(f"libreoffice round trip: {len(errors)} differences", file=sys.stderr)
    sys.exit(1)
print(f"libreoffice round trip: ok ({len(workbooks)} workbooks and the --excel CSV, {checked} rows)")
PY
