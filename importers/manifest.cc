#include "importers/manifest.h"

#include <pugixml.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>

namespace auditor {
namespace {

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// A non-negative integer written with digits only.
std::optional<int> parse_int(std::string_view s) {
  int v = 0;
  if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string_view::npos)
    return std::nullopt;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

// yyyy-mm-dd naming a real calendar day.
bool is_iso_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  const auto y = parse_int(s.substr(0, 4)), m = parse_int(s.substr(5, 2)),
             d = parse_int(s.substr(8, 2));
  if (!y || !m || !d || *m < 1 || *m > 12 || *d < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return *d <= kDays[*m - 1] + (*m == 2 && is_leap(*y) ? 1 : 0);
}

// A plain decimal amount: digits with an optional fractional part.
std::optional<double> parse_amount(std::string_view s) {
  const std::size_t dot = s.find('.');
  const std::string_view whole = s.substr(0, dot);
  const std::string_view frac = dot == std::string_view::npos ? "" : s.substr(dot + 1);
  const auto digits = [](std::string_view p) {
    return p.find_first_not_of("0123456789") == std::string_view::npos;
  };
  if (whole.empty() || !digits(whole) || !digits(frac) ||
      (dot != std::string_view::npos && frac.empty()))
    return std::nullopt;
  double v = 0;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc() || !std::isfinite(v)) return std::nullopt;
  return v;
}

class Reader {
 public:
  explicit Reader(std::string_view xml) : xml_(xml) {}

  Result<Manifest> read();

 private:
  int line_of(std::ptrdiff_t offset) const {
    if (offset < 0) return 0;
    const std::size_t end = std::min<std::size_t>(offset, xml_.size());
    return 1 + static_cast<int>(std::count(xml_.begin(), xml_.begin() + end, '\n'));
  }
  Error fail(const pugi::xml_node& n, const std::string& what) const {
    const int line = line_of(n.offset_debug());
    return Error{"卷内清单（manifest.xml）" +
                 (line > 0 ? "第" + std::to_string(line) + "行" : std::string()) + "：" + what};
  }
  // The attribute's value; empty or absent gives nullopt.
  static Text attr(const pugi::xml_node& n, const char* name) {
    const char* v = n.attribute(name).value();
    if (*v == '\0') return std::nullopt;
    return std::string(v);
  }
  std::optional<Error> read_case(const pugi::xml_node& n, CaseInfo& info) const;
  std::optional<Error> read_document(const pugi::xml_node& n, ManifestDocument& d) const;

  std::string_view xml_;
};

std::optional<Error> Reader::read_case(const pugi::xml_node& n, CaseInfo& info) const {
  info.case_number = attr(n, "number");
  info.street = attr(n, "street");
  info.party = attr(n, "party");
  info.party_id = attr(n, "party-id");
  info.procedure = attr(n, "procedure");
  static const std::string kProcedures[] = {"general",   "simple",      "no_penalty",
                                            "withdrawn", "transferred", "reconsideration",
                                            "litigation"};
  if (info.procedure && std::find(std::begin(kProcedures), std::end(kProcedures),
                                  *info.procedure) == std::end(kProcedures))
    return fail(n,
                "procedure 属性只能是 general、simple、no_penalty、withdrawn、transferred、"
                "reconsideration 或 litigation，实际为“" +
                    *info.procedure + "”");
  if (const Text fine = attr(n, "fine")) {
    info.fine = parse_amount(*fine);
    if (!info.fine) return fail(n, "fine 属性应为不小于 0 的金额（元），实际为“" + *fine + "”");
  }
  for (const pugi::xml_node& dates : n.children("dates")) {
    for (const pugi::xml_attribute& a : dates.attributes()) {
      if (!is_iso_date(a.value()))
        return fail(dates, std::string("日期 ") + a.name() + "=“" + a.value() +
                               "” 不是有效的 yyyy-mm-dd 日期");
      info.dates[a.name()] = a.value();
    }
  }
  for (const pugi::xml_node& flag : n.children("flag")) {
    const Text name = attr(flag, "name");
    const std::string value = flag.attribute("value").value();
    if (!name) return fail(flag, "<flag> 缺少 name 属性");
    if (value != "true" && value != "false")
      return fail(flag, "条件 " + *name + " 的 value 只能是 true 或 false，实际为“" + value + "”");
    info.flags[*name] = value;
  }
  return std::nullopt;
}

std::optional<Error> Reader::read_document(const pugi::xml_node& n, ManifestDocument& d) const {
  const Text member = attr(n, "member");
  if (!member) return fail(n, "<document> 缺少 member 属性（文件在压缩包中的路径）");
  d.member = *member;
  d.type = attr(n, "type");
  d.number = attr(n, "number");
  d.seal = attr(n, "seal");
  if (const Text stage = attr(n, "stage")) {
    d.stage = parse_int(*stage);
    if (!d.stage || *d.stage < 1 || *d.stage > 8)
      return fail(n, "stage 属性应为 1 到 8 的整数，实际为“" + *stage + "”");
  }
  if (const Text pages = attr(n, "pages")) {
    d.pages = parse_int(*pages);
    if (!d.pages || *d.pages < 1) return fail(n, "pages 属性应为正整数，实际为“" + *pages + "”");
  }
  d.date = attr(n, "date");
  if (d.date && !is_iso_date(*d.date))
    return fail(n, "date 属性“" + *d.date + "”不是有效的 yyyy-mm-dd 日期");
  return std::nullopt;
}

Result<Manifest> Reader::read() {
  pugi::xml_document doc;
  const pugi::xml_parse_result r =
      doc.load_buffer(xml_.data(), xml_.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!r) {
    return Error{"卷内清单（manifest.xml）第" + std::to_string(line_of(r.offset)) +
                 "行：XML 格式错误（" + r.description() + "）"};
  }
  const pugi::xml_node root = doc.document_element();
  if (std::string_view(root.name()) != "case-file")
    return fail(root, "根元素应为 <case-file>，实际为 <" + std::string(root.name()) + ">");
  const std::string version = root.attribute("version").value();
  if (version != "1")
    return fail(root, "不支持的清单版本“" + version + "”，本工具读取 version=\"1\"");

  Manifest m;
  const pugi::xml_node case_node = root.child("case");
  if (!case_node) return fail(root, "缺少 <case> 元素");
  if (case_node.next_sibling("case"))
    return fail(case_node.next_sibling("case"), "<case> 元素重复");
  if (auto e = read_case(case_node, m.info)) return *e;

  std::set<std::string> members;
  for (const pugi::xml_node& docs : root.children("documents")) {
    for (const pugi::xml_node& n : docs.children("document")) {
      ManifestDocument d;
      if (auto e = read_document(n, d)) return *e;
      if (!members.insert(d.member).second)
        return fail(n, "文件“" + d.member + "”在清单中重复列出");
      m.documents.push_back(std::move(d));
    }
  }
  return m;
}

}  // namespace

Result<Manifest> parse_manifest(std::string_view xml) { return Reader(xml).read(); }

}  // namespace auditor
