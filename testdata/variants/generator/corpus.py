"""What the corpus contains: base cases, variant groups and defect cases.

A variant: layout (A paragraphs | B 4-column table form | C national template | D platform
print-out), colon of
`label：value` lines, date style (basics.fmt_date), party kind, title choice (index into
the template title variants), member naming (numbered | folders | plain | opaque: `001.docx`, only the content tells the type),
encoding of
member names (utf8 | gbk), format (docx | pdf | mixed: every second document a PDF | onepdf: the whole case as one PDF |
ofd: written by ofd.py, unsigned).
"""
import datetime as dt
from types import SimpleNamespace as NS

from basics import add_wd
from cases import general_dates


def V(layout, colon, date_style, party, titles, naming, fmt='docx', encoding='utf8', copies=False, prefixed=False,
      rare=False, fw_numbers=False):
    """copies: the on-the-spot decision printed as 当事人联 + 存根联 in one file (H24);
    prefixed: outgoing documents titled organ + title on one line; rare: the rarer template
    titles of docs.RARE; fw_numbers: case and document numbers typed with full-width digits."""
    return NS(layout=layout, colon=colon, date_style=date_style, party=party, titles=titles, naming=naming,
              fmt=fmt, encoding=encoding, copies=copies, prefixed=prefixed, rare=rare, fw_numbers=fw_numbers)


def _simple_dates(day):
    return {'decision': day, 'filed_record': add_wd(day, 1), 'violation': day, 'inspected': day, 'filed': day}


def _withdrawn_dates(filed):
    return {'filed': filed, 'inspected': filed, 'violation': add_wd(filed, 0), 'withdrawn': add_wd(filed, 8),
            'closed': add_wd(filed, 10)}


def _transfer_dates(filed):
    d = {'filed': filed, 'inspected': filed, 'violation': filed - dt.timedelta(days=3),
         'inquired': add_wd(filed, 1), 'report': add_wd(filed, 5)}
    d.update(transfer_approved=add_wd(filed, 6), transferred=add_wd(filed, 7), closed=add_wd(filed, 12))
    return d


# Rules left out when the variants of a group are compared, each with its reason.
METAMORPHIC_IGNORE = {
    'MAN-seal-image': 'whether a seal must be checked by eye depends on the format: an OFD e-seal is checked by the '
                      'tool, a seal in a DOCX or PDF is an image',
}


BASES = {
    'general': dict(procedure='general', street='南华西', matter='stall', dates=general_dates(dt.date(2024, 3, 4))),
    'general-fine6000': dict(procedure='general', street='南华西', matter='stall', fine=6000,
                             dates=general_dates(dt.date(2024, 3, 4))),
    'general-one-off': dict(procedure='general', street='南华西', matter='debris', fine=3000, one_off=True,
                            dates=general_dates(dt.date(2024, 3, 4))),
    # decided 2024-04-30: 7 working days later crosses the May Day holiday and the make-up Saturday 05-11
    'general-mayday': dict(procedure='general', street='南华西', matter='stall', dates=general_dates(dt.date(2024, 4, 12))),
    # notice served 2024-04-01: the defence period crosses Qingming (04-04..06 off, Sunday 04-07 a workday)
    'general-qingming': dict(procedure='general', street='南华西', matter='stall', dates=general_dates(dt.date(2024, 3, 22))),
    'statements': dict(procedure='general', street='江南中', matter='waste', statements=True, correction=True,
                       dates=general_dates(dt.date(2024, 4, 8), statements=True)),
    'hearing': dict(procedure='general', street='琶洲', matter='debris', hearing=True,
                    dates=general_dates(dt.date(2024, 5, 6), hearing=True)),
    'transferred': dict(procedure='transferred', street='南石头', matter='hazard', fine=0, one_off=True,
                        dates=_transfer_dates(dt.date(2024, 9, 9))),
    'simple': dict(procedure='simple', street='新港', matter='litter', dates=_simple_dates(dt.date(2024, 6, 12))),
    'withdrawn': dict(procedure='withdrawn', street='滨江', matter='stall', dates=_withdrawn_dates(dt.date(2024, 7, 1))),
    'no-penalty': dict(procedure='no_penalty', street='龙凤', matter='waste', fine=0,
                       dates=general_dates(dt.date(2024, 8, 5))),
}

# group id, base, [(suffix, variant)]: the variants of a group must give identical findings.
GROUPS = [
    ('g1-general-no-statement', 'general', [
        ('a', V('A', '：', 'arabic', 'company', 0, 'numbered')),
        ('b', V('B', '：', 'chinese', 'person', 1, 'folders', encoding='gbk')),
        ('c', V('C', ':', 'fullwidth', 'business', 2, 'plain', fmt='pdf')),
        ('d', V('D', '：', 'padded', 'person', 1, 'numbered', fmt='mixed')),
        ('e', V('A', '：', 'arabic', 'company', 0, 'numbered', fmt='onepdf'))]),
    ('g2-general-statements', 'statements', [
        ('a', V('B', '：', 'spaced', 'company', 0, 'numbered')),
        ('b', V('C', '：', 'arabic', 'business', 1, 'folders')),
        ('c', V('A', ':', 'chinese', 'person', 2, 'plain', fmt='pdf')),
        ('d', V('D', '：', 'arabic', 'business', 0, 'plain')),
        ('e', V('B', '：', 'chinese_o', 'person', 1, 'opaque'))]),
    ('g3-hearing', 'hearing', [
        ('a', V('C', '：', 'arabic', 'person', 0, 'numbered')),
        ('b', V('A', '：', 'spaced', 'business', 1, 'folders')),
        ('c', V('B', ':', 'chinese', 'person', 2, 'plain', fmt='pdf')),
        ('d', V('D', '：', 'padded', 'business', 2, 'numbered'))]),
    ('g4-simple', 'simple', [
        ('a', V('A', '：', 'arabic', 'person', 0, 'numbered')),
        ('b', V('B', '：', 'fullwidth', 'person', 1, 'plain')),
        ('c', V('C', ':', 'chinese', 'person', 2, 'numbered', fmt='pdf')),
        ('d', V('D', '：', 'arabic', 'person', 1, 'plain', fmt='mixed')),
        ('e', V('B', '：', 'arabic', 'person', 0, 'numbered', copies=True))]),
    ('g5-withdrawn', 'withdrawn', [
        ('a', V('B', '：', 'arabic', 'company', 0, 'numbered')),
        ('b', V('A', '：', 'chinese', 'person', 1, 'plain')),
        ('c', V('C', ':', 'spaced', 'business', 2, 'folders', fmt='pdf')),
        ('d', V('D', '：', 'padded', 'company', 0, 'numbered'))]),
    ('g6-no-penalty', 'no-penalty', [
        ('a', V('C', '：', 'arabic', 'company', 0, 'folders')),
        ('b', V('A', '：', 'fullwidth', 'person', 1, 'numbered')),
        ('c', V('B', ':', 'arabic', 'business', 2, 'plain', fmt='pdf')),
        ('d', V('D', '：', 'chinese_o', 'person', 1, 'folders')),
        ('e', V('A', '：', 'mixed', 'company', 1, 'numbered'))]),
]

# archive, base, defect, variant, rules that must fire, rules that may fire as well, what was injected
DEFECTS = [
    ('d01-decision-in-defence-period', 'general', 'defence-period', V('A', '：', 'arabic', 'company', 0, 'numbered'),
     ['DL-defence-period'], [], '决定书在告知书送达后第3个工作日作出（陈述申辩期5个工作日未届满）'),
    ('d02-decision-served-late', 'general', 'served-late', V('B', '：', 'chinese', 'person', 1, 'numbered'),
     ['DL-decision-served-7wd'], [], '决定书在作出后第8个工作日才送达'),
    ('d03-closed-before-payment', 'general', 'closed-before-payment', V('C', '：', 'arabic', 'business', 2, 'folders'),
     ['ORD-stage-sequence'], [], '结案审批日期早于缴款日期'),
    ('d04-publication-late', 'general', 'publication-late', V('A', ':', 'spaced', 'person', 1, 'plain'),
     ['DL-publication'], [], '决定作出后第10个工作日才公示（本区设定7个工作日）'),
    ('d05-limitation-exceeded', 'general-one-off', 'limitation', V('B', '：', 'arabic', 'company', 2, 'numbered', fmt='pdf'),
     ['DL-limitation-2y'], [], '一次性违法行为（倾倒建筑垃圾）发生于2022年1月12日，2024年3月4日才发现并立案'),
    ('d06-statement-without-review', 'statements', 'no-review-record', V('A', '：', 'arabic', 'company', 0, 'numbered'),
     ['REQ-3-review_record'], [], '当事人提出陈述申辩，卷内无复核意见书'),
    ('d07-hearing-right-not-notified', 'general-fine6000', 'no-hearing-rights', V('C', '：', 'arabic', 'person', 0, 'numbered'),
     ['REQ-3-hearing_rights_notice'], [], '罚款6000元（公民，达到听证标准），告知书未告知听证权利'),
    ('d08-year-first-number', 'general', 'year-first-number', V('C', '：', 'arabic', 'company', 1, 'numbered'),
     ['NUM-doc-format'], ['NUM-doc-serial'], '决定书文号写成〔2024〕穗海南华综执罚决第0NN号（年份在前、补零、带第）'),
    ('d09-case-number-wrong-street', 'general', 'wrong-street-code', V('A', '：', 'arabic', 'business', 0, 'numbered'),
     ['NUM-case-street-organ'], [], '南华西街道办事处的案件，案号用了赤岗街道代字（文书文号正确）'),
    ('d10-notice-provisions-differ', 'general', 'notice-provisions', V('B', '：', 'arabic', 'business', 0, 'numbered'),
     ['CON-provisions-notice'], [], '告知书所引违法条款（第十五条）与决定书（第十四条）不同'),
    ('d11-officer-certificate-differs', 'general', 'officer-cert', V('C', '：', 'chinese', 'person', 2, 'numbered'),
     ['OFF-certificate-consistent'], [], '询问笔录中林晓东的执法证号与现场检查笔录不同'),
    ('d12-document-number-twice', 'statements', 'number-twice', V('B', '：', 'arabic', 'person', 1, 'numbered'),
     ['NUM-doc-unique-in-case'], ['NUM-serial-unique'], '两份责令改正通知书使用同一文号'),
    ('d13-notice-approval-without-notice', 'general', 'notice-approval-only',
     V('A', '：', 'arabic', 'company', 1, 'numbered'),
     ['REQ-3-penalty_notice'], ['CON-receipt-target', 'DL-defence-period'],
     '卷内有行政处罚（听证）告知书审批表和告知书送达回证，告知书本身缺失'),
    ('d14-decision-after-90-days', 'general', 'decision-after-90-days', V('D', '：', 'padded', 'company', 0, 'numbered'),
     ['DL-decision-90d'], [], '告知书在调查终结后第60个工作日才作出，决定距立案超过90日，卷内无延期审批'),
    ('d15-hearing-notified-5-working-days-ahead', 'hearing', 'hearing-notice-short',
     V('A', '：', 'arabic', 'person', 1, 'numbered'),
     ['DL-hearing-notice-7wd'], [], '听证通知书送达后第5个工作日即举行听证（应提前7个工作日）'),
    ('d16-legal-review-after-decision', 'hearing', 'legal-review-after-decision',
     V('D', '：', 'arabic', 'business', 0, 'folders'),
     ['ORD-legal-review-before-decision'], [], '法制审核意见书的日期在决定书之后一个工作日'),
    ('d17-amount-changed-without-reason', 'general', 'amounts-differ', V('B', '：', 'arabic', 'company', 0, 'numbered'),
     ['CON-amounts'], [], '告知书拟罚款2000元，决定书和缴款凭证为3000元，未说明理由'),
    ('d18-invalid-id-number', 'general', 'invalid-id', V('C', '：', 'arabic', 'person', 0, 'numbered'),
     ['CON-party-id-invalid'], [], '当事人身份证号码校验码错误（各文书一致）'),
    ('d19-one-officer-in-record', 'general', 'one-officer', V('D', '：', 'arabic', 'company', 1, 'numbered'),
     ['OFF-two-officers'], [], '现场检查笔录只记载一名执法人员'),
    ('d20-statement-record-missing', 'statements', 'statement-record-missing',
     V('C', '：', 'arabic', 'business', 0, 'numbered'),
     ['REQ-3-statement_record'], [], '决定书载明当事人提出陈述申辩，卷内有复核意见书，无陈述申辩笔录'),
    ('d21-hearing-record-missing', 'hearing', 'hearing-record-missing', V('B', '：', 'arabic', 'person', 0, 'numbered'),
     ['REQ-3-hearing_record'], [], '当事人申请听证并举行了听证，卷内无听证笔录'),
    ('d22-simple-procedure-fine-500', 'simple', 'simple-fine-too-high', V('A', '：', 'arabic', 'person', 0, 'numbered'),
     ['SIM-fine-limit'], [], '当场处罚决定对公民罚款500元（简易程序上限200元）'),
    ('d23-decision-receipt-missing', 'general', 'decision-receipt-missing',
     V('D', '：', 'chinese_o', 'person', 2, 'numbered', fmt='pdf'),
     ['REQ-6-decision_receipt'], [], '卷内无决定书的送达回证'),
    ('d24-catalogue-misses-a-document', 'general', 'catalogue-missing-entry',
     V('A', '：', 'arabic', 'business', 0, 'folders'),
     ['CAT-present-listed'], [], '卷内目录漏列询问笔录'),
    ('d26-preservation-decision-late', 'general', 'preservation-late', V('A', '：', 'arabic', 'company', 2, 'numbered'),
     ['DL-preservation-7wd'], [], '先行登记保存后第9个工作日才作出处理决定'),
    ('d27-business-fine-6000-no-hearing-right', 'general-fine6000', 'no-hearing-rights',
     V('D', '：', 'arabic', 'business', 0, 'numbered'),
     ['REQ-3-hearing_rights_notice'], [], '个体工商户（按公民）罚款6000元，告知书未告知听证权利'),
    ('d25-complaint-without-source-record', 'general', 'complaint-without-source',
     V('C', '：', 'spaced', 'company', 1, 'numbered'),
     ['REQ-1-case_source'], [], '立案审批表载明案件来源为投诉举报，卷内无案件来源登记表'),
]

# Near misses: complete cases at the edge of a rule (must stay quiet, graded 优秀).
# archive, base, change, variant, what
NEAR = [
    ('n01-limitation-within-two-years', 'general-one-off', 'limitation-within',
     V('A', '：', 'chinese', 'person', 0, 'numbered'), '一次性违法行为发生于2022年3月10日，2024年3月4日立案（未满两年）'),
    ('n02-decision-served-7th-working-day', 'general', 'served-7th', V('C', '：', 'arabic', 'company', 1, 'folders'),
     '决定书在作出后第7个工作日送达（期限最后一日）'),
    ('n03-decision-day-after-defence-period', 'general', 'decision-6th', V('B', '：', 'spaced', 'business', 0, 'numbered'),
     '决定书在告知书送达后第6个工作日作出（陈述申辩期届满次日）'),
    ('n04-published-7th-working-day', 'general', 'published-7th', V('A', ':', 'fullwidth', 'company', 2, 'plain'),
     '决定作出后第7个工作日公示（本区设定的最后一日）'),
    ('n05-complaint-with-source-record', 'general', 'complaint-with-source',
     V('D', '：', 'arabic', 'person', 1, 'numbered'), '投诉举报案件，卷内有举报（投诉）案件登记表'),
    ('n06-written-waiver-decided-early', 'general', 'waived', V('B', '：', 'arabic', 'company', 0, 'numbered'),
     '当事人在告知书送达当日书面放弃陈述、申辩，决定在送达后第2个工作日作出（合法）'),
    ('n07-decision-served-on-the-spot', 'general', 'served-on-the-spot', V('C', '：', 'arabic', 'business', 1, 'numbered'),
     '决定书当场送达（送达日期与决定日期相同）'),
    ('n08-decision-served-by-mail', 'general', 'served-by-mail', V('A', '：', 'chinese', 'company', 0, 'folders'),
     '决定书邮寄送达，送达回证备注邮件号和妥投日期'),
    ('n09-photos-as-images', 'general', 'photos', V('A', '：', 'arabic', 'person', 0, 'numbered'),
     '证据为现场照片和身份证复印件的图片文件（PNG，无文字）'),
    ('n10-preservation-decided-in-5-working-days', 'general', 'preservation',
     V('D', '：', 'arabic', 'business', 0, 'numbered'), '先行登记保存后第5个工作日作出处理决定'),
    ('n11-company-hearing-150000', 'hearing', 'fine-150000', V('B', '：', 'arabic', 'company', 1, 'numbered'),
     '公司罚款15万元（达到单位听证标准），听证、法制审核、集体讨论齐全'),
    ('n12-company-fine-6000-no-hearing-right', 'general-fine6000', 'no-hearing-rights',
     V('A', '：', 'arabic', 'company', 0, 'numbered'), '公司罚款6000元（未达单位听证标准10万元），告知书未告知听证权利（合法）'),
    ('n13-publication-screenshot', 'general', 'publication-screenshot', V('C', '：', 'arabic', 'person', 0, 'numbered'),
     '公示记录是公示页面截图（公示截图.png，无文字）'),
    ('n14-received-by-relative', 'general', 'received-by-relative', V('B', '：', 'mixed', 'person', 0, 'numbered'),
     '告知书和决定书由当事人妻子代收（送达回证注明关系）；正文阿拉伯数字日期、落款汉字日期'),
    ('n15-party-written-statement', 'statements', 'party-written-statement',
     V('A', '：', 'arabic', 'company', 1, 'numbered'), '当事人提交书面陈述申辩书（无陈述申辩笔录）'),
]

# Groups made after the others (their serials follow NEAR, so adding them changed no archive above).
LATE_GROUPS = [
    ('g7-transferred', 'transferred', [
        ('a', V('A', '：', 'arabic', 'company', 0, 'numbered')),
        ('b', V('C', '：', 'chinese', 'company', 1, 'plain', fmt='pdf'))]),
]

# More variants of the groups above, made last (group, suffix, base, change as in defects.py, variant).
LATE_VARIANTS = [
    ('g1-general-no-statement', 'f', 'general', 'internal-approvals',
     V('A', '：', 'arabic', 'company', 1, 'outer', encoding='gbk')),
    ('g1-general-no-statement', 'g', 'general', None, V('B', '：', 'arabic', 'person', 2, 'numbered', prefixed=True)),
    ('g2-general-statements', 'f', 'statements', 'internal-approvals', V('C', '：', 'spaced', 'company', 2, 'numbered')),
    ('g1-general-no-statement', 'h', 'general', None, V('C', '：', 'arabic', 'person', 0, 'numbered', fmt='ofd')),
    ('g3-hearing', 'e', 'hearing', None, V('A', '：', 'chinese', 'business', 1, 'plain', fmt='ofd')),
]
# appended after the late defects and near misses, so that no earlier archive changes
LAST_VARIANTS = [
    ('g1-general-no-statement', 'i', 'general', None, V('A', '：', 'arabic', 'company', 0, 'numbered', rare=True)),
    ('g1-general-no-statement', 'j', 'general', None, V('B', '：', 'arabic', 'person', 1, 'opaque', fmt='pdf', rare=True)),
    ('g1-general-no-statement', 'k', 'general', None,
     V('B', '：', 'hao', 'business', 0, 'numbered', fw_numbers=True)),
]

# Defect cases and near misses made last (same shapes as DEFECTS and NEAR).
LATE_DEFECTS = [
    ('d28-correction-not-rechecked', 'statements', 'correction-proof-missing', V('D', '：', 'arabic', 'company', 0, 'numbered'),
     ['REQ-7-correction_proof'], [], '责令改正后卷内无整改复查记录'),
    ('d29-decision-approval-without-decision', 'general', 'decision-missing', V('B', '：', 'arabic', 'person', 2, 'numbered'),
     ['REQ-5-penalty_decision'], ['CON-receipt-target'], '卷内有行政处罚决定审批表和决定书送达回证，决定书本身缺失'),
    ('d30-catalogue-lists-a-missing-sketch', 'general', 'catalogue-extra-row', V('A', '：', 'arabic', 'company', 0, 'numbered'),
     ['CAT-listed-untyped'], ['CAT-listed-present'], '卷内目录列有“现场勘察平面图”，卷内没有该文书'),
    ('d31-served-8th-working-day-across-may-day', 'general-mayday', 'served-late', V('C', '：', 'arabic', 'company', 0, 'numbered'),
     ['DL-decision-served-7wd'], [], '决定4月30日作出，5月14日送达：跨五一假期（5月11日周六调休上班），为第8个工作日'),
    ('d32-decision-on-last-defence-day-qingming', 'general-qingming', 'decision-5th',
     V('A', '：', 'arabic', 'person', 0, 'numbered'),
     ['DL-defence-period'], [], '告知书4月1日送达，4月9日作出决定：跨清明假期（4月7日周日调休上班），陈述申辩期最后一日即作出'),
]
LATE_NEAR = [
    ('n16-hearing-eligible-not-requested', 'general-fine6000', None, V('C', '：', 'arabic', 'person', 1, 'numbered'),
     '公民罚款6000元，告知书告知了听证权利，当事人未申请听证；有法制审核和集体讨论'),
    ('n17-correction-ordered-in-decision', 'statements', 'correction-in-decision', V('A', '：', 'arabic', 'business', 0, 'numbered'),
     '责令改正只写在决定书中（无单独的责令改正通知书），有整改复查记录'),
    ('n18-receipts-scanned', 'general', 'scanned-receipts', V('A', '：', 'arabic', 'company', 0, 'numbered'),
     '两份送达回证是扫描件（PDF 只有图像，无文字）：送达日期读不到，应列为人工核对而不扣分'),
    ('n19-served-7th-working-day-across-may-day', 'general-mayday', 'served-7th', V('B', '：', 'arabic', 'person', 0, 'numbered'),
     '决定4月30日作出，5月13日送达：跨五一假期并计入5月11日调休工作日，为第7个工作日（合法）'),
    ('n20-decision-after-defence-period-qingming', 'general-qingming', 'decision-6th',
     V('D', '：', 'arabic', 'business', 0, 'numbered'),
     '告知书4月1日送达，4月10日作出决定：陈述申辩期（计入4月7日调休工作日）届满后次日（合法）'),
]

# near misses appended last
LAST_NEAR = [
    ('n21-continuing-act-since-2021', 'general', 'continuing-since-2021', V('C', '：', 'arabic', 'company', 0, 'numbered'),
     '占道经营自2021年5月10日起持续至今（继续状态，追责期限从行为终了之日起计算，未超过）'),
    ('n22-decision-on-day-90', 'general', 'decision-day-90', V('A', '：', 'arabic', 'person', 0, 'numbered'),
     '2024年3月8日立案，6月6日作出决定：立案之日起第90日（期间开始之日不计入）'),
    ('n23-amount-reduced-with-reason', 'statements', 'amount-reduced-on-review', V('B', '：', 'arabic', 'company', 0, 'numbered'),
     '告知书拟罚款3000元，当事人陈述申辩后决定书写明复核理由并减为2000元'),
    ('n24-recorder-without-certificate', 'general', 'recorder-without-certificate',
     V('C', '：', 'arabic', 'person', 0, 'numbered'), '记录人为协管员（无执法证），两名执法人员均载明执法证号'),
    ('n25-employee-questioned-with-power-of-attorney', 'general', 'agent-questioned',
     V('A', '：', 'arabic', 'company', 0, 'numbered'), '公司员工持授权委托书接受询问、签收文书'),
    ('n26-decision-left-at-premises', 'general', 'refused-receipt', V('B', '：', 'arabic', 'business', 0, 'numbered'),
     '当事人拒绝签收决定书，留置送达：送达回证只有见证人和送达人签名及日期'),
    ('n27-discovered-within-two-years-filed-after', 'general-one-off', 'discovered-in-time-filed-late',
     V('A', '：', 'arabic', 'company', 0, 'numbered'),
     '2022年3月1日倾倒建筑垃圾，2024年2月26日现场检查发现（未满两年），3月4日立案（已满两年）：时效算至发现之日'),
    ('n28-hearing-request-withdrawn', 'general-fine6000', 'hearing-withdrawn', V('B', '：', 'arabic', 'person', 1, 'numbered'),
     '公民罚款6000元，申请听证后次日书面撤回：无听证通知、笔录、报告（合法），有法制审核和集体讨论'),
    ('n29-waiver-in-a-statement-record', 'general', 'waived-in-record', V('C', '：', 'arabic', 'business', 0, 'numbered'),
     '当事人在陈述申辩笔录中表示放弃陈述、申辩（未提出意见，无需复核），决定在送达后第2个工作日作出'),
    ('n30-dialogue-records', 'general', 'dialogue-records', V('A', '：', 'arabic', 'company', 0, 'numbered'),
     '现场检查笔录和询问笔录按对话体记录（“执法人员：……”“当事人：……”，市场监管范本样式）'),
    ('n31-party-name-bracket-styles', 'general', 'branch-name-brackets', V('A', '：', 'arabic', 'company', 0, 'numbered'),
     '当事人名称含“（江南西分店）”，决定书用半角括号“(江南西分店)”，其余文书用全角括号'),
    ('n32-id-number-ending-x', 'general', 'id-with-x', V('B', '：', 'arabic', 'person', 0, 'numbered'),
     '当事人身份证号码末位为X，决定书写成小写x'),
    ('n33-amount-with-thousands-separator', 'general', 'amount-with-separator', V('A', '：', 'arabic', 'person', 0, 'numbered'),
     '决定书罚款金额写成“2,000元”（千位分隔符），告知书和缴款凭证为2000'),
]
LAST_DEFECTS = [
    ('d33-decision-on-day-91', 'general', 'decision-day-91', V('B', '：', 'arabic', 'company', 0, 'numbered'),
     ['DL-decision-90d'], [], '2024年3月8日立案，6月7日作出决定：立案之日起第91日，卷内无延期审批'),
]
