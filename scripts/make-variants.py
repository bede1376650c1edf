#!/usr/bin/env python3
"""Writes the variation corpus testdata/variants/*.zip and testdata/variants/expected.json.

A developer tool (Python 3 standard library + LibreOffice `soffice`; a CJK font such as
fonts-wqy-microhei for the PDFs). CI never runs it: its outputs are committed.
Each document is written as HTML in one of four layouts (testdata/variants/generator/
layouts.py), converted to DOCX by soffice (batches of 40 files per call) and, for PDF
variants, from DOCX to PDF the same way; OFD variants are written by generator/ofd.py and
images by generator/docs_extra.py. Then each case is zipped. The known_gaps section of an
existing expected.json is kept (metamorphic_ignore comes from corpus.py). See
testdata/variants/README.md.

  scripts/make-variants.py            rebuild the corpus (archives already there are rewritten
                                      byte for byte; the generator modules are in
                                      testdata/variants/generator/, what is made in corpus.py)
"""
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'testdata', 'variants')
sys.path.insert(0, os.path.join(OUT, 'generator'))

import assemble  # noqa: E402
import defects  # noqa: E402
from cases import make_case  # noqa: E402
from corpus import (BASES, DEFECTS, GROUPS, LAST_DEFECTS, LAST_NEAR, LAST_VARIANTS,  # noqa: E402
                    LATE_DEFECTS, LATE_GROUPS, LATE_NEAR, LATE_VARIANTS, METAMORPHIC_IGNORE, NEAR)
from layouts import render  # noqa: E402
from ofd import ofd_bytes  # noqa: E402

ZIP_TIME = (2024, 9, 2, 9, 0, 0)


class GbkInfo(zipfile.ZipInfo):
    """A member name in GBK without the UTF-8 flag, as Chinese Windows tools write it."""

    def _encodeFilenameFlags(self):
        return self.filename.encode('gbk'), self.flag_bits & ~0x800


def write_zip(path, members, gbk=False):
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            info = (GbkInfo if gbk else zipfile.ZipInfo)(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0 if gbk else 3
            info.external_attr = 0x20 if gbk else 0o644 << 16
            z.writestr(info, data)


def stable_docx(data):
    """The DOCX re-zipped with fixed member times, so a rebuild gives the same bytes."""
    src, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            z.writestr(zipfile.ZipInfo(info.filename, ZIP_TIME), src.read(info), zipfile.ZIP_DEFLATED)
    return out.getvalue()


def stable_pdf(data):
    """The PDF with its creation time, checksum and file ID fixed (same lengths: offsets stay valid)."""
    data = re.sub(rb'/CreationDate\(D:\d{14}', b'/CreationDate(D:20240902090000', data)
    data = re.sub(rb'/DocChecksum /[0-9A-F]{32}', b'/DocChecksum /' + b'0' * 32, data)
    return re.sub(rb'<[0-9A-F]{32}>', lambda m: b'<' + b'0' * 32 + b'>', data)


def soffice(args, cwd, profile):
    """One soffice call with a private profile (a running soffice of another user would
    otherwise take the request and return early)."""
    subprocess.run(['soffice', f'-env:UserInstallation=file://{profile}', '--headless', *args], cwd=cwd,
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def ofd_of(doc, v):
    """An OFD of the document; an outgoing letter carries the organ's enforcement e-seal, signed
    on the date under it."""
    seals = [b for b in doc['blocks'] if b[0] == 'seal'] if doc['kind'] == 'letter' else []
    if not seals:
        return ofd_bytes(render(doc, v))
    signed = re.search(r'\d{4}-\d{2}-\d{2}', seals[-1][2]).group(0) + ' 15:30:00'
    return ofd_bytes(render(doc, v), doc['organ'] + '综合行政执法专用章', signed)


def ext_of(v, i):
    """The format of a variant's i-th document."""
    return 'pdf' if v.fmt in ('pdf', 'onepdf') or (v.fmt == 'mixed' and i % 2 == 1) else 'docx'


def convert(stems, ext, target, src, dst, tmp):
    """Converts src/<stem>.<ext> to dst in batches of 40 files per soffice call (one long
    call was seen to stop after ~250 files); retries a batch's missing outputs once."""
    out_ext = target.split(':')[0]
    for attempt in range(2):
        todo = [s for s in stems if not os.path.exists(os.path.join(dst, f'{s}.{out_ext}'))]
        for i in range(0, len(todo), 40):
            soffice(['--convert-to', target, '--outdir', dst, *[f'{s}.{ext}' for s in todo[i:i + 40]]], src,
                    tmp + '/profile')
    missing = [s for s in stems if not os.path.exists(os.path.join(dst, f'{s}.{out_ext}'))]
    if missing:
        sys.exit(f'soffice did not convert: {missing}')


def main():
    archives = []  # (zip name, variant, docs, expectation)
    c_names = {}   # zip name → the case's title (the name of a whole-case PDF)
    serial = 20

    def add_groups(groups, serial):
        for group, base, variants in groups:
            for suffix, v in variants:
                serial += 1
                c = make_case(BASES[base], v, serial)
                docs = assemble.documents(c)
                c_names[f'{group}-{suffix}.zip'] = f'{c.party["name"]}{c.cause}（{c.case_no}）'
                archives.append((f'{group}-{suffix}.zip', v, docs, {
                    'group': group, 'complete': True, 'procedure': BASES[base]['procedure'], 'grade': '优秀',
                    'expect': [], 'allow': [], 'party': v.party, 'layout': v.layout, 'format': v.fmt,
                    'dates': v.date_style, 'names': v.encoding + '/' + v.naming}))
        return serial

    serial = add_groups(GROUPS, serial)
    def add_defects(defect_list, near_list, serial):
        for name, base, defect, v, expect, allow, what in defect_list:
            serial += 1
            c, docs = defects.defect_docs(defect, BASES[base], v, serial)
            archives.append((f'{name}.zip', v, docs, {
                'group': None, 'complete': False, 'procedure': BASES[base]['procedure'], 'defect': what,
                'expect': expect, 'allow': allow, 'party': v.party, 'layout': v.layout, 'format': v.fmt,
                'dates': v.date_style, 'names': v.encoding + '/' + v.naming}))
        for name, base, change, v, what in near_list:
            serial += 1
            c, docs = defects.defect_docs(change, BASES[base], v, serial)
            archives.append((f'{name}.zip', v, docs, {
                'group': None, 'complete': True, 'procedure': BASES[base]['procedure'], 'grade': '优秀', 'edge': what,
                'expect': [], 'allow': [], 'party': v.party, 'layout': v.layout, 'format': v.fmt,
                'dates': v.date_style, 'names': v.encoding + '/' + v.naming}))
        return serial

    serial = add_defects(DEFECTS, NEAR, serial)
    serial = add_groups(LATE_GROUPS, serial)
    def add_variants(variant_list, serial):
        for group, suffix, base, change, v in variant_list:
            serial += 1
            zname = f'{group}-{suffix}.zip'
            c, docs = defects.defect_docs(change, BASES[base], v, serial)
            c_names[zname] = f'{c.party["name"]}{c.cause}（{c.case_no}）'
            archives.append((zname, v, docs, {
                'group': group, 'complete': True, 'procedure': BASES[base]['procedure'], 'grade': '优秀',
                'expect': [], 'allow': [], 'party': v.party, 'layout': v.layout, 'format': v.fmt,
                'dates': v.date_style, 'names': v.encoding + '/' + v.naming}))
        return serial

    serial = add_variants(LATE_VARIANTS, serial)
    serial = add_defects(LATE_DEFECTS, LATE_NEAR, serial)
    serial = add_variants(LAST_VARIANTS, serial)
    serial = add_defects([], LAST_NEAR, serial)
    serial = add_defects(LAST_DEFECTS, [], serial)

    tmp = tempfile.mkdtemp(prefix='variants-')
    try:
        html_dir, docx_dir, pdf_dir = (os.path.join(tmp, d) for d in ('html', 'docx', 'pdf'))
        for d in (html_dir, docx_dir, pdf_dir):
            os.makedirs(d)
        stems = []
        for ai, (_, v, docs, _) in enumerate(archives):
            row = []
            if v.fmt == 'onepdf':  # the whole case as one PDF, one document per page group
                bodies = [re.search(r'<body>(.*)</body>', render(doc, v), re.S).group(1) for doc in docs]
                page = '<p style="page-break-before: always"></p>'
                head = render(docs[0], v).split('<body>')[0]
                with open(os.path.join(html_dir, f'a{ai:02d}all.html'), 'w', encoding='utf-8') as f:
                    f.write(head + '<body>' + page.join(bodies) + '</body></html>')
                stems.append([f'a{ai:02d}all'])
                continue
            for di, doc in enumerate(docs):
                if v.fmt == 'ofd' and 'raw' not in doc:  # OFD is written here, not by LibreOffice
                    doc['raw'], doc['raw_ext'] = ofd_of(doc, v), 'ofd'
                if 'raw' in doc:  # an image or OFD member: written as is
                    row.append(None)
                    continue
                stem = f'a{ai:02d}d{di:02d}'
                with open(os.path.join(html_dir, stem + '.html'), 'w', encoding='utf-8') as f:
                    f.write(render(doc, v))
                row.append(stem)
            stems.append(row)
        convert(sorted(s for row in stems for s in row if s), 'html', 'docx:MS Word 2007 XML', html_dir, docx_dir, tmp)
        pdf_stems = [s for (_, v, _, _), row in zip(archives, stems) for i, s in enumerate(row)
                     if s and ext_of(v, i) == 'pdf']
        convert(pdf_stems, 'docx', 'pdf', docx_dir, pdf_dir, tmp)
        expected = {}
        for (zname, v, docs, exp), row in zip(archives, stems):
            exts = [doc.get('raw_ext', 'png') if 'raw' in doc else ext_of(v, i) for i, doc in enumerate(docs)]
            names = assemble.file_names(docs, v.naming, exts, c_names.get(zname, '案卷'))
            if v.fmt == 'onepdf':
                with open(os.path.join(pdf_dir, row[0] + '.pdf'), 'rb') as f:
                    data = stable_pdf(f.read())
                write_zip(os.path.join(OUT, zname), [(f'{c_names[zname]}.pdf', data)])
                exp['documents'] = len(docs)
                expected[zname] = exp
                continue
            members = []
            for name, stem, ext, doc in zip(names, row, exts, docs):
                if stem is None:
                    members.append((name, doc['raw']))
                    continue
                folder = pdf_dir if ext == 'pdf' else docx_dir
                with open(os.path.join(folder, f'{stem}.{ext}'), 'rb') as f:
                    data = f.read()
                members.append((name, stable_pdf(data) if ext == 'pdf' else stable_docx(data)))
            write_zip(os.path.join(OUT, zname), members, gbk=v.encoding == 'gbk')
            exp['documents'] = len(docs)
            expected[zname] = exp
    finally:
        if not os.environ.get("KEEP_TMP"):
            shutil.rmtree(tmp)

    path = os.path.join(OUT, 'expected.json')
    gaps = []
    if os.path.exists(path):
        with open(path, encoding='utf-8') as f:
            gaps = json.load(f).get('known_gaps', [])
    with open(path, 'w', encoding='utf-8') as f:
        json.dump({'about': 'Expected findings of testdata/variants (scripts/make-variants.py); '
                            'known_gaps: current misses of the tool, kept by hand (README.md).',
                   'archives': expected, 'known_gaps': gaps, 'metamorphic_ignore': METAMORPHIC_IGNORE},
                  f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write('\n')
    print(f'{len(archives)} archives written to {OUT}')


if __name__ == '__main__':
    main()
