#include "auditor/procedure.h"

#include <algorithm>

namespace auditor {

ProcedureChoice case_procedure(const Case& c, const Checklist& cl) {
  if (cl.procedures.empty()) return {};
  if (c.info.procedure)
    if (const Procedure* p = cl.procedure(*c.info.procedure))
      return {p->id, "卷内清单声明为" + p->name};
  for (const Procedure& p : cl.procedures)
    for (const std::string& type : p.evidence)
      for (const Document& d : c.documents)
        if (d.type == type) {
          const DocType* t = cl.doc_type(type);
          return {p.id, "卷内有《" + (t ? t->name : type) + "》（" + d.path + "）"};
        }
  for (const Procedure& p : cl.procedures)
    if (p.is_default) return {p.id, "卷内未见其他程序的标志性文书，按" + p.name + "审查"};
  return {};
}

bool applies_to_procedure(const Rule& r, const std::string& id) {
  return id.empty() || r.procedures.empty() ||
         std::find(r.procedures.begin(), r.procedures.end(), id) != r.procedures.end();
}

}  // namespace auditor
