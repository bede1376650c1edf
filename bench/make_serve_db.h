// The database of the load benchmark of `auditor serve` (docs/performance.md,
// "The workbench under load"): what bench/make_serve_db.cc writes and
// bench/bench_serve.cc signs in to.
#pragma once

namespace auditor::bench {

// Every user of the benchmark database signs in with this password.
inline constexpr const char* kServeBenchPassword = "Bench-pass-2026";

// The benchmark database's admin.
inline constexpr const char* kServeBenchAdmin = "管理员";

}  // namespace auditor::bench
