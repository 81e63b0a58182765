import { existsSync, statSync } from 'node:fs';
import { Option } from 'commander';
import { HeartlineError } from '../errors.js';

export const lexiconDirOption = () =>
  new Option('--lexicon-dir <dir>', 'a folder of your own lexicons laid over the built-in ones (same layout; repeatable)')
    .argParser((value: string, previous: string[]) => [...previous, value])
    .default([]);

export function checkLexiconDirs(dirs: string[]): string[] {
  for (const dir of dirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new HeartlineError('E_USAGE', `--lexicon-dir '${dir}' is not a folder`);
    }
  }
  return dirs;
}
