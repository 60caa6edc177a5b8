// errno numbers and glibc's strerror() texts, so that io/os failures return the same
// `nil, "name: No such file or directory", 2` triples lua5.4 gives on Linux.

const TABLE: Record<string, [number, string]> = {
  EPERM: [1, 'Operation not permitted'],
  ENOENT: [2, 'No such file or directory'],
  ESRCH: [3, 'No such process'],
  EINTR: [4, 'Interrupted system call'],
  EIO: [5, 'Input/output error'],
  ENXIO: [6, 'No such device or address'],
  E2BIG: [7, 'Argument list too long'],
  ENOEXEC: [8, 'Exec format error'],
  EBADF: [9, 'Bad file descriptor'],
  ECHILD: [10, 'No child processes'],
  EAGAIN: [11, 'Resource temporarily unavailable'],
  ENOMEM: [12, 'Cannot allocate memory'],
  EACCES: [13, 'Permission denied'],
  EFAULT: [14, 'Bad address'],
  ENOTBLK: [15, 'Block device required'],
  EBUSY: [16, 'Device or resource busy'],
  EEXIST: [17, 'File exists'],
  EXDEV: [18, 'Invalid cross-device link'],
  ENODEV: [19, 'No such device'],
  ENOTDIR: [20, 'Not a directory'],
  EISDIR: [21, 'Is a directory'],
  EINVAL: [22, 'Invalid argument'],
  ENFILE: [23, 'Too many open files in system'],
  EMFILE: [24, 'Too many open files'],
  ENOTTY: [25, 'Inappropriate ioctl for device'],
  ETXTBSY: [26, 'Text file busy'],
  EFBIG: [27, 'File too large'],
  ENOSPC: [28, 'No space left on device'],
  ESPIPE: [29, 'Illegal seek'],
  EROFS: [30, 'Read-only file system'],
  EMLINK: [31, 'Too many links'],
  EPIPE: [32, 'Broken pipe'],
  EDOM: [33, 'Numerical argument out of domain'],
  ERANGE: [34, 'Numerical result out of range'],
  EDEADLK: [35, 'Resource deadlock avoided'],
  ENAMETOOLONG: [36, 'File name too long'],
  ENOLCK: [37, 'No locks available'],
  ENOSYS: [38, 'Function not implemented'],
  ENOTEMPTY: [39, 'Directory not empty'],
  ELOOP: [40, 'Too many levels of symbolic links'],
  EOVERFLOW: [75, 'Value too large for defined data type'],
  EILSEQ: [84, 'Invalid or incomplete multibyte or wide character'],
  ENOTSUP: [95, 'Operation not supported'],
  EDQUOT: [122, 'Disk quota exceeded'],
};

/** An I/O failure with its errno (thrown by the file layer, turned into fail results). */
export class IoError {
  constructor(readonly errno: number, readonly text: string) {}
}

export function ioErrorOf(code: string): IoError {
  const e = TABLE[code];
  return e ? new IoError(e[0], e[1]) : new IoError(0, code);
}

/** The errno and strerror text of anything a Node fs/child_process call threw. Rethrows
 *  what is not a system error (so Lua errors and bugs are not swallowed). */
export function toIoError(e: unknown): IoError {
  if (e instanceof IoError) return e;
  const ne = e as NodeJS.ErrnoException;
  if (ne !== null && typeof ne === 'object' && typeof ne.code === 'string') {
    const t = TABLE[ne.code];
    if (t) return new IoError(t[0], t[1]);
    const n = typeof ne.errno === 'number' ? Math.abs(ne.errno) : 0;
    return new IoError(n, ne.message);
  }
  throw e;
}
