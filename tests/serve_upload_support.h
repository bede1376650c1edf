// What the upload and self-check tests of auditor serve share: a test server
// with a user of each role (two inspectors, three streets), requests as a
// user with or without the CSRF token, multipart uploads of named bytes and
// waiting for a job.
#pragma once

#include <httplib.h>

#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "tests/serve_support.h"

namespace auditor::test {

// An archive as the client sends it: its file name and bytes.
using Named = std::pair<std::string, std::string>;

inline Named testdata_archive(const std::string& name) {
  return {std::filesystem::path(name).filename().string(), read_file(kTestdata / name)};
}

struct UploadSite : TestServer {
  std::map<std::string, SignedIn> as;

  explicit UploadSite(server::ServerConfig c, const char* db_name)
      : TestServer({{"admin1", UserRole::admin, "", kServePassword},
                    {"insp1", UserRole::inspector, "", kServePassword},
                    {"insp2", UserRole::inspector, "", kServePassword},
                    {"nanshi", UserRole::street, "南石头", kServePassword},
                    {"chigang", UserRole::street, "赤岗", kServePassword},
                    {"haizhuang", UserRole::street, "海幢", kServePassword}},
                   std::move(c), db_name) {
    for (const char* u : {"admin1", "insp1", "insp2", "nanshi", "chigang", "haizhuang"})
      as[u] = sign_in(u);
  }
  // `user` "": no cookie; `csrf` false: the cookie without the token.
  httplib::Headers headers(const std::string& user, bool csrf = true) {
    httplib::Headers h;
    if (user.empty()) return h;
    h.emplace("Cookie", as[user].cookie);
    if (csrf) h.emplace("X-CSRF-Token", as[user].csrf);
    return h;
  }
  httplib::Result get(const std::string& user, const std::string& path) {
    return client().Get(path.c_str(), headers(user));
  }
  httplib::Result post(const std::string& user, const std::string& path,
                       const nlohmann::json& body = nlohmann::json::object(), bool csrf = true) {
    return client().Post(path.c_str(), headers(user, csrf), body.dump(), "application/json");
  }
  httplib::Result upload(const std::string& user, long long round, const std::vector<Named>& files,
                         bool csrf = true) {
    httplib::MultipartFormDataItems items;
    for (const auto& [name, bytes] : files)
      items.push_back({"archive", bytes, name, "application/zip"});
    return client().Post(("/api/rounds/" + std::to_string(round) + "/archives").c_str(),
                         headers(user, csrf), items);
  }
  long long create_round(const std::string& user, const std::string& name,
                         const std::string& mode) {
    auto r = post(user, "/api/rounds", {{"name", name}, {"mode", mode}});
    REQUIRE(r);
    REQUIRE(r->status == 201);
    return nlohmann::json::parse(r->body)["id"];
  }
  // The job a 202 answer names.
  static long long job_of(const httplib::Result& r) {
    REQUIRE(r);
    INFO(r->body);
    REQUIRE(r->status == 202);
    return nlohmann::json::parse(r->body)["job"];
  }
  nlohmann::json job(const std::string& user, long long id) {
    auto r = get(user, "/api/jobs/" + std::to_string(id));
    REQUIRE(r);
    REQUIRE(r->status == 200);
    return nlohmann::json::parse(r->body);
  }
  // Polls job `id` as `user` until it is no longer running.
  nlohmann::json wait(const std::string& user, long long id) {
    for (int i = 0; i < 1200; ++i) {
      nlohmann::json j = job(user, id);
      if (j["state"] != "running") return j;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    FAIL("job " << id << " did not finish");
    return {};
  }
  // The result of the archive sent as `name` in job `j`; null when none.
  static nlohmann::json result(const nlohmann::json& j, const std::string& name) {
    for (const nlohmann::json& c : j["cases"])
      if (c["name"] == name) return c;
    return nullptr;
  }
};

}  // namespace auditor::test
