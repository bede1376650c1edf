#include "reports/round_summary.h"

#include <algorithm>
#include <set>
#include <utility>

namespace auditor {
namespace {

using Key = std::pair<std::string, std::string>;  // (case key, rule)

void count_streets(const RoundData& data, RoundSummary& s) {
  std::map<std::string, StreetRow> rows;
  std::map<std::string, double> score_sums;
  double total = 0;
  for (std::size_t i = 0; i < data.cases.size(); ++i) {
    const CaseResult& r = data.cases[i];
    const CaseFacts& f = data.facts[i];
    const std::string street = street_label(f);
    StreetRow& row = rows[street];
    row.street = street;
    ++row.files;
    row.filed += f.filed ? 1 : 0;
    row.closed += f.closed ? 1 : 0;
    if (r.c.rejected) {
      ++row.rejected;
      continue;
    }
    const CountedCase& c = s.counted[i];
    ++row.audited;
    ++row.grades[c.grade];
    score_sums[street] += c.score;
    total += c.score;
    row.problems += static_cast<int>(c.problems.size());
    s.provisional += c.provisional ? 1 : 0;
  }
  for (auto& [street, row] : rows) {
    if (row.audited) row.mean_score = score_sums[street] / row.audited;
    s.files += row.files;
    s.audited += row.audited;
    s.rejected += row.rejected;
    s.problems += row.problems;
    if (street != kUnknownStreet) {
      s.scope.push_back(street);
      s.streets.push_back(row);
    }
  }
  if (rows.count(kUnknownStreet)) s.streets.push_back(rows[kUnknownStreet]);
  if (s.audited) s.mean_score = total / s.audited;
}

// Grades seen, the one with the highest score first.
void order_grades(const RoundData& data, RoundSummary& s) {
  std::map<std::string, double> best;
  for (std::size_t i = 0; i < data.cases.size(); ++i) {
    if (data.cases[i].c.rejected) continue;
    const CountedCase& c = s.counted[i];
    auto [it, added] = best.emplace(c.grade, c.score);
    if (!added) it->second = std::max(it->second, c.score);
  }
  for (const auto& entry : best) s.grades.push_back(entry.first);
  std::stable_sort(s.grades.begin(), s.grades.end(),
                   [&](const std::string& a, const std::string& b) { return best[a] > best[b]; });
}

void rank_problems(const RoundData& data, RoundSummary& s) {
  std::map<std::string, ProblemRow> rows;
  for (std::size_t i = 0; i < data.cases.size(); ++i) {
    std::set<std::string> seen;  // rules already counted for this case
    const std::string street = street_label(data.facts[i]);
    for (const Finding* problem : s.counted[i].problems) {
      const Finding& f = *problem;
      const int stage = f.stage && *f.stage >= 1 && *f.stage <= 8 ? *f.stage : 0;
      ++s.problems_by_stage[stage];
      s.rectification[street].push_back({i, &f});
      ProblemRow& row = rows[f.rule];
      if (row.findings++ == 0) {
        row.rule = f.rule;
        row.kind = f.kind;
        row.severity = f.severity;
        row.message = f.message;
        row.basis = f.basis;
      }
      if (!seen.insert(f.rule).second) continue;
      ++row.cases;
      if (row.examples.size() < 3) row.examples.push_back(i);
    }
  }
  for (auto& entry : rows) s.problems_ranked.push_back(std::move(entry.second));
  std::stable_sort(s.problems_ranked.begin(), s.problems_ranked.end(),
                   [](const ProblemRow& a, const ProblemRow& b) {
                     return std::tie(b.findings, b.cases) < std::tie(a.findings, a.cases);
                   });
}

// The (key, rule) pairs of a round's problems, in order, each once, with the
// message and street of its first finding.
struct Keyed {
  std::vector<Key> order;
  std::map<Key, std::pair<std::string, std::string>> first;  // message, street
  std::set<std::string> rechecked;                           // keys of audited cases
};

Keyed keyed(const RoundData& data) {
  Keyed k;
  for (std::size_t i = 0; i < data.cases.size(); ++i) {
    const std::string key = case_label(data, i);
    if (!data.cases[i].c.rejected) k.rechecked.insert(key);
    for (const Finding* problem : counted_case(data, i).problems) {
      const Finding& f = *problem;
      Key pair{key, f.rule};
      if (k.first.emplace(pair, std::make_pair(f.message, street_label(data.facts[i]))).second)
        k.order.push_back(pair);
    }
  }
  return k;
}

Comparison compare(const RoundData& now, const RoundData& before) {
  Comparison c;
  c.previous = before.round;
  const Keyed current = keyed(now), earlier = keyed(before);
  auto add = [&](Change change, const Key& key, const std::pair<std::string, std::string>& at) {
    c.items.push_back({change, key.first, at.second, key.second, at.first});
    ++c.counts[static_cast<int>(change)];
  };
  for (const Key& key : current.order)
    add(earlier.first.count(key) ? Change::persisting : Change::added, key, current.first.at(key));
  for (const Key& key : earlier.order) {
    if (current.first.count(key)) continue;
    add(current.rechecked.count(key.first) ? Change::rectified : Change::not_rechecked, key,
        earlier.first.at(key));
  }
  return c;
}

}  // namespace

const char* change_label(Change c) {
  switch (c) {
    case Change::added:
      return "新发现";
    case Change::rectified:
      return "已整改";
    case Change::persisting:
      return "仍存在";
    case Change::not_rechecked:
      break;
  }
  return "未复查";
}

std::string case_label(const RoundData& data, std::size_t i) {
  const Text& number = data.facts[i].case_number;
  return number && !number->empty() ? *number : data.cases[i].c.archive;
}

std::string street_label(const CaseFacts& f) {
  return f.street && !f.street->empty() ? *f.street : kUnknownStreet;
}

bool counts_decisions(const RoundData& data) {
  return data.has_record() && data.reviewed.size() == data.cases.size();
}

CountedCase counted_case(const RoundData& data, std::size_t i) {
  CountedCase c;
  const CaseResult& r = data.cases[i];
  if (r.c.rejected) return c;
  if (!counts_decisions(data) || !data.reviewed[i]) {
    c.score = c.min_score = c.max_score = r.audit.score;
    c.grade = r.audit.grade;
    for (const Finding& f : r.audit.findings)
      if (is_problem(f)) c.problems.push_back(&f);
    return c;
  }
  const ReviewedCase& reviewed = *data.reviewed[i];
  c.reviewed = true;
  c.score = reviewed.score.value;
  c.grade = reviewed.score.grade;
  c.provisional = reviewed.provisional();
  c.min_score = reviewed.min_score;
  c.max_score = reviewed.max_score;
  c.undecided = static_cast<int>(reviewed.undecided);
  for (const ReviewedItem& item : reviewed.items)
    if (item.verdict != FindingVerdict::suggested && item.counted && is_problem(*item.counted))
      c.problems.push_back(&*item.counted);
  return c;
}

std::string counted_score_label(const CountedCase& c) {
  if (!c.provisional) return format_score(c.score);
  if (c.min_score == c.max_score)
    return format_score(c.score) + "（尚有 " + std::to_string(c.undecided) +
           " 项待定，不影响得分）";
  return format_score(c.score) + "（暂定，可能 " + format_score(c.min_score) + "–" +
         format_score(c.max_score) + "）";
}

RoundSummary summarize(const RoundData& data, const RoundData* previous) {
  RoundSummary s;
  s.counted.reserve(data.cases.size());
  for (std::size_t i = 0; i < data.cases.size(); ++i) s.counted.push_back(counted_case(data, i));
  count_streets(data, s);
  order_grades(data, s);
  rank_problems(data, s);
  if (previous) s.comparison = compare(data, *previous);
  for (const CaseResult& r : data.cases)
    s.verdicts.push_back(closing_verdict(r.c, r.audit.findings));
  return s;
}

}  // namespace auditor
