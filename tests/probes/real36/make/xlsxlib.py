"""Minimal hand-written SpreadsheetML writer (stdlib zipfile only) for the real36 probes.

Cells are given as (ref, spec) where spec is one of:
  'text'                      shared string
  IS('text')                  inline string (t="inlineStr")
  RICH([(text, rpr_xml), ...]) shared string with rich runs
  RICHI([...])                inline rich string
  PH('text', 'phonetic')      shared string with a phonetic run (rPh)
  N(value, style)             number (value written as given, e.g. '1.0')
  D(date, style)              date as serial number, style = name of a date xf
  F(formula, cached, t, style) formula with cached value; t in (None, 'str', 'e', 'b')
  E('#REF!')                  error value
  B(style)                    blank cell with a style only
"""
import datetime as _dt
import zipfile
from xml.sax.saxutils import escape

HID = ' hidden="1"'
APN = ' applyNumberFormat="1"'
D1904 = ' date1904="1"'

class IS:
    def __init__(self, s): self.s = s
class RICH:
    def __init__(self, runs): self.runs = runs
class RICHI(RICH):
    pass
class PH:
    def __init__(self, s, ph): self.s, self.ph = s, ph
class N:
    def __init__(self, v, style=None): self.v, self.style = v, style
class D:
    def __init__(self, d, style='d14'): self.d, self.style = d, style
class F:
    def __init__(self, f, v, t=None, style=None): self.f, self.v, self.t, self.style = f, v, t, style
class E:
    def __init__(self, v): self.v = v
class B:
    def __init__(self, style='box'): self.style = style

# cellXfs: index by name
NUMFMTS = {164: 'yyyy"年"m"月"d"日"', 165: 'yyyy"年"m"月"', 166: 'yyyy/m/d', 167: '#,##0.00'}
XFS = [('gen', 0), ('d14', 14), ('dcn', 164), ('dym', 165), ('dslash', 166), ('amt', 167),
       ('box', 0), ('d31', 31), ('d22', 22), ('d57', 57), ('d58', 58)]
XF = {name: i for i, (name, _) in enumerate(XFS)}

def col_letter(c):
    s = ''
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s

def split_ref(ref):
    i = 0
    while ref[i].isalpha(): i += 1
    col = 0
    for ch in ref[:i]: col = col * 26 + ord(ch) - 64
    return col, int(ref[i:])

def t_xml(s):
    sp = ' xml:space="preserve"' if (s != s.strip() or '\n' in s) else ''
    return f'<t{sp}>{escape(s)}</t>'

def runs_xml(runs):
    out = []
    for text, rpr in runs:
        out.append(f'<r>{"<rPr>" + rpr + "</rPr>" if rpr else ""}{t_xml(text)}</r>')
    return ''.join(out)

class Sheet:
    def __init__(self, name, state=None):
        self.name, self.state = name, state
        self.cells = {}          # (row, col) -> spec
        self.merges = []
        self.cols = []           # (min, max, width, hidden)
        self.rows = {}           # row -> dict(hidden=, ht=, s=)
        self.extra = ''          # xml after mergeCells (autoFilter etc. go before)
        self.autofilter = None
    def set(self, ref, spec):
        c, r = split_ref(ref)
        self.cells[(r, c)] = spec
    def row(self, r, first_col, values):
        c0, _ = split_ref(first_col + '1')
        for i, v in enumerate(values):
            if v is None: continue
            self.cells[(r, c0 + i)] = v
    def merge(self, rng): self.merges.append(rng)

class Workbook:
    def __init__(self, date1904=False):
        self.sheets, self.date1904 = [], date1904
        self.sst, self.sst_index = [], {}
    def add(self, name, state=None):
        s = Sheet(name, state); self.sheets.append(s); return s
    def serial(self, d):
        base = _dt.date(1904, 1, 1) if self.date1904 else _dt.date(1899, 12, 30)
        if isinstance(d, _dt.datetime):
            delta = d - _dt.datetime.combine(base, _dt.time())
            return repr(delta.days + delta.seconds / 86400)
        return str((d - base).days)
    def _sst(self, key, xml):
        if key not in self.sst_index:
            self.sst_index[key] = len(self.sst); self.sst.append(xml)
        return self.sst_index[key]
    def cell_xml(self, ref, v):
        if isinstance(v, str):
            i = self._sst(('s', v), f'<si>{t_xml(v)}</si>')
            return f'<c r="{ref}" s="{XF["box"]}" t="s"><v>{i}</v></c>'
        if isinstance(v, RICHI):
            return f'<c r="{ref}" s="{XF["box"]}" t="inlineStr"><is>{runs_xml(v.runs)}</is></c>'
        if isinstance(v, RICH):
            i = self._sst(('r', repr(v.runs)), f'<si>{runs_xml(v.runs)}</si>')
            return f'<c r="{ref}" s="{XF["box"]}" t="s"><v>{i}</v></c>'
        if isinstance(v, IS):
            return f'<c r="{ref}" s="{XF["box"]}" t="inlineStr"><is>{t_xml(v.s)}</is></c>'
        if isinstance(v, PH):
            xml = (f'<si>{t_xml(v.s)}<rPh sb="0" eb="2"><t>{escape(v.ph)}</t></rPh>'
                   f'<phoneticPr fontId="1" type="noConversion"/></si>')
            i = self._sst(('p', v.s, v.ph), xml)
            return f'<c r="{ref}" s="{XF["box"]}" t="s"><v>{i}</v></c>'
        if isinstance(v, N):
            return f'<c r="{ref}" s="{XF[v.style or "box"]}"><v>{v.v}</v></c>'
        if isinstance(v, D):
            return f'<c r="{ref}" s="{XF[v.style]}"><v>{self.serial(v.d)}</v></c>'
        if isinstance(v, F):
            t = f' t="{v.t}"' if v.t else ''
            val = '' if v.v is None else f'<v>{escape(str(v.v))}</v>'
            return f'<c r="{ref}" s="{XF[v.style or "box"]}"{t}><f>{escape(v.f)}</f>{val}</c>'
        if isinstance(v, E):
            return f'<c r="{ref}" s="{XF["box"]}" t="e"><v>{escape(v.v)}</v></c>'
        if isinstance(v, B):
            return f'<c r="{ref}" s="{XF[v.style]}"/>'
        raise TypeError(v)
    def sheet_xml(self, s):
        rows = {}
        for (r, c), v in s.cells.items(): rows.setdefault(r, {})[c] = v
        for r in s.rows: rows.setdefault(r, {})
        out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
               'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">']
        out.append('<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="14.25"/>')
        if s.cols:
            out.append('<cols>' + ''.join(
                f'<col min="{a}" max="{b}" width="{w}" customWidth="1"{HID if h else ""}/>'
                for a, b, w, h in s.cols) + '</cols>')
        out.append('<sheetData>')
        for r in sorted(rows):
            attrs = s.rows.get(r, {})
            a = ''
            if attrs.get('s') is not None: a += f' s="{XF[attrs["s"]]}" customFormat="1"'
            if attrs.get('ht'): a += f' ht="{attrs["ht"]}" customHeight="1"'
            if attrs.get('hidden'): a += ' hidden="1"'
            out.append(f'<row r="{r}"{a}>')
            for c in sorted(rows[r]):
                out.append(self.cell_xml(f'{col_letter(c)}{r}', rows[r][c]))
            out.append('</row>')
        out.append('</sheetData>')
        if s.autofilter: out.append(f'<autoFilter ref="{s.autofilter}"/>')
        if s.merges:
            out.append(f'<mergeCells count="{len(s.merges)}">' +
                       ''.join(f'<mergeCell ref="{m}"/>' for m in s.merges) + '</mergeCells>')
        out.append('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>')
        out.append(s.extra + '</worksheet>')
        return ''.join(out)
    def styles_xml(self):
        nf = ''.join(f'<numFmt numFmtId="{i}" formatCode="{escape(c, {chr(34): "&quot;"})}"/>' for i, c in NUMFMTS.items())
        xfs = ''.join(f'<xf numFmtId="{n}" fontId="0" fillId="0" borderId="{1 if name != "gen" else 0}" xfId="0"'
                      f'{APN if n else ""}><alignment wrapText="1" vertical="center"/></xf>'
                      for name, n in XFS)
        return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                f'<numFmts count="{len(NUMFMTS)}">{nf}</numFmts>'
                '<fonts count="2"><font><sz val="11"/><name val="宋体"/><charset val="134"/></font>'
                '<font><sz val="9"/><name val="宋体"/><charset val="134"/></font></fonts>'
                '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
                '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>'
                '<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders>'
                '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
                f'<cellXfs count="{len(XFS)}">{xfs}</cellXfs>'
                '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>'
                '</styleSheet>')
    def save(self, path, sst_first=True):
        sheets = [self.sheet_xml(s) for s in self.sheets]   # fills self.sst
        ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
              '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
              '<Default Extension="xml" ContentType="application/xml"/>'
              '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
              + ''.join(f'<Override PartName="/xl/worksheets/sheet{i+1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(len(sheets)))
              + '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
              '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
              '</Types>')
        rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                '</Relationships>')
        wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
              'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
              f'<workbookPr{D1904 if self.date1904 else ""}/>'
              '<bookViews><workbookView activeTab="0"/></bookViews><sheets>'
              + ''.join(f'<sheet name="{escape(s.name)}" sheetId="{i+1}"{(" state=" + chr(34) + s.state + chr(34)) if s.state else ""} r:id="rId{i+1}"/>'
                        for i, s in enumerate(self.sheets))
              + '</sheets><calcPr calcId="191029"/></workbook>')
        n = len(sheets)
        wbrels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                  + ''.join(f'<Relationship Id="rId{i+1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i+1}.xml"/>' for i in range(n))
                  + f'<Relationship Id="rId{n+1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
                  f'<Relationship Id="rId{n+2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                  '</Relationships>')
        sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(self.sst)}" uniqueCount="{len(self.sst)}">'
               + ''.join(self.sst) + '</sst>')
        with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
            z.writestr('[Content_Types].xml', ct)
            z.writestr('_rels/.rels', rels)
            z.writestr('xl/workbook.xml', wb)
            z.writestr('xl/_rels/workbook.xml.rels', wbrels)
            z.writestr('xl/styles.xml', self.styles_xml())
            z.writestr('xl/sharedStrings.xml', sst)
            for i, x in enumerate(sheets):
                z.writestr(f'xl/worksheets/sheet{i+1}.xml', x)
