#!/usr/bin/env python3
"""min/ and var/ files isolating the two problems found (usage: make_min.py PROBEDIR).

m1 (odt): 序号 cells numbered only by a text:list (L1) continued down the column with xml:id /
   text:continue-list, as in s07.
   v1a: the same continued with text:continue-numbering="true" (ODF 1.1 style)
   v1b: typed numbers 1..3 in the 序号 cells (control)
   v1c: the list numbers a body paragraph list (outside any table) of three items, the table's 序号 typed
m2 (docx): w:sym w:font="Symbol" w:char="F0B3" (≥) in a content cell, as in s04.
   v2a: w:sym with a Unicode char code (w:font="SimSun" w:char="2265")
   v2b: ≥ typed as text (control)
"""
import os
import sys
import zipfile
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_odt as mo
from dx import r, p, tc, tr, tbl, write, front, signoff, PAGEBREAK

ROWS = [('推进紧密型县域医共体建设。', '县卫健局', '2025年9月底前'),
        ('提升基层医疗服务能力。', '县卫健局', '2025年11月底前'),
        ('加强公共卫生服务。', '县疾控中心', '全年')]


def odt(path, mode):
    P = lambda t: mo.tp(t)
    body = [P('南屏县卫生健康局文件'), P('南卫发〔2025〕16号'),
            P('南屏县卫生健康局关于印发2025年卫生健康重点任务的通知'), P('各乡镇卫生院：'),
            P('现将重点任务印发给你们，请认真落实。')]
    if mode == 'bodylist':
        body.append('<text:list text:style-name="L1">' + ''.join(
            f'<text:list-item><text:p text:style-name="P1">{t}</text:p></text:list-item>'
            for t in ['明确责任分工。', '加强督促检查。', '按时报送进展。']) + '</text:list>')
    body += [P('附件：2025年卫生健康重点任务分工表'), P('南屏县卫生健康局'), P('2025年3月26日'),
             mo.tp('附件', 'Break'), P('2025年卫生健康重点任务分工表')]
    hdr = ''.join(mo.cell(h) for h in ['序号', '重点任务', '责任单位', '完成时限'])

    def seq(i):
        if mode in ('typed', 'bodylist'):
            return mo.cell(str(i + 1))
        if mode == 'contnum':
            cont = '' if i == 0 else ' text:continue-numbering="true"'
            return (f'<table:table-cell table:style-name="TC" office:value-type="string"><text:list text:style-name="L1"{cont}>'
                    '<text:list-item><text:p text:style-name="Cell"/></text:list-item></text:list></table:table-cell>')
        return mo.seqcell(i == 0)
    rows = ''.join('<table:table-row>' + seq(i) + ''.join(mo.cell(x) for x in row) + '</table:table-row>'
                   for i, row in enumerate(ROWS))
    table = ('<table:table table:name="T"><table:table-column table:number-columns-repeated="4"/>'
             f'<table:table-header-rows><table:table-row>{hdr}</table:table-row></table:table-header-rows>{rows}</table:table>')
    body.append(table)
    # reuse make_odt's package by building the same XML
    auto = ('<office:automatic-styles>'
            '<style:style style:name="TC" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000"/></style:style>'
            '<style:style style:name="Break" style:family="paragraph"><style:paragraph-properties fo:break-before="page"/></style:style>'
            '<text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="">'
            '<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">'
            '<style:list-level-label-alignment text:label-followed-by="nothing"/></style:list-level-properties>'
            '</text:list-level-style-number></text:list-style></office:automatic-styles>')
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {mo.NS}>{auto}<office:body><office:text>'
               f'{"".join(body)}</office:text></office:body></office:document-content>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
    with zipfile.ZipFile(path, 'w') as z:
        z.writestr(zipfile.ZipInfo('mimetype'), 'application/vnd.oasis.opendocument.text', compress_type=zipfile.ZIP_STORED)
        z.writestr('content.xml', content, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr('META-INF/manifest.xml', manifest, compress_type=zipfile.ZIP_DEFLATED)


def docx(path, ge):
    W4 = [700, 4500, 2300, 1344]
    body = front('松阳县市场监督管理局文件', '松市监发〔2025〕6号', ['松阳县市场监督管理局关于印发校园食品安全重点任务的通知'],
                 '各乡镇人民政府：', ['现将重点任务印发给你们，请认真落实。'])
    body += signoff('附件：校园食品安全重点任务分工表', '松阳县市场监督管理局', '2025年4月3日', None)
    body += [PAGEBREAK, p('附件'), p('校园食品安全重点任务分工表', jc='center')]
    R = lambda t: r(t, 24)
    rows = [tr(''.join(tc(h, w) for h, w in zip(['序号', '重点任务', '责任单位', '完成时限'], W4)), header=True)]
    cells = [R('1'), R('学校食堂“明厨亮灶”覆盖率') + ge + R('95%。'), R('县市场监管局'), R('2025年9月底前')]
    rows.append(tr(''.join(tc(p(c, size=24), w) for c, w in zip(cells, W4))))
    cells = [R('2'), R('开展校园食品安全专项检查。'), R('县教育局'), R('2025年10月底前')]
    rows.append(tr(''.join(tc(p(c, size=24), w) for c, w in zip(cells, W4))))
    body.append(tbl(W4, rows))
    write(path, ''.join(body))


if __name__ == '__main__':
    d = sys.argv[1]
    odt(os.path.join(d, 'min/m1_odt_seq_numbered_by_list_in_cells.odt'), 'xmlid')
    odt(os.path.join(d, 'var/v1a_odt_seq_list_continue_numbering.odt'), 'contnum')
    odt(os.path.join(d, 'var/v1b_odt_seq_typed_control.odt'), 'typed')
    odt(os.path.join(d, 'var/v1c_odt_body_list_numbered_seq_typed.odt'), 'bodylist')
    docx(os.path.join(d, 'min/m2_docx_sym_symbol_font_in_cell.docx'),
         '<w:r><w:rPr><w:sz w:val="24"/></w:rPr><w:sym w:font="Symbol" w:char="F0B3"/></w:r>')
    docx(os.path.join(d, 'var/v2a_docx_sym_unicode_code.docx'),
         '<w:r><w:rPr><w:sz w:val="24"/></w:rPr><w:sym w:font="SimSun" w:char="2265"/></w:r>')
    docx(os.path.join(d, 'var/v2b_docx_ge_typed_control.docx'), r('≥', 24))
