// The system-call filter of the parse process (libseccomp), installed once
// at its start, after its resource limits.
#pragma once

#include <string>

namespace auditor {

// Lets every system call through but those that could write, create or
// remove a file, change a file's attributes, reach the network, start a
// program or a process (threads are allowed), touch another process, inject
// terminal input, or lift the process's own limits: those fail with EPERM
// (clone3 and openat2 with ENOSYS, so that the C library falls back to clone
// and openat, whose arguments the filter can see). Reading files stays
// allowed: the PDF module and poppler's font configuration are read after
// the filter is in place. A denylist rather than an allowlist, so that
// poppler and the C library keep working across versions. Returns an English
// message on failure, empty on success.
std::string install_syscall_filter();

}  // namespace auditor
