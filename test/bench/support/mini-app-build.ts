import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";

/** The Mini App's build output, as `npm run build -w @loa-phuong/mini-app` leaves it (what `zmp deploy` uploads). */
export const MINI_APP_WWW = path.resolve(import.meta.dirname, "..", "..", "..", "mini-app", "www");

/**
 * A private copy of the build for a run (served with MINI_APP_DIST_DIR): the server reads index.html
 * once at start, so a rebuild of mini-app/www during the run would leave it naming assets that are gone.
 */
export function snapshotBuild(www = MINI_APP_WWW): { dir: string; remove(): void } {
  readAppConfig(www);
  const dir = mkdtempSync(path.join(os.tmpdir(), "loa-www-"));
  cpSync(www, dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface ZaloAppConfig {
  listCSS: string[];
  listSyncJS: string[];
  listAsyncJS: string[];
}

export function readAppConfig(www = MINI_APP_WWW): ZaloAppConfig {
  const file = path.join(www, "app-config.json");
  let raw: string;
  try {
    raw = readFileSync(file, "utf8");
  } catch {
    throw new Error(`${file} is missing: build the Mini App first (npm run build -w @loa-phuong/mini-app)`);
  }
  const config = JSON.parse(raw) as Partial<ZaloAppConfig>;
  return {
    listCSS: config.listCSS ?? [],
    listSyncJS: config.listSyncJS ?? [],
    listAsyncJS: config.listAsyncJS ?? [],
  };
}

/** Every file under `dir`, as paths relative to it with "/" separators, sorted. */
export function listFiles(dir: string, prefix = ""): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) => {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      return entry.isDirectory() ? listFiles(dir, relative) : [relative];
    })
    .sort();
}

/** Bytes after gzip at level 9, what a static server or CDN with precompression sends. */
export function gzipBytes(file: string): number {
  return zlib.gzipSync(readFileSync(file), { level: 9 }).length;
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/**
 * What Zalo loads before the first screen, gzipped: the entry modules (listSyncJS) with the modules
 * they import (listAsyncJS: fetched up front as modulepreloads, not on demand), and the listCSS files.
 */
export function measureInitialAssets(www = MINI_APP_WWW): {
  initialJsGzipKB: number;
  cssGzipKB: number;
  initialJsRawKB: number;
  cssRawKB: number;
} {
  const config = readAppConfig(www);
  const sum = (files: string[], size: (file: string) => number) =>
    files.reduce((total, file) => total + size(path.join(www, file)), 0);
  const raw = (file: string) => statSync(file).size;
  // An entry that the other entry imports is in both lists: counted once.
  const initialJs = [...new Set([...config.listSyncJS, ...config.listAsyncJS])];
  return {
    initialJsGzipKB: kb(sum(initialJs, gzipBytes)),
    cssGzipKB: kb(sum(config.listCSS, gzipBytes)),
    initialJsRawKB: kb(sum(initialJs, raw)),
    cssRawKB: kb(sum(config.listCSS, raw)),
  };
}

/**
 * A real .zip of `dir` (deflate per file, level 9, as `zip -9 -r` does), built in memory so its size is
 * measured rather than estimated. Entries carry no timestamps, so the same input gives the same bytes.
 */
export function zipDirectory(dir: string): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const name of listFiles(dir)) {
    const data = readFileSync(path.join(dir, name));
    const deflated = zlib.deflateRawSync(data, { level: 9 });
    const isStored = deflated.length >= data.length;
    const body = isStored ? data : deflated;
    const nameBytes = Buffer.from(name, "utf8");
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(isStored ? 0 : 8, 8);
    local.writeUInt32LE(0x00210000, 10); // 01/01/1980 00:00, DOS format
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(isStored ? 0 : 8, 10);
    central.writeUInt32LE(0x00210000, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, body);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + body.length;
  }
  const centralSize = centrals.reduce((total, part) => total + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}
