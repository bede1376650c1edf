#!/usr/bin/env python3
"""Make the OCR accuracy corpus (docs/ocr-accuracy.md): case archives whose
receipts and records (and, in some, every document) are scans of the
project's own documents, beside the same archives born-digital.

For each source archive (bare archives of testdata/ and testdata/variants/),
the chosen DOCX and PDF members are rendered to PDF with LibreOffice (DOCX),
rasterised with pdftoppm at 150, 200 or 300 dpi, turned by a small skew (and
some by 90/180/270 degrees), blurred, speckled with noise and compressed
with ImageMagick, and stored under a scanner's name (IMG_0003.jpg,
scan0004.pdf, SCAN_0005.tif, Image0006.png) in the member's folder: only
their content tells what they are. Multi-page documents become image-only
PDFs or multi-page TIFFs (grey LZW or fax-like Group 4), single pages JPEG,
PNG or one-page PDFs. Everything else stays byte for byte.

    scripts/make-scan-corpus.py [--out DIR] [--seed N] [--all-share F] [ARCHIVE...]

writes DIR/born/<name>.zip (the sources, copied), DIR/scan/<name>.zip and
DIR/scan-corpus.json (per scanned member: its source member, pages and how
it was degraded). A fixed seed gives the same choices; the images depend on
the installed LibreOffice, poppler and ImageMagick. Python 3 standard
library only; needs soffice, pdftoppm and convert on PATH.
"""

import argparse
import json
import os
import random
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Bare archives (no manifest), all four layouts, the deadline defects the
# OCR must keep reporting (d01 decision in the defence period, d02 decision
# served late, d31/d32 across holidays) and near misses that must stay quiet.
DEFAULT_SOURCES = [
    "testdata/02-complete-bare-gbk.zip",
    "testdata/03-missing-notice-bare.zip",
    "testdata/variants/g1-general-no-statement-a.zip",
    "testdata/variants/g1-general-no-statement-b.zip",
    "testdata/variants/g1-general-no-statement-c.zip",
    "testdata/variants/g1-general-no-statement-d.zip",
    "testdata/variants/g2-general-statements-a.zip",
    "testdata/variants/g2-general-statements-c.zip",
    "testdata/variants/g3-hearing-a.zip",
    "testdata/variants/g3-hearing-b.zip",
    "testdata/variants/g6-no-penalty-a.zip",
    "testdata/variants/d01-decision-in-defence-period.zip",
    "testdata/variants/d02-decision-served-late.zip",
    "testdata/variants/d03-closed-before-payment.zip",
    "testdata/variants/d04-publication-late.zip",
    "testdata/variants/d14-decision-after-90-days.zip",
    "testdata/variants/d15-hearing-notified-5-working-days-ahead.zip",
    "testdata/variants/d31-served-8th-working-day-across-may-day.zip",
    "testdata/variants/d32-decision-on-last-defence-day-qingming.zip",
    "testdata/variants/n02-decision-served-7th-working-day.zip",
    "testdata/variants/n03-decision-day-after-defence-period.zip",
    "testdata/variants/n14-received-by-relative.zip",
]

# Members scanned in every archive: what is signed by hand and scanned in
# real files (receipts, records); in an "all" archive every DOCX and PDF.
SCANNED_WORDS = ["送达回证", "送达回执", "笔录", "回证"]


def run(args, **kw):
    r = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kw)
    if r.returncode != 0:
        sys.exit("%s failed: %s" % (" ".join(args), r.stderr.decode(errors="replace")))


def member_name(info):
    """The member's name as the auditor decodes it: UTF-8, else GB18030."""
    if info.flag_bits & 0x800:
        return info.filename
    raw = info.filename.encode("cp437")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("gb18030")


def wanted(name, scan_all):
    base = os.path.basename(name)
    ext = os.path.splitext(base)[1].lower()
    if ext not in (".docx", ".pdf"):
        return False
    if scan_all:
        return True
    stem = os.path.splitext(base)[0]
    return any(w in stem for w in SCANNED_WORDS)


def to_pdfs(members, work):
    """PDF bytes of each (name, bytes) member: DOCX through LibreOffice."""
    out = {}
    docx_dir = os.path.join(work, "docx")
    os.makedirs(docx_dir, exist_ok=True)
    staged = {}
    for i, (name, data) in enumerate(members):
        if name.lower().endswith(".pdf"):
            out[name] = data
            continue
        path = os.path.join(docx_dir, "m%03d.docx" % i)
        with open(path, "wb") as f:
            f.write(data)
        staged[name] = path
    if staged:
        run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", docx_dir]
            + sorted(staged.values()), cwd=docx_dir)
        for name, path in staged.items():
            with open(path[:-5] + ".pdf", "rb") as f:
                out[name] = f.read()
    return out


def degrade(rng):
    """How one scanned document is degraded (recorded in scan-corpus.json)."""
    turn = rng.choice([0] * 17 + [90, 180, 270])
    return {
        "dpi": rng.choice([150, 200, 300]),
        "skew": round(rng.uniform(-2.5, 2.5), 2),
        "turn": turn,
        "blur": rng.choice([0, 0, 0.5, 0.8]),
        "noise": rng.choice([0, 0, 0.3, 0.5]),
        "quality": rng.choice([45, 60, 75, 90]),
    }


def page_images(pdf, how, work, tag):
    """The degraded page images (PNG paths) of a PDF."""
    src = os.path.join(work, tag + ".pdf")
    with open(src, "wb") as f:
        f.write(pdf)
    prefix = os.path.join(work, tag)
    run(["pdftoppm", "-r", str(how["dpi"]), "-gray", "-png", src, prefix])
    pages = sorted(p for p in os.listdir(work) if p.startswith(tag + "-") and p.endswith(".png"))
    out = []
    for p in pages:
        path = os.path.join(work, p)
        degraded = path[:-4] + "-d.png"
        args = ["convert", path, "-background", "white", "-rotate", str(how["turn"] + how["skew"]),
                "+repage"]
        if how["blur"]:
            args += ["-blur", "0x%s" % how["blur"]]
        if how["noise"]:
            args += ["-attenuate", str(how["noise"]), "+noise", "Gaussian"]
        args += ["-colorspace", "Gray", "-density", str(how["dpi"]), "-units", "PixelsPerInch",
                 degraded]
        run(args)
        out.append(degraded)
    return out


def jpeg_size(data):
    """Width and height from a JPEG's first frame header."""
    at = 2
    while at + 9 < len(data):
        marker, length = data[at + 1], struct.unpack(">H", data[at + 2:at + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            h, w = struct.unpack(">HH", data[at + 5:at + 9])
            return w, h
        at += 2 + length
    raise ValueError("no JPEG frame header")


def image_pdf(jpegs, dpi):
    """An image-only PDF: each JPEG (grey) one page, sized by `dpi`."""
    objects = []
    kids = []
    for data in jpegs:
        w, h = jpeg_size(data)
        pw, ph = w * 72.0 / dpi, h * 72.0 / dpi
        img = len(objects) + 3
        objects.append(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace "
                       b"/DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n"
                       % (w, h, len(data)) + data + b"\nendstream")
        content = b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q" % (pw, ph)
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources "
                       b"<< /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>"
                       % (pw, ph, img, img + 1))
        kids.append(img + 2)
    head = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [%s] /Count %d >>"
            % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(head + objects):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(offsets) + 1, xref)
    return bytes(out)


def scan(pdf, how, rng, work, tag, counter):
    """(file name, bytes, container) of one scanned document."""
    pages = page_images(pdf, how, work, tag)
    n = counter[0]
    counter[0] += 1
    if len(pages) == 1:
        kind = rng.choice(["jpg", "jpg", "jpg", "png", "pdf"])
    else:
        kind = rng.choice(["pdf", "pdf", "tif", "tif-g4"])
    q = str(how["quality"])
    if kind == "png":
        out = os.path.join(work, tag + ".png")
        run(["convert", pages[0], "-depth", "8", out])
        name = "Image%04d.png" % n
    elif kind == "tif" or kind == "tif-g4":
        out = os.path.join(work, tag + ".tif")
        extra = ["-threshold", "60%", "-compress", "Group4"] if kind == "tif-g4" else [
            "-compress", "lzw"]
        run(["convert"] + pages + extra + ["-density", str(how["dpi"]), "-units",
                                           "PixelsPerInch", out])
        name = "SCAN_%04d.tif" % n
    else:
        jpegs = []
        for i, p in enumerate(pages):
            j = os.path.join(work, "%s-%d.jpg" % (tag, i))
            run(["convert", p, "-quality", q, j])
            with open(j, "rb") as f:
                jpegs.append(f.read())
        if kind == "jpg":
            return "IMG_%04d.jpg" % n, jpegs[0], kind, len(pages)
        return "scan%04d.pdf" % n, image_pdf(jpegs, how["dpi"]), kind, len(pages)
    with open(out, "rb") as f:
        return name, f.read(), kind, len(pages)


def make(source, out_dir, rng, scan_all, record):
    base = os.path.basename(source)
    shutil.copyfile(source, os.path.join(out_dir, "born", base))
    with zipfile.ZipFile(source) as z:
        infos = [i for i in z.infolist() if not i.is_dir()]
        members = [(member_name(i), z.read(i)) for i in infos]
    chosen = [(n, d) for n, d in members if wanted(n, scan_all)]
    with tempfile.TemporaryDirectory() as work:
        pdfs = to_pdfs(chosen, work)
        counter = [1 + rng.randrange(0, 9000)]
        renamed = {}
        for i, (name, _) in enumerate(chosen):
            how = degrade(rng)
            new, data, kind, pages = scan(pdfs[name], how, rng, work, "s%03d" % i, counter)
            folder = os.path.dirname(name)
            new = (folder + "/" if folder else "") + new
            renamed[name] = (new, data)
            record.append(dict(archive=base, member=new, source=name, container=kind,
                               pages=pages, **how))
    target = os.path.join(out_dir, "scan", base)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            name, data = renamed.get(name, (name, data))
            info = zipfile.ZipInfo(name, date_time=(2024, 9, 2, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--out", default=os.path.join(ROOT, "build", "scan-corpus"))
    p.add_argument("--seed", type=int, default=18)
    p.add_argument("--all-share", type=float, default=0.35,
                   help="share of archives in which every DOCX and PDF is scanned")
    p.add_argument("archives", nargs="*")
    args = p.parse_args()
    sources = args.archives or [os.path.join(ROOT, s) for s in DEFAULT_SOURCES]
    rng = random.Random(args.seed)
    for sub in ("born", "scan"):
        shutil.rmtree(os.path.join(args.out, sub), ignore_errors=True)
        os.makedirs(os.path.join(args.out, sub))
    record = []
    for source in sources:
        scan_all = rng.random() < args.all_share
        make(source, args.out, rng, scan_all, record)
        print("%s: %s" % (os.path.basename(source), "全部扫描" if scan_all else "回证和笔录扫描"),
              file=sys.stderr)
    with open(os.path.join(args.out, "scan-corpus.json"), "w", encoding="utf-8") as f:
        json.dump(record, f, ensure_ascii=False, indent=1)
    print("%d archives, %d scanned documents, %d pages -> %s" % (
        len(sources), len(record), sum(r["pages"] for r in record), args.out), file=sys.stderr)


if __name__ == "__main__":
    main()
