// The facts of one fictional case and the documents of its archive, shared by
// the document builders (docs_*.cc) and the archive packer (pack.cc).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace testdata {

struct Day {
  int y = 2024, m = 1, d = 1;
};
std::string cn(Day d);       // 2024年3月1日
std::string iso(Day d);      // 2024-03-01
std::string compact(Day d);  // 20240301, as archival catalogues write dates

struct Officer {
  std::string name;
  std::string cert;  // 执法证号
};

struct Party {
  std::string name;
  std::string id;  // credit code (organisation) or ID number (person)
  bool organisation = true;
  std::string address;
  std::string head;        // 法定代表人 / 经营者; for a person, the person
  std::string head_id;     // the head's ID number (interviewed in the inquiry)
  std::string head_title;  // 法定代表人 / 经营者
  std::string phone;
  std::string you() const { return organisation ? "你单位" : "你"; }
};

struct CaseSpec {
  std::string street;  // 赤岗
  std::string code;    // 街道代字: 赤岗, 南石...
  int serial = 0;      // case serial of 穗海{code}综执立〔2024〕N号
  std::string leader;  // approves forms
  std::vector<Officer> officers;
  Party party;
  std::string source;     // 案件来源 as written on the filing form
  std::string place;      // where the act happened
  std::string act;        // 案由 without 涉嫌/案, e.g. 擅自占用人行道摆放桌椅经营
  std::string facts;      // the violation as found, one sentence
  std::string admission;  // the party's account in the inquiry, first person
  std::vector<std::string> evidence;  // evidence list of the report and decision
  std::string violated;               // 《…》第十条第一款
  std::string basis;                  // penalty provision
  long fine = 0;
  bool statements = false;             // party made statements (陈述申辩)
  bool hearing = false;                // hearing-eligible and requested
  std::map<std::string, Day> dates;    // event -> day (see archives.cc)
  std::map<std::string, int> numbers;  // abbreviation (罚决...) -> serial

  std::string organ() const { return "广州市海珠区人民政府" + street + "街道办事处"; }
  std::string case_number() const;
  std::string doc_number(const std::string& abbr) const;  // 穗海{code}综执{abbr}〔2024〕N号
  Day day(const std::string& event) const;                // aborts on an unknown event
  std::string officers_line() const;  // 张三（执法证号：…）、李四（执法证号：…）
  std::string officer_names() const;  // 张三、李四
};

// One document of an archive.
struct Entry {
  std::string type;  // DocType id (see /tmp/doctypes.md)
  int stage = 0;
  std::string name;  // file name without folder and numbering prefix
  std::string data;
  std::string title;   // 题名 in the catalogue
  std::string number;  // 文号, empty for internal forms
  Day date;
  int pages = 1;
  bool sealed = false;   // bears the organ's seal
  bool numbered = true;  // gets the NN- prefix
};

}  // namespace testdata
