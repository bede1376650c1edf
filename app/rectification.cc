#include "app/rectification.h"

#include <charconv>

#include "app/review_session.h"

namespace auditor {
namespace {

// The round's rectify_days, kDefaultRectifyDays when never set or unreadable.
Result<int> rectify_days(Store& store, long long round) {
  Result<std::optional<std::string>> v = round_setting(store, round, "rectify_days");
  if (!v) return v.failure();
  int days = kDefaultRectifyDays;
  if (*v) {
    const std::string& text = **v;
    int parsed = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), parsed);
    if (ec == std::errc() && end == text.data() + text.size() && parsed >= 1 && parsed <= 365)
      days = parsed;
  }
  return days;
}

}  // namespace

Result<RectifyItem> rectify_finding(const ReviewScope& scope, const std::string& case_id,
                                    const NewRectification& r, const Checklist& checklist,
                                    const Date& today) {
  if (r.kind != kRectifyInFile && r.kind != kRectifySystem)
    return refused(std::string("整改类型只能是") + kRectifyInFile + "或" + kRectifySystem +
                   "，不能是「" + r.kind + "」");
  if (r.owner.empty()) return refused("必须写明整改责任人（--owner）");
  if (r.name.empty()) return refused("必须写明下达整改的人（--as）");
  if (r.due && *r.due < today)
    return refused("整改期限 " + r.due->iso() + " 早于今天（" + today.iso() + "）");
  return write_to_case<RectifyItem>(
      scope, case_id, {" 的压缩包无法读取，没有可整改的问题", false},
      [&](ReviewSession& s, std::size_t i) -> Result<RectifyItem> {
        const Record& record = s.record(i);
        const Audit& audit = s.data.cases[i].audit;
        const ReviewedCase reviewed =
            review_case(audit, decisions_of(record), added_of(record), checklist);
        const ReviewedItem* item = nullptr;
        for (const ReviewedItem& it : reviewed.items)
          if (it.key == r.finding) item = &it;
        if (!item)
          return refused(s.case_name(i) + " 没有编号为 " + r.finding +
                         " 的问题；可用 auditor review list --case 查看各项的编号");
        if (!item_counts(*item))
          return refused(s.case_name(i) + " 的问题 " + r.finding + " 现为「" +
                         verdict_label(item->verdict) +
                         "」，不计入评查结果；只能对已确认、已修改、核对有问题或评查人添加的问题"
                         "下达整改");
        for (const RectifyItem& earlier : record.rectify_items)
          if (earlier.finding == r.finding)
            return refused(s.case_name(i) + " 的问题 " + r.finding + " 已有整改事项（第 " +
                           std::to_string(earlier.seq) + " 号），不能重复下达");
        Result<int> days = rectify_days(*s.store, s.data.round.id);
        if (!days) return days.failure();
        RectifyItem out;
        out.at = s.ref(i);
        out.finding = r.finding;
        out.rule = item->counted->rule;
        out.message = item->counted->message;
        out.machine = !item->added && item->machine.kind != "manual_check";
        out.kind = r.kind;
        out.owner = r.owner;
        out.due = (r.due ? *r.due : today.add_days(*days)).iso();
        out.name = r.name;
        out.run = s.data.facts[i].run_id;
        out.keys_then = finding_keys(audit.findings);
        return record_rectify_item(*s.store, s.data.round.id, out);
      });
}

Result<RectifyUpdate> update_rectification(const ReviewScope& scope, long long item,
                                           const std::string& status, const std::string& note,
                                           const std::string& name) {
  if (status != kRectifyDoing && status != kRectifyDone)
    return refused(std::string("整改状态只能是") + kRectifyDoing + "或" + kRectifyDone +
                   "，不能是「" + status + "」");
  if (note.empty()) return refused("必须写明整改情况（--note）");
  if (name.empty()) return refused("必须写明报告人（--as）");
  Result<ReviewSession> s = ReviewSession::open(scope, true, false, false);
  if (!s) return s.failure();
  const long long round = s->data.round.id;
  return in_record_transaction<RectifyUpdate>(*s->store, [&]() -> Result<RectifyUpdate> {
    Result<Record> record = load_record(*s->store, round);
    if (!record) return record.failure();
    const RectifyItem* it = rectify_item_with(*record, item);
    if (!it)
      return Error{"审查轮次「" + s->data.round.name + "」中没有第 " + std::to_string(item) +
                       " 号整改事项；可用 auditor review rectification 查看各事项的编号",
                   Code::not_found};
    RectifyUpdate u;
    u.at = it->at;
    u.item = item;
    u.status = status;
    u.note = note;
    u.name = name;
    return record_rectify_update(*s->store, round, u);
  });
}

Result<RectificationList> list_rectification(const ReviewScope& scope, const std::string& case_id,
                                             bool overdue_only, const Date& today) {
  Result<ReviewSession> s = ReviewSession::open(scope, false, false);
  if (!s) return s.failure();
  const RoundData& data = s->data;
  std::optional<std::size_t> only;
  if (!case_id.empty()) {
    Result<std::size_t> found = s->find_case(case_id);
    if (!found) return found.failure();
    only = *found;
  }
  RectificationList out;
  out.round = data.round;
  out.today = today.iso();
  for (std::size_t i = 0; i < data.cases.size(); ++i) {
    if (only && i != *only) continue;
    const Record& record = s->record(i);
    if (record.rectify_items.empty()) continue;
    CaseRectificationView view{
        s->ref(i), s->case_name(i),
        recheck_case(record, data.cases[i].audit.findings, data.facts[i].run_id, out.today)};
    if (overdue_only) {
      std::erase_if(view.rect.items, [](const RecheckedItem& x) { return !x.overdue; });
      if (view.rect.items.empty()) continue;
    }
    out.cases.push_back(std::move(view));
  }
  return out;
}

}  // namespace auditor
