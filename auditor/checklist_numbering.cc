// The parser of the <numbering> data file: number patterns, the organ name
// template, street codes and the internal forms that carry the case number.
// Strict like the other sections: unknown elements or attributes, malformed
// patterns and duplicates fail naming file:line. The abbreviations are not
// here: they are the `abbreviation` of each <doctype>.
#include <algorithm>
#include <set>

#include "auditor/checklist_xml.h"

namespace auditor::checklist_xml {
namespace {

// The single child `name` of the root; fails when absent or repeated.
Status single(const DataFile& f, const char* name, pugi::xml_node& out) {
  out = f.root().child(name);
  if (!out) return f.fail(f.root(), std::string("<numbering> 缺少 <") + name + ">");
  if (out.next_sibling(name))
    return f.fail(out.next_sibling(name), std::string("重复的 <") + name + ">");
  return Status::success();
}

const char* kShape = "PREFIX{街道代字}AGENCY{文书简称}〔{年}〕{序号}号";

Status parse_patterns(const DataFile& f, Numbering& n) {
  pugi::xml_node doc, cas;
  std::string doc_text, case_text;
  Status s = single(f, "document_number", doc);
  if (s.ok()) s = f.shape(doc, {"pattern"}, {});
  if (s.ok()) s = f.text_attr(doc, "pattern", doc_text);
  if (s.ok()) s = single(f, "case_number", cas);
  if (s.ok()) s = f.shape(cas, {"pattern"}, {});
  if (s.ok()) s = f.text_attr(cas, "pattern", case_text);
  if (!s.ok()) return s;
  std::optional<NumberPattern> d = parse_document_pattern(doc_text);
  if (!d)
    return f.fail(doc, "文书编号格式 " + doc_text + " 无法识别（应形如 " + kShape +
                           "，年份括号和序号各为一处）");
  std::optional<NumberPattern> c = parse_case_pattern(case_text, d->agency);
  if (!c)
    return f.fail(cas,
                  "案号格式 " + case_text +
                      " 无法识别（应与文书编号格式相同，只是以固定的字，如“立”，代替{文书简称}）");
  n.document_pattern = std::move(*d);
  n.case_pattern = std::move(*c);
  return Status::success();
}

Status parse_organ(const DataFile& f, Numbering& n) {
  pugi::xml_node organ;
  Status s = single(f, "organ", organ);
  if (s.ok()) s = f.shape(organ, {"template"}, {});
  if (s.ok()) s = f.text_attr(organ, "template", n.organ_template);
  if (s.ok() && n.organ_template.find("{街道}") == std::string::npos)
    s = f.fail(organ, "机关名称模板须含 {街道}");
  return s;
}

Status parse_streets(const DataFile& f, Numbering& n) {
  pugi::xml_node streets;
  Status s = single(f, "streets", streets);
  if (s.ok()) s = f.shape(streets, {}, {"street"});
  std::set<std::string> names, codes;
  for (const pugi::xml_node& e : streets.children("street")) {
    StreetCode sc;
    if (s.ok()) s = f.shape(e, {"name", "code"}, {});
    if (s.ok()) s = f.text_attr(e, "name", sc.street);
    if (s.ok()) s = f.text_attr(e, "code", sc.code);
    if (s.ok() && !names.insert(sc.street).second) s = f.fail(e, "重复的街道 " + sc.street);
    if (s.ok() && !codes.insert(sc.code).second) s = f.fail(e, "重复的街道代字 " + sc.code);
    if (!s.ok()) return s;
    n.streets.push_back(std::move(sc));
  }
  if (s.ok() && n.streets.empty()) s = f.fail(streets, "<streets> 至少须有一个 <street>");
  return s;
}

Status parse_forms(const DataFile& f, Numbering& n) {
  pugi::xml_node forms;
  Status s = single(f, "internal_forms", forms);
  if (s.ok()) s = f.shape(forms, {}, {"form"});
  for (const pugi::xml_node& e : forms.children("form")) {
    InternalForm form;
    if (s.ok()) s = f.shape(e, {"type"}, {});
    if (s.ok()) s = f.text_attr(e, "type", form.type);
    if (s.ok() && n.is_internal_form(form.type)) s = f.fail(e, "重复的内部文书 " + form.type);
    if (!s.ok()) return s;
    form.source = f.source(e);
    n.internal_forms.push_back(std::move(form));
  }
  return s;
}

}  // namespace

Status parse_numbering(const DataFile& f, Checklist& out) {
  if (!out.numbering.source.empty())
    return f.fail(f.root(),
                  "重复的 <numbering> 编号规则（已在 " + out.numbering.source + " 定义）");
  Numbering n;
  Status s = f.shape(f.root(), {},
                     {"case_number", "document_number", "organ", "streets", "internal_forms"});
  if (s.ok()) s = parse_patterns(f, n);
  if (s.ok()) s = parse_organ(f, n);
  if (s.ok()) s = parse_streets(f, n);
  if (s.ok()) s = parse_forms(f, n);
  if (!s.ok()) return s;
  n.source = f.source(f.root());
  out.numbering = std::move(n);
  return Status::success();
}

}  // namespace auditor::checklist_xml
