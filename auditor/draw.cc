#include "auditor/draw.h"

#include <algorithm>
#include <map>
#include <set>

#include "util/date.h"
#include "util/hash.h"
#include "util/utf8.h"

namespace auditor {

std::string street_name(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (text.compare(i, 3, "\u3000") == 0) {
      i += 3;
      continue;
    }
    const char ch = text[i];
    if (ch != ' ' && ch != '\t' && ch != '\r' && ch != '\n') out += ch;
    ++i;
  }
  if (const std::size_t at = out.find("街道"); at != std::string::npos && at > 0) out.resize(at);
  return out;
}

bool same_street(std::string_view a, std::string_view b) {
  const std::string x = street_name(a);
  return !x.empty() && x == street_name(b);
}

Result<Inspector> parse_inspector(std::string_view text) {
  const std::size_t at = text.find('@');
  Inspector i;
  if (at != std::string_view::npos) {
    i.name = std::string(text.substr(0, at));
    i.unit = std::string(text.substr(at + 1));
  }
  auto trim = [](std::string& s) {
    s.erase(0, s.find_first_not_of(" \t"));
    s.erase(s.find_last_not_of(" \t") + 1);
  };
  trim(i.name);
  trim(i.unit);
  if (at == std::string_view::npos || i.name.empty() || i.unit.empty() ||
      i.unit.find('@') != std::string::npos)
    return Error{"评查人员应写成「姓名@单位」，如 张三@区司法局，不能是「" + std::string(text) +
                 "」"};
  return i;
}

std::string inspector_text(const Inspector& i) { return i.name + "@" + i.unit; }

const Inspector* RoundPlan::inspector(std::string_view name) const {
  for (const Inspector& i : inspectors)
    if (i.name == name || inspector_text(i) == name) return &i;
  return nullptr;
}

const std::string* RoundPlan::street_of(std::string_view street) const {
  for (const std::string& s : streets)
    if (same_street(s, street)) return &s;
  return nullptr;
}

std::string plan_problem(const RoundPlan& p) {
  if (p.by.empty()) return "必须写明登记人（--as）";
  if (p.streets.empty()) return "评查计划至少要有一个街道（--streets）";
  for (std::size_t i = 0; i < p.streets.size(); ++i) {
    if (street_name(p.streets[i]).empty()) return "街道名称不能为空";
    for (std::size_t j = 0; j < i; ++j)
      if (same_street(p.streets[i], p.streets[j]))
        return "街道「" + p.streets[i] + "」与「" + p.streets[j] + "」重复";
  }
  for (const auto* d : {&p.closed_from, &p.closed_to})
    if (*d && !Date::parse(**d)) return "结案日期范围应写成 YYYY-MM-DD，不能是「" + **d + "」";
  if (p.closed_from && p.closed_to && *p.closed_to < *p.closed_from)
    return "结案日期范围的终止日 " + *p.closed_to + " 早于起始日 " + *p.closed_from;
  if (p.inspectors.empty()) return "评查计划至少要有一名评查人员（--inspector 姓名@单位）";
  for (std::size_t i = 0; i < p.inspectors.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (p.inspectors[i].name == p.inspectors[j].name)
        return "评查人员「" + p.inspectors[i].name + "」重复；同名的请在姓名中加以区分";
  return "";
}

std::string recusal_problem(const RoundPlan& plan, const std::string& inspector,
                            const Text& case_street) {
  if (plan.inspectors.empty()) return "";
  const Inspector* who = plan.inspector(inspector);
  if (!who) return "「" + inspector + "」不在本轮评查计划的评查人员名单中";
  if (!case_street || street_name(*case_street).empty())
    return "案卷的街道无法读取，无法核对评查人员「" + who->name + "」是否需要回避";
  if (same_street(who->unit, *case_street))
    return "评查人员" + who->name + "（" + who->unit + "）来自案卷所属的" + *case_street +
           "街道，应当回避";
  return "";
}

// ---- Must-check -------------------------------------------------------------

const char* must_check_kind_name(MustCheckKind k) {
  switch (k) {
    case MustCheckKind::severity:
      return "severity";
    case MustCheckKind::fact_above:
      return "fact_above";
    case MustCheckKind::rule_fired:
      return "rule_fired";
  }
  return "";
}

std::optional<double> numeric_fact(const CaseResult& c, std::string_view name) {
  if (name == "fine") return c.c.info.fine;
  return std::nullopt;
}

namespace {

bool matches(const MustCheckRule& r, const CaseResult& c) {
  switch (r.kind) {
    case MustCheckKind::severity:
      return std::any_of(c.audit.findings.begin(), c.audit.findings.end(),
                         [&](const Finding& f) { return f.severity == r.severity; });
    case MustCheckKind::fact_above: {
      const std::optional<double> v = numeric_fact(c, r.fact);
      return v && *v > r.threshold;
    }
    case MustCheckKind::rule_fired:
      return std::any_of(c.audit.findings.begin(), c.audit.findings.end(), [&](const Finding& f) {
        return std::find(r.rules.begin(), r.rules.end(), f.rule) != r.rules.end();
      });
  }
  return false;
}

}  // namespace

std::vector<std::string> must_check_matches(const std::vector<MustCheckRule>& rules,
                                            const CaseResult& c) {
  std::vector<std::string> out;
  if (c.c.rejected) return out;
  for (const MustCheckRule& r : rules)
    if (matches(r, c)) out.push_back(r.id);
  return out;
}

// ---- The draw ---------------------------------------------------------------

ClosingDate closing_date(const Case& c) {
  ClosingDate out;
  bool found = false;
  for (const Document& d : c.documents) {
    if (!d.type || *d.type != "closing_approval") continue;
    found = true;
    if (d.date && Date::parse(*d.date) && (!out.date || *d.date < *out.date)) out.date = *d.date;
  }
  if (!out.date)
    out.why = found ? "结案审批表上的日期无法读取" : "卷内未见结案审批表，结案日期无法读取";
  return out;
}

std::string DrawnCase::why_text() const {
  std::string out;
  for (const std::string& w : why) out += (out.empty() ? "" : "、") + w;
  return out;
}

const DrawnCase* Draw::find(std::string_view key) const {
  for (const DrawnCase& c : cases)
    if (c.key == key) return &c;
  return nullptr;
}

std::string draw_rank(std::string_view seed, std::string_view key) {
  std::string text(seed);
  text += '\n';
  text += key;
  return sha256_hex(text);
}

std::string seed_problem(std::string_view seed) {
  if (seed.empty()) return "必须写明随机种子（--seed），以便他人复算抽取结果";
  if (seed.size() > 200) return "随机种子不能超过 200 字节";
  if (!is_valid_utf8(seed)) return "随机种子不是有效的 UTF-8 文字";
  for (unsigned char ch : seed)
    if (ch < 0x20 || ch == 0x7f) return "随机种子不能含换行、制表符等控制字符";
  return "";
}

Draw draw_cases(const std::vector<DrawCandidate>& candidates, const RoundPlan* plan,
                const std::string& seed, int per_street) {
  Draw out;
  out.seed = seed;
  out.per_street = per_street;
  const bool window = plan && (plan->closed_from || plan->closed_to);
  // Street (as the plan names it, else street_name) → candidates in scope.
  std::map<std::string, std::vector<const DrawCandidate*>> groups;
  for (const DrawCandidate& c : candidates) {
    if (c.rejected) {
      out.excluded.push_back({c.key, c.archive, c.street, "压缩包无法读取，不参加抽取"});
      continue;
    }
    const std::string street = c.street ? street_name(*c.street) : "";
    if (street.empty()) {
      out.excluded.push_back({c.key, c.archive, c.street,
                              "街道无法读取，不参加抽取；请在卷内清单中载明街道后重新审查"});
      continue;
    }
    const std::string* named = plan ? plan->street_of(street) : &street;
    if (!named) {
      ++out.outside_streets;
      continue;
    }
    if (window) {
      if (!c.closed.date) {
        out.excluded.push_back({c.key, c.archive, c.street,
                                c.closed.why + "，无法判断是否在结案日期范围内，不参加抽取"});
        continue;
      }
      if ((plan->closed_from && *c.closed.date < *plan->closed_from) ||
          (plan->closed_to && *c.closed.date > *plan->closed_to)) {
        ++out.outside_window;
        continue;
      }
    }
    groups[*named].push_back(&c);
  }
  std::vector<std::string> order;
  if (plan) {
    order = plan->streets;
  } else {
    for (const auto& [street, members] : groups) order.push_back(street);
  }
  for (const std::string& street : order) {
    StreetTally tally{street};
    std::vector<const DrawCandidate*>& members = groups[street];
    tally.candidates = static_cast<int>(members.size());
    std::vector<std::pair<std::string, const DrawCandidate*>> rest;
    for (const DrawCandidate* c : members) {
      std::string rank = draw_rank(seed, c->key);
      if (!c->must.empty()) {
        out.cases.push_back({c->key, c->archive, street, c->must, std::move(rank)});
        ++tally.must;
      } else {
        rest.emplace_back(std::move(rank), c);
      }
    }
    std::sort(rest.begin(), rest.end(), [](const auto& a, const auto& b) {
      return std::tie(a.first, a.second->key, a.second->archive) <
             std::tie(b.first, b.second->key, b.second->archive);
    });
    for (std::size_t i = 0; i < rest.size() && static_cast<int>(i) < per_street; ++i) {
      const DrawCandidate* c = rest[i].second;
      out.cases.push_back({c->key, c->archive, street, {kDrawnAtRandom}, rest[i].first});
      ++tally.random;
    }
    out.streets.push_back(std::move(tally));
  }
  return out;
}

// ---- Assignment ---------------------------------------------------------------

std::vector<RobinPick> round_robin(const RoundPlan& plan, const std::vector<RobinCase>& cases) {
  std::vector<RobinPick> out;
  const std::size_t n = plan.inspectors.size();
  std::size_t cursor = 0;
  for (const RobinCase& c : cases) {
    RobinPick pick;
    for (std::size_t k = 0; k < n && !pick.inspector; ++k) {
      const std::size_t i = (cursor + k) % n;
      if (recusal_problem(plan, plan.inspectors[i].name, c.street).empty()) pick.inspector = i;
    }
    if (pick.inspector) {
      cursor = (*pick.inspector + 1) % n;
    } else if (!c.street || street_name(*c.street).empty()) {
      pick.why = "案卷的街道无法读取，无法核对回避";
    } else {
      pick.why = "本轮评查人员都来自" + *c.street + "街道，均应回避";
    }
    out.push_back(std::move(pick));
  }
  return out;
}

}  // namespace auditor
