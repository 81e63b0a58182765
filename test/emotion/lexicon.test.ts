import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLexicons } from '../../src/emotion/check-lexicons.js';
import { compilePattern, loadLexicons } from '../../src/emotion/lexicon.js';
import { EmotionTagger } from '../../src/emotion/tagger.js';
import { english } from '../../src/lang/eng/language.js';
import { chinese } from '../../src/lang/cmn/language.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tmp = useTempDir();

describe('compilePattern', () => {
  it.each([
    ['disappointed', [{ kind: 'word', word: 'disappointed', stem: 'disappoint' }]],
    ["wouldn't recommend", [{ kind: 'word', word: 'would' }, { kind: 'word', word: 'not' }, { kind: 'word', word: 'recommend' }]],
    ['had to call … times', [{ kind: 'word', word: 'had' }, { kind: 'word', word: 'to' }, { kind: 'word', word: 'call' }, { kind: 'gap' }, { kind: 'word', word: 'times' }]],
    ['rip-off', [{ kind: 'word', word: 'rip' }, { kind: 'word', word: 'off' }]],
    ['dissapoint*', [{ kind: 'prefix', prefix: 'dissapoint' }]],
  ])('%j', (pattern, parts) => {
    expect(compilePattern(pattern, english)).toMatchObject(parts);
  });

  it('reads Chinese patterns as characters with gaps', () => {
    expect(compilePattern('打了…次电话', chinese)).toEqual([
      { kind: 'chars', text: '打了' },
      { kind: 'gap' },
      { kind: 'chars', text: '次电话' },
    ]);
  });
});

describe('shipped lexicons', () => {
  it('pass `lexicon check` with no errors, in depth (hundreds of entries per language)', () => {
    const lexicons = loadLexicons();
    expect(checkLexicons(lexicons).filter((p) => p.severity === 'error')).toEqual([]);
    for (const [, lexicon] of lexicons.languages) {
      expect(lexicon.entries.length).toBeGreaterThan(500);
      expect(lexicon.negators.length).toBeGreaterThan(10);
      expect(new Set(lexicon.entries.map((e) => e.emotion)).size).toBe(13);
    }
  });
});

describe('user lexicon folders', () => {
  /** A plain one-word delight entry of the built-in English lexicon, whatever the lexicon holds today. */
  const builtInWord = () =>
    loadLexicons().languages.get('eng')!.entries.find((e) => e.emotion === 'delight' && /^[a-z]+$/.test(e.pattern) && e.weight >= 0.5)!.pattern;

  function userDir(): string {
    const dir = tmp.dir();
    mkdirSync(join(dir, 'eng'), { recursive: true });
    writeFileSync(
      join(dir, 'taxonomy.json'),
      JSON.stringify({ emotions: [{ id: 'confusion', valence: -1, description: 'did not understand' }] }),
    );
    writeFileSync(join(dir, 'eng', 'emotions.tsv'), `# ours\nconfusing\tconfusion\t0.9\n${builtInWord()}\tdelight\t0\n`);
    return dir;
  }

  it('add emotions and entries, remove entries with weight 0, and change the version', () => {
    const builtIn = loadLexicons();
    const custom = loadLexicons([userDir()]);
    expect(custom.version).not.toBe(builtIn.version);
    expect(custom.taxonomy.has('confusion')).toBe(true);
    const tagger = new EmotionTagger(custom);
    const tags = (text: string) => tagger.tag(text, [{ lang: 'eng', start: 0, end: text.length, supported: true }]).emotions.map((e) => e.emotion);
    expect(tags('The invoice is so confusing')).toContain('confusion');
    const word = builtInWord();
    expect(tags(word)).not.toContain('delight');
    expect(new EmotionTagger(builtIn).tag(word, [{ lang: 'eng', start: 0, end: word.length, supported: true }]).emotions.map((e) => e.emotion)).toContain('delight');
  });

  it('report unknown emotions and bad weights as errors', () => {
    const dir = tmp.dir();
    mkdirSync(join(dir, 'swe'));
    writeFileSync(join(dir, 'swe', 'emotions.tsv'), 'glad\tjoyfulness\t0.5\narg\tanger\t7\n');
    const problems = checkLexicons(loadLexicons([dir])).filter((p) => p.severity === 'error');
    expect(problems.map((p) => p.message)).toEqual([
      "unknown emotion 'joyfulness' (not in taxonomy.json)",
      "'7' is not a number from 0 to 1",
    ]);
  });
});
