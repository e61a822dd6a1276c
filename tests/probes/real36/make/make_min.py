#!/usr/bin/env python3
"""Writes the real36 min/ and var/ workbooks into DIR/min and DIR/var (argv[1] = DIR)."""
import datetime as dt
import sys
import xlsxlib
from xlsxlib import Workbook, N, D, B

OUT = sys.argv[1]
# extra month-only / day formats for the var/ files
xlsxlib.NUMFMTS.update({168: 'yyyy-mm', 169: 'yyyy"年"mm"月"'})
xlsxlib.XFS += [('dym_iso', 168), ('dym2', 169), ('d17', 17)]
xlsxlib.XF = {name: i for i, (name, _) in enumerate(xlsxlib.XFS)}


def month_table(path, title, cells):
    """cells: list of (content, unit, deadline spec)"""
    wb = Workbook(); sh = wb.add('Sheet1')
    sh.set('A1', title); sh.merge('A1:D1')
    sh.row(2, 'A', ['序号', '工作任务', '责任单位', '完成时限'])
    for i, (c, u, d) in enumerate(cells):
        sh.row(3 + i, 'A', [N(i + 1), c, u, d])
    wb.save(path)


T = '2025年白石县重点项目建设任务清单'
C1 = ('开工建设县第二人民医院综合楼。', '县卫健委')
C2 = ('完成白石工业园区标准化厂房二期主体工程。', '县工业园区管委会')
C3 = ('建成乡镇冷链物流集配中心2个。', '县商务局')

# m1: one date cell 2025-09-01 in yyyy"年"m"月" (Excel shows 2025年9月) between two controls
month_table(f'{OUT}/min/m1_xlsx_month_only_date_format_read_as_first_day.xlsx', T,
            [(*C1, D(dt.date(2025, 9, 1), 'dym')), (*C2, '2025年6月底前'), (*C3, D(dt.date(2025, 8, 15), 'dcn'))])
# v1a: builtin numFmt 57 (zh-CN yyyy"年"m"月"): what Chinese Excel stores when 2025年9月 is typed
month_table(f'{OUT}/var/v1a_builtin57_month.xlsx', T, [(*C1, D(dt.date(2025, 9, 1), 'd57'))])
# v1b: yyyy-mm (shows 2025-09)
month_table(f'{OUT}/var/v1b_custom_yyyy_mm.xlsx', T, [(*C1, D(dt.date(2025, 9, 1), 'dym_iso'))])
# v1c: yyyy"年"mm"月" (shows 2025年09月)
month_table(f'{OUT}/var/v1c_custom_yyyy_nian_mm_yue.xlsx', T, [(*C1, D(dt.date(2025, 9, 1), 'dym2'))])
# v1d: builtin 17 mmm-yy (shows Sep-25)
month_table(f'{OUT}/var/v1d_builtin17_mmm_yy.xlsx', T, [(*C1, D(dt.date(2025, 9, 1), 'd17'))])
# v1e: the month format holding the month's last day (2025-09-30): the date is right by chance, the text is not as shown
month_table(f'{OUT}/var/v1e_month_format_last_day.xlsx', T, [(*C1, D(dt.date(2025, 9, 30), 'dym'))])
# v1f: control: the same serial in yyyy"年"m"月"d"日" (shows 2025年9月1日)
month_table(f'{OUT}/var/v1f_control_day_format.xlsx', T, [(*C1, D(dt.date(2025, 9, 1), 'dcn'))])
# v1g: control: the month typed as text 2025年9月
month_table(f'{OUT}/var/v1g_control_month_as_text.xlsx', T, [(*C1, '2025年9月')])


def hidden_table(path, hidden_seq):
    wb = Workbook(); sh = wb.add('Sheet1')
    sh.set('A1', '2025年桐湾县安全生产重点工作任务分解表'); sh.merge('A1:D1')
    sh.row(2, 'A', ['序号', '工作任务', '责任单位', '完成时限'])
    sh.row(3, 'A', [N(1), '开展道路交通安全隐患排查整治。', '县交通运输局、县公安局', '2025年10月底前'])
    sh.row(4, 'A', [N(2), '推进燃气安全专项整治，完成老旧燃气管道更新改造8公里。', '县住建局', '2025年11月底前'])
    sh.row(5, 'A', [N(hidden_seq) if hidden_seq else B(), '（已调整）推进燃气管道老化更新改造，完成市政管网改造10公里。', '县住建局', '2025年9月底前'])
    sh.rows[5] = {'hidden': True}
    sh.row(6, 'A', [N(3), '完善森林防灭火应急预案，组织实战演练不少于2次。', '县林业局、县应急局', '2025年4月30日前'])
    wb.save(path)


hidden_table(f'{OUT}/min/m2_xlsx_hidden_row_read_as_task.xlsx', None)
# v2a: the hidden row carries the 序号 of the row above (an old version of task 2)
hidden_table(f'{OUT}/var/v2a_hidden_row_with_seq.xlsx', 2)


def filtered(path):
    """Rows hidden by an active AutoFilter: a view, the rows are still tasks."""
    wb = Workbook(); sh = wb.add('Sheet1')
    sh.set('A1', '2025年桐湾县安全生产重点工作任务分解表'); sh.merge('A1:D1')
    sh.row(2, 'A', ['序号', '工作任务', '责任单位', '完成时限'])
    rows = [('开展道路交通安全隐患排查整治。', '县交通运输局、县公安局', '2025年10月底前'),
            ('推进燃气安全专项整治。', '县住建局', '2025年11月底前'),
            ('完善森林防灭火应急预案。', '县林业局、县应急局', '2025年10月底前')]
    for i, (c, u, d) in enumerate(rows):
        sh.row(3 + i, 'A', [N(i + 1), c, u, d])
    sh.rows[4] = {'hidden': True}
    # filter column D to 2025年10月底前: row 4 hidden by the filter
    wb_xml = wb.sheet_xml
    def sheet_xml(s, _orig=wb_xml):
        x = _orig(s)
        af = ('<autoFilter ref="A2:D5"><filterColumn colId="3"><filters><filter val="2025年10月底前"/>'
              '</filters></filterColumn></autoFilter>')
        return x.replace('</sheetData>', '</sheetData>' + af, 1)
    wb.sheet_xml = sheet_xml
    wb.save(path)


filtered(f'{OUT}/var/v2b_rows_hidden_by_autofilter_still_tasks.xlsx')
