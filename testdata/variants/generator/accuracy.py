#!/usr/bin/env python3
"""Precision and recall per rule kind of an audit of testdata/variants (scripts/accuracy.sh).

usage: accuracy.py RESULT.json EXPECTED.json CHECKLIST_DIR > docs/accuracy.md

A finding counts when its severity is minor, major or veto (info findings and manual-check
items are not verdicts). Per archive: true positive = an expected rule that fired; false
negative = an expected rule that did not; false positive = a counted finding whose rule is
neither expected nor allowed for that archive (a complete case expects nothing).
"""
import glob
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict

COUNTED = {'minor', 'major', 'veto'}

# Earlier measurements, kept by hand (the table below is always the current run).
HISTORY = [
    '| 2026-12-06 03:42 | `c8a35bc` (the tool before issue 13) on the final 104-archive corpus | 104 | 0.03 | 0.48 | 4 of 71 | 1 of 7 |',
    '| 2026-12-06 02:13 | `047a79a` + working tree | 31 | 0.13 | 0.85 | 11 of 18 | 1 of 6 |',
    '| 2026-12-06 02:28 | working tree of that time | 54 | 0.89 | 0.96 | 29 of 29 | 4 of 6 |',
    '| 2026-12-06 03:26 | working tree of that time | 101 | 0.87 | 1.00 | 67 of 68 | 7 of 7 |',
]


def rule_kinds(checklist_dir):
    kinds = {}
    for path in glob.glob(os.path.join(checklist_dir, 'rules-*.xml')):
        for rule in ET.parse(path).getroot().iter('rule'):
            kinds[rule.get('id')] = rule.get('kind')
    return kinds


def main(result_path, expected_path, checklist_dir):
    result = json.load(open(result_path, encoding='utf-8'))
    expected = json.load(open(expected_path, encoding='utf-8'))['archives']
    kinds = rule_kinds(checklist_dir)
    tp, fp, fn = defaultdict(int), defaultdict(int), defaultdict(int)
    misses, alarms, groups = [], [], defaultdict(list)
    graded = complete = 0
    for case in result['cases']:
        name = os.path.basename(case['archive'])
        exp = expected.get(name)
        if exp is None:
            continue
        fired = {f['rule'] for f in case['findings'] if f['severity'] in COUNTED}
        want, allow = set(exp['expect']), set(exp['allow'])
        for r in want & fired:
            tp[kinds.get(r, '?')] += 1
        for r in sorted(want - fired):
            fn[kinds.get(r, '?')] += 1
            misses.append((name, r))
        for r in sorted(fired - want - allow):
            fp[kinds.get(r, '?')] += 1
            alarms.append((name, r))
        if exp['complete']:
            complete += 1
            graded += case['grade'] == exp['grade']
        if exp['group']:
            ignore = json.load(open(expected_path, encoding='utf-8')).get('metamorphic_ignore', {})
            groups[exp['group']].append(frozenset(f"{f['rule']}/{f['severity']}" for f in case['findings']
                                                  if f['rule'] not in ignore) | {f"grade/{case['grade']}"})
    rev = subprocess.run(['git', 'rev-parse', '--short', 'HEAD'], capture_output=True, text=True,
                         cwd=os.path.dirname(expected_path)).stdout.strip()
    out = ['# Accuracy on the variation corpus', '',
           'Written by `scripts/accuracy.sh` (do not edit by hand). Corpus: `testdata/variants/` '
           f'({len(expected)} archives: {complete} complete cases in {len(groups)} variant groups, '
           f'{len(expected) - complete} cases with one injected defect each; see testdata/variants/README.md).', '',
           '## Method', '',
           '`build/auditor audit testdata/variants --json` is compared with `testdata/variants/expected.json`. '
           'A finding counts when its severity is minor, major or veto; info findings and manual-check items '
           'are not verdicts. Per archive, a rule the expectation lists under `expect` and that fired is a true '
           'positive (TP), one that did not fire a false negative (FN); a counted finding whose rule is neither '
           'expected nor listed under `allow` is a false positive (FP) — every counted finding on a complete '
           'case is one. A rule counts once per archive however many findings it raised there. Rules are grouped by their kind (`kind=` in checklists/general/rules-*.xml). '
           'Precision = TP / (TP + FP), recall = TP / (TP + FN); "–" when the denominator is 0. '
           'The expected rules are those of the defects injected on purpose; a defect the corpus does not '
           f'contain cannot show up as a miss, so recall is measured on {sum(len(e["expect"]) for e in expected.values())} '
           'injected defects and the FP column is the main measure of false alarms. Gaps the test still '
           'accepts are listed in expected.json `known_gaps`.', '',
           f'Tool: commit `{rev}` plus the working tree at the time of the run.', '',
           '## Per rule kind', '',
           '| rule kind | TP | FP | FN | precision | recall |', '|---|---:|---:|---:|---:|---:|']

    def ratio(a, b):
        return f'{a / b:.2f}' if b else '–'
    all_kinds = sorted(set(tp) | set(fp) | set(fn))
    for k in all_kinds:
        out.append(f'| {k} | {tp[k]} | {fp[k]} | {fn[k]} | {ratio(tp[k], tp[k] + fp[k])} | {ratio(tp[k], tp[k] + fn[k])} |')
    T, F, N = sum(tp.values()), sum(fp.values()), sum(fn.values())
    out.append(f'| **all** | {T} | {F} | {N} | {ratio(T, T + F)} | {ratio(T, T + N)} |')
    same = sum(1 for g in groups.values() if len(set(g)) == 1)
    out += ['', '## Per case', '',
            f'- complete cases graded as expected (优秀): {graded} of {complete}',
            f'- variant groups whose variants give identical (rule, severity) findings and grade: {same} of {len(groups)}',
            '', '### Missed (expected rule did not fire)', '']
    out += [f'- `{a}`: {r}' for a, r in misses] or ['- none']
    out += ['', '### False alarms (counted finding not expected)', '']
    out += [f'- `{a}`: {r}' for a, r in alarms] or ['- none']
    out += ['', '## Earlier runs', '',
            'The corpus grew while the tool was being fixed (issue 13); the first run found about the state the '
            'issue describes.', '',
            '| when (UTC) | tool | archives | precision | recall | complete cases 优秀 | identical groups |',
            '|---|---|---:|---:|---:|---:|---:|'] + HISTORY
    print('\n'.join(out))


if __name__ == '__main__':
    main(*sys.argv[1:4])
