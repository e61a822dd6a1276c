#!/usr/bin/env python3
"""Cut the real40 notices out of ZhouYNF/platform-1 db/ge_policy_raw20190217.sql.

usage: python3 make/extract.py SQLFILE   (run from tests/probes/real40)
  SQLFILE: `git show HEAD:db/ge_policy_raw20190217.sql` of github ZhouYNF/platform-1.
Writes NAME.html (the stored `html` column as-is, trimmed only where noted) and
NAME.txt (the article text a reader copies: one paragraph a line, a table row a
line with its cells parted by one TAB).
"""
import html.parser, re, sys

COLS = ("id crawl_url crawl_time index_number title release_office release_number policy_basis "
        "wiritten_time release_time effect_time content image_url status html remark").split()

PICK = {  # record id in the dump -> file stem
    37: "r1_guobanfa_2018_117_duchajili_fuze",
    39: "r2_guofa_2018_39_jiuye_liediyiwei",
    5:  "r3_guofa_2019_3_zongbaoqu_paizaidiyiwei",
    15: "r4_guofa_2018_42_nongji_deng_qiantoufuze",
    10: "r5_guobanfa_2018_126_gaige_table_zhidaobumen",
    34: "r6_guobanfa_2018_121_tiyujingsai_deng",
}
CUT_CHROME = {10}  # over 300 lines: drop the page chrome after the article (QR, share buttons, side iframe, banner)


def cut_chrome(h):
    h = re.sub(r"\n *<div id=\"pageBreak\"></div> *\n *<!--/enpcontent-->.*?<div style=\"clear:both;\">\n *&nbsp;\n *</div>", "", h, flags=re.S)
    h = re.sub(r"\n *<td valign=\"top\">\n *<table width=\"235\".*?</table></td>", "", h, flags=re.S)
    h = re.sub(r"\n *<!--二维码微信微博-->.*?\n *</div> *(?=\n</div>)", "", h, flags=re.S)
    return h


def parse_values(p):
    i = p.index("values (") + 8
    vals = []
    while i < len(p):
        c = p[i]
        if c == "'":
            j = i + 1
            buf = []
            while True:
                if p[j] == "\\":
                    buf.append(p[j + 1]); j += 2; continue
                if p[j] == "'":
                    if p[j + 1:j + 2] == "'":
                        buf.append("'"); j += 2; continue
                    break
                buf.append(p[j]); j += 1
            vals.append("".join(buf)); i = j + 1
        elif c in " ,\r\n\t":
            i += 1
        elif c == ")":
            break
        else:
            j = i
            while p[j] not in ",)":
                j += 1
            vals.append(p[i:j].strip()); i = j
    return dict(zip(COLS, vals))


class Text(html.parser.HTMLParser):
    """Article text of the UCAP-CONTENT cell: paragraphs a line, table rows a line (cells TAB-parted)."""
    BLOCK = {"p", "div", "br", "h1", "h2", "h3", "li"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.on = 0; self.depth = 0; self.lines = []; self.cur = ""
        self.row = None; self.cell = None; self.tdepth = 0

    def flush(self):
        if self.cell is not None:
            return
        t = self.cur.replace("\xa0", " ").strip()
        if t:
            self.lines.append(t)
        self.cur = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if not self.on:
            if a.get("id") == "UCAP-CONTENT":
                self.on = 1; self.depth = 1
            return
        if tag == "td" or tag == "th":
            self.depth += 1
            if self.row is not None and self.cell is None:
                self.cell = ""
            return
        if tag == "tr":
            self.flush(); self.row = []
            return
        if tag == "table":
            self.tdepth += 1
        if tag in self.BLOCK and self.cell is None:
            self.flush()

    def handle_endtag(self, tag):
        if not self.on:
            return
        if tag in ("td", "th"):
            self.depth -= 1
            if self.depth == 0:
                self.flush(); self.on = 0; return
            if self.cell is not None:
                self.row.append(re.sub(r"\s+", "", self.cell.replace("\xa0", " ")))
                self.cell = None
            return
        if tag == "tr" and self.row is not None:
            cells = self.row
            while cells and cells[-1] == "":
                cells.pop()
            if any(cells):
                self.lines.append("\t".join(cells))
            self.row = None
            return
        if tag in self.BLOCK and self.cell is None:
            self.flush()

    def handle_data(self, d):
        if not self.on:
            return
        if self.cell is not None:
            self.cell += d
        else:
            self.cur += d


def main():
    s = open(sys.argv[1], encoding="utf-8").read()
    for part in re.split(r"insert into ge_policy_raw \(", s)[1:]:
        rec = parse_values(part)
        rid = int(rec["id"])
        if rid not in PICK:
            continue
        stem = PICK[rid]
        h = rec["html"]
        if rid in CUT_CHROME:
            h = cut_chrome(h)
        open(stem + ".html", "w", encoding="utf-8").write(h if h.endswith("\n") else h + "\n")
        p = Text(); p.feed(h); p.flush()
        open(stem + ".txt", "w", encoding="utf-8").write("\n".join(p.lines) + "\n")
        print(stem, rec["crawl_url"], rec["release_number"], len(p.lines), "lines")


if __name__ == "__main__":
    main()
