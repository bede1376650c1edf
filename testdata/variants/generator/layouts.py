"""Renders an abstract document (see docs.py) as HTML in one of three layouts.

  A  paragraphs: `label：value` lines, approvals as two lines, letters bottom-right;
  B  bordered table form: 4-column rows (label|value|label|value), a merged party
     block, approval rows ending `签字：张三  2024年4月8日`, spaced labels (`当 事 人`);
  C  the national/Hunan template (H24) wording and field order: 2-column tables whose
     narrow label cells wrap one character per line, `名称/姓名` style labels;
  D  a case-handling platform's print-out: letter-spaced short titles (`送 达 回 证`), the
     party block as one `；`-separated line, one `执法人员：… 执法证号：…` line per officer,
     approvals signed with an e-signature time (`2024-03-04 15:22:10`), `（公章）`, page marks.

Dates inside text are markers ⟦2024-03-05⟧ or ⟦2024-03-05T09:05⟧, spelled at render
time in the variant's date style.
"""
import datetime as dt
import html
import re

from basics import fmt_date

# Labels of the semantic keys per layout; a key not listed is printed as is.
LABELS = {
    'A': {'case_no': '案号', 'cause': '案由', 'place': '地点', 'recorder': '记录人',
          'officers': '执法人员', 'source': '案件来源'},
    'B': {'case_no': '立案号', 'cause': '案 由', 'place': '地 点', 'recorder': '记 录 人',
          'officers': '执法人员', 'source': '案件来源', '备注': '备 注'},
    'C': {'case_no': '立案号', 'cause': '案由', 'place': '地点', 'recorder': '记录人',
          'officers': '执法人员及执法证编号', 'source': '案件来源'},
    'D': {'case_no': '案件编号', 'cause': '案由', 'place': '地点', 'recorder': '记录人',
          'officers': '执法人员', 'source': '案件来源'},
}

PARTY_LABELS = {
    # party kind → layout → (name, id, representative, address)
    'company': {'A': ('当事人', '统一社会信用代码', '法定代表人', '地址'),
                'B': ('名称/姓名', '证件号码', '法定代表人(负责人)', '地 址'),
                'C': ('当事人名称/姓名', '统一社会信用代码/身份证件号码', '法定代表人/负责人/经营者', '地址/住址'),
                'D': ('当事人', '统一社会信用代码', '法定代表人', '住所')},
    'person': {'A': ('当事人', '身份证号码', None, '住址'),
               'B': ('名称/姓名', '证件号码', None, '住 址'),
               'C': ('当事人名称/姓名', '统一社会信用代码/身份证件号码', None, '地址/住址'),
               'D': ('当事人', '身份证号码', None, '住址')},
    'business': {'A': ('当事人', '统一社会信用代码', '经营者', '经营场所'),
                 'B': ('名称/姓名', '证件号码', '经营者', '地 址'),
                 'C': ('当事人名称/姓名', '统一社会信用代码/身份证件号码', '法定代表人/负责人/经营者', '地址/住址'),
                'D': ('当事人', '统一社会信用代码', '经营者', '经营场所')},
}

_MARK = re.compile(r'⟦(\d{4}-\d{2}-\d{2})(?:T(\d{1,2}):(\d{2}))?⟧')


def spell(text, v, seal=False):
    """Date markers spelled in the variant's style; style 'mixed' writes Arabic in the text and
    Chinese numerals under the seal, as many printed letters do."""
    style = v.date_style if v.date_style != 'mixed' else ('chinese' if seal else 'arabic')

    def one(m):
        d = dt.date.fromisoformat(m.group(1))
        s = fmt_date(d, style)
        if m.group(2):
            s += f'{int(m.group(2))}时{m.group(3)}分'
        return s
    return _MARK.sub(one, text)


def esc(text, v):
    return html.escape(spell(text, v)).replace('\n', '<br/>')


def label(key, v):
    return LABELS[v.layout].get(key, key)


def party_rows(party, v):
    names = PARTY_LABELS[party['kind']][v.layout]
    values = (party['name'], party['id'], party.get('rep'), party['addr'])
    return [(n, val) for n, val in zip(names, values) if n and val]


def officers_text(officers, v):
    if v.layout == 'C':
        return '、'.join(f'{n} {c}' for n, c in officers)
    return '、'.join(f'{n}（执法证号：{c}）' for n, c in officers)


def _p(text, v, align=None, bold=False):
    style = f' align="{align}"' if align else ''
    body = esc(text, v)
    return f'<p{style}>{"<b>" + body + "</b>" if bold else body}</p>'


def _cell(text, v, colspan=1, rowspan=1, raw=False):
    attrs = (f' colspan="{colspan}"' if colspan > 1 else '') + (f' rowspan="{rowspan}"' if rowspan > 1 else '')
    return f'<td{attrs}>{text if raw else esc(text, v)}</td>'


def _vertical(text):
    """A narrow label cell that wraps one character per line (C layout)."""
    return '<br/>'.join(html.escape(ch) for ch in text.replace(' ', ''))


def render(doc, v):
    """HTML of one document in variant v (v.layout, v.colon, v.date_style)."""
    out = []
    colon = v.colon
    if doc.get('organ') and doc['kind'] in ('letter', 'receipt'):
        out.append(_p(doc['organ'], v, 'center', True))
    shown = ' '.join(doc['title']) if v.layout == 'D' and len(doc['title']) <= 5 else doc['title']
    if getattr(v, 'prefixed', False) and doc.get('organ') and doc['kind'] in ('letter', 'receipt'):
        out.pop()  # the organ and the title on one line: (行政机关名称)行政处罚决定书 [HEN16]
        shown = doc['organ'] + shown
    out.append(_p(shown, v, 'center', True))
    if doc.get('number'):
        out.append(_p(doc['number'], v, 'right' if v.layout != 'B' else 'center'))
    tabular = v.layout in ('B', 'C') and doc['kind'] in ('form', 'record', 'receipt')
    if not tabular and doc.get('case_no'):
        out.append(_p(f'{label("case_no", v)}{colon}{doc["case_no"]}', v))
    if tabular:
        out.append(_table(doc, v))
    else:
        for b in doc['blocks']:
            out.extend(_para_block(b, doc, v))
    if v.layout == 'D' and doc['kind'] in ('record', 'receipt'):
        out.append(_p('第1页 共1页', v, 'center'))
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"/><title>' + html.escape(doc['title']) +
            '</title><style>body{font-family:"WenQuanYi Micro Hei";font-size:12pt} '
            'table{border-collapse:collapse;width:16cm} td{border:1px solid #000;padding:3px;vertical-align:top}'
            '</style></head><body>' + '\n'.join(out) + '</body></html>')


def _para_block(b, doc, v):
    colon, kind = v.colon, b[0]
    if kind == 'kv':
        return [_p(f'{label(b[1], v)}{colon}{b[2]}', v)]
    if kind == 'party':
        rows = party_rows(doc['party'], v)
        if v.layout == 'D':
            return [_p('；'.join(f'{n}：{val}' for n, val in rows) + '。', v)]
        return [_p(f'{n}{colon}{val}', v) for n, val in rows]
    if kind == 'officers':
        if v.layout == 'D':
            return [_p(f'执法人员：{n}　执法证号：{c}', v) for n, c in b[1]]
        return [_p(f'{label("officers", v)}{colon}{officers_text(b[1], v)}', v)]
    if kind == 'p':
        return [_p(b[1], v)]
    if kind == 'h':
        return [_p(b[1], v, bold=True)]
    if kind == 'approve':
        _, role, opinion, signer, date = b
        sign = '签字' if v.layout == 'C' else '签名'
        if v.layout == 'D':  # e-signature time of the platform
            stamp = _MARK.sub(lambda m: m.group(1) + ' 15:22:10', date)
            return [_p(f'{role}：{opinion}', v), _p(f'签名：{signer}　签名时间：{stamp}', v)]
        return [_p(f'{role}{colon}{opinion}', v), _p(f'{sign}{colon}{signer}　　{date}', v)]
    if kind == 'sig':
        return [_p(f'{lab}{colon}{name}　　{date}' if date else f'{lab}{colon}{name}', v) for lab, name, date in b[1]]
    if kind == 'seal':
        seal = {'C': '（印章）', 'D': '（公章）'}.get(v.layout, '')
        return [_p(b[1] + seal, v, 'right'), _p(spell(b[2], v, seal=True), v, 'right')]
    if kind == 'grid':
        return [_grid(b[1], b[2], v)]
    raise ValueError(kind)


def _grid(header, rows, v):
    out = ['<table width="600">', '<tr>' + ''.join(_cell(h, v) for h in header) + '</tr>']
    for r in rows:
        out.append('<tr>' + ''.join(_cell(str(c), v) for c in r) + '</tr>')
    out.append('</table>')
    return '\n'.join(out)


def _table(doc, v):
    """B: 4-column form; C: 2-column template form with narrow label cells."""
    wide = 4 if v.layout == 'B' else 2
    rows = []
    lab = (lambda t: _cell(t, v)) if v.layout == 'B' else (lambda t: _cell(_vertical(spell(t, v)), v, raw=True)
                                                          if len(t) <= 4 else _cell(t, v))
    if doc.get('case_no'):
        rows.append(lab(label('case_no', v)) + _cell(doc['case_no'], v, wide - 1))
    pending = []  # short kv pairs waiting to share a 4-column row (B)

    def flush():
        while pending:
            a = pending.pop(0)
            if pending and v.layout == 'B':
                c = pending.pop(0)
                rows.append(lab(a[0]) + _cell(a[1], v) + lab(c[0]) + _cell(c[1], v))
            else:
                rows.append(lab(a[0]) + _cell(a[1], v, wide - 1))

    for b in doc['blocks']:
        kind = b[0]
        if kind == 'kv' and len(spell(b[2], v)) <= 18:
            pending.append((label(b[1], v), b[2]))
            continue
        flush()
        if kind == 'kv':
            rows.append(lab(label(b[1], v)) + _cell(b[2], v, wide - 1))
        elif kind == 'party':
            prs = party_rows(doc['party'], v)
            head = _cell('当 事 人', v, rowspan=len(prs)) if v.layout == 'B' else \
                _cell(_vertical('当事人'), v, rowspan=len(prs), raw=True)
            for i, (n, val) in enumerate(prs):
                if v.layout == 'B':
                    rows.append((head if i == 0 else '') + _cell(n, v) + _cell(val, v, 2))
                else:
                    rows.append((head if i == 0 else '') + _cell(f'{n}：{val}', v))
        elif kind == 'officers':
            if v.layout == 'B':
                for i, (n, c) in enumerate(b[1]):
                    rows.append(_cell('执法人员' if i == 0 else '', v) + _cell(n, v) + _cell('执法证号', v) + _cell(c, v))
            else:
                rows.append(lab(label('officers', v)) + _cell(officers_text(b[1], v), v))
        elif kind in ('p', 'h'):
            rows.append(_cell(b[1], v, wide))
        elif kind == 'approve':
            _, role, opinion, signer, date = b
            rows.append(lab(role) + _cell(f'{opinion}\n签字：{signer}　　{date}', v, wide - 1))
        elif kind == 'sig':
            for l2, name, date in b[1]:
                rows.append(lab(l2) + _cell(f'{name}　　{date}' if date else name, v, wide - 1))
        elif kind == 'seal':
            rows.append(_cell(f'{b[1]}（盖章）\n{spell(b[2], v, seal=True)}', v, wide))
        elif kind == 'grid':
            rows.append(_cell(_grid(b[1], b[2], v), v, wide, raw=True))
        else:
            raise ValueError(kind)
    flush()
    return '<table width="600">\n' + '\n'.join(f'<tr>{r}</tr>' for r in rows) + '\n</table>'
