// Whole-case files (importers/split_documents.h, docs/whole-case-files.md): one
// PDF holding a case's documents page after page is split into them; single
// documents of several pages are not.
#include "importers/split_documents.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "app/incremental.h"
#include "app/pipeline.h"
#include "auditor/checker.h"
#include "importers/facts.h"
#include "importers/formats.h"
#include "importers/import.h"
#include "store/case_reader.h"
#include "tests/cli_support.h"
#include "tests/rule_fixtures.h"

namespace auditor {
namespace {

namespace fs = std::filesystem;

const Checklist& checklist() { return testing::bundled_checklist(); }

using test::fixture;

// A case of one document read from `bytes` (a PDF) as the importer reads it.
Case case_of_pdf(const std::string& path, const std::string& bytes) {
  Document d;
  d.path = path;
  d.format = "pdf";
  REQUIRE(parse_pdf(bytes, d).ok());
  d.facts = extract_facts(d.text);
  Case c;
  c.documents.push_back(std::move(d));
  return c;
}

// A case of one document whose pages are `pages` (text, as the PDF reader
// marks page starts).
Case case_of_pages(const std::vector<std::string>& pages) {
  Document d;
  d.path = "案卷.pdf";
  d.format = "pdf";
  d.has_text = true;
  for (std::size_t i = 0; i < pages.size(); ++i) d.text += (i ? "\f" : "") + pages[i];
  d.pages = static_cast<int>(pages.size());
  d.title = title_lines(d.text);
  d.facts = extract_facts(d.text);
  Case c;
  c.documents.push_back(std::move(d));
  return c;
}

std::vector<std::string> paths(const Case& c) {
  std::vector<std::string> out;
  for (const Document& d : c.documents) out.push_back(d.path);
  return out;
}

// kind=value of each fact; with `snippets`, and the snippet it came from.
std::multiset<std::string> fact_lines(const std::vector<Fact>& facts, bool snippets = false) {
  std::multiset<std::string> out;
  for (const Fact& f : facts)
    out.insert(f.kind + "=" + f.value + (snippets ? "|" + f.snippet : ""));
  return out;
}

TEST_CASE(
    "each PDF page after the first starts with a form feed the extractors read as a line break",
    "[split]") {
  Document d;
  REQUIRE(parse_pdf(fixture("decision.pdf"), d).ok());
  REQUIRE(d.pages == 2);
  CHECK(std::count(d.text.begin(), d.text.end(), '\f') == 1);
  CHECK(d.text.find("\n\f") != std::string::npos);
  CHECK(text_pages(d.text).size() == 2);
  std::string unmarked = d.text;
  std::erase(unmarked, '\f');
  CHECK(fact_lines(extract_facts(d.text)) == fact_lines(extract_facts(unmarked)));
  // A mark inside a line (no line break before it) splits the line.
  const std::vector<Fact> f =
      extract_facts("当事人：李志强\f统一社会信用代码：91440105MA9W3K7LX6\n");
  CHECK(fact_lines(f).count("party=李志强") == 1);
  // Snippets never show the mark.
  for (const Fact& fact : extract_facts(d.text))
    CHECK(fact.snippet.find('\f') == std::string::npos);
}

TEST_CASE("a whole-case PDF is split into its documents at pages titled with other types",
          "[split]") {
  Case c = case_of_pdf("案卷.pdf", fixture("whole-case.pdf"));
  REQUIRE(c.documents.front().pages == 7);
  split_documents(c, checklist());
  CHECK(paths(c) == std::vector<std::string>{"案卷.pdf#第1页", "案卷.pdf#第2页", "案卷.pdf#第3-4页",
                                             "案卷.pdf#第5-6页", "案卷.pdf#第7页"});
  classify(c, checklist());
  std::vector<std::string> types;
  for (const Document& d : c.documents) types.push_back(d.type.value_or("-"));
  CHECK(types == std::vector<std::string>{"catalogue", "filing_approval", "inquiry_record",
                                          "penalty_decision", "service_receipt"});
  const Document& decision = c.documents[3];
  CHECK(decision.pages == 2);
  CHECK(decision.format == "pdf");
  CHECK(decision.number == "穗海南华综执罚决〔2024〕43号");
  CHECK(decision.date == "2024-03-21");
  CHECK(decision.text.find("询问笔录") == std::string::npos);  // its own text only
  CHECK(fact_lines(c.documents[2].facts).count("party_id=440105198003152030") == 1);
  CHECK(fact_lines(decision.facts).count("party_id=440105198003152030") == 0);
  CHECK(fact_lines(c.documents[4].facts).count("service_date=2024-03-22") == 1);
  // Parts are never split again.
  split_documents(c, checklist());
  CHECK(c.documents.size() == 5);
}

TEST_CASE("a DOCX holding a case's documents between page breaks is split like the PDF",
          "[split]") {
  Document d;
  d.path = "案卷.docx";
  d.format = "docx";
  REQUIRE(parse_docx(fixture("whole-case.docx"), ZipLimits{}, d).ok());
  CHECK(std::count(d.text.begin(), d.text.end(), '\f') == 6);
  d.facts = extract_facts(d.text);
  Case c;
  c.documents.push_back(std::move(d));
  split_documents(c, checklist());
  CHECK(paths(c) == std::vector<std::string>{"案卷.docx#第1页", "案卷.docx#第2页",
                                             "案卷.docx#第3-4页", "案卷.docx#第5-6页",
                                             "案卷.docx#第7页"});
  classify(c, checklist());
  REQUIRE(c.documents.size() == 5);
  CHECK(c.documents[3].type == "penalty_decision");
  CHECK(c.documents[3].number == "穗海南华综执罚决〔2024〕43号");
  // A one-document DOCX with a page break: same facts, not split.
  Document single;
  single.path = "决定书.docx";
  REQUIRE(parse_docx(fixture("decision.docx"), ZipLimits{}, single).ok());
  REQUIRE(single.text.find('\f') != std::string::npos);
  std::string unmarked = single.text;
  std::erase(unmarked, '\f');
  single.facts = extract_facts(single.text);
  CHECK(fact_lines(single.facts) == fact_lines(extract_facts(unmarked)));
  Case one;
  one.documents.push_back(std::move(single));
  split_documents(one, checklist());
  CHECK(paths(one) == std::vector<std::string>{"决定书.docx"});
}

TEST_CASE("page marks do not change the facts of the variant PDFs", "[split]") {
  int pdfs = 0, marked = 0;
  for (const auto& entry : fs::directory_iterator(AUDITOR_SOURCE_DIR "/testdata/variants")) {
    const std::string name = entry.path().filename().string();
    if (!name.ends_with("-c.zip") && !name.starts_with("d05")) continue;
    const Case c = import_archive(entry.path(), ImportOptions{});
    for (const Document& d : c.documents) {
      if (d.format != "pdf" || !d.has_text) continue;
      ++pdfs;
      if (d.text.find('\f') == std::string::npos) continue;
      ++marked;
      std::string unmarked = d.text;
      std::erase(unmarked, '\f');
      INFO(name << " " << d.path);
      CHECK(fact_lines(d.facts, true) == fact_lines(extract_facts(unmarked), true));
    }
  }
  CHECK(pdfs >= 90);
  CHECK(marked > 0);
}

TEST_CASE("documents of several pages of one type are not split", "[split]") {
  SECTION("a two-page decision (LibreOffice PDF)") {
    Case c = case_of_pdf("决定书.pdf", fixture("decision.pdf"));
    split_documents(c, checklist());
    CHECK(paths(c) == std::vector<std::string>{"决定书.pdf"});
  }
  SECTION("a record repeating its title and footer on its second page") {
    Case c =
        case_of_pages({"询问笔录\n询问时间：2024年3月5日\n问：你是否摆放桌椅？\n第1页 共2页\n",
                       "询问笔录\n答：是的。\n被询问人签名：李志强 2024年3月5日\n第2页 共2页\n"});
    split_documents(c, checklist());
    CHECK(c.documents.size() == 1);
  }
  SECTION("a page quoting another document's title in its first line") {
    Case c = case_of_pages({"行政处罚决定书\n穗海南华综执罚决〔2024〕43号\n当事人：李志强\n",
                            "根据《行政处罚事先告知书》，当事人未提出陈述申辩。\n行政处罚事先告知书"
                            "\n2024年3月21日\n"});
    split_documents(c, checklist());
    CHECK(c.documents.size() == 1);
  }
  SECTION("a table row naming a document at the top of a page") {
    Case c = case_of_pages({"送达回证\n送达文书名称\t行政处罚决定书\n",
                            "送达文书文号\t穗海南华综执罚决〔2024〕43号\n行政处罚决定书\n"});
    split_documents(c, checklist());
    CHECK(c.documents.size() == 1);
  }
  SECTION("a document declared by the manifest") {
    Case c = case_of_pages({"立案审批表\n案号：穗海南华综执立〔2024〕43号\n",
                            "行政处罚决定书\n穗海南华综执罚决〔2024〕43号\n"});
    c.documents.front().type = "penalty_decision";
    c.documents.front().type_source = Source::manifest;
    split_documents(c, checklist());
    CHECK(c.documents.size() == 1);
  }
}

TEST_CASE("titles of whole-case pages are read in several layouts", "[split]") {
  // The organ's name on the title line or above it, a wrapped title, a note
  // after the title; leading pages without a title are a part of their own.
  Case c = case_of_pages(
      {"案卷封面\n穗海南华综执立〔2024〕43号\n",
       "广州市海珠区人民政府南华西街道办事处立案审批表\n案号：穗海南华综执立〔2024〕43号\n",
       "询问笔录（第一次）\n询问时间：2024年3月5日\n",
       "广州市海珠区人民政府南华西街道办事处\n行政处罚事先\n告知书\n穗海南华综执罚告〔2024〕43号\n",
       "第2页\n当事人可在收到本告知书之日起五个工作日内提出陈述、申辩。\n",
       "送\t达\t回\t证\n送达文书名称\t行政处罚事先告知书\n"});
  split_documents(c, checklist());
  CHECK(paths(c) == std::vector<std::string>{"案卷.pdf#第1页", "案卷.pdf#第2页", "案卷.pdf#第3页",
                                             "案卷.pdf#第4-5页", "案卷.pdf#第6页"});
  classify(c, checklist());
  REQUIRE(c.documents.size() == 5);
  CHECK(c.documents[4].type == "service_receipt");  // letter-spaced into cells
  CHECK(c.documents[1].type == "filing_approval");
  CHECK(c.documents[2].type == "inquiry_record");
  CHECK(c.documents[3].type == "penalty_notice");
  CHECK(c.documents[3].number == "穗海南华综执罚告〔2024〕43号");
}

TEST_CASE("a header printed on every page of a whole-case file is passed over", "[split]") {
  // 案号：… holds a colon (a label, no title): without the header rule the
  // search for a title would stop at it on every page.
  const std::string header = "案号：穗海南华综执立〔2024〕43号\n";
  Case c = case_of_pages({header + "第1页 共4页\n立案审批表\n案件来源\t日常巡查\n",
                          header + "第2页 共4页\n询问笔录\n询问时间：2024年3月5日\n",
                          header + "第3页 共4页\n答：是的。\n被询问人签名：李志强 2024年3月5日\n",
                          header + "第4页 共4页\n行政处罚决定书\n穗海南华综执罚决〔2024〕43号\n"});
  split_documents(c, checklist());
  CHECK(paths(c) ==
        std::vector<std::string>{"案卷.pdf#第1页", "案卷.pdf#第2-3页", "案卷.pdf#第4页"});
  // A title starting half of the pages is no header.
  Case titled =
      case_of_pages({"询问笔录\n问：你是谁？\n", "询问笔录\n答：李志强。\n",
                     "送达回证\n送达文书名称\t行政处罚决定书\n", "询问笔录\n问：还有补充吗？\n"});
  split_documents(titled, checklist());
  CHECK(paths(titled) ==
        std::vector<std::string>{"案卷.pdf#第1-2页", "案卷.pdf#第3页", "案卷.pdf#第4页"});
}

TEST_CASE("two records of one type are told apart by their printed page numbers", "[split]") {
  Case c = case_of_pages({"立案审批表\n案号：穗海南华综执立〔2024〕43号\n",
                          "询问笔录\n被询问人：李志强\n第 1 页 共 2 页\n",
                          "询问笔录\n被询问人签名：李志强 2024年3月5日\n第 2 页 共 2 页\n",
                          "询问笔录\n被询问人：王小明\n第１页／共１页\n"});
  split_documents(c, checklist());
  CHECK(paths(c) ==
        std::vector<std::string>{"案卷.pdf#第1页", "案卷.pdf#第2-3页", "案卷.pdf#第4页"});
  // Without page numbers, a title repeated on the next page continues the record.
  Case plain = case_of_pages({"立案审批表\n案号：穗海南华综执立〔2024〕43号\n",
                              "询问笔录\n被询问人：李志强\n", "询问笔录\n被询问人：王小明\n"});
  split_documents(plain, checklist());
  CHECK(paths(plain) == std::vector<std::string>{"案卷.pdf#第1页", "案卷.pdf#第2-3页"});
}

TEST_CASE("signatures go with the part holding their page", "[split]") {
  Case c =
      case_of_pages({"立案审批表\n案号：穗海南华综执立〔2024〕43号\n",
                     "行政处罚决定书\n穗海南华综执罚决〔2024〕43号\n", "第2页\n2024年3月21日\n"});
  Signature on_decision, unplaced;
  on_decision.id = "s1";
  on_decision.page = 3;
  unplaced.id = "s2";
  c.documents.front().signatures = {on_decision, unplaced};
  split_documents(c, checklist());
  REQUIRE(c.documents.size() == 2);
  REQUIRE(c.documents[0].signatures.size() == 1);
  CHECK(c.documents[0].signatures[0].id == "s2");
  REQUIRE(c.documents[1].signatures.size() == 1);
  CHECK(c.documents[1].signatures[0].id == "s1");
}

TEST_CASE("pages without text in a whole-case file are a part of their own, to be read by hand",
          "[split]") {
  // A scanned page (no text layer) between two documents, scanned pages at
  // the front: each run is a part without text (IMP-no_text asks for a
  // manual reading), not hidden inside the document before.
  Case c =
      case_of_pages({" \n", "", "立案审批表\n案号：穗海南华综执立〔2024〕43号\n", "\n",
                     "行政处罚决定书\n穗海南华综执罚决〔2024〕43号\n", "第2页\n2024年3月21日\n"});
  split_documents(c, checklist());
  CHECK(paths(c) == std::vector<std::string>{"案卷.pdf#第1-2页", "案卷.pdf#第3页", "案卷.pdf#第4页",
                                             "案卷.pdf#第5-6页"});
  REQUIRE(c.documents.size() == 4);
  CHECK_FALSE(c.documents[0].has_text);
  CHECK(c.documents[1].has_text);
  CHECK_FALSE(c.documents[2].has_text);
  CHECK(c.documents[3].pages == 2);
}

TEST_CASE("auditor extract shows a whole-case file as its documents, page breaks as lines",
          "[split][e2e]") {
  test::TempDir dir;
  const test::CliRun run = test::run_cli(
      "extract " + test::sh_quote(AUDITOR_SOURCE_DIR "/testdata/fixtures/whole-case.pdf"),
      dir.path);
  CHECK(run.status == 0);
  CHECK(run.out.find("whole-case.pdf#第3-4页 ==") != std::string::npos);
  CHECK(run.out.find("—— 分页 ——\n问：店铺门前") != std::string::npos);
  CHECK(run.out.find('\f') == std::string::npos);
}

const fs::path kVariants = AUDITOR_SOURCE_DIR "/testdata/variants";

// (rule, severity) of the counted findings and the grade of one archive.
std::set<std::string> outcome(const nlohmann::json& c) {
  std::set<std::string> out;
  for (const nlohmann::json& f : c["findings"])
    if (f["severity"] != "info")
      out.insert(f["rule"].get<std::string>() + "/" + f["severity"].get<std::string>());
  out.insert("grade/" + c["grade"].dump());
  return out;
}

TEST_CASE("a case exported as one PDF is audited as its DOCX twin", "[split][e2e]") {
  test::TempDir dir;
  const std::string a = (kVariants / "g1-general-no-statement-a.zip").string();
  const std::string e = (kVariants / "g1-general-no-statement-e.zip").string();
  test::run_cli("audit " + test::sh_quote(a) + " " + test::sh_quote(e) + " --json r.json",
                dir.path);
  const nlohmann::json r = nlohmann::json::parse(test::read_file(dir.path / "r.json"));
  REQUIRE(r["cases"].size() == 2);
  CHECK(outcome(r["cases"][1]) == outcome(r["cases"][0]));
  CHECK(r["cases"][1]["grade"] == "优秀");
}

TEST_CASE("complete cases joined into one PDF are audited as complete cases", "[split][e2e]") {
  // scripts/make-whole-case-archives.sh: the PDFs of two -c variants joined
  // (other documents, other page counts, a hearing and a withdrawal).
  test::TempDir dir;
  const fs::path whole = AUDITOR_SOURCE_DIR "/testdata/fixtures/whole-case";
  test::run_cli("audit " + test::sh_quote(whole.string()) + " --json r.json", dir.path);
  const nlohmann::json r = nlohmann::json::parse(test::read_file(dir.path / "r.json"));
  REQUIRE(r["cases"].size() == 2);
  const std::map<std::string, std::size_t> parts{{"g3-hearing-c-whole.zip", 22},
                                                 {"g5-withdrawn-c-whole.zip", 5}};
  for (const nlohmann::json& c : r["cases"]) {
    const std::string archive = c["archive"].get<std::string>();
    const std::string name = archive.substr(archive.rfind('/') + 1);
    INFO(name);
    CHECK(c["documents"].size() == parts.at(name));
    CHECK(outcome(c) == std::set<std::string>{"grade/\"优秀\""});
  }
}

TEST_CASE("the parts of a whole-case PDF survive the store and a re-check", "[split][store]") {
  test::TempDir dir;
  Checklist cl = checklist();
  const std::vector<fs::path> archives{dir.path / "g1-e.zip"};
  fs::copy_file(kVariants / "g1-general-no-statement-e.zip", archives[0]);
  Result<std::unique_ptr<Store>> store = Store::open(dir.path / "audit.db");
  REQUIRE(store.ok());
  RunInfo info{"test", cl.id, cl.version, cl.sha256, "", "第一轮", "inspection", ""};
  Result<long long> run = (*store)->begin_run(info);
  REQUIRE(run.ok());
  std::vector<std::string> parsed_paths, parsed_findings;
  audit_batch(archives, cl, ImportOptions{}, 1, [&](std::size_t, CaseResult&& r) {
    parsed_paths = paths(r.c);
    for (const Finding& f : r.audit.findings) parsed_findings.push_back(f.rule + f.message);
    REQUIRE((*store)->save_case(*run, r.c, r.audit).ok());
  });
  REQUIRE((*store)->end_run(*run).ok());
  CHECK(parsed_paths.size() == 15);
  cl.sha256 = "changed";  // the rules run again on the stored documents
  int seen = 0;
  audit_batch_incremental(**store, archives, cl, ImportOptions{}, 1, "第一轮", Load::full,
                          [&](std::size_t, CaseResult&& r, Reuse reuse) {
                            ++seen;
                            CHECK(reuse == Reuse::rechecked);
                            CHECK(paths(r.c) == parsed_paths);
                            std::vector<std::string> findings;
                            for (const Finding& f : r.audit.findings)
                              findings.push_back(f.rule + f.message);
                            CHECK(findings == parsed_findings);
                          });
  CHECK(seen == 1);
}

}  // namespace
}  // namespace auditor
