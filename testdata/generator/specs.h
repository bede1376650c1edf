// The five fictional cases behind the generated archives (specs.cc).
#pragma once

#include "testdata/generator/case_spec.h"

namespace testdata {

CaseSpec chigang_dining();       // 赤岗: company, outdoor dining, correction ordered
CaseSpec xingang_fruit_stall();  // 新港: a citizen, fruit stall, statements made
CaseSpec nanshi_hardware();      // 南石头: individual business, goods on the pavement
CaseSpec pazhou_construction();  // 琶洲: company, construction waste, hearing
CaseSpec changgang_recycling();  // 昌岗: a citizen, waste piled on the pavement

}  // namespace testdata
