/**
 * A minimal Compound File Binary (OLE2) container, the format of .xls, .et and of encrypted .xlsx files: a 512-byte
 * header, one FAT sector and one directory sector naming empty streams. Enough for a reader to recognise what the
 * file is (an encrypted package has the `EncryptionInfo` and `EncryptedPackage` streams, an .xls a `Workbook`).
 */
export function cfbFile(streams: string[]): Buffer {
  const sector = 512;
  const header = Buffer.alloc(sector);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 24); // minor version
  header.writeUInt16LE(3, 26); // major version 3: 512-byte sectors
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // sector shift
  header.writeUInt16LE(6, 32); // mini sector shift
  header.writeUInt32LE(1, 44); // one FAT sector
  header.writeUInt32LE(1, 48); // directory starts at sector 1
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(0xfffffffe, 60); // no mini FAT
  header.writeUInt32LE(0xfffffffe, 68); // no DIFAT sectors
  header.writeUInt32LE(0, 76); // FAT sector 0
  for (let i = 1; i < 109; i++) header.writeUInt32LE(0xffffffff, 76 + i * 4);
  const fat = Buffer.alloc(sector, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0); // sector 0: FAT
  fat.writeUInt32LE(0xfffffffe, 4); // sector 1: directory, end of chain
  const directory = Buffer.alloc(sector);
  const entry = (index: number, name: string, type: number, child: number, right: number) => {
    const at = index * 128;
    const encoded = Buffer.from(`${name}\0`, 'utf16le');
    encoded.copy(directory, at);
    directory.writeUInt16LE(encoded.length, at + 64);
    directory.writeUInt8(type, at + 66);
    directory.writeUInt8(1, at + 67); // black
    directory.writeUInt32LE(0xffffffff, at + 68); // left sibling
    directory.writeUInt32LE(right, at + 72);
    directory.writeUInt32LE(child, at + 76);
    directory.writeUInt32LE(0xfffffffe, at + 116); // start sector: none
  };
  entry(0, 'Root Entry', 5, streams.length ? 1 : 0xffffffff, 0xffffffff);
  streams
    .slice(0, 3)
    .forEach((name, i) => entry(i + 1, name, 2, 0xffffffff, i + 1 < streams.length ? i + 2 : 0xffffffff));
  return Buffer.concat([header, fat, directory]);
}
