// The review-record actions on one case beside POST /api/cases/{id}/decisions
// and /objections (server/api_cases.cc), each through app/serve_case_record.h
// as the signed-in user:
//   POST /api/cases/{id}/findings                      add a finding
//   POST /api/cases/{id}/objections/{oid}/ruling       rule on an objection
//   POST /api/cases/{id}/rectification                 a rectification item
//   POST /api/cases/{id}/rectification/{item}/updates  progress on an item
//   POST /api/cases/{id}/signoffs                      sign (评查人 / 复核人)
//   POST /api/cases/{id}/typical                       mark typical, or take back
//   GET  /api/cases/{id}/typical                       the typical marks in force
// A case the user may not see is 404; a street user who sees it is refused
// with 403 (only the rectification progress is theirs to report).
#include "app/serve_case_record.h"
#include "server/context.h"
#include "server/http.h"
#include "util/date.h"

namespace auditor::server {

void add_case_record_api(State& s);

namespace {

using httplib::Request;
using httplib::Response;
using nlohmann::json;

const char* const kNoCase = "没有这个案卷";

// send_error, for returning "no change" at once.
std::nullopt_t refuse(Response& res, int status, const std::string& reason) {
  send_error(res, status, reason);
  return std::nullopt;
}

// A signed-in user's change to case `id` (path match 1) with its JSON body;
// nullopt after answering (401, 403 without the token, 404, 400). With
// `writers_only` a street user who sees the case gets 403 with `refusal`.
struct Change {
  Session session;
  long long id = 0;
  json body;
};
std::optional<Change> change_of(State& s, const Request& req, Response& res, bool writers_only,
                                const char* refusal) {
  std::optional<Session> session = signed_in_for_change(s, req, res);
  if (!session) return std::nullopt;
  std::optional<long long> id = path_id(req, 1);
  if (!id) return refuse(res, 404, kNoCase);
  std::optional<json> body = json_body(req, res);
  if (!body) return std::nullopt;
  if (writers_only && !may_write(session->user)) {
    Result<std::optional<CaseTarget>> t = visible_case_target(s.config.db, *id, session->user);
    if (!t) return refuse(res, status_of(t.code()), t.error());
    if (!*t) return refuse(res, 404, kNoCase);
    return refuse(res, 403, refusal);
  }
  return Change{*session, *id, std::move(*body)};
}

// Sends `made` (a write's result) as 201 with the case's score after it,
// 404 when absent, or the failure.
template <class T, class ToJson>
void answer(State& s, Response& res, const Change& c, const Result<std::optional<T>>& made,
            ToJson to_json) {
  if (!made) return send_failure(res, made.failure());
  if (!made.value()) return send_error(res, 404, kNoCase);
  json out = to_json(*made.value());
  Result<std::optional<CaseView>> v = visible_case(s.config.db, c.id, c.session.user, s.checklist);
  const bool scored = v && *v && (*v)->review.reviewed;
  out["score"] = scored ? json((*v)->review.reviewed->score.value) : json(nullptr);
  out["provisional"] = scored && (*v)->review.reviewed->provisional();
  send_json(res, out, 201);
}

// An optional integer member; false (after 400) when present but not one.
bool int_field(const json& body, const char* key, std::optional<int>& out, Response& res) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return true;
  if (!it->is_number_integer()) {
    send_error(res, 400, std::string(key) + " 必须是整数");
    return false;
  }
  out = it->get<int>();
  return true;
}

void add(State& s, const Request& req, Response& res) {
  auto c = change_of(s, req, res, true, "街道用户不能添加问题");
  if (!c) return;
  NewFinding f;
  f.rule = string_field(c->body, "rule");
  if (!int_field(c->body, "stage", f.stage, res) || !int_field(c->body, "page", f.page, res))
    return;
  if (c->body.contains("document")) f.document = string_field(c->body, "document");
  if (c->body.contains("severity")) f.severity = string_field(c->body, "severity");
  if (auto it = c->body.find("deduction"); it != c->body.end() && !it->is_null()) {
    if (!it->is_number()) return send_error(res, 400, "deduction 必须是数字");
    f.deduction = it->get<double>();
  }
  f.basis = string_field(c->body, "basis");
  f.text = string_field(c->body, "text");
  answer(s, res, *c, add_finding_on_case(s.config.db, c->id, c->session.user, f, s.checklist),
         [](const RecordedAdded& a) {
           return json{{"key", a.added.key},
                       {"rule", a.added.finding.rule},
                       {"inspector", a.added.inspector},
                       {"added_at", a.added.added_at}};
         });
}

void rule(State& s, const Request& req, Response& res) {
  auto c = change_of(s, req, res, true, "异议由评查人员裁定，街道用户不能裁定异议");
  if (!c) return;
  std::optional<long long> objection = path_id(req, 2);
  if (!objection) return send_error(res, 404, "没有这条异议");
  auto accept = c->body.find("accept");
  if (accept == c->body.end() || !accept->is_boolean())
    return send_error(res, 400, "请写明是否采纳（accept: true 或 false）");
  auto made = rule_on_case(s.config.db, c->id, *objection, c->session.user, accept->get<bool>(),
                           string_field(c->body, "reason"), s.checklist);
  if (made && !*made) return send_error(res, 404, "该案卷没有这条异议");
  answer(s, res, *c, made, [](const Ruling& r) {
    return json{{"id", r.seq},          {"objection", r.objection},
                {"finding", r.finding}, {"accepted", r.accepted},
                {"name", r.name},       {"ruled_at", r.ruled_at}};
  });
}

void rectify(State& s, const Request& req, Response& res) {
  auto c = change_of(s, req, res, true, "整改事项由评查人员提出，街道用户只能报告整改情况");
  if (!c) return;
  NewRectification r;
  r.finding = string_field(c->body, "finding");
  r.kind = string_field(c->body, "kind");
  r.owner = string_field(c->body, "owner");
  if (const std::string due = string_field(c->body, "due"); !due.empty()) {
    r.due = Date::parse(due);
    if (!r.due) return send_error(res, 400, "整改期限必须是 YYYY-MM-DD 格式的日期");
  }
  answer(s, res, *c, rectify_on_case(s.config.db, c->id, c->session.user, r, s.checklist),
         [](const RectifyItem& i) {
           return json{{"id", i.seq},      {"finding", i.finding}, {"kind", i.kind},
                       {"owner", i.owner}, {"due", i.due},         {"name", i.name}};
         });
}

void update(State& s, const Request& req, Response& res) {
  auto c = change_of(s, req, res, false, "");
  if (!c) return;
  std::optional<long long> item = path_id(req, 2);
  if (!item) return send_error(res, 404, "没有这个整改事项");
  auto made = update_rectification_on_case(s.config.db, c->id, *item, c->session.user,
                                           string_field(c->body, "status"),
                                           string_field(c->body, "note"), s.checklist);
  if (made && !*made) return send_error(res, 404, "该案卷没有这个整改事项");
  answer(s, res, *c, made, [](const RectifyUpdate& u) {
    return json{{"id", u.seq},    {"item", u.item}, {"status", u.status},
                {"note", u.note}, {"name", u.name}, {"updated_at", u.updated_at}};
  });
}

void sign(State& s, const Request& req, Response& res) {
  auto c = change_of(s, req, res, true, "街道用户不能在评查表上签字");
  if (!c) return;
  std::string role = string_field(c->body, "role");
  if (role.empty() || role == "signer") role = kSignerRole;
  if (role == "reviewer") role = kReviewerRole;
  answer(
      s, res, *c, sign_on_case(s.config.db, c->id, c->session.user, role, s.checklist),
      [](const SignOff& o) {
        return json{{"id", o.seq}, {"role", o.role}, {"name", o.name}, {"signed_at", o.signed_at}};
      });
}

// A typical mark as the API shows it: id is its trail row, finding and rule
// null for the case as a whole.
json typical_json(const TypicalMark& m) {
  const auto or_null = [](const std::string& v) { return v.empty() ? json(nullptr) : json(v); };
  return json{{"id", m.seq},
              {"finding", or_null(m.finding)},
              {"rule", or_null(m.rule)},
              {"marked", m.marked},
              {"note", or_null(m.note)},
              {"inspector", m.inspector},
              {"marked_at", m.marked_at}};
}

// false (after 400) when `key` is present, not null and not a string.
bool text_field(const json& body, const char* key, std::string& out, Response& res) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return true;
  if (!it->is_string()) {
    send_error(res, 400, std::string(key) + " 必须是字符串");
    return false;
  }
  out = it->get<std::string>();
  return true;
}

void mark(State& s, const Request& req, Response& res) {
  auto c = change_of(s, req, res, true, "典型案例由评查人员标记，街道用户不能标记");
  if (!c) return;
  TypicalChange change;
  if (!text_field(c->body, "note", change.note, res) ||
      !text_field(c->body, "finding", change.finding, res))
    return;
  if (auto it = c->body.find("remove"); it != c->body.end() && !it->is_null()) {
    if (!it->is_boolean()) return send_error(res, 400, "remove 必须是 true 或 false");
    change.remove = it->get<bool>();
  }
  answer(s, res, *c, mark_typical_on_case(s.config.db, c->id, c->session.user, change),
         typical_json);
}

void marks(State& s, const Request& req, Response& res) {
  std::optional<Session> session = signed_in(s, req, res);
  if (!session) return;
  std::optional<long long> id = path_id(req, 1);
  if (!id) return send_error(res, 404, kNoCase);
  auto found = typical_marks_on_case(s.config.db, *id, session->user);
  if (!found) return send_failure(res, found.failure());
  if (!*found) return send_error(res, 404, kNoCase);
  json out = json::array();
  for (const TypicalMark& m : **found) out.push_back(typical_json(m));
  send_json(res, {{"marks", out}});
}

}  // namespace

void add_case_record_api(State& s) {
  auto route = [&s](const char* pattern, void (*handler)(State&, const Request&, Response&)) {
    s.http->Post(pattern,
                 [&s, handler](const Request& req, Response& res) { handler(s, req, res); });
  };
  route(R"(/api/cases/(\d+)/findings)", add);
  route(R"(/api/cases/(\d+)/objections/(\d+)/ruling)", rule);
  route(R"(/api/cases/(\d+)/rectification)", rectify);
  route(R"(/api/cases/(\d+)/rectification/(\d+)/updates)", update);
  route(R"(/api/cases/(\d+)/signoffs)", sign);
  route(R"(/api/cases/(\d+)/typical)", mark);
  s.http->Get(R"(/api/cases/(\d+)/typical)",
              [&s](const Request& req, Response& res) { marks(s, req, res); });
}

}  // namespace auditor::server
