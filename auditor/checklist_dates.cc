// The date-related parts of checklist data: the <calendar> reference in the
// checklist header and the since= / until= bounds of a rule.
#include "auditor/checklist_xml.h"

namespace auditor::checklist_xml {
namespace {

Status date_attr(const DataFile& f, const pugi::xml_node& n, const char* name,
                 std::optional<Date>& out) {
  const pugi::xml_attribute a = n.attribute(name);
  if (!a) return Status::success();
  out = Date::parse(a.value());
  if (!out)
    return f.fail(n, std::string(name) + " 属性“" + a.value() + "”不是有效的 yyyy-mm-dd 日期");
  return Status::success();
}

}  // namespace

Status parse_calendar(const DataFile& f, const pugi::xml_node& n, Checklist& out) {
  for (const pugi::xml_attribute& a : n.attributes())
    if (std::string_view(a.name()) != "file")
      return f.fail(n, std::string("<calendar> 有未知的属性 ") + a.name());
  if (n.first_child()) return f.fail(n, "<calendar> 不能有子元素");
  if (n.next_sibling("calendar"))
    return f.fail(n.next_sibling("calendar"), "重复的 <calendar> 工作日历");
  std::string file;
  if (Status s = f.text_attr(n, "file", file); !s.ok()) return s;
  const std::filesystem::path path = std::filesystem::path(f.label()).parent_path() / file;
  Result<WorkCalendar> cal = WorkCalendar::load(path);
  if (!cal) return f.fail(n, "无法读取工作日历 " + file + "：" + cal.error());
  out.calendar = std::make_shared<const WorkCalendar>(std::move(*cal));
  return Status::success();
}

Status parse_rule_period(const DataFile& f, const pugi::xml_node& n, Rule& r) {
  Status s = date_attr(f, n, "since", r.since);
  if (s.ok()) s = date_attr(f, n, "until", r.until);
  if (s.ok() && r.since && r.until && *r.since >= *r.until)
    s = f.fail(n, "since 日期应早于 until 日期");
  return s;
}

}  // namespace auditor::checklist_xml
