// Rule kind numbering: case numbers and document numbers against the
// checklist's <numbering> data. The param `check` selects the check
// (docs/formats/checklist.md):
//   case_number_format     every case number written in the file has the
//                          case pattern's shape (`defects` may narrow it)
//   doc_number_format      each outgoing document's own number has the
//                          document pattern's shape (`defects` may narrow)
//   number_present         each readable outgoing document carries a number
//   abbreviation_matches_type  the number's 文书简称 is its type's
//   year_matches_date      the year in the brackets is the year of the
//                          document's date (numbers=document) or of the
//                          filing date (numbers=case)
//   street_code            the street code is the case's street: the issuing
//                          organ's (auditor/issuing_organ.h), else CaseInfo's;
//                          case numbers only against an organ
//   case_number_everywhere each internal form carries the case number
//   serial_unique          cross-case, applied by apply_number_uniqueness
//   number_unique_in_case  no two outgoing documents of one case carry the
//                          same 文号 (two files of one document may)
// Inputs the file does not give (no text, no date, no street) make a check
// not_checkable; nothing is guessed.
#include <algorithm>
#include <cstdlib>

#include "auditor/events.h"
#include "auditor/held_numbers.h"
#include "auditor/issuing_organ.h"
#include "auditor/kind_helpers.h"
#include "auditor/numbering_rules.h"
#include "auditor/rule_kinds.h"

namespace auditor {

std::string type_name(const Checklist& cl, const std::string& type) {
  const DocType* t = cl.doc_type(type);
  return "《" + (t ? t->name : type) + "》";
}

namespace {

bool listed(const std::vector<std::string>& list, std::string_view item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

// Where a number is written, for messages: 《A》、《B》等 N 份文书.
std::string written_where(const Written& w, const Checklist& cl) {
  constexpr std::size_t kNamed = 3;
  std::vector<std::string> names;
  for (const Document* d : w.documents)
    if (std::string n = type_name(cl, d->type.value_or(d->path)); !listed(names, n))
      names.push_back(n);
  if (names.empty()) return "案件信息（卷内清单）";
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < kNamed; ++i) out += (i ? "、" : "") + names[i];
  if (names.size() > kNamed) out += "等 " + std::to_string(w.documents.size()) + " 份文书";
  return out;
}

std::vector<std::string> written_evidence(const Written& w, const Checklist& cl) {
  constexpr std::size_t kListed = 10;
  std::vector<std::string> out;
  if (!w.number.empty()) out.push_back("编号（原文）：" + w.number);
  for (std::size_t i = 0; i < w.documents.size() && i < kListed; ++i)
    out.push_back("文书：" + type_name(cl, w.documents[i]->type.value_or("")) + "（" +
                  w.documents[i]->path + "）");
  if (w.documents.size() > kListed)
    out.push_back("另有 " + std::to_string(w.documents.size() - kListed) + " 份文书");
  if (w.documents.empty()) out.push_back("来源：案件信息（卷内清单或立案审批表）");
  return out;
}

struct DatedBy {
  std::string date;    // ISO
  std::string source;  // Chinese: where the date came from
};

std::optional<DatedBy> filing_date(const Case& c) {
  if (auto it = c.info.dates.find("filed"); it != c.info.dates.end() && it->second.size() >= 4)
    return DatedBy{it->second, "立案日期"};
  for (const Document& d : c.documents)
    if (d.type == "filing_approval" && d.date) return DatedBy{*d.date, "立案审批表日期"};
  return std::nullopt;
}

std::optional<DatedBy> document_date(const Written& w) {
  for (const Document* d : w.documents)
    if (d->date && d->date->size() >= 4) return DatedBy{*d->date, "文书日期，" + d->path};
  return std::nullopt;
}

struct CaseStreet {
  const StreetCode* code = nullptr;
  std::string source;               // Chinese
  std::string organ;                // the organ as written, or the organ name of a stated street
  bool judges_case_number = false;  // not itself taken from the case number
};

// The case's street: a street CaseInfo states that differs from the issuing
// organ's (only a manifest declares such a one), else the issuing organ's
// (heading, signature block, seal), else CaseInfo's (a manifest's, or the
// case number's 街道代字); nullopt when nothing names one.
std::optional<CaseStreet> case_street(const Case& c, const Checklist& cl) {
  const std::optional<IssuingOrgan> o = issuing_organ(c, cl);
  const StreetCode* stated = c.info.street ? cl.numbering.by_street(*c.info.street) : nullptr;
  if (stated && (!o || stated != o->street)) {
    std::string organ = cl.numbering.organ_template;
    if (const std::size_t slot = organ.find("{街道}"); slot != std::string::npos)
      organ.replace(slot, std::string_view("{街道}").size(), stated->street);
    return CaseStreet{stated,
                      o ? "卷内清单载明街道“" + *c.info.street + "”"
                        : "案件信息中的街道“" + *c.info.street + "”（卷内清单载明或由案号推定）",
                      organ, o || c.has_manifest};
  }
  if (o)
    return CaseStreet{o->street,
                      type_name(cl, o->document->type.value_or("")) + "（" + o->document->path +
                          "）载明的机关“" + o->written + "”",
                      o->written, true};
  return std::nullopt;
}

// The numbers a check looks at, grouped by what is written.
struct Numbers {
  bool is_case = false;
  std::vector<Written> items;
};

std::vector<Numbers> selected(const Rule& r, const RuleContext& ctx) {
  std::vector<Numbers> out;
  const std::vector<std::string> which = split_list(rule_param(r, "numbers"));
  if (listed(which, "case")) out.push_back({true, written_case_numbers(ctx.c)});
  if (listed(which, "document"))
    out.push_back({false, written_document_numbers(ctx.c, ctx.checklist)});
  return out;
}

const NumberPattern& pattern_for(bool is_case, const Checklist& cl) {
  return is_case ? cl.numbering.case_pattern : cl.numbering.document_pattern;
}

}  // namespace

Finding numbering_finding(const Rule& r, const RuleContext& ctx, const Written& w,
                          std::map<std::string, std::string> values,
                          std::vector<std::string> evidence) {
  Finding f = finding_for(r, "numbering");
  const Document* first = w.documents.empty() ? nullptr : w.documents.front();
  if (!f.stage && first) f.stage = first->stage;
  if (first) f.document = first->type;
  values.emplace("number", w.number);
  values.emplace("member", first ? first->path : std::string("卷内清单"));
  values.emplace("document", written_where(w, ctx.checklist));
  f.message = fill_message(r.message, values);
  f.evidence = written_evidence(w, ctx.checklist);
  f.evidence.insert(f.evidence.end(), evidence.begin(), evidence.end());
  return f;
}

namespace {

Outcome check_format(const Rule& r, const RuleContext& ctx, bool is_case,
                     std::vector<Finding>& out) {
  const std::vector<std::string> wanted =
      r.params.count("defects") ? split_list(rule_param(r, "defects")) : defect_parts();
  const std::vector<Written> numbers =
      is_case ? written_case_numbers(ctx.c) : written_document_numbers(ctx.c, ctx.checklist);
  bool failed = false;
  for (const Written& w : numbers) {
    const ParsedNumber n = parse_number(w.number, pattern_for(is_case, ctx.checklist),
                                        ctx.checklist.numbering, abbreviations(ctx.checklist));
    std::string defects;
    std::vector<std::string> evidence;
    for (const NumberDefect& d : n.defects)
      if (listed(wanted, d.part)) {
        defects += (defects.empty() ? "" : "；") + d.message;
        evidence.push_back("问题：" + d.message);
      }
    if (defects.empty()) continue;
    evidence.push_back("编号规则：" + pattern_for(is_case, ctx.checklist).text);
    out.push_back(numbering_finding(r, ctx, w, {{"defects", defects}}, std::move(evidence)));
    failed = true;
  }
  if (failed) return Outcome::failed;
  return numbers.empty() ? Outcome::not_checkable : Outcome::passed;
}

Outcome check_present(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  bool any = false, failed = false;
  for (const Document& d : ctx.c.documents) {
    const DocType* t = d.type ? ctx.checklist.doc_type(*d.type) : nullptr;
    if (!t || t->abbreviation.empty() || (!d.number && !readable(d))) continue;
    any = true;
    if (d.number) continue;
    Written w{"", d.type.value_or(""), {&d}};
    out.push_back(numbering_finding(r, ctx, w, {{"abbreviation", t->abbreviation}},
                                    {"正文中未找到文书编号（文号）"}));
    failed = true;
  }
  if (failed) return Outcome::failed;
  return any ? Outcome::passed : Outcome::not_checkable;
}

Outcome check_abbreviation(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  bool any = false, failed = false;
  for (const Written& w : written_document_numbers(ctx.c, ctx.checklist)) {
    const DocType* t = ctx.checklist.doc_type(w.type);
    const ParsedNumber n = parse_number(w.number, ctx.checklist.numbering.document_pattern,
                                        ctx.checklist.numbering, abbreviations(ctx.checklist));
    if (!t || n.kind.empty() || n.has_defect("abbreviation")) continue;
    any = true;
    if (n.kind == t->abbreviation) continue;
    out.push_back(numbering_finding(r, ctx, w,
                                    {{"abbreviation", n.kind}, {"expected", t->abbreviation}},
                                    {"《" + t->name + "》的文书简称：" + t->abbreviation}));
    failed = true;
  }
  if (failed) return Outcome::failed;
  return any ? Outcome::passed : Outcome::not_checkable;
}

Outcome check_year(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  bool any = false, failed = false;
  // An implausible date (events.h) is no evidence of the year: the date
  // rules ask for a manual check about it.
  const PlausibleDates plausible = plausible_dates(ctx.checklist);
  auto usable = [&](const std::optional<DatedBy>& d) {
    if (!d) return false;
    if (std::optional<Date> full = Date::parse(d->date)) return plausible.contains(*full);
    const int year = std::atoi(d->date.substr(0, 4).c_str());  // a year or month only
    return year >= plausible.first.year() && year <= plausible.last.year();
  };
  for (const Numbers& group : selected(r, ctx))
    for (const Written& w : group.items) {
      const ParsedNumber n = parse_number(w.number, pattern_for(group.is_case, ctx.checklist),
                                          ctx.checklist.numbering, abbreviations(ctx.checklist));
      const std::optional<DatedBy> date = group.is_case ? filing_date(ctx.c) : document_date(w);
      if (!n.year || !usable(date)) continue;
      any = true;
      if (date->date.substr(0, 4) == std::to_string(*n.year)) continue;
      out.push_back(numbering_finding(r, ctx, w,
                                      {{"year", std::to_string(*n.year)}, {"date", date->date}},
                                      {"日期：" + date->date + "（" + date->source + "）"}));
      failed = true;
    }
  if (failed) return Outcome::failed;
  return any ? Outcome::passed : Outcome::not_checkable;
}

Outcome check_street(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  const std::optional<CaseStreet> street = case_street(ctx.c, ctx.checklist);
  if (!street) return Outcome::not_checkable;
  bool any = false, failed = false;
  for (const Numbers& group : selected(r, ctx))
    for (const Written& w : group.items) {
      // The case number is judged against the organ only: a street taken
      // from the case number itself proves nothing about it.
      if (group.is_case && !street->judges_case_number) continue;
      const ParsedNumber n = parse_number(w.number, pattern_for(group.is_case, ctx.checklist),
                                          ctx.checklist.numbering, abbreviations(ctx.checklist));
      if (!ctx.checklist.numbering.by_code(n.street_code)) continue;
      any = true;
      if (n.street_code == street->code->code) continue;
      out.push_back(numbering_finding(r, ctx, w,
                                      {{"code", n.street_code},
                                       {"expected", street->code->code},
                                       {"street", street->code->street},
                                       {"organ", street->organ}},
                                      {"本案街道：" + street->code->street + "（" + street->source +
                                       "），代字" + street->code->code}));
      failed = true;
    }
  if (failed) return Outcome::failed;
  return any ? Outcome::passed : Outcome::not_checkable;
}

Outcome check_everywhere(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  const Numbering& numbering = ctx.checklist.numbering;
  // The case's number: CaseInfo's, else the first one written anywhere.
  const std::vector<Written> written = written_case_numbers(ctx.c);
  const std::string reference = written.empty() ? "" : written.front().number;
  auto key_of = [&](const std::string& v) {
    return parse_number(v, numbering.case_pattern, numbering, {}).key();
  };
  const std::string reference_key = key_of(reference);
  auto same = [&](const Fact& f) {
    if (f.kind != "case_number") return false;
    const std::string key = key_of(f.value);
    return key.empty() || reference_key.empty() ? f.value == reference : key == reference_key;
  };
  bool any = false, failed = false;
  for (const Document& d : ctx.c.documents) {
    if (!d.type || !numbering.is_internal_form(*d.type) || !readable(d)) continue;
    any = true;
    if (std::any_of(d.facts.begin(), d.facts.end(), same)) continue;
    auto other = std::find_if(d.facts.begin(), d.facts.end(),
                              [](const Fact& f) { return f.kind == "case_number"; });
    const bool missing = other == d.facts.end();
    const std::string detail =
        missing ? "未载明案号"
                : "载明的案号为" + other->value + "，与本案案号" + reference + "不一致";
    Written w{missing ? "" : other->value, *d.type, {&d}};
    std::vector<std::string> evidence = {"问题：" + detail};
    if (!reference.empty()) evidence.push_back("本案案号：" + reference);
    out.push_back(numbering_finding(r, ctx, w, {{"detail", detail}, {"expected", reference}},
                                    std::move(evidence)));
    failed = true;
  }
  if (failed) return Outcome::failed;
  return any ? Outcome::passed : Outcome::not_checkable;
}

const char* const kChecks[] = {
    "case_number_format",        "doc_number_format", "number_present",
    "abbreviation_matches_type", "year_matches_date", "street_code",
    "case_number_everywhere",    "serial_unique",     "number_unique_in_case"};

}  // namespace

Outcome check_numbering(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  const std::string check = rule_param(r, "check");
  if (check == "case_number_format") return check_format(r, ctx, true, out);
  if (check == "doc_number_format") return check_format(r, ctx, false, out);
  if (check == "number_present") return check_present(r, ctx, out);
  if (check == "abbreviation_matches_type") return check_abbreviation(r, ctx, out);
  if (check == "year_matches_date") return check_year(r, ctx, out);
  if (check == "street_code") return check_street(r, ctx, out);
  if (check == "case_number_everywhere") return check_everywhere(r, ctx, out);
  if (check == "number_unique_in_case") return check_unique_in_case(r, ctx, out);
  // serial_unique: this case alone shows no duplicate; the batch post-pass
  // (apply_number_uniqueness) compares it with every stored case.
  return held_numbers(ctx.c, ctx.checklist).empty() ? Outcome::not_checkable : Outcome::passed;
}

std::string validate_numbering(const Rule& r, const Checklist& cl) {
  if (std::string bad = check_param_names(r, {"check", "defects", "numbers"}); !bad.empty())
    return bad;
  if (cl.numbering.source.empty())
    return "检查清单中没有 <numbering> 编号规则文件，不能使用 numbering 规则";
  const std::string check = rule_param(r, "check");
  if (std::none_of(std::begin(kChecks), std::end(kChecks),
                   [&](const char* c) { return check == c; })) {
    std::string known;
    for (const char* c : kChecks) known += (known.empty() ? "" : "、") + std::string(c);
    return "check 参数 " + (check.empty() ? std::string("缺失") : check + " 无效") + "（可用：" +
           known + "）";
  }
  const bool format = check == "case_number_format" || check == "doc_number_format";
  if (r.params.count("defects") && !format) return "defects 参数只能用于 *_number_format 检查";
  for (const std::string& d : split_list(rule_param(r, "defects")))
    if (!listed(defect_parts(), d))
      return "defects 参数中的 " + d +
             " 无效（可用：prefix、street、agency、abbreviation、brackets、year、serial、suffix）";
  const bool numbered = check == "year_matches_date" || check == "street_code";
  if (numbered != static_cast<bool>(r.params.count("numbers")))
    return numbered ? check + " 检查须有 numbers 参数（case、document 或 case,document）"
                    : "numbers 参数只能用于 year_matches_date 和 street_code 检查";
  const std::vector<std::string> numbers = split_list(rule_param(r, "numbers"));
  if (numbered && numbers.empty()) return "numbers 参数为空";
  for (const std::string& n : numbers)
    if (n != "case" && n != "document")
      return "numbers 参数中的 " + n + " 无效（可用：case、document）";
  if (check == "serial_unique" && !r.when.empty())
    return "serial_unique 检查在整批审查后跨案卷进行，不能附加 when 条件";
  for (const InternalForm& f : cl.numbering.internal_forms)
    if (!cl.doc_type(f.type)) return f.source + "：内部文书中有未知的文书类型 " + f.type;
  return {};
}

}  // namespace auditor
