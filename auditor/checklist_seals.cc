// The <seals> data file: the district's seal register (format:
// docs/formats/checklist.md, "<seals>"). Strict like the other sections: an
// unknown element or attribute, an empty name or a duplicate fails naming the
// line.
#include <algorithm>

#include "auditor/checklist_xml.h"

namespace auditor::checklist_xml {
namespace {

template <typename T, typename Key>
bool contains(const std::vector<T>& v, Key key) {
  return std::any_of(v.begin(), v.end(), key);
}

Status parse_street(const DataFile& f, const pugi::xml_node& n, SealRegister& out) {
  StreetSeals s;
  Status st = f.shape(n, {"name", "code"}, {"seal"});
  if (st.ok()) st = f.text_attr(n, "name", s.street);
  if (st.ok()) st = f.text_attr(n, "code", s.code);
  if (!st.ok()) return st;
  if (contains(out.streets, [&](const StreetSeals& o) { return o.street == s.street; }))
    return f.fail(n, "重复的街道 " + s.street);
  if (contains(out.streets, [&](const StreetSeals& o) { return o.code == s.code; }))
    return f.fail(n, "重复的街道代字 " + s.code);
  for (const pugi::xml_node& seal : n.children("seal")) {
    if (Status c = f.shape(seal, {}, {}); !c.ok()) return c;
    std::string name = trimmed(seal.text().get());
    if (name.empty()) return f.fail(seal, "<seal> 印章名称为空");
    if (std::find(s.names.begin(), s.names.end(), name) != s.names.end())
      return f.fail(seal, "街道 " + s.street + " 重复列出印章 " + name);
    s.names.push_back(std::move(name));
  }
  if (s.names.empty()) return f.fail(n, "街道 " + s.street + " 没有列出任何 <seal> 印章名称");
  out.streets.push_back(std::move(s));
  return Status::success();
}

}  // namespace

Status parse_seals(const DataFile& f, Checklist& out) {
  const pugi::xml_node root = f.root();
  if (!out.seals.source.empty())
    return f.fail(root, "重复的 <seals> 印章登记表（已在 " + out.seals.source + " 定义）");
  if (Status s = f.shape(root, {}, {"street", "internal-unit"}); !s.ok()) return s;
  SealRegister reg;
  reg.source = f.source(root);
  for (const pugi::xml_node& n : root.children("street"))
    if (Status s = parse_street(f, n, reg); !s.ok()) return s;
  for (const pugi::xml_node& n : root.children("internal-unit")) {
    std::string suffix;
    Status s = f.shape(n, {"suffix"}, {});
    if (s.ok()) s = f.text_attr(n, "suffix", suffix);
    if (!s.ok()) return s;
    reg.internal_units.push_back(suffix);
  }
  if (reg.streets.empty()) return f.fail(root, "<seals> 至少须有一个 <street>");
  out.seals = std::move(reg);
  return Status::success();
}

}  // namespace auditor::checklist_xml
