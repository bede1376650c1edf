#include "testdata/generator/pack.h"

#include <iconv.h>

#include <cstdio>
#include <set>
#include <utility>

#include "reports/docx_writer.h"
#include "reports/zip_writer.h"
#include "testdata/generator/util.h"

namespace testdata {
namespace {

std::string to_gbk(const std::string& utf8) {
  iconv_t cd = iconv_open("GBK", "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(-1)) die("iconv_open GBK");
  std::string out(utf8.size() * 2 + 4, '\0');
  char* in = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size();
  char* dst = out.data();
  std::size_t out_left = out.size();
  const std::size_t r = iconv(cd, &in, &in_left, &dst, &out_left);
  iconv_close(cd);
  if (r == static_cast<std::size_t>(-1)) die("not representable in GBK: " + utf8);
  out.resize(out.size() - out_left);
  return out;
}

std::string attr(const char* name, const std::string& value) {
  if (value.empty()) return "";
  return std::string(" ") + name + "=\"" + auditor::xml_escape(value) + "\"";
}

auditor::ZipTime at_four_pm(Day d) { return auditor::ZipTime(d.y, d.m, d.d, 16, 0, 0); }

}  // namespace

std::vector<std::string> member_paths(const std::vector<Entry>& entries, const Layout& layout) {
  std::vector<std::string> out;
  int n = 0;
  for (const Entry& e : entries) {
    std::string path = layout.outer;
    if (!layout.folders.empty()) path += layout.folders.at(e.stage);
    if (e.numbered) {
      char prefix[16];
      std::snprintf(prefix, sizeof prefix, "%02d-", ++n);
      path += prefix;
    }
    out.push_back(path + e.name);
  }
  return out;
}

std::string manifest_xml(const CaseSpec& c, const std::vector<Entry>& entries,
                         const std::vector<std::string>& paths, const Layout& layout) {
  std::string x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<case-file version=\"1\">\n  <case" +
                  attr("number", c.case_number()) + attr("street", c.street) +
                  attr("party", c.party.name) + attr("party-id", c.party.id) +
                  attr("procedure", "general") + attr("fine", std::to_string(c.fine)) +
                  ">\n    <dates";
  static constexpr std::pair<const char*, const char*> kDates[] = {
      {"filed", "filed"},
      {"notice-served", "notice_served"},
      {"decided", "decided"},
      {"decision-served", "decision_served"},
      {"closed", "closed"}};
  for (const auto& [key, event] : kDates)  // attribute name, event of c.dates
    if (c.dates.count(event)) x += attr(key, iso(c.day(event)));
  x += "/>\n";
  for (const auto& [name, value] : layout.flags)
    x += "    <flag" + attr("name", name) + attr("value", value) + "/>\n";
  x += "  </case>\n  <documents>\n";
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const Entry& e = entries[i];
    x += "    <document" + attr("member", paths[i]) + attr("type", e.type) +
         attr("stage", std::to_string(e.stage)) + attr("number", e.number) +
         attr("date", iso(e.date)) + attr("pages", std::to_string(e.pages)) +
         attr("seal", e.sealed ? c.organ() : "") + "/>\n";
  }
  return x + "  </documents>\n</case-file>\n";
}

std::string pack(const CaseSpec& c, const std::vector<Entry>& entries, const Layout& layout) {
  const std::vector<std::string> paths = member_paths(entries, layout);
  const auto name = [&](const std::string& utf8) { return layout.gbk ? to_gbk(utf8) : utf8; };
  const auditor::ZipTime closing = at_four_pm(entries.back().date);
  std::vector<auditor::ZipMember> members;
  if (layout.manifest) {
    members.emplace_back("manifest.xml", manifest_xml(c, entries, paths, layout));
    members.back().time = closing;
  }
  std::set<std::string> folders;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    // Directory entries for every folder level of the path, first seen first.
    for (std::size_t slash = paths[i].find('/');
         layout.directory_entries && slash != std::string::npos;
         slash = paths[i].find('/', slash + 1)) {
      const std::string dir = paths[i].substr(0, slash + 1);
      if (!folders.insert(dir).second) continue;
      members.emplace_back(name(dir));
      members.back().directory = true;
      members.back().utf8_name = !layout.gbk;
      members.back().time = closing;
    }
    members.emplace_back(name(paths[i]), entries[i].data);
    members.back().utf8_name = !layout.gbk;
    members.back().time = at_four_pm(entries[i].date);
  }
  auditor::Result<std::string> zip = auditor::write_zip(members);
  if (!zip) die(zip.error());
  return *zip;
}

}  // namespace testdata
