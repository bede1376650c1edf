"""Document lists per procedure and member file names (defects.py changes them)."""
import docs as d1
import docs_end as d3
import docs_later as d2

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
    if c.procedure == 'transferred':
        import docs_extra as d4
        out += [_put(d4.transfer_approval(c), 5, dd['transfer_approved']),
                _put(d4.transfer_letter(c), 5, dd['transferred']),
                _put(d4.transfer_receipt(c), 6, dd['transferred']),
                _put(d3.closing_approval(c, '移送公安机关', f'已将案件移送{d4.POLICE}，公安机关已接收。'), 8, dd['closed'])]
        return _close(c, out)
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


def _close(c, out, unlisted=None, extra=None):
    """out + the catalogue (listing every document but `unlisted`, plus an `extra` (title,
    position) row for a document not in the file) and the 备考表."""
    listed = [d for d in out if d['file'] != unlisted]
    if extra:
        ghost = {'file': extra[0], 'title': extra[0], 'kind': 'form', 'number': None,
                 'catalogue_date': c.dates['inspected']}
        listed = listed[:extra[1]] + [ghost] + listed[extra[1]:]
    cat, pages = d3.catalogue(c, listed)
    return out + [_put(cat, 8, None), _put(d3.file_notes(c, pages), 8, c.dates['closed'])]


def file_names(docs, naming, exts, outer='案卷'):
    names, seen = [], set()
    for i, (doc, ext) in enumerate(zip(docs, exts), 1):
        if naming == 'folders':
            name = f'{STAGE_DIRS[doc["stage"]]}/{i}.{doc["file"]}.{ext}'
        elif naming == 'outer':  # an outer case folder, then stage folders, as a Windows export
            name = f'{outer}/{STAGE_DIRS[doc["stage"]]}/{i:02d}-{doc["file"]}.{ext}'
        elif naming == 'opaque':  # scanner/export names that say nothing about the document
            name = f'{i:03d}.{ext}'
        elif naming == 'plain':
            name = f'{doc["file"]}.{ext}'
        else:
            name = f'{i:02d}-{doc["file"]}.{ext}'
        assert name not in seen, name
        seen.add(name)
        names.append(name)
    return names
