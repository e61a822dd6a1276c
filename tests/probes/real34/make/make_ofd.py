#!/usr/bin/env python3
"""Writes the real34 OFD samples (GB/T 33190) by hand: OFD.xml -> Doc_0/Document.xml ->
Doc_0/Pages/Page_N/Content.xml. Units are mm; a TextCode's X/Y are relative to its
TextObject's Boundary, Y being the baseline.

s01: cover + annex table over two pages (header repeated); content and unit cells of two
     lines; page-2 rows as one TextCode per line with DeltaX in `g N v` abbreviations,
     page-3 rows as one TextCode per character; a 牵头单位 cell merged over rows 3-5 (no
     rules between them in that column); printed page numbers `— N —`.
s02: the title drawn through a CTM (Size doubled, CTM 0.5 scale); annex cells as one
     TextObject per character; PathObject rules with a local Boundary (coordinates relative
     to it); a template page (running header + page number) under every page.
usage: make_ofd.py OUTDIR
"""
import os
import sys
import zipfile
from xml.sax.saxutils import escape

NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'
W, H = 210.0, 297.0
LEFT, RIGHT, TOP, BOTTOM = 28.0, 182.0, 37.0, 260.0


def cw(ch, size):
    return size if ord(ch) >= 0x2E80 else size * 0.5


def wrap(text, width, size):
    lines, cur, used = [], '', 0.0
    for ch in text:
        if used + cw(ch, size) > width + 1e-6 and cur:
            lines.append(cur)
            cur, used = '', 0.0
        cur += ch
        used += cw(ch, size)
    if cur:
        lines.append(cur)
    return lines


def fmt(v):
    return ('%.2f' % v).rstrip('0').rstrip('.')


def deltas(s, size, abbrev):
    d = [cw(ch, size) for ch in s[:-1]]
    if not abbrev:
        return ' '.join(fmt(x) for x in d)
    out, i = [], 0
    while i < len(d):
        j = i
        while j < len(d) and d[j] == d[i]:
            j += 1
        n = j - i
        out.append('g %d %s' % (n, fmt(d[i])) if n > 1 else fmt(d[i]))
        i = j
    return ' '.join(out)


class Page:
    def __init__(self, style):
        self.objs, self.style = [], style   # style: 'run' | 'percode' | 'perobject'
        self.nid = 1

    def _id(self):
        self.nid += 1
        return self.nid

    def text(self, x, y, s, size, style=None, ctm=None):
        """One line of text, its top at y."""
        style = style or self.style
        w = sum(cw(ch, size) for ch in s)
        base = size * 0.88
        if style == 'perobject':
            cx = x
            for ch in s:
                self.objs.append('<ofd:TextObject ID="%d" Boundary="%s %s %s %s" Font="1" Size="%s">'
                                 '<ofd:TextCode X="0" Y="%s">%s</ofd:TextCode></ofd:TextObject>'
                                 % (self._id(), fmt(cx), fmt(y), fmt(cw(ch, size)), fmt(size * 1.2), fmt(size),
                                    fmt(base), escape(ch)))
                cx += cw(ch, size)
            return
        if ctm:   # draw at k times the size and scale the object down by 1/k
            k = ctm
            self.objs.append('<ofd:TextObject ID="%d" Boundary="%s %s %s %s" Font="1" Size="%s" CTM="%s 0 0 %s 0 0">'
                             '<ofd:TextCode X="0" Y="%s" DeltaX="%s">%s</ofd:TextCode></ofd:TextObject>'
                             % (self._id(), fmt(x), fmt(y), fmt(w), fmt(size * 1.2), fmt(size * k), fmt(1 / k),
                                fmt(1 / k), fmt(base * k), deltas(s, size * k, True), escape(s)))
            return
        if style == 'percode':
            codes, cx = [], 0.0
            for ch in s:
                codes.append('<ofd:TextCode X="%s" Y="%s">%s</ofd:TextCode>' % (fmt(cx), fmt(base), escape(ch)))
                cx += cw(ch, size)
            self.objs.append('<ofd:TextObject ID="%d" Boundary="%s %s %s %s" Font="1" Size="%s">%s</ofd:TextObject>'
                             % (self._id(), fmt(x), fmt(y), fmt(w), fmt(size * 1.2), fmt(size), ''.join(codes)))
            return
        dx = deltas(s, size, style == 'run')
        self.objs.append('<ofd:TextObject ID="%d" Boundary="%s %s %s %s" Font="1" Size="%s">'
                         '<ofd:TextCode X="0" Y="%s"%s>%s</ofd:TextCode></ofd:TextObject>'
                         % (self._id(), fmt(x), fmt(y), fmt(w), fmt(size * 1.2), fmt(size), fmt(base),
                            (' DeltaX="%s"' % dx) if dx else '', escape(s)))

    def line(self, x0, y0, x1, y1, local=False):
        if local:   # Boundary at the segment, path relative to it
            bx, by = min(x0, x1), min(y0, y1)
            self.objs.append('<ofd:PathObject ID="%d" Boundary="%s %s %s %s" LineWidth="0.25">'
                             '<ofd:AbbreviatedData>M %s %s L %s %s</ofd:AbbreviatedData></ofd:PathObject>'
                             % (self._id(), fmt(bx), fmt(by), fmt(abs(x1 - x0) or 0.25), fmt(abs(y1 - y0) or 0.25),
                                fmt(x0 - bx), fmt(y0 - by), fmt(x1 - bx), fmt(y1 - by)))
        else:
            self.objs.append('<ofd:PathObject ID="%d" Boundary="0 0 %s %s" LineWidth="0.25">'
                             '<ofd:AbbreviatedData>M %s %s L %s %s</ofd:AbbreviatedData></ofd:PathObject>'
                             % (self._id(), fmt(W), fmt(H), fmt(x0), fmt(y0), fmt(x1), fmt(y1)))

    def xml(self, template=None):
        tpl = '<ofd:Template TemplateID="%d" ZOrder="Background"/>' % template if template else ''
        return ('<?xml version="1.0" encoding="UTF-8"?><ofd:Page %s>%s<ofd:Area><ofd:PhysicalBox>0 0 %s %s'
                '</ofd:PhysicalBox></ofd:Area><ofd:Content><ofd:Layer ID="1">%s</ofd:Layer></ofd:Content></ofd:Page>'
                % (NS, tpl, fmt(W), fmt(H), ''.join(self.objs)))


def cover(page, red, number, title, recipients, paras, attach, signer, date, publicity, title_ctm=None):
    """paras: list of str (body paragraphs, wrapped at the text width, first line indented 2 chars)."""
    size = 4.2
    y = TOP
    page.text((W - len(red) * 7.5) / 2, y, red, 7.5, style='run')
    y += 16
    page.text((W - sum(cw(c, size) for c in number)) / 2, y, number, size, style='run')
    y += 8
    page.line(LEFT, y, RIGHT, y)      # the red rule under the 文号
    y += 8
    for t in wrap(title, RIGHT - LEFT - 10, 5.6):
        page.text((W - sum(cw(c, 5.6) for c in t)) / 2, y, t, 5.6, style='run', ctm=title_ctm)
        y += 8.5
    y += 4
    for para in [recipients] + paras:
        ind = 0 if para is recipients else 2 * size
        first, rest = wrap(para, RIGHT - LEFT - ind, size)[:1], None
        lines = wrap(para, RIGHT - LEFT - ind, size)
        # re-wrap everything after the first line at the full width
        if len(lines) > 1:
            tail = para[len(lines[0]):]
            lines = [lines[0]] + wrap(tail, RIGHT - LEFT, size)
        for k, ln in enumerate(lines):
            page.text(LEFT + (ind if k == 0 else 0), y, ln, size, style='run')
            y += 7.2
    y += 7.2
    page.text(LEFT + 2 * size, y, attach, size, style='run')
    y += 18
    page.text(RIGHT - 4 * size - sum(cw(c, size) for c in signer), y, signer, size, style='run')
    y += 7.2
    page.text(RIGHT - 4 * size - sum(cw(c, size) for c in date) + 6, y, date, size, style='run')
    y += 10
    if publicity:
        page.text(LEFT + 2 * size, y, publicity, size, style='run')
    return y


class Table:
    """A ruled table drawn row by row over pages; merged: {col: [(first_row, last_row, text)]}."""

    def __init__(self, doc, cols, header, size=3.5, local=False):
        self.doc, self.cols, self.header, self.size, self.local = doc, cols, header, size, local
        self.pitch = size * 1.45

    def cell_lines(self, text, c):
        return wrap(text, self.cols[c + 1] - self.cols[c] - 2.0, self.size)

    def draw_row(self, page, y, cells, skip_cols=(), no_top=(), height=None):
        lines = [self.cell_lines(t, c) if c not in skip_cols else [] for c, t in enumerate(cells)]
        n = max(1, max(len(l) for l in lines))
        h = height or n * self.pitch + 3.0
        for c, ls in enumerate(lines):
            top = y + (h - len(ls) * self.pitch) / 2       # centred vertically, as Word does
            for k, ln in enumerate(ls):
                tw = sum(cw(ch, self.size) for ch in ln)
                x = self.cols[c] + 1.0 if len(ls) > 1 or tw > 20 else (self.cols[c] + self.cols[c + 1] - tw) / 2
                page.text(x, top + k * self.pitch, ln, self.size)
        for c in range(len(self.cols) - 1):
            if c not in no_top:
                page.line(self.cols[c], y, self.cols[c + 1], y, self.local)
        for x in self.cols:
            page.line(x, y, x, y + h, self.local)
        return h

    def bottom(self, page, y):
        page.line(self.cols[0], y, self.cols[-1], y, self.local)


def package(path, pages, template=None):
    files = {
        'OFD.xml': '<?xml version="1.0" encoding="UTF-8"?><ofd:OFD %s Version="1.1" DocType="OFD"><ofd:DocBody>'
                   '<ofd:DocInfo><ofd:DocID>real34-probe</ofd:DocID><ofd:Creator>probe</ofd:Creator></ofd:DocInfo>'
                   '<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>' % NS,
        'Doc_0/PublicRes.xml': '<?xml version="1.0" encoding="UTF-8"?><ofd:Res %s BaseLoc="Res"><ofd:Fonts>'
                               '<ofd:Font ID="1" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>' % NS,
    }
    tpl = ''
    if template is not None:
        tpl = '<ofd:TemplatePage ID="900" BaseLoc="Tpls/Tpl_0/Content.xml"/>'
        files['Doc_0/Tpls/Tpl_0/Content.xml'] = template.xml().replace('<ofd:Page ', '<ofd:Page ', 1)
    files['Doc_0/Document.xml'] = (
        '<?xml version="1.0" encoding="UTF-8"?><ofd:Document %s><ofd:CommonData><ofd:MaxUnitID>9999</ofd:MaxUnitID>'
        '<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>'
        '<ofd:PublicRes>PublicRes.xml</ofd:PublicRes>%s</ofd:CommonData><ofd:Pages>%s</ofd:Pages></ofd:Document>'
        % (NS, tpl, ''.join('<ofd:Page ID="%d" BaseLoc="Pages/Page_%d/Content.xml"/>' % (i + 1, i)
                            for i in range(len(pages)))))
    for i, pg in enumerate(pages):
        files['Doc_0/Pages/Page_%d/Content.xml' % i] = pg.xml(900 if template is not None else None)
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)


# ---------------------------------------------------------------- s01
S01_ROWS = [
    ('1', '深化政策解读回应，围绕重大政策同步开展解读，解读材料与政策文件同步报送。', '县政府办公室', '县政府各部门', '2025年6月底前'),
    ('2', '加强财政预决算信息公开，按要求公开部门预算和决算。', '县财政局', '县政府各部门', '2025年9月底前'),
    ('3', '推进重大建设项目信息公开，及时发布项目批准和实施信息。', None, '县自然资源局、县住建局', '2025年12月底前'),
    ('4', '做好公共资源交易信息公开，公开招标投标和政府采购信息。', None, '县公共资源交易中心', '全年'),
    ('5', '加强生态环境信息公开，定期发布空气和水环境质量状况。', None, '市生态环境局柳川分局', '每季度末'),
    ('6', '规范政府信息公开专栏建设，做到栏目规范、更新及时。', '县政府办公室', '各乡镇人民政府', '2025年10月底前'),
    ('7', '加强政务新媒体管理，严格落实信息发布审核制度。', '县委网信办', '县政府各部门', '长期坚持'),
    ('8', '开展政务公开业务培训，全年组织专题培训不少于2次。', '县政府办公室', '县司法局', '2025年11月30日前'),
]
S01_MERGED_LEAD = '县发改局'


def s01(out):
    p1 = Page('run')
    cover(p1, '柳川县人民政府办公室文件', '柳政办发〔2025〕12号',
          '柳川县人民政府办公室关于印发柳川县2025年政务公开工作要点的通知',
          '各乡镇人民政府，县政府各部门，县直有关单位：',
          ['现将《柳川县2025年政务公开工作要点》印发给你们，请结合实际认真贯彻落实。',
           '一、总体要求',
           '（一）坚持以公开为常态。各乡镇、各部门要把政务公开贯穿政务运行全过程。',
           '（二）坚持以群众需求为导向。聚焦企业群众关切，提升公开质量。',
           '二、工作要求',
           '（一）强化组织领导。各责任单位要明确分管领导和具体经办人员。',
           '（二）狠抓任务落实。各责任单位要按时报送工作进展情况。'],
          '附件：柳川县2025年政务公开重点任务分工表', '柳川县人民政府办公室', '2025年3月18日', '（此件公开发布）')
    p1.text(W / 2 - 7, 275, '— 1 —', 4.2, style='run')
    p2 = Page('run')
    p2.text(LEFT, TOP, '附件', 4.2)
    t = '柳川县2025年政务公开重点任务分工表'
    p2.text((W - len(t) * 5.6) / 2 + 2, TOP + 10, t, 5.6)
    cols = [LEFT, 38.0, 100.0, 126.0, 156.0, RIGHT]
    hdr = ['序号', '工作任务', '牵头单位', '配合单位', '完成时限']
    tb = Table(None, cols, hdr)
    y = TOP + 22
    y += tb.draw_row(p2, y, hdr)
    # rows 1-2 plain; rows 3-5 share one 牵头 cell
    for r in S01_ROWS[:2]:
        y += tb.draw_row(p2, y, list(r))
    merged_top, hs = y, []
    for i, r in enumerate(S01_ROWS[2:5]):
        h = tb.draw_row(p2, y, [r[0], r[1], '', r[3], r[4]], skip_cols=(2,), no_top=((2,) if i else ()))
        hs.append(h)
        y += h
    # the merged cell's text, centred over the three rows
    mh = y - merged_top
    tw = sum(cw(ch, 3.5) for ch in S01_MERGED_LEAD)
    p2.text((cols[2] + cols[3] - tw) / 2, merged_top + (mh - tb.pitch) / 2, S01_MERGED_LEAD, 3.5)
    tb.bottom(p2, y)
    p2.text(W / 2 - 7, 275, '— 2 —', 4.2, style='run')
    p3 = Page('percode')
    y = TOP
    y += tb.draw_row(p3, y, hdr)
    for r in S01_ROWS[5:]:
        y += tb.draw_row(p3, y, list(r))
    tb.bottom(p3, y)
    y = 236
    p3.line(LEFT, y, RIGHT, y)
    p3.text(LEFT + 3, y + 2, '抄送：县委办公室，县人大常委会办公室，县政协办公室。', 3.9, style='run')
    p3.line(LEFT, y + 9, RIGHT, y + 9)
    p3.text(LEFT + 3, y + 11, '柳川县人民政府办公室', 3.9, style='run')
    p3.text(RIGHT - 3 - 3.9 * 10, y + 11, '2025年3月18日印发', 3.9, style='run')
    p3.line(LEFT, y + 18, RIGHT, y + 18)
    p3.text(W / 2 - 7, 275, '— 3 —', 4.2, style='run')
    package(os.path.join(out, 's01_ofd_two_page_annex_twoline_cells_merged_lead.ofd'), [p1, p2, p3])


# ---------------------------------------------------------------- s02
S02_ROWS = [
    ('1', '完成年度项目初步设计审批。', '市农业农村局、各县（区）农业农村局', '2025年4月底前'),
    ('2', '开展项目招标投标，确保按期开工建设。', '各县（区）农业农村局', '2025年5月底前'),
    ('3', '加强施工质量监督，开展季度质量抽检。', '市农业农村局', '每季度末'),
    ('4', '落实市级配套资金，及时拨付项目资金。', '市财政局', '2025年6月30日前'),
    ('5', '推进高效节水灌溉设施建设，新增节水灌溉面积3万亩。', '市水利局', '2025年10月底前'),
    ('6', '组织项目竣工验收，验收合格后上图入库。', '市农业农村局、市自然资源局', '2025年12月底前'),
    ('7', '建立健全建后管护机制，落实管护主体和管护责任。', '各县（区）人民政府', '长期坚持'),
]


def s02(out, name='s02_ofd_ctm_title_char_objects_local_paths_template.ofd', ctm=2, style='perobject',
        local=True, template=True):
    tpl = Page('run')
    tpl.text(LEFT, 15, '青禾市农业农村局', 3.5)
    tpl.line(LEFT, 21, RIGHT, 21)
    tpl.text(W / 2 - 5, 278, '— · —', 3.5)
    p1 = Page('run')
    cover(p1, '青禾市农业农村局文件', '青农发〔2025〕9号',
          '青禾市农业农村局关于印发2025年全市高标准农田建设工作要点的通知',
          '各县（区）农业农村局，局机关各科室：',
          ['现将《2025年全市高标准农田建设工作要点》印发给你们，请认真贯彻落实。',
           '一、总体目标',
           '（一）加快建设进度。全年新建高标准农田12万亩。',
           '二、保障措施',
           '（一）强化资金保障。足额落实财政投入。',
           '（二）严格质量管理。实行项目全过程监管。'],
          '附件：2025年全市高标准农田建设任务分工表', '青禾市农业农村局', '2025年3月5日', None, title_ctm=ctm)
    p2 = Page(style)
    p2.text(LEFT, TOP, '附件', 4.2, style='run')
    t = '2025年全市高标准农田建设任务分工表'
    p2.text((W - len(t) * 5.0) / 2, TOP + 10, t, 5.6, style='run')
    cols = [LEFT, 40.0, 110.0, 152.0, RIGHT]
    hdr = ['序号', '工作任务', '责任单位', '完成时限']
    tb = Table(None, cols, hdr, local=local)
    y = TOP + 22
    y += tb.draw_row(p2, y, hdr)
    for r in S02_ROWS:
        y += tb.draw_row(p2, y, list(r))
    tb.bottom(p2, y)
    y = 240
    p2.line(LEFT, y, RIGHT, y)
    p2.text(LEFT + 3, y + 2, '抄送：市财政局，市自然资源局。', 3.9, style='run')
    p2.line(LEFT, y + 9, RIGHT, y + 9)
    p2.text(LEFT + 3, y + 11, '青禾市农业农村局办公室', 3.9, style='run')
    p2.text(RIGHT - 3 - 3.9 * 9.5, y + 11, '2025年3月5日印发', 3.9, style='run')
    p2.line(LEFT, y + 18, RIGHT, y + 18)
    package(os.path.join(out, name), [p1, p2], tpl if template else None)


if __name__ == '__main__':
    out = sys.argv[1]
    s01(out)
    s02(out)
