#include "auditor/provision_table.h"

#include <algorithm>

#include "auditor/provision_table_xml.h"
#include "util/cn_text.h"
#include "util/utf8.h"

namespace auditor {
namespace {

using checklist_xml::DataFile;

// "51", "五十一", "５１" → 51; 0 when unreadable.
int numeral(std::u32string_view s) {
  std::u32string digits;
  for (char32_t c : s) digits += (c >= U'０' && c <= U'９') ? c - U'０' + U'0' : c;
  if (digits.empty()) return 0;
  if (std::all_of(digits.begin(), digits.end(), [](char32_t c) { return c >= U'0' && c <= U'9'; }))
    return digits.size() > 4 ? 0 : std::stoi(to_utf8(digits));
  const std::optional<std::int64_t> v = cn::parse_cn_integer(digits);
  return v && *v > 0 && *v < 10000 ? static_cast<int>(*v) : 0;
}

// The numeral between 第 (at `from` or after) and `unit`, its end in `next`.
int level(std::u32string_view s, std::size_t& at, char32_t unit) {
  if (at >= s.size() || s[at] != U'第') return 0;
  const std::size_t end = s.find(unit, at);
  if (end == std::u32string_view::npos) return 0;
  std::u32string_view inner = s.substr(at + 1, end - at - 1);
  while (!inner.empty() && (inner.front() == U'（' || inner.front() == U'('))
    inner.remove_prefix(1);
  while (!inner.empty() && (inner.back() == U'）' || inner.back() == U')')) inner.remove_suffix(1);
  const int v = numeral(inner);
  if (v > 0) at = end + 1;
  return v;
}

std::string date_text(const std::optional<Date>& d) { return d ? d->iso() : std::string(); }

bool covers(const std::optional<Date>& from, const std::optional<Date>& until, Date day) {
  return (!from || *from <= day) && (!until || day < *until);
}

Status parse_law(const DataFile& f, const pugi::xml_node& n, KnownLaw& law) {
  if (Status s = f.shape(n, {"name", "aliases", "judged", "example"}, {"version", "article"});
      !s.ok())
    return s;
  if (Status s = f.text_attr(n, "name", law.name); !s.ok()) return s;
  law.source = f.where(n);
  law.keys.push_back(law_key(law.name));
  for (const std::string& a : substance_xml::list_attr(n, "aliases"))
    law.keys.push_back(law_key(a));
  law.judged = n.attribute("judged").as_string("violation");
  if (law.judged != "violation" && law.judged != "decision")
    return f.fail(n, "judged 须为 violation 或 decision，实为“" + law.judged + "”");
  law.example = n.attribute("example").as_bool(false);
  for (const pugi::xml_node& c : n.children()) {
    if (c.type() != pugi::node_element) continue;
    if (std::string(c.name()) == "version") {
      LawVersion v;
      v.source = f.where(c);
      if (Status s = f.shape(c, {"from", "until", "articles", "note"}, {}); !s.ok()) return s;
      if (Status s = substance_xml::date_attr(f, c, "from", v.from); !s.ok()) return s;
      if (Status s = substance_xml::date_attr(f, c, "until", v.until); !s.ok()) return s;
      if (Status s = substance_xml::count_attr(f, c, "articles", v.articles); !s.ok()) return s;
      if (v.from && v.until && *v.until <= *v.from) return f.fail(c, "until 须晚于 from");
      v.note = c.attribute("note").value();
      for (const LawVersion& o : law.versions)
        if ((!o.until || !v.from || *v.from < *o.until) &&
            (!v.until || !o.from || *o.from < *v.until))
          return f.fail(c, "与 " + o.source + " 的版本施行期间重叠");
      law.versions.push_back(v);
    } else {
      ArticleSpan a;
      a.source = f.where(c);
      if (Status s = f.shape(c, {"number", "from", "until", "key"}, {}); !s.ok()) return s;
      if (Status s = f.int_attr(c, "number", a.number); !s.ok()) return s;
      if (a.number < 1) return f.fail(c, "number 须为正整数");
      if (Status s = substance_xml::date_attr(f, c, "from", a.from); !s.ok()) return s;
      if (Status s = substance_xml::date_attr(f, c, "until", a.until); !s.ok()) return s;
      if (!a.from && !a.until) return f.fail(c, "<article> 须写明 from 或 until");
      if (a.from && a.until && *a.until <= *a.from) return f.fail(c, "until 须晚于 from");
      a.key = c.attribute("key").value();
      law.articles.push_back(a);
    }
  }
  if (law.versions.empty()) return f.fail(n, "<law> 至少须有一个 <version>");
  return Status::success();
}

}  // namespace

std::string law_key(std::string_view name) {
  std::u32string s = decode_utf8(name), out;
  int depth = 0;
  for (char32_t c : s) {
    if (c == U'（' || c == U'(') ++depth;
    if (depth == 0 && c != U'《' && c != U'》' && c != U' ' && c != U'\t' && c != U'\u3000')
      out += c;
    if ((c == U'）' || c == U')') && depth > 0) --depth;
  }
  const std::u32string prc = U"中华人民共和国";
  if (out.size() > prc.size() && out.compare(0, prc.size(), prc) == 0) out.erase(0, prc.size());
  return to_utf8(out);
}

std::optional<Citation> parse_citation(std::string_view provision) {
  const std::u32string s = decode_utf8(provision);
  const std::size_t close = s.find(U'》');
  if (s.empty() || s[0] != U'《' || close == std::u32string::npos) return std::nullopt;
  Citation c;
  c.written = std::string(provision);
  c.law = law_key(to_utf8(std::u32string_view(s).substr(0, close + 1)));
  std::size_t at = close + 1;
  c.article = level(s, at, U'条');
  if (c.article == 0) return std::nullopt;
  c.paragraph = level(s, at, U'款');
  c.item = level(s, at, U'项');
  return c;
}

std::string citation_text(const Citation& c) {
  std::string out = "第" + std::to_string(c.article) + "条";
  if (c.paragraph) out += "第" + std::to_string(c.paragraph) + "款";
  if (c.item) out += "第（" + std::to_string(c.item) + "）项";
  return out;
}

const KnownLaw* ProvisionTable::law(std::string_view key) const {
  for (const KnownLaw& l : laws)
    if (std::find(l.keys.begin(), l.keys.end(), key) != l.keys.end()) return &l;
  return nullptr;
}

std::string not_in_force(const KnownLaw& law, const Citation& c, Date day) {
  const LawVersion* v = nullptr;
  for (const LawVersion& x : law.versions)
    if (covers(x.from, x.until, day)) v = &x;
  const std::string on = day.iso();
  if (!v) {
    std::optional<Date> first, last;
    bool open_end = false;
    for (const LawVersion& x : law.versions) {
      if (x.from && (!first || *x.from < *first)) first = x.from;
      if (!x.until) open_end = true;
      if (x.until && (!last || *last < *x.until)) last = x.until;
    }
    if (first && day < *first)
      return "《" + law.name + "》自 " + first->iso() + " 起施行，" + on + " 尚未施行";
    if (!open_end && last && !(day < *last))
      return "《" + law.name + "》已于 " + last->iso() + " 失效，" + on + " 不再施行";
    return "《" + law.name + "》在 " + on + " 无施行的版本（见条文表）";
  }
  const std::string version = v->note.empty() ? "" : "（" + v->note + "）";
  if (v->articles > 0 && c.article > v->articles)
    return "《" + law.name + "》" + version + "共 " + std::to_string(v->articles) + " 条，" + on +
           " 施行的文本中没有第" + std::to_string(c.article) + "条";
  bool listed = false;
  for (const ArticleSpan& a : law.articles) {
    if (a.number != c.article) continue;
    listed = true;
    if (covers(a.from, a.until, day)) return {};
  }
  if (!listed) return {};
  std::string spans;
  for (const ArticleSpan& a : law.articles)
    if (a.number == c.article)
      spans += (spans.empty() ? "" : "；") +
               (a.key.empty() ? std::string("该条") : "“" + a.key + "”") + "施行于 " +
               (a.from ? date_text(a.from) : "此前") + " 至 " +
               (a.until ? date_text(a.until) : "今");
  return "《" + law.name + "》第" + std::to_string(c.article) + "条在 " + on + " 不在施行期间（" +
         spans + "）";
}

Result<ProvisionTable> load_provision_table(const std::filesystem::path& file) {
  DataFile f;
  ProvisionTable t;
  t.file = file.string();
  if (Status s = substance_xml::read(file, "provisions", f, t.sha256); !s.ok())
    return Error{s.reason};
  const pugi::xml_node root = f.root();
  if (Status s = f.shape(root, {"id", "version", "name"}, {"law"}); !s.ok()) return Error{s.reason};
  for (const char* a : {"id", "version", "name"})
    if (Status s = f.text_attr(root, a,
                               a[0] == 'i'   ? t.id
                               : a[0] == 'v' ? t.version
                                             : t.name);
        !s.ok())
      return Error{s.reason};
  for (const pugi::xml_node& n : root.children("law")) {
    KnownLaw law;
    if (Status s = parse_law(f, n, law); !s.ok()) return Error{s.reason};
    for (const std::string& k : law.keys)
      if (const KnownLaw* dup = t.law(k))
        return Error{f.where(n) + ": 法律名称“" + k + "”已在 " + dup->source + " 列出"};
    t.laws.push_back(std::move(law));
  }
  return t;
}

std::shared_ptr<const ProvisionTable> provision_table_at(const std::string& path,
                                                         const std::string& sha256) {
  return substance_xml::cached<ProvisionTable>(path, sha256, load_provision_table);
}

}  // namespace auditor
