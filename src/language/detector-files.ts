import { join } from 'node:path';
import type { LanguageRegistry } from '../lang/language-registry.js';
import { neighbourFiles } from './neighbour-languages.js';
import { WORD_SOURCES } from './word-evidence.js';

/**
 * Bump when a change to language identification's code changes which language texts get: like the lexicon
 * files, it is part of the lexicon version, so `reanalyze` re-detects what an older detector assigned.
 */
export const DETECTOR_VERSION = 2;

/**
 * Every file language identification reads (missing ones included: a user folder may lack some): our word
 * lists and the neighbour languages. Editing any of them changes which language texts get, so they are part
 * of the lexicon version stored with each analysis.
 */
export function detectorFiles(dirs: readonly string[], registry: LanguageRegistry): string[] {
  return [
    ...registry.languages.flatMap((language) => dirs.flatMap((dir) => WORD_SOURCES.map((source) => join(dir, language.code, source.file)))),
    ...neighbourFiles(dirs),
  ];
}
