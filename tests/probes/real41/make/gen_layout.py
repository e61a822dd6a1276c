#!/usr/bin/env python3
"""Render tables in the pdftotext -layout look (CJK = 2 columns) for a02 and a08.
Usage: python3 make/gen_layout.py  (writes a02_*.txt, a08_*.txt next to this dir)"""
import os, unicodedata
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)

def w(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)

def wrap(s, width):
    lines, cur = [], ""
    for c in s:
        if w(cur + c) > width:
            lines.append(cur); cur = c
        else:
            cur += c
    if cur or not lines:
        lines.append(cur)
    return lines

def table(rows, widths, indent=1, gap=3):
    out = []
    for row in rows:
        cells = [wrap(c, wd) for c, wd in zip(row, widths)]
        n = max(len(c) for c in cells)
        for i in range(n):
            line = " " * indent
            for j, (c, wd) in enumerate(zip(cells, widths)):
                piece = c[i] if i < len(c) else ""
                if j == len(widths) - 1:
                    line += piece
                else:
                    line += piece + " " * (wd - w(piece) + gap)
            out.append(line.rstrip())
    return out

def center(s, width=84):
    return " " * max(0, (width - w(s)) // 2) + s

def footer(n):
    return ["", center(f"— {n} —"), "\f"]
