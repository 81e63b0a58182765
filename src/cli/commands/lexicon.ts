import { Command } from 'commander';
import { checkLexicons } from '../../emotion/check-lexicons.js';
import { loadLexicons } from '../../emotion/lexicon.js';
import { EXIT } from '../exit-codes.js';
import { checkLexiconDirs, lexiconDirOption } from '../lexicon-options.js';

export function lexiconCommand(): Command {
  const lexicon = new Command('lexicon').description('work with the emotion lexicons');
  lexicon
    .command('check')
    .description(
      'validate the lexicons: unknown emotions, bad weights, malformed lines, entries that can never match, ' +
        'duplicates and opposite-emotion conflicts (exit 1 on errors; warnings alone exit 0)',
    )
    .addOption(lexiconDirOption())
    .option('--quiet', 'print only the totals and errors')
    .action((flags: { lexiconDir: string[]; quiet?: boolean }) => {
      const lexicons = loadLexicons(checkLexiconDirs(flags.lexiconDir));
      const problems = checkLexicons(lexicons);
      for (const p of problems) {
        if (flags.quiet && p.severity === 'warning') continue;
        process.stdout.write(`${p.severity}: ${p.source}: ${p.message}\n`);
      }
      const errors = problems.filter((p) => p.severity === 'error').length;
      const entries = [...lexicons.languages.values()].map((l) => `${l.lang} ${l.entries.length}`).join(', ');
      process.stdout.write(
        `lexicon ${lexicons.version}: ${lexicons.taxonomy.ids.length} emotions; entries ${entries}; emoji ${lexicons.emoji.length}; ` +
          `${errors} error${errors === 1 ? '' : 's'}, ${problems.length - errors} warning${problems.length - errors === 1 ? '' : 's'}\n`,
      );
      process.exitCode = errors > 0 ? EXIT.FAILURE : EXIT.OK;
    });
  return lexicon;
}
