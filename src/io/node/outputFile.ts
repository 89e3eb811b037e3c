/**
 * Writing a file so that a failed or interrupted write leaves the old file whole: the data
 * goes to a temporary file in the same folder, which then replaces the target by a rename
 * (atomic on one file system). A symlink is followed, so the file it points to is replaced
 * and the link kept. A target that is not a regular file (a terminal, a pipe, /dev/null,
 * /dev/full) is written in place: renaming onto a device would replace the device.
 * Errors are Node's (with `code`); `describeWriteError` puts them in words.
 *
 * A process that ends before it commits (Ctrl-C, `kill`, an abort) must not leave its hidden
 * temporary files behind. A normal exit removes them in an `exit` handler. A signal cannot
 * be relied on to run JavaScript (the simulation writing an event log keeps the thread busy
 * until it ends, and SIGKILL runs nothing), so a small watchdog process, started with the
 * first temporary file, is told each one's name and removes whatever is left of them once
 * the command's process is gone, however it ended. The command's signals keep their
 * ordinary meaning: it stops at once.
 */
import { type ChildProcess, spawn } from "node:child_process";
import {
  chmodSync,
  closeSync,
  fsyncSync,
  openSync,
  realpathSync,
  renameSync,
  type Stats,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

/** A file being written; `commit` puts it in place, `abort` drops it and keeps the old file. */
export interface OutputFile {
  readonly path: string;
  write(data: string | Uint8Array): void;
  commit(): void;
  abort(): void;
}

let counter = 0;

/** Opens `path` for writing through a temporary file beside it (see the header). */
export function openOutputFile(path: string): OutputFile {
  const target = resolveTarget(path);
  const existing = statOrUndefined(target);
  if (existing && !existing.isFile()) return inPlace(path, target);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${++counter}.tmp`);
  // Tracked before it exists: a kill right after the file appears still finds it named.
  track(temp);
  let fd: number;
  try {
    fd = openSync(temp, "wx", existing ? existing.mode & 0o7777 : 0o666);
  } catch (error) {
    live.delete(temp);
    throw error;
  }
  let open = true;
  const close = () => {
    if (open) {
      open = false;
      closeSync(fd);
    }
  };
  return {
    path,
    write(data) {
      writeAll(fd, data);
    },
    commit() {
      try {
        fsyncSync(fd);
        close();
        if (existing) chmodSync(temp, existing.mode & 0o7777);
        renameSync(temp, target);
        live.delete(temp);
      } catch (error) {
        dropTemp();
        throw error;
      }
    },
    abort() {
      dropTemp();
    },
  };
  function dropTemp(): void {
    try {
      close();
    } catch {
      // the temporary file goes either way
    }
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
    live.delete(temp);
  }
}

/** Writes `data` to `path` whole, or leaves the old file as it was. */
export function writeOutputFile(path: string, data: string | Uint8Array): void {
  const file = openOutputFile(path);
  try {
    file.write(data);
  } catch (error) {
    file.abort();
    throw error;
  }
  file.commit();
}

/** A write error in words: "no space left on the device", "the folder does not exist", ... */
export function describeWriteError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOSPC":
      return "no space left on the device";
    case "EDQUOT":
      return "the disk quota is used up";
    case "EROFS":
      return "the file system is read-only";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ENOENT":
      return "the folder does not exist";
    case "ENOTDIR":
      return "a part of the path is a file, not a folder";
    case "EISDIR":
      return "it is a folder, not a file";
    case "EFBIG":
      return "the file would be too large";
    case "ENAMETOOLONG":
      return "the file name is too long";
    case "EIO":
      return "the device reported an input/output error";
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

// helpers

/** Temporary files written and not yet committed or dropped. */
const live = new Set<string>();
let watchdog: ChildProcess | undefined;
let exitHooked = false;

/** Has `temp` removed should the process end before it is committed (see the header). */
function track(temp: string): void {
  if (!exitHooked) {
    exitHooked = true;
    process.on("exit", removeLive);
  }
  live.add(temp);
  // One name a line: a name with a line break in it is left to the exit handler alone.
  if (process.platform === "win32" || temp.includes("\n")) return;
  try {
    watchdog ??= startWatchdog();
    watchdog.stdin?.write(`${resolve(temp)}\n`);
  } catch {
    // no watchdog (no shell, no processes left): the exit handler still covers normal exits
  }
}

function removeLive(): void {
  for (const temp of live) {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
  }
  live.clear();
}

/**
 * A shell that reads temporary file names until the command's end closes its input, then
 * removes those still there (a committed file was renamed: its temporary name is gone). It
 * runs in a process group of its own and ignores interrupts, so the Ctrl-C that stops the
 * command does not stop it; it keeps neither the command's event loop nor its terminal.
 */
function startWatchdog(): ChildProcess {
  const script = `trap '' INT TERM HUP; while IFS= read -r name; do set -- "$@" "$name"; done; rm -f -- "$@"`;
  const child = spawn("/bin/sh", ["-c", script, "flowcast-cleanup"], {
    detached: true,
    stdio: ["pipe", "ignore", "ignore"],
  });
  child.on("error", () => undefined);
  child.stdin?.on("error", () => undefined);
  child.unref();
  (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  return child;
}

/** The file a write to `path` lands in: the end of its symlinks, or `path` when it does not exist yet. */
function resolveTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function inPlace(path: string, target: string): OutputFile {
  const fd = openSync(target, "w");
  let open = true;
  const close = () => {
    if (open) {
      open = false;
      closeSync(fd);
    }
  };
  return {
    path,
    write: (data) => writeAll(fd, data),
    commit: close,
    abort: () => {
      try {
        close();
      } catch {
        // nothing to keep
      }
    },
  };
}

function writeAll(fd: number, data: string | Uint8Array): void {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  let offset = 0;
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}
