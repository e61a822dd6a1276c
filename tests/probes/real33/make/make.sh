#!/bin/sh
# Rebuild every real33 sample, min/ and var/ file (needs LibreOffice; scratch under /tmp/real33).
set -e
cd "$(dirname "$0")/.."
mkdir -p /tmp/lohome min var
python3 make/build_xlsx.py .
python3 make/build_text.py .
python3 make/build_min.py .
