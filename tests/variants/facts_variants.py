#!/usr/bin/env python3
"""The hand-checked facts must hold for the notices changed the ways unseen ones differ.

Usage: facts_variants.py NOTICETAB CHECK_FACTS FACTS DIR [FACTS DIR ...]

Each FACTS file's notices (in DIR) are rewritten into a temporary directory once per
variant, and check_facts.py runs there with the same facts. The variants are what the
same notice looks like when it arrives another way:
  crlf     Windows line ends
  gb18030  GB18030 bytes
  utf16    UTF-16LE with a BOM
  blank    a blank line after every line (web paragraphs)
  indent   two ideographic spaces before every line of text (Word first-line indent)
  trail    trailing spaces
  ascii    ASCII punctuation for ，：（）； (a page stored NFKC-normalized)
  chrome   site chrome lines above and below (breadcrumbs, 字号, 打印本页, 版权所有)
  zwsp     a zero-width space at both ends of every line of text (a web page's &#8203;)
  fwdigit  full-width digits (２０２３年)
  pdf28    PDF text: lines of text cut at 28 characters (GB/T 9704's line), a page number
           and a form feed every 22 lines. Table rows (tab or | cells), lines aligned with
           runs of spaces (pdftotext -layout keeps those whole) and notices noticetab reads
           as one cell per line (a web table, never PDF text) are not cut.
A variant that does not apply to a notice (indent on a notice whose table is tab-prefixed)
leaves it as it is (the checker wants every notice its facts name). Exit 1 when any check fails, listing them.
"""
import json, os, re, subprocess, sys, tempfile

CHROME_TOP = '首页 > 政务公开 > 政策文件\n字号：大 中 小\n【打印本页】【关闭窗口】\n'
CHROME_BOTTOM = '\n扫一扫在手机打开当前页\n【打印本页】【关闭窗口】\n版权所有：某某市人民政府 网站标识码：1234000001\n'


def cut(line, width):
    if '\t' in line or '|' in line or len(line) <= width or re.search(r'\S {2,}\S', line):
        return [line]
    return [line[i:i + width] for i in range(0, len(line), width)]


def pdf28(text):
    out = []
    for line in text.split('\n'):
        out.extend(cut(line, 28))
    paged = []
    for i, line in enumerate(out, 1):
        paged.append(line)
        if i % 22 == 0:
            paged += ['', '— %d —' % (i // 22), '\f']
    return '\n'.join(paged)


def variants(text, layout):
    yield 'crlf', text.replace('\n', '\r\n').encode('utf-8')
    yield 'gb18030', text.encode('gb18030')
    yield 'utf16', b'\xff\xfe' + text.encode('utf-16-le')
    yield 'blank', '\n\n'.join(text.split('\n')).encode('utf-8')
    yield 'indent', ('\n'.join('\u3000\u3000' + l if l.strip() else l for l in text.split('\n'))
                     if 'tab-prefixed' not in layout else text).encode('utf-8')
    yield 'trail', '\n'.join(l + '  ' if l.strip() else l for l in text.split('\n')).encode('utf-8')
    t = text
    for a, b in [('，', ','), ('：', ':'), ('（', '('), ('）', ')'), ('；', ';')]:
        t = t.replace(a, b)
    yield 'ascii', t.encode('utf-8')
    yield 'chrome', (CHROME_TOP + text + CHROME_BOTTOM).encode('utf-8')
    yield 'zwsp', '\n'.join('\u200b' + l + '\u200b' if l.strip() else l for l in text.split('\n')).encode('utf-8')
    yield 'fwdigit', text.translate({ord(str(i)): chr(0xff10 + i) for i in range(10)}).encode('utf-8')
    yield 'pdf28', (pdf28(text) if 'cell-per-line' not in layout else text).encode('utf-8')


def main():
    binary, checker, pairs = sys.argv[1], sys.argv[2], sys.argv[3:]
    failed = []
    with tempfile.TemporaryDirectory() as tmp:
        for facts, src in zip(pairs[::2], pairs[1::2]):
            made = {}
            for name in sorted(os.listdir(src)):
                path = os.path.join(src, name)
                if not name.endswith('.txt') or not os.path.isfile(path):
                    continue
                raw = open(path, 'rb').read()
                try:
                    text = raw.decode('utf-8-sig')
                except UnicodeDecodeError:
                    text = raw.decode('gb18030')
                text = text.replace('\r\n', '\n')
                run = subprocess.run([binary, '-q', '-f', 'json', path], capture_output=True)
                layout = json.loads(run.stdout).get('layout', '') if run.stdout else ''
                for v, data in variants(text, layout):
                    d = os.path.join(tmp, os.path.basename(src.rstrip('/')) + '-' + v)
                    os.makedirs(d, exist_ok=True)
                    open(os.path.join(d, name), 'wb').write(data)
                    made.setdefault(v, d)
            for v, d in made.items():
                r = subprocess.run([sys.executable, checker, facts, d, '--cmd', binary + ' -f json'],
                                   capture_output=True, text=True)
                fails = [l for l in r.stdout.splitlines() if l.startswith('FAIL')]
                last = (r.stdout.strip().splitlines() or ['(no output)'])[-1]
                print('%-8s %-40s %s' % (v, os.path.basename(facts), last))
                failed += ['%s: %s' % (v, l) for l in fails]
    for f in failed:
        print(f)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
