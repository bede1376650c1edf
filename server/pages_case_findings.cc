// The findings of the case page (server/pages_case.h): each with its
// verdict, basis, evidence, objections and rectification items, and the
// actions the user's role may take on it; then the case's typical-case
// marks (典型案例) and, for an inspector or admin, the form to mark it.
#include "app/typical.h"
#include "reports/labels.h"
#include "server/html.h"
#include "server/pages.h"
#include "server/pages_case.h"

namespace auditor::server {
namespace {

std::string button(const std::string& attrs, const std::string& label) {
  return "<button type=\"button\" " + attrs + ">" + label + "</button>";
}

// The options of a severity <select>, after one meaning "unchanged".
std::string severity_options(const char* unchanged) {
  std::string out = "<option value=\"\">" + std::string(unchanged) + "</option>";
  for (const char* s : {"veto", "major", "minor", "info"})
    out +=
        "<option value=\"" + std::string(s) + "\">" + html_escape(severity_label(s)) + "</option>";
  return out;
}

// The decision controls of a machine finding: a reason, the verdicts its kind
// takes, and for "change" the values that replace the machine's.
std::string decision_html(const ReviewedItem& item) {
  std::string out =
      "<div class=\"actions decide\"><input data-reason maxlength=\"2000\" "
      "placeholder=\"理由（不予认定、修改、核对有问题时必填）\">";
  if (item.machine.kind == "manual_check") {
    out +=
        button("data-action=\"pass\"", "核对无误") + button("data-action=\"fail\"", "核对有问题");
  } else {
    out += button("data-action=\"confirm\"", "确认") +
           button("data-action=\"dismiss\"", "不予认定") +
           button("data-action=\"change\"", "修改") +
           "<details class=\"change\"><summary>修改的内容</summary><label>严重程度 <select "
           "data-severity>" +
           severity_options("不变") +
           "</select></label><label>扣分 <input data-deduction "
           "type=\"number\" min=\"0\" step=\"0.5\"></label><label>问题描述 <input data-message "
           "maxlength=\"2000\"></label></details>";
  }
  return out + "</div>";
}

std::string objections_html(const CaseView& v, const ReviewedItem& item, bool writer) {
  const Record& record = v.review.record;
  std::string out;
  for (const Objection& o : record.objections) {
    if (o.finding != item.key) continue;
    const std::string id = std::to_string(o.seq);
    out += "<div class=\"objection\" data-objection=\"" + id + "\"><p>异议（第 " + id + " 号，" +
           html_escape(o.unit.empty() ? o.name : o.unit + " " + o.name) + "，" +
           html_escape(o.objected_at) + "）：" + html_escape(o.reason) + "</p>";
    if (const Ruling* r = ruling_of(record, o.seq)) {
      out += "<p class=\"ruling\">裁定：" + std::string(ruling_label(r->accepted)) + "（" +
             html_escape(r->name) + "，" + html_escape(r->ruled_at) + "）：" +
             html_escape(r->reason) + "</p>";
    } else if (writer) {
      out +=
          "<div class=\"actions\"><input data-ruling-reason maxlength=\"2000\" "
          "placeholder=\"裁定理由\">" +
          button("data-op=\"accept\"", "采纳") + button("data-op=\"reject\"", "不予采纳") +
          "</div>";
    } else {
      out += "<p class=\"ruling\">待裁定</p>";
    }
    out += "</div>";
  }
  return out;
}

std::string rectification_html(const CaseView& v, const ReviewedItem& item, bool writer) {
  std::string out;
  bool has_item = false;
  for (const RecheckedItem& r : v.review.rectification.items) {
    if (r.item.finding != item.key) continue;
    has_item = true;
    const std::string id = std::to_string(r.item.seq);
    out += "<div class=\"rectify\" data-item=\"" + id + "\"><p>整改（第 " + id + " 号，" +
           html_escape(r.item.kind) + "，责任人 " + html_escape(r.item.owner) + "，期限 " +
           html_escape(r.item.due) + "）：" + html_escape(r.status);
    if (!r.note.empty()) out += "——" + html_escape(r.note);
    out += "；复查：" + std::string(recheck_label(r.recheck));
    if (r.overdue) out += " <span class=\"overdue\">已逾期</span>";
    out +=
        "</p><div class=\"actions\"><select data-status><option value=\"整改中\">整改中</option>"
        "<option value=\"已整改\">已整改</option></select><input data-note maxlength=\"2000\" "
        "placeholder=\"整改情况说明\">" +
        button("data-op=\"update\"", "报告整改情况") + "</div></div>";
  }
  if (writer && !has_item && item_counts(item))
    out +=
        "<div class=\"actions rectify-new\"><select data-kind><option value=\"卷内补正\">卷内补正"
        "</option><option value=\"制度整改\">制度整改</option></select><input data-owner "
        "maxlength=\"200\" placeholder=\"整改责任人\"><label>期限 <input data-due "
        "type=\"date\"></label>" +
        button("data-op=\"rectify\"", "提出整改") + "</div>";
  return out;
}

std::string finding_html(const CaseView& v, const ReviewedItem& item, const User& u,
                         const Checklist& checklist) {
  const Finding& f = item.machine;
  const bool writer = may_write(u);
  std::string out = "<section class=\"finding\" data-finding=\"" + html_escape(item.key) +
                    "\" data-verdict=\"" + verdict_name(item.verdict) + "\">";
  out += "<h3><span class=\"sev-" + html_escape(f.severity) + "\">[" +
         html_escape(severity_label(f.severity)) + "]</span> " + html_escape(f.message) + "</h3>";
  out += "<p>编号：" + html_escape(item.key) + "　规则：" + html_escape(f.rule) + "　结论：" +
         html_escape(verdict_label(item.verdict));
  if (item.added) out += "（评查人员补充）";
  if (std::optional<double> d = counted_deduction(item)) out += "　扣分：" + score_text(*d);
  out += "</p>";
  if (f.document || f.stage) {
    out += "<p>文书：";
    if (f.document) {
      const DocType* t = checklist.doc_type(*f.document);
      out += html_escape(t ? t->name : *f.document);
    }
    if (f.stage)
      if (const Stage* st = checklist.stage(*f.stage)) out += "　阶段：" + html_escape(st->name);
    out += "</p>";
  }
  if (item.decision && !item.decision->reason.empty())
    out += "<p>理由：" + html_escape(item.decision->reason) + "（" +
           html_escape(item.decision->inspector) + "）</p>";
  if (!f.basis.empty()) out += "<p class=\"basis\">依据：" + html_escape(f.basis) + "</p>";
  if (!f.evidence.empty()) {
    out += "<p>证据：</p><ul class=\"evidence\">";
    for (const std::string& e : f.evidence) out += "<li>" + html_escape(e) + "</li>";
    out += "</ul>";
  }
  out += objections_html(v, item, writer) + rectification_html(v, item, writer);
  if (writer && !item.added && !v.review.state.locked) out += decision_html(item);
  const bool pending = [&] {
    for (const Objection& o : v.review.record.objections)
      if (o.finding == item.key && !ruling_of(v.review.record, o.seq)) return true;
    return false;
  }();
  if (u.role == UserRole::street && item_counts(item) && !pending)
    out +=
        "<div class=\"actions object\"><input data-reason maxlength=\"2000\" "
        "placeholder=\"异议理由\">" +
        button("data-op=\"object\"", "提出异议") + "</div>";
  return out + "</section>";
}

std::string add_form_html(const Checklist& checklist) {
  std::string out =
      "<form id=\"add-finding\" class=\"add-finding\"><h3>补充问题</h3><label>规则 <input "
      "name=\"rule\" list=\"rule-ids\" placeholder=\"检查清单规则编号，或留空（其他）\"></label>"
      "<datalist id=\"rule-ids\">";
  for (const Rule& r : checklist.rules) out += "<option value=\"" + html_escape(r.id) + "\">";
  out +=
      "</datalist><label>阶段 <input name=\"stage\" type=\"number\" min=\"1\" max=\"8\"></label>"
      "<label>文书 <input name=\"document\" maxlength=\"200\"></label><label>页码 <input "
      "name=\"page\" type=\"number\" min=\"1\"></label><label>严重程度 <select "
      "name=\"severity\">" +
      severity_options("按规则") +
      "</select></label><label>扣分 <input name=\"deduction\" "
      "type=\"number\" min=\"0\" step=\"0.5\"></label><label>依据 <input name=\"basis\" "
      "maxlength=\"2000\"></label><label>问题描述 <textarea name=\"text\" maxlength=\"4000\" "
      "required></textarea></label><button type=\"submit\">添加问题</button></form>";
  return out;
}

// The typical-case marks: ul#typical-marks, filled by /static/case.js from
// GET /api/cases/{id}/typical (each mark with its note, inspector and time,
// and for a writer a button taking it back); for a writer form#typical: the
// case or one finding, the note (典型意义), 标为典型案例. A signed case may
// be marked: choosing typical cases changes no finding or score.
std::string typical_html(const ReviewedCase& r, bool writer) {
  std::string out =
      "<section class=\"typical\"><h2>典型案例</h2><ul id=\"typical-marks\" data-writer=\"" +
      std::string(writer ? "1" : "0") + "\"></ul>";
  if (!writer) return out + "</section>";
  out +=
      "<form id=\"typical\" class=\"typical-form\"><label>标记对象 <select name=\"finding\">"
      "<option value=\"\">整个案卷</option>";
  for (const ReviewedItem& item : r.items)
    out += "<option value=\"" + html_escape(item.key) + "\">问题 " + html_escape(item.key) + "：" +
           html_escape(item.machine.message) + "</option>";
  out += "</select></label><label>典型意义 <textarea name=\"note\" maxlength=\"" +
         std::to_string(kMaxTypicalNote) +
         "\" required placeholder=\"可作示范或应予警示之处，将写入典型案例汇编\"></textarea>"
         "</label><button type=\"submit\">标为典型案例</button></form>";
  return out + "</section>";
}

}  // namespace

std::string findings_html(const CaseView& v, const User& u, const Checklist& checklist) {
  if (!v.review.reviewed) return "";
  const ReviewedCase& r = *v.review.reviewed;
  std::string out =
      "<section class=\"findings\"><h2>问题（" + std::to_string(r.items.size()) + " 项）</h2>";
  for (const ReviewedItem& item : r.items) out += finding_html(v, item, u, checklist);
  if (may_write(u) && !v.review.state.locked) out += add_form_html(checklist);
  return out + "</section>" + typical_html(r, may_write(u));
}

}  // namespace auditor::server
