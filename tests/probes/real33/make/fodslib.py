"""Write a flat OpenDocument spreadsheet (.fods) by hand, then let LibreOffice
turn it into .xlsx.  A sheet is a list of rows; a row is a list of cells:

  "text"                      a string cell ("\n" inside = a line break in the cell)
  None                        an empty cell
  {"f": 1}                    a number cell (office:value-type float), shown "1"
  {"d": "2025-06-30"}         a date cell, shown with the date style named by "ds" (default iso)
  {"t": "...", "rs": 3}       rowspan (table:number-rows-spanned); the rows below must
                              hold a covered cell at that column: use COVER
  {"t": "...", "cs": 6}       colspan; the cells to its right are added as covered automatically
  COVER                       a covered-table-cell (under a rowspan)

Sheet options: name, hidden (sheet not displayed), hidden_cols (0-based column
indexes with visibility collapse), ncols.
"""
import html
import os
import subprocess

COVER = object()

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
 <number:date-style style:name="Niso"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
 <number:date-style style:name="Ncn"><number:year number:style="long"/><number:text>年</number:text><number:month/><number:text>月</number:text><number:day/><number:text>日</number:text></number:date-style>
 <number:date-style style:name="Nmd"><number:month/><number:text>月</number:text><number:day/><number:text>日</number:text></number:date-style>
 <number:date-style style:name="Nslash"><number:year number:style="long"/><number:text>/</number:text><number:month/><number:text>/</number:text><number:day/></number:date-style>
 <number:number-style style:name="Nint"><number:number number:decimal-places="0" number:min-integer-digits="1"/></number:number-style>
 <style:style style:name="iso" style:family="table-cell" style:data-style-name="Niso"/>
 <style:style style:name="cn" style:family="table-cell" style:data-style-name="Ncn"/>
 <style:style style:name="md" style:family="table-cell" style:data-style-name="Nmd"/>
 <style:style style:name="slash" style:family="table-cell" style:data-style-name="Nslash"/>
 <style:style style:name="int" style:family="table-cell" style:data-style-name="Nint"/>
 <style:style style:name="wrap" style:family="table-cell"><style:table-cell-properties fo:wrap-option="wrap"/></style:style>
 <style:style style:name="coshow" style:family="table-column"><style:table-column-properties style:column-width="3cm"/></style:style>
 <style:style style:name="tashow" style:family="table"><style:table-properties table:display="true"/></style:style>
 <style:style style:name="tahide" style:family="table"><style:table-properties table:display="false"/></style:style>
</office:automatic-styles>
<office:body><office:spreadsheet>
"""
TAIL = "</office:spreadsheet></office:body></office:document>\n"


def _paras(text):
    return "".join(f"<text:p>{html.escape(p, quote=False)}</text:p>" for p in str(text).split("\n"))


def _cell(c):
    if c is None:
        return "<table:table-cell/>"
    if c is COVER:
        return "<table:covered-table-cell/>"
    if isinstance(c, str):
        c = {"t": c}
    attrs = []
    if c.get("rs"):
        attrs.append(f'table:number-rows-spanned="{c["rs"]}"')
    if c.get("cs"):
        attrs.append(f'table:number-columns-spanned="{c["cs"]}"')
    if "f" in c:
        v = c["f"]
        shown = c.get("shown", str(int(v)) if float(v).is_integer() else str(v))
        attrs.append(f'office:value-type="float" office:value="{v}"')
        if c.get("style"):
            attrs.append(f'table:style-name="{c["style"]}"')
        body = _paras(shown)
    elif "d" in c:
        ds = c.get("ds", "iso")
        y, m, d = c["d"].split("-")
        shown = {"iso": c["d"], "cn": f"{int(y)}年{int(m)}月{int(d)}日",
                 "md": f"{int(m)}月{int(d)}日", "slash": f"{int(y)}/{int(m)}/{int(d)}"}[ds]
        attrs.append(f'office:value-type="date" office:date-value="{c["d"]}" table:style-name="{ds}"')
        body = _paras(shown)
    else:
        attrs.append('office:value-type="string"')
        if "\n" in c["t"]:
            attrs.append('table:style-name="wrap"')
        body = _paras(c["t"])
    out = f"<table:table-cell {' '.join(attrs)}>{body}</table:table-cell>"
    if c.get("cs"):
        out += "<table:covered-table-cell/>" * (c["cs"] - 1)
    return out


def sheet_xml(rows, name="Sheet1", hidden=False, hidden_cols=(), ncols=None):
    ncols = ncols or max(sum((x.get("cs", 1) if isinstance(x, dict) else 1) for x in r) for r in rows)
    out = [f'<table:table table:name="{html.escape(name)}" table:style-name="{"tahide" if hidden else "tashow"}">']
    for i in range(ncols):
        vis = ' table:visibility="collapse"' if i in hidden_cols else ""
        out.append(f'<table:table-column table:style-name="coshow"{vis}/>')
    for r in rows:
        out.append("<table:table-row>" + "".join(_cell(c) for c in r) + "</table:table-row>")
    out.append("</table:table>")
    return "\n".join(out)


def write_fods(path, sheets):
    """sheets: list of dicts {rows, name, hidden, hidden_cols}."""
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEAD)
        for s in sheets:
            f.write(sheet_xml(**s) + "\n")
        f.write(TAIL)


def to_xlsx(fods, outdir):
    env = dict(os.environ, HOME="/tmp/lohome")
    subprocess.run(["soffice", "--headless", "--convert-to", "xlsx", fods, "--outdir", outdir],
                   check=True, env=env, capture_output=True)
    return os.path.join(outdir, os.path.splitext(os.path.basename(fods))[0] + ".xlsx")
