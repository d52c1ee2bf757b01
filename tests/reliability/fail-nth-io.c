/*
 * F11 below Node (RELIABILITY.md c.2): an LD_PRELOAD library that makes the Nth write system call
 * on a file under PARLEY_FAULT_DIR fail, so SQLite's own I/O (the notebook, its WAL) can be failed
 * without touching Parley or SQLite. Built by resources.test.ts with the system C compiler.
 *
 *   PARLEY_FAULT_DIR     folder whose files count (by the descriptor's path in /proc/self/fd)
 *   PARLEY_FAULT_ARM     counting starts once this file exists (so opening the notebook does not count)
 *   PARLEY_FAULT_NTH     the write that fails (0: none, only count)
 *   PARLEY_FAULT_CODE    EIO (default) or ENOSPC
 *   PARLEY_FAULT_REPORT  rewritten after each counted call: "<count> <failed call or ->"
 *
 * Counted calls: write, pwrite, pwrite64, writev, fsync, fdatasync, ftruncate.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

static const char *dir;
static const char *arm;
static const char *report;
static long nth;
static int code = EIO;
static long count;
/* The call that failed, kept for every later report. */
static char failed[160];

__attribute__((constructor)) static void setup(void) {
  dir = getenv("PARLEY_FAULT_DIR");
  arm = getenv("PARLEY_FAULT_ARM");
  report = getenv("PARLEY_FAULT_REPORT");
  nth = getenv("PARLEY_FAULT_NTH") ? atol(getenv("PARLEY_FAULT_NTH")) : 0;
  if (getenv("PARLEY_FAULT_CODE") && strcmp(getenv("PARLEY_FAULT_CODE"), "ENOSPC") == 0) code = ENOSPC;
}

#define REAL(name) ((__typeof__(&name))dlsym(RTLD_NEXT, #name))

static void note(long n) {
  if (!report) return;
  int fd = open(report, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return;
  char line[200];
  int len = snprintf(line, sizeof line, "%ld %s\n", n, failed[0] ? failed : "-");
  ssize_t (*real_write)(int, const void *, size_t) = REAL(write);
  if (real_write(fd, line, (size_t)len) < 0) { /* the report is best effort */ }
  close(fd);
}

/* 1 when this call is the one that fails (errno set). */
static int fault(int fd, const char *call) {
  if (!dir || fd < 0) return 0;
  if (arm && access(arm, F_OK) != 0) return 0;
  char link[64], path[4096];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  ssize_t n = readlink(link, path, sizeof path - 1);
  if (n <= 0) return 0;
  path[n] = 0;
  size_t len = strlen(dir);
  if (strncmp(path, dir, len) != 0 || (path[len] != '/' && path[len] != 0)) return 0;
  long seen = __atomic_add_fetch(&count, 1, __ATOMIC_SEQ_CST);
  int hit = seen == nth;
  const char *name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
  if (hit) snprintf(failed, sizeof failed, "%s:%.100s", call, name);
  note(seen);
  if (hit) errno = code;
  return hit;
}

ssize_t write(int fd, const void *buf, size_t size) {
  if (fault(fd, "write")) return -1;
  return REAL(write)(fd, buf, size);
}
ssize_t pwrite(int fd, const void *buf, size_t size, off_t at) {
  if (fault(fd, "pwrite")) return -1;
  return REAL(pwrite)(fd, buf, size, at);
}
ssize_t pwrite64(int fd, const void *buf, size_t size, off64_t at) {
  if (fault(fd, "pwrite64")) return -1;
  return REAL(pwrite64)(fd, buf, size, at);
}
ssize_t writev(int fd, const struct iovec *iov, int n) {
  if (fault(fd, "writev")) return -1;
  return REAL(writev)(fd, iov, n);
}
int fsync(int fd) {
  if (fault(fd, "fsync")) return -1;
  return REAL(fsync)(fd);
}
int fdatasync(int fd) {
  if (fault(fd, "fdatasync")) return -1;
  return REAL(fdatasync)(fd);
}
int ftruncate(int fd, off_t size) {
  if (fault(fd, "ftruncate")) return -1;
  return REAL(ftruncate)(fd, size);
}
