"""Documents only some cases have: a written waiver, evidence preservation, photo scans."""
import struct
import zlib

from docs import D, _doc, _you, facts_sentence, title


def waiver(c):
    """放弃陈述申辩声明, written by the party (date zero-padded as a date picker prints it [WAIVE])."""
    d = c.dates['waived']
    return _doc(c, '放弃陈述申辩声明', '放弃陈述、申辩声明', 'plain', [
        ('p', f'{c.organ}：'),
        ('p', f'本人（单位）已收到《行政处罚事先告知书》（{c.num("罚告")}），对告知书认定的违法事实及拟作出的行政处罚无任何异议，'
              '愿接受行政处罚，放弃陈述、申辩的权利。'),
        ('sig', [('当事人签字', c.party_signer, f'{d.year}年{d.month:02d}月{d.day:02d}日')])], internal=False)


def written_statement(c):
    """陈述申辩书 written by the party instead of a record made by the officers."""
    d = c.dates['statement']
    return _doc(c, '陈述申辩书', '陈述申辩书', 'plain', [
        ('p', f'{c.organ}：'),
        ('p', f'本人（单位）于{D(c.dates["notice_served"])}收到贵机关《行政处罚事先告知书》（{c.num("罚告")}），现提出陈述、申辩如下：'
              '本人（单位）系初次违法，发现问题后已立即整改，恳请从轻处罚。'),
        ('sig', [('陈述申辩人', c.party_signer, D(d))])], internal=False)


def preservation_notice(c):
    d = c.dates['preserved']
    you = _you(c)
    return _doc(c, '先行登记保存证据通知书', '先行登记保存证据通知书', 'letter', [
        ('party',),
        ('p', f'经查，{facts_sentence(c)}因证据可能灭失，经本机关负责人批准，依据《中华人民共和国行政处罚法》第五十六条的规定，'
              f'决定对{you}的下列物品予以先行登记保存：{c.evidence_item}。保存地点：本机关物品仓库。保存期间，{you}不得损毁、'
              '销毁或者转移证据。本机关将在七个工作日内作出处理决定。'),
        ('seal', c.organ, D(d))], c.num('登保'), internal=False)


def preservation_decision(c):
    d = c.dates['preservation_decided']
    you = _you(c)
    return _doc(c, '先行登记保存证据处理决定书', title(c, 'presdec', ['先行登记保存证据处理决定书', '先行登记保存物品处理决定书']),
                'letter', [
        ('party',),
        ('p', f'本机关于{D(c.dates["preserved"])}以《先行登记保存证据通知书》（{c.num("登保")}）对{you}的{c.evidence_item}'
              '予以先行登记保存。经调查取证完毕，现决定解除先行登记保存，将上述物品退还给' + you + '。'),
        ('seal', c.organ, D(d))], c.num('保处'), internal=False)


def _png(width, height, shade):
    """A small grey PNG (a stand-in for a photo or a scanned copy)."""
    raw = b''.join(b'\x00' + bytes([(shade + x + y) % 256 for x in range(width)]) for y in range(height))

    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data))
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', width, height, 8, 0, 0, 0, 0)) +
            chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))


def photo(c, file, shade):
    """An image member (no text): classified by its name only."""
    return {'file': file, 'title': file, 'kind': 'image', 'raw': _png(64, 48, shade), 'number': None,
            'case_no': None, 'blocks': []}


# --- transferred (移送司法机关) -------------------------------------------------------

POLICE = '广州市公安局海珠区分局'


def transfer_approval(c):
    d = c.dates['transfer_approved']
    return _doc(c, '涉嫌犯罪案件移送审批表', '涉嫌犯罪案件移送审批表', 'form', [
        ('kv', 'cause', c.cause), ('party',),
        ('kv', '移送理由', f'{facts_sentence(c)}涉案危险废物数量达到三吨以上，当事人涉嫌构成污染环境罪，依据《行政执法机关移送'
                          '涉嫌犯罪案件的规定》第三条的规定，应当移送公安机关。'),
        ('kv', '移送机关', POLICE),
        ('approve', '承办人意见', '建议移送公安机关。', '、'.join(n for n, _ in c.officers), D(d)),
        ('approve', '承办机构负责人意见', '同意移送。', c.leaders[0], D(d)),
        ('approve', '单位负责人审批意见', '同意移送。', c.leaders[1], D(d))])


def transfer_letter(c):
    d = c.dates['transferred']
    return _doc(c, '涉嫌犯罪案件移送书', '涉嫌犯罪案件移送书', 'letter', [
        ('p', f'{POLICE}：'),
        ('p', f'本机关在查处{c.party["name"]}{c.cause[:-1]}一案中，发现{facts_sentence(c)}当事人涉嫌构成污染环境罪。'
              '依据《行政执法机关移送涉嫌犯罪案件的规定》第三条的规定，现将该案移送你局，请依法审查处理，并将处理结果书面告知本机关。'),
        ('p', '附件：1．案件调查终结报告；2．涉案物品清单；3．现场检查笔录、询问笔录、现场照片等证据材料。'),
        ('seal', c.organ, D(d))], c.num('移'), internal=False)


def transfer_receipt(c):
    from docs import receipt
    d = c.dates['transferred']
    doc = receipt(c, '涉嫌犯罪案件移送书送达回证', '涉嫌犯罪案件移送书', c.num('移'), d, place=POLICE)
    # the recipient is the police, not the party
    doc['blocks'] = [(b[0], b[1], POLICE) if b[0] == 'kv' and b[1] in ('受送达人', '受送达人名称或姓名') else b
                     for b in doc['blocks']]
    doc['blocks'] = [('sig', [(lab, '张警官（' + POLICE + '法制大队）' if lab.startswith('收件人') else name, date)
                              for lab, name, date in b[1]]) if b[0] == 'sig' else
                     (b[0], '张警官（' + POLICE + '法制大队）') if b[:2] == ('kv', '收件人签名或盖章') else b
                     for b in doc['blocks']]
    return doc


# --- the Hunan 案件处理内部审批表: one form, many instances told apart by the ticked box ----------

_MATTERS = ['实施或解除先行登记保存证据', '延长立案审查期限', '责令改正违法行为', '（不予）行政处罚事先（听证）告知', '听证通知',
            '延长案件办理期限', '行政处罚决定', '不予行政处罚决定', '同意延期或分期缴纳罚款通知', '督促履行义务催告', '申请强制执行',
            '其他']


def internal_approval(c, ticked, date, reason, opinion):
    boxes = ' '.join(('☑' if m == ticked else '□') + m for m in _MATTERS)
    return _doc(c, f'案件处理内部审批表（{ticked}）', '案件处理内部审批表', 'form', [
        ('kv', '申请事项', boxes), ('kv', 'cause', c.cause), ('kv', 'source', c.source), ('party',),
        ('kv', '简要案情及申请理由依据和内容', reason),
        ('approve', '承办人意见', opinion, '、'.join(n for n, _ in c.officers), D(date)),
        ('approve', '承办机构负责人意见', '同意。', c.leaders[0], D(date)),
        ('approve', '单位负责人审批意见', '同意。', c.leaders[1], D(date))])


def _scan_pdf(width, height, shade):
    """A one-page PDF holding only a grey image: a scanned page with no text layer."""
    pixels = zlib.compress(bytes((shade + x // 4 + y // 4) % 256 for y in range(height) for x in range(width)))
    objs = [b'<< /Type /Catalog /Pages 2 0 R >>', b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
            b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> '
            b'/Contents 5 0 R >>',
            b'<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 '
            b'/Filter /FlateDecode /Length %d >>\nstream\n' % (width, height, len(pixels)) + pixels + b'\nendstream',
            None]
    content = b'q 595 0 0 842 0 0 cm /Im0 Do Q'
    objs[4] = b'<< /Length %d >>\nstream\n' % len(content) + content + b'\nendstream'
    out, offsets = bytearray(b'%PDF-1.4\n'), []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b'%d 0 obj\n' % i + body + b'\nendobj\n'
    xref = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1)
    out += b''.join(b'%010d 00000 n \n' % o for o in offsets)
    out += b'trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(objs) + 1, xref)
    return bytes(out)


def scanned(doc, shade):
    """The document as a scan: same name, a PDF with no text (signed receipts usually are)."""
    return dict(doc, raw=_scan_pdf(150, 212, shade), raw_ext='pdf', kind='image')


def power_of_attorney(c, agent, agent_id):
    """授权委托书 of a company for the employee who answers the questions (H24 labels)."""
    d = c.dates['inquired']
    return _doc(c, '授权委托书', '授权委托书', 'plain', [
        ('p', f'委托人：{c.party["name"]}'), ('p', f'法定代表人：{c.party.get("rep") or ""}'),
        ('p', f'受委托人姓名：{agent}　身份证件号码：{agent_id}　职务：店长'),
        ('p', f'委托事项：代表委托人接受{c.organ}的调查询问，签收有关法律文书。'),
        ('p', '代理权限：一般代理。'), ('p', '委托期限：至本案办结之日止。'),
        ('sig', [('委托人（盖章）', c.party['name'], D(d))])], internal=False)


def hearing_withdrawal(c):
    """The party's written withdrawal of its hearing request."""
    d = c.dates['hearing_withdrawn']
    return _doc(c, '撤回听证申请书', '撤回听证申请书', 'plain', [
        ('p', f'{c.organ}：'),
        ('p', f'本人（单位）于{D(c.dates["hearing_request"])}就{c.cause[:-1]}一案提出的听证申请，经考虑，现自愿撤回，放弃听证权利。'),
        ('sig', [('申请人', c.party_signer, D(d))])], internal=False)


def waiver_record(c):
    """A 陈述申辩笔录 in which the party waives: a record, but no statement was made."""
    from docs import T, _record_header
    d = c.dates['waived']
    return _doc(c, '陈述申辩笔录', '陈述申辩笔录', 'record', [
        *_record_header(c, d, (15, 0), (15, 20)), ('party',), ('officers', c.officers),
        ('kv', 'recorder', c.officers[-1][0]),
        ('p', f'执法人员出示执法证件后告知：你已收到《行政处罚事先告知书》（{c.num("罚告")}），依法享有陈述、申辩的权利，'
              '是否进行陈述、申辩？'),
        ('p', '当事人：我对告知书认定的违法事实和拟作出的处罚没有异议，我放弃陈述、申辩。'),
        ('p', '（以下空白）'),
        ('sig', [('当事人签名', c.party_signer + '（以上记录属实）', D(d)),
                 ('执法人员签名', '、'.join(n for n, _ in c.officers), D(d))])])
