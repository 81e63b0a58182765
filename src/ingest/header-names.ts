/**
 * The header's names, made usable: an empty name becomes `column N` by position (a spreadsheet's trailing
 * `;;` is a few such columns, not a duplicate column ''), and a repeated name gets a suffix so no column
 * silently shadows another — said in one note however many there are.
 */
export function headerNames(values: string[], notes: string[]): string[] {
  const trimmed = values.map((v) => v.trim());
  const named = trimmed.map((name, i) => (name === '' ? `column ${i + 1}` : name));
  let end = trimmed.length;
  while (end > 0 && trimmed[end - 1] === '') end--;
  const inner = trimmed.slice(0, end).filter((name) => name === '').length;
  if (inner > 0) notes.push(`${inner} column${inner === 1 ? ' has' : 's have'} no name in the header: read as 'column N' by position`);
  const seen = new Map<string, number>();
  const renamed: string[] = [];
  let repeated = '';
  const out = named.map((name, i) => {
    const key = name.toLowerCase();
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n === 1) return name;
    repeated ||= name;
    if (renamed.length < 3) renamed.push(`column ${i + 1} is read as '${name} (${n})'`);
    return `${name} (${n})`;
  });
  const repeats = named.length - seen.size;
  if (repeats === 1) notes.push(`duplicate column '${repeated}': the first is used; ${renamed[0]}`);
  else if (repeats > 1) {
    const names = [...seen].filter(([, n]) => n > 1);
    const shown = names.slice(0, 3).map(([key, n]) => `'${named.find((x) => x.toLowerCase() === key)}' ×${n}`);
    notes.push(
      `${repeats} duplicate column names (${shown.join(', ')}${names.length > 3 ? `, and ${names.length - 3} more names` : ''}): ` +
        `the first of each is used; ${renamed.join(', ')}${repeats > renamed.length ? ', …' : ''}`,
    );
  }
  return out;
}
