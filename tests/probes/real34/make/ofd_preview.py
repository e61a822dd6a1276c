#!/usr/bin/env python3
"""Draws each page of an OFD as SVG (text placed per TextCode X/DeltaX incl. `g` abbreviations and CTM,
PathObjects as lines; template pages underneath) so a person can check what the file shows.
usage: ofd_preview.py FILE.ofd OUTPREFIX   -> OUTPREFIX-pN.svg"""
import re, sys, zipfile
import xml.etree.ElementTree as ET
O = '{http://www.ofdspec.org/2016}'


def nums(s):
    t, out = (s or '').split(), []
    i = 0
    while i < len(t):
        if t[i] == 'g':
            out += [float(t[i + 2])] * int(t[i + 1]); i += 3
        else:
            out.append(float(t[i])); i += 1
    return out


def draw(root, svg):
    for to in root.iter(O + 'TextObject'):
        bx, by, bw, bh = map(float, to.get('Boundary').split())
        a, b, c, d, e, f = map(float, (to.get('CTM') or '1 0 0 1 0 0').split())
        size = float(to.get('Size')) * a
        for tc in to.findall(O + 'TextCode'):
            x, y = float(tc.get('X')), float(tc.get('Y'))
            dx = nums(tc.get('DeltaX'))
            for i, ch in enumerate(tc.text or ''):
                px, py = bx + a * x + e, by + d * y + f
                svg.append('<text x="%.2f" y="%.2f" font-size="%.2f" font-family="WenQuanYi Micro Hei">%s</text>'
                           % (px, py, size, ch.replace('&', '&amp;').replace('<', '&lt;')))
                x += dx[i] if i < len(dx) else (dx[-1] if dx else 0)
    for po in root.iter(O + 'PathObject'):
        bx, by = map(float, po.get('Boundary').split()[:2])
        t = po.find(O + 'AbbreviatedData').text.split()
        cur = None
        i = 0
        while i < len(t):
            if t[i] in 'ML':
                pt = (bx + float(t[i + 1]), by + float(t[i + 2]))
                if t[i] == 'L':
                    svg.append('<line x1="%.2f" y1="%.2f" x2="%.2f" y2="%.2f" stroke="black" stroke-width="0.25"/>' % (cur + pt))
                cur = pt; i += 3
            else:
                i += 1


z = zipfile.ZipFile(sys.argv[1])
doc = ET.fromstring(z.read('Doc_0/Document.xml'))
tpls = {tp.get('ID'): ET.fromstring(z.read('Doc_0/' + tp.get('BaseLoc'))) for tp in doc.iter(O + 'TemplatePage')}
for n, pg in enumerate(doc.iter(O + 'Page')):
    root = ET.fromstring(z.read('Doc_0/' + pg.get('BaseLoc')))
    svg = ['<svg xmlns="http://www.w3.org/2000/svg" width="840" height="1188" viewBox="0 0 210 297"><rect width="210" height="297" fill="white"/>']
    for t in root.iter(O + 'Template'):
        draw(tpls[t.get('TemplateID')], svg)
    draw(root, svg)
    svg.append('</svg>')
    open('%s-p%d.svg' % (sys.argv[2], n + 1), 'w').write(''.join(svg))
