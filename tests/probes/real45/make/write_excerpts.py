#!/usr/bin/env python3
"""Rewrite r1-r12 from excerpts.json (the pages-corpus text as returned, one file per URL; see each entry's "cut")."""
import json, os
here = os.path.dirname(os.path.abspath(__file__))
for e in json.load(open(os.path.join(here, "excerpts.json"), encoding="utf-8")):
    with open(os.path.join(here, "..", e["file"]), "w", encoding="utf-8") as f:
        f.write(e["text"] + "\n")
    print(e["file"])
