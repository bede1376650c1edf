// Fuzzes the messages between the importers and the parse process
// (importers/parse_protocol.h): any bytes, as a request or as a response,
// are refused or decoded without reading out of bounds or allocating what a
// forged count asks; what decodes encodes back to a message that decodes to
// the same values (aborts otherwise).
#include <cstdlib>

#include "fuzz/fuzz_common.h"
#include "importers/parse_protocol.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace auditor;
  const std::string_view bytes = fuzz::as_view(data, size);
  if (Result<ParseRequest> r = decode_request(bytes); r.ok()) {
    const std::string again = encode_request_head(*r) + std::string(r->bytes);
    Result<ParseRequest> back = decode_request(again);
    if (!back.ok() || back->format != r->format || back->group != r->group ||
        back->bytes != r->bytes || back->limits.max_total_bytes != r->limits.max_total_bytes)
      std::abort();
  }
  if (Result<ParseResponse> r = decode_response(bytes); r.ok()) {
    const std::string again = encode_response(*r);
    Result<ParseResponse> back = decode_response(again);
    if (!back.ok() || encode_response(*back) != again || back->doc.text != r->doc.text ||
        back->doc.signatures.size() != r->doc.signatures.size())
      std::abort();
  }
  (void)frame_size(bytes);
  return 0;
}
