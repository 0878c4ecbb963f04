#ifndef FOLIO_SPAWN_ACTIONS_H
#define FOLIO_SPAWN_ACTIONS_H

#include <spawn.h>

/// glibc's posix_spawn file actions and pipe2, which Swift's Glibc module does not import (GNU extensions):
/// the child's working folder, and closing every descriptor from `low` up, so a tool inherits only
/// the standard three whatever other threads have open.
int folio_spawn_addchdir(posix_spawn_file_actions_t *actions, const char *path);
int folio_spawn_addclosefrom(posix_spawn_file_actions_t *actions, int low);

/// pipe2(fds, O_CLOEXEC): a pipe no other child inherits.
int folio_pipe_cloexec(int fds[2]);

/// pidfd_open(2) with O_CLOEXEC semantics (pidfds are always close-on-exec): a descriptor that
/// becomes readable when the process ends, or -1 (kernels before 5.3, or a seccomp filter).
int folio_pidfd_open(int pid);

#endif
