#!/usr/bin/env python3
"""Rewrite var/v9a_pipe.txt and var/v9b_cell_per_line.txt from min/m9 (the 9-line cover, then the tab table)."""
import os
here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
src = open(os.path.join(here, "min/m9_leader_column_onecell_roles_tabs.txt"), encoding="utf-8").read().split("\n")
head, rows = src[:9], [l.split("\t") for l in src[9:] if l]
with open(os.path.join(here, "var/v9a_pipe.txt"), "w", encoding="utf-8") as f:
    f.write("\n".join(head) + "\n")
    for i, r in enumerate(rows):
        f.write("| " + " | ".join(r) + " |\n")
        if i == 0:
            f.write("|" + "---|" * len(r) + "\n")
with open(os.path.join(here, "var/v9b_cell_per_line.txt"), "w", encoding="utf-8") as f:
    f.write("\n".join(head) + "\n")
    for r in rows:
        for c in r:
            f.write(c + "\n")
