"""Document lists per procedure, file names, and the defect injections."""
import copy
import datetime as dt

import docs as d1
import docs_end as d3
import docs_later as d2
from basics import add_wd
from cases import make_case

STAGE_DIRS = {1: '01立案', 2: '02调查取证', 3: '03告知', 4: '04审核', 5: '05决定', 6: '06送达公示', 7: '07执行', 8: '08结案'}


def _put(doc, stage, date):
    doc['stage'], doc['catalogue_date'] = stage, date
    return doc


def documents(c, extra=None):
    """The documents of case c in file order (catalogue and 备考表 last)."""
    dd = c.dates
    if c.procedure == 'simple':
        return [_put(d3.onspot_decision(c), 5, dd['decision']), _put(d3.onspot_filing(c), 8, dd['filed_record'])]
    out = [_put(d1.filing_approval(c), 1, dd['filed'])]
    if c.procedure == 'withdrawn':
        out.append(_put(d3.withdrawal_approval(c), 1, dd['withdrawn']))
        out.append(_put(d3.closing_approval(c, '撤销立案', '本案已撤销立案，无需执行。'), 8, dd['closed']))
        return _close(c, out)
    out += [_put(d1.inspection_record(c), 2, dd['inspected']), _put(d1.inquiry_record(c), 2, dd['inquired']),
            _put(d1.evidence(c), 2, dd['inspected'])]
    if c.correction:
        out.append(_put(d3.correction_order(c), 2, dd['inspected']))
    out.append(_put(d1.investigation_report(c), 2, dd['report']))
    if c.procedure == 'no_penalty':
        out += [_put(d3.no_penalty_notice(c), 3, dd['notice']),
                _put(d1.receipt(c, '不予行政处罚事先告知书送达回证', '不予行政处罚事先告知书', c.num('罚告'), dd['notice_served']),
                     3, dd['notice_served']),
                _put(d2.penalty_approval(c), 4, dd['approval']),
                _put(d3.no_penalty_decision(c), 5, dd['decision']),
                _put(d1.receipt(c, '不予行政处罚决定书送达回证', '不予行政处罚决定书', c.num('不罚'), dd['decision_served']),
                     6, dd['decision_served']),
                _put(d3.closing_approval(c, '不予行政处罚', '不予行政处罚，已对当事人进行教育。'), 8, dd['closed'])]
        return _close(c, out)
    out += [_put(d1.penalty_notice(c), 3, dd['notice']),
            _put(d1.receipt(c, '行政处罚事先告知书送达回证', '行政处罚事先告知书', c.num('罚告'), dd['notice_served']),
                 3, dd['notice_served'])]
    if c.statements:
        out += [_put(d2.statement_record(c), 3, dd['statement']), _put(d2.review_record(c), 3, dd['review'])]
    if c.hearing:
        keys = ['hearing_request', 'hearing_notified', 'hearing_notified', 'hearing_held', 'hearing_report']
        out += [_put(doc, 3, dd[k]) for doc, k in zip(d2.hearing_docs(c), keys)]
    if c.hearing_eligible:
        out += [_put(d2.legal_review(c), 4, dd['legal_review']), _put(d2.collective_discussion(c), 4, dd['discussion'])]
    out += [_put(d2.penalty_approval(c), 4, dd['approval']), _put(d2.penalty_decision(c), 5, dd['decision']),
            _put(d1.receipt(c, '行政处罚决定书送达回证', '行政处罚决定书', c.num('罚决'), dd['decision_served']),
                 6, dd['decision_served']),
            _put(d2.publication_record(c), 6, dd['published']), _put(d2.payment_proof(c), 7, dd['paid'])]
    if c.correction:
        out.append(_put(d3.correction_proof(c), 7, dd['correction_checked']))
    out.append(_put(d3.closing_approval(c), 8, dd['closed']))
    for doc in extra or []:
        out.insert(doc.pop('insert_at'), doc)
    return _close(c, out)


def _close(c, out):
    cat, pages = d3.catalogue(c, out)
    return out + [_put(cat, 8, None), _put(d3.file_notes(c, pages), 8, c.dates['closed'])]


def file_names(docs, naming, ext):
    names, seen = [], set()
    for i, doc in enumerate(docs, 1):
        if naming == 'folders':
            name = f'{STAGE_DIRS[doc["stage"]]}/{i}.{doc["file"]}.{ext}'
        elif naming == 'plain':
            name = f'{doc["file"]}.{ext}'
        else:
            name = f'{i:02d}-{doc["file"]}.{ext}'
        assert name not in seen, name
        seen.add(name)
        names.append(name)
    return names


# --- defects: each returns the document list of a case with one injected defect ----------

def _drop(docs, file):
    kept = [d for d in docs if d['file'] != file]
    assert len(kept) == len(docs) - 1, file
    return kept


def defect_docs(defect, spec, v, serial):
    """(case, docs) of the base spec with the named defect injected."""
    spec = copy.deepcopy(spec)
    dd = spec['dates']
    if defect == 'defence-period':
        dd['approval'] = add_wd(dd['notice_served'], 2)
        dd['decision'] = add_wd(dd['notice_served'], 3)
        _shift_after_decision(dd)
    elif defect == 'served-late':
        dd['decision_served'] = add_wd(dd['decision'], 8)
        dd['paid'] = add_wd(dd['decision_served'], 2)
        dd['closed'] = add_wd(dd['paid'], 2)
    elif defect == 'closed-before-payment':
        dd['closed'] = add_wd(dd['decision_served'], 1)
        dd['paid'] = add_wd(dd['decision_served'], 3)
    elif defect == 'publication-late':
        dd['published'] = add_wd(dd['decision'], 10)
    elif defect == 'limitation':
        dd['violation'] = dt.date(2022, 1, 12)
    elif defect == 'limitation-within':
        dd['violation'] = dt.date(2022, 3, 10)
    elif defect == 'served-7th':
        dd['decision_served'] = add_wd(dd['decision'], 7)
        dd['paid'] = add_wd(dd['decision_served'], 2)
        dd['closed'] = add_wd(dd['paid'], 2)
    elif defect == 'decision-6th':
        dd['approval'] = dd['legal_review'] = dd['discussion'] = add_wd(dd['notice_served'], 6)
        dd['decision'] = add_wd(dd['notice_served'], 6)
        _shift_after_decision(dd)
    elif defect == 'published-7th':
        dd['published'] = add_wd(dd['decision'], 7)
    elif defect == 'wrong-street-code':
        spec['case_code'] = '赤岗'
    elif defect == 'year-first-number':
        spec['numbers'] = {'罚决': f'〔2024〕穗海南华综执罚决第0{serial}号'}
    c = make_case(spec, v, serial)
    docs = documents(c)
    if defect == 'closed-before-payment':
        docs = [d3.closing_approval(c, None, '当事人已缴纳罚款，处罚决定已执行完毕。') if d['file'] == '结案审批表' else d
                for d in docs]
        _restage(docs, '结案审批表', 8, c.dates['closed'])
    elif defect == 'no-review-record':
        docs = _drop(docs, '复核意见书')
    elif defect == 'notice-provisions':
        c.notice_violated = f'《{c.law}》第十五条'
        docs = [_put(d1.penalty_notice(c), 3, c.dates['notice']) if d['file'] == '行政处罚事先告知书' else d for d in docs]
    elif defect == 'no-hearing-rights':
        docs = [_put(d1.penalty_notice(c, hearing=False), 3, c.dates['notice']) if d['file'] == '行政处罚事先告知书' else d
                for d in docs]
    elif defect == 'officer-cert':
        c.officers = [c.officers[0], (c.officers[1][0], c.officers[1][1][:-2] + '75')]
        docs = [_put(d1.inquiry_record(c), 2, c.dates['inquired']) if d['file'] == '询问笔录' else d for d in docs]
    elif defect == 'number-twice':
        again = d3.correction_order(c, c.dates['correction_checked'], again=True)
        again['file'] = '责令限期改正通知书（二）'
        idx = next(i for i, d in enumerate(docs) if d['file'] == '整改复查记录')
        docs.insert(idx + 1, _put(again, 7, c.dates['correction_checked']))
    elif defect == 'notice-approval-only':
        idx = next(i for i, d in enumerate(docs) if d['file'] == '行政处罚事先告知书')
        docs[idx] = _put(d2.notice_approval(c), 3, c.dates['report'])
    if defect in ('no-review-record', 'number-twice', 'notice-approval-only'):
        docs = docs[:-2]
        docs = _close(c, docs)
    return c, docs


def _restage(docs, file, stage, date):
    for d in docs:
        if d['file'] == file:
            _put(d, stage, date)


def _shift_after_decision(dd):
    dec = dd['decision']
    dd['decision_served'] = add_wd(dec, 1)
    dd['published'] = add_wd(dec, 3)
    dd['correction_checked'] = add_wd(dec, 2)
    dd['paid'] = add_wd(dd['decision_served'], 3)
    dd['closed'] = add_wd(dd['paid'], 3)
