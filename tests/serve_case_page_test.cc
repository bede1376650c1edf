// The case page GET /cases/{id} and the originals behind it
// (GET /api/cases/{id}/documents/{n}/original) over real HTTP: the selector
// contract, documents stage by stage with facts, text and original, a PDF
// made by LibreOffice and a DOCX streamed back with their types, hostile
// document text and names escaped, and a dismissal through the API changing
// #case-score. The round is audited through the real pipeline (an upload).
#include <httplib.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "importers/zip_reader.h"
#include "reports/docx_writer.h"
#include "tests/review_support.h"
#include "tests/serve_support.h"
#include "tests/zip_fixtures.h"
#include "util/hash.h"

namespace auditor {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

const std::string kHostileName = "15-<img src=x>\"说明'.docx";
const std::string kHostileText = "<script>alert(1)</script>";

// A DOCX of `title` and `text` (reports/docx_writer.h).
std::string docx_of(const std::string& title, const std::string& text) {
  DocxWriter w;
  w.heading(title);
  w.paragraph(text);
  Result<std::string> bytes = w.finish();
  REQUIRE(bytes);
  return *bytes;
}

// testdata/03 (南石头) plus a PDF LibreOffice made and a DOCX with hostile text and name.
struct Archive {
  std::string zip, pdf, hostile;
};
Archive nanshi_archive() {
  Archive a;
  test::TempDir dir;
  test::write_file(dir.path / "说明.docx",
                   docx_of("附件说明", "本卷附件材料共三页，供评查参考。\n二〇二四年六月五日"));
  a.pdf = test::libreoffice_convert(dir.path, "说明.docx", "pdf");
  REQUIRE(a.pdf.rfind("%PDF-", 0) == 0);
  a.hostile = docx_of(kHostileText + "说明", "当事人：" + kHostileText + "\u202E号21");
  const std::string original = test::read_file(test::kTestdata / "03-missing-notice-bare.zip");
  auto zip = ZipReader::open(original, ZipLimits{});
  REQUIRE(zip);
  std::vector<testing::Member> members;
  for (std::size_t i = 0; i < (*zip)->entries().size(); ++i) {
    auto bytes = (*zip)->read(i);
    REQUIRE(bytes);
    members.emplace_back((*zip)->entries()[i].name, *bytes);
  }
  members.emplace_back("14-情况说明.pdf", a.pdf);
  members.emplace_back(kHostileName, a.hostile);
  a.zip = testing::make_zip(members);
  return a;
}

struct Site : test::TestServer {
  Archive archive = nanshi_archive();
  long long round = 0;

  Site()
      : TestServer({{"admin1", UserRole::admin, "", test::kServePassword},
                    {"insp1", UserRole::inspector, "", test::kServePassword},
                    {"nanshi", UserRole::street, "南石头", test::kServePassword},
                    {"haizhuang", UserRole::street, "海幢", test::kServePassword}},
                   {}, "case_page.db") {
    for (const char* u : {"admin1", "insp1", "nanshi", "haizhuang"}) cookies[u] = sign_in(u).cookie;
    auto created = client().Post("/api/rounds", change_headers("insp1"),
                                 json{{"name", "案卷页轮"}, {"mode", "inspection"}}.dump(),
                                 "application/json");
    REQUIRE(created->status == 201);
    round = json::parse(created->body)["id"];
    httplib::MultipartFormDataItems items = {
        {"archive", archive.zip, "南石头.zip", "application/zip"},
        {"archive", test::read_file(test::kTestdata / "01-complete-structured.zip"), "01.zip",
         "application/zip"}};
    auto up = client().Post(("/api/rounds/" + std::to_string(round) + "/archives").c_str(),
                            change_headers("insp1"), items);
    REQUIRE(up->status == 202);
    const std::string job = "/api/jobs/" + std::to_string(json::parse(up->body)["job"].get<int>());
    for (int i = 0; i < 600 && json::parse(get("insp1", job)->body)["state"] == "running"; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  long long case_id(const std::string& number) {
    auto r = get("admin1", "/api/rounds/" + std::to_string(round) + "/cases");
    for (const json& c : json::parse(r->body))
      if (c["case_number"] == number) return c["id"];
    FAIL("no case " << number);
    return 0;
  }
  long long nanshi() { return case_id(test::kNanshi); }
  // The 1-based position of the document whose path ends with `suffix`.
  std::size_t document(long long id, const std::string& suffix) {
    json c = json::parse(get("admin1", "/api/cases/" + std::to_string(id))->body);
    for (std::size_t i = 0; i < c["documents"].size(); ++i)
      if (c["documents"][i]["path"].get<std::string>().ends_with(suffix)) return i + 1;
    FAIL("no document " << suffix);
    return 0;
  }
  std::string original(long long id, std::size_t n) {
    return "/api/cases/" + std::to_string(id) + "/documents/" + std::to_string(n) + "/original";
  }
};

Site& site() {
  static Site s;
  return s;
}

// The header block of GET `path` as sent: httplib's client decodes %XX in
// header values, so Content-Disposition is read off the socket.
std::string raw_headers(int port, const std::string& path, const std::string& cookie) {
  const std::string got =
      test::raw_exchange(port,
                         "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " + cookie +
                             "\r\nConnection: close\r\n\r\n",
                         "\r\n\r\n");
  return got.substr(0, got.find("\r\n\r\n"));
}

bool has(const httplib::Result& r, const std::string& text) {
  return r->body.find(text) != std::string::npos;
}

// The text of #case-score.
std::string shown_score(const std::string& html) {
  static const std::regex score(R"re(<span id="case-score"><strong>([^<]*)</strong></span>)re");
  std::smatch m;
  return std::regex_search(html, m, score) ? m[1].str() : "";
}

TEST_CASE("the case page meets the selector contract for an inspector", "[serve][serve_case]") {
  Site& s = site();
  const long long id = s.nanshi();
  auto page = s.get("insp1", "/cases/" + std::to_string(id));
  REQUIRE(page->status == 200);
  CHECK(has(page, "<main data-case=\"" + std::to_string(id) + "\">"));
  CHECK_FALSE(shown_score(page->body).empty());
  CHECK(has(page, "<section class=\"finding\" data-finding=\"" + test::kNotice + "\""));
  CHECK(has(page, "<input data-reason"));
  for (const char* action : {"confirm", "dismiss", "change"})
    CHECK(has(page, std::string("data-action=\"") + action + "\""));
  CHECK(has(page, "data-action=\"pass\""));  // the manual checks
  CHECK(has(page, "<button type=\"button\" id=\"sign\""));
  CHECK(has(page, "<a id=\"download-sheet\" href=\"/api/cases/" + std::to_string(id) +
                      "/sheet?format=docx\""));
  CHECK(has(page, "id=\"message\""));
  CHECK(has(page, "<script src=\"/static/case.js\" defer></script>"));
  CHECK(has(page, "<form id=\"add-finding\""));
  auto script = s.get("", "/static/case.js");
  REQUIRE(script->status == 200);
  CHECK(script->get_header_value("Content-Type") == "text/javascript; charset=utf-8");
  CHECK(has(script, "X-CSRF-Token"));
  CHECK(s.get("", "/static/case.css")->status == 200);
}

TEST_CASE("a street user's case page has objections but no decision, sign or add form",
          "[serve][serve_case]") {
  Site& s = site();
  auto page = s.get("nanshi", "/cases/" + std::to_string(s.nanshi()));
  REQUIRE(page->status == 200);
  CHECK_FALSE(has(page, "data-action="));
  CHECK_FALSE(has(page, "id=\"sign\""));
  CHECK_FALSE(has(page, "id=\"add-finding\""));
  CHECK(has(page, "id=\"download-sheet\""));
  auto other = s.get("haizhuang", "/cases/" + std::to_string(s.nanshi()));
  CHECK(other->status == 404);
  CHECK(other->body == s.get("haizhuang", "/cases/99999999")->body);
}

TEST_CASE("documents are shown stage by stage with facts, text and the original",
          "[serve][serve_case]") {
  Site& s = site();
  const long long id = s.nanshi();
  auto page = s.get("insp1", "/cases/" + std::to_string(id));
  const std::string& html = page->body;
  std::size_t last = 0;
  int stages = 0;
  for (int st = 1; st <= 8; ++st) {
    const std::size_t at = html.find("data-stage=\"" + std::to_string(st) + "\"");
    if (at == std::string::npos) continue;
    CHECK(at > last);
    last = at;
    ++stages;
  }
  CHECK(stages >= 4);
  const std::size_t pdf = s.document(id, "14-情况说明.pdf");
  const std::size_t decision = s.document(id, "07-行政处罚决定书.docx");
  const std::size_t photo = s.document(id, "04-现场照片.png");
  CHECK(has(page, "<iframe src=\"" + s.original(id, pdf) + "\""));
  CHECK(has(page, "<img src=\"" + s.original(id, photo) + "\""));
  CHECK(
      has(page, "<a class=\"original-link\" href=\"" + s.original(id, decision) + "\" download>"));
  CHECK(has(page, "<details class=\"text\"><summary>文书文字</summary><pre>"));
  CHECK(has(page, "本卷附件材料共三页"));  // the PDF's text
  CHECK(has(page, "提取的要素"));
  CHECK(has(page, "<td>case_number</td>"));
}

TEST_CASE("hostile document text and names are escaped on the case page", "[serve][serve_case]") {
  Site& s = site();
  auto page = s.get("insp1", "/cases/" + std::to_string(s.nanshi()));
  CHECK_FALSE(has(page, kHostileText));
  CHECK_FALSE(has(page, "<img src=x>"));
  CHECK(has(page, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  CHECK(has(page, "15-&lt;img src=x&gt;&quot;说明&apos;.docx"));
  CHECK(has(page, "⟨U+202E⟩"));  // the bidi control made visible
  static const std::regex inline_script(R"(<script(?![^>]*\ssrc=)[^>]*>)", std::regex::icase);
  static const std::regex handler(R"(<[^>]*\s(on[a-z]+|style)\s*=)", std::regex::icase);
  CHECK_FALSE(std::regex_search(page->body, inline_script));
  CHECK_FALSE(std::regex_search(page->body, handler));
}

TEST_CASE("a PDF made by LibreOffice comes back inline as application/pdf, framable by the site",
          "[serve][serve_case]") {
  Site& s = site();
  const long long id = s.nanshi();
  auto r = s.get("nanshi", s.original(id, s.document(id, "14-情况说明.pdf")));
  REQUIRE(r->status == 200);
  CHECK(r->get_header_value("Content-Type") == "application/pdf");
  CHECK(r->body == s.archive.pdf);
  CHECK(r->get_header_value("Content-Disposition").rfind("inline; filename=\"document-", 0) == 0);
  CHECK(r->get_header_value_count("Content-Security-Policy") == 1);
  CHECK(r->get_header_value("Content-Security-Policy").find("frame-ancestors 'self'") !=
        std::string::npos);
  CHECK(r->get_header_value("X-Frame-Options") == "SAMEORIGIN");
  CHECK(r->get_header_value("X-Content-Type-Options") == "nosniff");
  // Only that response may be framed: the page itself keeps frame-ancestors 'none'.
  auto page = s.get("nanshi", "/cases/" + std::to_string(id));
  CHECK(page->get_header_value("Content-Security-Policy").find("frame-ancestors 'none'") !=
        std::string::npos);
}

TEST_CASE("a DOCX and an image come back with their types, a hostile name stays in filename*",
          "[serve][serve_case]") {
  Site& s = site();
  const long long id = s.nanshi();
  auto docx = s.get("insp1", s.original(id, s.document(id, "07-行政处罚决定书.docx")));
  REQUIRE(docx->status == 200);
  CHECK(docx->get_header_value("Content-Type") ==
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  CHECK(
      docx->get_header_value("Content-Disposition").rfind("attachment; filename=\"document-", 0) ==
      0);
  CHECK(docx->body.rfind("PK\x03\x04", 0) == 0);
  auto png = s.get("admin1", s.original(id, s.document(id, "04-现场照片.png")));
  REQUIRE(png->status == 200);
  CHECK(png->get_header_value("Content-Type") == "image/png");
  const std::size_t hostile = s.document(id, "说明'.docx");
  auto named = s.get("insp1", s.original(id, hostile));
  REQUIRE(named->status == 200);
  CHECK(named->body == s.archive.hostile);
  const std::string sent = raw_headers(s.srv->port(), s.original(id, hostile), s.cookies["insp1"]);
  CHECK(sent.find(
            "\r\nContent-Disposition: attachment; filename=\"document-" + std::to_string(hostile) +
            ".docx\"; filename*=UTF-8''15-%3Cimg%20src%3Dx%3E%22%E8%AF%B4%E6%98%8E%27.docx\r\n") !=
        std::string::npos);
}

TEST_CASE("an original is refused without a session, to another street and past the documents",
          "[serve][serve_case]") {
  Site& s = site();
  const long long id = s.nanshi();
  const std::string path = s.original(id, 1);
  CHECK(s.get("", path)->status == 401);
  CHECK(s.get("haizhuang", path)->status == 404);
  CHECK(s.get("insp1", s.original(id, 9999))->status == 404);
  CHECK(s.get("insp1", "/api/cases/" + std::to_string(id) + "/documents/0/original")->status ==
        404);
  CHECK(s.get("insp1", s.original(99999999, 1))->status == 404);
}

TEST_CASE("an archive changed on disk after its audit, or gone, is not served as the original",
          "[serve][serve_case]") {
  Site& s = site();
  const long long id = s.nanshi();
  const fs::path stored = s.dir.path / "data" / "uploads" / (sha256_hex(s.archive.zip) + ".zip");
  REQUIRE(fs::exists(stored));
  test::write_file(stored, s.archive.zip + "x");
  auto r = s.get("insp1", s.original(id, 1));
  test::write_file(stored, s.archive.zip);
  CHECK(r->status == 409);
  CHECK(r->body.find("已被更改") != std::string::npos);
  CHECK(s.get("insp1", s.original(id, 1))->status == 200);
  fs::rename(stored, stored.string() + ".away");
  auto gone = s.get("insp1", s.original(id, 1));
  fs::rename(stored.string() + ".away", stored);
  CHECK(gone->status == 404);
  CHECK(gone->body.find("已不在服务器上") != std::string::npos);
}

TEST_CASE("a dismissal through the API changes #case-score on the page", "[serve][serve_case]") {
  Site& s = site();
  const long long id = s.nanshi();
  const std::string page = "/cases/" + std::to_string(id);
  const std::string before = shown_score(s.get("insp1", page)->body);
  REQUIRE_FALSE(before.empty());
  auto posted = s.client().Post(
      ("/api/cases/" + std::to_string(id) + "/decisions").c_str(), s.change_headers("insp1"),
      json{{"finding", test::kNotice}, {"action", "dismiss"}, {"reason", "告知书另卷归档"}}.dump(),
      "application/json");
  REQUIRE(posted->status == 201);
  const std::string after = shown_score(s.get("insp1", page)->body);
  CHECK(after != before);
  CHECK(std::stod(after) > std::stod(before));
  CHECK(has(s.get("insp1", page), "告知书另卷归档"));
}

}  // namespace
}  // namespace auditor
