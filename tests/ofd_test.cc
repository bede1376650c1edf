// parse_ofd on the real OFD samples (read in place from AUDITOR_REALDATA)
// and on packages built here with libzip: tampered, broken and odd ones.
#include <openssl/evp.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "importers/formats.h"
#include "importers/ofd_seal.h"
#include "tests/zip_fixtures.h"
#include "util/hash.h"

namespace auditor {
namespace {

struct Parsed {
  Status status;
  Document doc;
};

Parsed parse_bytes(const std::string& bytes) {
  Parsed p;
  p.status = parse_ofd(bytes, ZipLimits{}, p.doc);
  return p;
}

Parsed parse_sample(const std::string& name) {
  const std::string path = std::string(AUDITOR_REALDATA) + "/ofd/" + name;
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  std::stringstream ss;
  ss << in.rdbuf();
  return parse_bytes(ss.str());
}

bool contains(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

// ---- crafted packages ----------------------------------------------------

using Parts = std::vector<std::pair<std::string, std::string>>;

std::string zip_of(const Parts& parts) {
  std::vector<testing::Member> members;
  for (const auto& [name, data] : parts) members.push_back({name, data});
  return testing::make_zip(members);
}

const std::string kHead = R"(<?xml version="1.0" encoding="UTF-8"?>)";

std::string entry_xml(const std::string& doc_root, const std::string& extra = "") {
  return kHead + R"(<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0"><ofd:DocBody>)" +
         R"(<ofd:DocInfo><ofd:Title>处罚决定</ofd:Title><ofd:Author>执法队</ofd:Author>)" +
         R"(<ofd:CustomDatas><ofd:CustomData Name="案号">穗海赤岗综执罚决〔2024〕3号</ofd:CustomData>)" +
         R"(</ofd:CustomDatas></ofd:DocInfo><ofd:DocRoot>)" + doc_root + "</ofd:DocRoot>" + extra +
         "</ofd:DocBody></ofd:OFD>";
}

// Pages as (ID, BaseLoc); `common` goes inside CommonData.
std::string document_xml(const std::vector<std::pair<std::string, std::string>>& pages,
                         const std::string& common = "") {
  std::string out = kHead + R"(<ofd:Document xmlns:ofd="http://www.ofdspec.org/2016">)" +
                    "<ofd:CommonData>" + common + "</ofd:CommonData><ofd:Pages>";
  for (const auto& [id, loc] : pages)
    out += R"(<ofd:Page ID=")" + id + R"(" BaseLoc=")" + loc + R"("/>)";
  return out + "</ofd:Pages></ofd:Document>";
}

struct Placed {
  std::string chars;
  double x = 20;
  double y = 30;
};

// DeltaX giving every glyph a 5 mm advance (the font size).
std::string delta_x(const std::string& utf8) {
  std::string out;
  int glyphs = 0;
  for (unsigned char c : utf8) glyphs += (c & 0xC0) != 0x80;
  for (int i = 1; i < glyphs; ++i) out += i > 1 ? " 5" : "5";
  return out;
}

std::string page_xml(const std::vector<Placed>& texts, const std::string& templates = "") {
  std::string out = kHead + R"(<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016">)" + templates +
                    R"(<ofd:Content><ofd:Layer ID="2">)";
  int id = 10;
  for (const Placed& t : texts) {
    out += R"(<ofd:TextObject ID=")" + std::to_string(id++) + R"(" Boundary=")" +
           std::to_string(t.x) + " " + std::to_string(t.y) +
           R"( 100 8" Font="3" Size="5"><ofd:TextCode X="0" Y="4" DeltaX=")" + delta_x(t.chars) +
           R"(">)" + t.chars + "</ofd:TextCode></ofd:TextObject>";
  }
  return out + "</ofd:Layer></ofd:Content></ofd:Page>";
}

std::string digest_b64(const char* algorithm, std::string_view bytes) {
  Hasher h(algorithm);
  h.update(bytes);
  const std::string raw = h.finish_raw();
  std::string out(4 * ((raw.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(raw.data()),
                                static_cast<int>(raw.size()));
  out.resize(n);
  return out;
}

// One DER element (short or two-byte long form lengths are enough here).
std::string der(unsigned char tag, const std::string& body) {
  std::string out(1, static_cast<char>(tag));
  if (body.size() < 0x80) {
    out += static_cast<char>(body.size());
  } else {
    out += static_cast<char>(0x82);
    out += static_cast<char>(body.size() >> 8);
    out += static_cast<char>(body.size() & 0xFF);
  }
  return out + body;
}

// The SESeal shape: SEQ{ SealInfo{ header, esID, property{ type, name } } }.
std::string seal_der(const std::string& name) {
  const std::string header = der(0x30, der(0x16, "ES") + der(0x02, "\x04"));
  const std::string property = der(0x30, der(0x02, "\x01") + der(0x0C, name));
  return der(0x30, der(0x30, header + der(0x16, "seal-1") + property));
}

const std::string kSealName = "广州市海珠区人民政府赤岗街道办事处";

// A one-page document signed with `method` over Document.xml and the page.
// Signatures.xml sits beside Document.xml and OFD.xml does not name it.
// With `tamper`, the stored page differs from the one that was signed.
std::string signed_ofd(const std::string& method, const char* algorithm, bool tamper) {
  const std::string doc = document_xml({{"1", "Pages/Page_0/Content.xml"}});
  const std::string page = page_xml({{"行政处罚决定书"}, {"罚款人民币3000元", 20, 50}});
  const std::string signature =
      kHead + R"(<ofd:Signature xmlns:ofd="http://www.ofdspec.org/2016"><ofd:SignedInfo>)" +
      R"(<ofd:Provider ProviderName="测试签章系统"/><ofd:SignatureDateTime>2024-03-05 10:00:00)" +
      R"(</ofd:SignatureDateTime><ofd:References CheckMethod=")" + method + R"(">)" +
      R"(<ofd:Reference FileRef="/Doc_0/Document.xml"><ofd:CheckValue>)" +
      digest_b64(algorithm, doc) + "</ofd:CheckValue></ofd:Reference>" +
      R"(<ofd:Reference FileRef="/Doc_0/Pages/Page_0/Content.xml"><ofd:CheckValue>)" +
      digest_b64(algorithm, page) + "</ofd:CheckValue></ofd:Reference></ofd:References>" +
      R"(<ofd:StampAnnot ID="9" PageRef="1" Boundary="50 50 40 40"/>)" +
      "<ofd:Seal><ofd:BaseLoc>Seal.esl</ofd:BaseLoc></ofd:Seal></ofd:SignedInfo>" +
      "<ofd:SignedValue>SignedValue.dat</ofd:SignedValue></ofd:Signature>";
  const std::string list = kHead + R"(<ofd:Signatures xmlns:ofd="http://www.ofdspec.org/2016">)" +
                           R"(<ofd:Signature ID="7" BaseLoc="Signs/Sign_0/Signature.xml"/>)" +
                           "</ofd:Signatures>";
  std::string stored_page = page;
  if (tamper) stored_page.replace(stored_page.find("3000"), 4, "300");
  return zip_of({{"OFD.xml", entry_xml("/Doc_0/Document.xml")},
                 {"Doc_0/Document.xml", doc},
                 {"Doc_0/Pages/Page_0/Content.xml", stored_page},
                 {"Doc_0/Signatures.xml", list},
                 {"Doc_0/Signs/Sign_0/Signature.xml", signature},
                 {"Doc_0/Signs/Sign_0/Seal.esl", seal_der(kSealName)}});
}

// ---- real samples -----------------------------------------------------------

TEST_CASE("minimal OFD yields its one line of text and DocInfo metadata", "[ofd]") {
  Parsed p = parse_sample("ofdrw-reader__helloworld.ofd");
  REQUIRE(p.status.ok());
  CHECK(p.doc.has_text);
  CHECK(p.doc.text == "你好呀，OFD Reader&Writer！\n");
  CHECK(p.doc.pages == 1);
  CHECK(p.doc.signatures.empty());
  CHECK(p.doc.metadata["creator"] == "OFD R&W");
  CHECK(p.doc.metadata["doc_id"] == "220c5913ebfe4f6e8070dabd3647f157");
}

TEST_CASE("mixed absolute and relative page paths with template pages yield every page", "[ofd]") {
  Parsed p = parse_sample("ofdrw-reader__path_unstd.ofd");
  REQUIRE(p.status.ok());
  CHECK(p.doc.pages == 2);
  CHECK(p.doc.has_text);
  CHECK(contains(p.doc.text, "立案决定书\n"));                          // page 1
  CHECK(contains(p.doc.text, "\n根据《中华人民共和国刑事诉讼法》第"));  // page 1
  // page 2 (relative): label and value touch (the form's rule between them
  // is a path), so they join as poppler would join them
  CHECK(contains(p.doc.text, "\n案件名称 测试数据AJMC\n"));
  CHECK(contains(p.doc.text, "址测试数据ZZ\n"));  // last object, laid out on its row
  CHECK(p.doc.metadata["author"] == "Administrator");
  CHECK(p.doc.metadata["creator_version"] == "3.2.0.272");
  CHECK(p.doc.metadata["custom:元数据名称_2"] == "立案决定书");
}

TEST_CASE("re-serialized iOFD seal with OID CheckMethod is found but not intact", "[ofd]") {
  Parsed p = parse_sample("ofdrw-converter__n.ofd");
  REQUIRE(p.status.ok());
  CHECK(p.doc.pages == 2);
  CHECK(contains(p.doc.text, "路卫发〔2011〕76号\n"));
  // the issuing line: office at the left, date at the right, far apart
  CHECK(contains(p.doc.text, "\n测试符路桥区卫生局办公室\t2011年3月10日印发\n"));
  REQUIRE(p.doc.signatures.size() == 1);
  const Signature& s = p.doc.signatures[0];
  CHECK(s.id == "0");
  CHECK(s.type == "Seal");  // no Type attribute: the default
  CHECK(s.page == 2);       // PageRef 1021 is the second page
  CHECK(s.time == "2020-01-25 15:31:56");
  CHECK(s.provider == "iOFD® 2.1.1 ©2019-2020 dms360.cn");  // child element
  CHECK(s.seal_name == "某某省人力资源和社会测试章");
  CHECK(s.references == 6);
  CHECK(s.digests_ok == 0);
  CHECK_FALSE(s.intact());
}

TEST_CASE("SES V4 seal over unchanged files is intact", "[ofd]") {
  Parsed p = parse_sample("ofdrw-reader__SESV4SignDoc.ofd");
  REQUIRE(p.status.ok());
  CHECK(p.doc.text == "你好呀，OFD Reader&Writer！\n");
  REQUIRE(p.doc.signatures.size() == 1);
  const Signature& s = p.doc.signatures[0];
  CHECK(s.id == "1");
  CHECK(s.type == "Seal");
  CHECK(s.page == 1);
  CHECK(s.provider == "ofdrw-sign");
  CHECK(s.time == "2026-08-04 10:08:09");
  CHECK(s.seal_name == "OFD R&W 测试用印章");
  CHECK(s.references == 5);
  CHECK(s.digests_ok == 5);
  CHECK(s.intact());
}

TEST_CASE("vector-only OFD has no extractable text but keeps its two seals", "[ofd]") {
  Parsed p = parse_sample("ofdrw-converter__h.ofd");
  REQUIRE(p.status.ok());
  CHECK_FALSE(p.doc.has_text);
  CHECK(p.doc.text.empty());
  CHECK(p.doc.pages == 5);
  REQUIRE(p.doc.signatures.size() == 2);
  CHECK(p.doc.signatures[0].id == "s001");
  CHECK(p.doc.signatures[0].page == 1);  // riding seal: first stamp's page
  CHECK(p.doc.signatures[0].references == 9);
  CHECK(p.doc.signatures[0].digests_ok == 8);  // Signatures.xml rewritten by the 2nd seal
  CHECK(p.doc.signatures[1].id == "s007");
  CHECK(p.doc.signatures[1].references == 11);
  CHECK(p.doc.signatures[1].digests_ok == 11);
  CHECK(p.doc.signatures[1].intact());
}

TEST_CASE("Chinese zip member names inside an OFD do not disturb reading", "[ofd]") {
  Parsed p = parse_sample("ofdrw-reader__chineseDir.ofd");
  REQUIRE(p.status.ok());
  CHECK(p.doc.text == "你好呀，OFD Reader&Writer！\n");
  CHECK(p.doc.pages == 1);
}

TEST_CASE("OFD with the namespace URI lacking /2016 is read by local names", "[ofd]") {
  Parsed p = parse_sample("ofdrw-sign__namespace_no_std.ofd");
  REQUIRE(p.status.ok());
  CHECK(p.doc.has_text);
  CHECK(p.doc.text == "你好呀，OFD Reader&Writer！\n");
  CHECK(p.doc.metadata["creator"] == "OFD R&W");
}

// ---- crafted packages -------------------------------------------------------

TEST_CASE("seal over a tampered page has fewer matching digests than references", "[ofd]") {
  Parsed p = parse_bytes(signed_ofd("1.2.156.10197.1.401", "SM3", true));
  REQUIRE(p.status.ok());
  CHECK(contains(p.doc.text, "罚款人民币300元"));
  REQUIRE(p.doc.signatures.size() == 1);  // found beside Document.xml, unreferenced
  const Signature& s = p.doc.signatures[0];
  CHECK(s.id == "7");
  CHECK(s.type == "Seal");
  CHECK(s.page == 1);
  CHECK(s.provider == "测试签章系统");
  CHECK(s.seal_name == kSealName);
  CHECK(s.references == 2);
  CHECK(s.digests_ok == 1);
  CHECK_FALSE(s.intact());
}

TEST_CASE("seal over untouched files is intact with SM3 and SHA256 CheckMethods", "[ofd]") {
  for (const auto& [method, algorithm] :
       std::vector<std::pair<std::string, const char*>>{{"SM3", "SM3"},
                                                        {"1.2.156.10197.1.401.1", "SM3"},
                                                        {"SHA256", "SHA256"},
                                                        {"2.16.840.1.101.3.4.2.1", "SHA256"}}) {
    INFO(method);
    Parsed p = parse_bytes(signed_ofd(method, algorithm, false));
    REQUIRE(p.doc.signatures.size() == 1);
    CHECK(p.doc.signatures[0].digests_ok == 2);
    CHECK(p.doc.signatures[0].intact());
  }
}

TEST_CASE("digests under an unknown CheckMethod are not counted as matching", "[ofd]") {
  Parsed p = parse_bytes(signed_ofd("MD5", "MD5", false));
  REQUIRE(p.doc.signatures.size() == 1);
  CHECK(p.doc.signatures[0].references == 2);
  CHECK(p.doc.signatures[0].digests_ok == 0);
}

TEST_CASE("package without OFD.xml is rejected with a Chinese reason", "[ofd]") {
  Parsed p = parse_bytes(zip_of({{"Doc_0/Document.xml", document_xml({})}}));
  REQUIRE_FALSE(p.status.ok());
  CHECK(p.status.reason == "OFD 文件损坏：找不到 OFD.xml");
  CHECK_FALSE(p.doc.has_text);
}

TEST_CASE("bytes that are not a zip are rejected as a damaged OFD", "[ofd]") {
  Parsed p = parse_bytes("<ofd:OFD/> is not a zip");
  REQUIRE_FALSE(p.status.ok());
  CHECK(contains(p.status.reason, "OFD 文件损坏"));
}

TEST_CASE("DocRoot naming a missing Document.xml is rejected", "[ofd]") {
  Parsed p = parse_bytes(zip_of({{"OFD.xml", entry_xml("/Doc_0/Document.xml")}}));
  REQUIRE_FALSE(p.status.ok());
  CHECK(contains(p.status.reason, "OFD 文件损坏：找不到 Document.xml"));
}

TEST_CASE("malformed Document.xml is rejected with the part named", "[ofd]") {
  Parsed p = parse_bytes(zip_of({{"OFD.xml", entry_xml("Doc_0/Document.xml")},
                                 {"Doc_0/Document.xml", "<ofd:Document><ofd:Pages>"}}));
  REQUIRE_FALSE(p.status.ok());
  CHECK(contains(p.status.reason, "Doc_0/Document.xml 不是有效的 XML"));
}

TEST_CASE("a missing page is reported while the other pages are kept", "[ofd]") {
  Parsed p =
      parse_bytes(zip_of({{"OFD.xml", entry_xml("/Doc_0/Document.xml")},
                          {"Doc_0/Document.xml", document_xml({{"1", "Pages/Page_0/Content.xml"},
                                                               {"2", "Pages/Page_1/Content.xml"}})},
                          {"Doc_0/Pages/Page_0/Content.xml", page_xml({{"询问笔录"}})}}));
  REQUIRE_FALSE(p.status.ok());
  CHECK(contains(p.status.reason, "OFD 文件有部分内容未能读取"));
  CHECK(contains(p.status.reason, "第 2 页"));
  CHECK(p.doc.pages == 2);
  CHECK(p.doc.text == "询问笔录\n\f\n");  // page 2 unread: its mark only
  CHECK(p.doc.has_text);
}

TEST_CASE("backslash, dot-slash and missing-root-slash locations are resolved", "[ofd]") {
  Parsed p = parse_bytes(
      zip_of({{"OFD.xml", entry_xml("./Doc_0\\Document.xml")},
              {"Doc_0/Document.xml", document_xml({{"1", "Pages\\Page_0\\Content.xml"},
                                                   {"2", "Doc_0/Pages/Page_1/Content.xml"},
                                                   {"3", "./Pages/../Pages/Page_2/Content.xml"}})},
              {"Doc_0/Pages/Page_0/Content.xml", page_xml({{"第一页"}})},
              {"Doc_0/Pages/Page_1/Content.xml", page_xml({{"第二页"}})},
              {"Doc_0/Pages/Page_2/Content.xml", page_xml({{"第三页"}})}}));
  REQUIRE(p.status.ok());
  CHECK(p.doc.text == "第一页\n\f第二页\n\f第三页\n");  // pages marked as a PDF's
  CHECK(p.doc.metadata["title"] == "处罚决定");
  CHECK(p.doc.metadata["custom:案号"] == "穗海赤岗综执罚决〔2024〕3号");
}

TEST_CASE("template text is placed before or after the page content by ZOrder", "[ofd]") {
  const std::string common =
      R"(<ofd:TemplatePage ID="5" BaseLoc="Tpl/Head.xml"/>)"
      R"(<ofd:TemplatePage ID="6" BaseLoc="/Doc_0/Tpl/Foot.xml" ZOrder="Foreground"/>)";
  const std::string uses =
      R"(<ofd:Template TemplateID="6"/><ofd:Template TemplateID="5" ZOrder="Background"/>)";
  Parsed p = parse_bytes(
      zip_of({{"OFD.xml", entry_xml("Doc_0/Document.xml")},
              {"Doc_0/Document.xml", document_xml({{"1", "Pages/Page_0/Content.xml"}}, common)},
              {"Doc_0/Pages/Page_0/Content.xml", page_xml({{"正文", 20, 100}}, uses)},
              {"Doc_0/Tpl/Head.xml", page_xml({{"广州市海珠区人民政府", 20, 10}})},
              {"Doc_0/Tpl/Foot.xml", page_xml({{"第1页", 20, 280}})}}));
  REQUIRE(p.status.ok());
  CHECK(p.doc.text == "广州市海珠区人民政府\n正文\n第1页\n");
}

TEST_CASE("text codes on one baseline share a line and a wide gap separates cells", "[ofd]") {
  Parsed p =
      parse_bytes(zip_of({{"OFD.xml", entry_xml("Doc_0/Document.xml")},
                          {"Doc_0/Document.xml", document_xml({{"1", "Pages/Page_0/Content.xml"}})},
                          {"Doc_0/Pages/Page_0/Content.xml", page_xml({{"当事人：", 20, 40},
                                                                       {"张三", 40, 40.3},
                                                                       {"身份证号", 150, 40},
                                                                       {"地址", 20, 50}})}}));
  REQUIRE(p.status.ok());
  CHECK(p.doc.text == "当事人：张三\t身份证号\n地址\n");
}

TEST_CASE("a signature whose Signature.xml is missing is kept as not intact", "[ofd]") {
  const std::string list =
      kHead + R"(<Signatures xmlns="http://www.ofdspec.org/2016">)" +
      R"(<Signature ID="1" Type="Sign" BaseLoc="/Doc_0/Signs/S/Signature.xml"/>)" + "</Signatures>";
  Parsed p = parse_bytes(
      zip_of({{"OFD.xml", entry_xml("Doc_0/Document.xml",
                                    "<ofd:Signatures>/Doc_0/Signs.xml</ofd:Signatures>")},
              {"Doc_0/Document.xml", document_xml({{"1", "Pages/Page_0/Content.xml"}})},
              {"Doc_0/Pages/Page_0/Content.xml", page_xml({{"结案审批表"}})},
              {"Doc_0/Signs.xml", list}}));
  REQUIRE_FALSE(p.status.ok());
  CHECK(contains(p.status.reason, "签章 1 无法读取"));
  CHECK(p.doc.text == "结案审批表\n");
  REQUIRE(p.doc.signatures.size() == 1);
  CHECK(p.doc.signatures[0].type == "Sign");
  CHECK(p.doc.signatures[0].references == 0);
  CHECK_FALSE(p.doc.signatures[0].intact());
}

TEST_CASE("seal name is read from Seal.esl or from the seal inside SignedValue", "[ofd]") {
  const std::string seal = seal_der(kSealName);
  CHECK(ofd::seal_name_from_der(seal) == kSealName);
  // SES_Signature { TBS_Sign { version, SESeal, ... }, ... }
  const std::string signed_value = der(0x30, der(0x30, der(0x02, "\x04") + seal));
  CHECK(ofd::seal_name_from_der(signed_value) == kSealName);
  CHECK_FALSE(ofd::seal_name_from_der(seal.substr(0, seal.size() - 3)));  // truncated
  CHECK_FALSE(ofd::seal_name_from_der("not DER at all"));
}

}  // namespace
}  // namespace auditor
