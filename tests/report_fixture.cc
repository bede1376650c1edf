#include "tests/report_fixture.h"

#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include "app/round_reports.h"
#include "importers/zip_reader.h"

namespace auditor::test {
namespace {

Document doc(const std::string& path, const std::string& type, int stage, const std::string& date) {
  Document d;
  d.path = path;
  d.format = "docx";
  d.type = type;
  d.stage = stage;
  d.date = date;
  d.has_text = true;
  return d;
}

Finding finding(const std::string& rule, const std::string& kind, const std::string& severity,
                std::optional<int> stage, const std::string& message, double deduction) {
  Finding f;
  f.rule = rule;
  f.kind = kind;
  f.severity = severity;
  f.stage = stage;
  f.message = message;
  f.basis = "《中华人民共和国行政处罚法》第四十四条";
  f.evidence = {"证据：" + rule};
  f.deduction = deduction;
  return f;
}

const Finding kNotice =
    finding("REQ-3-penalty_notice", "missing_document", "major", 3,
            "第3阶段（告知权利）缺少《行政处罚事先告知书》，未告知即作出处罚决定", 10);
const Finding kService =
    finding("DL-service", "deadline", "minor", 6,
            "行政处罚决定书于 2024-04-02 作出，2024-04-20 才送达，超过 7 个工作日", 5);
const Finding kSealCheck = finding("REQ-6-seal", "manual_check", "info", 5,
                                   "请核对《行政处罚决定书》的印章与落款机关一致", 0);
const Finding kYear = finding("NUM-year", "numbering", "minor", 5, "文号年份与文书日期不符", 5);
const Finding kSeal = finding("SEAL-name", "seal", "veto", 5, "印章名称与落款机关不一致", 0);

Case case_a() {
  Case c;
  c.archive = "赤岗/2024-012.zip";
  c.sha256 = std::string(64, 'a');
  c.info.case_number = "穗海赤岗综执立〔2024〕12号";
  c.info.street = "赤岗";
  c.info.party = "广州市某某餐饮有限公司";
  c.info.procedure = "general";
  c.documents = {doc("01-立案审批表.docx", "filing_approval", 1, "2024-03-01"),
                 doc("05-行政处罚决定书.docx", "penalty_decision", 5, "2024-04-02"),
                 doc("08-结案审批表.docx", "closing_approval", 8, "2024-05-01")};
  c.documents[1].number = "穗海赤岗综执罚决〔2024〕31号";
  return c;
}

// B's case number and party come from facts, as in a bare archive.
Case case_b() {
  Case c;
  c.archive = "新港/2024-003.zip";
  c.sha256 = std::string(64, 'b');
  c.info.street = "新港";
  Document filing = doc("01-立案审批表.docx", "filing_approval", 1, "2024-02-01");
  filing.facts = {{"party", "陈建华", "当事人：陈建华"},
                  {"case_number", "穗海新港综执立〔2024〕3号", "案号：穗海新港综执立〔2024〕3号"}};
  c.documents = {filing};
  return c;
}

Audit audit(double score, const std::string& grade, std::vector<Finding> findings) {
  Audit a;
  a.score = score;
  a.grade = grade;
  for (const Finding& f : findings)
    a.checks.push_back(
        {f.rule, f.kind == "manual_check" ? Outcome::not_checkable : Outcome::failed});
  a.checks.push_back({"REQ-1-filing_approval", Outcome::passed});
  a.findings = std::move(findings);
  return a;
}

long long begin(Store& store, const std::string& round, const std::string& mode,
                const std::string& started, const std::string& inspector) {
  RunInfo info{"0.1.0", "general-penalty", "2025.1", "abc123", started, round, mode, inspector};
  Result<long long> run = store.begin_run(info);
  INFO((run ? std::string() : run.error()));
  REQUIRE(run.ok());
  return *run;
}

void save(Store& store, long long run, const Case& c, const Audit& a) {
  Status s = store.save_case(run, c, a);
  INFO(s.reason);
  REQUIRE(s.ok());
}

}  // namespace

const std::string kHostile = "<script>alert('x')</script>&\"'\x01<b>甲&乙</b>";

std::vector<CaseResult> first_round_cases() {
  Case broken;
  broken.archive = "坏包.zip";
  broken.rejected = true;
  broken.error = "不是有效的 ZIP 压缩包";
  return {{case_a(), audit(85, "合格", {kNotice, kService, kSealCheck})},
          {case_b(), audit(95, "优秀", {kYear})},
          {broken, Audit{}}};
}

ReportFixture::ReportFixture() : db(dir.path / "评查.db") {
  Result<std::unique_ptr<Store>> opened = Store::open(db);
  REQUIRE(opened.ok());
  store = std::move(*opened);
  Store& s = *store;

  const long long first = begin(s, "第一轮", "inspection", "2024-05-01T08:00:00Z", "张三");
  for (const CaseResult& r : first_round_cases()) save(s, first, r.c, r.audit);
  REQUIRE(s.end_run(first).ok());

  const long long second = begin(s, "第二轮", "inspection", "2024-09-01T08:00:00Z", "");
  save(s, second, case_a(), audit(0, "不合格", {kService, kSeal}));
  save(s, second, case_b(), audit(100, "优秀", {}));
  Case hostile = case_a();
  hostile.archive = "赤岗/" + kHostile + ".zip";
  hostile.info.case_number = "穗海赤岗综执立〔2024〕40号";
  hostile.info.party = kHostile;
  hostile.documents[0].path = kHostile + ".docx";
  Finding odd =
      finding("CON-party", "consistency", "minor", 2, "当事人名称不一致：" + kHostile, 10);
  odd.evidence = {kHostile};
  save(s, second, hostile, audit(90, "优秀", {odd}));
  REQUIRE(s.end_run(second).ok());

  const long long self = begin(s, "赤岗自查", "self_check", "2024-10-01T08:00:00Z", "李四");
  Case blocked = case_a();
  blocked.archive = "赤岗/2024-050.zip";
  blocked.info.case_number = "穗海赤岗综执立〔2024〕50号";
  save(s, self, blocked,
       audit(90, "优秀",
             {finding("REQ-8-closing_approval", "missing_document", "major", 8,
                      "第8阶段（结案）缺少《结案审批表》", 10)}));
  Case ready = blocked;
  ready.archive = "赤岗/2024-051.zip";
  ready.info.case_number = "穗海赤岗综执立〔2024〕51号";
  save(s, self, ready, audit(95, "优秀", {kYear}));
  REQUIRE(s.end_run(self).ok());
}

std::filesystem::path ReportFixture::render(const std::string& round, const std::string& out,
                                            const std::string& formats, SheetMode sheets) {
  Result<ReportFormats> wanted = parse_formats(formats);
  REQUIRE(wanted.ok());
  ReportRequest request;
  request.round = round;
  request.dir = dir.path / out;
  request.formats = *wanted;
  request.sheets = sheets;
  request.names.doc_types = {{"filing_approval", "立案审批表"},
                             {"penalty_decision", "行政处罚决定书"}};
  request.names.stages = {{1, "立案"}, {5, "决定"}};
  Status written = write_round_reports(*store, request);
  INFO(written.reason);
  REQUIRE(written.ok());
  return dir.path / out;
}

std::string zip_member(const std::string& zip_bytes, const std::string& name) {
  Result<std::unique_ptr<ZipReader>> zip = ZipReader::open(zip_bytes, ZipLimits{});
  REQUIRE(zip.ok());
  for (const ZipEntry& e : (*zip)->entries())
    if (e.name == name) {
      Result<std::string> bytes = (*zip)->read(e.index);
      REQUIRE(bytes.ok());
      return *bytes;
    }
  FAIL("member not found: " << name);
  return {};
}

std::string docx_text(const std::string& docx_bytes) {
  const std::string xml = zip_member(docx_bytes, "word/document.xml");
  pugi::xml_document d;
  REQUIRE(d.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata));
  std::string out;
  for (const pugi::xpath_node& p : d.select_nodes("//w:p")) {
    for (const pugi::xpath_node& t : p.node().select_nodes(".//w:t")) out += t.node().text().get();
    out += "\n";
  }
  return out;
}

std::map<std::string, std::string> xlsx_cells(const std::string& xlsx_bytes, int n) {
  std::vector<std::string> shared;
  // A workbook written in constant-memory mode has inline strings only.
  Result<std::unique_ptr<ZipReader>> zip = ZipReader::open(xlsx_bytes, ZipLimits{});
  REQUIRE(zip.ok());
  bool has_shared = false;
  for (const ZipEntry& e : (*zip)->entries()) has_shared |= e.name == "xl/sharedStrings.xml";
  const std::string strings = has_shared ? zip_member(xlsx_bytes, "xl/sharedStrings.xml") : "";
  pugi::xml_document sd;
  if (has_shared)
    REQUIRE(sd.load_buffer(strings.data(), strings.size(),
                           pugi::parse_default | pugi::parse_ws_pcdata));
  for (pugi::xml_node si : sd.child("sst").children("si")) {
    std::string text;
    for (const pugi::xpath_node& t : si.select_nodes(".//t")) text += t.node().text().get();
    shared.push_back(text);
  }
  const std::string sheet =
      zip_member(xlsx_bytes, "xl/worksheets/sheet" + std::to_string(n) + ".xml");
  pugi::xml_document wd;
  REQUIRE(wd.load_buffer(sheet.data(), sheet.size()));
  std::map<std::string, std::string> cells;
  for (pugi::xml_node row : wd.child("worksheet").child("sheetData").children("row"))
    for (pugi::xml_node c : row.children("c")) {
      const std::string ref = c.attribute("r").value(), type = c.attribute("t").value();
      std::string value = c.child("v").text().get();
      if (type == "s") value = shared.at(std::stoul(value));
      if (type == "inlineStr")
        for (const pugi::xpath_node& t : c.select_nodes("is//t")) value += t.node().text().get();
      cells[ref] = value;
      cells["type:" + ref] = type;
    }
  return cells;
}

int occurrences(const std::string& hay, const std::string& needle) {
  int n = 0;
  for (std::size_t at = hay.find(needle); at != std::string::npos;
       at = hay.find(needle, at + needle.size()))
    ++n;
  return n;
}

}  // namespace auditor::test
