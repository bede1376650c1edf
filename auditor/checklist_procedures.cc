// <procedures> in the checklist header: the procedures a case can follow and
// the documents that establish each (docs/formats/checklist.md,
// "Procedures"), and the cross-file check of rules' procedures= lists.
#include "auditor/checklist_xml.h"

namespace auditor::checklist_xml {
namespace {

Status parse_procedure(const DataFile& f, const pugi::xml_node& n, Procedure& p) {
  Status s = f.shape(n, {"id", "name", "default"}, {"evidence"});
  if (s.ok()) s = f.text_attr(n, "id", p.id);
  if (s.ok()) s = f.text_attr(n, "name", p.name);
  const std::string flag = n.attribute("default").value();
  if (s.ok() && !flag.empty() && flag != "true" && flag != "false")
    s = f.fail(n, "default 属性应为 true 或 false");
  p.is_default = flag == "true";
  for (const pugi::xml_node& e : n.children("evidence")) {
    std::string type;
    if (s.ok()) s = f.shape(e, {"doctype"}, {});
    if (s.ok()) s = f.text_attr(e, "doctype", type);
    p.evidence.push_back(type);
  }
  if (s.ok() && p.evidence.empty() && !p.is_default)
    s = f.fail(n, "程序 " + p.id + " 须有 <evidence doctype=\"...\"/>（默认程序除外）");
  return s;
}

}  // namespace

Status parse_procedures(const DataFile& f, const pugi::xml_node& n, Checklist& out) {
  if (Status s = f.shape(n, {}, {"procedure"}); !s.ok()) return s;
  int defaults = 0;
  for (const pugi::xml_node& child : n.children("procedure")) {
    Procedure p;
    if (Status s = parse_procedure(f, child, p); !s.ok()) return s;
    if (out.procedure(p.id)) return f.fail(child, "重复的程序 " + p.id);
    defaults += p.is_default;
    out.procedures.push_back(std::move(p));
  }
  if (defaults != 1) return f.fail(n, "<procedures> 须有且只有一个 default=\"true\" 的程序");
  return Status::success();
}

Status validate_procedures(const Checklist& cl, const std::filesystem::path& dir) {
  for (const Procedure& p : cl.procedures)
    for (const std::string& type : p.evidence)
      if (!cl.doc_type(type))
        return Status::failure(dir.string() + ": 程序 " + p.id + "：未知的文书类型 " + type);
  for (const Rule& r : cl.rules)
    for (const std::string& id : r.procedures)
      if (!cl.procedure(id))
        return Status::failure((dir / r.source).string() + ": 规则 " + r.id + "：未知的程序 " + id);
  return Status::success();
}

}  // namespace auditor::checklist_xml
