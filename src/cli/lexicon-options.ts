import { existsSync, statSync } from 'node:fs';
import { Option } from 'commander';
import { type LexiconProblem, loadLexicons } from '../emotion/lexicon.js';
import { HeartlineError } from '../errors.js';

export const lexiconDirOption = () =>
  new Option('--lexicon-dir <dir>', 'a folder of your own lexicons laid over the built-in ones (same layout; repeatable)')
    .argParser((value: string, previous: string[]) => [...previous, value])
    .default([]);

/** The folders exist and are folders (`lexicon check` reads them as they are, errors and all). */
export function checkLexiconDirs(dirs: string[], flag = '--lexicon-dir'): string[] {
  for (const dir of dirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new HeartlineError('E_USAGE', `${flag} '${dir}' is not a folder`);
    }
  }
  return dirs;
}

/**
 * The folders exist and their lexicons load without errors (a bad emotion id in taxonomy.json, an unknown
 * emotion, a bad weight), checked before anything starts: found in a worker thread half-way through an
 * import, the same error ended in a stack trace and a ledger row left `running`.
 */
export function validLexiconDirs(dirs: string[], flag = '--lexicon-dir'): string[] {
  checkLexiconDirs(dirs, flag);
  if (dirs.length === 0) return dirs;
  const hint = `heartline lexicon check ${dirs.map((d) => `--lexicon-dir ${d}`).join(' ')} lists every problem`;
  let problems: LexiconProblem[];
  try {
    problems = loadLexicons(dirs).problems.filter((p) => p.severity === 'error');
  } catch (error) {
    if (!(error instanceof HeartlineError)) throw error;
    throw new HeartlineError('E_USAGE', `${flag}: ${error.message}`, error.context, hint);
  }
  if (problems.length > 0) {
    const first = problems[0]!;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new HeartlineError('E_USAGE', `${flag}: ${first.source}: ${first.message}${more}`, {}, hint);
  }
  return dirs;
}
