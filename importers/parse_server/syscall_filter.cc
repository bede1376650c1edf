#include "importers/parse_server/syscall_filter.h"

#include <fcntl.h>
#include <sched.h>
#include <seccomp.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <initializer_list>

namespace auditor {
namespace {

// Denied outright with EPERM.
constexpr const char* kDenied[] = {
    // network
    "socket", "socketpair", "connect", "bind", "listen", "accept", "accept4", "sendto", "sendmsg",
    "sendmmsg",
    // programs, processes, other processes
    "execve", "execveat", "fork", "vfork", "ptrace", "process_vm_readv", "process_vm_writev",
    "kill", "tkill", "pidfd_open", "pidfd_send_signal", "pidfd_getfd", "unshare", "setns",
    // creating, removing, renaming, changing files
    "creat", "link", "linkat", "symlink", "symlinkat", "unlink", "unlinkat", "rename", "renameat",
    "renameat2", "mkdir", "mkdirat", "rmdir", "mknod", "mknodat", "chmod", "fchmod", "fchmodat",
    "chown", "fchown", "lchown", "fchownat", "truncate", "ftruncate", "fallocate", "utime",
    "utimes", "utimensat", "futimesat", "setxattr", "lsetxattr", "fsetxattr", "removexattr",
    "lremovexattr", "fremovexattr", "name_to_handle_at", "open_by_handle_at", "memfd_create",
    "memfd_secret", "mount", "umount2", "pivot_root", "chroot", "swapon", "swapoff", "acct",
    "quotactl", "io_uring_setup", "io_uring_enter", "io_uring_register",
    // limits, privileges, the kernel
    "setrlimit", "setuid", "setgid", "setreuid", "setregid", "setresuid", "setresgid", "setgroups",
    "setfsuid", "setfsgid", "capset", "personality", "bpf", "perf_event_open", "userfaultfd",
    "keyctl", "add_key", "request_key", "init_module", "finit_module", "delete_module",
    "kexec_load", "kexec_file_load", "reboot", "sethostname", "setdomainname", "iopl", "ioperm",
    "settimeofday", "clock_settime", "clock_adjtime", "adjtimex"};

// Denied with ENOSYS: their arguments are out of the filter's sight, and the
// C library then uses clone and openat.
constexpr const char* kNotImplemented[] = {"clone3", "openat2"};

// Flags of open/openat that write, create or truncate.
constexpr unsigned kWriteFlags[] = {O_WRONLY, O_RDWR, O_CREAT, O_TRUNC, O_APPEND, __O_TMPFILE};

// A syscall number, __NR_SCMP_ERROR when this architecture lacks it.
int number(const char* name) { return seccomp_syscall_resolve_name(name); }

}  // namespace

std::string install_syscall_filter() {
  scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
  if (ctx == nullptr) return "seccomp_init failed";
  int rc = 0;
  auto add = [&](std::uint32_t action, const char* name, std::initializer_list<scmp_arg_cmp> args) {
    const int nr = number(name);
    if (nr == __NR_SCMP_ERROR || rc != 0) return;
    rc = seccomp_rule_add_array(ctx, action, nr, static_cast<unsigned>(args.size()), args.begin());
  };
  const std::uint32_t eperm = SCMP_ACT_ERRNO(EPERM);
  for (const char* name : kDenied) add(eperm, name, {});
  for (const char* name : kNotImplemented) add(SCMP_ACT_ERRNO(ENOSYS), name, {});
  for (unsigned flag : kWriteFlags) {
    add(eperm, "open", {SCMP_A1(SCMP_CMP_MASKED_EQ, flag, flag)});
    add(eperm, "openat", {SCMP_A2(SCMP_CMP_MASKED_EQ, flag, flag)});
  }
  // A new process (clone without CLONE_THREAD); threads stay allowed.
  add(eperm, "clone", {SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_THREAD, 0)});
  // Setting a limit (reading one, as getrlimit does, stays allowed).
  add(eperm, "prlimit64", {SCMP_A2(SCMP_CMP_NE, 0)});
  // Signals to other processes (abort() and raise() signal this one).
  add(eperm, "tgkill", {SCMP_A0(SCMP_CMP_NE, static_cast<scmp_datum_t>(getpid()))});
  add(eperm, "rt_sigqueueinfo", {SCMP_A0(SCMP_CMP_NE, static_cast<scmp_datum_t>(getpid()))});
  add(eperm, "rt_tgsigqueueinfo", {SCMP_A0(SCMP_CMP_NE, static_cast<scmp_datum_t>(getpid()))});
  // Keystrokes pushed into a terminal (the kernel reads 32 bits of the
  // request).
  add(eperm, "ioctl", {SCMP_A1(SCMP_CMP_MASKED_EQ, 0xFFFFFFFFu, TIOCSTI)});
  add(eperm, "ioctl", {SCMP_A1(SCMP_CMP_MASKED_EQ, 0xFFFFFFFFu, TIOCLINUX)});
  if (rc == 0) rc = seccomp_load(ctx);
  seccomp_release(ctx);
  return rc == 0 ? std::string() : std::string("seccomp: ") + std::strerror(-rc);
}

}  // namespace auditor
