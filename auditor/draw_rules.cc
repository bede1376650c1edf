// The must-check rules file (<must-check>, docs/formats/draw.md), read with
// the checklist loader's XML helpers so errors name file:line alike.
#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "auditor/checklist_xml.h"
#include "auditor/draw.h"
#include "util/hash.h"

namespace auditor {
namespace {

namespace fs = std::filesystem;
using checklist_xml::DataFile;
using checklist_xml::trimmed;

// A rules file is a few kilobytes; anything far larger is not one.
constexpr std::uintmax_t kMaxRulesBytes = 1 << 20;

Status child_text(const DataFile& f, const pugi::xml_node& n, const char* name, std::string& out) {
  const pugi::xml_node c = n.child(name);
  out = trimmed(c.child_value());
  if (!c || out.empty()) return f.fail(n, std::string("<rule> 缺少 <") + name + "> 或其内容为空");
  if (c.next_sibling(name)) return f.fail(c.next_sibling(name), std::string("<") + name + "> 重复");
  return Status::success();
}

Status parse_rule(const DataFile& f, const pugi::xml_node& n, MustCheckRule& r) {
  if (Status s =
          f.shape(n, {"id", "kind", "severity", "fact", "threshold", "rules"}, {"label", "basis"});
      !s.ok())
    return s;
  std::string kind;
  if (Status s = f.text_attr(n, "id", r.id); !s.ok()) return s;
  if (Status s = f.text_attr(n, "kind", kind); !s.ok()) return s;
  if (Status s = child_text(f, n, "label", r.label); !s.ok()) return s;
  if (Status s = child_text(f, n, "basis", r.basis); !s.ok()) return s;
  auto only = [&](std::initializer_list<const char*> allowed) -> Status {
    for (const char* a : {"severity", "fact", "threshold", "rules"})
      if (n.attribute(a) &&
          std::find(allowed.begin(), allowed.end(), std::string_view(a)) == allowed.end())
        return f.fail(n, "kind=\"" + kind + "\" 的规则不应有属性 " + a);
    return Status::success();
  };
  if (kind == "severity") {
    r.kind = MustCheckKind::severity;
    if (Status s = only({"severity"}); !s.ok()) return s;
    if (Status s = f.text_attr(n, "severity", r.severity); !s.ok()) return s;
    static const std::set<std::string> kSeverities = {"veto", "major", "minor", "info"};
    if (!kSeverities.count(r.severity))
      return f.fail(n, "severity 只能是 veto、major、minor 或 info，不能是 " + r.severity);
  } else if (kind == "fact_above") {
    r.kind = MustCheckKind::fact_above;
    if (Status s = only({"fact", "threshold"}); !s.ok()) return s;
    if (Status s = f.text_attr(n, "fact", r.fact); !s.ok()) return s;
    if (r.fact != "fine")
      return f.fail(n, "fact 目前只能是 fine（罚款金额，元），不能是 " + r.fact);
    if (Status s = f.number_attr(n, "threshold", r.threshold); !s.ok()) return s;
    if (r.threshold < 0) return f.fail(n, "threshold 不能为负数");
  } else if (kind == "rule_fired") {
    r.kind = MustCheckKind::rule_fired;
    if (Status s = only({"rules"}); !s.ok()) return s;
    std::string list;
    if (Status s = f.text_attr(n, "rules", list); !s.ok()) return s;
    std::stringstream in(list);
    for (std::string id; std::getline(in, id, ',');)
      if (std::string t = trimmed(id); !t.empty()) r.rules.push_back(t);
    if (r.rules.empty()) return f.fail(n, "rules 中没有规则编号");
  } else {
    return f.fail(n, "未知的必查规则类型 kind=\"" + kind +
                         "\"；可用的类型：severity、fact_above、rule_fired");
  }
  return Status::success();
}

}  // namespace

fs::path must_check_file(const fs::path& dir_or_file) {
  std::error_code ec;
  return fs::is_directory(dir_or_file, ec) ? dir_or_file / "must-check.xml" : dir_or_file;
}

Result<MustCheckRules> load_must_check(const fs::path& file) {
  std::error_code ec;
  if (!fs::is_regular_file(file, ec))
    return Error{"必查规则文件不存在：" + file.string(), Code::not_found};
  if (fs::file_size(file, ec) > kMaxRulesBytes)
    return Error{file.string() + ": 必查规则文件超过 1 MB，不是规则文件"};
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  if (!in || !(bytes << in.rdbuf())) return Error{file.string() + ": 无法读取文件", Code::io};
  MustCheckRules out;
  out.sha256 = sha256_hex(bytes.str());
  DataFile f;
  if (Status s = f.parse(file.string(), file.filename().string(), bytes.str()); !s.ok())
    return Error{s.reason};
  const pugi::xml_node root = f.root();
  if (std::string_view(root.name()) != "must-check")
    return Error{f.where(root) + ": 根元素应为 <must-check>，实为 <" + root.name() + ">"};
  if (Status s = f.shape(root, {"id", "version"}, {"rule"}); !s.ok()) return Error{s.reason};
  if (Status s = f.text_attr(root, "id", out.id); !s.ok()) return Error{s.reason};
  if (Status s = f.text_attr(root, "version", out.version); !s.ok()) return Error{s.reason};
  std::set<std::string> ids;
  for (const pugi::xml_node& n : root.children("rule")) {
    MustCheckRule r;
    if (Status s = parse_rule(f, n, r); !s.ok()) return Error{s.reason};
    if (!ids.insert(r.id).second) return Error{f.where(n) + ": 必查规则编号 " + r.id + " 重复"};
    out.rules.push_back(std::move(r));
  }
  return out;
}

}  // namespace auditor
