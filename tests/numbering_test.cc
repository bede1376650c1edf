// Case and document numbers: the parser, the <numbering> data file, and each
// numbering rule of the bundled checklist with a case that fires and one
// that stays quiet.
#include "auditor/numbering.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "auditor/checker.h"
#include "auditor/checklist.h"
#include "auditor/held_numbers.h"

namespace fs = std::filesystem;
using namespace auditor;

namespace {

const fs::path kBundled = fs::path(AUDITOR_SOURCE_DIR) / "checklists" / "general";

const Checklist& bundled() {
  static const Checklist cl = [] {
    Result<Checklist> r = load_checklist(kBundled);
    if (!r) FAIL(r.error());
    return std::move(*r);
  }();
  return cl;
}

ParsedNumber parse_doc(const std::string& s) {
  const Numbering& n = bundled().numbering;
  return parse_number(s, n.document_pattern, n, abbreviations(bundled()));
}

ParsedNumber parse_case(const std::string& s) {
  const Numbering& n = bundled().numbering;
  return parse_number(s, n.case_pattern, n, {});
}

std::vector<std::string> parts(const ParsedNumber& p) {
  std::vector<std::string> out;
  for (const NumberDefect& d : p.defects) out.push_back(d.part);
  return out;
}

constexpr const char* kCaseNumber = "穗海赤岗综执立〔2024〕12号";
constexpr const char* kOrgan = "广州市海珠区人民政府赤岗街道办事处";

Document document(const std::string& type, const std::string& date, const std::string& text) {
  Document d;
  d.path = type + ".docx";
  d.format = "docx";
  d.type = type;
  d.type_source = Source::manifest;
  d.stage = bundled().doc_type(type)->stage;
  d.has_text = true;
  d.text = text;
  d.date = date;
  return d;
}

// An internal form that writes `case_number` (none when empty).
Document form(const std::string& type, const std::string& date,
              const std::string& case_number = kCaseNumber) {
  Document d = document(type, date, "案号：" + case_number + "\n正文");
  if (!case_number.empty()) d.facts.push_back({"case_number", case_number, "案号：" + case_number});
  return d;
}

// An outgoing document numbered `number` (none when empty), signed by `organ`.
Document outgoing(const std::string& type, const std::string& date, const std::string& number,
                  const std::string& organ = kOrgan) {
  Document d = document(type, date, number + "\n正文\n" + organ + "\n" + date);
  if (!number.empty()) d.number = number;
  return d;
}

// A correct Chigang case: every number well formed, the same case number on
// every internal form.
Case correct_case() {
  Case c;
  c.archive = "correct.zip";
  c.info.case_number = kCaseNumber;
  c.info.dates["filed"] = "2024-03-01";
  c.documents = {form("filing_approval", "2024-03-01"),
                 form("inquiry_record", "2024-03-05"),
                 outgoing("correction_order", "2024-03-04", "穗海赤岗综执责改〔2024〕8号"),
                 outgoing("penalty_notice", "2024-03-12", "穗海赤岗综执罚告〔2024〕20号"),
                 form("penalty_approval", "2024-03-20"),
                 outgoing("penalty_decision", "2024-03-21", "穗海赤岗综执罚决〔2024〕31号"),
                 form("closing_approval", "2024-04-08")};
  return c;
}

Document& of_type(Case& c, const std::string& type) {
  for (Document& d : c.documents)
    if (d.type == type) return d;
  FAIL("no document of type " << type);
  return c.documents.front();
}

struct Checked {
  Audit audit;
  std::vector<Finding> of(const std::string& rule) const {
    std::vector<Finding> out;
    for (const Finding& f : audit.findings)
      if (f.rule == rule) out.push_back(f);
    return out;
  }
  Outcome outcome(const std::string& rule) const {
    for (const Check& k : audit.checks)
      if (k.rule == rule) return k.outcome;
    FAIL("no check " << rule);
    return Outcome::not_checkable;
  }
  bool quiet() const {
    for (const Finding& f : audit.findings)
      if (f.kind == "numbering") return false;
    return true;
  }
};

Checked check(const Case& c) { return {check_case(c, bundled())}; }

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// A temporary copy of the bundled checklist (with its sibling folders, which
// it may refer to), removed when the test ends.
struct ChecklistCopy {
  fs::path root, path;
  ChecklistCopy() {
    std::string tmpl = (fs::temp_directory_path() / "numbering-test-XXXXXX").string();
    root = mkdtemp(tmpl.data());
    fs::copy(kBundled.parent_path(), root, fs::copy_options::recursive);
    path = root / kBundled.filename();
  }
  ~ChecklistCopy() { fs::remove_all(root); }
  // Replaces the first occurrence of `from` in file `name`.
  void edit(const std::string& name, const std::string& from, const std::string& to) const {
    std::ifstream in(path / name, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    std::ofstream(path / name, std::ios::binary) << text;
  }
};

}  // namespace

TEST_CASE("a well-formed document number splits into its parts without defects", "[numbering]") {
  const ParsedNumber p = parse_doc("穗海赤岗综执罚决〔2024〕31号");
  CHECK(p.defects.empty());
  CHECK(p.street_code == "赤岗");
  CHECK(p.kind == "罚决");
  CHECK(p.year == 2024);
  CHECK(p.serial == 31);
  CHECK(p.open == "〔");
  CHECK(p.close == "〕");
  CHECK(p.key() == "赤岗|罚决|2024|31");
  CHECK(parse_case(kCaseNumber).defects.empty());
  CHECK(parse_case(kCaseNumber).key() == "赤岗|立|2024|12");
}

TEST_CASE("each departure from the pattern is its own defect", "[numbering]") {
  CHECK(parts(parse_doc("穗海赤岗综执罚决[2024]31号")) == std::vector<std::string>{"brackets"});
  CHECK(parts(parse_doc("穗海赤岗综执罚决（2024）031号")) ==
        std::vector<std::string>{"brackets", "serial"});
  CHECK(parts(parse_doc("穗海赤岗综执罚决〔2024〕第31号")) == std::vector<std::string>{"serial"});
  CHECK(parts(parse_doc("穗海赤岗综执罚决字〔2024〕31号")) == std::vector<std::string>{"serial"});
  CHECK(parts(parse_doc("穗海赤岗综执罚决〔2024〕31")) == std::vector<std::string>{"suffix"});
  CHECK(parts(parse_doc("穗海赤岗综执罚款〔2024〕31号")) ==
        std::vector<std::string>{"abbreviation"});
  CHECK(parts(parse_doc("穗海赤岗罚决〔2024〕31号")) == std::vector<std::string>{"agency"});
  CHECK(parts(parse_doc("海珠赤岗综执罚决〔2024〕31号")) ==
        std::vector<std::string>{"prefix", "street"});
  CHECK(parts(parse_doc("穗海赤岗综执罚决〔24〕31号")) == std::vector<std::string>{"year"});
  CHECK(parts(parse_doc("穗海赤岗综执罚决31号")) == std::vector<std::string>{"year"});
  CHECK(parts(parse_case("穗海赤岗综执罚〔2024〕12号")) ==
        std::vector<std::string>{"abbreviation"});
}

TEST_CASE("defect messages name the text as written", "[numbering]") {
  const ParsedNumber brackets = parse_doc("穗海赤岗综执罚决[2024]31号");
  CHECK(brackets.defects[0].message == "年份括号写作“[2024]”，应为“〔2024〕”");
  CHECK(parse_doc("穗海赤岗综执罚决〔2024〕031号").defects[0].message == "序号“031”有前导零");
  const ParsedNumber street = parse_doc("穗海江南中综执罚决〔2024〕5号");
  CHECK(street.defects[0].message == "街道代字写作“江南中”，江南中街道的代字应为“江南”");
  CHECK(parse_doc("穗海赤港综执罚决〔2024〕5号").defects[0].message ==
        "街道代字“赤港”不在街道代字表中");
}

TEST_CASE("full-width digits and spaces are read, keys ignore bracket style and zeros",
          "[numbering]") {
  const ParsedNumber p = parse_doc("穗海赤岗综执罚决〔２０２４〕３１号");
  CHECK(p.defects.empty());
  CHECK(p.key() == "赤岗|罚决|2024|31");
  CHECK(parse_doc("穗海赤岗综执罚决 [2024] 031 号").key() == p.key());
  CHECK(parse_doc("穗海赤岗综执罚决").key().empty());
}

TEST_CASE("the bundled numbering data holds the 18 street codes and the patterns", "[numbering]") {
  const Numbering& n = bundled().numbering;
  CHECK(n.streets.size() == 18);
  CHECK(n.by_code("南华")->street == "南华西");
  CHECK(n.by_code("南石")->street == "南石头");
  CHECK(n.by_street("江南中街道")->code == "江南");
  CHECK(n.by_street("广州市海珠区人民政府南石头街道办事处")->code == "南石");
  CHECK(n.by_street("番禺") == nullptr);
  CHECK(n.case_pattern.kind == "立");
  CHECK(n.document_pattern.agency == "综执");
  CHECK(n.document_pattern.open == "〔");
  CHECK(n.organ_in("落款：广州市海珠区人民政府南华西街道办事处")->code == "南华");
  CHECK(n.is_internal_form("inquiry_record"));
  CHECK_FALSE(n.is_internal_form("penalty_decision"));
}

TEST_CASE("a malformed pattern, duplicate street code or unknown form fails naming file:line",
          "[numbering]") {
  SECTION("pattern without the year slot") {
    ChecklistCopy copy;
    copy.edit("numbering.xml", "〔{年}〕{序号}号\"/>\n  <organ", "〔年〕{序号}号\"/>\n  <organ");
    Result<Checklist> r = load_checklist(copy.path);
    REQUIRE_FALSE(r.ok());
    CHECK(contains(r.error(), "numbering.xml:11: 文书编号格式"));
  }
  SECTION("duplicate street code") {
    ChecklistCopy copy;
    copy.edit("numbering.xml", "code=\"新港\"", "code=\"赤岗\"");
    Result<Checklist> r = load_checklist(copy.path);
    REQUIRE_FALSE(r.ok());
    CHECK(contains(r.error(), "numbering.xml:17: 重复的街道代字 赤岗"));
  }
  SECTION("internal form of an unknown type") {
    ChecklistCopy copy;
    copy.edit("numbering.xml", "type=\"legal_review\"", "type=\"legal_reveiw\"");
    Result<Checklist> r = load_checklist(copy.path);
    REQUIRE_FALSE(r.ok());
    CHECK(contains(r.error(), "未知的文书类型 legal_reveiw"));
    CHECK(contains(r.error(), "numbering.xml:"));
  }
  SECTION("numbering rules without a numbering file") {
    ChecklistCopy copy;
    fs::remove(copy.path / "numbering.xml");
    Result<Checklist> r = load_checklist(copy.path);
    REQUIRE_FALSE(r.ok());
    CHECK(contains(r.error(), "rules-numbering.xml:"));
    CHECK(contains(r.error(), "没有 <numbering>"));
  }
  SECTION("an unknown check") {
    ChecklistCopy copy;
    copy.edit("rules-numbering.xml", "value=\"case_number_format\"", "value=\"case_format\"");
    Result<Checklist> r = load_checklist(copy.path);
    REQUIRE_FALSE(r.ok());
    CHECK(contains(r.error(), "check 参数 case_format 无效"));
  }
}

TEST_CASE("a correct case gets no numbering finding and passes every numbering check",
          "[numbering]") {
  const Checked r = check(correct_case());
  CHECK(r.quiet());
  for (const char* rule :
       {"NUM-case-format", "NUM-doc-format", "NUM-doc-brackets", "NUM-doc-serial",
        "NUM-doc-present", "NUM-doc-abbreviation", "NUM-street-code", "NUM-case-year",
        "NUM-doc-year", "NUM-case-everywhere", "NUM-serial-unique", "NUM-case-street-organ",
        "NUM-doc-unique-in-case"}) {
    INFO(rule);
    CHECK(r.outcome(rule) == Outcome::passed);
  }
}

TEST_CASE("square brackets around the decision's year fire NUM-doc-brackets", "[numbering]") {
  Case c = correct_case();
  of_type(c, "penalty_decision").number = "穗海赤岗综执罚决[2024]31号";
  const Checked r = check(c);
  const std::vector<Finding> f = r.of("NUM-doc-brackets");
  REQUIRE(f.size() == 1);
  CHECK(f[0].kind == "numbering");
  CHECK(f[0].severity == "minor");
  CHECK(f[0].deduction == 1);
  CHECK(f[0].document == "penalty_decision");
  CHECK(f[0].message ==
        "《行政处罚决定书》的文号 穗海赤岗综执罚决[2024]31号 年份括号不规范："
        "年份括号写作“[2024]”，应为“〔2024〕”");
  CHECK(r.of("NUM-doc-serial").empty());
  CHECK(r.of("NUM-doc-format").empty());
}

TEST_CASE("a 2023 year on a 2024 document fires NUM-doc-year naming both", "[numbering]") {
  Case c = correct_case();
  of_type(c, "penalty_notice").number = "穗海赤岗综执罚告〔2023〕20号";
  const std::vector<Finding> f = check(c).of("NUM-doc-year");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message ==
        "《行政处罚事先告知书》的文号 穗海赤岗综执罚告〔2023〕20号 的年份为 2023 年，"
        "与文书日期 2024-03-12 的年份不一致");
  SECTION("a document without a date is not checkable, not a finding") {
    of_type(c, "penalty_notice").date.reset();
    for (Document& d : c.documents)
      if (d.type != "penalty_notice") d.date.reset();
    const Checked r = check(c);
    CHECK(r.of("NUM-doc-year").empty());
    CHECK(r.outcome("NUM-doc-year") == Outcome::not_checkable);
  }
}

TEST_CASE("a zero-padded serial fires NUM-doc-serial", "[numbering]") {
  Case c = correct_case();
  of_type(c, "penalty_decision").number = "穗海赤岗综执罚决〔2024〕031号";
  const std::vector<Finding> f = check(c).of("NUM-doc-serial");
  REQUIRE(f.size() == 1);
  CHECK(contains(f[0].message, "序号“031”有前导零"));
}

TEST_CASE("a number without 号 or with an unknown abbreviation fires NUM-doc-format",
          "[numbering]") {
  Case c = correct_case();
  of_type(c, "correction_order").number = "穗海赤岗综执责令〔2024〕8号";
  const Checked r = check(c);
  const std::vector<Finding> f = r.of("NUM-doc-format");
  REQUIRE(f.size() == 1);
  CHECK(contains(f[0].message, "文书简称“责令”不在文书简称表中"));
  CHECK(r.of("NUM-doc-abbreviation").empty());  // unknown, not another type's
}

TEST_CASE("a decision numbered with the notice's abbreviation fires NUM-doc-abbreviation",
          "[numbering]") {
  Case c = correct_case();
  of_type(c, "penalty_decision").number = "穗海赤岗综执罚告〔2024〕31号";
  const std::vector<Finding> f = check(c).of("NUM-doc-abbreviation");
  REQUIRE(f.size() == 1);
  CHECK(contains(f[0].message, "使用的文书简称为“罚告”，应为“罚决”"));
}

TEST_CASE("a readable decision without a number fires NUM-doc-present, a scan stays quiet",
          "[numbering]") {
  Case c = correct_case();
  of_type(c, "penalty_decision").number.reset();
  const std::vector<Finding> f = check(c).of("NUM-doc-present");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message ==
        "《行政处罚决定书》（penalty_decision."
        "docx）未载明文书编号（文号），应使用文书简称“罚决”编号");
  of_type(c, "penalty_decision").has_text = false;
  of_type(c, "penalty_decision").text.clear();
  CHECK(check(c).of("NUM-doc-present").empty());
}

TEST_CASE("another street's code fires NUM-street-code, the street comes from the organ",
          "[numbering]") {
  Case c = correct_case();
  of_type(c, "penalty_notice").number = "穗海新港综执罚告〔2024〕20号";
  std::vector<Finding> f = check(c).of("NUM-street-code");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message ==
        "《行政处罚事先告知书》中的编号 穗海新港综执罚告〔2024〕20号 的街道代字为“新港”，"
        "本案属赤岗街道，代字应为“赤岗”");
  CHECK(contains(f[0].evidence.back(), "行政处罚决定书"));

  SECTION("a manifest street wins over the organ") {
    c.info.street = "新港街道";
    c.has_manifest = true;
    const Checked r = check(c);
    CHECK(r.of("NUM-street-code").size() == 2);  // 责改 and 罚决 (the notice now says 新港)
    CHECK(r.of("NUM-case-street-organ").size() == 1);  // and the case number
  }
  SECTION("no street anywhere is not checkable") {
    of_type(c, "penalty_decision").text = "穗海赤岗综执罚决〔2024〕31号\n正文";
    for (Document& d : c.documents)
      if (d.type != "penalty_decision") d.text = "正文";
    const Checked r = check(c);
    CHECK(r.of("NUM-street-code").empty());
    CHECK(r.outcome("NUM-street-code") == Outcome::not_checkable);
  }
}

TEST_CASE("a malformed case number fires NUM-case-format once, naming every defect",
          "[numbering]") {
  Case c = correct_case();
  c.info.case_number = "穗海赤岗综执立(2024)012号";
  for (Document& d : c.documents)
    for (Fact& f : d.facts) f.value = *c.info.case_number;
  const Checked r = check(c);
  const std::vector<Finding> f = r.of("NUM-case-format");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message ==
        "《立案审批表》、《询问笔录》、《行政处罚审批表》等 4 份文书中的案号 "
        "穗海赤岗综执立(2024)012号 "
        "不符合案号编号规则：年份括号写作“(2024)”，应为“〔2024〕”；序号“012”有前导零");
  CHECK(r.of("NUM-case-everywhere").empty());  // the same number, written alike
}

TEST_CASE("a case number of the year before the filing fires NUM-case-year", "[numbering]") {
  Case c = correct_case();
  c.info.dates["filed"] = "2025-01-02";
  const std::vector<Finding> f = check(c).of("NUM-case-year");
  REQUIRE(f.size() == 1);
  CHECK(f[0].stage == 1);
  CHECK(f[0].message ==
        "案号 穗海赤岗综执立〔2024〕12号 的年份为 2024 年，与立案日期 2025-01-02 的年份不一致");
}

TEST_CASE("an internal form without the case number or with another fires NUM-case-everywhere",
          "[numbering]") {
  Case c = correct_case();
  of_type(c, "inquiry_record") = form("inquiry_record", "2024-03-05", "");
  of_type(c, "penalty_approval") =
      form("penalty_approval", "2024-03-20", "穗海赤岗综执立〔2024〕13号");
  const std::vector<Finding> f = check(c).of("NUM-case-everywhere");
  REQUIRE(f.size() == 2);
  CHECK(f[0].message == "内部文书《询问笔录》（inquiry_record.docx）未载明案号");
  CHECK(f[0].document == "inquiry_record");
  CHECK(
      f[1].message ==
      "内部文书《行政处罚审批表》（penalty_approval.docx）载明的案号为穗海赤岗综执立〔2024〕13号，"
      "与本案案号穗海赤岗综执立〔2024〕12号不一致");

  SECTION("a scanned form and an outgoing document are not asked for the case number") {
    of_type(c, "penalty_approval") = form("penalty_approval", "2024-03-20");
    of_type(c, "inquiry_record").has_text = false;
    of_type(c, "inquiry_record").text.clear();
    const Checked r = check(c);
    CHECK(r.of("NUM-case-everywhere").empty());
    CHECK(r.quiet());
  }
}

TEST_CASE("a case with no numbers at all leaves the numbering checks not checkable",
          "[numbering]") {
  Case c;
  c.archive = "bare.zip";
  Document scan = document("penalty_decision", "2024-03-21", "");
  scan.has_text = false;
  c.documents = {scan};
  const Checked r = check(c);
  CHECK(r.quiet());
  CHECK(r.outcome("NUM-doc-brackets") == Outcome::not_checkable);
  CHECK(r.outcome("NUM-serial-unique") == Outcome::not_checkable);
  CHECK(r.outcome("NUM-case-everywhere") == Outcome::not_checkable);
}
