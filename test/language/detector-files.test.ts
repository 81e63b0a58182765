import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lexiconIdentity } from '../../src/emotion/lexicon.js';
import { REGISTRY } from '../../src/lang/registry.js';
import { detectorFiles } from '../../src/language/detector-files.js';
import { BUILTIN_LEXICON_DIR } from '../../src/lexicon/lexicon-dir.js';
import { useTempDir } from '../helpers/temp-dir.js';

const temp = useTempDir();

const NOB = 'nob\tLatin\tnob\tæ ø å\t\t\t\n';

/** A user lexicon folder holding a neighbour language, and `content` at `path` (relative to it). */
function folderWith(path: string, content: string): string {
  for (const [name, text] of [[join('neighbours', 'languages.tsv'), NOB], [path, content]] as const) {
    const file = join(temp.dir(), name);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, text);
  }
  return temp.dir();
}

describe('detectorFiles: what language identification reads is part of the lexicon version', () => {
  it('lists our word lists and every neighbour file', () => {
    const files = detectorFiles([BUILTIN_LEXICON_DIR], REGISTRY).map((f) => f.slice(f.lastIndexOf('lexicons')));
    expect(files).toEqual(
      expect.arrayContaining([
        join('lexicons', 'swe', 'stopwords.txt'),
        join('lexicons', 'rus', 'frequent.txt'),
        join('lexicons', 'neighbours', 'languages.tsv'),
        join('lexicons', 'neighbours', 'nob.txt'),
        join('lexicons', 'neighbours', 'bul.txt'),
      ]),
    );
  });

  it.each([
    ['a neighbour word list', join('neighbours', 'nob.txt'), 'ikke\n'],
    ['the neighbour languages', join('neighbours', 'languages.tsv'), NOB],
    ['a stopword list of ours', join('swe', 'stopwords.txt'), 'inte\n'],
  ])('changes when %s changes', (_what, path, content) => {
    const before = lexiconIdentity([folderWith(path, content)]).version;
    const after = lexiconIdentity([folderWith(path, `${content}# edited\nmer\n`)]).version;
    expect(after).not.toBe(before);
    expect(before).not.toBe(lexiconIdentity().version);
  });
});
