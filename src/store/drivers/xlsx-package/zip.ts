/**
 * The zip container of an OOXML package, read and written with node:zlib. Unchanged entries are copied as their
 * compressed bytes (never inflated and deflated again), so every part the scan does not change stays byte for byte
 * what Excel or WPS wrote, and a write costs only the deflate of the parts that changed.
 */
import { once } from 'node:events';
import { crc32, createDeflateRaw, deflateRawSync, inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  size: number;
  /** The entry's data as stored in the file (compressed when method is 8). */
  raw: Uint8Array;
  time: number;
  date: number;
}

/** Thrown for a file that is not a zip archive this reader understands; the store turns it into a Chinese message. */
export class ZipFormatError extends Error {
  override name = 'ZipFormatError';
}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** A 32-bit field whose value is in the entry's zip64 extra field instead. */
const IN_ZIP64 = 0xffffffff;

/**
 * The entries of a zip archive, in the order of its central directory.
 * @example const parts = readZip(await readFile('督办.xlsx')); parts.find((e) => e.name === 'xl/workbook.xml')
 */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--)
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  if (end < 0) throw new ZipFormatError('no end of central directory (not a zip file, or truncated)');
  let count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === IN_ZIP64) ({ count, at } = zip64Directory(view, end));
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL)
      throw new ZipFormatError(`central directory entry ${n} is damaged`);
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const skip = nameLength + extraLength + view.getUint16(at + 32, true);
    const { size, csize, local } = zip64Sizes(view, at + 46 + nameLength, extraLength, {
      size: view.getUint32(at + 24, true),
      csize: view.getUint32(at + 20, true),
      local: view.getUint32(at + 42, true),
    });
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (flags & 1) throw new ZipFormatError(`entry ${name} is encrypted`);
    if (method !== 0 && method !== 8)
      throw new ZipFormatError(`entry ${name} uses compression method ${method}`);
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL)
      throw new ZipFormatError(`local header of ${name} is damaged`);
    const data = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (data + csize > bytes.length) throw new ZipFormatError(`entry ${name} is truncated`);
    entries.push({
      name,
      method,
      time: view.getUint16(at + 12, true),
      date: view.getUint16(at + 14, true),
      crc: view.getUint32(at + 16, true),
      size,
      raw: bytes.subarray(data, data + csize),
    });
    at += 46 + skip;
  }
  return entries;
}

/**
 * Entry count and central directory offset of a zip64 archive, from its zip64 end record (found through the locator
 * just before the classic end record). Small workbooks are written so by some tools (Info-ZIP `zip -fz`, streaming
 * writers); a file over 4 GB is not a workbook this reader loads.
 */
function zip64Directory(view: DataView, end: number): { count: number; at: number } {
  const locator = end - 20;
  if (locator < 0 || view.getUint32(locator, true) !== EOCD64_LOCATOR)
    throw new ZipFormatError('zip64 end record locator missing');
  const record = Number(view.getBigUint64(locator + 8, true));
  if (record + 56 > view.byteLength || view.getUint32(record, true) !== EOCD64)
    throw new ZipFormatError('zip64 end record damaged');
  return {
    count: Number(view.getBigUint64(record + 32, true)),
    at: Number(view.getBigUint64(record + 48, true)),
  };
}

/** An entry's sizes and local header offset, each taken from its zip64 extra field (id 1) when it says 0xffffffff. */
function zip64Sizes(
  view: DataView,
  extra: number,
  length: number,
  fields: { size: number; csize: number; local: number },
): { size: number; csize: number; local: number } {
  const wanted = (['size', 'csize', 'local'] as const).filter((k) => fields[k] === IN_ZIP64);
  if (!wanted.length) return fields;
  const out = { ...fields };
  for (let at = extra; at + 4 <= extra + length;) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 1) {
      wanted.forEach((k, i) => {
        if (8 * (i + 1) <= size) out[k] = Number(view.getBigUint64(at + 4 + 8 * i, true));
      });
      return out;
    }
    at += 4 + size;
  }
  throw new ZipFormatError('zip64 sizes missing from an entry');
}

/** The uncompressed bytes of an entry, checked against its CRC. */
export function entryBytes(entry: ZipEntry): Buffer {
  let out: Buffer;
  try {
    // One output chunk of the known size: no list of 64 KB chunks concatenated (copied) at the end.
    out =
      entry.method === 8
        ? inflateRawSync(entry.raw, { chunkSize: Math.max(64, entry.size) })
        : Buffer.from(entry.raw);
  } catch (error) {
    throw new ZipFormatError(`entry ${entry.name} cannot be inflated: ${(error as Error).message}`);
  }
  if (out.length !== entry.size || crc32(out) !== entry.crc)
    throw new ZipFormatError(`entry ${entry.name} is damaged (size or CRC mismatch)`);
  return out;
}

/**
 * Parts above 1 MB (a big battle map or audit log) are deflated at level 1: 4–5× faster than the default level for
 * about 40 % more bytes, and a scan rewrites them every day.
 */
export const FAST_DEFLATE_ABOVE = 1 << 20;

const levelFor = (size: number) => (size > FAST_DEFLATE_ABOVE ? 1 : 6);

/** A new entry from uncompressed bytes, deflated; its date and time are those of `like` (or now). */
export function newEntry(name: string, content: Uint8Array, like?: ZipEntry): ZipEntry {
  const { time, date } = like ?? dosNow();
  return {
    name,
    method: 8,
    crc: crc32(content),
    size: content.length,
    raw: deflateRawSync(content, { level: levelFor(content.length) }),
    time,
    date,
  };
}

/**
 * A new entry deflated from a part over FAST_DEFLATE_ABOVE (so at level 1) made in buffers as it is deflated (a
 * rewritten worksheet, see package.ts): each buffer goes through one deflate stream, and while the stream deflates
 * it (on libuv's thread pool) the next one is made. `read` is told when the stream is done with a buffer, which may
 * then be filled again. `sizeHint` is about the part's length, for sizing the output buffer. The bytes are those of
 * `newEntry` on the whole part. Date and time are those of `like` (or now).
 * @example await streamedEntry('xl/worksheets/sheet2.xml', sheet.serialize(writer), sheet.xml.length, entry)
 */
export async function streamedEntry(
  name: string,
  chunks: Iterable<Buffer>,
  sizeHint: number,
  like?: ZipEntry,
  read: (chunk: Buffer) => void = () => {},
): Promise<ZipEntry> {
  const { time, date } = like ?? dosNow();
  // Output into one buffer of a quarter of the part (XML deflates to about a seventh at level 1), not 16 KB ones: each
  // output buffer filled is a round trip from the thread pool to this thread, and the output, all in one buffer, is
  // the entry's bytes without a copy (`joined`). Only the pages written are ever touched.
  const deflate = createDeflateRaw({ level: 1, chunkSize: Math.max(64 << 10, Math.floor(sizeHint / 4)) });
  const raw: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => raw.push(chunk));
  const ended = once(deflate, 'end');
  // Awaited below; a failure before then must not count as an unhandled rejection.
  ended.catch(() => {});
  let crc = 0;
  let size = 0;
  let previous: Promise<void> | null = null;
  try {
    for (const chunk of chunks) {
      crc = crc32(chunk, crc);
      size += chunk.length;
      await previous;
      previous = new Promise<void>((resolve, reject) =>
        deflate.write(chunk, (error) => {
          if (error) reject(error);
          else {
            read(chunk);
            resolve();
          }
        }),
      );
    }
    await previous;
    deflate.end();
    await ended;
  } finally {
    deflate.destroy();
  }
  return { name, method: 8, crc, size, raw: joined(raw), time, date };
}

/**
 * Buffers as one: a view of their memory when each follows the one before in the same ArrayBuffer (the slices a
 * deflate stream gives of its output buffer), else a copy.
 * @example joined([out.subarray(0, 10), out.subarray(10, 25)]) // out.subarray(0, 25), no copy
 */
export function joined(buffers: Buffer[]): Buffer {
  const first = buffers[0];
  if (!first) return Buffer.alloc(0);
  let end = first.byteOffset + first.length;
  for (let i = 1; i < buffers.length; i++) {
    const next = buffers[i]!;
    if (next.buffer !== first.buffer || next.byteOffset !== end) return Buffer.concat(buffers);
    end += next.length;
  }
  return Buffer.from(first.buffer, first.byteOffset, end - first.byteOffset);
}

/**
 * A zip archive of the entries, in order; the entries' stored bytes are written as they are.
 * @example writeZip(entries.map((e) => (e.name === changed ? newEntry(e.name, xml, e) : e)))
 */
export function writeZip(entries: ZipEntry[]): Buffer {
  const encoder = new TextEncoder();
  const names = entries.map((e) => encoder.encode(e.name));
  let size = 22;
  for (const [i, e] of entries.entries()) size += 30 + 46 + 2 * names[i]!.length + e.raw.length;
  // Every byte is written below (headers, names, data, directory): no zero fill needed.
  const out = Buffer.allocUnsafe(size);
  const centrals: Array<{ at: number; entry: ZipEntry; name: Uint8Array }> = [];
  let at = 0;
  entries.forEach((entry, i) => {
    const name = names[i]!;
    centrals.push({ at, entry, name });
    at = header(out, at, LOCAL, entry, name);
    out.set(entry.raw, at);
    at += entry.raw.length;
  });
  const directory = at;
  for (const { at: local, entry, name } of centrals) at = header(out, at, CENTRAL, entry, name, local);
  out.writeUInt32LE(EOCD, at);
  out.writeUInt16LE(0, at + 4);
  out.writeUInt16LE(0, at + 6);
  out.writeUInt16LE(entries.length, at + 8);
  out.writeUInt16LE(entries.length, at + 10);
  out.writeUInt32LE(at - directory, at + 12);
  out.writeUInt32LE(directory, at + 16);
  out.writeUInt16LE(0, at + 20);
  return out.subarray(0, at + 22);
}

function header(out: Buffer, at: number, kind: number, e: ZipEntry, name: Uint8Array, local = 0): number {
  const utf8 = name.some((b) => b > 0x7f) ? 0x800 : 0;
  out.writeUInt32LE(kind, at);
  let p = at + 4;
  if (kind === CENTRAL) {
    out.writeUInt16LE(20, p);
    p += 2;
  }
  out.writeUInt16LE(20, p);
  out.writeUInt16LE(utf8, p + 2);
  out.writeUInt16LE(e.method, p + 4);
  out.writeUInt16LE(e.time, p + 6);
  out.writeUInt16LE(e.date, p + 8);
  out.writeUInt32LE(e.crc >>> 0, p + 10);
  out.writeUInt32LE(e.raw.length, p + 14);
  out.writeUInt32LE(e.size, p + 18);
  out.writeUInt16LE(name.length, p + 22);
  out.writeUInt16LE(0, p + 24);
  p += 26;
  if (kind === CENTRAL) {
    out.fill(0, p, p + 10); // comment length, disk, internal and external attributes
    out.writeUInt32LE(local, p + 10);
    p += 14;
  }
  out.set(name, p);
  return p + name.length;
}

function dosNow(): { time: number; date: number } {
  const d = new Date();
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}
