// The people of a collective-discussion record (集体讨论记录, 案件会审记录,
// 会议纪要) and how they voted: meeting_host, meeting_member (votes),
// meeting_attendee (列席, 汇报人: no vote), meeting_recorder, meeting_signer,
// meeting_unsigned, meeting_opinion, meeting_vote and dissent (docs/formats/
// scope.md, "Facts"). Read only from a text whose first lines name such a
// record, so a hearing's 主持人 or a record's 记录人 is never a meeting's.
// Layouts: "label：value" lines (several on one line: "主持人：刘国平 职务：主任
// 记录人：…"), label | value table cells, a label alone on its line with the
// list on the lines below, and a 姓名 | 职务 [| 签名] table under the label.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "importers/facts_record.h"
#include "util/cn_text.h"

namespace auditor::facts {
namespace {

constexpr std::size_t kMaxLabel = 10;      // Han characters of a generic "标签：" label
constexpr std::size_t kMaxListLines = 12;  // lines below a label read as its list
constexpr std::size_t kMaxSegment = 60;    // code points of one name with its position
constexpr std::size_t kMaxVoters = 100;    // names whose opinions are looked for

enum class Role {
  host,
  member,
  attendee,
  recorder,
  signature,
  other_signature,
  recorder_signature,
  host_signature,
  position,
  other
};

struct LabelSet {
  Role role;
  std::initializer_list<Str> labels;
};

// Longest match wins, so "参加人员签名" is a signature, not a member list.
const LabelSet kLabels[] = {
    {Role::host, {U"会议主持人", U"会审主持人", U"主持人", U"主持"}},
    {Role::member,
     {U"参加人员", U"参加人", U"参会人员", U"出席人员", U"出席人", U"与会人员", U"参加讨论人员",
      U"参加会审人员", U"会审人员", U"出席会议人员", U"参加会议人员", U"讨论人员", U"参会人"}},
    {Role::attendee,
     {U"列席人员", U"列席人", U"列席", U"汇报人", U"案件汇报人", U"汇报人员", U"承办人汇报人"}},
    {Role::recorder, {U"记录人", U"记录员", U"记录"}},
    {Role::signature,
     {U"出席人员签字", U"出席人员签名", U"参会人员签名", U"参会人员签字", U"参加人员签名",
      U"参加人员签字", U"与会人员签名", U"与会人员签字", U"参加讨论人员签名", U"参加讨论人员签字",
      U"会审人员签名", U"会审人员签字", U"出席人签名", U"出席人签字", U"参会人签名", U"参会人签字",
      U"参加人签名", U"参加人签字"}},
    {Role::other_signature, {U"列席人员签字", U"列席人员签名"}},
    // "记录人签字：吴敏 2024年6月3日" names the recorder (and the host).
    {Role::recorder_signature, {U"记录人签字", U"记录人签名", U"记录员签字", U"记录员签名"}},
    {Role::host_signature, {U"主持人签字", U"主持人签名"}},
    {Role::position, {U"职务", U"职位", U"身份"}},
};

// Words after a label before its gap: 参加人员及职务：, 出席人员姓名及职务：.
constexpr std::initializer_list<Str> kTails = {U"姓名及职务", U"及职务", U"及职位",
                                               U"姓名",       U"名单",   U"(姓名及职务)",
                                               U"(职务)",     U"(签名)", U"(签字)"};

// The ends of words that name an office or a part in the meeting.
constexpr std::initializer_list<Str> kRoleWords = {
    U"主任",     U"副主任",   U"书记",   U"副书记", U"队长", U"副队长",    U"中队长",   U"科长",
    U"副科长",   U"所长",     U"部长",   U"负责人", U"委员", U"科员",      U"工作人员", U"律师",
    U"顾问",     U"法律顾问", U"主席",   U"处长",   U"局长", U"站长",      U"组长",     U"主管",
    U"专员",     U"执法员",   U"队员",   U"办事员", U"干部", U"承办人",    U"调查人员", U"成员",
    U"领导",     U"秘书",     U"股长",   U"主办",   U"协办", U"法制员",    U"审核员",   U"记录员",
    U"办案人员", U"执法人员", U"主持人", U"汇报人", U"列席", U"街道办事处"};
constexpr std::initializer_list<Str> kNotNames = {U"如下", U"同志", U"无",   U"本人",
                                                  U"全体", U"以上", U"等人", U"以下"};

constexpr std::initializer_list<Str> kUnanimous = {
    U"一致同意", U"一致认为", U"一致通过", U"一致决定",   U"全体同意", U"全票通过",
    U"均同意",   U"一致意见", U"全部同意", U"均表示同意", U"一致赞成"};
constexpr std::initializer_list<Str> kMajority = {U"多数同意",   U"多数通过",   U"少数服从多数",
                                                  U"过半数同意", U"多数人同意", U"多数赞成"};
constexpr std::initializer_list<Str> kNoDissent = {U"无不同意见", U"没有不同意见",   U"均无异议",
                                                   U"无异议",     U"未提出不同意见", U"无其他意见",
                                                   U"没有异议",   U"无反对意见"};
constexpr std::initializer_list<Str> kDissent = {
    U"持不同意见", U"保留意见", U"反对", U"不同意", U"不赞成", U"有不同意见", U"提出不同意见"};

bool is_meeting_title(Str line) {
  for (Str w : {Str(U"集体讨论"), Str(U"会审"), Str(U"讨论记录"), Str(U"会议纪要"),
                Str(U"会议记录"), Str(U"讨论笔录")})
    if (line.find(w) != npos) return true;
  return false;
}

bool is_meeting_record(const Text& t) { return has_title(t, is_meeting_title); }

bool is_name_char(char32_t c) { return cn::is_han(c) || c == U'·'; }

// The end of `label` at i when it matches with any run of spaces between its
// characters ("职    务", a form's letter-spaced label cell); npos otherwise.
std::size_t match_spaced(const Text& t, std::size_t i, Str label) {
  std::size_t j = i;
  for (std::size_t k = 0; k < label.size(); ++k) {
    if (k > 0) j = t.skip_spaces(j);
    if (t[j] != label[k]) return npos;
    ++j;
  }
  return j;
}

// A label at i: its role and the end of label and tails (npos: none).
std::pair<Role, std::size_t> label_at(const Text& t, std::size_t i) {
  Role role = Role::other;
  std::size_t end = npos;
  for (const LabelSet& set : kLabels)
    for (Str label : set.labels) {
      if (label[0] != t[i]) continue;
      const std::size_t e = match_spaced(t, i, label);
      if (e != npos && (end == npos || e > end)) {
        end = e;
        role = set.role;
      }
    }
  if (end == npos) {  // a generic label: up to 10 Han characters and a colon
    std::size_t j = i;
    while (cn::is_han(t[j]) && j - i < kMaxLabel) ++j;
    if (j > i && t[j] == U':') return {Role::other, j};
    return {Role::other, npos};
  }
  for (std::size_t e; (e = t.match_any(end, kTails)) != npos;) end = e;
  return {role, end};
}

// One "label value" field on a line: the value is [vb, ve).
struct Field {
  Role role;
  std::size_t lb, vb, ve;
};

// The labelled fields of the line [b, e): a label starts a cell, follows
// spaces or a sentence mark, and ends in a colon or its cell; its value runs
// to the next label or the cell's end, or is the next cell when the label
// fills its own cell ("主持人\t刘国平\t职务\t主任").
std::vector<Field> fields_of_line(const Text& t, std::size_t b, std::size_t e) {
  std::vector<Field> out;
  std::vector<std::pair<std::size_t, std::size_t>> cells;
  for (std::size_t c = b; c <= e;) {
    std::size_t n = c;
    while (n < e && t[n] != U'\t') ++n;
    cells.emplace_back(c, n);
    c = n + 1;
  }
  for (std::size_t k = 0; k < cells.size(); ++k) {
    auto [cb, ce] = cells[k];
    std::vector<Field> in_cell;
    const std::size_t first = t.skip_spaces(cb);
    for (std::size_t i = first; i < ce; ++i) {
      const bool starts = i == first || t[i - 1] == U' ' || t[i - 1] == U'。' || t[i - 1] == U';' ||
                          t[i - 1] == U',';
      if (!starts || !cn::is_han(t[i])) continue;
      auto [role, le] = label_at(t, i);
      if (le == npos || le > ce) continue;
      std::size_t g = t.skip_spaces(le);
      if (g < ce && t[g] != U':') continue;  // "主持人宣布…": running text
      if (!in_cell.empty()) in_cell.back().ve = i;
      in_cell.push_back({role, i, g < ce ? t.skip_label_gap(g) : ce, ce});
      i = (g < ce ? g : ce) - 1;  // the value may hold the next label
    }
    for (Field& f : in_cell) {
      while (f.ve > f.vb && (t[f.ve - 1] == U' ' || t[f.ve - 1] == U'\t')) --f.ve;
      // A label filling its cell takes the next cell when that is no label.
      if (f.vb >= f.ve && &f == &in_cell.back() && k + 1 < cells.size()) {
        auto [nb, ne] = cells[k + 1];
        const std::size_t s = t.skip_spaces(nb);
        if (s < ne && label_at(t, s).second == npos) {
          f.vb = s;
          f.ve = ne;
          ++k;
        }
      }
      out.push_back(f);
    }
  }
  return out;
}

bool ends_with_role(const Text& t, std::size_t b, std::size_t e) {
  for (Str w : kRoleWords)
    if (e - b >= w.size() && t.match(e - w.size(), w) == e) return true;
  return false;
}

bool is_role_word(const Text& t, std::size_t b, std::size_t e) {
  for (Str w : kRoleWords)
    if (t.match(b, w) == e) return true;
  return false;
}

struct Person {
  std::size_t nb, ne, rb = 0, re = 0;  // name and role (rb == re: none)
};

bool name_ok(const Text& t, std::size_t b, std::size_t e) {
  if (e - b < 2 || e - b > 4) return false;
  for (std::size_t k = b; k < e; ++k)
    if (!is_name_char(t[k])) return false;
  if (is_role_word(t, b, e)) return false;
  for (Str w : kNotNames)
    if (t.match(b, w) != npos) return false;
  return true;
}

// One segment of a list: "刘国平", "刘国平(街道办事处主任)", "刘国平 主任",
// "街道办事处主任刘国平"; nothing when it holds no name.
void read_segment(const Text& t, std::size_t b, std::size_t e, std::vector<Person>& out) {
  while (b < e && (t[b] == U' ' || t[b] == U'\t')) ++b;
  while (e > b && (t[e - 1] == U' ' || t[e - 1] == U'\t' || t[e - 1] == U'。')) --e;
  if (b >= e || e - b > kMaxSegment) return;  // no name with its position is this long
  // "刘国平(主任)": the name, then its role in brackets.
  std::size_t open = b;
  while (open < e && t[open] != U'(') ++open;
  std::size_t head_end = open;
  while (head_end > b && t[head_end - 1] == U' ') --head_end;
  // Tokens of the head separated by spaces.
  std::vector<std::pair<std::size_t, std::size_t>> tokens;
  for (std::size_t i = b; i < head_end;) {
    std::size_t j = i;
    while (j < head_end && t[j] != U' ') ++j;
    tokens.emplace_back(i, j);
    i = t.skip_spaces(j);
  }
  if (tokens.empty()) return;
  std::size_t rb = 0, re = 0;
  if (open < e) {
    std::size_t close = open + 1;
    while (close < e && t[close] != U')') ++close;
    rb = t.skip_spaces(open + 1);
    re = close;
  }
  auto [fb, fe] = tokens.front();
  if (fe - fb >= 2 && name_ok(t, fb, fe)) {
    bool all_names = tokens.size() > 1;
    for (auto [tb, te] : tokens) all_names = all_names && name_ok(t, tb, te);
    if (all_names && rb == re) {  // "刘国平 李明 周美玲"
      for (auto [tb, te] : tokens) out.push_back({tb, te});
      return;
    }
    if (tokens.size() > 1 && rb == re) {  // "刘国平 街道办事处主任"
      rb = tokens[1].first;
      re = tokens.back().second;
    }
    out.push_back({fb, fe, rb, re});
    return;
  }
  // "街道办事处主任刘国平": a role word, then the name.
  if (tokens.size() == 1)
    for (std::size_t k = fb + 2; k + 2 <= fe; ++k)
      if (ends_with_role(t, fb, k) && name_ok(t, k, fe)) {
        out.push_back({k, fe, rb != re ? rb : fb, rb != re ? re : k});
        return;
      }
}

// The people listed in [b, e): segments split at 、 , ; tabs and line ends
// (not inside brackets: a PDF wraps "周美玲（执法" / "队长）") and at "等"
// ("刘国平等5人").
std::vector<Person> read_people(const Text& t, std::size_t b, std::size_t e) {
  std::vector<Person> out;
  int depth = 0;
  std::size_t start = b;
  for (std::size_t i = b; i <= e; ++i) {
    const char32_t c = i < e ? t[i] : U'、';
    if (c == U'(') ++depth;
    if (c == U')' && depth > 0) --depth;
    const bool split =
        c == U'、' || c == U',' || c == U';' || c == U'\t' || c == U'\n' || c == U'等';
    if (i == e || (depth == 0 && split)) {
      read_segment(t, start, i, out);
      if (c == U'等') break;
      start = i + 1;
    }
  }
  return out;
}

// The end of a list value [b, e) that a narrow cell wrapped onto the lines
// below ("周美玲（执法" / "队长）、张伟（执法队员）"): while a bracket is
// open or the value ends in a separator at its line's end, the next line
// (when it starts no field) continues it.
bool starts_field(const Text& t, std::size_t lb);
std::size_t wrapped_end(const Text& t, std::size_t b, std::size_t e) {
  for (std::size_t n = 0; n < kMaxListLines && e == t.line_end(e) && e < t.size(); ++n) {
    int depth = 0;
    for (std::size_t i = b; i < e; ++i) depth += t[i] == U'(' ? 1 : t[i] == U')' ? -1 : 0;
    const char32_t last = e > b ? t[e - 1] : 0;
    if (depth <= 0 && last != U'、' && last != U',') break;
    const std::size_t next = e + 1;
    if (next >= t.size() || starts_field(t, next)) break;
    e = t.line_end(next);
  }
  return e;
}

// A line that starts with a label ("结论意见：", "记录人："), or is empty.
bool starts_field(const Text& t, std::size_t lb) {
  const std::size_t s = t.skip_spaces(lb);
  if (s >= t.line_end(lb)) return true;
  auto [role, le] = label_at(t, s);
  if (le == npos) return false;
  const std::size_t g = t.skip_spaces(le);
  return t[g] == U':' || t[g] == U'\t' || g >= t.line_end(lb);
}

// A 姓名 | 职务 [| 签名] table starting at the line lb (its header row): its
// rows as people, and the signature cells (blank or a name).
struct TableRows {
  std::vector<Person> people;
  std::vector<std::pair<std::size_t, std::size_t>> signed_cells;  // non-empty 签名 cells
  std::vector<std::size_t> unsigned_rows;                         // rows with an empty 签名 cell
  bool found = false;
};
TableRows name_table(const Text& t, std::size_t lb) {
  TableRows out;
  std::vector<std::pair<std::size_t, std::size_t>> head;
  const std::size_t le = t.line_end(lb);
  for (std::size_t c = lb; c <= le;) {
    std::size_t n = c;
    while (n < le && t[n] != U'\t') ++n;
    head.emplace_back(t.skip_spaces(c), n);
    c = n + 1;
  }
  std::size_t name_col = npos, role_col = npos, sign_col = npos;
  for (std::size_t k = 0; k < head.size(); ++k) {
    auto [cb, ce] = head[k];
    if (t.match_any(cb, {U"姓名"}) != npos) name_col = k;
    if (t.match_any(cb, {U"职务", U"职位", U"单位及职务", U"身份"}) != npos) role_col = k;
    if (t.match_any(cb, {U"签名", U"签字", U"本人签名", U"本人签字"}) != npos) sign_col = k;
  }
  if (name_col == npos || role_col == npos) return out;
  out.found = true;
  for (std::size_t r = le + 1; r < t.size(); r = t.line_end(r) + 1) {
    std::vector<std::pair<std::size_t, std::size_t>> row;
    const std::size_t re = t.line_end(r);
    for (std::size_t c = r; c <= re;) {
      std::size_t n = c;
      while (n < re && t[n] != U'\t') ++n;
      std::size_t s = t.skip_spaces(c), f = n;
      while (f > s && t[f - 1] == U' ') --f;
      row.emplace_back(s, f);
      c = n + 1;
    }
    if (row.size() <= std::max(name_col, role_col)) break;
    auto [nb, ne] = row[name_col];
    if (!name_ok(t, nb, ne)) break;
    out.people.push_back({nb, ne, row[role_col].first, row[role_col].second});
    if (sign_col != npos && sign_col < row.size()) {
      auto [sb, se] = row[sign_col];
      if (sb < se)
        out.signed_cells.emplace_back(sb, se);
      else
        out.unsigned_rows.push_back(nb);
    }
  }
  return out;
}

const char* kind_of(Role r) {
  switch (r) {
    case Role::host:
      return "meeting_host";
    case Role::member:
      return "meeting_member";
    case Role::attendee:
      return "meeting_attendee";
    default:
      return "";
  }
}

void add_person(const Text& t, const Person& p, Role role, FoundOnce& out) {
  if (role == Role::recorder) {
    out.add(p.nb, p.ne, "meeting_recorder", t.original(p.nb, p.ne));
    return;
  }
  out.add(p.nb, std::max(p.ne, p.re), kind_of(role),
          t.original(p.nb, p.ne) + "|" + (p.rb < p.re ? t.original(p.rb, p.re) : ""));
}

// The names in a signature field; a field holding no name (blank, or only a
// date blank "年 月 日") is meeting_unsigned.
void read_signatures(const Text& t, const Field& f, FoundOnce& out) {
  std::size_t e = f.ve;
  // A date after the names ("刘国平、李明 2024年3月5日") is not a name.
  for (std::size_t k = f.vb; k < e; ++k)
    if (cn::is_digit(t[k]) || t[k] == U'年') {
      e = k;
      break;
    }
  std::vector<Person> names = read_people(t, f.vb, e);
  for (std::size_t k = f.vb; k < e; ++k)
    if (t[k] == U' ') {  // "刘国平 李明": spaces separate names here
      std::vector<Person> spaced;
      for (std::size_t i = f.vb; i < e;) {
        std::size_t j = i;
        while (j < e && t[j] != U' ' && t[j] != U'、' && t[j] != U',') ++j;
        if (name_ok(t, i, j)) spaced.push_back({i, j});
        i = j + 1;
      }
      if (spaced.size() > names.size()) names = spaced;
      break;
    }
  if (names.empty()) {
    out.add(f.lb, std::max(f.ve, f.lb + 1), "meeting_unsigned", "true");
    return;
  }
  for (const Person& p : names) out.add(p.nb, p.ne, "meeting_signer", t.original(p.nb, p.ne));
}

// What the record says of the vote: unanimity or a majority, and dissent
// (stated as none, or recorded). "无不同意见" is no dissent, never "不同意".
void read_vote(const Text& t, FoundOnce& out) {
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (std::size_t e = t.match_any(i, kNoDissent); e != npos) {
      out.add(i, e, "dissent", "none");
      i = e - 1;
      continue;
    }
    if (std::size_t e = t.match_any(i, kUnanimous); e != npos) {
      out.add(i, e, "meeting_vote", "unanimous");
      i = e - 1;
      continue;
    }
    if (std::size_t e = t.match_any(i, kMajority); e != npos) {
      out.add(i, e, "meeting_vote", "majority");
      i = e - 1;
      continue;
    }
    // "不同意见：无" / "不同意见：周美玲认为…": the field's value decides.
    if (std::size_t e = t.match_any(i, {U"不同意见", U"不同意见及理由", U"反对意见"});
        e != npos && (t[t.skip_spaces(e)] == U':' || t[e] == U'\t')) {
      const std::size_t v = t.skip_label_gap(t.skip_spaces(e));
      std::size_t ve = v;
      while (ve < t.size() && t[ve] != U'\n' && t[ve] != U'\t') ++ve;
      const bool none = v >= ve || t.match_any(v, {U"无", U"没有", U"/"}) != npos;
      if (v < ve) out.add(i, ve, "dissent", none ? "none" : "recorded");
      i = ve;
      continue;
    }
    if (std::size_t e = t.match_any(i, kDissent); e != npos) {
      // Not "不同意见" (a heading) nor an agreement with a negated object.
      if (t[e] == U'见' || t.match(e, U"意见") == e + 2) {
        i = e - 1;
        continue;
      }
      out.add(i, e, "dissent", "recorded");
      i = e - 1;
    }
  }
}

// Opinions given by name: "刘国平：同意…", "李明认为…", "周美玲表示同意".
void read_opinions(const Text& t, const std::vector<std::u32string>& members, FoundOnce& out) {
  for (std::size_t b = 0; b < t.size(); b = t.line_end(b) + 1) {
    const std::size_t e = t.line_end(b);
    char32_t before = U'\n';  // the last mark before i that is not a space
    for (std::size_t i = b; i < e; before = t[i] == U' ' ? before : t[i], ++i) {
      if (before != U'\n' && before != U'。' && before != U';' && before != U'\t') continue;
      for (const std::u32string& name : members) {
        const std::size_t ne = t.match(i, name);
        if (ne == npos) continue;
        if (t[ne] == U':' ||
            t.match_any(ne, {U"认为", U"表示", U"同意", U"发言", U"提出"}) != npos) {
          out.add(i, ne, "meeting_opinion", t.original(i, ne));
          break;
        }
      }
    }
  }
}

}  // namespace

void extract_meeting(const Text& t, Sink& sink) {
  FoundOnce out;
  if (!is_meeting_record(t)) return;
  std::vector<std::u32string> members;
  for (std::size_t b = 0; b < t.size(); b = t.line_end(b) + 1) {
    const std::size_t e = t.line_end(b);
    std::vector<Field> fields = fields_of_line(t, b, e);
    for (std::size_t k = 0; k < fields.size(); ++k) {
      const Field& f = fields[k];
      if (f.role == Role::signature) {
        read_signatures(t, f, out);
        continue;
      }
      if (f.role == Role::recorder_signature || f.role == Role::host_signature) {
        std::size_t ve = f.vb;  // the name before the date
        while (ve < f.ve && !cn::is_digit(t[ve]) && t[ve] != U'年') ++ve;
        for (const Person& p : read_people(t, f.vb, ve))
          add_person(t, p, f.role == Role::recorder_signature ? Role::recorder : Role::host, out);
        continue;
      }
      if (f.role != Role::host && f.role != Role::member && f.role != Role::attendee &&
          f.role != Role::recorder)
        continue;
      std::vector<Person> people = read_people(t, f.vb, wrapped_end(t, f.vb, f.ve));
      if (people.empty() && f.vb >= f.ve && k + 1 == fields.size() && f.role != Role::host &&
          f.role != Role::recorder) {
        // The list below the label: a 姓名 | 职务 table, or lines of names.
        std::size_t next = e + 1;
        if (next < t.size()) {
          TableRows table = name_table(t, next);
          if (table.found) {
            people = table.people;
            for (auto [sb, se] : table.signed_cells)
              out.add(sb, se, "meeting_signer", t.original(sb, se));
            for (std::size_t nb : table.unsigned_rows)
              out.add(nb, nb + 1, "meeting_unsigned", "true");
          } else {
            std::size_t end = next;
            for (std::size_t n = 0; end < t.size() && n < kMaxListLines && !starts_field(t, end);
                 ++n)
              end = t.line_end(end) + 1;
            if (end > next) people = read_people(t, next, end - 1);
          }
        }
      }
      // "主持人：刘国平 职务：主任": the position field that follows.
      if (people.size() == 1 && people[0].rb == people[0].re && k + 1 < fields.size() &&
          fields[k + 1].role == Role::position && fields[k + 1].vb < fields[k + 1].ve) {
        people[0].rb = fields[k + 1].vb;
        people[0].re = fields[k + 1].ve;
      }
      for (const Person& p : people) {
        add_person(t, p, f.role, out);
        const std::u32string name(t.str().substr(p.nb, p.ne - p.nb));
        if ((f.role == Role::member || f.role == Role::host) && members.size() < kMaxVoters &&
            std::find(members.begin(), members.end(), name) == members.end())
          members.push_back(name);
      }
    }
  }
  read_vote(t, out);
  read_opinions(t, members, out);
  out.flush(sink);
}

}  // namespace auditor::facts
