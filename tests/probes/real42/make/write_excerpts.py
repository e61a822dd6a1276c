#!/usr/bin/env python3
"""Write each stored page excerpt (pages corpus, as returned) to its sample file, byte for byte + final newline."""
import json, os, sys
here = os.path.dirname(os.path.abspath(__file__))
out = os.path.dirname(here)
for e in json.load(open(os.path.join(here, "excerpts.json"), encoding="utf-8")):
    with open(os.path.join(out, e["file"]), "w", encoding="utf-8", newline="\n") as f:
        f.write(e["excerpt"] + "\n")
    print(e["file"], len(e["excerpt"].splitlines()), "lines")
