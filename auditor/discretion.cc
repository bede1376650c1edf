#include "auditor/discretion.h"

#include <algorithm>

#include "auditor/conditions.h"
#include "auditor/provision_table_xml.h"
#include "util/cn_text.h"
#include "util/hash.h"
#include "util/utf8.h"

namespace auditor {
namespace {

namespace fs = std::filesystem;
using checklist_xml::DataFile;

std::string range_text(const std::optional<double>& min, const std::optional<double>& max) {
  return (min ? yuan_text(*min) : "") + "—" + (max ? yuan_text(*max) : "") + " 元";
}

// The band's optional presumption about earlier offences: repeat (first or
// repeat) and its period within, both or neither.
Status parse_repeat(const DataFile& f, const pugi::xml_node& b, DiscretionBand& band) {
  band.repeat = b.attribute("repeat").as_string();
  const std::string within = b.attribute("within").as_string();
  if (band.repeat.empty() && within.empty()) return Status::success();
  if (band.repeat != "first" && band.repeat != "repeat")
    return f.fail(
        b, "repeat 须为 first（首次违法）或 repeat（期限内再次违法），实为“" + band.repeat + "”");
  const std::optional<int> months = repeat_period_months(within);
  if (!months)
    return f.fail(
        b, "写明 repeat 时须写明期限 within（如“1年”“6个月”，至多10年），实为“" + within + "”");
  band.within_months = *months;
  return Status::success();
}

Status parse_entry(const DataFile& f, const pugi::xml_node& n, DiscretionEntry& e) {
  if (Status s = f.shape(
          n,
          {"id", "name", "law", "article", "paragraph", "item", "min", "max", "party", "example"},
          {"band"});
      !s.ok())
    return s;
  e.source = f.where(n);
  if (Status s = f.text_attr(n, "id", e.id); !s.ok()) return s;
  if (Status s = f.text_attr(n, "name", e.name); !s.ok()) return s;
  if (Status s = f.text_attr(n, "law", e.law_written); !s.ok()) return s;
  e.law = law_key(e.law_written);
  if (Status s = f.int_attr(n, "article", e.article); !s.ok()) return s;
  if (e.article < 1) return f.fail(n, "article 须为正整数");
  if (Status s = substance_xml::count_attr(f, n, "paragraph", e.paragraph); !s.ok()) return s;
  if (Status s = substance_xml::count_attr(f, n, "item", e.item); !s.ok()) return s;
  if (e.item && !e.paragraph) return f.fail(n, "写明 item 时须写明 paragraph");
  if (Status s = substance_xml::amount_attr(f, n, "min", e.min); !s.ok()) return s;
  if (Status s = substance_xml::amount_attr(f, n, "max", e.max); !s.ok()) return s;
  if (!e.min && !e.max) return f.fail(n, "须写明法定罚款幅度 min 和/或 max（元）");
  if (e.min && e.max && *e.max < *e.min) return f.fail(n, "max 小于 min");
  e.example = n.attribute("example").as_bool(false);
  e.party = n.attribute("party").as_string("any");
  if (e.party != "any" && e.party != "citizen" && e.party != "organisation")
    return f.fail(n, "party 须为 any、citizen 或 organisation，实为“" + e.party + "”");
  for (const pugi::xml_node& b : n.children("band")) {
    DiscretionBand band;
    band.source = f.where(b);
    if (Status s = f.shape(b, {"name", "min", "max", "repeat", "within"}, {}); !s.ok()) return s;
    if (Status s = f.text_attr(b, "name", band.name); !s.ok()) return s;
    const auto& names = discretion_band_names();
    if (std::find(names.begin(), names.end(), band.name) == names.end())
      return f.fail(
          b, "阶次名称须为 轻微、较轻、一般、较重、严重、特别严重 之一，实为“" + band.name + "”");
    if (e.band(band.name)) return f.fail(b, "阶次“" + band.name + "”重复");
    if (Status s = substance_xml::amount_attr(f, b, "min", band.min); !s.ok()) return s;
    if (Status s = substance_xml::amount_attr(f, b, "max", band.max); !s.ok()) return s;
    if (!band.min && !band.max) return f.fail(b, "阶次须写明罚款幅度 min 和/或 max（元）");
    if (band.min && band.max && *band.max < *band.min) return f.fail(b, "max 小于 min");
    if ((band.min && e.min && *band.min < *e.min) || (band.max && e.max && *band.max > *e.max))
      return f.fail(b, "阶次幅度 " + range_text(band.min, band.max) + " 超出法定幅度 " +
                           range_text(e.min, e.max));
    band.circumstances = checklist_xml::trimmed(b.text().get());
    if (Status s = parse_repeat(f, b, band); !s.ok()) return s;
    e.bands.push_back(std::move(band));
  }
  return Status::success();
}

Status load_file(const fs::path& file, DiscretionTable& t, std::string& digests) {
  DataFile f;
  std::string sha;
  if (Status s = substance_xml::read(file, "discretion", f, sha); !s.ok()) return s;
  digests += file.filename().string() + '\0' + sha + '\0';
  const pugi::xml_node root = f.root();
  if (Status s = f.shape(root, {"id", "version", "name"}, {"provision"}); !s.ok()) return s;
  std::string id, version, name;
  if (Status s = f.text_attr(root, "id", id); !s.ok()) return s;
  if (Status s = f.text_attr(root, "version", version); !s.ok()) return s;
  if (Status s = f.text_attr(root, "name", name); !s.ok()) return s;
  t.files.push_back(id + "（" + version + "）");
  for (const pugi::xml_node& n : root.children("provision")) {
    DiscretionEntry e;
    if (Status s = parse_entry(f, n, e); !s.ok()) return s;
    for (const DiscretionEntry& o : t.entries) {
      if (o.id == e.id) return f.fail(n, "条目编号 " + e.id + " 已在 " + o.source + " 使用");
      if (o.law == e.law && o.article == e.article && o.paragraph == e.paragraph &&
          o.item == e.item && (o.party == e.party || o.party == "any" || e.party == "any"))
        return f.fail(n, "同一条款已在 " + o.source + " 列出");
    }
    t.entries.push_back(std::move(e));
  }
  return Status::success();
}

}  // namespace

std::optional<int> repeat_period_months(const std::string& written) {
  std::u32string s = decode_utf8(written);
  int unit = 0;
  for (auto [suffix, months] :
       {std::pair{std::u32string(U"个月"), 1}, std::pair{std::u32string(U"年"), 12}})
    if (s.size() > suffix.size() && s.ends_with(suffix)) {
      s.resize(s.size() - suffix.size());
      unit = months;
      break;
    }
  if (!unit || s.empty()) return std::nullopt;
  std::optional<std::int64_t> n;
  if (std::all_of(s.begin(), s.end(), cn::is_digit)) {
    if (s.size() > 3) return std::nullopt;
    n = 0;
    for (char32_t c : s) *n = *n * 10 + (c - U'0');
  } else {
    n = cn::parse_cn_integer(s);
  }
  if (!n || *n < 1 || *n * unit > 120) return std::nullopt;
  return static_cast<int>(*n * unit);
}

const std::vector<std::string>& discretion_band_names() {
  static const std::vector<std::string> names = {"轻微", "较轻", "一般",
                                                 "较重", "严重", "特别严重"};
  return names;
}

bool DiscretionEntry::matches(const Citation& c) const {
  return c.law == law && c.article == article && (!paragraph || c.paragraph == paragraph) &&
         (!item || c.item == item);
}

const DiscretionBand* DiscretionEntry::band(const std::string& band_name) const {
  for (const DiscretionBand& b : bands)
    if (b.name == band_name) return &b;
  return nullptr;
}

Result<DiscretionTable> load_discretion(const fs::path& file_or_dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  if (fs::is_directory(file_or_dir, ec)) {
    for (auto it = fs::recursive_directory_iterator(file_or_dir, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
      if (it->is_regular_file(ec) && it->path().extension() == ".xml") files.push_back(it->path());
    std::sort(files.begin(), files.end());
    if (files.empty()) return Error{"裁量基准目录中没有 .xml 文件：" + file_or_dir.string()};
  } else {
    files.push_back(file_or_dir);
  }
  DiscretionTable t;
  std::string digests;
  for (const fs::path& f : files)
    if (Status s = load_file(f, t, digests); !s.ok()) return Error{s.reason};
  t.sha256 = sha256_hex(digests);
  return t;
}

std::shared_ptr<const DiscretionTable> discretion_table_at(const std::string& path,
                                                           const std::string& sha256) {
  return substance_xml::cached<DiscretionTable>(path, sha256, load_discretion);
}

}  // namespace auditor
