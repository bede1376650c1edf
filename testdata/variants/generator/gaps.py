#!/usr/bin/env python3
"""Drafts the known_gaps section of testdata/variants/expected.json from an audit result,
with the same failure keys as tests/variation_test.cc.

usage: gaps.py RESULT.json [--write]

Prints the failures; with --write, replaces known_gaps in expected.json, keeping the
hand-written reason of every gap that is still there and filling new ones with what the
tool said, marked `tool: ` (replace those with a one-line diagnosis when you can).
"""
import json
import os
import sys

COUNTED = {'minor', 'major', 'veto'}
EXPECTED = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'expected.json')


def signature(c, ignore=()):
    return {f"{f['rule']}/{f['severity']}" for f in c['findings'] if f['rule'] not in ignore} | {f"grade/{c['grade']}"}


def failures(result, expected):
    by = {os.path.basename(c['archive']): c for c in result['cases']}
    out, first = {}, {}
    any_procedure = any('procedure' in c for c in result['cases'])
    if not any_procedure:
        out[('procedure', '*', '')] = 'the JSON result names no procedure'
    for name in sorted(expected['archives']):
        exp = expected['archives'][name]
        c = by.get(name)
        if c is None or c['status'] != 'audited':
            out[('audited', name, '')] = 'not audited'
            continue
        fired = {f['rule'] for f in c['findings'] if f['severity'] in COUNTED}
        outcome = {k['rule']: k['outcome'] for k in c['checks']}
        allowed = set(exp['expect']) | set(exp['allow'])
        for r in exp['expect']:
            if r not in fired:
                out[('fires', name, r)] = f'rule outcome {outcome.get(r, "absent (no such rule)")}'
        for f in c['findings']:
            if f['severity'] in COUNTED and f['rule'] not in allowed:
                out.setdefault(('quiet', name, f['rule']), f['message'])
        if exp['complete'] and c['grade'] != exp['grade']:
            out[('grade', name, '')] = f"{c['grade']} {c['score']}"
        if any_procedure and c.get('procedure') != exp['procedure']:
            out[('procedure', name, '')] = f"reported {c.get('procedure')}"
        if exp['group']:
            if exp['group'] not in first:
                first[exp['group']] = c
            else:
                ignore = expected.get('metamorphic_ignore', {})
                a, b = signature(first[exp['group']], ignore), signature(c, ignore)
                if a != b:
                    diff = ' '.join(['-' + s for s in sorted(a - b)] + ['+' + s for s in sorted(b - a)])
                    out[('same', name, '')] = f"differs from {os.path.basename(first[exp['group']]['archive'])}: {diff}"
    return out


def main(result_path, write):
    result = json.load(open(result_path, encoding='utf-8'))
    expected = json.load(open(EXPECTED, encoding='utf-8'))
    old = {(g['check'], g['subject'], g.get('rule', '')): g['reason'] for g in expected['known_gaps']}
    now = failures(result, expected)
    gaps = []
    for (check, subject, rule), seen in sorted(now.items()):
        reason = old.get((check, subject, rule), '')
        if not reason or reason.startswith('tool: '):  # a drafted reason is refreshed
            reason = 'tool: ' + seen
        gap = {'check': check, 'subject': subject, 'reason': reason.replace('\n', ' ')[:300]}
        if rule:
            gap['rule'] = rule
        gaps.append(gap)
        print(check, subject, rule, '—', gap['reason'][:160])
    fixed = sorted(set(old) - set(now))
    for k in fixed:
        print('fixed:', *k)
    print(f'{len(gaps)} gaps, {len(fixed)} fixed since the list was written', file=sys.stderr)
    if write:
        expected['known_gaps'] = gaps
        with open(EXPECTED, 'w', encoding='utf-8') as f:
            json.dump(expected, f, ensure_ascii=False, indent=1, sort_keys=True)
            f.write('\n')


if __name__ == '__main__':
    main(sys.argv[1], '--write' in sys.argv[2:])
