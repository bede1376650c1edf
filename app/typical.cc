#include "app/typical.h"

#include <map>
#include <set>

#include "app/review_session.h"
#include "app/round_plan.h"
#include "auditor/case_info.h"
#include "auditor/draw.h"
#include "reports/report_text.h"
#include "reports/typical.h"
#include "store/case_reader.h"
#include "store/round_reader.h"
#include "util/atomic_file.h"
#include "util/utf8.h"

namespace auditor {
namespace {

// The round's marks per case (same index as `cases`), by the record's rule
// of case identity (split_record: the case number, else the archive).
std::vector<std::vector<TypicalMark>> marks_by_case(
    const std::vector<TypicalMark>& marks,
    const std::vector<std::pair<std::optional<std::string>, std::string>>& cases) {
  Record carrier;  // each mark as a row split_record knows, its index in `seq`
  for (std::size_t k = 0; k < marks.size(); ++k)
    carrier.reopens.push_back({marks[k].at, {}, {}, {}, static_cast<long long>(k)});
  std::vector<std::vector<TypicalMark>> out(cases.size());
  const std::vector<Record> split = split_record(carrier, cases);
  for (std::size_t i = 0; i < split.size(); ++i)
    for (const Reopen& r : split[i].reopens) out[i].push_back(marks[r.seq]);
  return out;
}

std::vector<std::vector<TypicalMark>> marks_by_case(const std::vector<TypicalMark>& marks,
                                                    const RoundData& data) {
  std::vector<std::pair<std::optional<std::string>, std::string>> cases;
  for (std::size_t i = 0; i < data.cases.size(); ++i)
    cases.emplace_back(data.facts[i].case_number, data.cases[i].c.archive);
  return marks_by_case(marks, cases);
}

// The latest mark of a case's marks (in trail order) on `finding`.
const TypicalMark* latest_on(const std::vector<TypicalMark>& marks, const std::string& finding) {
  const TypicalMark* latest = nullptr;
  for (const TypicalMark& m : marks)
    if (m.finding == finding) latest = &m;
  return latest;
}

// The marks in force: the latest per finding ("" the case), when marked.
std::vector<TypicalMark> in_force(const std::vector<TypicalMark>& marks) {
  std::map<std::string, const TypicalMark*> latest;
  for (const TypicalMark& m : marks) latest[m.finding] = &m;
  std::vector<TypicalMark> out;
  for (const TypicalMark& m : marks)
    if (latest[m.finding] == &m && m.marked) out.push_back(m);
  return out;
}

// The key and rule of the finding `id` names among case i's findings: a key,
// or a rule id of exactly one finding.
Result<std::pair<std::string, std::string>> finding_named(ReviewSession& s, std::size_t i,
                                                          const std::string& id) {
  const std::vector<Finding>& findings = s.data.cases[i].audit.findings;
  std::vector<std::string> keys = finding_keys(findings);
  std::vector<std::string> rules;
  for (const Finding& f : findings) rules.push_back(f.rule.empty() ? f.kind : f.rule);
  for (const AddedFinding& a : added_of(s.record(i)))
    keys.push_back(a.key), rules.push_back(a.finding.rule);
  std::vector<std::size_t> of_rule;
  for (std::size_t k = 0; k < keys.size(); ++k) {
    if (keys[k] == id) return std::make_pair(keys[k], rules[k]);
    if (rules[k] == id) of_rule.push_back(k);
  }
  if (of_rule.size() == 1) return std::make_pair(keys[of_rule[0]], rules[of_rule[0]]);
  if (of_rule.empty())
    return refused(s.case_name(i) + " 没有编号或规则为 " + id +
                   " 的问题；可用 auditor review list --case 查看各项的编号");
  std::string listed;
  for (std::size_t k : of_rule) listed += (listed.empty() ? "" : "、") + keys[k];
  return refused(s.case_name(i) + " 有 " + std::to_string(of_rule.size()) + " 项规则为 " + id +
                 " 的问题（" + listed + "），请用 --finding 写明其中一项的编号");
}

}  // namespace

Result<TypicalMark> mark_typical(const ReviewScope& scope, const TypicalChange& change) {
  if (change.inspector.empty()) return refused("必须写明评查人（--as）");
  if (!change.remove && change.note.empty())
    return refused("标记典型案例必须写明典型意义（--note）");
  if (const std::size_t n = code_point_count(change.note); n > kMaxTypicalNote)
    return refused("典型意义不能超过 " + std::to_string(kMaxTypicalNote) + " 字（现有 " +
                   std::to_string(n) + " 字）");
  return write_to_case<TypicalMark>(
      scope, change.case_id, {" 的压缩包无法读取，不能标记为典型案例", false},
      [&](ReviewSession& s, std::size_t i) -> Result<TypicalMark> {
        if (std::optional<Error> no = plan_refusal(s, i, change.inspector)) return *no;
        TypicalMark m;
        m.at = s.ref(i);
        if (!change.finding.empty()) {
          Result<std::pair<std::string, std::string>> f = finding_named(s, i, change.finding);
          if (!f) return f.failure();
          m.finding = f->first;
          m.rule = f->second.empty() ? "其他" : f->second;
        }
        Result<std::vector<TypicalMark>> all = load_typical_marks(*s.store, s.data.round.id);
        if (!all) return all.failure();
        const std::vector<TypicalMark> mine = marks_by_case(*all, s.data)[i];
        const TypicalMark* latest = latest_on(mine, m.finding);
        if (change.remove && (!latest || !latest->marked))
          return refused(s.case_name(i) + (m.finding.empty() ? "" : " 的问题 " + m.finding) +
                         " 没有标记为典型案例，无需取消");
        if (latest) m.replaces = latest->id;
        m.marked = !change.remove;
        m.note = change.note;
        m.inspector = change.inspector;
        return record_typical(*s.store, s.data.round.id, m);
      });
}

std::vector<std::vector<TypicalMark>> typical_in_force(
    const std::vector<TypicalMark>& marks,
    const std::vector<std::pair<std::optional<std::string>, std::string>>& cases) {
  std::vector<std::vector<TypicalMark>> out = marks_by_case(marks, cases);
  for (std::vector<TypicalMark>& m : out) m = in_force(m);
  return out;
}

namespace {

const Document* document_of(const Case& c, const char* type) {
  for (const Document& d : c.documents)
    if (d.type && *d.type == type) return &d;
  return nullptr;
}

// Text after `label` up to the end of its line or table cell (colon, tab and
// spaces skipped), "" when none.
std::string labelled(const std::string& text, const std::string& label) {
  const std::size_t at = text.find(label);
  if (at == std::string::npos) return "";
  std::size_t v = at + label.size();
  while (v < text.size() && (text[v] == ' ' || text[v] == '\t' || text[v] == ':')) ++v;
  if (text.compare(v, 3, "：") == 0) v += 3;
  const std::size_t end = text.find_first_of("\t\n", v);  // a table row: its next cell
  return text.substr(v, end == std::string::npos ? std::string::npos : end - v);
}

// The first sentence from `start` (up to and with its 。), on one line; ""
// when absent.
std::string sentence_from(const std::string& text, const std::string& start) {
  const std::size_t at = text.find(start);
  if (at == std::string::npos) return "";
  const std::size_t end = text.find("。", at);
  if (end == std::string::npos || end - at > 1200) return "";
  std::string out = text.substr(at, end - at + 3);
  // A line broken by the document's layout: Chinese joins without a space.
  std::erase_if(out, [](char c) { return c == '\n' || c == '\r'; });
  return out;
}

// 案由 without 涉嫌 and the final 案: 占用人行道摆卖水果.
std::string cause_of(const Case& c) {
  std::string cause;
  for (const Document& d : c.documents)
    if (cause = labelled(d.text, "案由"); !cause.empty()) break;
  if (cause.rfind("涉嫌", 0) == 0) cause = cause.substr(6);
  if (cause.size() >= 3 && cause.compare(cause.size() - 3, 3, "案") == 0)
    cause.resize(cause.size() - 3);
  return cause;
}

// The law the decision applies (not the penalty procedure law): 《…》.
std::string matter_of(const Case& c) {
  const Document* d = document_of(c, "penalty_decision");
  if (!d) return "";
  for (const Fact& f : d->facts) {
    if (f.kind != "provision" || f.value.find("行政处罚法") != std::string::npos) continue;
    const std::size_t end = f.value.find("》");
    if (f.value.rfind("《", 0) == 0 && end != std::string::npos) return f.value.substr(3, end - 3);
  }
  return "";
}

std::string date_text(const std::string& iso) {
  if (iso.size() != 10) return iso;
  return std::to_string(std::stoi(iso.substr(0, 4))) + "年" +
         std::to_string(std::stoi(iso.substr(5, 2))) + "月" +
         std::to_string(std::stoi(iso.substr(8, 2))) + "日";
}

struct CaseView {
  const Case& c;
  const CaseFacts& facts;
  const Record& record;
  std::optional<ReviewedCase> reviewed;
};

MaskTerms terms_of(const Case& c, const CaseFacts& facts) {
  MaskTerms t;
  std::set<std::string> seen;
  const auto add = [&](const Text& n) {
    if (n && !n->empty() && seen.insert(*n).second) t.names.push_back(*n);
  };
  add(c.info.party);
  add(facts.party);
  for (const Document& d : c.documents) {
    for (const Fact& f : d.facts)
      if (f.kind == "party") add(f.value);
    for (const std::string& n : names_after_labels(d.text)) add(n);
  }
  return t;
}

std::vector<std::string> facts_of(const CaseView& v) {
  const Case& c = v.c;
  std::vector<std::string> out;
  const Document* decision = document_of(c, "penalty_decision");
  const std::string party = v.facts.party.value_or("当事人");
  const std::string street = v.facts.street ? *v.facts.street + "街道办事处" : "执法机关";
  const Text filed = first_fact(c, "filing_date");
  std::string first = street;
  const std::string cause = cause_of(c);
  first += filed ? "于" + date_text(*filed) : "";
  first += "对" + party + (cause.empty() ? "涉嫌违法一案" : "涉嫌" + cause + "一案") + "立案调查";
  if (v.facts.case_number) first += "（案号：" + *v.facts.case_number + "）";
  out.push_back(first + "。");
  std::string found = decision ? sentence_from(decision->text, "经查") : "";
  if (found.empty())
    if (Text when = first_fact(c, "violation_date"))
      found = "违法行为发生于" + date_text(*when) + "。";
  if (!found.empty()) out.push_back(found);
  std::string decided;
  if (decision) {
    decided = (decision->date ? date_text(*decision->date) + "，" : std::string()) +
              "作出行政处罚决定" + (decision->number ? "（" + *decision->number + "）" : "");
    if (c.info.fine) decided += "，罚款人民币" + format_score(*c.info.fine) + "元";
    decided += "。";
  }
  if (!decided.empty()) out.push_back(decided);
  return out;
}

const Rule* rule_of(const Checklist* cl, const std::string& id) {
  if (!cl) return nullptr;
  for (const Rule& r : cl->rules)
    if (r.id == id) return &r;
  return nullptr;
}

// The items the compilation lists: the marked findings, else all that count.
std::vector<ReviewedItem> listed_items(const CaseView& v, const std::set<std::string>& marked) {
  std::vector<ReviewedItem> out;
  if (v.reviewed) {
    for (const ReviewedItem& it : v.reviewed->items)
      if (marked.empty() ? item_counts(it) : marked.count(it.key) > 0) out.push_back(it);
  }
  return out;
}

}  // namespace

Result<TypicalWritten> write_typical_report(const std::filesystem::path& db,
                                            const TypicalReportRequest& request) {
  Result<ReviewSession> s = ReviewSession::open({db, request.round}, false, true);
  if (!s) return s.failure();
  const RoundData& data = s->data;
  Result<std::vector<TypicalMark>> all = load_typical_marks(*s->store, data.round.id);
  if (!all) return all.failure();
  const std::vector<std::vector<TypicalMark>> marks = marks_by_case(*all, data);
  std::map<std::string, std::string> procedures;
  if (request.checklist)
    for (const Procedure& p : request.checklist->procedures) procedures[p.id] = p.name;

  CaseLoader loader(*s->store);
  TypicalInput in;
  in.title = "行政执法典型案例汇编";
  in.subtitle = "（" + data.round.name + "）";
  in.created = data.as_of.empty() ? data.round.created_at : data.as_of;
  for (std::size_t i = 0; i < data.cases.size(); ++i) {
    const std::vector<TypicalMark> marked = in_force(marks[i]);
    if (marked.empty() || data.cases[i].c.rejected) continue;
    // The case whole, with its documents' texts (the round omits them).
    Result<std::optional<long long>> id =
        stored_case_id(*s->store, data.round.id, data.cases[i].c.archive);
    if (!id) return id.failure();
    if (!*id) continue;
    Result<CaseResult> whole = loader.load(**id, Load::full);
    if (!whole) return whole.failure();
    const Case& c = whole->c;
    CaseView v{c, data.facts[i], s->record(i), std::nullopt};
    if (request.checklist)
      v.reviewed = review_case(data.cases[i].audit, decisions_of(v.record), added_of(v.record),
                               *request.checklist);
    std::set<std::string> keys;
    for (const TypicalMark& m : marked)
      if (!m.finding.empty()) keys.insert(m.finding);

    TypicalEntry e;
    e.terms = terms_of(c, data.facts[i]);
    const std::string cause = cause_of(c);
    e.title = data.facts[i].party.value_or("") + (cause.empty() ? "行政处罚" : cause) + "案";
    if (c.info.procedure) {
      auto p = procedures.find(*c.info.procedure);
      e.keywords.push_back(p != procedures.end() ? p->second : *c.info.procedure);
    }
    std::vector<ReviewedItem> items = listed_items(v, keys);
    std::vector<std::pair<std::string, std::string>> problems;  // message, basis
    if (v.reviewed) {
      for (const ReviewedItem& it : items) {
        const Finding& f = it.counted ? *it.counted : it.machine;
        problems.emplace_back(f.message, f.basis);
        const Rule* r = rule_of(request.checklist, f.rule);
        if (keys.count(it.key) && r && !r->description.empty())
          e.keywords.push_back(r->description);
      }
    } else {
      for (const Finding& f : data.cases[i].audit.findings)
        if (is_problem(f)) problems.emplace_back(f.message, f.basis);
    }
    if (std::string m = matter_of(c); !m.empty()) e.keywords.push_back(m);
    e.facts = facts_of(v);
    for (std::size_t k = 0; k < problems.size(); ++k)
      e.problems.push_back(
          std::to_string(k + 1) + "．" + problems[k].first +
          (problems[k].second.empty() ? "" : "（依据：" + problems[k].second + "）"));
    for (const ReviewedItem& it : items) {
      if (!it.decision || it.added) continue;
      const Decision& d = *it.decision;
      e.handling.push_back("评查人" + d.inspector + "对「" + it.machine.message + "」的决定：" +
                           verdict_label(d.verdict) +
                           (d.reason.empty() ? "" : "，理由：" + d.reason) + "。");
    }
    for (const RectifyItem& r : v.record.rectify_items) {
      std::string status = kRectifyOpen, note;
      for (const RectifyUpdate& u : v.record.rectify_updates)
        if (u.item == r.seq) status = u.status, note = u.note;
      e.handling.push_back("整改（" + r.kind + "）：" + r.message + "，责任人" + r.owner +
                           "，期限 " + r.due + "，" + status + (note.empty() ? "" : "：" + note) +
                           "。");
    }
    for (const TypicalMark& m : marked) e.significance.push_back(m.note);
    in.cases.push_back(std::move(e));
  }
  Result<std::string> bytes = docx_typical(in);
  if (!bytes) return bytes.failure();
  std::error_code ec;
  std::filesystem::create_directories(request.dir, ec);
  if (ec)
    return Error{"无法建立报告文件夹 " + request.dir.string() + "：" + ec.message(), Code::io};
  TypicalWritten out{request.dir / kTypicalFileName, in.cases.size()};
  if (Status st = write_file_atomic(out.file, *bytes); !st.ok()) return Error{st.reason, st.code};
  return out;
}

}  // namespace auditor
