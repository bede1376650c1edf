"""The cases of the corpus: base cases (one per procedure), their meaning-preserving
variants, and the defect cases (one injected defect each)."""
import datetime as dt
from types import SimpleNamespace as NS

from basics import add_wd, is_workday, resident_id, uscc, yuan_capital, yuan_lower

STREETS = {'南石头': '南石', '南华西': '南华', '江南中': '江南', '琶洲': '琶洲', '新港': '新港', '滨江': '滨江', '龙凤': '龙凤',
           '赤岗': '赤岗'}

PARTIES = {
    'company': dict(kind='company', name='广州市海珠区鸿盛餐饮管理有限公司', id=uscc('91440105', 'MA9W3K7L'),
                    rep='李志强', addr='广州市海珠区同福西路112号首层', signer='李志强',
                    signer_id=resident_id('44010519800315203'), role='法定代表人'),
    'person': dict(kind='person', name='陈建国', id=resident_id('44010519780921401'), rep=None,
                   addr='广州市海珠区南华西路68号302房', signer='陈建国',
                   signer_id=resident_id('44010519780921401'), role='本人'),
    'business': dict(kind='business', name='广州市海珠区老周五金店', id=uscc('92440105', 'MA5CK2P8'),
                     rep='周伟明', addr='广州市海珠区洪德路23号', signer='周伟明',
                     signer_id=resident_id('44010519721108351'), role='经营者'),
}

OFFICERS = [('黄志明', '44010501023'), ('林晓东', '44010501057')]
LEADERS = ['王建国', '刘卫东', '梁振华']

# Subject matter per base case: (cause, act, act_short, place, evidence_item, law, violated, penalty, fine)
MATTERS = {
    'stall': ('涉嫌擅自占用城市道路经营', '在店铺门前人行道上摆放桌椅、占道经营', '占道经营', '同福西路112号门前人行道',
              '餐桌4张、塑料凳16张', '城市市容和环境卫生管理条例', '第十四条', '第三十六条第（二）项', 2000),
    'waste': ('涉嫌未按规定分类投放生活垃圾', '将厨余垃圾与其他垃圾混合投放至路边收集容器', '混投垃圾', '洪德路23号旁垃圾收集点',
              '混合投放的垃圾袋3袋', '广州市生活垃圾分类管理条例', '第三十三条第一款', '第七十条第一款', 3000),
    'debris': ('涉嫌随意倾倒建筑垃圾', '将装修产生的建筑垃圾倾倒在绿化带内', '倾倒建筑垃圾', '琶洲大道东侧绿化带',
               '建筑垃圾约2立方米', '广州市建筑垃圾管理条例', '第二十二条第二款', '第四十七条第（三）项', 8000),
    'hazard': ('涉嫌非法处置危险废物', '将废矿物油约3.2吨倾倒在厂区外雨水井内', '倾倒废矿物油', '工业大道中88号厂区外雨水井',
               '废矿物油约3.2吨', '中华人民共和国固体废物污染环境防治法', '第八十条第三款', '第一百一十二条第一款第（二）项', 0),
    'litter': ('涉嫌乱扔废弃物', '在新港中路公交站台乱扔烟头和食品包装', '乱扔废弃物', '新港中路公交站台',
               '烟头及食品包装袋', '城市市容和环境卫生管理条例', '第十五条', '第三十四条第（一）项', 100),
}


def prev_wd(d, n):
    while n > 0:
        d -= dt.timedelta(days=1)
        if is_workday(d):
            n -= 1
    return d


def general_dates(filed, statements=False, hearing=False, notice_after=6):
    d = {'filed': filed, 'inspected': filed, 'violation': prev_wd(filed, 3), 'source': prev_wd(filed, 1)}
    d['inquired'] = add_wd(filed, 1)
    d['report'] = add_wd(filed, 5)
    d['notice'] = d['notice_served'] = ns = add_wd(filed, notice_after)
    if hearing:
        d['hearing_request'] = add_wd(ns, 2)
        d['hearing_notified'] = add_wd(ns, 3)
        d['hearing_held'] = h = add_wd(ns, 12)
        d['hearing_report'] = add_wd(h, 1)
        d['legal_review'] = add_wd(h, 2)
        d['discussion'] = d['approval'] = add_wd(h, 3)
        d['decision'] = add_wd(h, 4)
    else:
        if statements:
            d['statement'] = add_wd(ns, 2)
            d['review'] = add_wd(ns, 4)
        d['legal_review'] = add_wd(ns, 5)
        d['discussion'] = d['approval'] = add_wd(ns, 6)
        d['decision'] = add_wd(ns, 7)
    dec = d['decision']
    d['decision_served'] = add_wd(dec, 1)
    d['published'] = add_wd(dec, 3)
    d['correction_checked'] = add_wd(dec, 2)
    d['paid'] = add_wd(d['decision_served'], 3)
    d['closed'] = add_wd(d['paid'], 3)
    return d


def make_case(spec, v, serial):
    """A case namespace from a spec dict and a variant; serial makes its numbers unique."""
    street = spec['street']
    code = spec.get('case_code', STREETS[street])
    p = dict(PARTIES[v.party])
    (cause, act, act_short, place, item, law, viol, pen, fine) = MATTERS[spec['matter']]
    fine = spec.get('fine', fine)
    c = NS(v=v, street=street, code=STREETS[street], organ=f'广州市海珠区人民政府{street}街道办事处',
           case_no=f'穗海{code}综执立〔2024〕{serial}号', procedure=spec['procedure'],
           party={k: p[k] for k in ('kind', 'name', 'id', 'rep', 'addr')},
           party_signer=p['signer'], signer_id=p['signer_id'], signer_role=p['role'],
           cause=cause + '案', act=act, act_short=act_short, place=place, evidence_item=item, law=law,
           violated_article=viol, penalty_article=pen, notice_violated=None, notice_penalty=None,
           fine=fine, fine_capital=yuan_capital(fine), officers=list(OFFICERS), leaders=LEADERS,
           reviewer='陈丽', hearing_host='梁振华', clerk='吴敏', ticket=f'{4400000000 + serial * 7919:010d}',
           correction=spec.get('correction', False), dates=dict(spec['dates']), serial=serial,
           numbers=dict(spec.get('numbers', {})))
    c.hearing_eligible = fine >= (5000 if v.party != 'company' else 100000) and spec['procedure'] == 'general'
    c.penalty_text = penalty_text(v.layout, fine, c.fine_capital) if fine else '不予行政处罚'
    c.proposal = f'建议对当事人{c.penalty_text}'
    c.statements = spec.get('statements', False)
    c.one_off = spec.get('one_off', False)
    c.complaint = spec.get('complaint', False)
    c.source = '投诉举报（12345热线转办）' if c.complaint else '日常巡查'
    c.hearing = spec.get('hearing', False)
    c.statement_sentence, c.statement_summary = statement_wording(c, v.layout)
    c.num = lambda abbr: c.numbers.get(abbr) or f'穗海{c.code}综执{abbr}〔2024〕{serial}号'
    if getattr(v, 'fw_numbers', False):  # typed in full-width mode: ２０２４ and the serial too
        fw = str.maketrans('0123456789', '０１２３４５６７８９')
        plain = c.num
        c.num = lambda abbr: plain(abbr).translate(fw)
        c.case_no = c.case_no.translate(fw)
    return c


def _D(d):
    return f'⟦{d.isoformat()}⟧'


def penalty_text(layout, fine, capital):
    """The penalty as each layout writes it: Arabic with capitals, `元整`, capitals only (H24)."""
    return {'A': f'罚款人民币{fine}元（大写：{capital}）', 'B': f'罚款{fine}元整', 'C': f'罚款（大写）{capital}',
            'D': f'处人民币{yuan_lower(fine)}元罚款'}[layout]


def statement_wording(c, layout):
    """(sentence of the decision, summary for internal forms) on statements and hearing,
    worded per layout after the formulas of templates.md §2.13 (A: this district's plain
    wording, B: the 2018 Tianjin decision, C: the Hunan 2024 template)."""
    you = '你单位' if c.party['kind'] == 'company' else '你'
    dd = c.dates
    if layout == 'D':  # regulator phrasing (templates.md §2.13 [CIRC])
        if c.hearing:
            return (f'当事人在法定期限内未提出陈述、申辩，于{_D(dd["hearing_request"])}要求举行听证。本机关于'
                    f'{_D(dd["hearing_held"])}举行听证，当事人在听证阶段提出请求减轻处罚。经研究，对当事人的意见不予采纳。',
                    '当事人未提出陈述、申辩，要求听证，已举行听证，听证意见不予采纳。')
        if c.statements:
            return (f'当事人于{_D(dd["statement"])}提出以下陈述申辩意见：初次违法，已经整改，请求从轻处罚。'
                    '本机关经复核认为，当事人的申辩意见不予采纳。', '当事人提出陈述申辩，经复核不予采纳。')
        return '在法定期限内，当事人未提出陈述、申辩。', '当事人在法定期限内未提出陈述、申辩。'
    if c.hearing:
        req, held = _D(dd['hearing_request']), _D(dd['hearing_held'])
        sentence = {
            'A': f'当事人在法定期限内未提出陈述、申辩，于{req}提出听证申请，本机关于{held}举行了听证。'
                 '经集体讨论，对当事人在听证中提出的意见不予采纳。',
            'B': f'当事人在规定的时间内未提出陈述和申辩意见，于{req}要求举行听证，本机关于{held}举行了听证。'
                 '经集体讨论，对听证中提出的意见不予采纳。',
            'C': f'{you}在期限内未进行陈述和申辩，于{req}要求听证，本机关于{_D(dd["hearing_notified"])}通知{you}，'
                 f'于{held}举行听证。经本机关集体讨论认为，{you}提出的意见不能成立，不予采纳。'}[layout]
        return sentence, '当事人未提出陈述、申辩，要求听证，已举行听证，听证意见不予采纳。'
    if c.statements:
        st = _D(dd['statement'])
        sentence = {
            'A': f'当事人于{st}提出陈述、申辩，经复核，当事人提出的理由不成立，本机关不予采纳。',
            'B': f'当事人于{st}提出陈述申辩意见，称其初次违法、已经整改，请求从轻处罚。本机关经复核认为，'
                 '当事人提出的理由不成立，不予采纳。',
            'C': f'{you}于{st}进行了陈述和申辩，提出以下意见：初次违法，已经整改，请求从轻处罚。'
                 f'本机关充分听取后复核认为，{you}提出的理由不成立，不予采纳。'}[layout]
        return sentence, '当事人提出陈述申辩，经复核不予采纳。'
    sentence = {'A': '当事人在法定期限内未提出陈述、申辩。',
                'B': '当事人在法定期限内未提出陈述申辩意见，也未要求举行听证。',
                'C': f'{you}在期限内未进行陈述和申辩，视为放弃陈述和申辩的权利。'}[layout]
    return sentence, '当事人在法定期限内未提出陈述、申辩。'
