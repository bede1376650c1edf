#include "auditor/calendar.h"

#include "util/hash.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <iterator>
#include <map>

#include <pugixml.hpp>

namespace auditor {
namespace {

constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2100;

// The parsed file plus what is needed to name "<file>:<line>" in errors.
class Reader {
 public:
  Reader(std::string label, std::string bytes)
      : label_(std::move(label)), bytes_(std::move(bytes)) {}

  Status parse() {
    // Parsing in place from `bytes_` keeps offset_debug() aligned with the
    // file as written (UTF-8 in, no conversion).
    const pugi::xml_parse_result r =
        doc_.load_buffer(bytes_.data(), bytes_.size(), pugi::parse_default, pugi::encoding_utf8);
    if (r) return Status::success();
    return Status::failure(label_ + ":" + std::to_string(line_at(r.offset)) + ": XML 格式错误：" +
                           r.description());
  }

  pugi::xml_node root() const { return doc_.document_element(); }

  int line_of(const pugi::xml_node& node) const { return line_at(node.offset_debug()); }

  Status fail(const pugi::xml_node& node, const std::string& reason) const {
    return Status::failure(label_ + ":" + std::to_string(line_of(node)) + ": " + reason);
  }

  // A present, non-empty attribute.
  Status text(const pugi::xml_node& node, const char* name, std::string& out) const {
    const pugi::xml_attribute a = node.attribute(name);
    if (!a) return fail(node, std::string("<") + node.name() + "> 缺少属性 " + name);
    out = a.value();
    if (out.empty())
      return fail(node, std::string("<") + node.name() + "> 的属性 " + name + " 为空");
    return Status::success();
  }

 private:
  int line_at(std::ptrdiff_t offset) const {
    if (offset < 0) return 0;
    const auto end = bytes_.begin() + std::min<std::ptrdiff_t>(offset, bytes_.size());
    return 1 + static_cast<int>(std::count(bytes_.begin(), end, '\n'));
  }

  std::string label_;
  std::string bytes_;
  pugi::xml_document doc_;
};

Status read_day(const Reader& in, const pugi::xml_node& node, int year, CalendarDay& out) {
  std::string date, off;
  if (Status s = in.text(node, "date", date); !s.ok()) return s;
  if (Status s = in.text(node, "off", off); !s.ok()) return s;
  if (Status s = in.text(node, "name", out.name); !s.ok()) return s;
  const std::optional<Date> d = Date::parse(date);
  if (!d) return in.fail(node, "日期“" + date + "”无效，应为 YYYY-MM-DD 格式的真实日期");
  // A notice may rearrange the end of the previous year (the 2019 notice
  // moved 2018-12-29..31), never anything further away.
  if (d->year() != year && d->year() != year - 1)
    return in.fail(node, "日期 " + date + " 不属于 " + std::to_string(year) +
                             " 年公告的范围（只能是该年或上一年年末）");
  if (off != "true" && off != "false")
    return in.fail(node, "属性 off 应为 true（放假）或 false（调休上班），实为“" + off + "”");
  out.date = *d;
  out.off = off == "true";
  return Status::success();
}

// Reads one <year>; `seen` maps each announced day to its element, across
// years (its line is counted only for a duplicate).
Status read_year(const Reader& in, const pugi::xml_node& node, CalendarYear& out,
                 std::map<Date, pugi::xml_node>& seen) {
  std::string value;
  if (Status s = in.text(node, "value", value); !s.ok()) return s;
  const char* end = value.data() + value.size();
  const auto [ptr, ec] = std::from_chars(value.data(), end, out.year);
  if (ec != std::errc() || ptr != end || out.year < kMinYear || out.year > kMaxYear)
    return in.fail(node, "年份应为 " + std::to_string(kMinYear) + "–" + std::to_string(kMaxYear) +
                             " 之间的整数，实为“" + value + "”");
  for (const pugi::xml_node child : node.children()) {
    if (child.type() != pugi::node_element) continue;
    const std::string name = child.name();
    if (name == "announcement") {
      std::string url;
      if (Status s = in.text(child, "url", url); !s.ok()) return s;
      out.announcements.push_back(std::move(url));
    } else if (name == "day") {
      CalendarDay day;
      if (Status s = read_day(in, child, out.year, day); !s.ok()) return s;
      const auto [it, fresh] = seen.emplace(day.date, child);
      if (!fresh)
        return in.fail(child, "日期 " + day.date.iso() + " 已在第 " +
                                  std::to_string(in.line_of(it->second)) + " 行公布过");
      out.days.push_back(std::move(day));
    } else {
      return in.fail(child, "未知元素 <" + name + ">，<year> 内只允许 <announcement> 和 <day>");
    }
  }
  if (out.announcements.empty())
    return in.fail(node, value + " 年缺少公告来源 <announcement url=\"…\"/>");
  return Status::success();
}

Status read_years(const Reader& in, std::vector<CalendarYear>& out) {
  const pugi::xml_node root = in.root();
  if (std::string(root.name()) != "calendar")
    return in.fail(root, std::string("根元素应为 <calendar>，实为 <") + root.name() + ">");
  std::map<Date, pugi::xml_node> seen;
  for (const pugi::xml_node child : root.children()) {
    if (child.type() != pugi::node_element) continue;
    if (std::string(child.name()) != "year")
      return in.fail(child,
                     std::string("未知元素 <") + child.name() + ">，<calendar> 内只允许 <year>");
    CalendarYear year;
    if (Status s = read_year(in, child, year, seen); !s.ok()) return s;
    if (!out.empty() && year.year != out.back().year + 1) {
      const int expected = out.back().year + 1;
      return in.fail(child, year.year < expected
                                ? std::to_string(year.year) + " 年重复或未按年份升序排列"
                                : "年份不连续：缺少 " + std::to_string(expected) + " 年");
    }
    out.push_back(std::move(year));
  }
  if (out.empty()) return in.fail(root, "日历中没有任何 <year>");
  return Status::success();
}

}  // namespace

Result<WorkCalendar> WorkCalendar::load(const std::filesystem::path& xml_file) {
  const std::string label = xml_file.string();
  std::ifstream file(xml_file, std::ios::binary);
  if (!file) return Error{label + ": 无法打开日历文件"};
  std::string bytes{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
  if (file.bad()) return Error{label + ": 读取日历文件失败"};

  WorkCalendar cal;
  cal.sha256_ = sha256_hex(bytes);
  Reader in(label, std::move(bytes));
  if (Status s = in.parse(); !s.ok()) return Error{s.reason};
  if (Status s = read_years(in, cal.years_); !s.ok()) return Error{s.reason};

  cal.first_day_ = *Date::from_ymd(cal.first_year(), 1, 1);
  const Date last_day = *Date::from_ymd(cal.last_year(), 12, 31);
  const int count = days_between(cal.first_day_, last_day) + 1;
  cal.working_.resize(count);
  for (int i = 0; i < count; ++i) cal.working_[i] = !cal.first_day_.add_days(i).is_weekend();
  for (const CalendarYear& year : cal.years_) {
    for (const CalendarDay& day : year.days) {
      if (cal.covers(day.date)) cal.working_[cal.index_of(day.date)] = !day.off;
    }
  }
  cal.working_before_.assign(count + 1, 0);
  for (int i = 0; i < count; ++i)
    cal.working_before_[i + 1] = cal.working_before_[i] + (cal.working_[i] ? 1 : 0);
  return cal;
}

bool WorkCalendar::covers(Date d) const {
  return d.year() >= first_year() && d.year() <= last_year();
}

std::size_t WorkCalendar::index_of(Date d) const {
  return static_cast<std::size_t>(days_between(first_day_, d));
}

std::optional<bool> WorkCalendar::is_working_day(Date d) const {
  if (!covers(d)) return std::nullopt;
  return working_[index_of(d)];
}

std::optional<Date> WorkCalendar::add_working_days(Date start, int n) const {
  if (n < 0 || !covers(start)) return std::nullopt;
  if (n == 0) return start;
  // working_before_[i] counts working days before day i, so the first i
  // with working_before_[i] == target makes day i - 1 the target-th one.
  const long target = static_cast<long>(working_before_[index_of(start) + 1]) + n;
  const auto it = std::lower_bound(working_before_.begin(), working_before_.end(), target);
  if (it == working_before_.end()) return std::nullopt;
  return first_day_.add_days(static_cast<int>(it - working_before_.begin()) - 1);
}

std::optional<int> WorkCalendar::working_days_between(Date from, Date to) const {
  if (!covers(from) || !covers(to)) return std::nullopt;
  return working_before_[index_of(to) + 1] - working_before_[index_of(from) + 1];
}

}  // namespace auditor
