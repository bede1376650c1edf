#include "testdata/generator/case_spec.h"

#include <cstdio>

#include "testdata/generator/util.h"

namespace testdata {

std::string cn(Day d) {
  return std::to_string(d.y) + "年" + std::to_string(d.m) + "月" + std::to_string(d.d) + "日";
}

std::string iso(Day d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.y, d.m, d.d);
  return buf;
}

std::string compact(Day d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", d.y, d.m, d.d);
  return buf;
}

std::string CaseSpec::case_number() const {
  return "穗海" + code + "综执立〔2024〕" + std::to_string(serial) + "号";
}

std::string CaseSpec::doc_number(const std::string& abbr) const {
  const auto it = numbers.find(abbr);
  if (it == numbers.end()) die("no serial for " + abbr + " in case " + case_number());
  return "穗海" + code + "综执" + abbr + "〔2024〕" + std::to_string(it->second) + "号";
}

Day CaseSpec::day(const std::string& event) const {
  const auto it = dates.find(event);
  if (it == dates.end()) die("no date for " + event + " in case " + case_number());
  return it->second;
}

std::string CaseSpec::officers_line() const {
  std::string out;
  for (const Officer& o : officers)
    out += (out.empty() ? "" : "、") + o.name + "（执法证号：" + o.cert + "）";
  return out;
}

std::string CaseSpec::officer_names() const {
  std::string out;
  for (const Officer& o : officers) out += (out.empty() ? "" : "、") + o.name;
  return out;
}

}  // namespace testdata
