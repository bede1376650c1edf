// The 会审 and 法制审核 checks on real documents: DOCX files written with the
// project's writer in three layouts (prose lines, the Hunan bordered form, a
// platform print-out; templates.md §2.10, §2.11), one layout also through a
// LibreOffice-made PDF; and metamorphic: a meaning-preserving rewording of a
// record changes no finding.
#include <catch2/catch.hpp>

#include <functional>
#include <set>

#include "auditor/checker.h"
#include "importers/formats.h"
#include "reports/docx_writer.h"
#include "tests/cli_support.h"
#include "tests/rule_fixtures.h"

using namespace auditor;
using namespace auditor::testing;

namespace {

// What a record says, written in any layout.
struct Meeting {
  std::string host = "刘国平", host_role = "街道办事处主任";
  std::vector<std::pair<std::string, std::string>> members = {
      {"刘国平", "主任"}, {"李明", "副主任"}, {"周美玲", "执法队长"}};
  std::vector<std::string> attendees = {"张伟", "李娜"};
  std::string recorder = "郑海燕";
  std::string fine = "4000";
  std::vector<std::string> signers = {"刘国平", "李明", "周美玲"};
};

std::string joined(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

std::vector<std::string> names(const Meeting& m) {
  std::vector<std::string> out;
  for (const auto& [n, r] : m.members) out.push_back(n);
  return out;
}

std::string bytes_of(const DocxWriter& w) {
  Result<std::string> b = w.finish();
  REQUIRE(b.ok());
  return *b;
}

// Layout A: "label：value" lines, as the generator writes them.
std::string prose(const Meeting& m) {
  DocxWriter w("集体讨论记录");
  w.heading("集体讨论记录", 1);
  w.paragraph("案号：穗海赤岗综执立〔2024〕12号");
  w.paragraph("时间：2024年3月19日15时00分至16时00分");
  w.paragraph("主持人：" + m.host + "（" + m.host_role + "）");
  std::vector<std::string> members;
  for (const auto& [n, r] : m.members) members.push_back(n + "（" + r + "）");
  w.paragraph("参加人员：" + joined(members, "、"));
  w.paragraph("列席人员：" + joined(m.attendees, "、") + "（案件承办人，汇报案情，不参与表决）");
  w.paragraph("记录人：" + m.recorder);
  w.paragraph("讨论结论：一致同意对当事人处以罚款人民币" + m.fine + "元。", {.indent = true});
  w.paragraph("参会人员签名：" + joined(m.signers, "、"));
  w.paragraph("2024年3月19日", {.align = Align::right});
  return bytes_of(w);
}

// Layout B: the Hunan 2024 bordered form (4-column rows, opinions by name).
std::string form(const Meeting& m) {
  DocxWriter w("案件集体讨论记录");
  w.heading("案件集体讨论记录", 1);
  std::vector<std::string> members, opinions;
  for (const auto& [n, r] : m.members) {
    members.push_back(n + "（" + r + "）");
    opinions.push_back(n + "：同意。");
  }
  w.table({{"案件名称", "陈建华占道经营案"},
           {"时    间", "2024年3月19日15时00分至16时00分", "地    点", "第一会议室"},
           {"主 持 人", m.host, "职    务", m.host_role},
           {"记 录 人", m.recorder, "职    务", "科员"},
           {"参加人员及职务", joined(members, "、")},
           {"列席人员及职务", joined(m.attendees, "、")},
           {"参加讨论人员意见", joined(opinions, "\n")},
           {"结论意见", "对当事人处以罚款人民币" + m.fine + "元。"},
           {"出席人员签字", joined(m.signers, " ")},
           {"记录人签字", m.recorder + "    2024年3月19日"}});
  return bytes_of(w);
}

// Layout C: a platform print-out, roles before names, letter-spaced title.
std::string platform(const Meeting& m) {
  DocxWriter w("集体讨论案件会议纪要");
  w.heading("集 体 讨 论 案 件 会 议 纪 要", 1);
  w.paragraph("会议主持人：" + m.host + "　职务：" + m.host_role);
  std::vector<std::string> members;
  for (const auto& [n, r] : m.members) members.push_back(r + n);
  w.paragraph("出席人员：" + joined(members, "；"));
  w.paragraph("汇报人：" + joined(m.attendees, "、"));
  w.paragraph("记录员：" + m.recorder);
  w.paragraph("会审意见：经会审，全体同意给予当事人罚款" + m.fine + "元的行政处罚。");
  w.paragraph("与会人员签名：" + joined(m.signers, "、") + "　　签名时间：2024-03-19 16:05:11");
  return bytes_of(w);
}

std::string text_of_docx(const std::string& bytes) {
  Document d;
  REQUIRE(parse_docx(bytes, ZipLimits{}, d).ok());
  REQUIRE(d.has_text);
  return d.text;
}

constexpr const char* kInquiry =
    "询问笔录\n执法人员：张伟（执法证号：44010012345）、李娜（执法证号：44010012346）\n"
    "被询问人：陈建华\n2024年3月5日\n";
constexpr const char* kReport = "案件调查终结报告\n调查人：张伟、李娜\n2024年3月8日\n";
constexpr const char* kDecision =
    "行政处罚决定书\n当事人：陈建华\n身份证号码：440105198506121236\n"
    "经查，当事人占道经营。当事人在法定期限内未提出陈述、申辩。本机关决定：罚款人民币4000元。\n"
    "2024年3月21日\n";

Audit audit_record(const std::string& record_text) {
  Case c = case_of({{"inquiry_record", kInquiry},
                    {"investigation_report", kReport},
                    {"collective_discussion", record_text},
                    {"penalty_decision", kDecision}});
  c.info.street = "赤岗";
  return check_case(c, bundled_checklist());
}

// rule/kind/severity of the findings of the meeting rules and their scope.
std::set<std::string> signature(const Audit& a) {
  std::set<std::string> out;
  for (const Finding& f : a.findings)
    if (f.rule.rfind("MTG-", 0) == 0 || f.rule == "REQ-4-collective_discussion" ||
        f.rule == "REQ-4-legal_review" || f.rule == "ORD-discussion-before-decision")
      out.insert(f.rule + "/" + f.kind + "/" + f.severity);
  return out;
}

std::string listing(const std::set<std::string>& s) {
  std::string out;
  for (const std::string& x : s) out += x + " ";
  return out;
}

using Layout = std::function<std::string(const Meeting&)>;
const std::vector<std::pair<const char*, Layout>> kLayouts = {
    {"prose", prose}, {"form", form}, {"platform", platform}};

}  // namespace

TEST_CASE("a sound record is quiet in every DOCX layout", "[meeting]") {
  for (const auto& [name, layout] : kLayouts) {
    const std::string text = text_of_docx(layout(Meeting{}));
    const Audit a = audit_record(text);
    INFO(name << "\n" << text << "\n" << listing(signature(a)));
    CHECK(signature(a).empty());
    for (const char* rule :
         {"MTG-participants", "MTG-head-present", "MTG-investigators-not-voting", "MTG-signatures",
          "MTG-conclusion-matches", "REQ-4-collective_discussion"})
      CHECK(outcome_of(a, rule) == Outcome::passed);
  }
}

TEST_CASE("the same defects fire alike in every DOCX layout", "[meeting]") {
  Meeting m;
  m.members.push_back({"张伟", "执法队员"});  // an investigator votes
  m.fine = "3000";                            // the decision says 4000
  m.signers = {"刘国平", "李明"};             // 周美玲 and 张伟 did not sign
  const std::set<std::string> expected = {"MTG-investigators-not-voting/meeting/major",
                                          "MTG-conclusion-matches/meeting/major",
                                          "MTG-signatures/meeting/minor"};
  for (const auto& [name, layout] : kLayouts) {
    const std::string text = text_of_docx(layout(m));
    INFO(name << "\n" << text);
    CHECK(signature(audit_record(text)) == expected);
  }
}

TEST_CASE("a table-form record read from a LibreOffice PDF gives the DOCX's findings",
          "[meeting]") {
  Meeting m;
  m.members.push_back({"张伟", "执法队员"});
  test::TempDir dir;
  for (const bool defective : {false, true}) {
    test::write_file(dir.path / "record.docx", form(defective ? m : Meeting{}));
    const std::string pdf = test::libreoffice_convert(dir.path, "record.docx", "pdf");
    if (pdf.empty()) {
      WARN("LibreOffice could not convert the record; PDF layout not tested");
      return;
    }
    Document d;
    REQUIRE(parse_pdf(pdf, d).ok());
    REQUIRE(d.has_text);
    INFO(d.text);
    CHECK(signature(audit_record(d.text)) ==
          signature(audit_record(text_of_docx(form(defective ? m : Meeting{})))));
    if (defective)
      CHECK(signature(audit_record(d.text)).count("MTG-investigators-not-voting/meeting/major"));
  }
}

TEST_CASE("a meaning-preserving rewording of a record changes no finding", "[meeting]") {
  using Edit = std::pair<std::string, std::string>;
  // Synonymous labels and wordings (templates.md §2.11, §5.2, §5.3).
  const std::vector<std::vector<Edit>> rewordings = {
      {{"参加人员：", "出席人员："}},
      {{"参加人员：", "参会人员及职务："}},
      {{"主持人：", "会议主持人："}},
      {{"记录人：", "记录员："}},
      {{"讨论结论：", "会审意见："}},
      {{"讨论结论：", "讨论决定："}},
      {{"一致同意", "全体同意"}},
      {{"参会人员签名：", "出席人员签字："}},
      {{"：", ":"}},
      {{"（", "("}, {"）", ")"}},
      {{"2024年3月19日\n", "二〇二四年三月十九日\n"}},
      {{"罚款人民币4000元", "罚款人民币肆仟元"}},
  };
  const auto rewrite = [](std::string s, const std::vector<Edit>& edits) {
    for (const auto& [from, to] : edits)
      for (std::size_t at = s.find(from); at != std::string::npos;
           at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
    return s;
  };
  Meeting defective;
  defective.members.push_back({"张伟", "执法队员"});
  defective.signers = {"刘国平", "李明"};
  for (const Meeting& m : {Meeting{}, defective}) {
    const std::string base = text_of_docx(prose(m));
    const std::set<std::string> expected = signature(audit_record(base));
    std::vector<Edit> all;
    for (const std::vector<Edit>& edits : rewordings) {
      const std::string text = rewrite(base, edits);
      INFO(text);
      CHECK(signature(audit_record(text)) == expected);
    }
  }
}

TEST_CASE("a meaning-preserving rewording of a legal review changes no finding", "[legal_review]") {
  const auto review = [](const std::string& opinion, const std::string& reviewer) {
    return "法制审核意见书\n送审时间：2024年3月12日\n" + opinion + "\n" + reviewer +
           "\n2024年3月12日\n";
  };
  const auto run = [](const std::string& review_text) {
    Case c = case_of({{"inquiry_record", kInquiry},
                      {"investigation_report", kReport},
                      {"legal_review", review_text},
                      {"penalty_decision", kDecision}});
    c.info.street = "赤岗";
    std::set<std::string> out;
    for (const Finding& f : check_case(c, bundled_checklist()).findings)
      if (f.rule.rfind("LR-", 0) == 0 || f.rule == "OFF-reviewer-independent")
        out.insert(f.rule + "/" + f.kind);
    return out;
  };
  for (const std::string reviewer : {"陈丽", "张伟"}) {
    const std::set<std::string> expected = run(review("审核意见：同意。", "审核人：" + reviewer));
    CHECK(expected.count("OFF-reviewer-independent/officers") == (reviewer == "张伟" ? 1u : 0u));
    for (const auto& [opinion, signer] : std::vector<std::pair<std::string, std::string>>{
             {"法制审核意见：审核同意。", "法制审核人员：" + reviewer},
             {"审核结论:经审核，同意承办机构的处理意见。", "审核人(签名):" + reviewer},
             {"法制审核人审核意见\t审核同意。 签字：" + reviewer + "　　2024年3月12日", ""}}) {
      INFO(opinion << " / " << signer);
      CHECK(run(review(opinion, signer)) == expected);
    }
  }
}
