"""Abstract documents of a case (general procedure and its variants).

A document is a dict: file (name without extension), title, kind (form | record |
letter | receipt | plain), organ, number (outgoing documents), case_no (internal
forms), party, blocks. Blocks: ('kv', key, value) ('party',) ('officers', [(name,
cert)]) ('p', text) ('h', text) ('approve', role, opinion, signer, date)
('sig', [(label, name, date)]) ('seal', organ, date) ('grid', header, rows).
Dates in text are markers made by D() / T(); layouts.py spells them.
"""


def D(d):
    return f'⟦{d.isoformat()}⟧'


def T(d, h, m):
    return f'⟦{d.isoformat()}T{h}:{m:02d}⟧'


# Rarer titles from the template sets of templates.md §2 and §5.1, for a variant with rare=True.
RARE = {'filing': '行政处罚案件立案审批表', 'inspection': '检查（勘验）笔录', 'inquiry': '调查笔录', 'evidence': '证据照片',
        'report': '案件调查终结审批表', 'notice': '行政处罚事先(听证)告知书', 'receipt': '送达回执',
        'approval': '行政处罚案件处理审批表', 'decision': '处罚决定书', 'publication': '行政处罚决定信息公开记录',
        'payment': '广东省非税收入一般缴款书（电子）', 'closing': '行政处罚案件结案报告', 'catalogue': '卷内文件目录',
        'notes': '备考表'}


def title(c, key, options):
    """The variant's title for a document type (c.v.titles picks among template variants)."""
    if getattr(c.v, 'rare', False) and key in RARE:
        return RARE[key]
    return options[c.v.titles % len(options)]


def _doc(c, file, ttl, kind, blocks, number=None, internal=True):
    return {'file': file, 'title': ttl, 'kind': kind, 'organ': c.organ, 'party': c.party,
            'number': number, 'case_no': c.case_no if internal else None, 'blocks': blocks}


def _you(c):
    if c.v.layout == 'D':  # the platform prints the template's alternative as is
        return '你（单位）'
    return '你单位' if c.party['kind'] == 'company' else '你'


def _approvals(c, d, first, second, third):
    return [('approve', '承办人意见', first, '、'.join(n for n, _ in c.officers), D(d)),
            ('approve', '承办机构负责人意见', second, c.leaders[0], D(d)),
            ('approve', '单位负责人审批意见', third, c.leaders[1], D(d))]


def facts_sentence(c):
    how = '根据市民投诉到场核查时发现' if c.complaint else '巡查时发现'
    if c.one_off:  # a completed act: the limitation period runs from its date
        return (f'{D(c.dates["inspected"])}，执法人员在{c.place}{how}{c.evidence_item}，经查，系当事人于'
                f'{D(c.dates["violation"])}{c.act}。')
    return (f'{D(c.dates["inspected"])}，执法人员在{c.place}{how}，当事人自{D(c.dates["violation"])}起'
            f'{c.act}{"，该行为持续至今" if getattr(c, "ongoing", False) else ""}。')


def case_source(c):
    d = c.dates['source']
    return _doc(c, '案件来源登记表', title(c, 'source', ['案件来源登记表', '举报（投诉）案件登记表', '案件来源登记表']), 'form', [
        ('kv', '案件来源', '12345政务服务便民热线转办'), ('kv', '举报人', '匿名'), ('kv', '联系电话', '/'),
        ('kv', '举报时间', T(d, 16, 5)),
        ('kv', '举报内容', f'市民反映{c.place}有人{c.act_short}，影响通行和市容。'),
        ('kv', '被举报人', c.party['name']),
        ('approve', '处理意见', '请执法队核查处理。', c.leaders[0], D(d)),
        ('sig', [('记录人', c.officers[0][0], D(d))])], internal=False)


def violated(c):
    return f'《{c.law}》{c.violated_article}'


def penalty_basis(c):
    return f'《{c.law}》{c.penalty_article}'


def filing_approval(c):
    d = c.dates['filed']
    return _doc(c, '立案审批表', title(c, 'filing', ['立案审批表', '行政处罚立案审批表', '立案审批表']), 'form', [
        ('kv', 'cause', c.cause), ('kv', 'source', c.source), ('party',),
        ('kv', '案情简介', facts_sentence(c) + f'当事人的行为涉嫌违反{violated(c)}的规定。'),
        ('kv', '立案理由', '本案有违法事实，属于本机关管辖，符合《中华人民共和国行政处罚法》第五十四条规定的立案条件。'),
        *_approvals(c, d, '建议立案查处。', '同意立案。', '同意立案，由' + '、'.join(n for n, _ in c.officers) + '承办。')])


def _record_header(c, d, start, end):
    key = '检查时间' if c.v.layout == 'A' else '时间'
    return [('kv', key, f'{T(d, *start)}至{T(d, *end)}'), ('kv', 'place', c.place)]


def _rights(c):
    return ('我们是' + c.organ + '的执法人员' + '、'.join(n for n, _ in c.officers) +
            '，这是我们的执法证件（出示证件）。现依法进行调查，请予配合。你有权申请回避，是否申请回避？\n答：看清楚了，不申请回避。')


def inspection_record(c):
    d = c.dates['inspected']
    return _doc(c, '现场检查笔录', title(c, 'inspection', ['现场检查笔录', '现场检查（勘验）笔录', '现场笔录']), 'record', [
        *_record_header(c, d, (9, 30), (10, 15)), ('party',),
        ('kv', '现场负责人', c.party_signer), ('officers', c.officers), ('kv', 'recorder', getattr(c, 'recorder', None) or c.officers[-1][0]),
        ('p', '告知事项：' + _rights(c)),
        ('p', f'现场检查情况：{c.place}，当事人{c.act}，现场有{c.evidence_item}。执法人员对现场进行了拍照取证。'),
        ('p', '（以下空白）'),
        ('sig', [('被检查人签名', c.party_signer + '（以上笔录已阅，属实）', D(d)),
                 ('执法人员签名', '、'.join(n for n, _ in c.officers), D(d)),
                 ('记录人签名', getattr(c, 'recorder', None) or c.officers[-1][0], D(d))])])


def inquiry_record(c):
    d = c.dates['inquired']
    return _doc(c, '询问笔录', title(c, 'inquiry', ['询问笔录', '调查询问笔录', '询问调查笔录']), 'record', [
        *_record_header(c, d, (14, 30), (15, 20)),
        ('kv', '被询问人', c.party_signer), ('kv', '身份证号码', c.signer_id), ('kv', '与本案关系', c.signer_role),
        ('officers', c.officers), ('kv', 'recorder', getattr(c, 'recorder', None) or c.officers[-1][0]),
        ('p', '问：' + _rights(c)),
        ('p', f'问：{D(c.dates["inspected"])}执法人员在{c.place}检查时发现的情况是否属实？\n答：' +
              (f'属实，是我们在{D(c.dates["violation"])}{c.act_short}的。' if c.one_off
               else f'属实，从{D(c.dates["violation"])}开始{c.act_short}。')),
        ('p', '问：你还有什么要补充的吗？\n答：没有了，我会马上整改。'),
        ('p', '（以下空白）'),
        ('sig', [('被询问人签名', c.party_signer + '（以上笔录我已看过，与我说的一致）', D(d)),
                 ('询问人签名', '、'.join(n for n, _ in c.officers), D(d)),
                 ('记录人签名', getattr(c, 'recorder', None) or c.officers[-1][0], D(d))])])


def evidence(c):
    d = c.dates['inspected']
    return _doc(c, '现场照片', title(c, 'evidence', ['现场照片', '现场照片（图片）证据', '照片证据']), 'form', [
        ('p', '［照片粘贴处］'),
        ('kv', '证明对象', f'当事人{c.act_short}的现场情况'), ('kv', '拍摄时间', T(d, 9, 40)),
        ('kv', '拍摄地点', c.place), ('kv', '拍 摄 人' if c.v.layout != 'A' else '拍摄人', c.officers[0][0]),
        ('sig', [('当事人确认', c.party_signer, D(d)), ('执法人员签名', '、'.join(n for n, _ in c.officers), None)])])


def investigation_report(c):
    d = c.dates['report']
    ttl = title(c, 'report', ['案件调查终结报告', '调查终结报告', '行政处罚案件调查报告'])
    return _doc(c, '案件调查终结报告', ttl, 'plain', [
        ('p', f'本案于{D(c.dates["filed"])}立案，现将调查情况报告如下：'),
        ('h', '一、当事人基本情况'), ('party',),
        ('h', '二、违法事实和主要证据'), ('p', facts_sentence(c) + '以上事实有现场检查笔录、询问笔录、现场照片等证据证实。'),
        ('h', '三、调查结论和处理意见'),
        ('p', f'当事人的行为违反了{violated(c)}的规定，依据{penalty_basis(c)}的规定，{c.proposal}。'),
        ('sig', [('调查人', '、'.join(n for n, _ in c.officers), D(d))]),
        ('approve', '调查机构意见', '同意调查结论。', c.leaders[0], D(d))])


# The notice's rights sentences per layout (templates.md §2.7: A plain, B an older system's
# wording with Arabic day counts, C the Hunan 2024 template).
RIGHTS = {
    'A': '根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，{you}可在收到本告知书之日起五个工作日内'
         '向本机关提出陈述、申辩；逾期未提出的，视为放弃陈述、申辩的权利。',
    'B': '依据《中华人民共和国行政处罚法》第四十五条的规定，{you}可在收到本告知书之日起5个工作日内提出书面陈述、申辩意见，'
         '或到本机关进行陈述、申辩。逾期不陈述、申辩的，视为{you}放弃陈述、申辩权利。',
    'C': '{you}可在接到本告知书后五个工作日内向本机关提出陈述和申辩；逾期未提出陈述和申辩，视为{you}放弃陈述和申辩的权利。',
    'D': '依据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，{you}可在收到本告知书之日起五个工作日内，'
         '向本机关提出陈述、申辩意见；逾期视为放弃陈述、申辩权利。',
}
HEARING_RIGHT = {
    'A': '根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，{you}有权要求听证。如要求听证，'
         '应当在收到本告知书之日起五个工作日内提出；逾期未提出的，视为放弃听证权利。',
    'B': '{you}有要求举行听证的权利，如要求听证，应在收到本告知书之日起5个工作日内向本机关提出，逾期视为放弃。',
    'C': '根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，{you}有要求听证的权利。如要求听证，应当在收到本告知书后'
         '五个工作日内向本机关提出；逾期未提出的，视为{you}放弃听证。',
    'D': '{you}有权要求举行听证。要求听证的，应当在收到本告知书之日起五个工作日内提出，逾期视为放弃听证权利。',
}


def penalty_notice(c, hearing=None):
    d = c.dates['notice']
    you = _you(c)
    hearing = c.hearing_eligible if hearing is None else hearing
    ttl = title(c, 'notice', ['行政处罚事先告知书', '行政处罚事先（听证）告知书', '行政处罚告知书']) \
        if hearing else title(c, 'notice', ['行政处罚事先告知书', '行政处罚事先告知书', '行政处罚告知书'])
    blocks = [('party',),
              ('p', f'经调查，{facts_sentence(c)}有现场检查笔录、询问笔录、现场照片等证据为证。'),
              ('p', f'{you}的上述行为违反了{c.notice_violated or violated(c)}的规定。依据'
                    f'{c.notice_penalty or penalty_basis(c)}的规定，本机关拟对{you}作出如下行政处罚：{c.penalty_text}。'),
              ('p', RIGHTS[c.v.layout].format(you=you))]
    if hearing:
        blocks.append(('p', HEARING_RIGHT[c.v.layout].format(you=you)))
    blocks += [('kv', '联系人', c.officers[0][0]), ('kv', '联系电话', '020-84210000'),
               ('seal', c.organ, D(d))]
    return _doc(c, '行政处罚事先告知书', ttl, 'letter', blocks, c.num('罚告'), internal=False)


def receipt(c, file, served_title, served_number, d, place=None, manner='直接送达', note='/', refused=False):
    you = c.party['name']
    if refused:  # 留置送达: no recipient signature; a witness and the servers sign and date it
        doc = receipt(c, file, served_title, served_number, d, place, '留置送达',
                      '当事人拒绝签收，执法人员在见证人见证下将文书留置于其经营场所，并拍照记录。')
        witness = ('见证人签名', f'梁小红（社区网格员）', D(d))
        out = []
        for b in doc['blocks']:
            if b[0] == 'sig':
                sigs = [(lab, '（当事人拒绝签收）', None) if lab.startswith('收件人') else (lab, name, date)
                        for lab, name, date in b[1] if not lab.startswith('见证人')]
                out.append(('sig', sigs[:1] + [witness] + sigs[1:]))
            elif b[0] == 'kv' and b[1] in ('收件人签名或盖章', '签收日期', '见证人签名或盖章'):
                out.append(('kv', b[1], {'收件人签名或盖章': '（当事人拒绝签收）', '签收日期': '/',
                                         '见证人签名或盖章': f'梁小红（社区网格员）　{D(d)}'}[b[1]]))
            else:
                out.append(b)
        doc['blocks'] = out
        return doc
    ttl = title(c, 'receipt', ['送达回证', '送达回证', '行政处罚文书送达回证'])
    if c.v.layout == 'C':
        return _doc(c, file, ttl, 'receipt', [
            ('kv', '送达文书名称及文号', f'《{served_title}》（{served_number}）'),
            ('kv', '受送达人名称或姓名', you), ('kv', '送达地点', place or c.party['addr']), ('kv', '送达方式', manner),
            ('sig', [('收件人签字（或盖章）及收件日期', c.party_signer + '（与受送达人的关系：' + c.signer_role + '）', D(d)),
                     ('送达人（两人签字）', '、'.join(n for n, _ in c.officers), D(d))]),
            ('kv', '备注', note), ('seal', c.organ, D(d))], internal=False)
    if c.v.layout == 'D':  # the tobacco checker's receipt [TOB]: 签收日期 as its own field
        return _doc(c, file, ttl, 'receipt', [
            ('kv', '送达文书名称', served_title), ('kv', '送达文书文号', served_number), ('kv', '受送达人', you),
            ('kv', '送达地点', place or c.party['addr']), ('kv', '送达方式', manner),
            ('kv', '收件人签名或盖章', c.party_signer), ('kv', '签收日期', D(d)),
            ('kv', '代收人注明代收理由', '/'), ('kv', '见证人签名或盖章', '/'),
            ('kv', '送达人签名', '、'.join(n for n, _ in c.officers)), ('kv', '备注', note)], internal=False)
    if c.v.layout == 'B':  # the city-management receipt [CITY-SD]: 送达时间 with the clock time
        return _doc(c, file, ttl, 'receipt', [
            ('kv', '送达文书名称', f'《{served_title}》'), ('kv', '送达文书文号', served_number),
            ('kv', '送达单位', c.organ), ('kv', '受送达人', you), ('kv', '送达时间', T(d, 10, 0)),
            ('kv', '送达地点', place or c.party['addr']), ('kv', '送达方式', manner),
            ('sig', [('收件人签名或盖章', f'{c.party_signer}（与受送达人的关系：{c.signer_role}）', D(d)),
                     ('见证人签名', '/', None),
                     ('送达人签名', '、'.join(n for n, _ in c.officers), D(d))]),
            ('kv', '备注', note)], internal=False)
    return _doc(c, file, ttl, 'receipt', [
        ('kv', '送达文书名称', served_title), ('kv', '送达文书文号', served_number),
        ('kv', '受送达人', you), ('kv', '送达地点', place or c.party['addr']), ('kv', '送达方式', manner),
        ('sig', [('收件人签名或盖章', c.party_signer, D(d)),
                 ('送达人签名', '、'.join(n for n, _ in c.officers), D(d))]),
        ('kv', '备注', note)], internal=False)
