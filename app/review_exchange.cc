#include "app/review_exchange.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>

#include "app/review_session.h"
#include "store/record.h"
#include "util/atomic_file.h"
#include "util/hash.h"
#include "util/text_safety.h"
#include "util/utf8.h"

namespace auditor {
namespace {

using nlohmann::json;

constexpr const char* kFormat = "auditor-review/1";
// An export holds a few hundred bytes per entry: 64 MiB is far beyond a
// round of thousands of cases, and keeps a hostile file from filling memory.
constexpr std::uintmax_t kMaxFileBytes = 64ull << 20;

template <typename T>
json or_null(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}
json text_or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json decision_entry(const RecordedDecision& d, const Record& all) {
  json replaces = nullptr;
  if (d.replaces)
    for (const RecordedDecision& r : all.decisions)
      if (r.id == *d.replaces)
        replaces = {{"inspector", r.decision.inspector}, {"decided_at", r.decision.decided_at}};
  const Decision& x = d.decision;
  return {{"type", "decision"},
          {"case", d.at.key},
          {"archive", d.at.archive},
          {"finding", x.key},
          {"verdict", verdict_name(x.verdict)},
          {"reason", text_or_null(x.reason)},
          {"severity", or_null(x.severity)},
          {"deduction", or_null(x.deduction)},
          {"message", or_null(x.message)},
          {"inspector", x.inspector},
          {"decided_at", x.decided_at},
          {"replaces", replaces}};
}

json added_entry(const RecordedAdded& a) {
  const Finding& f = a.added.finding;
  return {{"type", "added"},
          {"case", a.at.key},
          {"archive", a.at.archive},
          {"rule", f.rule},
          {"stage", or_null(f.stage)},
          {"document", or_null(f.document)},
          {"page", or_null(a.page)},
          {"severity", f.severity},
          {"deduction", f.deduction},
          {"basis", text_or_null(f.basis)},
          {"text", f.message},
          {"inspector", a.added.inspector},
          {"added_at", a.added.added_at}};
}

json signoff_entry(const SignOff& s) {
  return {{"type", "signoff"}, {"case", s.at.key}, {"archive", s.at.archive},
          {"role", s.role},    {"name", s.name},   {"signed_at", s.signed_at}};
}

json reopen_entry(const Reopen& r) {
  return {{"type", "reopen"},   {"case", r.at.key}, {"archive", r.at.archive},
          {"reason", r.reason}, {"name", r.name},   {"reopened_at", r.reopened_at}};
}

// ---- reading an entry: typed fields, or why not --------------------------

// The fields of one entry; a wrong type or a missing required field sets
// `error` (Chinese) and yields an empty value.
class Fields {
 public:
  explicit Fields(const json& e) : e_(e) {}
  std::string text(const char* key) {
    const json* v = find(key);
    if (v && v->is_string() && !v->get_ref<const std::string&>().empty())
      return valid_utf8(v->get_ref<const std::string&>());
    fail(std::string("缺少 ") + key);
    return {};
  }
  std::optional<std::string> opt_text(const char* key) {
    const json* v = find(key);
    if (!v || v->is_null()) return std::nullopt;
    if (v->is_string()) return valid_utf8(v->get_ref<const std::string&>());
    fail(std::string(key) + " 应为文字");
    return std::nullopt;
  }
  std::optional<double> opt_number(const char* key) {
    const json* v = find(key);
    if (!v || v->is_null()) return std::nullopt;
    if (v->is_number() && v->get<double>() >= 0) return v->get<double>();
    fail(std::string(key) + " 应为不小于 0 的数");
    return std::nullopt;
  }
  std::optional<int> opt_int(const char* key, int min, int max) {
    const json* v = find(key);
    if (!v || v->is_null()) return std::nullopt;
    if (v->is_number_integer() && v->get<long long>() >= min && v->get<long long>() <= max)
      return static_cast<int>(v->get<long long>());
    fail(std::string(key) + " 应为 " + std::to_string(min) + " 到 " + std::to_string(max) +
         " 的整数");
    return std::nullopt;
  }
  const std::string& error() const { return error_; }

 private:
  const json* find(const char* key) const {
    auto it = e_.find(key);
    return it == e_.end() ? nullptr : &*it;
  }
  void fail(const std::string& why) {
    if (error_.empty()) error_ = why;
  }
  const json& e_;
  std::string error_;
};

bool known_severity(const std::string& s) {
  return s == "veto" || s == "major" || s == "minor" || s == "info";
}

std::string read_all(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The record of the database being imported into, per case key, kept up to
// date as entries are applied.
class Target {
 public:
  explicit Target(Record all, bool second_review) : second_review_(second_review) {
    for (RecordedDecision& d : all.decisions) cases_[d.at.key].decisions.push_back(std::move(d));
    for (RecordedAdded& a : all.added) cases_[a.at.key].added.push_back(std::move(a));
    for (SignOff& s : all.signoffs) cases_[s.at.key].signoffs.push_back(std::move(s));
    for (Reopen& r : all.reopens) cases_[r.at.key].reopens.push_back(std::move(r));
  }
  Record& of(const std::string& key) { return cases_[key]; }
  RecordState state(const std::string& key) { return record_state(of(key), second_review_); }
  bool locked(const std::string& key) { return state(key).locked; }

 private:
  std::map<std::string, Record> cases_;
  bool second_review_;
};

bool same_decision(const Decision& a, const Decision& b) {
  return a.key == b.key && a.verdict == b.verdict && a.reason == b.reason &&
         a.severity == b.severity && a.deduction == b.deduction && a.message == b.message &&
         a.inspector == b.inspector && a.decided_at == b.decided_at;
}

std::string who(const Decision& d) {
  return d.inspector + " 于 " + d.decided_at + " 的决定（" + verdict_label(d.verdict) + "）";
}

// Applies the entries of `doc` to the round `round_id` of `store`.
class Importer {
 public:
  Importer(Store& store, long long round_id, Target target)
      : store_(store), round_(round_id), target_(std::move(target)) {}

  // Fails on a bad entry or a database error; conflicts go to the report.
  Status apply(const json& entry, std::size_t n, ImportReport& report) {
    if (!entry.is_object()) return bad(n, "不是对象");
    Fields f(entry);
    const std::string type = entry.contains("type") && entry["type"].is_string()
                                 ? entry["type"].get<std::string>()
                                 : std::string();
    if (type == "decision") return decision(f, entry, n, report);
    if (type == "added") return added(f, n, report);
    if (type == "signoff") return signoff(f, n, report);
    if (type == "reopen") return reopen(f, n, report);
    return bad(n, "type 应为 decision、added、signoff 或 reopen");
  }

 private:
  static Status bad(std::size_t n, const std::string& why) {
    return Status::failure("评查记录文件第 " + std::to_string(n) + " 条有误：" + why,
                           Code::invalid);
  }

  Status decision(Fields& f, const json& entry, std::size_t n, ImportReport& report) {
    CaseRef at{f.text("case"), f.text("archive")};
    Decision d;
    d.key = f.text("finding");
    const std::string verdict = f.text("verdict");
    d.reason = f.opt_text("reason").value_or("");
    d.severity = f.opt_text("severity");
    d.deduction = f.opt_number("deduction");
    d.message = f.opt_text("message");
    d.inspector = f.text("inspector");
    d.decided_at = f.text("decided_at");
    std::optional<std::pair<std::string, std::string>> replaces;
    if (auto it = entry.find("replaces"); it != entry.end() && !it->is_null()) {
      Fields r(*it);
      if (it->is_object()) replaces = {r.text("inspector"), r.text("decided_at")};
      if (!it->is_object() || !r.error().empty())
        return bad(n, "replaces 应为 inspector 和 decided_at");
    }
    if (!f.error().empty()) return bad(n, f.error());
    const std::optional<FindingVerdict> v = verdict_named(verdict);
    if (!v || *v == FindingVerdict::suggested || *v == FindingVerdict::withdrawn)
      return bad(n, "verdict 不能是 " + verdict);
    d.verdict = *v;
    if (d.severity && !known_severity(*d.severity)) return bad(n, "severity 不能是 " + *d.severity);
    const bool needs_reason = d.verdict == FindingVerdict::dismissed ||
                              d.verdict == FindingVerdict::changed ||
                              d.verdict == FindingVerdict::failed;
    if (needs_reason && d.reason.empty()) return bad(n, "缺少理由 reason");

    Record& here = target_.of(at.key);
    for (const RecordedDecision& r : here.decisions)
      if (same_decision(r.decision, d)) return skip(report);
    const RecordedDecision* latest = latest_decision(here, d.key);
    const std::string name = "案卷 " + at.key + " 问题 " + d.key + "：";
    if (latest && !(replaces && replaces->first == latest->decision.inspector &&
                    replaces->second == latest->decision.decided_at)) {
      report.conflicts.push_back(name + "本库已有" + who(latest->decision) + "，导入的是" + who(d) +
                                 "，两者互不替代，未导入");
      return Status::success();
    }
    if (target_.locked(at.key)) return locked(name, report);
    Result<RecordedDecision> r = record_decision(
        store_, round_, at, d, latest ? std::optional<long long>(latest->id) : std::nullopt);
    if (!r) return Status::failure(r.failure());
    here.decisions.push_back(*r);
    ++report.added;
    return Status::success();
  }

  Status added(Fields& f, std::size_t n, ImportReport& report) {
    CaseRef at{f.text("case"), f.text("archive")};
    RecordedAdded a;
    Finding& x = a.added.finding;
    x.rule = f.text("rule");
    x.stage = f.opt_int("stage", 1, 8);
    x.document = f.opt_text("document");
    a.page = f.opt_int("page", 1, 1 << 30);
    x.severity = f.text("severity");
    const std::optional<double> deduction = f.opt_number("deduction");
    x.basis = f.opt_text("basis").value_or("");
    x.message = f.text("text");
    a.added.inspector = f.text("inspector");
    a.added.added_at = f.text("added_at");
    if (!f.error().empty()) return bad(n, f.error());
    if (!deduction) return bad(n, "缺少 deduction");
    x.deduction = *deduction;
    if (!known_severity(x.severity)) return bad(n, "severity 不能是 " + x.severity);
    Record& here = target_.of(at.key);
    for (const RecordedAdded& r : here.added)
      if (r.added.finding.message == x.message && r.added.inspector == a.added.inspector &&
          r.added.added_at == a.added.added_at)
        return skip(report);
    if (target_.locked(at.key)) return locked("案卷 " + at.key + " 添加的问题：", report);
    Result<RecordedAdded> r = record_added(store_, round_, at, a);
    if (!r) return Status::failure(r.failure());
    here.added.push_back(*r);
    ++report.added;
    return Status::success();
  }

  Status signoff(Fields& f, std::size_t n, ImportReport& report) {
    SignOff s{{f.text("case"), f.text("archive")},
              f.text("role"),
              f.text("name"),
              f.text("signed_at"),
              0};
    if (!f.error().empty()) return bad(n, f.error());
    if (s.role != kSignerRole && s.role != kReviewerRole) return bad(n, "role 不能是 " + s.role);
    Record& here = target_.of(s.at.key);
    for (const SignOff& r : here.signoffs)
      if (r.role == s.role && r.name == s.name && r.signed_at == s.signed_at) return skip(report);
    if (const SignOff* done = target_.state(s.at.key).signed_as(s.role)) {
      report.conflicts.push_back("案卷 " + s.at.key + " " + s.role + "签字：本库已由" + done->name +
                                 "于 " + done->signed_at + " 签字，导入的是" + s.name + "于 " +
                                 s.signed_at + " 的签字，未导入");
      return Status::success();
    }
    Result<SignOff> r = record_signoff(store_, round_, s);
    if (!r) return Status::failure(r.failure());
    here.signoffs.push_back(*r);
    ++report.added;
    return Status::success();
  }

  Status reopen(Fields& f, std::size_t n, ImportReport& report) {
    Reopen o{{f.text("case"), f.text("archive")},
             f.text("reason"),
             f.text("name"),
             f.text("reopened_at"),
             0};
    if (!f.error().empty()) return bad(n, f.error());
    Record& here = target_.of(o.at.key);
    for (const Reopen& r : here.reopens)
      if (r.reason == o.reason && r.name == o.name && r.reopened_at == o.reopened_at)
        return skip(report);
    Result<Reopen> r = record_reopen(store_, round_, o);
    if (!r) return Status::failure(r.failure());
    here.reopens.push_back(*r);
    ++report.added;
    return Status::success();
  }

  static Status skip(ImportReport& report) {
    ++report.skipped;
    return Status::success();
  }
  static Status locked(const std::string& name, ImportReport& report) {
    report.conflicts.push_back(name + "该案卷在本库已签字锁定，未导入（需要时先重新打开）");
    return Status::success();
  }

  Store& store_;
  long long round_;
  Target target_;
};

}  // namespace

Result<std::size_t> export_record(const ReviewScope& scope, const std::filesystem::path& file) {
  Result<ReviewSession> s = ReviewSession::open(scope, false, false, false);
  if (!s) return s.failure();
  Result<Record> record = load_record(*s->store, s->data.round.id);
  if (!record) return record.failure();
  Result<std::optional<std::string>> second =
      round_setting(*s->store, s->data.round.id, "second_review");
  if (!second) return second.failure();
  Result<std::string> now = record_now(*s->store);
  if (!now) return now.failure();

  // The four lists merged by trail position.
  std::vector<std::pair<long long, json>> entries;
  for (const RecordedDecision& d : record->decisions)
    entries.emplace_back(d.seq, decision_entry(d, *record));
  for (const RecordedAdded& a : record->added) entries.emplace_back(a.seq, added_entry(a));
  for (const SignOff& o : record->signoffs) entries.emplace_back(o.seq, signoff_entry(o));
  for (const Reopen& o : record->reopens) entries.emplace_back(o.seq, reopen_entry(o));
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  json list = json::array();
  for (auto& [seq, e] : entries) list.push_back(std::move(e));
  json settings = json::object();
  if (*second) settings["second_review"] = **second;
  const json doc = {{"format", kFormat},
                    {"round", {{"name", s->data.round.name}, {"mode", s->data.round.mode}}},
                    {"exported_at", *now},
                    {"settings", std::move(settings)},
                    {"entries", std::move(list)}};
  const std::string text =
      json_text_safe(doc.dump(2, ' ', false, json::error_handler_t::replace)) + "\n";
  if (Status st = write_file_atomic(file, text); !st.ok()) return Error{st.reason, st.code};
  return entries.size();
}

Result<ImportReport> import_record(const ReviewScope& scope, const std::filesystem::path& file) {
  std::error_code ec;
  const std::uintmax_t size = std::filesystem::file_size(file, ec);
  if (ec) return Error{"无法读取评查记录文件 " + file.string(), Code::not_found};
  if (size > kMaxFileBytes)
    return Error{"评查记录文件 " + file.string() + " 超过 64 MB，不是本工具导出的文件",
                 Code::invalid};
  const std::string bytes = read_all(file);
  const json doc = json::parse(bytes, nullptr, false);
  const std::string where = "评查记录文件 " + file.string();
  if (doc.is_discarded() || !doc.is_object())
    return Error{where + " 不是有效的 JSON 文件", Code::invalid};
  const auto format = doc.find("format");
  if (format == doc.end() || !format->is_string())
    return Error{where + " 不是评查记录导出文件（缺少 format）", Code::invalid};
  if (*format != kFormat)
    return Error{where + " 的格式为 " + format->get<std::string>() + "，本工具只能导入 " + kFormat,
                 Code::unsupported};
  const auto round = doc.find("round");
  const auto entries = doc.find("entries");
  if (round == doc.end() || !round->is_object() || !round->contains("name") ||
      !(*round)["name"].is_string() || entries == doc.end() || !entries->is_array())
    return Error{where + " 缺少 round.name 或 entries", Code::invalid};

  ReviewScope target = scope;
  if (target.round.empty()) target.round = valid_utf8((*round)["name"].get<std::string>());
  Result<ReviewSession> s = ReviewSession::open(target, true, false, false);
  if (!s) return s.failure();
  const long long round_id = s->data.round.id;
  Result<Record> existing = load_record(*s->store, round_id);
  if (!existing) return existing.failure();
  Result<std::optional<std::string>> second = round_setting(*s->store, round_id, "second_review");
  if (!second) return second.failure();

  ImportReport report;
  report.round = target.round;
  RecordTransaction tx(*s->store);
  if (Status st = tx.status(); !st.ok()) return Error{st.reason, st.code};
  // A setting the file has and this database has not yet: taken over.
  if (auto it = doc.find("settings"); it != doc.end() && it->is_object())
    if (auto v = it->find("second_review");
        v != it->end() && v->is_string() && !*second && (*v == "yes" || *v == "no")) {
      if (Status st = set_round_setting(*s->store, round_id, "second_review", *v); !st.ok())
        return Error{st.reason, st.code};
      *second = v->get<std::string>();
      ++report.added;
    }
  Importer importer(*s->store, round_id,
                    Target(std::move(*existing), second->value_or("") == "yes"));
  std::size_t n = 0;
  for (const json& entry : *entries)
    if (Status st = importer.apply(entry, ++n, report); !st.ok()) return Error{st.reason, st.code};
  if (report.added > 0 || !report.conflicts.empty()) {
    const json summary = {{"file", valid_utf8(file.filename().string())},
                          {"sha256", sha256_hex(bytes)},
                          {"round", report.round},
                          {"added", report.added},
                          {"skipped", report.skipped},
                          {"conflicts", report.conflicts.size()}};
    if (Result<long long> seq = append_trail(*s->store, round_id, "import", summary); !seq)
      return seq.failure();
  }
  if (Status st = tx.commit(); !st.ok()) return Error{st.reason, st.code};
  return report;
}

}  // namespace auditor
