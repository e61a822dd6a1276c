#!/usr/bin/env python3
"""Writes the real34 .docx samples (s03-s06) by hand. usage: make_docx.py OUTDIR"""
import os
import sys
from xml.sax.saxutils import escape
from dx import (r, rdel, rins, p, tc, tr, row, tbl, write, front, signoff, PAGEBREAK, FONT, AUTH, NS, STYLES)

W5 = [700, 3900, 1500, 1600, 1144]     # 序号 工作任务 牵头单位 配合单位 完成时限
W4 = [700, 4500, 2300, 1344]           # 序号 工作任务 责任单位 完成时限
HDR5 = ['序号', '工作任务', '牵头单位', '配合单位', '完成时限']


def cellp(runs, jc=None):
    return p(runs, jc=jc, size=24)


def s03(out):
    """Tracked changes everywhere: w:ins kept, w:del/w:delText dropped, moveFrom dropped, moveTo kept,
    a deleted table row (trPr/w:del), an inserted row (trPr/w:ins), renumbered 序号, rPrChange, a deleted
    paragraph with its mark."""
    R = lambda t: r(t, 24)
    body = [p(r('临江市人民政府办公室文件', 60, True, 'FF0000'), jc='center'),
            p(r('临政办发〔2025〕') + rdel('20', i=11) + rins('21', i=12) + r('号'), jc='center'), p(''),
            p(r('临江市人民政府办公室关于印发临江市', 44, True) + rdel('2024', 44, 13) + rins('2025', 44, 14)
              + r('年优化营商环境工作要点的通知', 44, True), jc='center'), p(''),
            p(r('各县（市、区）人民政府，市政府各部门') + rdel('，市直各单位', i=15) + r('：')),
            p('现将《临江市2025年优化营商环境工作要点》印发给你们，请认真贯彻执行。', first=True),
            p(r('一、工作目标')),
            p(r('（一）持续优化政务服务。') + rins('推动“高效办成一件事”扩面增效。', i=16), first=True),
            p(r('（二）') + rdel('切实', i=17) + r('降低企业经营成本。落实减税降费政策，降低要素成本。'), first=True),
            p(r('二、工作要求')),
            # a whole paragraph deleted, its mark too
            f'<w:p><w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/><w:rPr><w:del w:id="18" {AUTH}/></w:rPr></w:pPr>'
            + rdel('（一）加强统筹调度。建立月调度工作机制。', i=19) + '</w:p>',
            p('（一）压实工作责任。各牵头单位要制定具体措施，确保任务按期完成。', first=True)]
    body += signoff('附件：临江市2025年优化营商环境重点任务分工表', '临江市人民政府办公室', '2025年4月7日')
    body += [PAGEBREAK, p('附件'), p(r('临江市2025年优化营商环境重点任务分工表', 36, True), jc='center')]
    rows = [row(HDR5, W5, header=True)]

    def trow(cells_runs, trpr=''):
        return tr(''.join(tc(cellp(c, 'center' if i in (0,) else None), w) for i, (c, w) in enumerate(zip(cells_runs, W5))),
                  trpr_extra=trpr)
    rows.append(trow([R('1'), R('推行“高效办成一件事”，新增重点事项清单10项。'), R('市政务服务中心'),
                      R('市公安局、市人社局'), rdel('2025年6月底前', 24, 21) + rins('2025年9月底前', 24, 22)]))
    rows.append(trow([R('2'), R('深化“证照分离”改革，全面推行告知承诺制。'), R('市市场监管局'), R('市司法局'), R('2025年10月底前')]))
    # row deleted as a whole (its text is deleted too, as Word marks it)
    rows.append(trow([rdel('3', 24, 23), rdel('清理规范涉企收费，开展涉企违规收费专项检查。', 24, 24), rdel('市发改局', 24, 25),
                      rdel('市市场监管局', 24, 26), rdel('2025年6月底前', 24, 27)], trpr=f'<w:del w:id="28" {AUTH}/>'))
    move_to = (f'<w:moveToRangeStart w:id="31" w:name="move1" {AUTH}/><w:moveTo w:id="32" {AUTH}>{R("对标先进地区经验，")}</w:moveTo>'
               '<w:moveToRangeEnd w:id="31"/>')
    move_from = (f'<w:moveFromRangeStart w:id="33" w:name="move1" {AUTH}/><w:moveFrom w:id="34" {AUTH}>'
                 f'<w:r><w:rPr>{FONT}<w:sz w:val="24"/></w:rPr><w:t>，对标先进地区经验</w:t></w:r></w:moveFrom><w:moveFromRangeEnd w:id="33"/>')
    rows.append(trow([rdel('4', 24, 35) + rins('3', 24, 36), move_to + R('开展营商环境评价') + move_from + R('，形成问题整改清单。'),
                      R('市发改局'), R('市直有关部门'), R('2025年11月底前')]))
    rows.append(trow([rdel('5', 24, 37) + rins('4', 24, 38), R('落实惠企政策“免申即享”，扩大政策直达范围。'), R('市财政局'),
                      R('市工信局、') + rdel('县商务局', 24, 39) + rins('市商务局', 24, 40), R('全年')]))
    rows.append(trow([rins('5', 24, 41), rins('建立企业诉求“接诉即办”机制，办结率达到95%以上。', 24, 42), rins('市政务服务中心', 24, 43),
                      rins('市12345热线中心', 24, 44), rins('长期坚持', 24, 45)], trpr=f'<w:ins w:id="46" {AUTH}/>'))
    bold_change = (f'<w:r><w:rPr>{FONT}<w:b/><w:sz w:val="24"/><w:rPrChange w:id="47" {AUTH}><w:rPr><w:i/></w:rPr></w:rPrChange></w:rPr>'
                   '<w:t>加强知识产权保护</w:t></w:r>')
    rows.append(trow([R('6'), bold_change + R('，开展专项执法行动。'), R('市市场监管局'), R('市公安局'), R('2025年12月底前')]))
    rows.append(trow([R('7'), R('优化水电气报装服务，压减办理时间。'), R('市住建局'), R('国网临江供电公司、市水务集团'), R('2025年8月31日前')]))
    body.append(tbl(W5, rows))
    body.append(p(''))
    write(os.path.join(out, 's03_docx_tracked_changes_rows_moves.docx'), ''.join(body))


def s04(out):
    """Run wrappers (w:hyperlink, w:smartTag, w:customXml, w:bookmarkStart, w:proofErr), block sdt around a
    heading, w:sdt wrapping two table rows and one cell, w:sym (Symbol ≥), w:noBreakHyphen, w:tab in cells."""
    R = lambda t: r(t, 24)
    link = lambda inner: f'<w:hyperlink r:id="rId9" w:history="1">{inner}</w:hyperlink>'
    smart = lambda inner, el='place': f'<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="{el}">{inner}</w:smartTag>'
    cxml = lambda inner: f'<w:customXml w:uri="http://example.gov.cn/doc" w:element="field">{inner}</w:customXml>'
    body = [p(r('松阳县市场监督管理局文件', 60, True, 'FF0000'), jc='center'),
            p(cxml(r('松市监发〔2025〕5号')), jc='center'), p(''),
            p(smart(r('松阳县', 44, True)) + r('市场监督管理局关于印发2025年全县食品安全工作要点的通知', 44, True), jc='center'),
            p(''),
            p('<w:bookmarkStart w:id="0" w:name="_GoBack"/>' + r('各乡镇人民政府（街道办事处），') + '<w:proofErr w:type="spellStart"/>'
              + r('县食安委各成员单位') + '<w:proofErr w:type="spellEnd"/><w:bookmarkEnd w:id="0"/>' + r('：')),
            p(r('现将《2025年全县食品安全工作要点》印发给你们，请结合实际抓好落实。相关资料可登录') + link(r('县政府门户网站')) + r('查询。'), first=True),
            p('一、总体目标'),
            p('（一）强化源头治理。严格食用农产品产地准出管理。', first=True),
            p('（二）严格过程监管。落实食品生产经营者主体责任。', first=True),
            '<w:sdt><w:sdtPr><w:alias w:val="二级标题"/><w:id w:val="501"/></w:sdtPr><w:sdtContent>' + p('二、保障措施') + '</w:sdtContent></w:sdt>',
            p('（一）加强组织保障。各责任单位要明确专人负责。', first=True)]
    body += [p(''), p('附件：2025年全县食品安全重点任务分工表', first=True), p(''),
             p('松阳县市场监督管理局', jc='right'), p(smart(r('2025年4月2日'), 'date'), jc='right'), p('（此件公开发布）', first=True)]
    body += [PAGEBREAK, p('附件'), p(r('2025年全县食品安全重点任务分工表', 36, True), jc='center')]
    hdr = ['序号', '重点任务', '责任单位', '完成时限']
    rows = [row(hdr, W4, header=True)]

    def trow(cells):
        return tr(''.join(tc(c if c.startswith('<w:tc') or c.startswith('<w:sdt') else cellp(c), w) if not c.startswith('<w:tc') and not c.startswith('<w:sdt') else c
                          for c, w in zip(cells, W4)))
    sym = '<w:r><w:rPr><w:sz w:val="24"/></w:rPr><w:sym w:font="Symbol" w:char="F0B3"/></w:r>'
    rows.append(trow([R('1'), R('开展校园食品安全守护行动，') + '<w:r><w:tab/></w:r>' + R('学校食堂“互联网+明厨亮灶”覆盖率') + sym + R('95%。'),
                      R('县市场监管局、县教育局'), R('2025年9月底前')]))
    sdt_rows = (trow([R('2'), R('深化农村集体聚餐安全管理，落实备案和现场指导制度。'), R('各乡镇人民政府'), R('长期坚持')])
                + trow([R('3'), R('实施食品安全抽检监测，全年完成抽检2000批次。'), R('县市场监管局'), R('全年')]))
    rows.append(f'<w:sdt><w:sdtPr><w:alias w:val="任务行"/><w:id w:val="502"/></w:sdtPr><w:sdtContent>{sdt_rows}</w:sdtContent></w:sdt>')
    rows.append(trow([R('4'), R('开展2025') + '<w:r><w:noBreakHyphen/></w:r>' + R('2027年食品生产企业风险分级管理，实现动态评级全覆盖。'),
                      R('县市场监管局'), R('2025年12月底前')]))
    rows.append(trow([R('5'), R('加强食用农产品产地准出管理，推行承诺达标合格证制度。'),
                      r('县农业农村局\t县林业局', 24), R('2025年11月30日前')]))
    rows.append(trow([R('6'), R('依托') + link(R('“浙食链”')) + R('系统推进冷链食品追溯。'),
                      cxml(R('县商务局')) + R('、') + cxml(R('县市场监管局')), R('每季度末')]))
    rows.append(trow([R('7'), R('开展') + smart(R('松阳县')) + R('餐饮质量安全提升行动，培育示范店20家。'),
                      R('县市场监管局、县商务局'), R('2025年10月底前')]))
    seq_cell = ('<w:sdt><w:sdtPr><w:id w:val="503"/></w:sdtPr><w:sdtContent>'
                + tc(cellp(R('8'), 'center'), W4[0]) + '</w:sdtContent></w:sdt>')
    rows.append(tr(seq_cell + tc(cellp(R('加强食品安全宣传，开展“食品安全宣传周”活动。')), W4[1])
                   + tc(cellp(R('县食安办')), W4[2]) + tc(cellp(R('2025年6月底前')), W4[3])))
    body.append(tbl(W4, rows))
    body += [p(''), p(''), p('抄送：县食安委办公室。'), p('松阳县市场监督管理局办公室\t\t2025年4月2日印发')]
    write(os.path.join(out, 's04_docx_run_wrappers_sdt_rows_sym_tabs.docx'), ''.join(body))


def nested_tbl():
    w = [2200, 1500]
    rows = [row(['指标', '目标值'], w), row(['学前教育毛入园率', '92%'], w), row(['义务教育巩固率', '99%'], w)]
    return tbl(w, rows)


def s05(out):
    """Legacy w:hMerge in a two-row header and in a data row, w:vMerge with val="continue" and bare,
    w:gridAfter on every row (a sliver column in the grid), a nested table in a content cell, and the
    annex split into two w:tbl by an empty paragraph (no header in the second)."""
    W6 = [700, 3900, 1500, 1600, 1100, 44]
    body = front('云溪县教育局文件', '云教发〔2025〕3号', ['云溪县教育局关于印发云溪县2025年', '教育工作要点的通知'],
                 '各乡镇中心学校，县直各学校，局机关各股室：',
                 ['现将《云溪县2025年教育工作要点》印发给你们，请认真抓好落实。',
                  p('一、主要目标'),
                  '（一）推进学前教育普惠发展。普惠性幼儿园覆盖率稳定在90%以上。',
                  '（二）促进义务教育优质均衡。缩小城乡、校际差距。',
                  p('二、工作要求'),
                  '（一）强化责任落实。各单位要细化工作措施。',
                  '（二）加强督查考核。将任务完成情况纳入年度考核。'])
    body += signoff('附件：云溪县2025年教育重点任务分工表', '云溪县教育局', '2025年2月20日')
    body += [PAGEBREAK, p('附件'), p(r('云溪县2025年教育重点任务分工表', 36, True), jc='center')]
    after = '<w:gridAfter w:val="1"/><w:wAfter w:w="44" w:type="dxa"/>'

    def trow(cells, header=False):
        """cells: list of (content, kwargs) for the first five grid columns."""
        return tr(''.join(tc(c, w, **kw) for (c, kw), w in zip(cells, W6)), header, trpr_extra=after)
    rows = [trow([('序号', {'vm': 'restart'}), ('工作任务', {'vm': 'restart'}), ('责任单位', {'hm': 'restart'}),
                  ('', {'hm': 'continue'}), ('完成时限', {'vm': 'restart'})], header=True),
            trow([('', {'vm': 'bare'}), ('', {'vm': 'bare'}), ('牵头单位', {}), ('配合单位', {}), ('', {'vm': 'bare'})], header=True),
            trow([('1', {}), ('扩大普惠性学前教育资源，新增公办幼儿园学位300个。', {}), ('县教育局', {}), ('县发改局、县财政局', {}), ('2025年8月底前', {})]),
            trow([('2', {}), ('推进义务教育薄弱环节改善，完成3所学校改扩建。', {}), ('县教育局', {'vm': 'restart'}), ('县住建局', {}), ('2025年12月底前', {})]),
            trow([('3', {}), (p('提升教育质量，完成以下年度指标：', size=24) + nested_tbl() + p(''), {}), ('', {'vm': 'bare'}),
                  ('各乡镇中心学校', {}), ('全年', {})]),
            trow([('4', {}), ('加强教师队伍建设，招聘新教师60名。', {}), ('', {'vm': 'continue'}), ('县人社局、县委编办', {}), ('2025年7月31日前', {})]),
            trow([('5', {}), ('实施校园安全专项整治行动，消除安全隐患。', {}), ('各学校', {'hm': 'restart'}), ('', {'hm': 'continue'}), ('长期坚持', {})])]
    body.append(tbl(W6, rows))
    body.append(p(''))
    rows2 = [trow([('6', {}), ('推进教育数字化，建设智慧校园10所。', {}), ('县教育局', {}), ('县数据局', {}), ('2025年11月底前', {})]),
             trow([('7', {}), ('落实学生资助政策，做到应助尽助。', {}), ('县教育局', {}), ('县财政局、县民政局', {}), ('2025年9月底前', {})]),
             trow([('8', {}), ('加强劳动教育和研学实践基地建设。', {}), ('县教育局', {}), ('县农业农村局', {}), ('2025年10月底前', {})])]
    body.append(tbl(W6, rows2))
    body += [p(''), p('抄送：县委教育工委，县政府办公室。'), p('云溪县教育局办公室\t\t2025年2月20日印发')]
    write(os.path.join(out, 's05_docx_legacy_hmerge_gridafter_nested_split_table.docx'), ''.join(body))


WPS_NS = (NS.replace('mc:Ignorable="w14"', '') + ' xmlns:wpsCustomData="http://www.wps.cn/officeDocument/2013/wpsCustomData" '
          'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" mc:Ignorable="w14 w15 wp14"'
          ' xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing"')
WPS_FONT = '<w:rFonts w:hint="eastAsia"/>'


def s06(out):
    """WPS-style: runs with w:rFonts hint/eastAsia only, headings numbered only through numbering.xml
    (chineseCounting %1、 and （%2）, level 2 restarting), level 1 reached through a paragraph style with numPr,
    序号 by a decimal list in the cells, a floating table (tblpPr), lead/support written in one cell."""
    def wr(t, size=32, bold=False):
        return r(t, size, bold, font='<w:rFonts w:hint="eastAsia" w:eastAsia="仿宋_GB2312"/>')

    def wp(t, num=None, style=None, first=False, jc=None, size=32, bold=False):
        ppr = f'<w:pStyle w:val="{style}"/>' if style else ''
        if num:
            ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        if first:
            ppr += '<w:ind w:firstLine="640" w:firstLineChars="200"/>'
        if jc:
            ppr += f'<w:jc w:val="{jc}"/>'
        ppr += '<w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>'
        return f'<w:p><w:pPr>{ppr}</w:pPr>{wr(t, size, bold) if t else ""}</w:p>'
    body = [wp('丰源县人民政府办公室文件', jc='center', size=60, bold=True), wp('丰政办发〔2025〕8号', jc='center'), wp(''),
            wp('丰源县人民政府办公室关于印发丰源县2025年安全生产工作要点的通知', jc='center', size=44, bold=True), wp(''),
            wp('各乡镇人民政府，县政府各部门：'),
            wp('现将《丰源县2025年安全生产工作要点》印发给你们，请认真组织实施。', first=True),
            wp('总体要求', style='1'),
            wp('压实安全生产责任。各乡镇、各部门要落实“三管三必须”要求。', num=(1, 1), first=True),
            wp('深化隐患排查整治。聚焦重点行业领域开展排查。', num=(1, 1), first=True),
            wp('重点任务', style='1'),
            wp('强化重点行业监管。严格执法检查。', num=(1, 1), first=True),
            wp('工作要求', style='1'),
            wp('加强督导检查。县安委办定期通报工作进展。', num=(1, 1), first=True),
            wp(''), wp('附件：丰源县2025年安全生产重点任务分工表', first=True), wp(''),
            wp('丰源县人民政府办公室', jc='right'), wp('2025年3月12日', jc='right'), wp('（此件公开发布）', first=True),
            '<w:p><w:r><w:br w:type="page"/></w:r></w:p>',
            wp('附件'), wp('丰源县2025年安全生产重点任务分工表', jc='center', size=36, bold=True)]
    rows_data = [
        ('开展安全生产治本攻坚三年行动，全面排查整治重大事故隐患。', '县安委办、县应急局', '2025年12月底前'),
        ('强化危险化学品全链条安全监管。', '县应急局牵头，县工信局、县交通运输局配合', '2025年10月底前'),
        ('深化道路交通安全整治，严查“两客一危”车辆违法行为。', '县公安局、县交通运输局', '全年'),
        ('加强燃气安全排查整治，推进老旧管网更新改造。', '县住建局', '2025年9月底前'),
        ('开展建筑施工安全专项整治。', '县住建局', '2025年6月30日前'),
        ('强化消防安全重点单位监管，开展高层建筑消防安全整治。', '县消防救援大队', '持续推进'),
        ('加强安全生产宣传教育，组织开展“安全生产月”活动。', '县应急局、各乡镇人民政府', '2025年6月底前'),
        ('健全应急救援体系，组织开展综合应急演练。', '县应急局', '2025年11月底前'),
    ]

    def wtc(t, w, num=None):
        return f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>{wp(t, num=num, size=24)}</w:tc>'
    rows = ['<w:tr><w:trPr><w:tblHeader/></w:trPr>' + ''.join(wtc(h, w) for h, w in zip(['序号', '工作任务', '责任单位', '完成时限'], W4)) + '</w:tr>']
    for c, u, d in rows_data:
        rows.append('<w:tr><w:trPr><w:trHeight w:val="567"/></w:trPr>' + wtc('', W4[0], num=(2, 0)) + wtc(c, W4[1]) + wtc(u, W4[2]) + wtc(d, W4[3]) + '</w:tr>')
    b = ''.join(f'<w:{x} w:val="single" w:sz="4" w:space="0" w:color="auto"/>' for x in ('top', 'left', 'bottom', 'right', 'insideH', 'insideV'))
    body.append('<w:tbl><w:tblPr><w:tblStyle w:val="5"/><w:tblpPr w:leftFromText="180" w:rightFromText="180" w:vertAnchor="text" '
                'w:horzAnchor="page" w:tblpX="1588" w:tblpY="300"/><w:tblOverlap w:val="never"/>'
                f'<w:tblW w:w="{sum(W4)}" w:type="dxa"/><w:tblBorders>{b}</w:tblBorders><w:tblLayout w:type="fixed"/>'
                '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
                '<w:tblGrid>' + ''.join(f'<w:gridCol w:w="{w}"/>' for w in W4) + '</w:tblGrid>' + ''.join(rows) + '</w:tbl>')
    body += [wp(''), wp('抄送：县委办公室，县人大常委会办公室，县政协办公室。'), wp('丰源县人民政府办公室\t\t2025年3月12日印发')]
    numbering = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
                 'xmlns:wpsCustomData="http://www.wps.cn/officeDocument/2013/wpsCustomData">'
                 '<w:abstractNum w:abstractNumId="0"><w:nsid w:val="1A2B3C4D"/><w:multiLevelType w:val="multilevel"/><w:tmpl w:val="0A1B2C3D"/>'
                 '<w:lvl w:ilvl="0" w:tentative="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="1"/><w:suff w:val="nothing"/>'
                 '<w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr></w:lvl>'
                 '<w:lvl w:ilvl="1" w:tentative="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlRestart w:val="1"/><w:suff w:val="nothing"/>'
                 '<w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr></w:lvl>'
                 '</w:abstractNum>'
                 '<w:abstractNum w:abstractNumId="1"><w:nsid w:val="2B3C4D5E"/><w:multiLevelType w:val="singleLevel"/><w:tmpl w:val="1B2C3D4E"/>'
                 '<w:lvl w:ilvl="0" w:tentative="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/><w:lvlJc w:val="center"/>'
                 '<w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr></w:lvl></w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
                 '</w:numbering>')
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
              '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋_GB2312" w:cs="Times New Roman"/>'
              '<w:sz w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault></w:docDefaults>'
              '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:qFormat/></w:style>'
              '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:qFormat/>'
              '<w:pPr><w:keepNext/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr>'
              '<w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr></w:style>'
              '<w:style w:type="table" w:styleId="5"><w:name w:val="Table Grid"/></w:style>'
              '</w:styles>')
    write(os.path.join(out, 's06_docx_wps_style_numbering_eastasia_fonts.docx'), ''.join(body), numbering=numbering,
          styles=styles, ns=WPS_NS)


if __name__ == '__main__':
    o = sys.argv[1]
    s03(o); s04(o); s05(o); s06(o)
