// The errno numbers and texts (Linux's, as os.strerror gives them) of the OSErrors the AWS CLI prints as
// `[Errno N] text: 'filename'`, by Node.js's error code.

const ERRNO: Readonly<Record<string, readonly [number, string]>> = {
  ENOENT: [2, 'No such file or directory'],
  ENOEXEC: [8, 'Exec format error'],
  EACCES: [13, 'Permission denied'],
  ENOTDIR: [20, 'Not a directory'],
  EISDIR: [21, 'Is a directory'],
  ENAMETOOLONG: [36, 'File name too long'],
  ELOOP: [40, 'Too many levels of symbolic links'],
};

/** [errno, text] for a Node.js error code, or undefined for one not listed. */
export function errnoOf(code: string | undefined): readonly [number, string] | undefined {
  return code !== undefined && Object.prototype.hasOwnProperty.call(ERRNO, code) ? ERRNO[code] : undefined;
}
