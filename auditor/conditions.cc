#include "auditor/conditions.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>
#include <utility>

#include "auditor/deadline_conditions.h"
#include "auditor/events.h"
#include "auditor/scope_eval.h"
#include "auditor/settings.h"
#include "util/cn_text.h"

namespace auditor {
namespace {

// One condition: the question an inspector answers, the document types whose
// presence settles it as yes, and whether their absence settles it as no
// (a step that always leaves a document in the file when it happened).
struct ConditionSpec {
  const char* name;
  const char* question;
  std::vector<const char*> evidence;
  bool absence_means_no;
  // A yes/no fact kind that settles the condition when one of `stated_in`
  // states it (checked first, in that order): what the party did, as the
  // decision or a later record says it. Never a notice's rights sentence.
  const char* fact = nullptr;
  std::vector<const char*> stated_in = {};
};

// The documents that report what the party did, latest step first.
const std::vector<const char*> kPartyActs = {
    "penalty_decision",      "no_penalty_decision", "on_spot_decision", "closing_approval",
    "collective_discussion", "legal_review",        "penalty_approval", "review_record",
    "hearing_report",        "hearing_record",      "statement_record", "statement_letter",
    "waiver_statement"};

const std::vector<ConditionSpec>& specs() {
  static const std::vector<ConditionSpec> table = {
      {"source_complaint", "案件是否来源于投诉、举报", {}, false},
      {"withdrawn", "案件是否撤销立案", {"filing_withdrawal"}, true},
      {"correction_ordered", "是否责令当事人改正", {"correction_order", "correction_proof"}, true},
      {"preservation_taken",
       "是否采取先行登记保存措施",
       {"preservation_notice", "preservation_decision"},
       true},
      {"seizure_taken", "是否采取查封、扣押措施", {"seizure_decision", "seizure_list"}, true},
      {"hearing_eligible",
       "本案是否属于应告知听证权利的情形（较大数额罚款等）",
       {"hearing_request", "hearing_notification", "hearing_record", "hearing_report"},
       false},
      {"hearing_requested",
       "当事人是否要求听证",
       {"hearing_request", "hearing_notification", "hearing_record", "hearing_report"},
       false,
       "hearing_requested",
       kPartyActs},
      {"statements_made",
       "当事人是否进行了陈述、申辩",
       {"statement_record", "statement_letter", "review_record"},
       false,
       "statement_made",
       kPartyActs},
      // Both read the scope table (auditor/scope_eval.h).
      {"major_decision", "本案是否属于须经法制审核的重大执法决定（依法制审核范围表）", {}, false},
      {"complex_case", "本案是否属于须集体讨论（案件会审）的案件（依会审范围表）", {}, false},
      {"mitigated",
       "是否减轻处罚",
       {},
       false,
       "mitigated",
       {"penalty_decision", "no_penalty_decision", "on_spot_decision", "penalty_approval",
        "collective_discussion", "legal_review"}},
      {"complicated",
       "本案是否情节复杂（案情复杂、涉及多个法律关系）",
       {},
       false,
       "complex_stated",
       {"filing_approval", "case_source", "investigation_report", "penalty_approval",
        "collective_discussion", "legal_review", "closing_approval"}},
      {"fine_imposed", "是否处以罚款", {"payment_proof"}, false},
      {"no_penalty",
       "是否作出不予行政处罚决定",
       {"no_penalty_decision", "no_penalty_notice"},
       true},
      {"transferred", "案件是否移送司法机关", {"transfer_letter"}, true},
      {"disclosure_required", "行政处罚决定是否依法应当公示", {}, false},
      {"unpaid_after_due",
       "当事人是否逾期未缴纳罚款",
       {"reminder", "surcharge_notice", "enforcement_application"},
       false},
      {"defence_waived", "当事人是否书面放弃陈述、申辩权利", {}, false},
      {"simple_beyond_limits",
       "当场处罚的罚款是否超出简易程序的数额（公民 200 元、组织 3000 元）",
       {},
       false},
  };
  return table;
}

const ConditionSpec* find_spec(std::string_view name) {
  for (const ConditionSpec& s : specs())
    if (name == s.name) return &s;
  return nullptr;
}

// What the evaluator reads from one case, gathered once.
class Evaluator {
 public:
  Evaluator(const Case& c, const Checklist& cl) : c_(c), cl_(cl) {}

  Conditions run() {
    // Order matters: later conditions read earlier ones.
    for (const char* name :
         {"source_complaint", "withdrawn", "correction_ordered", "preservation_taken",
          "seizure_taken", "no_penalty", "transferred", "fine_imposed", "hearing_eligible",
          "hearing_requested", "statements_made", "mitigated", "complicated", "major_decision",
          "complex_case", "disclosure_required", "unpaid_after_due", "defence_waived",
          "simple_beyond_limits"})
      out_[name] = evaluate(*find_spec(name));
    return std::move(out_);
  }

 private:
  ConditionValue evaluate(const ConditionSpec& spec) {
    if (auto it = c_.info.flags.find(spec.name); it != c_.info.flags.end())
      if (std::optional<bool> v = parse_yes_no(it->second))
        return {*v ? Tri::yes : Tri::no,
                std::string("卷内清单标记 ") + spec.name + "=" + it->second};
    // An explicit statement wins over the presence of documents.
    if (spec.fact)
      if (ConditionValue v = stated(spec.fact, spec.stated_in); v.value != Tri::unknown) return v;
    for (const char* type : spec.evidence)
      if (const Document* d = find(type))
        return {Tri::yes, "卷内有《" + name_of(type) + "》（" + d->path + "）"};
    ConditionValue derived = derive(spec.name);
    if (derived.value != Tri::unknown) return derived;
    if (spec.absence_means_no && !spec.evidence.empty())
      return {Tri::no, "卷内未见《" + name_of(spec.evidence.front()) + "》"};
    // Why the derivation could not decide, when it says (the scope's entries).
    if (!derived.why.empty()) return derived;
    return {Tri::unknown, "卷内清单未标记，文书和事实均无法判断"};
  }

  // Conditions settled by other conditions, CaseInfo fields and facts.
  ConditionValue derive(const std::string& name) {
    if (name == "fine_imposed") return fine_imposed();
    if (name == "source_complaint") return source_complaint();
    if (name == "hearing_eligible") return hearing_eligible();
    if (name == "hearing_requested") {
      if (is(Tri::no, "hearing_eligible")) return {Tri::no, "本案不属于听证范围"};
    }
    if (name == "major_decision") return in_scope(ScopeNeed::legal_review);
    if (name == "complex_case") return in_scope(ScopeNeed::discussion);
    if (name == "mitigated") return not_mitigated();
    if (name == "disclosure_required") {
      if (is(Tri::yes, "no_penalty") || is(Tri::yes, "transferred"))
        return {Tri::no, "未作出行政处罚决定"};
      std::optional<bool> all = setting_bool("disclosure_all_decisions");
      if (all && *all && find("penalty_decision"))
        return {Tri::yes, "检查清单设定：行政处罚决定一律公示"};
    }
    if (name == "unpaid_after_due") {
      if (const Document* d = find("payment_proof"))
        return {Tri::no, "卷内有缴款凭证（" + d->path + "）"};
      if (is(Tri::no, "fine_imposed")) return {Tri::no, "未处以罚款"};
      return auditor::unpaid_after_due(c_, cl_, out_.at("fine_imposed").value);
    }
    if (name == "defence_waived") return auditor::defence_waived(c_);
    if (name == "simple_beyond_limits") return simple_beyond_limits();
    return {};
  }

  // What the scope table says (auditor/scope_eval.h); unknown without one.
  ConditionValue in_scope(ScopeNeed need) const {
    const Scope* scope = checklist_scope(cl_);
    if (!scope) return {Tri::unknown, "检查清单未配置会审和法制审核范围表"};
    return scope_decides(c_, cl_, *scope, need, out_);
  }

  // A decision with text that says nothing of 减轻处罚 did not mitigate.
  ConditionValue not_mitigated() const {
    for (const char* type : {"penalty_decision", "no_penalty_decision", "on_spot_decision"})
      for (const Document& d : c_.documents)
        if (d.type == type && d.has_text && !d.text.empty())
          return {Tri::no, "《" + name_of(type) + "》（" + d.path + "）未载明减轻处罚"};
    return {};
  }

  // 行政处罚法第五十一条: on the spot only a warning or a fine up to 200 yuan
  // (citizen) / 3000 yuan (organisation); before 2021-07-15 (the 2017 text,
  // 第三十三条) 50 / 1000. The limits are settings; the decision date picks
  // the law, and without it the case is unknown when the two laws differ.
  ConditionValue simple_beyond_limits() {
    if (!find("on_spot_decision") && c_.info.procedure != "simple")
      return {Tri::no, "非简易程序案件"};
    std::optional<std::pair<double, std::string>> f = fine();
    if (!f) return {};
    const std::optional<Event> decided = find_event(c_, cl_, "decided");
    const bool old_law = decided && decided->date < *Date::parse("2021-07-15");
    std::optional<ConditionValue> now, before;
    if (!decided || !old_law)
      now = over_limit(*f, "simple_fine_citizen", "simple_fine_organisation");
    if (!decided || old_law)
      before = over_limit(*f, "simple_fine_citizen_2017", "simple_fine_organisation_2017");
    if (now && before && now->value != before->value) return {};
    return now ? *now : before ? *before : ConditionValue{};
  }

  // The fine against one law's pair of limits; nullopt when a setting is
  // missing or the party's kind decides and is unknown.
  std::optional<ConditionValue> over_limit(const std::pair<double, std::string>& f,
                                           const char* citizen_setting,
                                           const char* organisation_setting) {
    std::optional<double> citizen = setting_number(citizen_setting);
    std::optional<double> organisation = setting_number(organisation_setting);
    if (!citizen || !organisation) return std::nullopt;
    const PartyKind kind = this->kind();
    const double limit = kind == PartyKind::citizen        ? *citizen
                         : kind == PartyKind::organisation ? *organisation
                                                           : std::max(*citizen, *organisation);
    if (f.first > limit)
      return ConditionValue{Tri::yes,
                            f.second + "，超过" + (kind == PartyKind::citizen ? "公民" : "") +
                                (kind == PartyKind::organisation ? "法人或其他组织" : "") +
                                "当场处罚限额 " + yuan_text(limit) + " 元"};
    if (kind == PartyKind::unknown && f.first > std::min(*citizen, *organisation))
      return std::nullopt;
    return ConditionValue{Tri::no, f.second + "，未超过当场处罚限额 " + yuan_text(limit) + " 元"};
  }

  PartyKind kind() const { return case_party_kind(c_, cl_); }

  // From the 案件来源 the filing form (or another form) states: a complaint,
  // report or hotline hand-over is yes; inspection, transfer, assignment or
  // media is no; anything else stays unknown.
  ConditionValue source_complaint() const {
    static const std::string_view kComplaint[] = {"投诉",     "举报",    "12345", "热线",
                                                  "信访",     "来信",    "来访",  "市民反映",
                                                  "群众反映", "市民交办"};
    static const std::string_view kOther[] = {"巡查",     "检查",     "日常", "移送",
                                              "上级交办", "交办",     "媒体", "监测",
                                              "自行发现", "执法发现", "发现"};
    for (const char* type : {"filing_approval", "case_source", "investigation_report",
                             "closing_approval", "penalty_approval"})
      for (const Document& d : c_.documents) {
        if (d.type != type) continue;
        for (const Fact& f : d.facts) {
          if (f.kind != "case_origin") continue;
          const std::string why = "《" + name_of(type) + "》载明案件来源：" + f.value;
          for (std::string_view k : kComplaint)
            if (f.value.find(k) != std::string::npos) return {Tri::yes, why};
          for (std::string_view k : kOther)
            if (f.value.find(k) != std::string::npos) return {Tri::no, why};
        }
      }
    return {};
  }

  ConditionValue fine_imposed() {
    if (is(Tri::yes, "no_penalty") || is(Tri::yes, "transferred"))
      return {Tri::no, "未作出行政处罚决定"};
    if (std::optional<std::pair<double, std::string>> f = fine())
      return {f->first > 0 ? Tri::yes : Tri::no, f->second};
    return {};
  }

  ConditionValue hearing_eligible() {
    if (is(Tri::yes, "no_penalty") || is(Tri::yes, "transferred"))
      return {Tri::no, "未作出行政处罚决定"};
    std::optional<std::pair<double, std::string>> f = fine();
    std::optional<double> citizen = setting_number("hearing_fine_citizen");
    std::optional<double> organisation = setting_number("hearing_fine_organisation");
    if (!f || !citizen || !organisation) return {};
    const double amount = f->first;
    // Without the setting an individual business (92...) is of unknown kind.
    const PartyKind kind = this->kind();
    std::string why = f->second;
    if (kind == PartyKind::citizen)
      return {amount >= *citizen ? Tri::yes : Tri::no,
              why + "，当事人为公民（听证标准 " + yuan_text(*citizen) + " 元）"};
    if (kind == PartyKind::organisation)
      return {amount >= *organisation ? Tri::yes : Tri::no,
              why + "，当事人为法人或其他组织（听证标准 " + yuan_text(*organisation) + " 元）"};
    if (amount >= std::max(*citizen, *organisation))
      return {Tri::yes, why + "，达到各类当事人的听证标准"};
    if (amount < std::min(*citizen, *organisation))
      return {Tri::no, why + "，低于各类当事人的听证标准"};
    return {};
  }

  std::optional<std::pair<double, std::string>> fine() const { return case_fine(c_, cl_); }

  // A yes/no fact (hearing_requested, statement_made) as stated by a
  // document of one of `types`, the first type on file that states it
  // winning. Other documents (the notice's rights sentences) never count.
  ConditionValue stated(const char* kind, const std::vector<const char*>& types) const {
    for (const char* type : types)
      for (const Document& d : c_.documents) {
        if (d.type != type) continue;
        for (const Fact& fact : d.facts)
          if (fact.kind == kind)
            if (std::optional<bool> v = parse_yes_no(fact.value))
              return {*v ? Tri::yes : Tri::no,
                      "《" + name_of(type) + "》（" + d.path + "）载明：“" + fact.snippet + "”"};
      }
    return {};
  }

  const Document* find(std::string_view type) const {
    for (const Document& d : c_.documents)
      if (d.type && *d.type == type) return &d;
    return nullptr;
  }

  std::string name_of(std::string_view type) const {
    const DocType* t = cl_.doc_type(std::string(type));
    return t ? t->name : std::string(type);
  }

  bool is(Tri v, const char* name) const {
    auto it = out_.find(name);
    return it != out_.end() && it->second.value == v;
  }

  std::optional<double> setting_number(const char* name) const {
    return auditor::setting_number(cl_, name);
  }
  std::optional<bool> setting_bool(const char* name) const {
    return auditor::setting_bool(cl_, name);
  }

  const Case& c_;
  const Checklist& cl_;
  Conditions out_;
};

}  // namespace

std::optional<std::pair<double, std::string>> case_fine(const Case& c, const Checklist& cl) {
  if (c.info.fine) return std::pair{*c.info.fine, "罚款 " + yuan_text(*c.info.fine) + " 元"};
  for (const char* type : {"penalty_decision", "on_spot_decision", "penalty_notice"})
    for (const Document& d : c.documents) {
      if (d.type != type) continue;
      for (const Fact& fact : d.facts)
        if (fact.kind == "fine")
          if (std::optional<double> v = fact_amount(fact.value)) {
            const DocType* t = cl.doc_type(type);
            return std::pair{
                *v, "《" + (t ? t->name : std::string(type)) + "》载明罚款 " + fact.value + " 元"};
          }
    }
  return std::nullopt;
}

PartyKind case_party_kind(const Case& c, const Checklist& cl) {
  std::string id;
  if (c.info.party_id) id = *c.info.party_id;
  for (const char* type : {"penalty_decision", "penalty_notice", "filing_approval", ""})
    for (const Document& d : c.documents) {
      if (!id.empty()) break;
      if (*type && d.type != type) continue;
      for (const Fact& fact : d.facts)
        if (fact.kind == "party_id") {
          id = fact.value;
          break;
        }
    }
  std::optional<bool> business = setting_bool(cl, "individual_business_is_citizen");
  return business || id.rfind("92", 0) != 0 ? party_kind(id, business.value_or(false))
                                            : PartyKind::unknown;
}

PartyKind party_kind(std::string_view party_id, bool individual_business_is_citizen) {
  std::string id;
  for (char ch : party_id)
    if (!std::isspace(static_cast<unsigned char>(ch)))
      id += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  const auto digits = [&](std::size_t from, std::size_t to) {
    return std::all_of(id.begin() + from, id.begin() + to,
                       [](char ch) { return ch >= '0' && ch <= '9'; });
  };
  if (id.size() == 15 && digits(0, 15)) return PartyKind::citizen;
  if (id.size() != 18) return PartyKind::unknown;
  if (id[0] >= '1' && id[0] <= '8' && digits(0, 17) &&
      (std::isdigit(static_cast<unsigned char>(id[17])) || id[17] == 'X')) {
    const int year = std::stoi(id.substr(6, 4));
    const int month = std::stoi(id.substr(10, 2));
    const int day = std::stoi(id.substr(12, 2));
    if (year >= 1900 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= 31)
      return PartyKind::citizen;
  }
  // GB 32100: digits and capitals without I O S V Z.
  if (id.find_first_not_of("0123456789ABCDEFGHJKLMNPQRTUWXY") != std::string::npos)
    return PartyKind::unknown;
  if (id.rfind("92", 0) == 0)
    return individual_business_is_citizen ? PartyKind::citizen : PartyKind::organisation;
  return PartyKind::organisation;
}

std::optional<double> fact_amount(std::string_view text) {
  double v = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return v;
}

std::string yuan_text(double yuan) { return cn::format_yuan(std::llround(yuan * 100)); }

bool is_condition_name(std::string_view name) { return find_spec(name) != nullptr; }

std::vector<std::string> condition_stated_in(std::string_view name) {
  const ConditionSpec* s = find_spec(name);
  return s ? std::vector<std::string>(s->stated_in.begin(), s->stated_in.end())
           : std::vector<std::string>{};
}

std::string condition_question(std::string_view name) {
  const ConditionSpec* s = find_spec(name);
  return s ? s->question : "";
}

Conditions evaluate_conditions(const Case& c, const Checklist& checklist) {
  return Evaluator(c, checklist).run();
}

Tri evaluate_when(const std::vector<std::string>& when, const Conditions& conditions,
                  std::vector<std::string>& unknown) {
  bool any_unknown = false;
  std::vector<std::string> names;
  for (const std::string& term : when) {
    const bool negated = !term.empty() && term[0] == '!';
    const std::string name = negated ? term.substr(1) : term;
    auto it = conditions.find(name);
    const Tri v = it == conditions.end() ? Tri::unknown : it->second.value;
    if (v == Tri::unknown) {
      any_unknown = true;
      names.push_back(name);
    } else if ((v == Tri::yes) == negated) {
      return Tri::no;
    }
  }
  if (!any_unknown) return Tri::yes;
  unknown.insert(unknown.end(), names.begin(), names.end());
  return Tri::unknown;
}

}  // namespace auditor
