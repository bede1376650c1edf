#include "store/number_uniqueness.h"

#include <sqlite3.h>

#include <algorithm>
#include <map>

#include "auditor/held_numbers.h"
#include "auditor/rule_kinds.h"
#include "auditor/scoring.h"
#include "store/case_reader.h"
#include "store/statement.h"
#include "store/store_internal.h"

namespace auditor {
namespace {

// A stored case, rebuilt with what held_numbers() reads: CaseInfo.case_number
// and each document's type and number.
struct Stored {
  long long id = 0;
  long long run = 0;
  std::string sha256;
  Case c;
};

// The latest stored version of each archive: the highest case id, whatever
// round it belongs to. Rejected archives hold no numbers.
constexpr const char* kLatest =
    "SELECT id, archive, sha256, case_number, run_id FROM cases AS c WHERE status = 'audited' AND"
    " id = (SELECT MAX(id) FROM cases WHERE archive = c.archive) ORDER BY id";
constexpr const char* kLatestNumbers =
    "SELECT d.case_id, d.type, d.number FROM documents AS d JOIN cases AS c ON c.id = d.case_id"
    " WHERE d.number IS NOT NULL AND d.type IS NOT NULL AND c.status = 'audited' AND"
    " c.id = (SELECT MAX(id) FROM cases WHERE archive = c.archive) ORDER BY d.case_id, d.ord";

Result<std::vector<Stored>> read_stored(sqlite3* db) {
  std::vector<Stored> out;
  std::map<long long, std::size_t> by_id;
  Statement cases(db, kLatest);
  while (cases.next()) {
    Stored st;
    st.id = cases.integer(0);
    st.c.archive = cases.text(1);
    st.sha256 = cases.text(2);
    st.c.info.case_number = cases.opt_text(3);
    st.run = cases.integer(4);
    by_id[st.id] = out.size();
    out.push_back(std::move(st));
  }
  Statement numbers(db, kLatestNumbers);
  while (!cases.failed() && numbers.next()) {
    auto it = by_id.find(numbers.integer(0));
    if (it == by_id.end()) continue;
    Document d;
    d.type = numbers.text(1);
    d.number = numbers.text(2);
    out[it->second].c.documents.push_back(std::move(d));
  }
  if (cases.failed() || numbers.failed())
    return Error{"无法从数据库读取各案卷的编号，未能检查编号是否重复：" +
                 std::string(sqlite3_errmsg(db))};
  return out;
}

const Rule* unique_rule(const Checklist& cl) {
  for (const Rule& r : cl.rules)
    if (r.kind == "numbering" && r.params.count("check") && r.params.at("check") == "serial_unique")
      return &r;
  return nullptr;
}

std::string label(const HeldNumber& h, const Checklist& cl) {
  if (h.type.empty()) return "案号";
  const DocType* t = cl.doc_type(h.type);
  return "《" + (t ? t->name : h.type) + "》文号";
}

std::string case_label(const Case& c) {
  return "案卷 " + c.archive + "（案号 " + c.info.case_number.value_or("不详") + "）";
}

constexpr std::size_t kMaxOthersListed = 10;

// One finding per number `h` of `mine` that other cases use too: the
// message names the first of them, the evidence up to kMaxOthersListed.
Finding duplicate(const Rule& r, const Checklist& cl, const Case& mine, const HeldNumber& h,
                  const std::vector<std::pair<const Stored*, HeldNumber>>& others) {
  const Case& other = others.front().first->c;
  const HeldNumber& theirs = others.front().second;
  Finding f = finding_for(r, "numbering");
  f.document = h.type.empty() ? std::string("filing_approval") : h.type;
  if (!f.stage)
    if (const DocType* t = cl.doc_type(*f.document)) f.stage = t->stage;
  f.message =
      fill_message(r.message, {{"document", label(h, cl)},
                               {"number", h.written},
                               {"other_archive", other.archive},
                               {"other_case_number", other.info.case_number.value_or("不详")},
                               {"other_document", label(theirs, cl)},
                               {"other_number", theirs.written}});
  if (others.size() > 1)
    f.message += "（共有 " + std::to_string(others.size()) + " 个其他案卷使用）";
  f.evidence = {"本案：" + case_label(mine) + "，" + label(h, cl) + " " + h.written};
  for (std::size_t i = 0; i < others.size() && i < kMaxOthersListed; ++i)
    f.evidence.push_back("另一案：" + case_label(others[i].first->c) + "，" +
                         label(others[i].second, cl) + " " + others[i].second.written);
  if (others.size() > kMaxOthersListed)
    f.evidence.push_back("另有 " + std::to_string(others.size() - kMaxOthersListed) +
                         " 个案卷使用同一编号，未逐一列出");
  f.evidence.push_back("两者的街道代字、文书简称、年份和序号相同（同一编号只能使用一次）");
  return f;
}

}  // namespace

Status apply_number_uniqueness(Store& store, long long run, const Checklist& checklist,
                               const std::function<void(const CaseResult&)>& changed) {
  const Rule* rule = unique_rule(checklist);
  if (!rule) return Status::success();
  Result<std::vector<Stored>> stored = read_stored(StoreAccess::db(store));
  if (!stored) return Status::failure(stored.error());
  std::multimap<std::string, std::pair<const Stored*, HeldNumber>> index;
  for (const Stored& s : *stored)
    for (HeldNumber& h : held_numbers(s.c, checklist)) index.emplace(h.key, std::pair(&s, h));

  CaseLoader loader(store);
  for (const Stored& mine : *stored) {
    if (mine.run != run) continue;
    std::vector<Finding> found;
    for (const HeldNumber& h : held_numbers(mine.c, checklist)) {
      std::vector<std::pair<const Stored*, HeldNumber>> others;
      auto [begin, end] = index.equal_range(h.key);
      for (auto it = begin; it != end; ++it) {
        const Stored& other = *it->second.first;
        if (&other == &mine || (!mine.sha256.empty() && other.sha256 == mine.sha256)) continue;
        others.push_back(it->second);
      }
      // Cases are saved as they complete, so ids follow no fixed order: the
      // others are named by archive path, whatever order they were saved in.
      std::stable_sort(others.begin(), others.end(), [](const auto& a, const auto& b) {
        return a.first->c.archive < b.first->c.archive;
      });
      if (!others.empty()) found.push_back(duplicate(*rule, checklist, mine.c, h, others));
    }
    if (found.empty()) continue;
    Result<CaseResult> r = loader.load(mine.id);
    if (!r)
      return Status::failure("无法读取案卷 " + mine.c.archive + "，未能记录编号重复：" + r.error());
    // The rule's findings are replaced: a second pass over the same run
    // changes nothing, a later one updates the count of other cases.
    std::vector<Finding>& findings = r->audit.findings;
    std::vector<Finding> stored_ones;
    for (const Finding& g : findings)
      if (g.rule == rule->id) stored_ones.push_back(g);
    auto same = [](const Finding& a, const Finding& b) {
      return a.message == b.message && a.evidence == b.evidence;
    };
    if (std::equal(stored_ones.begin(), stored_ones.end(), found.begin(), found.end(), same))
      continue;
    std::erase_if(findings, [&](const Finding& g) { return g.rule == rule->id; });
    findings.insert(findings.end(), found.begin(), found.end());
    for (Check& k : r->audit.checks)
      if (k.rule == rule->id) k.outcome = Outcome::failed;
    const Score score = score_case(findings, r->audit.checks, checklist.rules, checklist.scoring);
    r->audit.score = score.value;
    r->audit.grade = score.grade;
    if (Status saved = store.save_case(run, r->c, r->audit); !saved.ok())
      return Status::failure("编号重复检查结果未能写入数据库（" + r->c.archive + "）：" +
                             saved.reason);
    changed(*r);
  }
  return Status::success();
}

}  // namespace auditor
