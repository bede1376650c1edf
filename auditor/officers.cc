// Rule kind officers (docs/formats/checklist.md, "officers"), from `officer`
// facts ("姓名|证号", docs/facts.md):
//   check=two_officers  documents=TYPES [min=2]: each record names at least
//     `min` officers with certificate numbers. A record without text is not
//     checkable. When none is recognised although the text mentions a
//     certificate (执法证, 证号), the layout was not read: a manual check.
//   check=reviewer_independent  review=TYPE investigation=TYPES
//     reviewer_labels=LABELS: nobody named as reviewer (审核人：X) on the
//     review document is an officer of the investigation records. Reviewers
//     are read here from the labels, not from facts (the review form's
//     承办人 are the investigators). No reviewer or no investigator found:
//     not checkable, with a manual check for the missing reviewer.
//   check=certificates  [documents=TYPES]: officers_certificates.cc.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "auditor/kind_helpers.h"
#include "auditor/officer_facts.h"
#include "auditor/rule_kinds.h"
#include "util/text_match.h"

namespace auditor {
namespace {

constexpr std::size_t kMaxNameChars = 4;

// Labels before officers' names in records (as for `officer` facts).
const std::vector<std::string> kOfficerLabels = {"执法人员", "承办人", "办案人员", "调查人员",
                                                 "检查人员", "检查人", "询问人",   "记录人"};

bool mentions_certificate(const Document& d) {
  const std::string t = normalize_for_match(d.text);
  for (const char* word : {"执法证", "证号", "证件号"})
    if (t.find(word) != std::string::npos) return true;
  return false;
}

std::vector<std::string> reviewers_in(const std::string& t, std::vector<std::string> labels,
                                      bool signature_in_line);

// What a record lacks, for {problem}: officers named without a certificate
// number (read after the officer labels), too few officers, or none.
std::string officers_problem(const Document& d, const std::vector<Officer>& officers,
                             std::size_t min) {
  std::set<std::string> with_number;
  std::string listed;
  for (const Officer& o : officers) {
    with_number.insert(normalize_for_match(o.name));
    listed += (listed.empty() ? "" : "、") + o.name + "（" + o.certificate + "）";
  }
  // 被询问人/被检查人 are the party's side, not officers.
  std::string text = d.text;
  for (const std::string passive : {"被询问人", "被检查人", "被调查人"})
    for (std::size_t at = text.find(passive); at != std::string::npos; at = text.find(passive, at))
      text.replace(at, passive.size(), "当事人");
  std::string bare;
  std::set<std::string> seen;
  for (const std::string& name : reviewers_in(text, kOfficerLabels, false)) {
    const std::string key = normalize_for_match(name);
    if (!with_number.count(key) && seen.insert(key).second)
      bare += (bare.empty() ? "" : "、") + name;
  }
  const std::string need = "应不少于 " + std::to_string(min) + " 名执法人员并载明执法证号";
  if (!bare.empty())
    return "载明的执法人员" + bare + "未写明执法证号（载明执法证号的 " +
           std::to_string(officers.size()) + " 名" + (listed.empty() ? "" : "：" + listed) + "；" +
           need + "）";
  if (officers.empty()) return "未载明执法人员姓名及执法证号（" + need + "）";
  return "仅载明 " + std::to_string(officers.size()) + " 名执法人员及执法证号（" + listed + "），" +
         need;
}

Outcome two_officers(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  const std::size_t min = std::stoul(rule_param(r, "min", "2"));
  const std::vector<const Document*> records =
      documents_of(ctx.c, split_list(rule_param(r, "documents")));
  if (records.empty()) return Outcome::not_applicable;
  bool failed = false, unknown = false;
  for (const Document* d : records) {
    if (!readable(*d)) {
      unknown = true;
      continue;
    }
    const std::vector<Officer> officers = officers_of(*d);
    if (officers.size() >= min) continue;
    std::string names;
    std::vector<std::string> evidence;
    for (const Officer& o : officers) {
      names += (names.empty() ? "" : "、") + o.name + "（" + o.certificate + "）";
      evidence.push_back(doc_label(ctx.checklist, *d) + "：" + o.snippet);
    }
    if (evidence.empty())
      evidence.push_back(doc_label(ctx.checklist, *d) + "：未识别到执法人员姓名及执法证号");
    Finding f = finding_for(r, "officers");
    const std::string message =
        fill_message(r.message, {{"document", doc_label(ctx.checklist, *d)},
                                 {"count", std::to_string(officers.size())},
                                 {"officers", names.empty() ? "无" : names},
                                 {"min", std::to_string(min)},
                                 {"problem", officers_problem(*d, officers, min)}});
    if (officers.empty() && mentions_certificate(*d)) {
      f = manual_finding(
          r, doc_label(ctx.checklist, *d) +
                 "提及执法证件，但未能识别执法人员姓名及执法证号，请人工核对是否有不少于 " +
                 std::to_string(min) + " 名执法人员并载明执法证号");
      unknown = true;
    } else {
      f.message = message;
      failed = true;
    }
    f.document = d->type;
    f.stage = d->stage;
    f.evidence = std::move(evidence);
    out.push_back(std::move(f));
  }
  if (failed) return Outcome::failed;
  return unknown ? Outcome::not_checkable : Outcome::passed;
}

bool is_han_at(const std::string& s, std::size_t i) {
  const unsigned char c = i < s.size() ? s[i] : 0;
  return i + 3 <= s.size() && c >= 0xE4 && c <= 0xE9;  // U+4E00..U+9FFF
}

// Length of the separator (space, tab, ideographic space, colon, 、 or ，) at
// s[i], 0 when none.
std::size_t separator_at(const std::string& s, std::size_t i, bool colon) {
  if (i >= s.size()) return 0;
  if (s[i] == ' ' || s[i] == '\t' || (colon && s[i] == ':') || (!colon && s[i] == ',')) return 1;
  for (const char* sep : {"　", colon ? "：" : "、", colon ? "：" : "，"})
    if (s.compare(i, 3, sep) == 0) return 3;
  return 0;
}

bool colon_at(const std::string& s, std::size_t i) {
  return i < s.size() && (s[i] == ':' || s.compare(i, 3, "：") == 0);
}

// Names (2..4 Han characters) after a reviewer label and a separator, e.g.
// "审核人：王五、赵六", "审核人（签名）：王五" or "审核人\t王五"; with
// `signature_in_line`, also after 签字：/签名： later in the label's line or
// the next ("法制审核人审核意见\t审核同意。 签字：陈丽"). A word followed by a colon is
// the next label, not a name.
std::vector<std::string> reviewers_in(const std::string& t, std::vector<std::string> labels,
                                      bool signature_in_line) {
  std::sort(labels.begin(), labels.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  std::vector<std::string> names;
  for (std::size_t i = 0; i < t.size(); ++i) {
    auto label = std::find_if(labels.begin(), labels.end(),
                              [&](const std::string& l) { return t.compare(i, l.size(), l) == 0; });
    if (label == labels.end()) continue;
    std::size_t j = i + label->size();
    for (const std::string filler :
         {"（签名）", "(签名)", "（签字）", "(签字)", "签名", "签字", "姓名"})
      if (t.compare(j, filler.size(), filler) == 0) j += filler.size();
    std::size_t label_end = j;
    while (std::size_t n = separator_at(t, j, true)) j += n;
    if (j == label_end && signature_in_line) {
      // "法制审核人审核意见\t审核同意。 签字：陈丽": the signature in the
      // label's row or on the line below it.
      std::size_t eol = std::min(t.find('\n', j), t.size());
      if (eol < t.size()) eol = std::min(t.find('\n', eol + 1), t.size());
      for (const std::string sign : {"签字", "签名"}) {
        const std::size_t at = t.find(sign, j);
        if (at == std::string::npos || at >= eol || !colon_at(t, at + sign.size())) continue;
        label_end = j = at + sign.size();
        while (std::size_t n = separator_at(t, j, true)) j += n;
        break;
      }
    }
    i = j - 1;
    if (j == label_end) continue;  // "审核人意见": a longer word, not the label
    while (j < t.size()) {
      std::size_t k = j;
      while (is_han_at(t, k)) k += 3;
      const std::size_t chars = (k - j) / 3;
      if (chars < 2 || chars > kMaxNameChars || colon_at(t, k)) break;
      names.push_back(t.substr(j, k - j));
      j = k;
      while (std::size_t n = separator_at(t, j, false)) j += n;
      i = j - 1;
      if (j == k) break;
    }
  }
  return names;
}

Outcome reviewer_independent(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  const Checklist& cl = ctx.checklist;
  const std::vector<const Document*> reviews = documents_of(ctx.c, {rule_param(r, "review")});
  if (reviews.empty()) return Outcome::not_applicable;
  std::vector<std::pair<const Document*, Officer>> investigators;
  for (const Document* d : documents_of(ctx.c, split_list(rule_param(r, "investigation"))))
    for (Officer& o : officers_of(*d)) investigators.emplace_back(d, std::move(o));
  const std::vector<std::string> labels = split_list(rule_param(r, "reviewer_labels"));
  bool failed = false, unknown = investigators.empty();
  for (const Document* review : reviews) {
    if (!readable(*review)) {
      unknown = true;
      continue;
    }
    const std::vector<std::string> reviewers = reviewers_in(review->text, labels, true);
    if (reviewers.empty()) {
      Finding m = manual_finding(r, "未能从" + doc_label(cl, *review) +
                                        "中识别审核人员，请人工核对法制审核人员未参与本案调查取证");
      m.document = review->type;
      m.stage = review->stage;
      out.push_back(std::move(m));
      unknown = true;
      continue;
    }
    for (const std::string& name : reviewers) {
      std::vector<std::string> evidence;
      std::string records;
      for (const auto& [d, o] : investigators) {
        if (normalize_for_match(o.name) != name) continue;
        records += (records.empty() ? "" : "、") + doc_label(cl, *d);
        evidence.push_back(doc_label(cl, *d) + "：" + o.snippet);
      }
      if (records.empty()) continue;
      Finding f = finding_for(r, "officers");
      f.document = review->type;
      f.stage = review->stage;
      f.message = fill_message(
          r.message,
          {{"reviewer", name}, {"review", doc_label(cl, *review)}, {"records", records}});
      evidence.insert(evidence.begin(), doc_label(cl, *review) + "：审核人员 " + name);
      f.evidence = std::move(evidence);
      out.push_back(std::move(f));
      failed = true;
    }
  }
  if (failed) return Outcome::failed;
  return unknown ? Outcome::not_checkable : Outcome::passed;
}

}  // namespace

Outcome check_officers(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  const std::string check = rule_param(r, "check");
  if (check == "two_officers") return two_officers(r, ctx, out);
  if (check == "reviewer_independent") return reviewer_independent(r, ctx, out);
  if (check == "certificates") return officer_certificates(r, ctx, out);
  return Outcome::not_checkable;  // validate_officers rejects other values
}

std::string validate_officers(const Rule& r, const Checklist& cl) {
  const std::string check = rule_param(r, "check");
  if (check == "two_officers") {
    if (std::string bad = check_param_names(r, {"check", "documents", "min"}); !bad.empty())
      return bad;
    if (std::string bad = bad_count(r, "min"); !bad.empty()) return bad;
    const std::vector<std::string> docs = split_list(rule_param(r, "documents"));
    if (docs.empty()) return "two_officers 检查须有 documents 参数（笔录类文书类型）";
    return unknown_doc_type(docs, cl);
  }
  if (check == "reviewer_independent") {
    if (std::string bad =
            check_param_names(r, {"check", "review", "investigation", "reviewer_labels"});
        !bad.empty())
      return bad;
    for (const char* p : {"review", "investigation", "reviewer_labels"})
      if (rule_param(r, p).empty())
        return "reviewer_independent 检查须有 " + std::string(p) + " 参数";
    std::vector<std::string> docs = split_list(rule_param(r, "investigation"));
    docs.push_back(rule_param(r, "review"));
    return unknown_doc_type(docs, cl);
  }
  if (check == "certificates") {
    if (std::string bad = check_param_names(r, {"check", "documents"}); !bad.empty()) return bad;
    return unknown_doc_type(split_list(rule_param(r, "documents")), cl);
  }
  return "officers 规则须有 check 参数（two_officers、reviewer_independent 或 "
         "certificates），而不是“" +
         check + "”";
}

}  // namespace auditor
