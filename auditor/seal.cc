// Rule kind seal (docs/formats/checklist.md, "seal"). Param `check`:
//   ofd_intact   each OFD document of `documents` carries a Seal signature
//                and every seal's digests match (Signature::intact()).
//   organ_match  each readable OFD seal name is a seal of the case's street in
//                the register (any street's when the street is unknown); an
//                unreadable name is a manual check.
//   register     each seal name a manifest declares (Document::seal) is in
//                the register for the case's street.
//   subject      no seal (OFD or declared) is in the name of an internal unit
//                (register <internal-unit> endings, e.g. 执法队). organ_match
//                and register leave such names to this check.
//   manual       documents of `documents` in `formats` (default docx, pdf,
//                image) are listed once in a manual_check item whose message
//                is the rule's, {documents} filled in.
// The case's street: CaseInfo::street, else the one register street whose
// code occurs in the case number.
#include <algorithm>

#include "auditor/kind_helpers.h"
#include "auditor/rule_kinds.h"

namespace auditor {
namespace {

const char* const kChecks[] = {"ofd_intact", "organ_match", "register", "subject", "manual"};

bool is_internal_unit(const std::string& name, const SealRegister& reg) {
  const std::string n = fold(name);
  return std::any_of(
      reg.internal_units.begin(), reg.internal_units.end(), [&](const std::string& u) {
        const std::string s = fold(u);
        return n.size() >= s.size() && n.compare(n.size() - s.size(), s.size(), s) == 0;
      });
}

const StreetSeals* case_street(const Case& c, const SealRegister& reg) {
  if (c.info.street) {
    const std::string s = fold(*c.info.street);
    for (const StreetSeals& st : reg.streets) {
      const std::string name = fold(st.street);
      if (s.rfind(name, 0) != 0) continue;
      const std::string rest = s.substr(name.size());
      if (rest.empty() || rest == "街" || rest == "街道" || rest == "街道办事处") return &st;
    }
  }
  const StreetSeals* found = nullptr;
  if (c.info.case_number)
    for (const StreetSeals& st : reg.streets)
      if (fold(*c.info.case_number).find(fold(st.code)) != std::string::npos) {
        if (found) return nullptr;  // ambiguous
        found = &st;
      }
  return found;
}

// Whether `name` is a registered seal of `street` (of any street when null).
bool registered(const std::string& name, const StreetSeals* street, const SealRegister& reg) {
  const std::string n = fold(name);
  for (const StreetSeals& st : reg.streets) {
    if (street && &st != street) continue;
    for (const std::string& s : st.names)
      if (fold(s) == n) return true;
  }
  return false;
}

std::string expected_names(const StreetSeals* street) {
  if (!street) return "登记表中任一街道的印章";
  std::string out;
  for (const std::string& s : street->names) out += (out.empty() ? "“" : "”或“") + s;
  return out + "”";
}

Finding seal_finding(const Rule& r, const RuleContext& ctx, const Document& d,
                     const std::string& seal, const std::string& problem) {
  Finding f = finding_for(r, "seal");
  f.document = d.type;
  f.stage = d.stage;
  f.message = fill_message(
      r.message, {{"document", doc_label(ctx.checklist, d)}, {"seal", seal}, {"problem", problem}});
  f.evidence = {doc_label(ctx.checklist, d) + "：" +
                (seal.empty() ? "无电子印章" : "印章“" + seal + "”")};
  return f;
}

std::string digest_problem(const Signature& s) {
  if (s.intact()) return {};
  return "电子印章（" + s.seal_name.value_or("名称无法读取") + "）摘要校验未通过（" +
         std::to_string(s.digests_ok) + "/" + std::to_string(s.references) +
         " 项一致），文件可能在盖章后被修改或印章数据损坏";
}

Outcome ofd_intact(const Rule& r, const RuleContext& ctx, const std::vector<const Document*>& docs,
                   std::vector<Finding>& out) {
  Outcome o = Outcome::not_applicable;
  for (const Document* d : docs) {
    if (d->format != "ofd") continue;
    if (o == Outcome::not_applicable) o = Outcome::passed;
    std::vector<const Signature*> seals;
    for (const Signature& s : d->signatures)
      if (s.type == "Seal") seals.push_back(&s);
    if (seals.empty()) {
      out.push_back(seal_finding(r, ctx, *d, "", "未加盖电子印章"));
      o = Outcome::failed;
    }
    for (const Signature* s : seals)
      if (std::string problem = digest_problem(*s); !problem.empty()) {
        Finding f = seal_finding(r, ctx, *d, s->seal_name.value_or(""), problem);
        f.evidence.push_back("签名 " + s->id + "：引用 " + std::to_string(s->references) +
                             " 项，摘要一致 " + std::to_string(s->digests_ok) + " 项");
        out.push_back(std::move(f));
        o = Outcome::failed;
      }
  }
  return o;
}

// The seal names to judge: OFD seal names (`ofd`) or manifest declarations.
struct Named {
  const Document* document;
  std::string name;
  bool from_ofd;
};

std::vector<Named> seal_names(const std::vector<const Document*>& docs, bool ofd, bool declared) {
  std::vector<Named> out;
  for (const Document* d : docs) {
    if (ofd && d->format == "ofd")
      for (const Signature& s : d->signatures)
        if (s.type == "Seal") out.push_back({d, s.seal_name.value_or(""), true});
    if (declared && d->seal) out.push_back({d, *d->seal, false});
  }
  return out;
}

Outcome organ_or_register(const Rule& r, const RuleContext& ctx, std::vector<Named> names,
                          std::vector<Finding>& out) {
  const SealRegister& reg = ctx.checklist.seals;
  const StreetSeals* street = case_street(ctx.c, reg);
  Outcome o = names.empty() ? Outcome::not_applicable : Outcome::passed;
  for (const Named& n : names) {
    if (n.name.empty()) {
      Finding m = manual_finding(r, doc_label(ctx.checklist, *n.document) +
                                        "的电子印章名称无法读取，请人工核对印章与落款机关一致");
      m.document = n.document->type;
      m.stage = n.document->stage;
      out.push_back(std::move(m));
      if (o != Outcome::failed) o = Outcome::not_checkable;
      continue;
    }
    if (is_internal_unit(n.name, reg) || registered(n.name, street, reg)) continue;
    Finding f = seal_finding(r, ctx, *n.document, n.name,
                             "与办案机关的登记印章（" + expected_names(street) + "）不符");
    f.evidence.push_back(std::string("印章名称来源：") +
                         (n.from_ofd ? "OFD 电子印章" : "案卷清单声明"));
    if (street) f.evidence.push_back("办案街道：" + street->street);
    out.push_back(std::move(f));
    o = Outcome::failed;
  }
  return o;
}

Outcome subject(const Rule& r, const RuleContext& ctx, const std::vector<Named>& names,
                std::vector<Finding>& out) {
  Outcome o = names.empty() ? Outcome::not_applicable : Outcome::passed;
  for (const Named& n : names) {
    if (n.name.empty() || !is_internal_unit(n.name, ctx.checklist.seals)) continue;
    Finding f = seal_finding(r, ctx, *n.document, n.name, "为内设机构印章，不具有行政执法主体资格");
    f.evidence.push_back(std::string("印章名称来源：") +
                         (n.from_ofd ? "OFD 电子印章" : "案卷清单声明"));
    out.push_back(std::move(f));
    o = Outcome::failed;
  }
  return o;
}

Outcome manual(const Rule& r, const RuleContext& ctx, const std::vector<const Document*>& docs,
               std::vector<Finding>& out) {
  const std::vector<std::string> formats = split_list(rule_param(r, "formats", "docx,pdf,image"));
  std::vector<std::string> titles, evidence;
  const Document* first = nullptr;
  for (const Document* d : docs) {
    if (std::find(formats.begin(), formats.end(), d->format) == formats.end()) continue;
    if (!first) first = d;
    const std::string title = doc_title(ctx.checklist, *d->type);
    if (std::find(titles.begin(), titles.end(), title) == titles.end()) titles.push_back(title);
    evidence.push_back(doc_label(ctx.checklist, *d) + "（" + d->format + "）");
  }
  if (titles.empty()) return Outcome::not_applicable;
  std::string joined;
  for (const std::string& t : titles) joined += (joined.empty() ? "" : "、") + t;
  Finding m = manual_finding(r, fill_message(r.message, {{"documents", joined}}));
  m.document = first->type;
  m.evidence = std::move(evidence);
  out.push_back(std::move(m));
  return Outcome::not_checkable;
}

}  // namespace

Outcome check_seal(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  const std::string check = rule_param(r, "check");
  const std::vector<const Document*> docs =
      documents_of(ctx.c, split_list(rule_param(r, "documents")));
  if (check == "ofd_intact") return ofd_intact(r, ctx, docs, out);
  if (check == "organ_match") return organ_or_register(r, ctx, seal_names(docs, true, false), out);
  if (check == "register") return organ_or_register(r, ctx, seal_names(docs, false, true), out);
  if (check == "subject") return subject(r, ctx, seal_names(docs, true, true), out);
  if (check == "manual") return manual(r, ctx, docs, out);
  return Outcome::not_checkable;  // validate_seal rejects other values
}

std::string validate_seal(const Rule& r, const Checklist& cl) {
  const std::string check = rule_param(r, "check");
  if (std::find(std::begin(kChecks), std::end(kChecks), check) == std::end(kChecks))
    return "seal 规则须有 check 参数（ofd_intact、organ_match、register、subject 或 "
           "manual），而不是“" +
           check + "”";
  if (std::string bad = check == "manual" ? check_param_names(r, {"check", "documents", "formats"})
                                          : check_param_names(r, {"check", "documents"});
      !bad.empty())
    return bad;
  const std::vector<std::string> docs = split_list(rule_param(r, "documents"));
  if (docs.empty()) return "seal 规则须有 documents 参数（文书类型）";
  if (check != "ofd_intact" && check != "manual" && cl.seals.streets.empty())
    return "seal 规则（" + check + "）需要印章登记表（<seals> 数据文件），但检查清单中没有";
  return unknown_doc_type(docs, cl);
}

}  // namespace auditor
