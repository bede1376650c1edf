// Shared by the substance kinds: params, the decisions they read, and the
// tables' loading by kind.
#include "auditor/discretion_rules.h"

#include <set>
#include <sstream>

#include "auditor/conditions.h"

#include "auditor/discretion.h"
#include "auditor/kind_helpers.h"
#include "auditor/provision_table.h"
#include "auditor/remedy.h"

namespace auditor {

bool is_substance_kind(const std::string& kind) {
  return kind == "discretion" || kind == "provision_table" || kind == "remedy";
}

std::string load_substance_table(const std::string& kind, const std::string& path,
                                 std::string& sha256) {
  if (kind == "discretion") {
    Result<DiscretionTable> t = load_discretion(path);
    if (!t) return t.error();
    sha256 = t->sha256;
  } else if (kind == "provision_table") {
    Result<ProvisionTable> t = load_provision_table(path);
    if (!t) return t.error();
    sha256 = t->sha256;
  } else {
    Result<RemedyTable> t = load_remedy(path);
    if (!t) return t.error();
    sha256 = t->sha256;
  }
  return {};
}

namespace {

std::string yuan_range(const std::optional<double>& min, const std::optional<double>& max) {
  return (min ? yuan_text(*min) : std::string("0")) + "—" + (max ? yuan_text(*max) : "") + " 元";
}

void list_discretion(const DiscretionTable& t, std::ostringstream& out) {
  out << "裁量基准：" << (t.files.empty() ? "" : t.files.front())
      << (t.files.size() > 1 ? " 等 " + std::to_string(t.files.size()) + " 个文件" : "")
      << "，条款 " << t.entries.size() << " 条\n";
  for (const DiscretionEntry& e : t.entries) {
    Citation c;
    c.article = e.article;
    c.paragraph = e.paragraph;
    c.item = e.item;
    out << "  " << e.id << "：《" << e.law_written << "》" << citation_text(c) << " " << e.name
        << (e.example ? "（示例）" : "") << "\n    法定幅度 " << yuan_range(e.min, e.max);
    for (const DiscretionBand& b : e.bands) {
      out << "；" << b.name << " " << yuan_range(b.min, b.max);
      const std::string period = b.within_months % 12 == 0
                                     ? std::to_string(b.within_months / 12) + "年"
                                     : std::to_string(b.within_months) + "个月";
      if (b.repeat == "first") out << "（首次违法：" << period << "内无前案）";
      if (b.repeat == "repeat") out << "（含" << period << "内再次违法）";
    }
    out << "\n";
  }
}

void list_provisions(const ProvisionTable& t, std::ostringstream& out) {
  out << "条文版本表：" << t.name << "（" << t.id << " " << t.version << "），法律 "
      << t.laws.size() << " 部\n";
  for (const KnownLaw& l : t.laws) {
    out << "  《" << l.name << "》" << (l.example ? "（示例）" : "")
        << (l.judged == "decision" ? "（按决定日期判断）" : "") << "\n";
    for (const LawVersion& v : l.versions)
      out << "    " << (v.from ? v.from->iso() : "") << " 至 " << (v.until ? v.until->iso() : "今")
          << (v.articles ? "，共 " + std::to_string(v.articles) + " 条" : "")
          << (v.note.empty() ? "" : "，" + v.note) << "\n";
    for (const ArticleSpan& a : l.articles)
      out << "    第" << a.number << "条 " << (a.from ? a.from->iso() : "") << " 至 "
          << (a.until ? a.until->iso() : "今") << (a.key.empty() ? "" : "：" + a.key) << "\n";
  }
}

void list_remedy(const RemedyTable& t, std::ostringstream& out) {
  out << "救济途径表：" << t.name << "（" << t.id << " " << t.version << "）\n  行政复议："
      << t.review_bodies.front() << "，" << t.review_days << " 日；行政诉讼：" << t.courts.front()
      << "，" << t.litigation_months << " 个月\n";
}

}  // namespace

std::string substance_tables_listing(const Checklist& checklist) {
  std::ostringstream out;
  std::set<std::string> seen;
  for (const Rule& r : checklist.rules) {
    if (!is_substance_kind(r.kind)) continue;
    const std::string path = rule_param(r, "table"), sha = rule_param(r, "table_sha256");
    if (sha.empty()) {
      out << "\n规则 " << r.id << " 的数据表未加载：" << path << "\n";
      continue;
    }
    if (!seen.insert(path).second) continue;
    out << "\n";
    if (r.kind == "discretion") {
      if (auto t = discretion_table_at(path, sha)) list_discretion(*t, out);
    } else if (r.kind == "provision_table") {
      if (auto t = provision_table_at(path, sha)) list_provisions(*t, out);
    } else if (auto t = remedy_table_at(path, sha)) {
      list_remedy(*t, out);
    }
  }
  return out.str();
}

namespace substance {

std::string validate(const Rule& r, const Checklist& cl,
                     std::initializer_list<std::string_view> checks) {
  if (std::string bad = check_param_names(r, {"table", "table_sha256", "documents", "check"});
      !bad.empty())
    return bad;
  if (rule_param(r, "table").empty())
    return "须有参数 table（数据表文件或目录，相对于检查清单目录）";
  const std::string check = rule_param(r, "check");
  if (checks.size() > 0) {
    bool ok = false;
    for (std::string_view c : checks) ok = ok || c == check;
    if (!ok) return "check 参数无效：“" + check + "”";
  } else if (!check.empty()) {
    return "规则类型 " + r.kind + " 不接受参数 check";
  }
  return unknown_doc_type(split_list(rule_param(r, "documents", "penalty_decision")), cl);
}

std::vector<const Document*> decisions(const Rule& r, const Case& c) {
  std::vector<const Document*> out;
  for (const Document* d :
       documents_of(c, split_list(rule_param(r, "documents", "penalty_decision"))))
    if (readable(*d)) out.push_back(d);
  return out;
}

}  // namespace substance

std::string validate_discretion(const Rule& r, const Checklist& cl) {
  return substance::validate(r, cl, {"range", "band", "justify", "repeat"});
}
std::string validate_provision_table(const Rule& r, const Checklist& cl) {
  return substance::validate(r, cl, {});
}
std::string validate_remedy(const Rule& r, const Checklist& cl) {
  return substance::validate(r, cl, {});
}

}  // namespace auditor
