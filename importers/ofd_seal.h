// Best-effort reading of the seal name from GM/T 0031 electronic seal data.
// No signature or certificate is verified here.
#pragma once

#include <string_view>

#include "auditor/model.h"

namespace auditor::ofd {

// The seal name (SES_ESPropertyInfo.name) of a DER-encoded SESeal, as kept
// in Seal.esl, or of the SESeal embedded in an SES_Signature (SignedValue.dat
// of V1 and V4 seals). Walks at most four levels with every length checked
// against its parent; nullopt when the bytes have another shape or the name
// is not a valid UTF-8/IA5/Printable/BMP string.
Text seal_name_from_der(std::string_view der);

}  // namespace auditor::ofd
