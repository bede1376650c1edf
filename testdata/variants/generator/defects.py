"""Defect injection: a base case with exactly one thing wrong (or, for near misses, at the
edge of a rule). defect_docs(name, spec, variant, serial) → (case, documents)."""
import copy
import datetime as dt

import docs as d1
import docs_end as d3
import docs_later as d2
import docs_extra as d4
from assemble import _close, _put, documents
from basics import add_wd, yuan_capital
from cases import general_dates, make_case, penalty_text, prev_wd


def _drop(docs, file):
    kept = [d for d in docs if d['file'] != file]
    assert len(kept) == len(docs) - 1, file
    return kept


def _replace(docs, file, new):
    assert any(d['file'] == file for d in docs), file
    return [_put(new, d['stage'], d['catalogue_date']) if d['file'] == file else d for d in docs]


def _shift_after_decision(dd):
    dec = dd['decision']
    dd['decision_served'] = add_wd(dec, 1)
    dd['published'] = add_wd(dec, 3)
    dd['correction_checked'] = add_wd(dec, 2)
    dd['paid'] = add_wd(dd['decision_served'], 3)
    dd['closed'] = add_wd(dd['paid'], 3)


def _dates(defect, spec, dd, serial):
    """Changes to the spec and its dates before the case is made."""
    if defect == 'defence-period':
        dd['approval'] = add_wd(dd['notice_served'], 2)
        dd['decision'] = add_wd(dd['notice_served'], 3)
        _shift_after_decision(dd)
    elif defect in ('served-late', 'served-7th'):
        dd['decision_served'] = add_wd(dd['decision'], 8 if defect == 'served-late' else 7)
        dd['paid'] = add_wd(dd['decision_served'], 2)
        dd['closed'] = add_wd(dd['paid'], 2)
    elif defect == 'closed-before-payment':
        dd['closed'] = add_wd(dd['decision_served'], 1)
        dd['paid'] = add_wd(dd['decision_served'], 3)
    elif defect in ('publication-late', 'published-7th'):
        dd['published'] = add_wd(dd['decision'], 10 if defect == 'publication-late' else 7)
    elif defect == 'limitation':
        dd['violation'] = dt.date(2022, 1, 12)
    elif defect in ('decision-day-90', 'decision-day-91'):  # filed 2024-03-08: day 90 is 06-06, day 91 06-07
        dd.update(general_dates(dt.date(2024, 3, 8)))
        dec = dd['filed'] + dt.timedelta(days=90 if defect == 'decision-day-90' else 91)
        ns = dd['notice'] = dd['notice_served'] = prev_wd(dec, 7)
        dd['approval'] = dd['legal_review'] = dd['discussion'] = add_wd(ns, 6)
        dd['decision'] = dec
        _shift_after_decision(dd)
    elif defect == 'amount-reduced-on-review':
        spec['fine'] = 2000
    elif defect == 'discovered-in-time-filed-late':  # limitation runs to discovery, not to filing
        dd['violation'] = dt.date(2022, 3, 1)
        dd['inspected'] = dt.date(2024, 2, 26)
    elif defect == 'hearing-withdrawn':
        dd['hearing_request'] = add_wd(dd['notice_served'], 2)
        dd['hearing_withdrawn'] = add_wd(dd['notice_served'], 3)
    elif defect == 'continuing-since-2021':
        dd['violation'] = dt.date(2021, 5, 10)
    elif defect == 'limitation-within':
        dd['violation'] = dt.date(2022, 3, 10)
    elif defect in ('decision-6th', 'decision-5th'):
        n = 6 if defect == 'decision-6th' else 5
        dd['approval'] = dd['legal_review'] = dd['discussion'] = add_wd(dd['notice_served'], n)
        dd['decision'] = add_wd(dd['notice_served'], n)
        _shift_after_decision(dd)
    elif defect == 'decision-after-90-days':
        dd.update(general_dates(dd['filed'], notice_after=60))
    elif defect == 'hearing-notice-short':
        held = dd['hearing_held'] = add_wd(dd['hearing_notified'], 5)
        dd['hearing_report'] = add_wd(held, 1)
        dd['legal_review'] = add_wd(held, 2)
        dd['discussion'] = dd['approval'] = add_wd(held, 3)
        dd['decision'] = add_wd(held, 4)
        _shift_after_decision(dd)
    elif defect == 'legal-review-after-decision':
        dd['legal_review'] = add_wd(dd['decision'], 1)
    elif defect == 'wrong-street-code':
        spec['case_code'] = '赤岗'
    elif defect == 'year-first-number':
        spec['numbers'] = {'罚决': f'〔2024〕穗海南华综执罚决第0{serial}号'}
    elif defect == 'amounts-differ':
        spec['fine'] = 3000
    elif defect == 'simple-fine-too-high':
        spec['fine'] = 500
    elif defect in ('complaint-without-source', 'complaint-with-source'):
        spec['complaint'] = True
    elif defect == 'fine-150000':
        spec['fine'] = 150000
    elif defect in ('waived', 'waived-in-record'):  # written waiver on the day of service: deciding 2 working days later is lawful
        dd['waived'] = dd['notice_served']
        dd['approval'] = dd['legal_review'] = dd['discussion'] = add_wd(dd['notice_served'], 1)
        dd['decision'] = add_wd(dd['notice_served'], 2)
        _shift_after_decision(dd)
    elif defect == 'served-on-the-spot':
        dd['decision_served'] = dd['decision']
        dd['paid'] = add_wd(dd['decision'], 3)
        dd['closed'] = add_wd(dd['paid'], 2)
    elif defect == 'served-by-mail':
        dd['decision_served'] = add_wd(dd['decision'], 3)
        dd['paid'] = add_wd(dd['decision_served'], 2)
        dd['closed'] = add_wd(dd['paid'], 2)
    elif defect in ('preservation', 'preservation-late'):
        dd['preserved'] = dd['inspected']
        dd['preservation_decided'] = add_wd(dd['inspected'], 5 if defect == 'preservation' else 9)


def defect_docs(defect, spec, v, serial):
    """(case, docs) of the base spec with the named defect injected."""
    spec = copy.deepcopy(spec)
    _dates(defect, spec, spec['dates'], serial)
    c = make_case(spec, v, serial)
    c.ongoing = defect == 'continuing-since-2021'
    if defect == 'branch-name-brackets':
        c.party['name'] += '（江南西分店）'
    if defect == 'id-with-x':
        c.party['id'] = c.signer_id = '44010519860704118X'
    if defect == 'recorder-without-certificate':  # an auxiliary clerk records; two officers still sign
        c.recorder = '吴敏（协管员）'
    if defect == 'agent-questioned':  # the company's employee answers, with a power of attorney
        c.party_signer, c.signer_id, c.signer_role = '何晓玲', '440105199003152027', '受委托人（员工）'
    if defect == 'invalid-id':  # the same wrong check digit on every document
        wrong = c.party['id'][:-1] + ('0' if c.party['id'][-1] != '0' else '1')
        c.party['id'] = c.signer_id = wrong
    docs = documents(c)[:-2]  # catalogue and 备考表 are made again below
    if defect == 'closed-before-payment':
        docs = _replace(docs, '结案审批表', d3.closing_approval(c, None, '当事人已缴纳罚款，处罚决定已执行完毕。'))
    elif defect == 'decision-missing':
        docs = _drop(docs, '行政处罚决定书')
    elif defect in ('no-review-record', 'statement-record-missing', 'hearing-record-missing', 'decision-receipt-missing',
                    'correction-proof-missing', 'correction-in-decision'):
        docs = _drop(docs, {'no-review-record': '复核意见书', 'statement-record-missing': '陈述申辩笔录',
                            'hearing-record-missing': '听证笔录',
                            'decision-receipt-missing': '行政处罚决定书送达回证',
                            'correction-proof-missing': '整改复查记录',
                            'correction-in-decision': '责令改正通知书'}[defect])
    elif defect == 'notice-provisions':
        c.notice_violated = f'《{c.law}》第十五条'
        docs = _replace(docs, '行政处罚事先告知书', d1.penalty_notice(c))
    elif defect == 'no-hearing-rights':
        docs = _replace(docs, '行政处罚事先告知书', d1.penalty_notice(c, hearing=False))
    elif defect == 'officer-cert':
        c.officers = [c.officers[0], (c.officers[1][0], c.officers[1][1][:-2] + '75')]
        docs = _replace(docs, '询问笔录', d1.inquiry_record(c))
    elif defect == 'one-officer':
        c.officers = c.officers[:1]
        docs = _replace(docs, '现场检查笔录', d1.inspection_record(c))
    elif defect == 'number-twice':
        again = d3.correction_order(c, c.dates['correction_checked'], again=True)
        again['file'] = '责令限期改正通知书（二）'
        idx = next(i for i, d in enumerate(docs) if d['file'] == '整改复查记录')
        docs.insert(idx + 1, _put(again, 7, c.dates['correction_checked']))
    elif defect == 'notice-approval-only':
        idx = next(i for i, d in enumerate(docs) if d['file'] == '行政处罚事先告知书')
        docs[idx] = _put(d2.notice_approval(c), 3, c.dates['report'])
    elif defect == 'amounts-differ':  # the notice proposed 2000; the decision fines 3000 without a word
        c.penalty_text = penalty_text(v.layout, 2000, yuan_capital(2000))
        docs = _replace(docs, '行政处罚事先告知书', d1.penalty_notice(c))
    elif defect == 'simple-fine-too-high':
        return c, [_put(d3.onspot_decision(c, collected=False), 5, c.dates['decision']),
                   _put(d3.onspot_filing(c), 8, c.dates['filed_record'])]
    elif defect == 'complaint-with-source':
        docs.insert(0, _put(d1.case_source(c), 1, c.dates['source']))
    elif defect in ('waived', 'waived-in-record'):
        c.statement_sentence = f'当事人于{d1.D(c.dates["waived"])}书面放弃陈述、申辩权利。'
        c.statement_summary = '当事人书面放弃陈述、申辩权利。'
        docs = _replace(docs, '行政处罚决定书', d2.penalty_decision(c))
        docs = _replace(docs, '行政处罚审批表', d2.penalty_approval(c))
        idx = next(i for i, d in enumerate(docs) if d['file'] == '行政处罚事先告知书送达回证')
        waiver = d4.waiver(c) if defect == 'waived' else d4.waiver_record(c)
        docs.insert(idx + 1, _put(waiver, 3, c.dates['waived']))
    elif defect == 'served-by-mail':
        docs = _replace(docs, '行政处罚决定书送达回证', d1.receipt(
            c, '行政处罚决定书送达回证', '行政处罚决定书', c.num('罚决'), c.dates['decision_served'], manner='邮寄送达（EMS）',
            note=f'邮件号1151234567890，{d1.D(c.dates["decision_served"])}妥投，签收人{c.party_signer}'))
    elif defect in ('preservation', 'preservation-late'):
        idx = next(i for i, d in enumerate(docs) if d['file'] == '现场照片')
        docs[idx + 1:idx + 1] = [_put(d4.preservation_notice(c), 2, c.dates['preserved']),
                                 _put(d4.preservation_decision(c), 2, c.dates['preservation_decided'])]
    elif defect == 'internal-approvals':  # H24: the notice and the decision approved on the same form type
        notice = d4.internal_approval(c, '（不予）行政处罚事先（听证）告知', c.dates['report'],
                                      d1.facts_sentence(c) + f'拟{c.penalty_text}，申请制作并送达行政处罚事先告知书。',
                                      '建议告知当事人拟作出的行政处罚。')
        decision = d4.internal_approval(c, '行政处罚决定', c.dates['approval'],
                                        d1.facts_sentence(c) + c.statement_summary + f'拟{c.penalty_text}。',
                                        f'建议{c.penalty_text}。')
        docs = _replace(docs, '行政处罚审批表', decision)
        idx = next(i for i, d in enumerate(docs) if d['file'] == '行政处罚事先告知书')
        docs.insert(idx, _put(notice, 3, c.dates['report']))
    elif defect == 'scanned-receipts':
        for i, file in enumerate(('行政处罚事先告知书送达回证', '行政处罚决定书送达回证')):
            docs = [d4.scanned(d, 100 + 60 * i) if d['file'] == file else d for d in docs]
    elif defect == 'amount-reduced-on-review':  # notice 3000; after review the decision says why it is 2000
        notice_c = copy.copy(c)
        notice_c.penalty_text = penalty_text(v.layout, 3000, yuan_capital(3000))
        docs = _replace(docs, '行政处罚事先告知书', d1.penalty_notice(notice_c))
        c.statement_sentence = (c.statement_sentence + '本机关经复核，鉴于当事人已及时整改，采纳其部分意见，'
                                '将拟罚款3000元减为罚款2000元。')
        docs = _replace(docs, '行政处罚决定书', d2.penalty_decision(c))
    elif defect == 'agent-questioned':
        idx = next(i for i, d in enumerate(docs) if d['file'] == '询问笔录')
        docs.insert(idx, _put(d4.power_of_attorney(c, c.party_signer, c.signer_id), 2, c.dates['inquired']))
    elif defect == 'refused-receipt':
        docs = _replace(docs, '行政处罚决定书送达回证', d1.receipt(
            c, '行政处罚决定书送达回证', '行政处罚决定书', c.num('罚决'), c.dates['decision_served'], refused=True))
    elif defect == 'hearing-withdrawn':  # requested, then withdrawn in writing: no hearing is held
        c.statement_sentence = (f'当事人在法定期限内未提出陈述、申辩；当事人于{d1.D(c.dates["hearing_request"])}申请听证，'
                                f'后于{d1.D(c.dates["hearing_withdrawn"])}书面撤回听证申请。')
        c.statement_summary = '当事人未提出陈述、申辩；申请听证后书面撤回。'
        docs = _replace(docs, '行政处罚决定书', d2.penalty_decision(c))
        docs = _replace(docs, '行政处罚审批表', d2.penalty_approval(c))
        docs = _replace(docs, '集体讨论记录', d2.collective_discussion(c))
        idx = next(i for i, d in enumerate(docs) if d['file'] == '行政处罚事先告知书送达回证')
        docs[idx + 1:idx + 1] = [_put(d2.hearing_request(c), 3, c.dates['hearing_request']),
                                 _put(d4.hearing_withdrawal(c), 3, c.dates['hearing_withdrawn'])]
    elif defect == 'dialogue-records':  # SAMR-style records [FY]: 执法人员： / 当事人： instead of 问： / 答：
        for file in ('现场检查笔录', '询问笔录'):
            doc = next(d for d in docs if d['file'] == file)
            doc['blocks'] = [('p', b[1].replace('问：', '执法人员：').replace('答：', '当事人：')) if b[0] == 'p' else b
                             for b in doc['blocks']]
    elif defect in ('branch-name-brackets', 'id-with-x', 'amount-with-separator'):
        # the decision typed differently: half-width brackets / a lower-case x / 2,000
        other = copy.copy(c)
        other.party = dict(c.party, name=c.party['name'].replace('（', '(').replace('）', ')'),
                           id=c.party['id'].replace('X', 'x') if defect == 'id-with-x' else c.party['id'])
        if defect == 'amount-with-separator':
            other.penalty_text = c.penalty_text.replace(str(c.fine), f'{c.fine:,}')
        docs = _replace(docs, '行政处罚决定书', d2.penalty_decision(other))
    elif defect == 'publication-screenshot':
        docs = _replace(docs, '公示记录', d4.photo(c, '公示截图', 90))
    elif defect == 'received-by-relative':
        other = copy.copy(c)
        other.party_signer, other.signer_role = ('李秀英', '妻子（代收）') if c.party['kind'] == 'person' else ('何晓玲', '员工（代收）')
        for file, served, abbr, key in (('行政处罚事先告知书送达回证', '行政处罚事先告知书', '罚告', 'notice_served'),
                                        ('行政处罚决定书送达回证', '行政处罚决定书', '罚决', 'decision_served')):
            docs = _replace(docs, file, d1.receipt(other, file, served, c.num(abbr), c.dates[key]))
    elif defect == 'party-written-statement':
        docs = _replace(docs, '陈述申辩笔录', d4.written_statement(c))
    elif defect == 'photos':
        idx = next(i for i, d in enumerate(docs) if d['file'] == '现场照片')
        docs[idx:idx + 1] = [_put(d4.photo(c, '现场照片1', 60), 2, c.dates['inspected']),
                             _put(d4.photo(c, '现场照片2', 120), 2, c.dates['inspected']),
                             _put(d4.photo(c, '身份证复印件' if c.party['kind'] == 'person' else '营业执照复印件', 200),
                                  2, c.dates['inspected'])]
    if c.procedure == 'simple':
        return c, documents(c)
    unlisted = '询问笔录' if defect == 'catalogue-missing-entry' else None
    extra = ('现场勘察平面图', 3) if defect == 'catalogue-extra-row' else None
    return c, _close(c, docs, unlisted, extra)
