import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

describe('heartline detect', () => {
  it('prints one JSON object per input line', () => {
    const result = runCli(['detect'], { input: 'Tack!\nнорм\n好评\nKöszi\ngreat service\n👍\n' });
    expect(result.status).toBe(0);
    const out = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as { lang: string; supported: boolean });
    expect(out.map((o) => o.lang)).toEqual(['swe', 'rus', 'cmn', 'hun', 'eng', 'und']);
    expect(out.map((o) => o.supported)).toEqual([true, true, true, true, true, false]);
  });

  it('detects a single --text', () => {
    const result = runCli(['detect', '--text', 'Die Lieferung kam zwei Tage zu spät.']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ lang: 'deu', supported: false });
  });
});
