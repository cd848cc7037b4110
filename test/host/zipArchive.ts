import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

/*
 * Reads a .zip (a .vsix is one) with Node alone, so checking a package needs neither `unzip`
 * nor a zip library: the end-of-central-directory record says where the central directory
 * is, and each of its headers names one entry and where its data starts. No ZIP64: a .vsix
 * that needs it (over 4 GB or 65,535 entries) is wrong anyway.
 */

export interface ZipEntry {
  name: string;
  /** The entry's bytes, uncompressed (stored and deflated entries). */
  read(): Buffer;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const MAX_COMMENT = 0xffff;

export function readZipEntries(file: string): ZipEntry[] {
  const zip = readFileSync(file);
  const end = findEndOfCentralDirectory(zip);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index++) {
    if (zip.readUInt32LE(at) !== CENTRAL_HEADER) throw new Error(`${file}: central directory header ${index} is damaged`);
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const headerLength = 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const localHeader = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    entries.push({ name, read: () => entryData(zip, file, name, localHeader, method, compressedSize) });
    at += headerLength;
  }
  return entries;
}

function findEndOfCentralDirectory(zip: Buffer): number {
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - MAX_COMMENT); at--) {
    if (zip.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new Error('not a zip file: no end-of-central-directory record');
}

function entryData(zip: Buffer, file: string, name: string, localHeader: number, method: number, size: number): Buffer {
  if (zip.readUInt32LE(localHeader) !== LOCAL_HEADER) throw new Error(`${file}: local header of ${name} is damaged`);
  const start = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
  const data = zip.subarray(start, start + size);
  if (method === 0) return Buffer.from(data);
  if (method === 8) return inflateRawSync(data);
  throw new Error(`${file}: ${name} uses compression method ${method}`);
}
