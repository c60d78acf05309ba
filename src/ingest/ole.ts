/**
 * What an OLE compound file (MS-CFB: Office 97–2003 documents, and Office 2007+ files
 * encrypted with a password) holds, from its directory's stream names: an Excel 97–2003
 * workbook has a "Workbook" (or, older, "Book") stream; a password-protected workbook of any
 * version keeps its encrypted package in an "EncryptedPackage" stream (MS-OFFCRYPTO 2.3.4).
 * Anything else (a Word .doc) is just an OLE file; a file whose directory cannot be read is
 * taken for an .xls, as most OLE files given as exports are.
 *
 * Only the header, the sector allocation table's sectors on the directory's chain and the
 * directory itself are read, each sector once, every loop bounded by the file's sector count.
 */
import { open } from 'node:fs/promises';

export type OleKind = 'encrypted' | 'xls' | 'other';

const END = 0xfffffffe;
const MAX_SECTOR = 0xfffffffa; // larger numbers are markers (end of chain, free, FAT, DIFAT)
/** Directory entries looked at: a workbook's directory has a handful. */
const MAX_ENTRIES = 4096;

export async function oleKind(path: string): Promise<OleKind> {
  const fh = await open(path, 'r');
  try {
    const size = (await fh.stat()).size;
    const read = async (pos: number, len: number): Promise<Buffer> => {
      const b = Buffer.alloc(len);
      const { bytesRead } = await fh.read(b, 0, len, pos);
      if (bytesRead < len) throw new Error('short read');
      return b;
    };
    return await directoryKind(await read(0, 512), size, read);
  } catch {
    return 'xls'; // a directory that cannot be read: say what most OLE files given as exports are
  } finally {
    await fh.close();
  }
}

async function directoryKind(header: Buffer, size: number, read: (pos: number, len: number) => Promise<Buffer>): Promise<OleKind> {
  const shift = header.readUInt16LE(0x1e);
  if (header.readUInt16LE(0x1c) !== 0xfffe || (shift !== 9 && shift !== 12)) throw new Error('not a compound file header');
  const sectorSize = 1 << shift;
  const sectors = Math.floor(size / sectorSize); // an upper bound on every chain's length
  const sectorAt = (n: number) => read((n + 1) * sectorSize, sectorSize);
  const perSector = sectorSize / 4;

  // The FAT's sectors: 109 in the header, the rest on the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) fatSectors.push(header.readUInt32LE(0x4c + 4 * i));
  let difat = header.readUInt32LE(0x44);
  for (let hops = 0; difat <= MAX_SECTOR && hops < sectors; hops++) {
    const s = await sectorAt(difat);
    for (let i = 0; i < perSector - 1; i++) fatSectors.push(s.readUInt32LE(4 * i));
    difat = s.readUInt32LE(sectorSize - 4);
  }
  const fatCache = new Map<number, Buffer>();
  const next = async (n: number): Promise<number> => {
    const which = Math.floor(n / perSector);
    const at = fatSectors[which];
    if (at === undefined || at > MAX_SECTOR) throw new Error('no FAT sector');
    let fat = fatCache.get(which);
    if (!fat) fatCache.set(which, (fat = await sectorAt(at)));
    return fat.readUInt32LE(4 * (n % perSector));
  };

  const names = new Set<string>();
  let sector = header.readUInt32LE(0x30);
  for (let hops = 0; sector !== END && hops < sectors && names.size < MAX_ENTRIES; hops++) {
    if (sector > MAX_SECTOR) throw new Error('bad directory chain');
    const s = await sectorAt(sector);
    for (let o = 0; o + 128 <= sectorSize; o += 128) {
      const len = s.readUInt16LE(o + 64);
      const type = s[o + 66];
      if ((type === 2 || type === 1) && len >= 2 && len <= 64) names.add(s.toString('utf16le', o, o + len - 2));
    }
    sector = await next(sector);
  }
  if (names.has('EncryptedPackage')) return 'encrypted';
  if (names.has('Workbook') || names.has('Book') || names.has('WORKBOOK') || names.has('BOOK')) return 'xls';
  return 'other';
}
