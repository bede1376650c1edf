// Uploads and their jobs over real HTTP: each archive's result (the client's
// file name, case id, case number, score, the Chinese reason of a hostile
// archive) in GET /api/jobs/{id}, already while the job runs; hostile
// archives generated here mixed with testdata's good ones; the upload and
// job endpoints by role; the bounds of a request.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "store/run_lock.h"
#include "tests/review_support.h"
#include "tests/serve_upload_support.h"
#include "tests/zip_fixtures.h"

namespace auditor {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;
using test::Named;
using test::testdata_archive;
using testing::make_raw_zip;
using testing::make_zip;
using testing::Member;
using testing::RawMember;

const std::string kChigang = "穗海赤岗综执立〔2024〕12号";  // 01-complete-structured.zip
const std::string kEvil = "evil-upload-test.txt";
const std::string kHostileName = "<img src=x onerror=alert(1)>.zip";

server::ServerConfig limits() {
  server::ServerConfig c;
  c.max_body_bytes = 4 << 20;
  c.max_files = 8;
  return c;
}

std::string decision_docx() {
  return test::read_file(fs::path(AUDITOR_SOURCE_DIR) / "testdata" / "fixtures" / "decision.docx");
}

// Hostile archives, as the client names them.
std::vector<Named> hostile() {
  const std::string docx = decision_docx();
  REQUIRE_FALSE(docx.empty());
  std::vector<RawMember> many;
  for (int i = 0; i < 20001; ++i) many.emplace_back("e" + std::to_string(i));
  return {
      {"traversal.zip", make_zip({Member("../../" + kEvil, "owned"),
                                  Member("/tmp/" + kEvil, "owned"), Member("决定书.docx", docx)})},
      {"bomb.zip",
       make_zip({Member("bomb.xml", std::string(20 << 20, '\0')), Member("决定书.docx", docx)})},
      {"entries.zip", make_raw_zip(many)},
      {kHostileName, "这不是压缩包，只是一段文字。\n"}};
}

// One server for the file: insp1's round "上传轮" holding 01 and 03
// (uploaded at start), and a street's self-check round of 南石头.
struct Jobs : test::UploadSite {
  long long round = 0, self_check = 0, first_job = 0;
  Jobs() : UploadSite(limits(), "jobs.db") {
    round = create_round("insp1", "上传轮", "inspection");
    first_job = job_of(upload("insp1", round,
                              {testdata_archive("01-complete-structured.zip"),
                               testdata_archive("03-missing-notice-bare.zip")}));
    REQUIRE(wait("insp1", first_job)["state"] == "done");
    auto made = post("nanshi", "/api/self-check/round");
    REQUIRE(made->status == 200);
    self_check = json::parse(made->body)["id"];
  }
};

Jobs& site() {
  static Jobs s;
  return s;
}

TEST_CASE(
    "hostile archives mixed with good ones: each gets its result and Chinese reason, the batch "
    "goes on and nothing is written outside",
    "[serve][serve_upload]") {
  Jobs& s = site();
  std::vector<Named> files = hostile();
  files.insert(files.begin() + 2, testdata_archive("01-complete-structured.zip"));
  files.push_back(testdata_archive("03-missing-notice-bare.zip"));
  const json j = s.wait("insp1", Jobs::job_of(s.upload("insp1", s.round, files)));
  INFO(j.dump(2));
  CHECK(j["state"] == "done");
  CHECK(j["kind"] == "upload");
  CHECK(j["total"] == files.size());
  CHECK(j["done"] == files.size());
  REQUIRE(j["cases"].size() == files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    const json& c = j["cases"][i];
    CHECK(c["index"] == i);
    CHECK(c["name"] == files[i].first);
    CHECK(c["sha256"].get<std::string>().size() == 64);
    CHECK(c["case"].is_number_integer());  // every archive is stored, the rejected ones too
  }
  auto issues = [&](const std::string& name) { return Jobs::result(j, name)["issues"].dump(); };
  CHECK(Jobs::result(j, "traversal.zip")["status"] == "audited");
  CHECK(issues("traversal.zip").find("文件名含“..”路径") != std::string::npos);
  CHECK(issues("traversal.zip").find("文件名是绝对路径") != std::string::npos);
  CHECK(issues("bomb.zip").find("疑似压缩炸弹") != std::string::npos);
  const json entries = Jobs::result(j, "entries.zip");
  CHECK(entries["status"] == "rejected");
  CHECK(entries["error"].get<std::string>().find("超过上限 20000 个") != std::string::npos);
  const json not_zip = Jobs::result(j, kHostileName);
  CHECK(not_zip["status"] == "rejected");
  CHECK(not_zip["error"].get<std::string>().find("不是有效的 ZIP 压缩包") != std::string::npos);
  CHECK(not_zip["score"].is_null());
  const json good = Jobs::result(j, "01-complete-structured.zip");
  CHECK(good["status"] == "audited");
  CHECK(good["case_number"] == kChigang);
  CHECK(good["score"].is_number());
  CHECK(good["grade"].is_string());
  CHECK(Jobs::result(j, "03-missing-notice-bare.zip")["case_number"] == test::kNanshi);
  // The case ids lead to the stored cases.
  auto shown = s.get("insp1", "/api/cases/" + std::to_string(good["case"].get<long long>()));
  REQUIRE(shown->status == 200);
  CHECK(json::parse(shown->body)["case_number"] == kChigang);
  // No member and no client name became a file: uploads are named by digest.
  CHECK_FALSE(fs::exists(s.dir.path / kEvil));
  CHECK_FALSE(fs::exists("/tmp/" + kEvil));
  for (const auto& f : fs::recursive_directory_iterator(s.dir.path / "data"))
    if (f.is_regular_file()) CHECK(f.path().filename().string().size() == 64 + 4);
}

TEST_CASE("an archive's result is in the job as soon as it is done, before the job ends",
          "[serve][serve_upload]") {
  Jobs& s = site();
  long long id = 0;
  {
    // The audit cannot start while the lock is held; the self-check screen
    // runs before it, so the other street's archive lands first.
    Result<RunLock> writer = RunLock::acquire(s.db);
    REQUIRE(writer);
    id = Jobs::job_of(s.upload("nanshi", s.self_check,
                               {testdata_archive("01-complete-structured.zip"),
                                testdata_archive("03-missing-notice-bare.zip")}));
    json j;
    for (int i = 0; i < 600 && (j.empty() || j["done"] == 0); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      j = s.job("nanshi", id);
    }
    INFO(j.dump(2));
    CHECK(j["state"] == "running");
    CHECK(j["done"] == 1);
    CHECK(j["total"] == 2);
    REQUIRE(j["cases"].size() == 1);
    CHECK(j["cases"][0]["name"] == "01-complete-structured.zip");
    CHECK(j["cases"][0]["status"] == "rejected");
    CHECK(j["cases"][0]["error"].get<std::string>().find("赤岗") != std::string::npos);
    CHECK(j["cases"][0]["case"].is_null());
  }
  const json done = s.wait("nanshi", id);
  INFO(done.dump(2));
  CHECK(done["state"] == "done");
  const json own = Jobs::result(done, "03-missing-notice-bare.zip");
  CHECK(own["status"] == "audited");
  CHECK(own["case_number"] == test::kNanshi);
  CHECK(own["case"].is_number_integer());
}

TEST_CASE("the upload endpoint by role: 401, 403 without CSRF or for a street, 404 outside",
          "[serve][serve_upload]") {
  Jobs& s = site();
  const std::vector<Named> one{testdata_archive("03-missing-notice-bare.zip")};
  CHECK(s.upload("", s.round, one)->status == 401);
  CHECK(s.upload("insp1", s.round, one, false)->status == 403);
  CHECK(s.upload("insp2", s.round, one)->status == 404);         // not his round
  CHECK(s.upload("nanshi", s.round, one)->status == 403);        // sees its case, may not upload
  CHECK(s.upload("haizhuang", s.round, one)->status == 404);     // sees nothing there
  CHECK(s.upload("chigang", s.self_check, one)->status == 404);  // another street's round
  CHECK(s.upload("insp1", s.self_check, one)->status == 404);    // a street's own round
  CHECK(s.upload("insp1", 999999, one)->status == 404);
  auto street = s.upload("nanshi", s.round, one);
  CHECK(!test::error_of(street).empty());
  // The admin may upload into a street's round; the street's screen applies.
  const json j =
      s.wait("admin1", Jobs::job_of(s.upload("admin1", s.self_check,
                                             {testdata_archive("01-complete-structured.zip")})));
  CHECK(j["cases"][0]["status"] == "rejected");
  // Not multipart, or no archive in it: 400.
  CHECK(s.post("insp1", "/api/rounds/" + std::to_string(s.round) + "/archives")->status == 400);
  httplib::MultipartFormDataItems other{{"note", "x", "", "text/plain"}};
  auto none = s.client().Post(("/api/rounds/" + std::to_string(s.round) + "/archives").c_str(),
                              s.headers("insp1"), other);
  CHECK(none->status == 400);
}

TEST_CASE("a job is seen by whoever submitted it and the admin, 401 without a session",
          "[serve][serve_upload]") {
  Jobs& s = site();
  const std::string path = "/api/jobs/" + std::to_string(s.first_job);
  CHECK(s.get("", path)->status == 401);
  CHECK(s.get("insp1", path)->status == 200);
  CHECK(s.get("admin1", path)->status == 200);
  CHECK(s.get("insp2", path)->status == 404);
  CHECK(s.get("nanshi", path)->status == 404);
  CHECK(s.get("insp1", "/api/jobs/999999")->status == 404);
}

TEST_CASE("a body over the limit is 413 with a Chinese reason, and so are too many archives",
          "[serve][serve_upload]") {
  Jobs& s = site();
  auto big = s.upload("insp1", s.round, {{"big.zip", std::string(5 << 20, 'x')}});
  REQUIRE(big);
  CHECK(big->status == 413);
  CHECK(test::error_of(big).find("大小上限") != std::string::npos);
  std::vector<Named> nine(9, testdata_archive("06-not-a-zip.zip"));
  auto many = s.upload("insp1", s.round, nine);
  CHECK(many->status == 413);
  CHECK(test::error_of(many).find("最多上传 8 个") != std::string::npos);
  // Nothing half-received is left behind.
  for (const auto& f : fs::directory_iterator(s.dir.path / "data" / "uploads"))
    CHECK(f.path().extension() == ".zip");
}

}  // namespace
}  // namespace auditor
