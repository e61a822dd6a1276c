"""Tiny hand-rolled WordprocessingML writer for the real30 probes.

Only what the probes need: paragraphs (tabs, soft breaks, numPr, alignment, page breaks),
tables (gridSpan, vMerge, tblHeader, cell numbering), section breaks (landscape),
text boxes (mc:AlternateContent with a VML fallback, as Word writes them),
fields (fldChar / instrText), content controls (w:sdt) and footnotes.
"""
import zipfile
from xml.sax.saxutils import escape

W_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
        'mc:Ignorable="w14"')

FONT = '<w:rFonts w:ascii="FangSong" w:eastAsia="FangSong" w:hAnsi="FangSong"/>'


def run(text, size=32, bold=False, color=None, font=FONT):
    """text: '\t' -> w:tab, '\n' -> w:br."""
    rpr = font + ('<w:b/>' if bold else '') + (f'<w:color w:val="{color}"/>' if color else '') + \
        f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
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


def p(text='', num=None, jc=None, size=32, bold=False, color=None, ind=None, pagebreak_before=False,
      sect=None, raw=None, spacing=None):
    ppr = ''
    if pagebreak_before:
        ppr += '<w:pageBreakBefore/>'
    if num:
        ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    if spacing is not None:
        ppr += f'<w:spacing w:line="{spacing}" w:lineRule="exact"/>'
    if ind == 'first':
        ppr += '<w:ind w:firstLineChars="200" w:firstLine="640"/>'
    if jc:
        ppr += f'<w:jc w:val="{jc}"/>'
    if sect:
        ppr += sect
    body = raw if raw is not None else (run(text, size, bold, color) if text else '')
    return f'<w:p><w:pPr>{ppr}</w:pPr>{body}</w:p>'


def sect(landscape=False, next_page=True):
    if landscape:
        pg = '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>' \
             '<w:pgMar w:top="1474" w:right="1440" w:bottom="1474" w:left="1440" w:header="851" w:footer="992" w:gutter="0"/>'
    else:
        pg = '<w:pgSz w:w="11906" w:h="16838"/>' \
             '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/>'
    typ = '<w:type w:val="nextPage"/>' if next_page else ''
    return f'<w:sectPr>{typ}{pg}</w:sectPr>'


def cell(spec, width, size=24):
    """spec: str | list[str] (one paragraph each) | dict(p=..., vm='restart'|'continue', span=n, num=(id,lvl))."""
    if not isinstance(spec, dict):
        spec = {'p': spec}
    paras = spec.get('p', '')
    if isinstance(paras, str):
        paras = [paras]
    tcpr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if spec.get('span'):
        tcpr += f'<w:gridSpan w:val="{spec["span"]}"/>'
    if spec.get('vm') == 'restart':
        tcpr += '<w:vMerge w:val="restart"/>'
    elif spec.get('vm') == 'continue':
        tcpr += '<w:vMerge/>'
    tcpr += '<w:vAlign w:val="center"/>'
    ps = ''.join(p(x, num=spec.get('num'), size=size, bold=spec.get('bold', False),
                   raw=spec.get('raw')) for x in paras) or p('')
    return f'<w:tc><w:tcPr>{tcpr}</w:tcPr>{ps}</w:tc>'


def table(widths, rows, header_rows=0, size=24, cant_split=False):
    borders = ''.join(f'<w:{b} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                      for b in ('top', 'left', 'bottom', 'right', 'insideH', 'insideV'))
    grid = ''.join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    out = [f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
           f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>']
    for ri, row in enumerate(rows):
        trpr = ''
        if ri < header_rows:
            trpr += '<w:tblHeader/>'
        if cant_split:
            trpr += '<w:cantSplit/>'
        cells, col = [], 0
        for spec in row:
            span = spec.get('span', 1) if isinstance(spec, dict) else 1
            cells.append(cell(spec, sum(widths[col:col + span]), size))
            col += span
        out.append(f'<w:tr><w:trPr>{trpr}</w:trPr>{"".join(cells)}</w:tr>')
    out.append('</w:tbl>')
    return ''.join(out)


def textbox(paragraphs_xml, cx=5040000, cy=900000):
    """An anchored text box as Word 2010+ writes it: the DrawingML shape in mc:Choice and
    the same text again in a VML v:textbox in mc:Fallback."""
    return ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
            f'<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="251659264" '
            'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
            '<wp:positionH relativeFrom="margin"><wp:align>center</wp:align></wp:positionH>'
            '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
            f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>'
            '<wp:docPr id="1" name="文本框 1"/><wp:cNvGraphicFramePr/>'
            '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/>'
            f'<a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/>'
            '<a:ln><a:noFill/></a:ln></wps:spPr>'
            f'<wps:txbx><w:txbxContent>{paragraphs_xml}</w:txbxContent></wps:txbx>'
            '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="t"/>'
            '</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
            '<mc:Fallback><w:pict><v:shape id="文本框 1" o:spid="_x0000_s1026" type="#_x0000_t202" '
            'xmlns:o="urn:schemas-microsoft-com:office:office" style="position:absolute;width:396.85pt;height:70.85pt" '
            'filled="f" stroked="f"><v:textbox inset="0,0,0,0">'
            f'<w:txbxContent>{paragraphs_xml}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>'
            '</mc:AlternateContent></w:r>')


def field_runs(instr, result, size=32):
    """A complex field: begin, instrText, separate, the shown result, end."""
    rpr = f'<w:rPr>{FONT}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'
    return (f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r>{rpr}<w:instrText xml:space="preserve">{escape(instr)}</w:instrText></w:r>'
            f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>'
            f'{run(result, size)}'
            f'<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>')


def sdt(inner_runs, alias):
    return (f'<w:sdt><w:sdtPr><w:alias w:val="{alias}"/><w:tag w:val="{alias}"/><w:id w:val="1234"/>'
            f'<w:text/></w:sdtPr><w:sdtContent>{inner_runs}</w:sdtContent></w:sdt>')


def footnote_ref(fid, size=24):
    return (f'<w:r><w:rPr><w:vertAlign w:val="superscript"/><w:sz w:val="{size}"/></w:rPr>'
            f'<w:footnoteReference w:id="{fid}"/></w:r>')


NUMBERING_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                  '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">')


def lvl(ilvl, fmt, text, ind_left=0, first=640):
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{ind_left}" w:firstLine="{first}"/></w:pPr></w:lvl>')


def numbering(abstracts):
    """abstracts: list of list-of-lvl-xml; numId i+1 -> abstractNum i."""
    out = [NUMBERING_HEAD]
    for i, lv in enumerate(abstracts):
        out.append(f'<w:abstractNum w:abstractNumId="{i}"><w:multiLevelType w:val="multilevel"/>{"".join(lv)}</w:abstractNum>')
    for i in range(len(abstracts)):
        out.append(f'<w:num w:numId="{i + 1}"><w:abstractNumId w:val="{i}"/></w:num>')
    out.append('</w:numbering>')
    return ''.join(out)


def write_docx(path, body_xml, final_sect, numbering_xml=None, footnotes=None):
    """footnotes: dict id -> text."""
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>')
    if numbering_xml:
        ct += '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
    if footnotes:
        ct += '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
    ct += '</Types>'
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>')
    drels = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>']
    if numbering_xml:
        drels.append('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>')
    if footnotes:
        drels.append('<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>')
    drels.append('</Relationships>')
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
              '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="FangSong" w:eastAsia="FangSong" w:hAnsi="FangSong"/>'
              '<w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault></w:docDefaults>'
              '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>'
              '</w:styles>')
    doc = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W_NS}><w:body>'
           f'{body_xml}{final_sect}</w:body></w:document>')
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', ct)
        z.writestr('_rels/.rels', rels)
        z.writestr('word/_rels/document.xml.rels', ''.join(drels))
        z.writestr('word/document.xml', doc)
        z.writestr('word/styles.xml', styles)
        if numbering_xml:
            z.writestr('word/numbering.xml', numbering_xml)
        if footnotes:
            fx = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                  '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                  '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                  '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>']
            for fid, txt in footnotes.items():
                fx.append(f'<w:footnote w:id="{fid}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                          f'<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {escape(txt)}</w:t></w:r></w:p></w:footnote>')
            fx.append('</w:footnotes>')
            z.writestr('word/footnotes.xml', ''.join(fx))
