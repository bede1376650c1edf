// Rule kind meeting: the dispatch, the params, and the checks of who took
// part (participants, head_present, investigators_not_voting). The other
// checks are in meeting_record.cc and meeting_order.cc; the contract of each
// is in meeting.h.
#include "auditor/meeting.h"

#include <algorithm>

#include "auditor/kind_helpers.h"
#include "auditor/meeting_facts.h"
#include "auditor/officer_facts.h"

namespace auditor {
namespace {

std::string listed(const std::vector<Attendee>& people) {
  std::string out;
  for (const Attendee& a : people)
    out += (out.empty() ? "" : "、") + a.name + (a.role.empty() ? "" : "（" + a.role + "）");
  return out;
}

// The lines the voters were read from, each once.
void add_snippets(const std::vector<Attendee>& voters, std::vector<std::string>& evidence) {
  std::vector<std::string> seen;
  for (const Attendee& a : voters)
    if (std::find(seen.begin(), seen.end(), a.snippet) == seen.end()) {
      seen.push_back(a.snippet);
      evidence.push_back("载明：“" + a.snippet + "”");
    }
}

// Whether the text mentions the people's fields at all (so that none read
// means the layout was not understood, not that the record lacks them).
bool mentions_people(const Document& d) {
  for (const char* w : {"主持", "参加", "出席", "参会", "与会", "列席"})
    if (d.text.find(w) != std::string::npos) return true;
  return false;
}

Outcome participants(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  const Checklist& cl = ctx.checklist;
  const std::size_t min = std::stoul(rule_param(r, "min", "3"));
  const char* ask = "请人工核对是否载明主持人、参加人员及其职务、记录人";
  return over_records(r, ctx, out, ask, [&](const Document& d) {
    const std::string label = doc_label(cl, d);
    const std::vector<Attendee> host = attendees_of(d, "meeting_host");
    const std::vector<Attendee> voters = voters_of(d);
    const std::vector<std::string> recorder = fact_values(d, "meeting_recorder");
    if (voters.empty() && recorder.empty() && mentions_people(d)) {
      out.push_back(record_finding(r, cl, d, "manual_check",
                                   label + "中未能识别主持人、参加人员及记录人，" + ask));
      return RecordVerdict::unknown;
    }
    std::vector<std::string> problems;
    if (host.empty()) problems.push_back("未载明主持人");
    if (voters.size() < min)
      problems.push_back(
          voters.empty() ? "未载明参加人员"
                         : "参加讨论（表决）的人员仅 " + std::to_string(voters.size()) + " 人（" +
                               listed(voters) + "），应不少于 " + std::to_string(min) + " 人");
    if (recorder.empty()) problems.push_back("未载明记录人");
    if (problems.empty()) return RecordVerdict::passed;
    std::string problem;
    for (const std::string& p : problems) problem += (problem.empty() ? "" : "；") + p;
    Finding f = record_finding(r, cl, d, "meeting");
    f.message = fill_message(r.message, {{"document", label}, {"problem", problem}});
    add_snippets(voters, f.evidence);
    out.push_back(std::move(f));
    return RecordVerdict::failed;
  });
}

// A position naming the head: a head word not right after 副 (副主任 is no 主任).
bool is_head(const std::string& role, const std::vector<std::string>& words) {
  for (const std::string& w : words)
    for (std::size_t at = role.find(w); at != std::string::npos; at = role.find(w, at + 1))
      if (at < 3 || role.compare(at - 3, 3, "副") != 0) return true;
  return false;
}

Outcome head_present(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  const Checklist& cl = ctx.checklist;
  const std::vector<std::string> words = split_list(rule_param(r, "head_roles"));
  return over_records(r, ctx, out, {}, [&](const Document& d) {
    const std::string label = doc_label(cl, d);
    const std::vector<Attendee> voters = voters_of(d);
    // participants reports the record that names nobody
    if (voters.empty()) return RecordVerdict::unknown;
    if (std::any_of(voters.begin(), voters.end(),
                    [&](const Attendee& a) { return is_head(a.role, words); }))
      return RecordVerdict::passed;
    if (std::all_of(voters.begin(), voters.end(),
                    [](const Attendee& a) { return a.role.empty(); })) {
      out.push_back(record_finding(r, cl, d, "manual_check",
                                   label + "未载明参会人员职务（参会人员：" + listed(voters) +
                                       "），请人工核对机关负责人是否出席"));
      return RecordVerdict::unknown;
    }
    Finding f = record_finding(r, cl, d, "meeting");
    f.message = fill_message(r.message, {{"document", label},
                                         {"attendees", listed(voters)},
                                         {"head_roles", rule_param(r, "head_roles")}});
    add_snippets(voters, f.evidence);
    out.push_back(std::move(f));
    return RecordVerdict::failed;
  });
}

Outcome investigators_not_voting(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  const Checklist& cl = ctx.checklist;
  std::vector<std::pair<const Document*, Officer>> investigators;
  for (const Document* d : documents_of(ctx.c, split_list(rule_param(r, "investigation"))))
    for (Officer& o : officers_of(*d)) investigators.emplace_back(d, std::move(o));
  const auto judge = [&](const Document& d) {
    const std::vector<Attendee> voters = voters_of(d);
    if (voters.empty()) return RecordVerdict::unknown;
    RecordVerdict verdict = RecordVerdict::passed;
    for (const Attendee& a : voters) {
      std::string where;
      std::vector<std::string> evidence;
      for (const auto& [doc, o] : investigators) {
        if (name_key(o.name) != name_key(a.name)) continue;
        const std::string l = doc_label(cl, *doc);
        if (where.find(l) == std::string::npos) where += (where.empty() ? "" : "、") + l;
        evidence.push_back(l + "：" + o.snippet);
      }
      if (where.empty()) continue;
      Finding f = record_finding(r, cl, d, "meeting");
      f.message = fill_message(
          r.message, {{"document", doc_label(cl, d)}, {"name", a.name}, {"records", where}});
      f.evidence.push_back("参加讨论人员：" + a.snippet);
      f.evidence.insert(f.evidence.end(), evidence.begin(), evidence.end());
      out.push_back(std::move(f));
      verdict = RecordVerdict::failed;
    }
    return verdict;
  };
  return over_records(r, ctx, out, {}, judge, investigators.empty());
}

// The checks and the params each takes besides check and documents.
struct CheckSpec {
  const char* name;
  std::initializer_list<std::string_view> params;
  std::initializer_list<const char*> required;
  std::initializer_list<const char*> type_lists;  // params naming document types
};
const CheckSpec kChecks[] = {
    {"participants", {"min"}, {}, {}},
    {"head_present", {"head_roles"}, {"head_roles"}, {}},
    {"investigators_not_voting", {"investigation"}, {"investigation"}, {"investigation"}},
    {"signatures", {}, {}, {}},
    {"dissent", {}, {}, {}},
    {"conclusion", {"decision"}, {"decision"}, {"decision"}},
    {"after_defence", {"after"}, {"after"}, {"after"}},
};

}  // namespace

std::vector<const Document*> records_of(const Rule& r, const Case& c, const char* fallback) {
  return documents_of(c, split_list(rule_param(r, "documents", fallback)));
}

Outcome over_records(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out,
                     std::string_view ask_unreadable,
                     const std::function<RecordVerdict(const Document&)>& judge,
                     bool unknown_anyway) {
  const std::vector<const Document*> records = records_of(r, ctx.c, "collective_discussion");
  if (records.empty()) return Outcome::not_applicable;
  bool failed = false, unknown = unknown_anyway;
  for (const Document* d : records) {
    if (!ask_unreadable.empty() && !readable(*d)) {
      out.push_back(record_finding(r, ctx.checklist, *d, "manual_check",
                                   doc_label(ctx.checklist, *d) + "无可提取文字（可能为扫描件），" +
                                       std::string(ask_unreadable)));
      unknown = true;
      continue;
    }
    const RecordVerdict v = judge(*d);
    failed = failed || v == RecordVerdict::failed;
    unknown = unknown || v == RecordVerdict::unknown;
  }
  if (failed) return Outcome::failed;
  return unknown ? Outcome::not_checkable : Outcome::passed;
}

Finding record_finding(const Rule& r, const Checklist& cl, const Document& d, std::string kind,
                       std::string message) {
  Finding f = kind == "manual_check" ? manual_finding(r, std::move(message))
                                     : finding_for(r, std::move(kind));
  f.document = d.type;
  f.stage = d.stage;
  f.evidence.push_back(doc_label(cl, d));
  return f;
}

Outcome check_meeting(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  const std::string check = rule_param(r, "check");
  if (check == "participants") return participants(r, ctx, out);
  if (check == "head_present") return head_present(r, ctx, out);
  if (check == "investigators_not_voting") return investigators_not_voting(r, ctx, out);
  if (check == "signatures") return meeting_signatures(r, ctx, out);
  if (check == "dissent") return meeting_dissent(r, ctx, out);
  if (check == "conclusion") return meeting_conclusion(r, ctx, out);
  if (check == "after_defence") return meeting_after_defence(r, ctx, out);
  return Outcome::not_checkable;  // validate_meeting rejects other values
}

std::string validate_meeting(const Rule& r, const Checklist& cl) {
  const std::string check = rule_param(r, "check");
  for (const CheckSpec& spec : kChecks) {
    if (check != spec.name) continue;
    for (const auto& [name, value] : r.params) {
      const bool ok = name == "check" || name == "documents" ||
                      std::find(spec.params.begin(), spec.params.end(), name) != spec.params.end();
      if (!ok) return "meeting 规则（check=" + check + "）不接受参数 " + name;
    }
    for (const char* p : spec.required)
      if (rule_param(r, p).empty()) return check + " 检查须有 " + p + " 参数";
    if (std::string bad = bad_count(r, "min"); !bad.empty()) return bad;
    std::vector<std::string> types =
        split_list(rule_param(r, "documents", "collective_discussion"));
    for (const char* p : spec.type_lists)
      for (const std::string& t : split_list(rule_param(r, p))) types.push_back(t);
    return unknown_doc_type(types, cl);
  }
  std::string names;
  for (const CheckSpec& spec : kChecks)
    names += (names.empty() ? "" : "、") + std::string(spec.name);
  return "meeting 规则须有 check 参数（" + names + "），而不是“" + check + "”";
}

}  // namespace auditor
