// Internal to the rule kinds meeting and legal_review (auditor/meeting*.cc,
// legal_review.cc): the people a collective-discussion record names, read
// from its meeting_* facts ("姓名|职务", docs/formats/scope.md), and the own
// date of a document.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "auditor/checklist.h"
#include "auditor/model.h"
#include "util/date.h"

namespace auditor {

struct Attendee {
  std::string name;
  std::string role;  // empty when the record gives none
  std::string snippet;
};

// The people of `d` stated by facts of `kind` (meeting_host, meeting_member,
// meeting_attendee), each name (normalised) once, in text order.
std::vector<Attendee> attendees_of(const Document& d, const std::string& kind);
// Who takes part with a vote: the host, then the members (each once).
std::vector<Attendee> voters_of(const Document& d);
// Every fact value of `kind` in `d`, in text order.
std::vector<std::string> fact_values(const Document& d, const std::string& kind);
// A name as compared across documents (normalize_for_match).
std::string name_key(const std::string& name);

// The document's own date: the date a manifest declared for it, else its
// doc_date fact; nullopt when neither is read or the date is implausible
// (events.h: never used in arithmetic).
std::optional<Date> own_date(const Document& d, const Checklist& cl);
// Its hearing date (a hearing record: hearing_date fact), else own_date.
std::optional<Date> held_date(const Document& d, const Checklist& cl);

}  // namespace auditor
