// Electronic signatures and seals of one OFD document (GB/T 38540): the
// list in Signatures.xml, each Signature.xml, and the digests of the files
// each signature covers. Cryptographic signatures (SignedValue) and seal
// certificates are NOT verified: an intact digest set shows that the signed
// files are unchanged, not who signed them.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "auditor/model.h"
#include "importers/ofd_package.h"

namespace auditor::ofd {

// Page ID (Document.xml <Page ID="...">) -> 1-based page number.
using PageNumbers = std::map<std::string, int>;

// Appends one Signature per <Signature> entry of the list at `list_path`
// (a member path from OfdPackage::locate). An entry whose Signature.xml is
// missing or malformed still yields a Signature, with no references (so not
// intact), and a Chinese note in `damage`; an unreadable list yields only a
// note. A reference counts as ok only when its file exists and its CheckValue
// equals the digest of the file's bytes under a known CheckMethod (SM3 by
// name or OID, SHA256 by name or OID; absent means SM3).
void read_signatures(OfdPackage& pkg, const std::string& list_path, const PageNumbers& pages,
                     std::vector<Signature>& out, std::vector<std::string>& damage);

}  // namespace auditor::ofd
