/**
 * Text in a legacy encoding, for tests: Node decodes windows-125x, GB18030 and Big5 but cannot encode them,
 * so the table is built by decoding every byte and byte pair once.
 */
const tables = new Map<string, Map<string, number[]>>();

export function encodeLegacy(text: string, encoding: string): Buffer {
  const table = tableFor(encoding);
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const mapped = table.get(ch);
      if (!mapped) throw new Error(`'${ch}' has no ${encoding} encoding`);
      bytes.push(...mapped);
    }
  }
  return Buffer.from(bytes);
}

function tableFor(encoding: string): Map<string, number[]> {
  let table = tables.get(encoding);
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder(encoding);
  const add = (bytes: number[]) => {
    const ch = decoder.decode(Uint8Array.from(bytes));
    if ([...ch].length === 1 && ch !== '\ufffd' && !table!.has(ch)) table!.set(ch, bytes);
  };
  for (let b = 0x80; b <= 0xff; b++) add([b]);
  if (encoding === 'gb18030' || encoding === 'big5') {
    for (let lead = 0x81; lead <= 0xfe; lead++) for (let trail = 0x40; trail <= 0xfe; trail++) add([lead, trail]);
  }
  tables.set(encoding, table);
  return table;
}
