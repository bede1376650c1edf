"""A minimal OFD (GB/T 33190) writer for the corpus: the text of a rendered HTML document
laid out as TextObjects, one per line or table cell, on A4 pages (no fonts embedded: the
reader sees the text as an office's OFD export carries it). An outgoing document gets an
electronic seal (GB/T 38540 shape): Signatures.xml, a Signature.xml whose SHA-256
references cover every part, and a Seal.esl naming the seal; the signed value is a
placeholder (the auditor checks digests and the seal name, not the signature)."""
import base64
import hashlib
import html
import html.parser
import io
import re
import zipfile

NS = 'http://www.ofdspec.org/2016'
SIZE, LINE, LEFT, TOP, WIDTH, BOTTOM = 3.5, 6.0, 20.0, 20.0, 170.0, 277.0


class _Rows(html.parser.HTMLParser):
    """Rows of the HTML body: a paragraph is a row of one cell, a table row a row of cells.
    A nested table's rows are flattened into the outer cell's place."""

    def __init__(self):
        super().__init__()
        self.rows, self.cells, self.text, self.depth, self.in_title = [], None, None, 0, False

    def handle_starttag(self, tag, attrs):
        if tag == 'title':
            self.in_title = True
        elif tag == 'tr':
            self.cells = []
        elif tag in ('td', 'p'):
            self.text = ''
        elif tag == 'br' and self.text is not None:
            self.text += '\n'

    def handle_endtag(self, tag):
        if tag == 'title':
            self.in_title = False
        elif tag == 'td' and self.cells is not None:
            self.cells.append(self.text or '')
            self.text = None
        elif tag == 'tr' and self.cells is not None:
            self.rows.append(self.cells)
            self.cells = None
        elif tag == 'p' and self.cells is None and self.text is not None:
            self.rows.append([self.text])
            self.text = None

    def handle_data(self, data):
        if self.text is not None and not self.in_title:
            self.text += data


def _wrap(text, width_mm):
    """Lines of at most width_mm, breaking between characters but never inside a run of ASCII
    letters and digits (a number moves to the next line whole, as a layout engine does)."""
    per_line = max(1, int(width_mm / SIZE))
    out = []
    for part in text.split('\n'):
        tokens = re.findall(r'[0-9A-Za-z]+|.', part)
        line = ''
        for tok in tokens:
            if len(line) + len(tok) > per_line and line:
                out.append(line)
                line = ''
            line += tok
        out.append(line)
    return out


def _der(tag, content):
    n = len(content)
    length = bytes([n]) if n < 128 else (lambda b: bytes([0x80 | len(b)]) + b)(n.to_bytes((n.bit_length() + 7) // 8, 'big'))
    return bytes([tag]) + length + content


def _seal_esl(name):
    """SESeal { SES_SealInfo { header, esID, property { type, name, certListType, certs, dates }, picture }, signInfo }."""
    seq = lambda *parts: _der(0x30, b''.join(parts))  # noqa: E731
    header = seq(_der(0x16, b'ES'), _der(0x02, b'\x04'), _der(0x16, b'corpus'))
    prop = seq(_der(0x02, b'\x01'), _der(0x0c, name.encode('utf-8')), _der(0x02, b'\x01'), seq(),
               _der(0x18, b'20240101000000Z'), _der(0x18, b'20291231000000Z'), _der(0x18, b'20240101000000Z'))
    picture = seq(_der(0x16, b'png'), _der(0x04, b''), _der(0x02, b'\x28'), _der(0x02, b'\x28'))
    return seq(seq(header, _der(0x16, b'44010500000000000001'), prop, picture), seq())


def ofd_bytes(page_html, seal=None, signed_at='2024-03-04 15:30:00'):
    parser = _Rows()
    parser.feed(page_html)
    pages, objects, y, next_id = [], [], TOP, 10
    for cells in parser.rows:
        # columns as wide as their text asks (auto-fit), within the text width
        weights = [max(len(c.strip()), 2) for c in cells]
        widths = [WIDTH * w / sum(weights) for w in weights]
        wrapped = [_wrap(c.strip(), w - 2) for c, w in zip(cells, widths)]
        height = max(len(w) for w in wrapped) * LINE
        if y + height > BOTTOM and objects:
            pages.append(objects)
            objects, y = [], TOP
        for col, lines in enumerate(wrapped):
            width = widths[col]
            for row, text in enumerate(lines):
                if not text:
                    continue
                x = LEFT + sum(widths[:col])
                deltas = ' '.join([f'{SIZE:g}'] * (len(text) - 1))
                objects.append(
                    f'<ofd:TextObject ID="{next_id}" Boundary="{x:.1f} {y + row * LINE:.1f} {width:.1f} {LINE:g}" '
                    f'Font="3" Size="{SIZE:g}"><ofd:TextCode X="0" Y="{SIZE:g}"'
                    + (f' DeltaX="{deltas}"' if deltas else '') + f'>{html.escape(text, quote=False)}</ofd:TextCode>'
                    '</ofd:TextObject>')
                next_id += 1
        y += height
    pages.append(objects)
    out = io.BytesIO()
    parts = {}
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
        def put(name, text):
            data = text.encode('utf-8') if isinstance(text, str) else text
            parts[name] = data
            z.writestr(zipfile.ZipInfo(name, (2024, 9, 2, 9, 0, 0)), data, zipfile.ZIP_DEFLATED)
        head = '<?xml version="1.0" encoding="UTF-8"?>\n'
        put('OFD.xml', head + f'<ofd:OFD xmlns:ofd="{NS}" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo>'
            '<ofd:DocID>00000000000000000000000000000000</ofd:DocID><ofd:CreationDate>2024-09-02</ofd:CreationDate>'
            '<ofd:Creator>case platform export</ofd:Creator></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>'
            + ('<ofd:Signatures>Doc_0/Signs/Signatures.xml</ofd:Signatures>' if seal else '') +
            '</ofd:DocBody></ofd:OFD>')
        page_refs = ''.join(f'<ofd:Page ID="{i + 1}" BaseLoc="Pages/Page_{i}/Content.xml"/>' for i in range(len(pages)))
        put('Doc_0/Document.xml', head + f'<ofd:Document xmlns:ofd="{NS}"><ofd:CommonData><ofd:PageArea>'
            '<ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes>'
            f'<ofd:MaxUnitID>{next_id}</ofd:MaxUnitID></ofd:CommonData><ofd:Pages>{page_refs}</ofd:Pages></ofd:Document>')
        put('Doc_0/PublicRes.xml', head + f'<ofd:Res xmlns:ofd="{NS}" BaseLoc="Res"><ofd:Fonts>'
            '<ofd:Font FontName="宋体" FamilyName="宋体" ID="3"/></ofd:Fonts></ofd:Res>')
        for i, objs in enumerate(pages):
            put(f'Doc_0/Pages/Page_{i}/Content.xml', head + f'<ofd:Page xmlns:ofd="{NS}"><ofd:Content>'
                f'<ofd:Layer ID="{2 + i}">' + ''.join(objs) + '</ofd:Layer></ofd:Content></ofd:Page>')
        if seal:
            refs = ''.join(
                f'<ofd:Reference FileRef="/{name}"><ofd:CheckValue>'
                f'{base64.b64encode(hashlib.sha256(data).digest()).decode()}</ofd:CheckValue></ofd:Reference>'
                for name, data in parts.items() if name != 'OFD.xml')
            put('Doc_0/Signs/Sign_0/Seal.esl', _seal_esl(seal))
            put('Doc_0/Signs/Sign_0/SignedValue.dat', b'\x30\x00')
            put('Doc_0/Signs/Sign_0/Signature.xml', head + f'<ofd:Signature xmlns:ofd="{NS}"><ofd:SignedInfo>'
                '<ofd:Provider ProviderName="corpus-seal" Company="corpus" Version="1.0"/>'
                f'<ofd:SignatureMethod>1.2.156.10197.1.501</ofd:SignatureMethod><ofd:SignatureDateTime>{signed_at}'
                '</ofd:SignatureDateTime><ofd:References CheckMethod="SHA256">' + refs + '</ofd:References>'
                f'<ofd:StampAnnot ID="{next_id + 1}" PageRef="{len(pages)}" Boundary="130 230 40 40"/>'
                '<ofd:Seal><ofd:BaseLoc>/Doc_0/Signs/Sign_0/Seal.esl</ofd:BaseLoc></ofd:Seal></ofd:SignedInfo>'
                '<ofd:SignedValue>/Doc_0/Signs/Sign_0/SignedValue.dat</ofd:SignedValue></ofd:Signature>')
            put('Doc_0/Signs/Signatures.xml', head + f'<ofd:Signatures xmlns:ofd="{NS}"><ofd:MaxSignId>1</ofd:MaxSignId>'
                '<ofd:Signature ID="1" Type="Seal" BaseLoc="/Doc_0/Signs/Sign_0/Signature.xml"/></ofd:Signatures>')
    return out.getvalue()
