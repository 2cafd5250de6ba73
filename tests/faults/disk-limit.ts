/**
 * A disk that fills up, for the embedded database only. PGlite is PostgreSQL compiled to
 * WebAssembly; its data directory is mounted with Emscripten's NODEFS, which writes every
 * page and every WAL record through Node's synchronous `fs` calls (openSync, writeSync,
 * ftruncateSync) on the real files. Wrapping those calls for the files under the data
 * directory is therefore the disk as PostgreSQL sees it, with no change to PGlite.
 *
 * What fails is what fails on a real full disk: growing a file. Writing over bytes a file
 * already has (a WAL segment PostgreSQL zero-filled earlier, a page being updated in
 * place) still works, as it does when the blocks are already allocated; a write past the
 * end of a file, or a truncate that lengthens it, throws ENOSPC once the directory has
 * grown by the budget — Emscripten turns that into errno ENOSPC inside PostgreSQL.
 */
import { createRequire } from "node:module";
import { resolve, sep } from "node:path";

type NodeFs = typeof import("node:fs");

export type DiskLimit = {
  /** from now on the data directory may grow by `bytes` more, then every growth fails */
  arm(bytes: number): void;
  /** bytes the directory grew by since arm() (refused growth not counted) */
  grown(): number;
  /** how many writes were refused */
  refused(): number;
};

function noSpace(): NodeJS.ErrnoException {
  const e: NodeJS.ErrnoException = new Error("ENOSPC: no space left on device, write");
  e.code = "ENOSPC";
  e.errno = -28;
  e.syscall = "write";
  return e;
}

export function limitDiskGrowth(dataDir: string): DiskLimit {
  const require = createRequire(import.meta.url);
  // the CommonJS object is the one Emscripten's NODEFS calls (`require("fs")`)
  const fs = require("node:fs") as NodeFs;
  const root = resolve(dataDir);
  const watched = new Set<number>();
  let budget = Number.POSITIVE_INFINITY;
  let grown = 0;
  let refused = 0;

  const inside = (path: unknown) => typeof path === "string" && (resolve(path) === root || resolve(path).startsWith(root + sep));

  /** Counts growth of a watched file to `end` bytes; throws when the disk is "full". */
  const grow = (fd: number, end: number) => {
    if (!watched.has(fd) || budget === Number.POSITIVE_INFINITY) return;
    const more = end - fs.fstatSync(fd).size;
    if (more <= 0) return;
    if (grown + more > budget) {
      refused++;
      throw noSpace();
    }
    grown += more;
  };

  const openSync = fs.openSync;
  fs.openSync = function (path: Parameters<NodeFs["openSync"]>[0], ...rest: unknown[]) {
    const fd = (openSync as (...a: unknown[]) => number).call(fs, path, ...rest);
    if (inside(path)) watched.add(fd);
    return fd;
  };

  const closeSync = fs.closeSync;
  fs.closeSync = function (fd: number) {
    watched.delete(fd);
    return closeSync.call(fs, fd);
  };

  const writeSync = fs.writeSync;
  fs.writeSync = function (fd: number, data: unknown, ...rest: unknown[]) {
    if (watched.has(fd) && ArrayBuffer.isView(data)) {
      // (fd, buffer, offset, length, position): Emscripten always passes all five
      const offset = typeof rest[0] === "number" ? rest[0] : 0;
      const length = typeof rest[1] === "number" ? rest[1] : data.byteLength - offset;
      const position = typeof rest[2] === "number" ? rest[2] : fs.fstatSync(fd).size;
      grow(fd, position + length);
    }
    return (writeSync as (...a: unknown[]) => number).call(fs, fd, data, ...rest);
  };

  const ftruncateSync = fs.ftruncateSync;
  fs.ftruncateSync = function (fd: number, len?: number) {
    grow(fd, len ?? 0);
    return ftruncateSync.call(fs, fd, len);
  };

  // the ESM view of node:fs follows the CommonJS object only when asked to
  (require("node:module") as typeof import("node:module")).syncBuiltinESMExports();

  return {
    arm(bytes) {
      budget = bytes;
      grown = 0;
    },
    grown: () => grown,
    refused: () => refused,
  };
}
