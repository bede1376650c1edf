// Document classification: title text, then member name, then folder.
#include <algorithm>
#include <cctype>

#include "auditor/checker.h"

#include "auditor/rule_kinds.h"
#include "auditor/title_match.h"
#include "util/text_match.h"
#include "util/utf8.h"

namespace auditor {
namespace {

constexpr std::size_t kMaxTitleLine = 40;  // code points; longer lines are body text
constexpr std::string_view kApprovalForm = "approval_form";

// Folder keywords giving a stage; the first keyword found wins.
const std::pair<const char*, int> kFolderKeywords[] = {
    {"立案", 1}, {"调查", 2}, {"取证", 2}, {"告知", 3}, {"审核", 4}, {"讨论", 4},
    {"决定", 5}, {"送达", 6}, {"公示", 6}, {"执行", 7}, {"结案", 8}, {"归档", 8}};

// A folder's stage: a leading number 1..8 ("03告知", "3.调查", "第3阶段"),
// else a stage keyword. nullopt when the folder says nothing.
std::optional<int> folder_stage(const std::string& folder) {
  std::string f = normalize_for_match(folder);
  if (f.rfind("第", 0) == 0) f.erase(0, std::string("第").size());
  std::size_t digits = 0;
  while (digits < f.size() && std::isdigit(static_cast<unsigned char>(f[digits]))) ++digits;
  if (digits > 0 && digits <= 2) {
    const int n = std::stoi(f.substr(0, digits));
    if (n >= 1 && n <= 8) return n;
  }
  for (const auto& [keyword, stage] : kFolderKeywords)
    if (f.find(keyword) != std::string::npos) return stage;
  return std::nullopt;
}

// The member's base name without extension and without leading numbering
// such as "06-", "06_", "6.", "(6)", "六、".
std::string bare_name(const std::string& path) {
  std::string name = path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
  if (std::size_t dot = name.rfind('.'); dot != std::string::npos && dot > 0) name.erase(dot);
  name = normalize_for_match(name);
  static const std::string kChineseDigits[] = {"一", "二", "三", "四", "五", "六",
                                               "七", "八", "九", "十", "〇", "零"};
  std::size_t i = 0;
  if (i < name.size() && (name[i] == '(' || name[i] == '[')) ++i;
  const std::size_t start = i;
  for (bool more = true; more;) {
    more = false;
    if (i < name.size() && std::isdigit(static_cast<unsigned char>(name[i]))) {
      ++i, more = true;
      continue;
    }
    for (const std::string& d : kChineseDigits)
      if (name.compare(i, d.size(), d) == 0) {
        i += d.size(), more = true;
        break;
      }
  }
  if (i == start) return name;  // no numbering
  for (std::string_view sep : {")", "]", "-", "_", ".", "、", "．", "—"})
    while (name.compare(i, sep.size(), sep) == 0) i += sep.size();
  return name.substr(i);
}

std::vector<std::string> folders_deepest_first(const std::string& path) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t slash; (slash = path.find('/', start)) != std::string::npos; start = slash + 1)
    out.push_back(path.substr(start, slash - start));
  std::reverse(out.begin(), out.end());
  return out;
}

// A heading line without the organ before the title and the number after it
// (广州市海珠区人民政府赤岗街道办事处行政处罚决定书穗海赤岗综执罚决〔2024〕31号 ->
// 行政处罚决定书), for measuring whether it is short enough to be a title.
std::string without_organ_and_number(std::string line) {
  for (std::string_view organ : {"街道办事处", "人民政府"})
    if (const std::size_t at = line.rfind(organ); at != std::string::npos)
      line.erase(0, at + organ.size());
  if (const std::size_t sui = line.find("穗"); sui != std::string::npos && sui > 0)
    line.resize(sui);
  for (std::size_t at = line.find('['); at != std::string::npos; at = line.find('[', at + 1))
    if (at + 1 < line.size() && std::isdigit(static_cast<unsigned char>(line[at + 1]))) {
      line.resize(at);
      break;
    }
  return line;
}

// The first short title line that names a document type; else two adjacent
// short lines joined (a title wrapped in a narrow cell: 行政处罚事先 / 告知书).
TitleMatch type_from_title(const std::string& title, const Checklist& cl) {
  constexpr std::size_t kMaxHalf = 20;  // code points of one half of a wrapped title
  std::vector<std::string> lines;       // normalised; empty: not a title line
  for (std::size_t start = 0; start < title.size();) {
    std::size_t end = title.find('\n', start);
    if (end == std::string::npos) end = title.size();
    // Table cells (tab-separated) are read one by one: 立案审批表 | 编号：穗海….
    std::string line;
    const std::string raw = title.substr(start, end - start);
    for (std::size_t cb = 0; cb <= raw.size();) {
      std::size_t ce = raw.find('\t', cb);
      if (ce == std::string::npos) ce = raw.size();
      std::string cell = normalize_for_match(std::string_view(raw).substr(cb, ce - cb));
      // A label cell is no title: 行政处罚决定书文号 穗海…; after a colon only
      // the text that follows counts (附件1：立案审批表).
      for (std::string_view colon : {":", "："})
        if (const std::size_t c = cell.rfind(colon); c != std::string::npos)
          cell.erase(0, c + colon.size());
      const bool label = cell.find("文号") != std::string::npos ||
                         cell.find("编号") != std::string::npos ||
                         cell.find("案号") != std::string::npos;
      if (!label) line += cell;
      cb = ce + 1;
    }
    if (code_point_count(without_organ_and_number(line)) > kMaxTitleLine) line.clear();
    lines.push_back(std::move(line));
    start = end + 1;
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].empty()) continue;
    // 行政处罚（听证）告知书 / 审批表: the ending wrapped onto the next line.
    const bool wrapped_ending = i + 1 < lines.size() && !lines[i + 1].empty() &&
                                approval_ending(lines[i + 1]) == lines[i + 1];
    if (TitleMatch m = title_match(wrapped_ending ? lines[i] + lines[i + 1] : lines[i], cl, {});
        m.type)
      return m;
  }
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const std::string& a = lines[i - 1];
    const std::string& b = lines[i];
    if (a.empty() || b.empty() || code_point_count(a) > kMaxHalf || code_point_count(b) > kMaxHalf)
      continue;
    if (TitleMatch m = title_match(a + b, cl, {}); m.type) return m;
  }
  return {};
}

// Records what an approval form approves as an `approves` fact (replacing
// one from an earlier classification).
void set_approves(Document& d, const DocType* approved, const std::string& said) {
  std::erase_if(d.facts, [](const Fact& f) { return f.kind == "approves"; });
  if (approved) d.facts.push_back({"approves", approved->id, said});
}

// 3 when the receipt serves a stage-3 document (the penalty notice, a
// hearing notice...) or merely says 告知书, or sits in a stage-3 folder;
// otherwise 6.
int receipt_stage(const Document& d, const Case& c, const Checklist& cl,
                  std::optional<int> folder) {
  if (const DocType* served = served_type(d, c, cl)) return served->stage == 3 ? 3 : 6;
  std::string said = normalize_for_match(d.title + "\n" + bare_name(d.path));
  for (const Fact& f : d.facts)
    if (f.kind == "served_document") said += "\n" + normalize_for_match(f.value);
  if (said.find("告知书") != std::string::npos) return 3;
  return folder == 3 ? 3 : 6;
}

}  // namespace

const DocType* doc_type_named(std::string_view text, const Checklist& cl, std::string_view except) {
  return title_match(normalize_for_match(text), cl, except).type;
}

const DocType* served_type(const Document& receipt, const Case& c, const Checklist& cl) {
  for (const Fact& f : receipt.facts) {
    if (f.kind != "served_number") continue;
    const std::string wanted = normalize_for_match(f.value);
    for (const Document& d : c.documents)
      if (&d != &receipt && d.type && d.number && normalize_for_match(*d.number) == wanted)
        return cl.doc_type(*d.type);
  }
  std::vector<std::string> texts;
  for (const Fact& f : receipt.facts)
    if (f.kind == "served_document") texts.push_back(f.value);
  texts.push_back(receipt.title);
  texts.push_back(bare_name(receipt.path));
  const std::string self = receipt.type.value_or("service_receipt");
  for (const std::string& text : texts)
    if (const DocType* t = doc_type_named(text, cl, self)) return t;
  return nullptr;
}

void classify(Case& c, const Checklist& checklist) {
  std::vector<std::optional<int>> folder(c.documents.size());
  for (std::size_t i = 0; i < c.documents.size(); ++i) {
    Document& d = c.documents[i];
    for (const std::string& f : folders_deepest_first(d.path))
      if ((folder[i] = folder_stage(f))) break;
    if (d.type_source == Source::manifest) continue;
    TitleMatch m = type_from_title(d.title, checklist);
    Source source = Source::title;
    if (!m.type) m = title_match(bare_name(d.path), checklist, {}), source = Source::name;
    d.type = m.type ? std::optional(m.type->id) : std::nullopt;
    d.type_source = m.type ? source : Source::none;
    set_approves(d, m.approves, m.approves ? m.approves->name : std::string());
    // A catalogue lists the file's numbers: the first of them is not its own.
    if (d.type == "catalogue") d.number.reset();
  }
  // Stages once every type is known: a receipt's stage depends on the
  // document it serves. A stage already set (declared by the manifest) stays.
  for (std::size_t i = 0; i < c.documents.size(); ++i) {
    Document& d = c.documents[i];
    if (d.stage) continue;
    const DocType* t = d.type ? checklist.doc_type(*d.type) : nullptr;
    if (!t) {
      d.stage = folder[i];
    } else if (t->id == "service_receipt") {
      d.stage = receipt_stage(d, c, checklist, folder[i]);
    } else if (t->id == kApprovalForm) {  // the stage of the document approved
      const DocType* approved = nullptr;
      for (const Fact& f : d.facts)
        if (f.kind == "approves") approved = checklist.doc_type(f.value);
      d.stage = approved ? approved->stage : folder[i] ? folder[i] : t->stage;
    } else {
      d.stage = t->stage;
    }
  }
}

}  // namespace auditor
