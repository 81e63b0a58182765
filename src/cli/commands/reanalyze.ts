import { Command } from 'commander';
import { LanguageDetector } from '../../language/detect-language.js';
import { taggerFor } from '../../pipeline/taggers.js';
import { reanalyze } from '../../pipeline/reanalyze.js';
import { dbOption, waitOption, waitSeconds } from '../common-options.js';
import { validLexiconDirs, lexiconDirOption } from '../lexicon-options.js';
import { withImportStore } from '../with-database.js';

export function reanalyzeCommand(): Command {
  return new Command('reanalyze')
    .description('re-detect language and re-tag emotions of responses analysed with other lexicons (after a lexicon change)')
    .addOption(dbOption())
    .addOption(lexiconDirOption())
    .option('--all', 're-analyse every response, not only those with another lexicon version')
    .addOption(waitOption())
    .action(async (flags: { db: string; lexiconDir: string[]; all?: boolean; wait?: string | boolean }) => {
      const tagger = taggerFor(validLexiconDirs(flags.lexiconDir));
      const result = await withImportStore(flags.db, 'reanalyze', waitSeconds(flags.wait), async (store, _invocation, signal) => {
        const done = await reanalyze(store.engine === 'sqlite' ? store.db : store.pg, new LanguageDetector(), tagger, flags.all ?? false, signal);
        // Stopped (SIGINT, SIGTERM): say what was done; withWriteLock then exits 130 or 143.
        if (done.stopped) process.stdout.write(`re-analysed ${done.reanalysed} responses before stopping; run reanalyze again to finish\n`);
        return done;
      });
      const before = Object.entries(result.from).map(([v, n]) => `${n} from ${v}`).join(', ');
      process.stdout.write(
        result.reanalysed === 0
          ? `all responses are analysed with lexicon ${result.version}; nothing to do\n`
          : `re-analysed ${result.reanalysed} responses with lexicon ${result.version} (${before})\n`,
      );
    });
}
