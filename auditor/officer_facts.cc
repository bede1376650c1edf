// Officers read from `officer` facts, and the officers check certificates
// (docs/formats/checklist.md, "officers"): one officer name (normalised)
// carries one certificate number (folded, upper-case) in every document of
// the file (or of documents=TYPES) that names officers; one finding per name
// with several numbers, listing each number and where it is written. Fewer
// than two documents naming officers: not checkable (nothing to compare;
// two_officers reports records without officers).
#include "auditor/officer_facts.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "auditor/kind_helpers.h"
#include "util/text_match.h"

namespace auditor {

std::vector<Officer> officers_of(const Document& d) {
  std::vector<Officer> out;
  std::set<std::string> seen;
  for (const Fact& f : d.facts) {
    if (f.kind != "officer") continue;
    const std::size_t bar = f.value.find('|');
    Officer o{f.value.substr(0, bar), bar == std::string::npos ? "" : f.value.substr(bar + 1),
              f.snippet};
    if (o.name.empty() || o.certificate.empty() || !seen.insert(normalize_for_match(o.name)).second)
      continue;
    out.push_back(std::move(o));
  }
  return out;
}

namespace {

// The certificate number as compared: folded (spaces, full-width forms)
// and upper-case, so "粤 a-123" and "粤A-123" are one.
std::string certificate_key(const std::string& certificate) {
  std::string out = fold(certificate);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

}  // namespace

Outcome officer_certificates(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  const std::vector<std::string> types = split_list(rule_param(r, "documents"));
  struct Seen {
    std::string written;                // the certificate as first written
    std::vector<std::string> where;     // documents stating it
    std::vector<std::string> evidence;  // their snippets
  };
  std::map<std::string, std::map<std::string, Seen>> by_name;  // name -> key -> seen
  std::map<std::string, std::string> names;                    // folded -> as written
  std::size_t records = 0;
  for (const Document& d : ctx.c.documents) {
    if (!types.empty() &&
        (!d.type || std::find(types.begin(), types.end(), *d.type) == types.end()))
      continue;
    const std::vector<Officer> officers = officers_of(d);
    if (!officers.empty()) ++records;
    for (const Officer& o : officers) {
      const std::string name = normalize_for_match(o.name);
      names.emplace(name, o.name);
      Seen& seen = by_name[name][certificate_key(o.certificate)];
      if (seen.written.empty()) seen.written = o.certificate;
      seen.where.push_back(doc_label(ctx.checklist, d));
      seen.evidence.push_back(doc_label(ctx.checklist, d) + "：" + o.snippet);
    }
  }
  if (records < 2) return Outcome::not_checkable;  // nothing to compare across records
  bool failed = false;
  for (const auto& [name, variants] : by_name) {
    if (variants.size() < 2) continue;
    std::string listing;
    Finding f = finding_for(r, "officers");
    for (const auto& [key, seen] : variants) {
      std::string docs;
      for (const std::string& w : seen.where)
        if (docs.find(w) == std::string::npos) docs += (docs.empty() ? "" : "、") + w;
      listing += (listing.empty() ? "" : "；") + std::string("“") + seen.written + "”见于" + docs;
      f.evidence.insert(f.evidence.end(), seen.evidence.begin(), seen.evidence.end());
    }
    f.message = fill_message(r.message, {{"officer", names[name]}, {"variants", listing}});
    out.push_back(std::move(f));
    failed = true;
  }
  return failed ? Outcome::failed : Outcome::passed;
}

}  // namespace auditor
