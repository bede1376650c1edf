#include "auditor/meeting_facts.h"

#include <set>

#include "auditor/events.h"
#include "util/text_match.h"

namespace auditor {

std::string name_key(const std::string& name) { return normalize_for_match(name); }

std::vector<Attendee> attendees_of(const Document& d, const std::string& kind) {
  std::vector<Attendee> out;
  std::set<std::string> seen;
  for (const Fact& f : d.facts) {
    if (f.kind != kind) continue;
    const std::size_t bar = f.value.find('|');
    Attendee a{f.value.substr(0, bar), bar == std::string::npos ? "" : f.value.substr(bar + 1),
               f.snippet};
    if (a.name.empty() || !seen.insert(name_key(a.name)).second) continue;
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<Attendee> voters_of(const Document& d) {
  std::vector<Attendee> out = attendees_of(d, "meeting_host");
  for (Attendee& m : attendees_of(d, "meeting_member")) {
    bool dup = false;
    for (Attendee& o : out)
      if (name_key(o.name) == name_key(m.name)) {
        dup = true;
        if (o.role.empty()) o.role = m.role;
      }
    if (!dup) out.push_back(std::move(m));
  }
  return out;
}

std::vector<std::string> fact_values(const Document& d, const std::string& kind) {
  std::vector<std::string> out;
  for (const Fact& f : d.facts)
    if (f.kind == kind) out.push_back(f.value);
  return out;
}

std::optional<Date> own_date(const Document& d, const Checklist& cl) {
  std::optional<Date> v;
  if (d.date) v = Date::parse(*d.date);
  if (!v)
    for (const Fact& f : d.facts)
      if (f.kind == "doc_date" && (v = Date::parse(f.value))) break;
  if (v && !plausible_dates(cl).contains(*v)) return std::nullopt;
  return v;
}

std::optional<Date> held_date(const Document& d, const Checklist& cl) {
  for (const Fact& f : d.facts)
    if (f.kind == "hearing_date")
      if (std::optional<Date> v = Date::parse(f.value); v && plausible_dates(cl).contains(*v))
        return v;
  return own_date(d, cl);
}

}  // namespace auditor
