import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

describe('heartline tag', () => {
  it('prints one JSON object per line with language, emotions and evidence', () => {
    const result = runCli(['tag'], { input: 'Пришлось звонить три раза!\nTack för hjälpen\nDie Lieferung kam zwei Tage zu spät.\n' });
    expect(result.status).toBe(0);
    const out = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as { lang: string; emotions: { emotion: string; evidence: string[] }[] });
    expect(out[0]!.lang).toBe('rus');
    expect(out[0]!.emotions.find((e) => e.emotion === 'frustration')?.evidence).toContain('Пришлось звонить');
    expect(out[1]!.lang).toBe('swe');
    expect(out[1]!.emotions.map((e) => e.emotion)).toContain('gratitude');
    expect(out[2]).toMatchObject({ lang: 'deu', emotions: [] });
  });

  it('reads Chinese on word boundaries: 别 inside 特别 ("especially") does not negate', () => {
    const result = runCli(['tag', '--text', '特别满意']);
    // The polarity baseline keeps its plain character matching (docs/tagging.md): only the emotions use word boundaries.
    expect(result.stdout).toBe('{"lang":"cmn","emotions":[{"emotion":"satisfaction","score":1,"evidence":["满意"]}],"polarity":-0.4}\n');
  });
});

describe('heartline explain', () => {
  it('marks the evidence and says what negation did', () => {
    const result = runCli(['explain', '--text', "I'm not angry, just disappointed."]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("I'm not [[angry]], just [[disappointed]].");
    expect(result.stdout).toContain('disappointment');
    expect(result.stdout).toContain('(removed) "angry"');
  });
});

describe('heartline lexicon check', () => {
  it('passes on the shipped lexicons', () => {
    const result = runCli(['lexicon', 'check', '--quiet']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/13 emotions; entries rus \d+, swe \d+, cmn \d+, hun \d+, eng \d+; emoji \d+; 0 errors/);
  });
});
