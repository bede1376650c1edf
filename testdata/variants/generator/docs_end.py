"""Closing documents and the documents of the other procedures (simple, withdrawn,
no penalty); see docs.py for the block model."""
from docs import D, T, _doc, _you, _approvals, facts_sentence, violated, penalty_basis, title


def correction_order(c, d=None, again=False):
    d = d or c.dates['inspected']
    you = _you(c)
    return _doc(c, '责令改正通知书', title(c, 'corr', ['责令改正通知书', '责令限期改正通知书', '责令改正通知书']), 'letter', [
        ('party',),
        ('p', f'经查，{facts_sentence(c)}{you}的行为违反了{violated(c)}的规定。'),
        ('p', f'经复查，{you}未按期完成整改。根据《中华人民共和国行政处罚法》第二十八条第一款的规定，现再次责令{you}于三日内改正上述违法行为。'
         if again else f'根据《中华人民共和国行政处罚法》第二十八条第一款的规定，现责令{you}立即改正上述违法行为。'),
        ('seal', c.organ, D(d))], c.num('责改'), internal=False)


def correction_proof(c):
    d = c.dates['correction_checked']
    return _doc(c, '整改复查记录', title(c, 'cproof', ['整改复查记录', '复查笔录', '责令改正复查记录']), 'record', [
        ('kv', '时间', f'{T(d, 10, 0)}至{T(d, 10, 30)}'), ('kv', 'place', c.place), ('party',), ('officers', c.officers),
        ('p', f'复查情况：执法人员对当事人执行《责令改正通知书》（{c.num("责改")}）的情况进行复查，当事人已改正违法行为。'),
        ('p', '（以下空白）'),
        ('sig', [('当事人签名', c.party_signer, D(d)), ('执法人员签名', '、'.join(n for n, _ in c.officers), D(d))])])


def closing_approval(c, result=None, execution=None):
    d = c.dates['closed']
    ttl = title(c, 'closing', ['结案审批表', '行政处罚案件结案审批表', '结案报告'])
    blocks = [('kv', 'cause', c.cause), ('party',), ('kv', '立案时间', D(c.dates['filed']))]
    if result is None:
        blocks += [('kv', '行政处罚决定书文号', c.num('不罚' if c.procedure == 'no_penalty' else '罚决')),
                   ('kv', '处理依据及结果', f'依据{penalty_basis(c)}，{c.penalty_text}。')]
    else:
        blocks.append(('kv', '处理结果', result))
    blocks.append(('kv', '执行情况', execution or f'当事人已于{D(c.dates["paid"])}缴纳罚款{c.fine}元，处罚决定已执行完毕。'))
    blocks += _approvals(c, d, '该案事实清楚，证据确凿，程序合法，建议结案归档。', '同意结案。', '同意结案。')
    return _doc(c, '结案审批表', ttl, 'form', blocks)


def catalogue(c, docs):
    d = c.dates['closed']
    rows, page = [], 1
    for i, doc in enumerate(docs, 1):
        date = doc.get('catalogue_date')
        rows.append([str(i), doc.get('number') or '', c.organ if doc['kind'] != 'plain' or doc.get('number') else '',
                     doc['title'], date.strftime('%Y%m%d') if date else '', str(page), ''])
        page += doc.get('pages', 1)
    ttl = title(c, 'catalogue', ['卷内目录', '卷内文件目录', '卷内目录'])
    if c.v.layout == 'D':  # the Hunan template's five columns, ISO dates
        rows = [[r[0], r[3], f'{r[4][:4]}-{r[4][4:6]}-{r[4][6:]}' if r[4] else '', r[5], ''] for r in rows]
        return _doc(c, '卷内目录', ttl, 'plain', [
            ('grid', ['序号', '文件名', '日期', '页码', '备注'], rows)], internal=False), page - 1
    return _doc(c, '卷内目录', ttl, 'plain', [
        ('grid', ['序号', '文号', '责任者', '题名', '日期', '页号', '备注'], rows)], internal=False), page - 1


def file_notes(c, pages):
    d = c.dates['closed']
    return _doc(c, '卷内备考表', title(c, 'notes', ['卷内备考表']), 'plain', [
        ('p', f'本案卷共有文件材料{pages}页，其中：文字材料{pages}页，照片1张。'),
        ('p', '说明：无缺损、修改、补充情况。'),
        ('sig', [('立卷人', c.officers[0][0], D(d)), ('审核人', c.leaders[0], D(d))])], internal=False)


# --- simple procedure ---------------------------------------------------------

def onspot_decision(c, collected=True):
    d = c.dates['decision']
    ttl = title(c, 'onspot', ['当场行政处罚决定书', '当场处罚决定书', '行政处罚决定书（当场）'])
    doc = _doc(c, '当场行政处罚决定书', ttl, 'letter', [
        ('party',),
        ('p', f'当事人于{T(d, 10, 20)}在{c.place}{c.act}，违反了{violated(c)}的规定。'),
        ('p', f'执法人员已当场告知当事人拟作出行政处罚的事实、理由、依据及依法享有的陈述、申辩权利，当事人未作陈述申辩。'),
        ('p', f'依据{penalty_basis(c)}及《中华人民共和国行政处罚法》第五十一条的规定，当场作出如下行政处罚：{c.penalty_text}。'),
        ('p', '罚款当场收缴，当场出具专用票据。' if collected else
              '当事人应当自收到本决定书之日起十五日内，到指定银行或者通过电子支付系统缴纳罚款。'),
        ('p', '如不服本决定，可以在收到本决定书之日起六十日内向广州市海珠区人民政府申请行政复议；对行政复议决定不服的，'
              '可以在收到行政复议决定书之日起十五日内，依法向人民法院提起行政诉讼。'),
        ('kv', '处罚地点', c.place), ('officers', c.officers),
        ('sig', [('当事人确认及签收', c.party_signer, None)]), ('kv', '签收时间', D(d)),
        ('seal', c.organ, D(d))], c.num('罚决'), internal=False)
    if c.v.copies:  # 当事人联 and 存根联: the same text twice in one file
        body = doc['blocks']
        doc['blocks'] = [('h', '（第一联 当事人联）')] + body + [
            ('h', '（第二联 存根联）'), ('h', c.organ), ('h', ttl), ('h', c.num('罚决'))] + body
    return doc


def onspot_filing(c):
    d = c.dates['filed_record']
    ttl = title(c, 'onspotfile', ['当场行政处罚决定备案表', '简易程序行政处罚案件备案表', '当场处罚决定备案登记表'])
    return _doc(c, '当场处罚备案表', ttl, 'form', [
        ('kv', '决定书文号', c.num('罚决')), ('party',), ('kv', '违法行为', c.act),
        ('kv', '处罚内容', c.penalty_text), ('kv', '作出决定日期', D(c.dates['decision'])), ('officers', c.officers),
        ('approve', '执法机构负责人意见', '已备案。', c.leaders[0], D(d))], internal=False)


# --- withdrawn ------------------------------------------------------------------

def withdrawal_approval(c):
    d = c.dates['withdrawn']
    ttl = title(c, 'withdraw', ['撤销立案审批表', '撤销案件审批表', '撤销立案审批表'])
    return _doc(c, '撤销立案审批表', ttl, 'form', [
        ('kv', 'cause', c.cause), ('party',), ('kv', '立案时间', D(c.dates['filed'])),
        ('kv', '撤销立案理由', '经调查核实，涉案物品系市政部门临时堆放，当事人不存在违法行为，依法应当撤销立案。'),
        *_approvals(c, d, '建议撤销立案。', '同意撤销立案。', '同意撤销立案。')])


# --- no penalty ---------------------------------------------------------------------

def no_penalty_notice(c):
    d = c.dates['notice']
    you = _you(c)
    return _doc(c, '不予行政处罚事先告知书', title(c, 'npnotice', ['不予行政处罚事先告知书', '不予行政处罚事先告知书', '不予行政处罚告知书']),
                'letter', [
        ('party',), ('p', f'经调查，{facts_sentence(c)}'),
        ('p', f'{you}的上述行为违反了{violated(c)}的规定，鉴于{you}系初次违法且危害后果轻微并及时改正，依据《中华人民共和国'
              f'行政处罚法》第三十三条第一款的规定，本机关拟对{you}不予行政处罚。'),
        ('p', f'{you}可在收到本告知书之日起五个工作日内向本机关提出陈述、申辩；逾期未提出的，视为放弃陈述、申辩的权利。'),
        ('seal', c.organ, D(d))], c.num('罚告'), internal=False)


def no_penalty_decision(c):
    d = c.dates['decision']
    you = _you(c)
    return _doc(c, '不予行政处罚决定书', '不予行政处罚决定书', 'letter', [
        ('party',),
        ('p', f'本机关于{D(c.dates["filed"])}对当事人{c.cause[:-1]}一案立案调查。经查：{facts_sentence(c)}'),
        ('p', f'本机关于{D(c.dates["notice_served"])}向当事人送达了《不予行政处罚事先告知书》（{c.num("罚告")}），'
              '当事人在法定期限内未提出陈述、申辩。'),
        ('p', f'当事人的上述行为违反了{violated(c)}的规定，鉴于当事人系初次违法，危害后果轻微并已及时改正，依据《中华人民共和国'
              '行政处罚法》第三十三条第一款的规定，本机关决定对当事人不予行政处罚。'),
        ('p', '依据《中华人民共和国行政处罚法》第三十三条第三款的规定，本机关已对当事人进行教育。'),
        ('p', f'{you}如不服本决定，可以在收到本决定书之日起六十日内向广州市海珠区人民政府申请行政复议，或者在六个月内'
              '向广州铁路运输法院提起行政诉讼。'),
        ('seal', c.organ, D(d))], c.num('不罚'), internal=False)
