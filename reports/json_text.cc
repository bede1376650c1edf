#include "reports/json_text.h"

#include "auditor/case_info.h"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

#include "reports/json_report.h"
#include "reports/labels.h"
#include "reports/report_text.h"
#include "util/text_safety.h"

namespace auditor {
namespace {

constexpr std::size_t kChunk = 1 << 20;

// nlohmann's pretty printer, by hand: `begin`/`end` open and close a
// container, `item` starts an array element and `key` an object member on
// their own indented lines; an empty container stays "[]" / "{}".
class Out {
 public:
  explicit Out(const TextSink& sink) : sink_(sink) { buf_.reserve(kChunk + 4096); }

  void begin(char open) {
    buf_ += open;
    ++depth_;
    first_ = true;
  }
  void end(char close) {
    --depth_;
    if (!first_) newline();
    buf_ += close;
    first_ = false;
    if (buf_.size() >= kChunk) flush();
  }
  void item() {
    if (!first_) buf_ += ',';
    newline();
    first_ = false;
  }
  void key(std::string_view k) {
    item();
    buf_ += '"';
    buf_ += k;
    buf_ += "\": ";
  }

  void null() { buf_ += "null"; }
  void boolean(bool v) { buf_ += v ? "true" : "false"; }
  void integer(long long v) {
    char b[24];
    buf_.append(b, std::to_chars(b, b + sizeof b, v).ptr);
  }
  // As nlohmann prints a double: integral values with ".0", others through
  // nlohmann itself.
  void real(double v) {
    if (v == std::trunc(v) && std::abs(v) < 1e9 && !(v == 0 && std::signbit(v))) {
      integer(static_cast<long long>(v));
      buf_ += ".0";
    } else {
      buf_ += nlohmann::json(v).dump();
    }
  }
  // A JSON string: malformed UTF-8 bytes become U+FFFD, control characters
  // and '"' '\' are escaped as nlohmann escapes them, bidirectional controls
  // and non-ASCII forbidden characters as json_text_safe escapes them
  // (util/text_safety.h), the rest is verbatim.
  void string(std::string_view s) {
    buf_ += '"';
    std::size_t plain = 0;
    for (std::size_t i = 0; i < s.size();) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
        ++i;
        continue;
      }
      if (c >= 0x80)
        if (const std::size_t n = utf8_sequence_length(s, i)) {
          i += n;
          continue;
        }
      append_json_text_safe(buf_, s.substr(plain, i - plain));
      escape(c);
      plain = ++i;
    }
    append_json_text_safe(buf_, s.substr(plain));
    buf_ += '"';
  }
  void text(const Text& t) { t ? string(*t) : null(); }
  // For model fields where an empty string means "unknown".
  void non_empty(const std::string& s) { s.empty() ? null() : string(s); }
  void number(const std::optional<int>& v) { v ? integer(*v) : null(); }

  // A value rendered by nlohmann (dump(2), json_text_safe) at the current
  // depth: for small parts whose JSON already exists once (the review).
  void value(const nlohmann::json& v) {
    const std::string text =
        json_text_safe(v.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
    for (char c : text) {
      buf_ += c;
      if (c == '\n') buf_.append(2 * depth_, ' ');
    }
  }

  bool finish() {
    flush();
    return ok_;
  }

 private:
  void newline() {
    buf_ += '\n';
    buf_.append(2 * depth_, ' ');
  }
  void escape(unsigned char c) {
    switch (c) {
      case '\b':
        buf_ += "\\b";
        return;
      case '\t':
        buf_ += "\\t";
        return;
      case '\n':
        buf_ += "\\n";
        return;
      case '\f':
        buf_ += "\\f";
        return;
      case '\r':
        buf_ += "\\r";
        return;
      case '"':
        buf_ += "\\\"";
        return;
      case '\\':
        buf_ += "\\\\";
        return;
    }
    if (c >= 0x80) {
      buf_ += "\xEF\xBF\xBD";
      return;
    }
    static constexpr char kHex[] = "0123456789abcdef";
    buf_ += "\\u00";
    buf_ += kHex[c >> 4];
    buf_ += kHex[c & 15];
  }
  void flush() {
    if (ok_ && !buf_.empty()) ok_ = sink_(buf_);
    buf_.clear();
  }

  const TextSink& sink_;
  std::string buf_;
  std::size_t depth_ = 0;
  bool first_ = true;
  bool ok_ = true;
};

void checklist(Out& o, const std::string& id, const std::string& version, const std::string& sha256,
               bool sha256_may_be_null) {
  o.begin('{');
  o.key("id");
  o.string(id);
  o.key("sha256");
  sha256_may_be_null ? o.non_empty(sha256) : o.string(sha256);
  o.key("version");
  o.string(version);
  o.end('}');
}

void checks_and_documents(Out& o, const Case& c, const Audit& audit) {
  o.key("checks");
  o.begin('[');
  for (const Check& k : audit.checks) {
    o.item();
    o.begin('{');
    o.key("outcome");
    o.string(outcome_name(k.outcome));
    o.key("rule");
    o.string(k.rule);
    o.end('}');
  }
  o.end(']');
  o.key("documents");
  o.begin('[');
  for (const Document& d : c.documents) {
    o.item();
    o.begin('{');
    o.key("date");
    o.text(d.date);
    o.key("format");
    o.string(d.format);
    o.key("number");
    o.text(d.number);
    o.key("path");
    o.string(d.path);
    o.key("stage");
    o.number(d.stage);
    const std::string title = first_title_line(d.title);
    o.key("title");
    o.text(title.empty() ? Text() : Text(title));
    o.key("type");
    o.text(d.type);
    o.end('}');
  }
  o.end(']');
}

// The review of case `i` when the round has a record and it was reviewed
// (review_round): the object, or null for a rejected archive.
struct CaseReviewText {
  const RoundData& data;
  std::size_t i;
  void write(Out& o) const {
    o.key("review");
    o.value(round_review_json(data, i));
  }
};

// case_json(c, audit), member by member in key order; with `light` (no
// case sheets) without checks and documents, the case number, party and
// street taken from it; with `review` its "review" member.
void case_text(Out& o, const Case& c, const Audit& audit, const CaseFacts* light,
               const CaseReviewText* review) {
  const CaseInfo& info = c.info;
  o.begin('{');
  o.key("archive");
  o.string(c.archive);
  o.key("case_number");
  if (light) {
    o.text(light->case_number);
  } else {
    o.text(info.case_number ? info.case_number : first_fact(c, "case_number", "filing_approval"));
    checks_and_documents(o, c, audit);
  }
  o.key("error");
  c.rejected ? o.non_empty(c.error) : o.null();
  o.key("findings");
  o.begin('[');
  for (const Finding& f : audit.findings) {
    o.item();
    o.begin('{');
    o.key("basis");
    o.non_empty(f.basis);
    o.key("deduction");
    o.real(f.deduction);
    o.key("document");
    o.text(f.document);
    o.key("evidence");
    o.begin('[');
    for (const std::string& e : f.evidence) {
      o.item();
      o.string(e);
    }
    o.end(']');
    o.key("kind");
    o.string(f.kind);
    o.key("message");
    o.string(f.message);
    o.key("rule");
    o.string(f.rule);
    o.key("severity");
    o.string(f.severity);
    o.key("stage");
    o.number(f.stage);
    o.end('}');
  }
  o.end(']');
  o.key("grade");
  c.rejected ? o.null() : o.non_empty(audit.grade);
  o.key("party");
  if (light)
    o.text(light->party);
  else
    o.text(info.party ? info.party : first_fact(c, "party"));
  o.key("procedure");
  o.text(info.procedure);
  if (review) review->write(o);
  o.key("score");
  c.rejected ? o.null() : o.real(audit.score);
  o.key("sha256");
  o.non_empty(c.sha256);
  o.key("status");
  o.string(c.rejected ? "rejected" : "audited");
  o.key("street");
  if (light)
    o.text(light->street);
  else
    o.text(info.street ? info.street : first_fact(c, "street"));
  o.end('}');
}

void round_text(Out& o, const RoundData& data, bool case_sheets) {
  o.begin('{');
  o.key("as_of");
  o.string(data.as_of.empty() ? data.round.created_at : data.as_of);
  if (!case_sheets) {
    o.key("case_sheets");
    o.boolean(false);
  }
  o.key("created_at");
  o.string(data.round.created_at);
  o.key("mode");
  o.string(data.round.mode);
  o.key("name");
  o.string(data.round.name);
  o.key("runs");
  o.begin('[');
  for (const RoundRun& r : data.runs) {
    o.item();
    o.begin('{');
    o.key("checklist");
    checklist(o, r.checklist_id, r.checklist_version, r.checklist_sha256, false);
    o.key("finished_at");
    o.text(r.finished_at);
    o.key("inspector");
    o.text(r.inspector);
    o.key("started_at");
    o.string(r.started_at);
    o.key("tool_version");
    o.string(r.tool_version);
    o.end('}');
  }
  o.end(']');
  o.end('}');
}

}  // namespace

bool write_round_json(const RoundData& data, const TextSink& sink, bool case_sheets) {
  Out o(sink);
  int rejected = 0, findings = 0;
  const bool reviewed = data.has_record() && data.reviewed.size() == data.cases.size();
  o.begin('{');
  o.key("cases");
  o.begin('[');
  for (std::size_t i = 0; i < data.cases.size(); ++i) {
    const CaseResult& r = data.cases[i];
    o.item();
    const CaseReviewText review{data, i};
    case_text(o, r.c, r.audit, case_sheets ? nullptr : &data.facts[i],
              reviewed ? &review : nullptr);
    rejected += r.c.rejected ? 1 : 0;
    findings += static_cast<int>(r.audit.findings.size());
  }
  o.end(']');
  const RoundRun* latest = data.runs.empty() ? nullptr : &data.runs.back();
  const std::string none;
  o.key("checklist");
  checklist(o, latest ? latest->checklist_id : none, latest ? latest->checklist_version : none,
            latest ? latest->checklist_sha256 : none, true);
  o.key("round");
  round_text(o, data, case_sheets);
  const int archives = static_cast<int>(data.cases.size());
  o.key("summary");
  o.begin('{');
  o.key("archives");
  o.integer(archives);
  o.key("audited");
  o.integer(archives - rejected);
  o.key("findings");
  o.integer(findings);
  o.key("rejected");
  o.integer(rejected);
  o.end('}');
  o.key("tool");
  o.begin('{');
  o.key("name");
  o.string("auditor");
  o.key("version");
  o.string(latest ? latest->tool_version : none);
  o.end('}');
  o.end('}');
  return o.finish();
}

}  // namespace auditor
