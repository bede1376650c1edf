#include "app/objection.h"

#include "app/review_session.h"

namespace auditor {

Result<Objection> object_finding(const ReviewScope& scope, const std::string& case_id,
                                 const NewObjection& o, const Checklist& checklist) {
  if (o.reason.empty()) return refused("提出异议必须写明理由（--reason）");
  if (o.name.empty()) return refused("必须写明提出异议的人（--as）");
  return write_to_case<Objection>(
      scope, case_id, {" 的压缩包无法读取，没有可提出异议的问题", false},
      [&](ReviewSession& s, std::size_t i) -> Result<Objection> {
        const Record& record = s.record(i);
        const ReviewedCase reviewed =
            review_case(s.data.cases[i].audit, decisions_of(record), added_of(record), checklist);
        const ReviewedItem* item = nullptr;
        for (const ReviewedItem& it : reviewed.items)
          if (it.key == o.finding) item = &it;
        if (!item)
          return refused(s.case_name(i) + " 没有编号为 " + o.finding +
                         " 的问题；可用 auditor review list --case 查看各项的编号");
        if (!item_counts(*item))
          return refused(s.case_name(i) + " 的问题 " + o.finding + " 现为「" +
                         verdict_label(item->verdict) +
                         "」，不计入评查结果；只能对已确认、已修改、核对有问题或评查人添加的问题"
                         "提出异议");
        for (const Objection& earlier : record.objections)
          if (earlier.finding == o.finding && !ruling_of(record, earlier.seq))
            return refused(s.case_name(i) + " 的问题 " + o.finding + " 已有异议（第 " +
                           std::to_string(earlier.seq) + " 号）尚未裁定，不能重复提出");
        Objection out;
        out.at = s.ref(i);
        out.finding = o.finding;
        out.unit = !o.unit.empty() ? o.unit : s.data.facts[i].street.value_or("");
        out.reason = o.reason;
        out.name = o.name;
        return record_objection(*s.store, s.data.round.id, out);
      });
}

Result<Ruling> rule_objection(const ReviewScope& scope, long long objection, bool accept,
                              const std::string& reason, const std::string& name) {
  if (reason.empty()) return refused("裁定异议必须写明理由（--reason）");
  if (name.empty()) return refused("必须写明裁定人（--as）");
  Result<ReviewSession> s = ReviewSession::open(scope, true, false, false);
  if (!s) return s.failure();
  const long long round = s->data.round.id;
  return in_record_transaction<Ruling>(*s->store, [&]() -> Result<Ruling> {
    Result<Record> record = load_record(*s->store, round);
    if (!record) return record.failure();
    const Objection* o = objection_with(*record, objection);
    if (!o)
      return Error{"审查轮次「" + s->data.round.name + "」中没有第 " + std::to_string(objection) +
                       " 号异议；可用 auditor review objections 查看各异议的编号",
                   Code::not_found};
    if (const Ruling* done = ruling_of(*record, objection))
      return refused("第 " + std::to_string(objection) + " 号异议已由" + done->name + "于 " +
                     done->ruled_at + " 裁定为" + ruling_label(done->accepted) + "，不能再次裁定");
    Ruling r;
    r.at = o->at;
    r.finding = o->finding;
    r.objection = objection;
    r.accepted = accept;
    r.reason = reason;
    r.name = name;
    return record_ruling(*s->store, round, r);
  });
}

Result<std::vector<CaseObjections>> list_objections(const ReviewScope& scope,
                                                    const std::string& case_id, bool pending_only) {
  Result<ReviewSession> s = ReviewSession::open(scope, false, false);
  if (!s) return s.failure();
  std::optional<std::size_t> only;
  if (!case_id.empty()) {
    Result<std::size_t> found = s->find_case(case_id);
    if (!found) return found.failure();
    only = *found;
  }
  std::vector<CaseObjections> out;
  for (std::size_t i = 0; i < s->data.cases.size(); ++i) {
    if (only && i != *only) continue;
    const Record& record = s->record(i);
    CaseObjections c{s->ref(i), s->case_name(i), {}};
    for (const Objection& o : record.objections) {
      const Ruling* r = ruling_of(record, o.seq);
      if (pending_only && r) continue;
      c.objections.emplace_back(o, r ? std::optional<Ruling>(*r) : std::nullopt);
    }
    if (!c.objections.empty()) out.push_back(std::move(c));
  }
  return out;
}

}  // namespace auditor
