// The <seals> data file: the district's seal register (format:
// docs/formats/checklist.md, "<seals>"). Strict like the other sections: an
// unknown element or attribute, an empty name or a duplicate fails naming the
// line.
#include <algorithm>

#include "auditor/checklist_xml.h"

namespace auditor::checklist_xml {
namespace {

std::string trimmed(std::string s) {
  const char* ws = " \t\r\n";
  s.erase(0, s.find_first_not_of(ws));
  s.erase(s.find_last_not_of(ws) + 1);
  return s;
}

Status check_shape(const DataFile& f, const pugi::xml_node& node,
                   std::initializer_list<std::string_view> attributes,
                   std::initializer_list<std::string_view> children) {
  for (const pugi::xml_attribute& a : node.attributes())
    if (std::find(attributes.begin(), attributes.end(), a.name()) == attributes.end())
      return f.fail(node, std::string("<") + node.name() + "> 有未知的属性 " + a.name());
  for (const pugi::xml_node& c : node.children()) {
    if (c.type() == pugi::node_pcdata && !trimmed(c.value()).empty() && children.size() > 0)
      return f.fail(node, std::string("<") + node.name() + "> 中不应有文字内容");
    if (c.type() == pugi::node_element &&
        std::find(children.begin(), children.end(), c.name()) == children.end())
      return f.fail(c, std::string("<") + node.name() + "> 中有未知的元素 <" + c.name() + ">");
  }
  return Status::success();
}

template <typename T, typename Key>
bool contains(const std::vector<T>& v, Key key) {
  return std::any_of(v.begin(), v.end(), key);
}

Status parse_street(const DataFile& f, const pugi::xml_node& n, SealRegister& out) {
  StreetSeals s;
  Status st = check_shape(f, n, {"name", "code"}, {"seal"});
  if (st.ok()) st = f.text_attr(n, "name", s.street);
  if (st.ok()) st = f.text_attr(n, "code", s.code);
  if (!st.ok()) return st;
  if (contains(out.streets, [&](const StreetSeals& o) { return o.street == s.street; }))
    return f.fail(n, "重复的街道 " + s.street);
  if (contains(out.streets, [&](const StreetSeals& o) { return o.code == s.code; }))
    return f.fail(n, "重复的街道代字 " + s.code);
  for (const pugi::xml_node& seal : n.children("seal")) {
    if (Status c = check_shape(f, seal, {}, {}); !c.ok()) return c;
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
  if (Status s = check_shape(f, root, {}, {"street", "internal-unit"}); !s.ok()) return s;
  SealRegister reg;
  reg.source = f.source(root);
  for (const pugi::xml_node& n : root.children("street"))
    if (Status s = parse_street(f, n, reg); !s.ok()) return s;
  for (const pugi::xml_node& n : root.children("internal-unit")) {
    std::string suffix;
    Status s = check_shape(f, n, {"suffix"}, {});
    if (s.ok()) s = f.text_attr(n, "suffix", suffix);
    if (!s.ok()) return s;
    reg.internal_units.push_back(suffix);
  }
  if (reg.streets.empty()) return f.fail(root, "<seals> 至少须有一个 <street>");
  out.seals = std::move(reg);
  return Status::success();
}

}  // namespace auditor::checklist_xml
