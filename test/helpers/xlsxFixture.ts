import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A minimal but real .xlsx writer for tests: shared strings, inline strings, numbers, booleans,
 * errors and date-styled serials, in the layout Excel writes (ZIP of OOXML parts, deflated).
 */
export type FixtureCell =
  | string
  | number
  | null
  | { inline: string }
  | { date: number }
  | { time: number }
  | { bool: boolean }
  | { error: string }
  | { stored: string };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const colName = (i: number): string => (i >= 26 ? colName(Math.floor(i / 26) - 1) : '') + String.fromCharCode(65 + (i % 26));

function sheetXml(rows: { row: number; cells: FixtureCell[] }[], strings: string[]): string {
  const index = (s: string) => {
    let i = strings.indexOf(s);
    if (i < 0) i = strings.push(s) - 1;
    return i;
  };
  const body = rows.map(({ row, cells }) => {
    const cs = cells.map((cell, c) => {
      const r = `${colName(c)}${row}`;
      if (cell === null) return '';
      if (typeof cell === 'string') return `<c r="${r}" t="s"><v>${index(cell)}</v></c>`;
      if (typeof cell === 'number') return `<c r="${r}"><v>${cell}</v></c>`;
      if ('inline' in cell) return `<c r="${r}" t="inlineStr"><is><t>${esc(cell.inline)}</t></is></c>`;
      if ('date' in cell) return `<c r="${r}" s="1"><v>${cell.date}</v></c>`;
      if ('time' in cell) return `<c r="${r}" s="2"><v>${cell.time}</v></c>`;
      if ('bool' in cell) return `<c r="${r}" t="b"><v>${cell.bool ? 1 : 0}</v></c>`;
      if ('error' in cell) return `<c r="${r}" t="e"><v>${esc(cell.error)}</v></c>`;
      return `<c r="${r}" s="3"><v>${cell.stored}</v></c>`;
    }).join('');
    return `<row r="${row}">${cs}</row>`;
  }).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
}

function zip(files: [string, string][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of files) {
    const data = Buffer.from(text, 'utf8');
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    // The local header and the central directory entry share one run of fields (version needed,
    // UTF-8 flag, deflate, CRC, sizes, name length); the central entry has it 2 bytes further on.
    const entryFields = (header: Buffer, at: number): Buffer => {
      header.writeUInt16LE(20, at);
      header.writeUInt16LE(0x800, at + 2);
      header.writeUInt16LE(8, at + 4);
      header.writeUInt32LE(crc32(data), at + 10);
      header.writeUInt32LE(packed.length, at + 14);
      header.writeUInt32LE(data.length, at + 18);
      header.writeUInt16LE(nameBytes.length, at + 22);
      return header;
    };
    const local = entryFields(Buffer.alloc(30), 4);
    local.writeUInt32LE(0x04034b50, 0);
    const central = entryFields(Buffer.alloc(46), 6);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Sheets in order: name and rows (row numbers may skip). */
export function xlsxFixture(sheets: { name: string; rows: { row: number; cells: FixtureCell[] }[] }[], options: { date1904?: boolean } = {}): Buffer {
  const strings: string[] = [];
  const sheetParts = sheets.map((s, i) => [`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s.rows, strings)] as [string, string]);
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return zip([
    ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
    ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}" xmlns:r="${rel}">${options.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rIdS" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="${rel}/styles" Target="styles.xml"/></Relationships>`],
    ['xl/styles.xml', `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${ns}"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd\\ hh:mm:ss"/><numFmt numFmtId="165" formatCode="#,##0.00\\ &quot;€&quot;;[Red]\\-#,##0.00\\ &quot;€&quot;"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/></cellXfs></styleSheet>`],
    ...sheetParts,
    ['xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${ns}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')}</sst>`],
  ]);
}

/** The Excel serial (1900 system) of a UTC wall-clock time. */
export function excelSerial(isoUtc: string): number {
  return Date.parse(isoUtc) / 86_400_000 + 25569;
}
