#!/usr/bin/env python3
"""Measure OCR accuracy on the scan corpus (scripts/make-scan-corpus.py):
audits DIR/born and DIR/scan with build/auditor (a fresh database each,
--full) and compares, per scanned member, the document type and date read
from the scan with those read from the born-digital member, and per archive
the findings. Prints the tables of docs/ocr-accuracy.md.

    scripts/make-scan-corpus-report.py [--dir DIR] [--auditor PATH] [--jobs N]

A finding is keyed by its rule and what it is about (a member path of a
scan is mapped back to its source member). "Gained" findings are raised on
the scans only; those whose message says they rest on OCR (依据识别文字) are
allowed. Manual checks are counted apart: they ask a person, they assert
nothing.
"""

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MARK = "依据识别文字"


def audit(auditor, folder, jobs, out, reuse, extra=()):
    """The cases of `folder` audited into a fresh database, by archive file
    name, and the seconds it took; kept in `out` (reused with --reuse)."""
    if not (reuse and os.path.exists(out)):
        with tempfile.TemporaryDirectory() as tmp:
            start = time.monotonic()
            subprocess.run([auditor, "audit", "--db", os.path.join(tmp, "a.db"), "--full",
                            "--jobs", str(jobs), "--json", out, *extra, folder], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            with open(out + ".seconds", "w") as f:
                f.write("%.2f" % (time.monotonic() - start))
    with open(out, encoding="utf-8") as f:
        result = json.load(f)
    with open(out + ".seconds") as f:
        seconds = float(f.read())
    return {os.path.basename(c["archive"]): c for c in result["cases"]}, seconds


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--dir", default=os.path.join(ROOT, "build", "scan-corpus"))
    p.add_argument("--auditor", default=os.path.join(ROOT, "build", "auditor"))
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--reuse", action="store_true", help="compare the results of the last run")
    args = p.parse_args()
    with open(os.path.join(args.dir, "scan-corpus.json"), encoding="utf-8") as f:
        record = json.load(f)
    def run(name, extra=()):
        folder = "born" if name == "born" else "scan"
        return audit(args.auditor, os.path.join(args.dir, folder), args.jobs,
                     os.path.join(args.dir, "result-%s.json" % name), args.reuse, extra)
    born, born_s = run("born")
    scan, scan_s = run("scan")
    off, off_s = run("scan-ocr-off", ("--ocr", "off"))

    source_of = {(r["archive"], r["member"]): r["source"] for r in record}
    typed = right_type = dated = right_date = 0
    wrong = []
    by_kind = collections.Counter()
    for r in record:
        b = {d["path"]: d for d in born[r["archive"]]["documents"]}.get(r["source"])
        s = {d["path"]: d for d in scan[r["archive"]]["documents"]}.get(r["member"])
        if b is None or s is None or b["type"] is None:
            continue
        typed += 1
        ok = s["type"] == b["type"]
        right_type += ok
        by_kind[(r["container"], ok)] += 1
        if not ok:
            wrong.append("%s %s (%s, %d dpi, %s°): %s, born %s" % (
                r["archive"], r["member"], r["container"], r["dpi"], r["turn"] + r["skew"],
                s["type"], b["type"]))
        if b["date"]:
            dated += 1
            right_date += s["date"] == b["date"]
            if s["date"] != b["date"]:
                wrong.append("%s %s date %s, born %s" % (r["archive"], r["member"], s["date"],
                                                         b["date"]))

    def keys(case, archive):
        out = collections.Counter()
        for f in case["findings"]:
            doc = f["document"]
            doc = source_of.get((archive, doc), doc)
            out[(f["rule"], doc or "", f["kind"] == "manual_check", MARK in f["message"])] += 1
        return out

    lost = gained_marked = gained_unmarked = same = 0
    manual_lost = manual_gained = 0
    lines = []
    for archive in sorted(born):
        bk = collections.Counter()
        for (rule, doc, manual, _), n in keys(born[archive], archive).items():
            bk[(rule, doc, manual)] += n
        sk = keys(scan[archive], archive)
        rest = bk.copy()
        for (rule, doc, manual, marked), n in sorted(sk.items()):
            k = (rule, doc, manual)
            matched = min(n, rest[k])
            rest[k] -= matched
            same += matched
            extra = n - matched
            if extra == 0:
                continue
            if manual and not marked:
                manual_gained += extra
            elif marked:
                gained_marked += extra
                lines.append("%s +%s %s（依据识别文字）" % (archive, rule, doc))
            else:
                gained_unmarked += extra
                lines.append("%s +%s %s（未标注）" % (archive, rule, doc))
        for (rule, doc, manual), n in rest.items():
            if n <= 0:
                continue
            if manual:
                manual_lost += n
            else:
                lost += n
                lines.append("%s -%s %s" % (archive, rule, doc))

    pages = sum(r["pages"] for r in record)
    print("| | |\n|---|---|")
    print("| archives | %d |" % len(born))
    print("| scanned documents (pages) | %d (%d) |" % (len(record), pages))
    print("| classified as born-digital | %d / %d = %.1f %% |" % (right_type, typed,
                                                                100.0 * right_type / max(typed, 1)))
    print("| date as born-digital | %d / %d = %.1f %% |" % (right_date, dated,
                                                          100.0 * right_date / max(dated, 1)))
    print("| findings as born-digital | %d |" % same)
    print("| findings lost | %d |" % lost)
    print("| findings gained, marked as resting on OCR | %d |" % gained_marked)
    print("| findings gained, not marked | %d |" % gained_unmarked)
    print("| manual checks lost / gained | %d / %d |" % (manual_lost, manual_gained))
    print("| audit time born / scanned / scanned --ocr off | %.1f s / %.1f s / %.1f s |" % (
        born_s, scan_s, off_s))
    print()
    for (container, ok), n in sorted(by_kind.items()):
        print("container %-7s %s %d" % (container, "right" if ok else "wrong", n))
    print()
    for line in wrong + lines:
        print("- " + line)


if __name__ == "__main__":
    main()
