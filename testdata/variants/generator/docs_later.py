"""Abstract documents after the notice: statements, hearing, approval, decision,
publication, payment, closing, catalogue (see docs.py for the block model)."""
from docs import D, T, _approvals, _doc, _record_header, _you, facts_sentence, penalty_basis, title, violated


def statement_record(c):
    d = c.dates['statement']
    return _doc(c, '陈述申辩笔录', title(c, 'statement', ['陈述申辩笔录', '陈述（申辩）笔录', '陈述申辩意见笔录']), 'record', [
        *_record_header(c, d, (10, 0), (10, 40)), ('party',), ('officers', c.officers),
        ('kv', 'recorder', getattr(c, 'recorder', None) or c.officers[-1][0]),
        ('p', f'执法人员出示执法证件后告知：你于{D(c.dates["notice_served"])}收到《行政处罚事先告知书》（{c.num("罚告")}），'
              '现对你的陈述、申辩进行记录。'),
        ('p', '陈述申辩内容：我们是初次违法，发现后已经立即整改，请求从轻处罚。'),
        ('p', '（以下空白）'),
        ('sig', [('当事人签名', c.party_signer, D(d)), ('执法人员签名', '、'.join(n for n, _ in c.officers), D(d))])])


def review_record(c):
    d = c.dates['review']
    return _doc(c, '复核意见书', title(c, 'review', ['复核意见书', '陈述申辩复核表', '陈述申辩复核意见书']), 'form', [
        ('kv', 'cause', c.cause), ('party',),
        ('kv', '陈述申辩意见', f'当事人于{D(c.dates["statement"])}提出：初次违法，已经整改，请求从轻处罚。'),
        ('kv', '复核意见', '经复核，当事人提出的理由不足以改变原拟处罚意见，不予采纳，维持原拟处罚意见。'),
        *_approvals(c, d, '建议维持原拟处罚意见。', '同意。', '同意。')])


def hearing_request(c):
    return _doc(c, '听证申请书', '听证申请书', 'plain', [
        ('p', f'{c.organ}：'),
        ('p', f'本人（单位）于{D(c.dates["notice_served"])}收到贵机关《行政处罚事先（听证）告知书》（{c.num("罚告")}），'
              '现依法申请举行听证。'),
        ('sig', [('申请人', c.party['name'], D(c.dates['hearing_request']))])], internal=False)


def hearing_docs(c):
    you = _you(c)
    dr, dn, dh, drep = (c.dates[k] for k in ('hearing_request', 'hearing_notified', 'hearing_held', 'hearing_report'))
    request = hearing_request(c)
    notification = _doc(c, '听证通知书', title(c, 'hnotice', ['听证通知书', '行政处罚听证通知书', '听证通知书']), 'letter', [
        ('party',),
        ('p', f'{you}于{D(dr)}就{c.cause[:-1]}一案提出听证要求，本机关决定于{T(dh, 9, 30)}在{c.organ}三楼会议室公开举行听证会。'),
        ('p', f'主持人：{c.hearing_host}；听证员：{c.reviewer}；记录员：{c.clerk}。'),
        ('p', '注意事项：1．请携带身份证明、证据材料按时参加；2．委托代理人参加的，应当提交授权委托书。'),
        ('seal', c.organ, D(dn))], c.num('听通'), internal=False)
    nreceipt = receipt_for(c, '听证通知书送达回证', '听证通知书', c.num('听通'), dn)
    record = _doc(c, '听证笔录', '听证笔录', 'record', [
        ('kv', 'cause', c.cause), ('kv', '时间', f'{T(dh, 9, 30)}至{T(dh, 11, 0)}'), ('kv', 'place', f'{c.organ}三楼会议室'),
        ('kv', '主持人', c.hearing_host), ('kv', '听证员', c.reviewer), ('kv', '记录员', c.clerk),
        ('kv', '听证申请人', c.party['name']), ('officers', c.officers),
        ('p', '案件调查人提出当事人违法的事实、证据和行政处罚建议；当事人进行申辩和质证；双方最后陈述。'),
        ('p', '当事人称：违法行为持续时间短，已经整改，请求减轻处罚。'), ('p', '（以下空白）'),
        ('sig', [('听证申请人签名', c.party_signer, D(dh)), ('主持人签名', c.hearing_host, D(dh)), ('记录员签名', c.clerk, D(dh))])])
    report = _doc(c, '听证报告', title(c, 'hreport', ['听证报告', '行政处罚听证报告', '听证意见书']), 'form', [
        ('kv', 'cause', c.cause), ('kv', '听证时间', T(dh, 9, 30)), ('party',),
        ('kv', '听证情况', '当事人对违法事实无异议，请求减轻处罚。'),
        ('kv', '处理意见', '当事人所提理由不属于法定从轻、减轻情形，建议维持原拟处罚意见。'),
        ('sig', [('主持人', c.hearing_host, D(drep)), ('听证员', c.reviewer, D(drep))])])
    return [request, notification, nreceipt, record, report]


def receipt_for(c, file, served_title, number, d):
    from docs import receipt
    return receipt(c, file, served_title, number, d)


def legal_review(c):
    d = c.dates['legal_review']
    return _doc(c, '法制审核意见书', title(c, 'legal', ['法制审核意见书', '案件法制审核表', '重大行政处罚决定法制审核意见书']), 'form', [
        ('kv', 'cause', c.cause), ('party',), ('kv', '送审时间', D(d)),
        ('kv', '审核内容', '主体合法；未超越法定权限；执法人员具备执法资格；程序合法；事实清楚，证据充分；适用法律正确，裁量适当。'),
        ('approve', '法制审核人审核意见', '审核同意。', c.reviewer, D(d))])


def collective_discussion(c):
    d = c.dates['discussion']
    return _doc(c, '集体讨论记录', title(c, 'discussion', ['集体讨论记录', '案件集体讨论记录', '集体讨论笔录']), 'record', [
        ('kv', '案件名称', c.cause), ('kv', '时间', f'{T(d, 15, 0)}至{T(d, 16, 0)}'), ('kv', 'place', '办事处二楼会议室'),
        ('kv', '主持人', c.leaders[1]), ('kv', '参加人员', f'{c.leaders[1]}、{c.leaders[0]}、{c.leaders[2]}'),
        ('kv', '汇报案件情况', f'承办人汇报案情。{c.statement_summary}'),
        ('kv', '结论意见', f'同意{c.penalty_text}。'),
        ('sig', [('出席人员签字', f'{c.leaders[1]}、{c.leaders[0]}、{c.leaders[2]}', None), ('记录人签字', c.clerk, D(d))])])


def penalty_approval(c):
    d = c.dates['approval']
    ttl = title(c, 'approval', ['行政处罚审批表', '案件处理审批表', '行政处罚决定审批表'])
    return _doc(c, '行政处罚审批表', ttl, 'form', [
        ('kv', 'cause', c.cause), ('party',),
        ('kv', '违法事实', facts_sentence(c)),
        ('kv', '处罚依据', f'违反{violated(c)}，依据{penalty_basis(c)}'),
        ('kv', '陈述申辩情况', c.statement_summary),
        ('kv', '拟处罚意见', c.penalty_text),
        *_approvals(c, d, f'建议{c.penalty_text}。', '同意。', '同意。')])


def penalty_decision(c):
    d = c.dates['decision']
    you = _you(c)
    return _doc(c, '行政处罚决定书', title(c, 'decision', ['行政处罚决定书']), 'letter', [
        ('party',),
        ('p', f'本机关于{D(c.dates["filed"])}对当事人{c.cause[:-1]}一案立案调查。经查：{facts_sentence(c)}'),
        ('p', '上述事实有现场检查笔录、询问笔录、现场照片等证据为证。'),
        ('p', f'本机关于{D(c.dates["notice_served"])}向当事人送达了《行政处罚事先告知书》（{c.num("罚告")}）。{c.statement_sentence}'),
        ('p', f'当事人的上述行为违反了{violated(c)}的规定。依据{penalty_basis(c)}的规定，本机关决定：'
              f'{"责令当事人立即改正违法行为，并" if c.correction else ""}{c.penalty_text}。'),
        ('p', f'{you}应当自收到本决定书之日起十五日内，到指定银行或者通过电子支付系统缴纳罚款。逾期不缴纳罚款的，'
              '每日按罚款数额的百分之三加处罚款。'),
        ('p', f'{you}如不服本决定，可以在收到本决定书之日起六十日内向广州市海珠区人民政府申请行政复议，或者在六个月内'
              '向广州铁路运输法院提起行政诉讼。'),
        ('seal', c.organ, D(d))], c.num('罚决'), internal=False)


def publication_record(c):
    dp = c.dates['published']
    ttl = title(c, 'publication', ['行政处罚决定公示记录', '公示记录', '行政处罚信息公示'])
    return _doc(c, '公示记录', ttl, 'form', [
        ('kv', '行政处罚决定书文号', c.num('罚决')), ('kv', '行政相对人名称', c.party['name']),
        ('kv', '处罚内容', c.penalty_text), ('kv', '罚款金额（万元）', f'{c.fine / 10000:g}'),
        ('kv', '处罚机关', c.organ), ('kv', '公示网站', '广东省行政执法信息公示平台'),
        ('kv', '公示时间', f'{dp.isoformat()} 10:21:33') if c.v.layout == 'D' else ('kv', '公示日期', D(dp))],
        internal=False)


def payment_proof(c):
    dp = c.dates['paid']
    return _doc(c, '罚没款缴款凭证', title(c, 'payment', ['广东省非税收入电子缴款书', '非税收入一般缴款书（电子）', '罚没款缴款凭证']),
                'plain', [
        ('p', f'票据代码：44060124    票据号码：{c.ticket}'), ('p', f'填制日期:{dp.isoformat()}'),
        ('p', f'执收单位名称：{c.organ}'), ('p', f'缴款人：{c.party["name"]}'),
        ('p', '项目名称：罚没收入'), ('p', f'金额（小写）：{c.fine:.2f}'), ('p', f'合计（大写）：{c.fine_capital}'),
        ('p', f'缴款日期：{dp.isoformat()}'), ('p', '收款人：广州市海珠区非税收入管理中心')], internal=False)


def notice_approval(c):
    """The approval of the notice (an internal form, not the notice itself)."""
    d = c.dates['report']
    return _doc(c, '行政处罚告知审批表', '行政处罚（听证）告知书审批表', 'form', [
        ('kv', 'cause', c.cause), ('party',),
        ('kv', '违法事实', facts_sentence(c)),
        ('kv', '拟告知内容', f'拟对当事人{c.penalty_text}，并告知其陈述、申辩权利。'),
        *_approvals(c, d, '建议制作并送达《行政处罚事先告知书》。', '同意告知。', '同意。')])
