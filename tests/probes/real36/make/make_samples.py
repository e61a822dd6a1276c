#!/usr/bin/env python3
"""Writes the real36 sample workbooks s01..s07 into DIR (argv[1])."""
import datetime as dt
import sys
from xlsxlib import Workbook, IS, RICH, RICHI, PH, N, D, F, E, B

OUT = sys.argv[1]
BOLD = '<b/><sz val="11"/><rFont val="宋体"/><charset val="134"/>'
RED = '<sz val="11"/><color rgb="FFFF0000"/><rFont val="宋体"/><charset val="134"/>'
PLAIN = '<sz val="11"/><rFont val="宋体"/><charset val="134"/>'


def s01():
    """Shared strings; merged title; 填报单位/填报时间 row; two-row header (责任单位 over 牵头|配合);
    类别 merged down; 牵头 and 完成时限 merged down; date cells numFmt 14 and yyyy"年"m"月"d"日"."""
    wb = Workbook(); sh = wb.add('任务分解表')
    sh.cols = [(1, 1, 6, False), (2, 2, 10, False), (3, 3, 48, False), (4, 5, 18, False), (6, 6, 16, False)]
    sh.set('A1', '2025年青禾县优化营商环境重点工作任务分解表'); sh.merge('A1:F1')
    sh.set('A2', '填报单位：青禾县营商环境建设局'); sh.merge('A2:C2')
    sh.set('D2', '填报时间：2025年3月12日'); sh.merge('D2:F2')
    sh.row(3, 'A', ['序号', '类别', '工作任务', '责任单位', B(), '完成时限'])
    sh.row(4, 'A', [B(), B(), B(), '牵头单位', '配合单位', B()])
    for m in ('A3:A4', 'B3:B4', 'C3:C4', 'D3:E3', 'F3:F4'): sh.merge(m)
    rows = [
        (1, '政务环境', '推进企业开办全程网办，将企业开办时间压缩至1个工作日以内。', '县市场监管局', '县政务服务中心、县税务局', '2025年6月底前'),
        (2, None, '推行企业登记注册“智能审批”，实现简易登记事项即报即办。', None, '县政务服务中心', None),
        (3, None, '深化“一件事一次办”改革，新增集成办理事项10项以上。', '县政务服务中心', '县公安局、县人社局、县医保局', D(dt.date(2025, 9, 30), 'd14')),
        (4, None, '规范中介服务事项清单管理，清理无法定依据的中介服务。', '县发改局', '县行政审批局', '2025年12月31日前'),
        (5, '要素环境', '保障重点项目用地需求，推行工业用地“标准地”出让。', '县自然资源局', '县发改局、县工信局', D(dt.date(2025, 10, 31), 'dcn')),
        (6, None, '落实阶段性降低用电用气成本政策。', '县发改局', '国网青禾县供电公司、县燃气公司', '全年'),
        (7, None, '开展涉企违规收费专项整治，建立涉企收费目录清单。', None, '县市场监管局、县财政局', '每季度末'),
        (8, None, '健全政银企融资对接机制，全年组织银企对接活动不少于4场。', '县金融服务中心', '人行青禾县支行、各商业银行', '2025年11月底前'),
    ]
    for i, (seq, cat, content, lead, sup, dl) in enumerate(rows):
        r = 5 + i
        sh.row(r, 'A', [N(seq), cat or B(), content, lead or B(), sup, dl or B()])
    for m in ('B5:B8', 'B9:B12', 'D5:D6', 'F5:F6', 'D10:D11'): sh.merge(m)
    wb.save(f'{OUT}/s01_shared_tianbao_tworow_header_vmerge_datecells.xlsx')


def s02():
    """Inline strings everywhere; rich runs (inline and shared); Alt+Enter line breaks in units and content;
    group rows 一、… merged across all columns; 备注 column."""
    wb = Workbook(); sh = wb.add('Sheet1')
    sh.cols = [(1, 1, 6, False), (2, 2, 50, False), (3, 3, 20, False), (4, 4, 16, False), (5, 5, 12, False)]
    sh.set('A1', IS('柳溪县2025年重点民生实事任务分工表')); sh.merge('A1:E1')
    sh.row(2, 'A', [IS('序号'), IS('工作任务'), IS('责任单位'), IS('完成时限'), IS('备注')])
    sh.set('A3', IS('一、教育医疗')); sh.merge('A3:E3')
    sh.row(4, 'A', [N(1), IS('新建改扩建公办幼儿园3所，新增公办学位900个。'), IS('县教体局\n县财政局'), IS('2025年8月底前'), B()])
    sh.row(5, 'A', [N(2), IS('推进县域医共体建设：\n1.完成县人民医院胸痛中心建设；\n2.实现乡镇卫生院远程心电诊断全覆盖。'),
                    IS('县卫健委'), IS('2025年12月底前'), B()])
    sh.row(6, 'A', [N(3), RICHI([('实施义务教育薄弱环节改善工程，', BOLD), ('改造农村学校旱厕12所。', PLAIN)]),
                    IS('县教体局、各乡镇人民政府'), RICH([('2025年', PLAIN), ('9月底前', RED)]), B()])
    sh.set('A7', IS('二、社会保障')); sh.merge('A7:E7')
    sh.row(8, 'A', [N(4), IS('提高城乡居民基础养老金最低标准，按时足额发放。'), IS('县人社局\n县财政局\n县税务局'), IS('全年'), B()])
    sh.row(9, 'A', [N(5), IS('新增城镇就业岗位1800个，城镇调查失业率控制在5.5%以内。'), IS('县人社局'), IS('2025年11月30日前'), B()])
    sh.row(10, 'A', [N(6), IS('开展困难群众“救急难”行动，及时救助因病因灾陷入困境群众。'), IS('县民政局、各乡镇人民政府等'), IS('长期坚持'), B()])
    sh.set('A11', IS('三、城乡建设')); sh.merge('A11:E11')
    sh.row(12, 'A', [N(7), IS('完成老旧小区改造5个，惠及居民1260户。'), IS('县住建局'), IS('2025年10月底前'), IS('含管网改造')])
    sh.row(13, 'A', [N(8), IS('新改建农村公路40公里，实施危桥改造6座。'), IS('县交通运输局\n县农业农村局'), IS('2025年12月底前'), B()])
    sh.row(14, 'A', [N(9), IS('实施城区供水管网改造12公里。'), RICHI([('县水利局', BOLD), ('、', PLAIN), ('县城投公司', PLAIN)]),
                     IS('2025年6月30日前'), IS('续建')])
    wb.save(f'{OUT}/s02_inline_rich_altenter_group_rows.xlsx')


def s03():
    """Every way a deadline date is stored: numFmt 14, custom 年月日, custom 年月 (month only), builtin 31 / 57,
    a date-time (numFmt 22), yyyy/m/d, text dates; 序号 written as 1.0; a phonetic run in a shared string."""
    wb = Workbook(); sh = wb.add('项目清单')
    sh.cols = [(1, 1, 6, False), (2, 2, 46, False), (3, 4, 18, False), (5, 5, 18, False)]
    sh.set('A1', '2025年白石县重点项目建设任务清单'); sh.merge('A1:E1')
    sh.row(2, 'A', ['序号', '工作任务', '牵头单位', '配合单位', '完成时限'])
    rows = [
        ('推进白石湖生态修复一期工程，完成湖岸线整治3.2公里。', '县水利局', '县自然资源局', D(dt.date(2025, 6, 30), 'd14')),
        ('建成县城区污水处理厂提标改造工程。', '县住建局', '市生态环境局白石分局', D(dt.date(2025, 7, 31), 'dcn')),
        ('完成白石工业园区标准化厂房二期主体工程。', '县工业园区管委会', '县工信局', '2025年6月底前'),
        ('开工建设县第二人民医院综合楼。', '县卫健委', '县发改局、县财政局', D(dt.date(2025, 9, 1), 'dym')),
        ('完成国道G320白石段改线工程路基施工。', '县交通运输局', '县自然资源局', D(dt.date(2025, 11, 15), 'd31')),
        ('建成白石县智慧停车管理平台。', '县城管局', '县公安局', '9月底前'),
        (PH('推进白石古镇保护利用工程，完成历史街区立面改造。', 'ハクセキ'), '县文旅局', '县住建局', '2025年第三季度'),
        ('完成县职业教育中心实训楼竣工验收。', '县教体局', '县住建局', D(dt.datetime(2025, 9, 30, 12, 0), 'd22')),
        ('建成乡镇冷链物流集配中心2个。', '县商务局', '县农业农村局', D(dt.date(2025, 8, 15), 'dslash')),
        ('完成城乡供水一体化工程管网铺设。', '县水利局', '各乡镇人民政府', '2025/10/20'),
        ('启动县城北部片区城市更新项目。', '县住建局', '县城投公司', D(dt.date(2025, 12, 1), 'd57')),
    ]
    for i, (content, lead, sup, dl) in enumerate(rows):
        sh.row(3 + i, 'A', [N(f'{i + 1}.0'), content, lead, sup, dl])
    wb.save(f'{OUT}/s03_date_formats_seq_float_phonetic.xlsx')


def s04():
    """Four sheets: 填报说明 first, 附件1, a hidden 旧版 sheet, 附件2 (its own header and 序号 from 1), and an empty Sheet3."""
    wb = Workbook()
    a = wb.add('填报说明')
    a.set('A1', '填报说明')
    a.set('A2', '1.请各责任单位于每月5日前报送上月工作进展，逾期未报的予以通报。')
    a.set('A3', '2.完成时限原则上不作调整，确需调整的须报县政府同意。')
    a.set('A4', '3.联系人：县政府督查室，电话：0871-1234567。')
    b = wb.add('附件1')
    b.set('A1', '附件1'); b.set('A2', '2025年云岭县数字政府建设重点任务表'); b.merge('A2:E2')
    b.row(3, 'A', ['序号', '重点任务', '牵头单位', '配合单位', '完成时限'])
    r1 = [
        ('推进政务云资源整合，完成县级部门业务系统迁移上云。', '县数据局', '县直各部门', '2025年8月底前'),
        ('建设县级数据共享交换平台，归集政务数据1000万条以上。', '县数据局', '县公安局、县市场监管局', '2025年10月底前'),
        ('推广“云岭政务”移动端，实现高频事项掌上办理。', '县政务服务中心', '县数据局', '2025年9月30日前'),
        ('完善电子证照库，新增电子证照20类。', '县政务服务中心', '县直有关部门', '2025年12月底前'),
        ('开展政务信息系统安全检查。', '县委网信办', '县公安局、县数据局', '每半年'),
    ]
    for i, (c, l, s, d) in enumerate(r1):
        b.row(4 + i, 'A', [N(i + 1), c, l, s, d])
    h = wb.add('旧版', state='hidden')
    h.row(1, 'A', ['序号', '重点任务', '牵头单位', '配合单位', '完成时限'])
    h.row(2, 'A', [N(1), '（旧）建设县级政务服务大厅自助服务区。', '县政务服务中心', '县数据局', '2024年12月底前'])
    h.row(3, 'A', [N(2), '（旧）推进电子政务外网乡镇全覆盖。', '县数据局', '各乡镇人民政府', '2024年10月底前'])
    c = wb.add('附件2')
    c.set('A1', '附件2'); c.set('A2', '2025年云岭县政务公开重点任务表'); c.merge('A2:D2')
    c.row(3, 'A', ['序号', '工作任务', '责任单位', '时间节点'])
    r2 = [
        ('主动公开财政预决算信息，做到应公开尽公开。', '县财政局、县直各部门', '2025年6月底前'),
        ('开展政府开放日活动不少于2次。', '县政府办公室', '2025年11月底前'),
        ('规范政府信息依申请公开办理，按时答复率100%。', '县直各部门、各乡镇人民政府', '长期坚持'),
        ('更新完善政府信息公开指南和目录。', '县政府办公室、县数据局', '2025年3月31日前'),
    ]
    for i, (t, u, d) in enumerate(r2):
        c.row(4 + i, 'A', [N(i + 1), t, u, d])
    wb.add('Sheet3')
    wb.save(f'{OUT}/s04_sheets_explain_first_hidden_two_annexes.xlsx')


def s05():
    """Empty column A, header in row 5 under a title and a 修订 line; a hidden helper column; a hidden row;
    合计 row; 注： note; trailing empty rows with formatting only."""
    wb = Workbook(); sh = wb.add('安全生产')
    sh.cols = [(1, 1, 2, False), (2, 2, 6, False), (3, 3, 46, False), (4, 4, 26, False), (5, 5, 10, True),
               (6, 6, 16, False), (7, 7, 12, False)]
    sh.set('B1', '2025年桐湾县安全生产重点工作任务分解表'); sh.merge('B1:G1')
    sh.set('B3', '（2025年4月修订）'); sh.merge('B3:G3')
    sh.row(5, 'B', ['序号', '工作任务', '责任单位', '辅助列', '完成时限', '备注'])
    rows = [
        ('开展安全生产治本攻坚三年行动，建立重大事故隐患数据库。', '县安委办、县应急局', 'AJ-01', '2025年6月底前', B()),
        ('开展道路交通安全隐患排查整治，整改临水临崖路段隐患50处。', '县交通运输局、县公安局', 'AJ-02', '2025年10月底前', B()),
        ('推进燃气安全专项整治，完成老旧燃气管道更新改造8公里。', '县住建局、县城投公司', 'AJ-03', '2025年11月底前', B()),
        ('开展“九小场所”消防安全检查，全年检查不少于1200家次。', '县消防救援大队、各乡镇人民政府', 'AJ-04', '全年', B()),
        ('落实企业安全生产主体责任，督促企业开展全员安全培训。', '县应急局、县直有关部门', 'AJ-05', '长期', B()),
        ('每月开展一次危险化学品企业安全检查。', '县应急局', 'AJ-06', '每月25日前', B()),
        ('完善森林防灭火应急预案，组织实战演练不少于2次。', '县林业局、县应急局', 'AJ-07', '2025年4月30日前', '已完成'),
    ]
    r = 6
    for i, (c, u, k, d, note) in enumerate(rows):
        sh.row(r, 'B', [N(i + 1), c, u, k, d, note])
        r += 1
        if i == 2:   # a hidden row after task 3: an earlier wording kept by the office
            sh.row(r, 'B', [B(), '（已调整）推进燃气管道老化更新改造，完成市政管网改造10公里。', '县住建局', 'AJ-03旧', '2025年9月底前', B()])
            sh.rows[r] = {'hidden': True}
            r += 1
    sh.row(r, 'B', ['合计', B(), '共7项', B(), B(), B()]); sh.merge(f'B{r}:C{r}'); r += 1
    sh.set(f'B{r}', '注：完成时限为“长期”的，每半年报送一次工作进展。'); sh.merge(f'B{r}:G{r}')
    for t in range(r + 1, r + 21):     # formatted but empty rows
        sh.rows[t] = {'s': 'box', 'ht': 20}
        for col in 'BCDEFG':
            sh.set(f'{col}{t}', B())
    wb.save(f'{OUT}/s05_colB_header_row5_hidden_col_row_total_note_trailing.xlsx')


def s06():
    """Project ledger: 序号 by formulas (=A4+1) with cached values; amounts; a 配合单位 formula cached as a string and one
    cached as #REF!; deadline formulas (=DATE() in a date format, =TEXT-like string); 合计 row with SUM formulas; a #VALUE! amount."""
    wb = Workbook(); sh = wb.add('项目台账')
    sh.cols = [(1, 1, 6, False), (2, 2, 44, False), (3, 4, 12, False), (5, 6, 18, False), (7, 7, 16, False)]
    sh.set('A1', '松川县2025年重大项目建设任务台账'); sh.merge('A1:G1')
    sh.set('G2', '单位：万元')
    sh.row(3, 'A', ['序号', '项目名称及建设内容', '总投资', '2025年计划投资', '牵头单位', '配合单位', '完成时限'])
    rows = [
        ('松川县城东片区路网工程：新建道路4.6公里。', N('12000', 'amt'), N('5000', 'amt'), '县住建局', F('CONCATENATE("县自然资源局","、","县城投公司")', '县自然资源局、县城投公司', 't_str'), '2025年12月底前'),
        ('松川县人民医院新院区建设：完成主体结构封顶。', N('36800.5', 'amt'), N('12000', 'amt'), '县卫健委', '县发改局、县住建局', F('DATE(2025,9,30)', '45930', None, 'd14')),
        ('松川经开区污水管网完善工程：新建管网15公里。', N('4200', 'amt'), N('4200', 'amt'), '县经开区管委会', E('#REF!'), '2025年10月底前'),
        ('松川县智慧农业产业园：建成育苗温室2万平方米。', N('8600', 'amt'), F('C7*0.5', '#VALUE!', 'e', 'amt'), '县农业农村局', '县乡村振兴服务中心', F('TEXT(DATE(2025,11,30),"yyyy年m月d日")&"前"', '2025年11月30日前', 't_str')),
        ('松川县文体中心：完成室内装修和设备安装。', N('15300', 'amt'), N('6000', 'amt'), '县文旅局', '县教体局', '2025年8月底前'),
        ('松川县城乡冷链仓储中心：建成冷库1.2万吨。', N('5600', 'amt'), N('3000', 'amt'), '县商务局', '县供销社', '2025年第四季度'),
    ]
    for i, (name, tot, plan, lead, sup, dl) in enumerate(rows):
        r = 4 + i
        seq = N('1') if i == 0 else F(f'A{r - 1}+1', str(i + 1))
        if isinstance(sup, F) and sup.t == 't_str': sup.t = 'str'
        if isinstance(dl, F) and dl.t == 't_str': dl.t = 'str'
        sh.row(r, 'A', [seq, name, tot, plan, lead, sup, dl])
    sh.row(10, 'A', [B(), '合计', F('SUM(C4:C9)', '82500.5', None, 'amt'), F('SUM(D4:D9)', '#VALUE!', 'e', 'amt'), B(), B(), B()])
    sh.set('A11', '注：总投资、计划投资以县发改局最新统计为准。'); sh.merge('A11:G11')
    wb.save(f'{OUT}/s06_formula_seq_cached_ref_error_amounts_total.xlsx')


def s07():
    """1904 date system; 序号 as text (shared string '1'); a merged 完成时限 date cell over three rows;
    names with padding spaces; autoFilter on the header."""
    wb = Workbook(date1904=True); sh = wb.add('Sheet1')
    sh.set('A1', '枫桥县2025年“高效办成一件事”重点任务清单'); sh.merge('A1:E1')
    sh.row(2, 'A', ['序号', '工作任务', '牵头单位', '配合单位', '完成时限'])
    rows = [
        ('推进新生儿出生“一件事”集成办理。', '县卫健委', '县公安局、县医保局', D(dt.date(2025, 6, 30), 'd14')),
        ('推进企业信息变更“一件事”集成办理。', '县市场监管局', ' 县税务局 ', None),
        ('推进开办运输企业“一件事”集成办理。', '县交通运输局', '县市场监管局', None),
        ('推进退休“一件事”集成办理。', '县人社局', '县医保局、县公积金中心', D(dt.date(2025, 9, 30), 'd14')),
        ('推进水电气网联合报装“一件事”。', '县住建局', '国网枫桥县供电公司、县水务公司', '2025年10月底前'),
        ('推进残疾人服务“一件事”集成办理。', '县残联', '县民政局', D(dt.date(2025, 12, 31), 'dcn')),
    ]
    for i, (c, l, s, d) in enumerate(rows):
        sh.row(3 + i, 'A', [str(i + 1), c, l, s, d if d is not None else B()])
    sh.merge('E3:E5')
    sh.autofilter = 'A2:E8'
    wb.save(f'{OUT}/s07_date1904_seq_text_merged_date_autofilter.xlsx')


for f in (s01, s02, s03, s04, s05, s06, s07):
    f()
