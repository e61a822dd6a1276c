"""Minimal hand-written WordprocessingML for the real34 probes (python3 stdlib only).

Everything is raw XML strings so each sample can put exactly the markup it exercises
(tracked changes, wrappers, sdt rows, legacy merges, nested tables, WPS quirks).
"""
import zipfile
from xml.sax.saxutils import escape

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
      'mc:Ignorable="w14"')
FONT = '<w:rFonts w:ascii="FangSong" w:eastAsia="FangSong" w:hAnsi="FangSong"/>'
AUTH = 'w:author="张三" w:date="2025-03-10T09:00:00Z"'


def r(text, size=32, bold=False, color=None, font=FONT, extra=''):
    """One run. '\\t' -> w:tab, '\\n' -> w:br."""
    rpr = font + ('<w:b/>' if bold else '') + (f'<w:color w:val="{color}"/>' if color else '') + \
        f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>' + extra
    out = []
    for i, line in enumerate(text.split('\n')):
        if i:
            out.append('<w:br/>')
        for j, piece in enumerate(line.split('\t')):
            if j:
                out.append('<w:tab/>')
            if piece:
                out.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
    return f'<w:r><w:rPr>{rpr}</w:rPr>{"".join(out)}</w:r>'


def rdel(text, size=32, i=1):
    return (f'<w:del w:id="{i}" {AUTH}><w:r><w:rPr>{FONT}<w:sz w:val="{size}"/></w:rPr>'
            f'<w:delText xml:space="preserve">{escape(text)}</w:delText></w:r></w:del>')


def rins(text, size=32, i=2):
    return f'<w:ins w:id="{i}" {AUTH}>{r(text, size)}</w:ins>'


def p(body='', jc=None, num=None, first=False, ppr_extra='', size=32):
    """body: str (one run) or raw run XML when it starts with '<'."""
    ppr = ''
    if num:
        ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    if first:
        ppr += '<w:ind w:firstLineChars="200" w:firstLine="640"/>'
    if jc:
        ppr += f'<w:jc w:val="{jc}"/>'
    ppr += ppr_extra
    runs = body if body.startswith('<') else (r(body, size) if body else '')
    return f'<w:p><w:pPr>{ppr}</w:pPr>{runs}</w:p>'


def tc(content, width, span=None, vm=None, hm=None, size=24):
    """content: str | list of str (paragraphs) | raw XML (starts with '<')."""
    pr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span:
        pr += f'<w:gridSpan w:val="{span}"/>'
    if hm:
        pr += '<w:hMerge w:val="restart"/>' if hm == 'restart' else '<w:hMerge/>'
    if vm:
        pr += {'restart': '<w:vMerge w:val="restart"/>', 'continue': '<w:vMerge w:val="continue"/>',
               'bare': '<w:vMerge/>'}[vm]
    pr += '<w:vAlign w:val="center"/>'
    if isinstance(content, str) and content.startswith('<'):
        body = content
    else:
        paras = [content] if isinstance(content, str) else content
        body = ''.join(p(x, jc='center' if len(x) < 8 else None, size=size) for x in paras) or p('')
    return f'<w:tc><w:tcPr>{pr}</w:tcPr>{body}</w:tc>'


def tr(cells_xml, header=False, trpr_extra=''):
    return f'<w:tr><w:trPr>{"<w:tblHeader/>" if header else ""}{trpr_extra}</w:trPr>{cells_xml}</w:tr>'


def row(cells, widths, header=False, size=24, trpr_extra=''):
    """cells: list of str/list (one per grid column)."""
    return tr(''.join(tc(c, w, size=size) for c, w in zip(cells, widths)), header, trpr_extra)


def tbl(widths, rows_xml):
    b = ''.join(f'<w:{x} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                for x in ('top', 'left', 'bottom', 'right', 'insideH', 'insideV'))
    grid = ''.join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
            f'<w:tblBorders>{b}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>'
            f'<w:tblGrid>{grid}</w:tblGrid>{"".join(rows_xml)}</w:tbl>')


SECT = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" '
        'w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>')

STYLES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
          '<w:docDefaults><w:rPrDefault><w:rPr>' + FONT + '<w:sz w:val="32"/><w:lang w:eastAsia="zh-CN"/>'
          '</w:rPr></w:rPrDefault></w:docDefaults>'
          '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>'
          '</w:styles>')


def write(path, body, numbering=None, styles=STYLES, ns=NS, extra_parts=None):
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>')
    if numbering:
        ct += '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
    ct += '</Types>'
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>')
    drels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
             + ('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>' if numbering else '')
             + '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="http://www.example.gov.cn/" TargetMode="External"/>'
             + '</Relationships>')
    doc = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {ns}><w:body>{body}{SECT}</w:body></w:document>'
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', ct)
        z.writestr('_rels/.rels', rels)
        z.writestr('word/_rels/document.xml.rels', drels)
        z.writestr('word/document.xml', doc)
        z.writestr('word/styles.xml', styles)
        if numbering:
            z.writestr('word/numbering.xml', numbering)
        for k, v in (extra_parts or {}).items():
            z.writestr(k, v)


def front(issuer_red, number, title_lines, recipients_line, body_paras):
    """Cover: 红头, 文号, title, 主送, body paragraphs (raw XML or text)."""
    out = [p(r(issuer_red, 60, True, 'FF0000'), jc='center'),
           p(r(number), jc='center'), p('')]
    out += [p(r(t, 44, True), jc='center') for t in title_lines]
    out.append(p(''))
    out.append(p(recipients_line))
    for b in body_paras:
        out.append(b if b.startswith('<w:p>') or b.startswith('<w:p ') else p(b, first=True))
    return out


def signoff(attach_line, signer, date, publicity='（此件公开发布）'):
    out = [p(''), p(attach_line, first=True), p(''), p(signer, jc='right'), p(date, jc='right')]
    if publicity:
        out.append(p(publicity, first=True))
    return out


PAGEBREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
