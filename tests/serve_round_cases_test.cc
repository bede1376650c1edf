// A round's case list for the pages (app/serve_rounds.h) on a really audited
// round of archives from four streets, a case without a number and a
// rejected file: each filter, each sort in both directions, paging, the
// street scope, and the cached state following every change of the round.
#include "app/serve_rounds.h"

#include <catch2/catch.hpp>

#include "app/rectification.h"
#include "app/review.h"
#include "store/case_access.h"
#include "tests/review_support.h"

namespace auditor {
namespace {

namespace fs = std::filesystem;
using namespace test;

const fs::path kVariants = kTestdata / "variants";
const std::string kNanhua49 = "穗海南华综执立〔2024〕49号";  // 南华西, a veto finding

User user(long long id, const std::string& name, UserRole role, const char* street = nullptr) {
  User u;
  u.id = id;
  u.name = name;
  u.role = role;
  if (street) u.street = street;
  return u;
}

// The round "列表" of nine archives (南华西 ×3, 江南中 ×2, 琶洲 ×2, 新港's
// simple case without a number, 05's case) and a file that is not a zip.
struct ListRound {
  TempDir dir;
  fs::path db = dir.path / "l.db";
  User admin = user(1, "管理员甲", UserRole::admin);
  User nanhua = user(2, "南华西街道", UserRole::street, "南华西");

  ListRound() {
    AuditRequest r;
    for (const char* v :
         {"d01-decision-in-defence-period.zip", "d02-decision-served-late.zip",
          "d04-publication-late.zip", "g2-general-statements-a.zip", "g2-general-statements-b.zip",
          "g3-hearing-a.zip", "n11-company-hearing-150000.zip", "g4-simple-a.zip"})
      r.inputs.push_back((kVariants / v).string());
    r.inputs.push_back((kTestdata / "05-unsupported-and-scan.zip").string());
    r.inputs.push_back((kTestdata / "06-not-a-zip.zip").string());
    r.db = db;
    r.round = "列表";
    r.tool_version = "test";
    r.full = true;
    REQUIRE(audit_round(r, bundled(), AuditObserver{}));
  }
  RoundCaseList list(CaseQuery q = {}, const User* u = nullptr) {
    Result<std::optional<RoundCaseList>> l = round_cases(db, 1, u ? *u : admin, bundled(), q);
    REQUIRE(l);
    REQUIRE(*l);
    return std::move(**l);
  }
  const RoundCase& find(const RoundCaseList& l, const std::string& number) {
    for (const RoundCase& c : l.cases)
      if (c.item.row.case_number == number) return c;
    FAIL("no case " << number);
    return l.cases.front();
  }
};

std::vector<std::string> numbers(const RoundCaseList& l) {
  std::vector<std::string> out;
  for (const RoundCase& c : l.cases) out.push_back(c.item.row.case_number.value_or("-"));
  return out;
}

TEST_CASE("a round's list holds every case with its reviewed score, grade and severities",
          "[serve][serve_round_cases]") {
  ListRound r;
  RoundCaseList l = r.list();
  CHECK(l.visible == 10);
  CHECK(l.total == 10);
  CHECK(l.cases.size() == 10);
  const RoundCase& veto = r.find(l, kNanhua49);
  CHECK(veto.severities.front() == "veto");
  CHECK(veto.item.score == 0);
  CHECK(veto.item.provisional);
  int rejected = 0;
  for (const RoundCase& c : l.cases)
    if (c.item.row.rejected) {
      ++rejected;
      CHECK_FALSE(c.item.score);
      CHECK(c.severities.empty());
    }
  CHECK(rejected == 1);
  CHECK(l.streets == std::vector<std::string>{"南华西", "新港", "昌岗", "江南中", "琶洲"});
  // The checklist's bands from the best down, then none it does not name.
  for (std::size_t i = 1; i < l.grades.size(); ++i) CHECK(l.grades[i] != l.grades[i - 1]);
}

TEST_CASE("each filter keeps exactly the cases it names", "[serve][serve_round_cases]") {
  ListRound r;
  const RoundCaseList all = r.list();
  auto count_if = [&](auto keep) {
    std::size_t n = 0;
    for (const RoundCase& c : all.cases) n += keep(c) ? 1 : 0;
    return n;
  };
  CaseQuery street;
  street.street = "南华西街道";  // same_street: the unit's name names the street
  RoundCaseList nanhua = r.list(street);
  CHECK(nanhua.total == 3);
  for (const RoundCase& c : nanhua.cases) CHECK(c.item.row.street == "南华西");
  for (const std::string& g : all.grades) {
    CaseQuery q;
    q.grade = g;
    RoundCaseList graded = r.list(q);
    CHECK(graded.total == count_if([&](const RoundCase& c) { return c.item.grade == g; }));
    for (const RoundCase& c : graded.cases) CHECK(c.item.grade == g);
  }
  CaseQuery veto;
  veto.severity = "veto";
  RoundCaseList vetoed = r.list(veto);
  CHECK(vetoed.total >= 1);
  CHECK(vetoed.total < all.total);
  for (const RoundCase& c : vetoed.cases) CHECK(c.severities.front() == "veto");
  CaseQuery undecided;
  undecided.undecided = true;
  CHECK(r.list(undecided).total == count_if([](const RoundCase& c) { return c.item.provisional; }));
  CaseQuery overdue;
  overdue.overdue = true;
  CHECK(r.list(overdue).total == 0);  // no rectification item yet
  CaseQuery none;
  none.street = "海幢";
  CHECK(r.list(none).total == 0);
}

TEST_CASE("sorting by number, street, score and grade, both ways, missing values last",
          "[serve][serve_round_cases]") {
  ListRound r;
  CaseQuery q;
  q.sort = CaseSort::number;
  std::vector<std::string> up = numbers(r.list(q));
  // "9号" before "49号" before "50号": digit runs compare as numbers.
  CHECK(up.front() == "穗海南华综执立〔2024〕49号");
  REQUIRE(up.size() == 10);
  CHECK(up[8] == "-");  // no number (the simple case, the rejected file), in stored order
  CHECK(up[9] == "-");
  q.descending = true;
  std::vector<std::string> down = numbers(r.list(q));
  CHECK(down[8] == "-");
  CHECK(std::vector<std::string>(down.begin(), down.begin() + 8) ==
        std::vector<std::string>(up.rbegin() + 2, up.rend()));

  q = {};
  q.sort = CaseSort::score;
  q.descending = true;
  RoundCaseList by_score = r.list(q);
  for (std::size_t i = 1; i < by_score.cases.size(); ++i) {
    const auto& a = by_score.cases[i - 1].item.score;
    const auto& b = by_score.cases[i].item.score;
    if (a && b) CHECK(*a >= *b);
    if (!a) CHECK_FALSE(b);  // the rejected file last
  }
  CHECK_FALSE(by_score.cases.back().item.score);

  q = {};
  q.sort = CaseSort::street;
  RoundCaseList by_street = r.list(q);
  for (std::size_t i = 1; i < by_street.cases.size(); ++i) {
    const auto& a = by_street.cases[i - 1].item.row.street;
    const auto& b = by_street.cases[i].item.row.street;
    if (a && b) CHECK(*a <= *b);
  }

  q = {};
  q.sort = CaseSort::grade;
  RoundCaseList by_grade = r.list(q);
  const std::vector<GradeBand>& bands = bundled().scoring.bands;
  auto rank = [&](const Text& g) {
    for (std::size_t k = 0; k < bands.size(); ++k)
      if (g == bands[k].grade) return static_cast<int>(bands.size() - k);
    return 100;  // no grade: last
  };
  for (std::size_t i = 1; i < by_grade.cases.size(); ++i)
    CHECK(rank(by_grade.cases[i - 1].item.grade) <= rank(by_grade.cases[i].item.grade));
}

TEST_CASE("pages partition the sorted list", "[serve][serve_round_cases]") {
  ListRound r;
  CaseQuery q;
  q.sort = CaseSort::number;
  const std::vector<std::string> all = numbers(r.list(q));
  std::vector<std::string> paged;
  for (std::size_t offset = 0; offset < 12; offset += 4) {
    q.offset = offset;
    q.limit = 4;
    RoundCaseList page = r.list(q);
    CHECK(page.total == 10);
    CHECK(page.cases.size() == std::min<std::size_t>(4, 10 - std::min<std::size_t>(offset, 10)));
    for (const std::string& n : numbers(page)) paged.push_back(n);
  }
  CHECK(paged == all);
}

TEST_CASE("a street user's list holds only its street, whatever the filter asks",
          "[serve][serve_round_cases]") {
  ListRound r;
  r.list();  // the whole round is cached first
  RoundCaseList own = r.list({}, &r.nanhua);
  CHECK(own.visible == 3);
  CHECK(own.streets == std::vector<std::string>{"南华西"});
  CaseQuery other;
  other.street = "江南中";
  CHECK(r.list(other, &r.nanhua).total == 0);
  const User haizhuang = user(3, "海幢街道", UserRole::street, "海幢");
  Result<std::optional<RoundCaseList>> none = round_cases(r.db, 1, haizhuang, bundled(), {});
  REQUIRE(none);
  CHECK_FALSE(*none);  // a round without its cases is not its to open
}

TEST_CASE("the cached state follows decisions, rectification and the date",
          "[serve][serve_round_cases]") {
  ListRound r;
  CHECK(r.list().scored == 10);
  CHECK(r.list().scored == 0);  // nothing changed: the state is cached
  // Dismissing the veto finding of 49 takes it out of the veto filter at once.
  const RoundCase veto = r.find(r.list(), kNanhua49);
  Result<RoundReview> review = list_reviews({r.db, "列表"}, kNanhua49, bundled());
  REQUIRE(review);
  std::string key;
  for (const CaseReview& c : review->cases)
    if (c.facts.case_number == kNanhua49 && c.reviewed)
      for (const ReviewedItem& i : c.reviewed->items)
        if (i.machine.severity == "veto") key = i.key;
  REQUIRE_FALSE(key.empty());
  Decision d;
  d.key = key;
  d.verdict = FindingVerdict::dismissed;
  d.reason = "材料在卷";
  d.inspector = "张三";
  REQUIRE(decide_finding({r.db, "列表"}, kNanhua49, d));
  RoundCaseList after = r.list();
  CHECK(after.scored == 1);  // the decided case alone is scored again
  const RoundCase& dismissed = r.find(after, kNanhua49);
  CHECK(std::find(dismissed.severities.begin(), dismissed.severities.end(), "veto") ==
        dismissed.severities.end());
  CHECK(*dismissed.item.score > *veto.item.score);
  // A rectification item due 2020-01-10 is overdue on the 11th, not on the 9th.
  std::string number, counting;
  Result<RoundReview> all = list_reviews({r.db, "列表"}, "", bundled());
  REQUIRE(all);
  for (const CaseReview& c : all->cases)
    if (c.reviewed && c.facts.case_number && counting.empty())
      for (const ReviewedItem& i : c.reviewed->items)
        if (i.verdict == FindingVerdict::suggested && counted_deduction(i) && counting.empty()) {
          number = *c.facts.case_number;
          counting = i.key;
        }
  REQUIRE_FALSE(counting.empty());
  d.key = counting;
  d.verdict = FindingVerdict::confirmed;
  REQUIRE(decide_finding({r.db, "列表"}, number, d));
  REQUIRE(rectify_finding({r.db, "列表"}, number,
                          {counting, kRectifyInFile, "街道", "张三", Date::parse("2020-01-10")},
                          bundled(), *Date::parse("2020-01-01")));
  CaseQuery q;
  q.overdue = true;
  q.today = "2020-01-09";
  CHECK(r.list(q).total == 0);
  q.today = "2020-01-11";
  RoundCaseList late = r.list(q);
  REQUIRE(late.total == 1);
  CHECK(late.cases[0].item.row.case_number == number);
  CHECK(late.cases[0].overdue == 1);
}

TEST_CASE("a new audit of the round scores the cases it stored and reuses the rest",
          "[serve][serve_round_cases]") {
  ListRound r;
  CHECK(r.list().scored == 10);
  AuditRequest more;
  more.inputs = {(kVariants / "g3-hearing-b.zip").string()};
  more.db = r.db;
  more.round = "列表";
  more.tool_version = "test";
  REQUIRE(audit_round(more, bundled(), AuditObserver{}));
  RoundCaseList after = r.list();
  CHECK(after.total == 11);
  CHECK(after.scored == 1);
  // A case stored again (its archive audited anew) is scored again too.
  more.full = true;
  REQUIRE(audit_round(more, bundled(), AuditObserver{}));
  CHECK(r.list().scored == 1);
  CHECK(r.list().scored == 0);
}

TEST_CASE("another date scores every case again", "[serve][serve_round_cases]") {
  ListRound r;
  CHECK(r.list().scored == 10);
  CaseQuery q;
  q.today = "2030-01-01";
  CHECK(r.list(q).scored == 10);
}

TEST_CASE("a round's stamp changes with its stored cases and trail rows, not with reads",
          "[serve][serve_round_cases]") {
  ListRound r;
  auto stamp = [&r] {
    Result<std::unique_ptr<Store>> store = Store::open_read_only(r.db);
    REQUIRE(store);
    Result<std::string> s = round_stamp(**store, 1);
    REQUIRE(s);
    return *s;
  };
  const std::string first = stamp();
  r.list();
  CHECK(stamp() == first);
  RoundSettings settings;
  settings.second_review = true;
  REQUIRE(set_round_settings({r.db, "列表"}, settings).ok());
  const std::string set = stamp();
  CHECK(set != first);
  AuditRequest again;
  again.inputs = {(kVariants / "g4-simple-a.zip").string()};
  again.db = r.db;
  again.round = "列表";
  again.tool_version = "test";
  again.full = true;  // the same archive stored anew: same count, same ids
  REQUIRE(audit_round(again, bundled(), AuditObserver{}));
  CHECK(stamp() != set);
}

TEST_CASE("a street's cases are counted and found with the list's street scope",
          "[serve][serve_round_cases]") {
  ListRound r;
  Result<std::unique_ptr<Store>> store = Store::open_read_only(r.db);
  REQUIRE(store);
  auto has = [&store](long long round, const std::string& street) {
    Result<bool> found = round_has_street_case(**store, round, street);
    REQUIRE(found);
    return *found;
  };
  Result<std::map<long long, std::size_t>> all = case_counts(**store, std::nullopt);
  REQUIRE(all);
  CHECK(*all == std::map<long long, std::size_t>{{1, 10}});
  for (const char* name : {"南华西", "南华西街道"}) {
    Result<std::map<long long, std::size_t>> own = case_counts(**store, std::string(name));
    REQUIRE(own);
    CHECK(*own == std::map<long long, std::size_t>{{1, 3}});
    CHECK(has(1, name));
  }
  Result<std::map<long long, std::size_t>> none = case_counts(**store, std::string("海幢"));
  REQUIRE(none);
  CHECK(none->empty());
  CHECK_FALSE(has(1, "海幢"));
  CHECK_FALSE(has(2, "南华西"));
}

}  // namespace
}  // namespace auditor
