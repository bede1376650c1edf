// Layout pieces shared by the document builders: the head of an outgoing
// document, the head of an internal form, the party block, the signature.
#pragma once

#include <string>

#include "reports/docx_writer.h"
#include "testdata/generator/case_spec.h"

namespace testdata {

using auditor::Align;
using auditor::DocxWriter;
using Rows = std::vector<std::vector<std::string>>;

// A writer whose core properties carry the title, the organ and the date.
DocxWriter new_doc(const CaseSpec& c, const std::string& title, Day date);

// Organ line, title, and the document number centred below.
void outgoing_head(DocxWriter& w, const CaseSpec& c, const std::string& title,
                   const std::string& number);
// Title and the case number (案号) of an internal form or record.
void form_head(DocxWriter& w, const CaseSpec& c, const std::string& title);
// 当事人, credit code or ID number, address, head of the organisation.
void party_block(DocxWriter& w, const Party& p);
// The organ name and the date, each on its own right-aligned line.
void signature(DocxWriter& w, const CaseSpec& c, Day date);
// Body paragraph with a two-character first-line indent.
void body(DocxWriter& w, const std::string& text);
// The closing lines of a record (笔录): 以下空白, signatures, the date.
void record_end(DocxWriter& w, const CaseSpec& c, const std::string& signer_label,
                const std::string& signer, Day date);
// Rows of a party table: name, id, address (and head for an organisation).
Rows party_rows(const Party& p);

// "1. 现场检查（勘验）笔录；2. …。"
std::string evidence_list(const CaseSpec& c);
// The bytes of the finished document; aborts when libzip fails.
std::string bytes(const DocxWriter& w);
// An entry holding the finished document, named "<title>.docx".
Entry make_entry(std::string type, int stage, std::string title, Day date, const DocxWriter& w);

}  // namespace testdata
