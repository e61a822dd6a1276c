#!/usr/bin/env python3
"""real41: the `table` field check_facts.py has no key for (make/check_tables.py on facts.yaml).

usage: check.py BINARY   (ctest probe_real41_views runs it with the build's binary)
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
binary = sys.argv[1] if len(sys.argv) > 1 else "/tmp/probe-bin51/noticetab"
sys.exit(subprocess.run([sys.executable, os.path.join(HERE, "make", "check_tables.py"),
                         os.path.join(HERE, "facts.yaml"), binary]).returncode)
