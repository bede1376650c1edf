"""Calendar, identity check characters and value spellings for the variation corpus.

Working days come from ../shared/realdata/cn-holidays (the official calendar):
weekends and holidays are off, make-up workdays (调休) are working days.
"""
import datetime as dt
import json
import os

HOLIDAY_DIR = os.path.join(os.path.dirname(__file__), '..', '..', '..', '..', 'shared', 'realdata', 'cn-holidays')

_special = {}
for year in (2021, 2022, 2023, 2024, 2025):
    with open(os.path.join(HOLIDAY_DIR, f'{year}.json'), encoding='utf-8') as f:
        for day in json.load(f)['days']:
            _special[dt.date.fromisoformat(day['date'])] = day['isOffDay']


def is_workday(d):
    if d in _special:
        return not _special[d]
    return d.weekday() < 5


def add_wd(d, n):
    """The n-th working day after d (n >= 0; n == 0 gives d itself, which must be a workday)."""
    while n > 0:
        d += dt.timedelta(days=1)
        if is_workday(d):
            n -= 1
    assert is_workday(d), d
    return d


def next_wd_on_or_after(d):
    while not is_workday(d):
        d += dt.timedelta(days=1)
    return d


# --- identity numbers -------------------------------------------------------

_USCC = '0123456789ABCDEFGHJKLMNPQRTUWXY'
_USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def _org_check(code8):
    w = [3, 7, 9, 10, 5, 8, 4, 2]
    s = sum(int(c, 36) * wi for c, wi in zip(code8, w))
    c = 11 - s % 11
    return 'X' if c == 10 else '0' if c == 11 else str(c)


def uscc(prefix8, org8):
    """A GB 32100 credit code: 8 chars (registration authority, type, region) +
    an 8-char organisation code with its GB 11714 check + the GB 32100 check char."""
    body = prefix8 + org8 + _org_check(org8)
    s = sum(_USCC.index(c) * w for c, w in zip(body, _USCC_W))
    return body + _USCC[(31 - s % 31) % 31]


def resident_id(first17):
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    s = sum(int(c) * wi for c, wi in zip(first17, w))
    return first17 + '10X98765432'[s % 11]


# --- spellings ----------------------------------------------------------------

_CN_DIGIT = '〇一二三四五六七八九'
_FW = str.maketrans('0123456789', '０１２３４５６７８９')


def cn_small(n):
    """1..31 as 一 … 三十一."""
    if n < 10:
        return _CN_DIGIT[n]
    tens, ones = divmod(n, 10)
    return ('' if tens == 1 else _CN_DIGIT[tens]) + '十' + (_CN_DIGIT[ones] if ones else '')


def fmt_date(d, style):
    """A date as offices write it. style: arabic | chinese | chinese_o | fullwidth | spaced | padded | hao | iso."""
    if style in ('chinese', 'chinese_o'):
        year = ''.join(_CN_DIGIT[int(c)] for c in str(d.year))
        if style == 'chinese_o':  # the circle ○ (U+25CB) typed for zero, as in many templates
            year = year.replace('〇', '○')
        return year + '年' + cn_small(d.month) + '月' + cn_small(d.day) + '日'
    if style == 'fullwidth':
        return f'{d.year}年{d.month}月{d.day}日'.translate(_FW)
    if style == 'spaced':
        return f'{d.year}年 {d.month}月 {d.day}日'
    if style == 'hao':  # 号 for 日, as in handwritten receipts
        return f'{d.year}年{d.month}月{d.day}号'
    if style == 'padded':
        return f'{d.year}年{d.month:02d}月{d.day:02d}日'
    if style == 'iso':
        return d.isoformat()
    return f'{d.year}年{d.month}月{d.day}日'


def fmt_time(d, hm, style):
    """Date and clock time: 2024年3月5日9时05分 (style-dependent date part)."""
    h, m = hm
    return f'{fmt_date(d, style)}{h}时{m:02d}分'


_CAP = '零壹贰叁肆伍陆柒捌玖'


def _below_10000(n, digits, units):
    out, zero = '', False
    for value, name in zip((1000, 100, 10, 1), units):
        digit, n = divmod(n, value)
        if digit:
            if zero and out:
                out += digits[0]
            out += digits[digit] + name
            zero = False
        elif out:
            zero = True
    return out


def _spell(n, digits, units, wan):
    """n < 100,000,000 in Chinese numerals with the given digit and unit characters."""
    high, low = divmod(n, 10000)
    out = _below_10000(high, digits, units) + wan if high else ''
    if low:
        out += (digits[0] if high and low < 1000 else '') + _below_10000(low, digits, units)
    return out or digits[0]


def yuan_capital(n):
    """Whole yuan in capitals: 2000 → 贰仟元整, 150000 → 壹拾伍万元整."""
    return _spell(n, _CAP, ('仟', '佰', '拾', ''), '万') + '元整'


def yuan_lower(n):
    """Whole yuan in lower-case numerals: 2000 → 二千, 8500 → 八千五百, 150000 → 十五万."""
    out = _spell(n, _CN_DIGIT.replace('〇', '零'), ('千', '百', '十', ''), '万')
    return out[1:] if out.startswith('一十') else out
