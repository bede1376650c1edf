#include "auditor/rule_kinds.h"

#include <array>

#include "auditor/appeal.h"
#include "auditor/discretion_rules.h"
#include "auditor/meeting.h"

namespace auditor {
namespace {

const std::array<RuleKind, 17> kRuleKinds = {{
    {"import_issue", "导入时无法读取或有问题的文件（损坏、加密、格式不支持、文件名无法解码等）",
     check_import_issues, validate_no_params, nullptr, true},
    {"no_text", "文本格式的文书（DOCX、OFD、PDF）中无可提取文本（扫描件或仅有图形），须人工阅读",
     check_text_extracted, validate_no_params, nullptr, true},
    {"required_document", "某阶段必备的文书须在卷内（可附条件：仅在 when 条件成立时要求）",
     check_required_document, validate_required_document, required_document_hint, false},
    {"numbering",
     "案号、文书编号须符合编号规则：格式、六角括号、年份、街道代字、文书简称、序号不重复、内部文书"
     "载明案号",
     check_numbering, validate_numbering, nullptr, false},
    {"consistency",
     "各文书所载当事人名称、证件号码、送达文书文号、罚款金额须一致；决定书须写明违法条款和处罚条款"
     "，且与告知书一致",
     check_consistency, validate_consistency, nullptr, false},
    {"officers",
     "笔录须有两名以上执法人员并载明执法证号，同一执法人员的证号各文书一致；法制审核人员不得为案件"
     "调查人员",
     check_officers, validate_officers, nullptr, false},
    {"seal",
     "OFD "
     "电子印章完整且与办案机关一致、印章在登记表内、无内设机构用印；图片印章和签名列为人工核对项",
     check_seal, validate_seal, nullptr, false},
    {"deadline",
     "两个事件之间的期限（工作日按工作日历计算，或自然日、月）：送达、告知后作出决定、听证、办案期"
     "限、查封扣押、公示、催告等",
     check_deadline, validate_deadline, nullptr, false},
    {"order", "案卷各环节日期须符合程序顺序（立案、调查、告知、决定、送达、缴款、结案）",
     check_order, validate_order, nullptr, false},
    {"catalogue",
     "卷内目录所列文书须在卷内（份数、文号一致，未识别类型的条目按名称核对），卷内文书须列入卷内目"
     "录",
     check_catalogue, validate_catalogue, nullptr, false},
    {"condition", "案件本身的某一情形即构成问题（如当场处罚的罚款超出简易程序限额）",
     check_condition, validate_condition, nullptr, false},
    {"meeting",
     "集体讨论（案件会审）记录：主持人和参加人员及职务、机关负责人出席、调查人员不参与表决、签名、"
     "不同意见、结论与决定一致、陈述申辩或听证后再次讨论",
     check_meeting, validate_meeting, nullptr, false},
    {"legal_review", "法制审核：审核在最后一项证据之后、新证据后重新审核、审核同意后方作出决定",
     check_legal_review, validate_legal_review, nullptr, false},
    {"appeal",
     "应议应诉案卷：答复（答辩）期限、复议期间不得自行收集证据、委托工作人员、所引处罚决定一致、"
     "复议或裁判结果、委托权限和期限、结果文书送达、本机关文书用印（人工核对）",
     check_appeal, validate_appeal, nullptr, false},
    {"discretion",
     "罚款须在裁量基准所列条款的法定幅度内，并在决定书写明的裁量阶次幅度内；阶次情形是否相符为人工"
     "核对项；阶次所推定的首次或期限内再次违法须与数据库中同一当事人的前案相符",
     check_discretion, validate_discretion, nullptr, false},
    {"provision_table", "决定书引用的已知法律条文须存在，且在违法行为发生时（程序法：决定时）施行",
     check_provision_table, validate_provision_table, nullptr, false},
    {"remedy", "决定书的救济途径告知须写明本区的行政复议机关、管辖法院及复议、诉讼期限",
     check_remedy, validate_remedy, nullptr, false},
}};

}  // namespace

std::span<const RuleKind> rule_kinds() { return kRuleKinds; }

const RuleKind* find_rule_kind(std::string_view name) {
  for (const RuleKind& k : kRuleKinds)
    if (name == k.name) return &k;
  return nullptr;
}

Finding finding_for(const Rule& rule, std::string kind) {
  Finding f;
  f.rule = rule.id;
  f.kind = std::move(kind);
  f.severity = rule.severity;
  f.stage = rule.stage;
  f.basis = rule.basis;
  f.deduction = rule.deduction;
  return f;
}

std::string fill_message(std::string_view tmpl, const std::map<std::string, std::string>& values) {
  std::string out;
  std::size_t i = 0;
  while (i < tmpl.size()) {
    const std::size_t open = tmpl.find('{', i);
    const std::size_t close = open == std::string_view::npos ? open : tmpl.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(tmpl.substr(i, open - i));
    auto it = values.find(std::string(tmpl.substr(open + 1, close - open - 1)));
    if (it != values.end()) {
      out += it->second;
    } else {
      out.append(tmpl.substr(open, close - open + 1));
    }
    i = close + 1;
  }
  out.append(tmpl.substr(std::min(i, tmpl.size())));
  return out;
}

std::string check_param_names(const Rule& rule, std::initializer_list<std::string_view> allowed) {
  for (const auto& [name, value] : rule.params) {
    bool ok = false;
    for (std::string_view a : allowed) ok = ok || name == a;
    if (!ok) return "规则类型 " + rule.kind + " 不接受参数 " + name;
  }
  return {};
}

std::string validate_no_params(const Rule& rule, const Checklist&) {
  return check_param_names(rule, {});
}

}  // namespace auditor
