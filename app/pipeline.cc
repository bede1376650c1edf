#include "app/pipeline.h"

#include "auditor/case_info.h"
#include "importers/split_documents.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

namespace auditor {
namespace {

bool has_zip_extension(const std::filesystem::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
  return ext == ".zip";
}

}  // namespace

Result<std::vector<std::filesystem::path>> collect_archives(
    const std::vector<std::string>& inputs) {
  namespace fs = std::filesystem;
  std::vector<fs::path> out;
  for (const std::string& input : inputs) {
    std::error_code ec;
    fs::path p(input);
    if (fs::is_directory(p, ec)) {
      std::vector<fs::path> found;
      auto opts = fs::directory_options::skip_permission_denied;
      for (auto it = fs::recursive_directory_iterator(p, opts, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
        if (it->is_regular_file(ec) && has_zip_extension(it->path())) found.push_back(it->path());
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else if (fs::is_regular_file(p, ec)) {
      out.push_back(p);
    } else {
      return Error{"找不到输入路径：" + input, Code::not_found};
    }
  }
  return out;
}

CaseResult audit_case(Case c, const Checklist& checklist, const PartyHistory* history) {
  CaseResult r{std::move(c), {}};
  if (!r.c.rejected) {
    split_documents(r.c, checklist);  // a whole-case PDF into its documents
    classify(r.c, checklist);
    derive_case_info(r.c, checklist);
  }
  r.audit = check_case(r.c, checklist, history);
  return r;
}

CaseResult audit_archive(const std::filesystem::path& archive, const Checklist& checklist,
                         const ImportOptions& opt) {
  return audit_case(import_archive(archive, opt), checklist);
}

void run_as_completed(std::size_t n, int jobs, const std::function<CaseResult(std::size_t)>& work,
                      const std::function<void(std::size_t, CaseResult&&)>& consume) {
  const std::size_t workers = std::clamp<std::size_t>(jobs, 1, std::max<std::size_t>(n, 1));
  // Room to ride out the consumer's pauses (a commit, a checkpoint) without
  // idling the workers; an item ahead holds a parsed case, not its archive.
  const std::size_t window = workers * kAheadPerJob, half = window / 2;
  std::deque<std::pair<std::size_t, CaseResult>> done;  // finished, not yet consumed
  std::mutex mu;
  std::condition_variable ready, room;
  std::size_t next = 0, consumed = 0;

  auto worker = [&] {
    for (;;) {
      std::size_t i;
      {
        std::unique_lock lock(mu);
        // A worker that finds the window full sleeps until half of it is
        // free: when items are quick (unchanged archives) the workers are
        // woken once per half window, not once per item.
        if (next < n && next >= consumed + window)
          room.wait(lock, [&] { return next >= n || next + half <= consumed + window; });
        if (next >= n) return;
        i = next++;
      }
      CaseResult r = work(i);
      {
        std::lock_guard lock(mu);
        done.emplace_back(i, std::move(r));
      }
      ready.notify_one();
    }
  };
  std::vector<std::thread> pool;
  for (std::size_t w = 0; w < workers; ++w) pool.emplace_back(worker);
  for (std::size_t k = 0; k < n; ++k) {
    std::pair<std::size_t, CaseResult> item;
    {
      std::unique_lock lock(mu);
      ready.wait(lock, [&] { return !done.empty(); });
      item = std::move(done.front());
      done.pop_front();
      consumed = k + 1;
      // Wakes sleeping workers at half a free window, and to leave at the end.
      if (next >= n || next + half == consumed + window) room.notify_all();
    }
    consume(item.first, std::move(item.second));
  }
  for (std::thread& t : pool) t.join();
}

void InOrder::put(std::size_t i, CaseResult&& r) {
  if (i != next_) {
    early_.emplace(i, std::move(r));
    return;
  }
  emit_(next_++, std::move(r));
  for (auto it = early_.begin(); it != early_.end() && it->first == next_; it = early_.erase(it))
    emit_(next_++, std::move(it->second));
}

void audit_batch(const std::vector<std::filesystem::path>& archives, const Checklist& checklist,
                 const ImportOptions& opt, int jobs,
                 const std::function<void(std::size_t, CaseResult&&)>& consume,
                 const PartyHistory* history) {
  run_as_completed(
      archives.size(), jobs,
      [&](std::size_t i) {
        return audit_case(import_archive(archives[i], opt), checklist, history);
      },
      consume);
}

}  // namespace auditor
