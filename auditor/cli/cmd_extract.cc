// `auditor extract`: per document, what the auditor saw (format, type,
// stage, facts, signatures, full text). A zip case archive shows every member.
#include <iostream>

#include "app/inspect.h"
#include "auditor/cli/limit_options.h"
#include "auditor/cli/options.h"
#include "reports/extract_report.h"
#include "util/text_safety.h"

namespace auditor::cli {

int extract(const Args& args) {
  po::options_description desc = option_list();
  std::string dir;
  std::vector<std::string> files;
  ImportOptions import_options;
  desc.add_options()("json", "以 JSON 输出")(
      "checklist", po::value(&dir)->default_value(default_checklist_dir().string()),
      "检查清单目录（用于判断文书类型）")("file", po::value(&files)->composing(),
                                          "文档或案卷压缩包");
  add_limit_options(desc, import_options);
  po::positional_options_description positional;
  positional.add("file", -1);
  po::variables_map vm;
  const std::string usage = "auditor extract [--json] 文件...";
  if (int rc = parse_options(args, desc, positional, usage, vm); rc >= 0) return rc;
  if (files.empty()) {
    std::cerr << "请指定要查看的文件。\n用法：" << usage << "\n";
    return kExitUsage;
  }
  std::optional<Checklist> checklist = load_checklist_or_report(dir);
  if (!checklist) return kExitUsage;

  bool as_json = vm.count("json") > 0;
  nlohmann::ordered_json documents = nlohmann::ordered_json::array();
  int status = kExitOk;
  for (const std::string& file : files) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) {
      std::cerr << "找不到文件：" << file << "\n";
      status = kExitUsage;
      continue;
    }
    Case c = inspect_file(file, *checklist, import_options);
    if (c.rejected) {
      std::cerr << file << "：" << one_line_safe(c.error) << "\n";
      status = kExitRejected;
      continue;
    }
    for (const Document& d : c.documents) {
      if (as_json)
        documents.push_back(document_json(d, *checklist, c.issues));
      else
        std::cout << document_text(d, *checklist, c.issues) << "\n";
    }
  }
  // Document text is shown as read, as JSON that no terminal reorders or
  // drives: bidirectional controls and noncharacters escaped.
  if (as_json)
    std::cout << json_text_safe(nlohmann::ordered_json{{"documents", documents}}.dump(
                     2, ' ', false, nlohmann::ordered_json::error_handler_t::replace))
              << "\n";
  return status;
}

}  // namespace auditor::cli
