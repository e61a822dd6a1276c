#!/usr/bin/env python3
"""Writes n5 as a hand-built .odt: red head in a text box (draw:frame), chapter-numbered headings
(text:outline-style 一、), a list numbered （一）, a footnote (text:note), the annex table with
table:table-header-rows, number-rows-spanned + covered cells, text:line-break between unit names,
text:soft-page-break between rows, text:s and text:span inside cells."""
import os
import sys
import zipfile

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'office:version="1.3"')


def tp(x, style='P'):
    return f'<text:p text:style-name="{style}">{x}</text:p>'


def c(x, rows=None):
    span = f' table:number-rows-spanned="{rows}" table:number-columns-spanned="1"' if rows else ''
    if isinstance(x, str):
        x = [x]
    return f'<table:table-cell table:style-name="Cell" office:value-type="string"{span}>{"".join(tp(i, "T") for i in x)}</table:table-cell>'


COV = '<table:covered-table-cell table:style-name="Cell"/>'


def row(*cells):
    return f'<table:table-row>{"".join(cells)}</table:table-row>'


body = [
    tp('<draw:frame draw:style-name="fr1" draw:name="文本框 1" text:anchor-type="paragraph" svg:width="15.5cm" '
       'svg:height="2.2cm" svg:x="0cm" svg:y="0cm" draw:z-index="0"><draw:text-box>'
       + tp('汐河县教育局文件', 'Red') + '</draw:text-box></draw:frame>'),
    tp('汐教发〔2025〕15号', 'C'),
    tp(''),
    tp('汐河县教育局关于印发汐河县2025年教育工作要点的通知', 'Title'),
    tp(''),
    tp('各乡镇中心学校，县直各学校（幼儿园），局机关各股室：'),
    tp('现将《汐河县2025年教育工作要点》印发给你们，请结合工作实际，认真抓好贯彻落实。', 'Ind'),
    '<text:h text:style-name="H1" text:outline-level="1">总体目标</text:h>',
    tp('全面落实立德树人根本任务，加快建设教育强县，办好人民满意的教育<text:note text:id="ftn1" text:note-class="footnote">'
       '<text:note-citation>1</text:note-citation><text:note-body>' + tp('见《汐河县教育强县建设规划（2024—2030年）》，汐政发〔2024〕6号。', 'Fn') +
       '</text:note-body></text:note>。', 'Ind'),
    '<text:h text:style-name="H1" text:outline-level="1">保障措施</text:h>',
    '<text:list text:style-name="L1">'
    '<text:list-item>' + tp('加强组织领导。各学校要成立工作专班，明确责任人，按月推进各项任务。', 'Ind') + '</text:list-item>'
    '<text:list-item>' + tp('强化督导考核。县教育局将工作要点落实情况纳入年度办学绩效考核。', 'Ind') + '</text:list-item>'
    '</text:list>',
    tp(''),
    tp('附件：汐河县2025年教育工作要点任务分工', 'Ind'),
    tp(''),
    tp('汐河县教育局', 'R'),
    tp('2025年4月8日', 'R'),
    tp('（此件公开发布）', 'Ind'),
    tp('附件', 'Break'),
    tp('汐河县2025年教育工作要点任务分工', 'Title'),
    '<table:table table:name="表格1" table:style-name="Tbl">'
    '<table:table-column table:style-name="ColA"/><table:table-column table:style-name="ColB"/>'
    '<table:table-column table:style-name="ColC" table:number-columns-repeated="2"/><table:table-column table:style-name="ColD"/>'
    '<table:table-header-rows>' + row(c('序号'), c('工作要点'), c('牵头单位'), c('配合单位'), c('完成时限')) + '</table:table-header-rows>'
    + row(c('1'), c('落实“双减”政策，推进课后服务提质增效。'), c('县教育局基础教育股', 3), c('各中小学校'),
          c('<text:span text:style-name="S1">2025年</text:span>6月底前', 2))
    + row(c('2'), c('推进义务教育优质均衡发展，<text:s/>新建学校2所。'), COV,
          c('县发改局<text:line-break/>县财政局<text:line-break/>县自然资源局'), COV)
    + row(c('3'), c('实施学前教育普惠保障工程，普惠性幼儿园覆盖率达到92%。'), COV, c('各乡镇人民政府'), c('2025年8月31日前'))
    + '<text:soft-page-break/>'
    + row(c('4'), c('加强中小学校园安全管理，推进“护校安园”专项行动。'), c('县教育局安全股'), c('县公安局、县市场监管局'), c('每季度末'))
    + row(c('5'), c('深化教师队伍“县管校聘”管理改革。'), c('县教育局人事股'), c('县委编办、县人社局'), c('12月底前'))
    + row(c('6'), c('推进教育数字化转型，建设智慧校园20所。'), c('县电化教育馆'), c('各中小学校'), c('长期坚持'))
    + '</table:table>',
    tp(''),
    tp('抄送：县委教育工作领导小组秘书组，县人民政府办公室。'),
    tp('汐河县教育局办公室<text:tab/>2025年4月8日印发'),
]

content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS}>'
           '<office:automatic-styles>'
           '<style:style style:name="Tbl" style:family="table"><style:table-properties style:width="16cm" table:align="center"/></style:style>'
           '<style:style style:name="ColA" style:family="table-column"><style:table-column-properties style:column-width="1.2cm"/></style:style>'
           '<style:style style:name="ColB" style:family="table-column"><style:table-column-properties style:column-width="6.6cm"/></style:style>'
           '<style:style style:name="ColC" style:family="table-column"><style:table-column-properties style:column-width="3cm"/></style:style>'
           '<style:style style:name="ColD" style:family="table-column"><style:table-column-properties style:column-width="2.2cm"/></style:style>'
           '<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.1cm"/></style:style>'
           '<style:style style:name="S1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>'
           '<style:style style:name="fr1" style:family="graphic"><style:graphic-properties draw:fill="none" draw:stroke="none" style:wrap="none" style:vertical-pos="top" style:horizontal-pos="center"/></style:style>'
           '<style:style style:name="Break" style:family="paragraph" style:parent-style-name="P"><style:paragraph-properties fo:break-before="page"/></style:style>'
           '</office:automatic-styles>'
           f'<office:body><office:text>{"".join(body)}</office:text></office:body></office:document-content>')

styles = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {NS}><office:styles>'
          '<style:style style:name="P" style:family="paragraph"><style:text-properties fo:font-size="16pt"/></style:style>'
          '<style:style style:name="T" style:family="paragraph"><style:text-properties fo:font-size="12pt"/></style:style>'
          '<style:style style:name="Fn" style:family="paragraph"><style:text-properties fo:font-size="10pt"/></style:style>'
          '<style:style style:name="Ind" style:family="paragraph" style:parent-style-name="P"><style:paragraph-properties fo:text-indent="0.9cm"/></style:style>'
          '<style:style style:name="C" style:family="paragraph" style:parent-style-name="P"><style:paragraph-properties fo:text-align="center"/></style:style>'
          '<style:style style:name="R" style:family="paragraph" style:parent-style-name="P"><style:paragraph-properties fo:text-align="end"/></style:style>'
          '<style:style style:name="Red" style:family="paragraph" style:parent-style-name="C"><style:text-properties fo:font-size="26pt" fo:color="#ff0000" fo:font-weight="bold"/></style:style>'
          '<style:style style:name="Title" style:family="paragraph" style:parent-style-name="C"><style:text-properties fo:font-size="22pt" fo:font-weight="bold"/></style:style>'
          '<style:style style:name="H1" style:family="paragraph" style:parent-style-name="P" style:default-outline-level="1"><style:paragraph-properties fo:text-indent="0.9cm"/><style:text-properties style:font-name-asian="SimHei"/></style:style>'
          '<text:outline-style style:name="Outline">'
          '<text:outline-level-style text:level="1" style:num-format="一, 二, 三, ..." style:num-suffix="、"/>'
          '</text:outline-style>'
          '</office:styles>'
          '<office:automatic-styles/>'
          '</office:document-styles>')
# the list style for （一） lives in styles.xml's office:styles in LibreOffice files; put it there
styles = styles.replace('</office:styles>',
                        '<text:list-style style:name="L1"><text:list-level-style-number text:level="1" '
                        'style:num-prefix="（" style:num-suffix="）" style:num-format="一, 二, 三, ..."/></text:list-style>'
                        '</office:styles>')

manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
            '</manifest:manifest>')

with zipfile.ZipFile(os.path.join(OUT, 'n5_odt_textbox_outline_covered_cells.odt'), 'w') as z:
    z.writestr(zipfile.ZipInfo('mimetype'), 'application/vnd.oasis.opendocument.text', compress_type=zipfile.ZIP_STORED)
    z.writestr('content.xml', content, compress_type=zipfile.ZIP_DEFLATED)
    z.writestr('styles.xml', styles, compress_type=zipfile.ZIP_DEFLATED)
    z.writestr('META-INF/manifest.xml', manifest, compress_type=zipfile.ZIP_DEFLATED)
