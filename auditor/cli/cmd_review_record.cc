// `auditor review object|rule|objections|rectify|rectify-update|rectification`:
// objections and their rulings, rectification items and their re-check
// (app/objection.h, app/rectification.h; docs/formats/objections.md). Exit 0
// done, 1 refused (the reason on stderr), 2 usage or database error.
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/checklist_load.h"
#include "app/objection.h"
#include "app/rectification.h"
#include "auditor/cli/options.h"
#include "auditor/cli/review_cli.h"
#include "util/text_safety.h"
#include "util/utf8.h"

namespace auditor::cli {
namespace {

using nlohmann::json;

std::string safe(const std::string& s) { return one_line_safe(s); }

int usage_error(const std::string& what, const std::string& usage) {
  std::cerr << what << "\n用法：" << usage << "\n";
  return kExitUsage;
}

void print_json(const json& j) {
  std::cout << json_text_safe(j.dump(2, ' ', false, json::error_handler_t::replace)) << "\n";
}

json or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(valid_utf8(s)); }

}  // namespace

int review_object(const Args& args) {
  po::options_description desc = option_list();
  ReviewOptions where;
  std::string case_id;
  NewObjection o;
  where.add(desc);
  where.add_checklist(desc);
  desc.add_options()("case", po::value(&case_id), "案卷（案号或压缩包路径）")(
      "finding", po::value(&o.finding), "问题编号（auditor review list 所列）")(
      "reason", po::value(&o.reason), "异议理由")("as", po::value(&o.name), "提出异议的人")(
      "unit", po::value(&o.unit), "提出异议的街道（默认为案卷所属街道）");
  po::variables_map vm;
  const std::string usage =
      "auditor review object --case 案号 --finding 编号 --reason 理由 --as 姓名 [--unit 街道]";
  if (int rc = parse_options(args, desc, {}, usage, vm); rc >= 0) return rc;
  if (case_id.empty() || o.finding.empty())
    return usage_error("请指定 --case 和 --finding。", usage);
  std::optional<Checklist> checklist = where.checklist();
  if (!checklist) return kExitUsage;
  Result<Objection> r = object_finding(where.scope(), case_id, o, *checklist);
  if (!r) return failed(r.error(), r.code());
  std::cout << "已记录异议 第 " << r->seq << " 号：" << safe(r->at.key) << " " << safe(r->finding)
            << "（" << safe(r->name) << (r->unit.empty() ? "" : "，" + safe(r->unit)) << "，"
            << r->objected_at << "）\n";
  return kExitOk;
}

int review_rule(const Args& args) {
  po::options_description desc = option_list();
  ReviewOptions where;
  long long objection = 0;
  bool accept = false, reject = false;
  std::string reason, as;
  where.add(desc);
  desc.add_options()("objection", po::value(&objection),
                     "异议编号（auditor review objections 所列）")(
      "accept", po::bool_switch(&accept), "采纳：该问题不再计入评查结果")(
      "reject", po::bool_switch(&reject), "不予采纳")("reason", po::value(&reason), "裁定理由")(
      "as", po::value(&as), "裁定人");
  po::variables_map vm;
  const std::string usage =
      "auditor review rule --objection 编号 (--accept | --reject) --reason 理由 --as 姓名";
  if (int rc = parse_options(args, desc, {}, usage, vm); rc >= 0) return rc;
  if (!vm.count("objection") || accept == reject)
    return usage_error("请指定 --objection，以及 --accept 或 --reject 中的一项。", usage);
  Result<Ruling> r = rule_objection(where.scope(), objection, accept, reason, as);
  if (!r) return failed(r.error(), r.code());
  std::cout << "已裁定 第 " << r->objection << " 号异议：" << ruling_label(r->accepted) << "（"
            << safe(r->at.key) << " " << safe(r->finding) << "，" << safe(r->name) << "，"
            << r->ruled_at << "）\n";
  return kExitOk;
}

int review_objections(const Args& args) {
  po::options_description desc = option_list();
  ReviewOptions where;
  std::string case_id;
  bool pending = false, as_json = false;
  where.add(desc);
  desc.add_options()("case", po::value(&case_id), "只列这一案卷（案号或压缩包路径）")(
      "pending", po::bool_switch(&pending), "只列尚未裁定的异议")("json", po::bool_switch(&as_json),
                                                                  "以 JSON 输出");
  po::variables_map vm;
  const std::string usage = "auditor review objections [--case 案号] [--pending] [--json]";
  if (int rc = parse_options(args, desc, {}, usage, vm); rc >= 0) return rc;
  Result<std::vector<CaseObjections>> r = list_objections(where.scope(), case_id, pending);
  if (!r) return failed(r.error(), r.code());
  if (as_json) {
    json cases = json::array();
    for (const CaseObjections& c : *r) {
      json list = json::array();
      for (const auto& [o, ruling] : c.objections)
        list.push_back({{"id", o.seq},
                        {"finding", valid_utf8(o.finding)},
                        {"unit", or_null(o.unit)},
                        {"reason", valid_utf8(o.reason)},
                        {"name", valid_utf8(o.name)},
                        {"objected_at", o.objected_at},
                        {"ruling", ruling ? json{{"id", ruling->seq},
                                                 {"accepted", ruling->accepted},
                                                 {"reason", valid_utf8(ruling->reason)},
                                                 {"name", valid_utf8(ruling->name)},
                                                 {"ruled_at", ruling->ruled_at}}
                                          : json(nullptr)}});
      cases.push_back({{"case", valid_utf8(c.ref.key)},
                       {"archive", valid_utf8(c.ref.archive)},
                       {"objections", std::move(list)}});
    }
    print_json({{"format", "auditor-objections/1"}, {"cases", std::move(cases)}});
    return kExitOk;
  }
  if (r->empty()) std::cout << (pending ? "没有尚未裁定的异议\n" : "没有异议\n");
  for (const CaseObjections& c : *r) {
    std::cout << safe(c.name) << "\n";
    for (const auto& [o, ruling] : c.objections) {
      std::cout << "  第 " << o.seq << " 号 " << safe(o.finding) << "  " << safe(o.name)
                << (o.unit.empty() ? "" : "（" + safe(o.unit) + "）") << " " << o.objected_at
                << "：" << safe(o.reason) << "\n";
      if (ruling)
        std::cout << "    裁定：" << ruling_label(ruling->accepted) << "（" << safe(ruling->name)
                  << " " << ruling->ruled_at << "）：" << safe(ruling->reason) << "\n";
      else
        std::cout << "    裁定：待裁定\n";
    }
  }
  return kExitOk;
}

int review_rectify(const Args& args) {
  po::options_description desc = option_list();
  ReviewOptions where;
  std::string case_id, due;
  NewRectification n;
  where.add(desc);
  where.add_checklist(desc);
  desc.add_options()("case", po::value(&case_id), "案卷（案号或压缩包路径）")(
      "finding", po::value(&n.finding), "问题编号（auditor review list 所列）")(
      "kind", po::value(&n.kind), "整改类型：卷内补正或制度整改")("owner", po::value(&n.owner),
                                                                  "整改责任人")(
      "due", po::value(&due), "整改期限 YYYY-MM-DD（默认为今天加本轮的整改期限天数）")(
      "as", po::value(&n.name), "下达整改的人");
  po::variables_map vm;
  const std::string usage =
      "auditor review rectify --case 案号 --finding 编号 --kind 卷内补正|制度整改 --owner 姓名 "
      "[--due YYYY-MM-DD] --as 姓名";
  if (int rc = parse_options(args, desc, {}, usage, vm); rc >= 0) return rc;
  if (case_id.empty() || n.finding.empty())
    return usage_error("请指定 --case 和 --finding。", usage);
  if (vm.count("due")) {
    n.due = Date::parse(due);
    if (!n.due)
      return usage_error("--due 应为 YYYY-MM-DD 格式的日期，不能是「" + due + "」", usage);
  }
  std::optional<Checklist> checklist = where.checklist();
  if (!checklist) return kExitUsage;
  Result<RectifyItem> r = rectify_finding(where.scope(), case_id, n, *checklist, Date::today());
  if (!r) return failed(r.error(), r.code());
  std::cout << "已下达整改 第 " << r->seq << " 号：" << safe(r->at.key) << " " << safe(r->finding)
            << "（" << r->kind << "，责任人 " << safe(r->owner) << "，期限 " << r->due << "）\n";
  return kExitOk;
}

int review_rectify_update(const Args& args) {
  po::options_description desc = option_list();
  ReviewOptions where;
  long long item = 0;
  std::string status, note, as;
  where.add(desc);
  desc.add_options()("item", po::value(&item), "整改事项编号（auditor review rectification 所列）")(
      "status", po::value(&status), "整改状态：整改中或已整改")(
      "note", po::value(&note), "整改情况说明")("as", po::value(&as), "报告人");
  po::variables_map vm;
  const std::string usage =
      "auditor review rectify-update --item 编号 --status 整改中|已整改 --note 说明 --as 姓名";
  if (int rc = parse_options(args, desc, {}, usage, vm); rc >= 0) return rc;
  if (!vm.count("item")) return usage_error("请用 --item 指定整改事项。", usage);
  Result<RectifyUpdate> r = update_rectification(where.scope(), item, status, note, as);
  if (!r) return failed(r.error(), r.code());
  std::cout << "已记录整改情况：第 " << r->item << " 号 " << r->status << "（" << safe(r->name)
            << "，" << r->updated_at << "）\n";
  return kExitOk;
}

namespace {

json rectification_json(const RectificationList& list) {
  json cases = json::array();
  for (const CaseRectificationView& c : list.cases) {
    json items = json::array();
    for (const RecheckedItem& x : c.rect.items) {
      json updates = json::array();
      for (const RectifyUpdate& u : x.updates)
        updates.push_back({{"id", u.seq},
                           {"status", u.status},
                           {"note", valid_utf8(u.note)},
                           {"name", valid_utf8(u.name)},
                           {"updated_at", u.updated_at}});
      const RectifyItem& it = x.item;
      items.push_back({{"id", it.seq},
                       {"finding", valid_utf8(it.finding)},
                       {"rule", valid_utf8(it.rule)},
                       {"message", valid_utf8(it.message)},
                       {"kind", it.kind},
                       {"owner", valid_utf8(it.owner)},
                       {"due", it.due},
                       {"created_by", valid_utf8(it.name)},
                       {"created_at", it.created_at},
                       {"status", x.status},
                       {"note", or_null(x.note)},
                       {"overdue", x.overdue},
                       {"recheck", recheck_name(x.recheck)},
                       {"recheck_label", recheck_label(x.recheck)},
                       {"updates", std::move(updates)}});
    }
    json fresh = json::array();
    for (const std::string& k : c.rect.new_findings) fresh.push_back(valid_utf8(k));
    cases.push_back({{"case", valid_utf8(c.ref.key)},
                     {"archive", valid_utf8(c.ref.archive)},
                     {"items", std::move(items)},
                     {"new_findings", std::move(fresh)}});
  }
  return {{"format", "auditor-rectification/1"},
          {"round", valid_utf8(list.round.name)},
          {"today", list.today},
          {"cases", std::move(cases)}};
}

void print_rectification(const RectificationList& list, bool overdue_only) {
  std::size_t items = 0, overdue = 0;
  for (const CaseRectificationView& c : list.cases)
    for (const RecheckedItem& x : c.rect.items) ++items, overdue += x.overdue;
  std::cout << "审查轮次「" << safe(list.round.name) << "」"
            << (overdue_only ? "逾期整改事项" : "整改事项") << "（截至 " << list.today << "）："
            << items << " 项，逾期 " << overdue << " 项\n";
  for (const CaseRectificationView& c : list.cases) {
    std::cout << "\n" << safe(c.name) << "\n";
    for (const RecheckedItem& x : c.rect.items) {
      const RectifyItem& it = x.item;
      std::cout << "  第 " << it.seq << " 号 " << safe(it.finding) << "  " << it.kind << "  责任人 "
                << safe(it.owner) << "  期限 " << it.due << "  [" << x.status << "]"
                << (x.overdue ? " 已逾期" : "") << "  复查：" << recheck_label(x.recheck) << "\n";
      std::cout << "    问题：" << safe(it.message) << "\n";
      if (!x.note.empty()) std::cout << "    整改情况：" << safe(x.note) << "\n";
    }
    if (!c.rect.new_findings.empty()) {
      std::cout << "  新发现：";
      for (std::size_t i = 0; i < c.rect.new_findings.size(); ++i)
        std::cout << (i ? "、" : "") << safe(c.rect.new_findings[i]);
      std::cout << "\n";
    }
  }
}

}  // namespace

int review_rectification(const Args& args) {
  po::options_description desc = option_list();
  ReviewOptions where;
  std::string case_id, today_text;
  bool overdue = false, as_json = false;
  where.add(desc);
  desc.add_options()("case", po::value(&case_id), "只列这一案卷（案号或压缩包路径）")(
      "overdue", po::bool_switch(&overdue), "只列逾期且未报告已整改的事项")(
      "today", po::value(&today_text), "按这一天判断逾期 YYYY-MM-DD（默认今天）")(
      "json", po::bool_switch(&as_json), "以 JSON 输出");
  po::variables_map vm;
  const std::string usage =
      "auditor review rectification [--case 案号] [--overdue] [--today YYYY-MM-DD] [--json]";
  if (int rc = parse_options(args, desc, {}, usage, vm); rc >= 0) return rc;
  Date today = Date::today();
  if (vm.count("today")) {
    std::optional<Date> d = Date::parse(today_text);
    if (!d)
      return usage_error("--today 应为 YYYY-MM-DD 格式的日期，不能是「" + today_text + "」", usage);
    today = *d;
  }
  Result<RectificationList> r = list_rectification(where.scope(), case_id, overdue, today);
  if (!r) return failed(r.error(), r.code());
  if (as_json)
    print_json(rectification_json(*r));
  else
    print_rectification(*r, overdue);
  return kExitOk;
}

}  // namespace auditor::cli
