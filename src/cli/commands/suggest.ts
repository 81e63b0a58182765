import { Command, Option } from 'commander';
import { suggestPhrases } from '../../analysis/suggest-phrases.js';
import { HeartlineError } from '../../errors.js';
import { type SuggestFormat, SUGGESTION_RENDERERS } from '../../report/suggestion-renderers.js';
import { readSnapshot } from '../../store/read-snapshot.js';
import { SuggestReader } from '../../store/suggest-reader.js';
import { loadPgSuggestSource } from '../../store/pg/pg-suggest-source.js';
import { displayUrl, isPostgresUrl } from '../../store/pg/postgres-url.js';
import { dbOption, positiveNumber, redactOption } from '../common-options.js';
import { type FilterFlags, addFilterOptions, filtersFrom } from '../filter-options.js';
import { checkLexiconDirs, lexiconDirOption } from '../lexicon-options.js';
import { withDatabase, withPostgres } from '../with-database.js';
import { writeOutput } from '../write-output.js';

interface SuggestFlags extends FilterFlags {
  db: string;
  format: SuggestFormat;
  out?: string;
  ngram: string;
  minCount: string;
  minZ: string;
  top: string;
  redact?: boolean;
  lexiconDir: string[];
}

/** Longest phrase counted: longer ones are rarely frequent, and a lexicon pattern of 5+ words rarely generalises. */
const MAX_NGRAM = 4;

export function suggestCommand(): Command {
  const command = new Command('suggest')
    .description(
      'what the lexicons miss: words and phrases that go with detractors or promoters and that no tag explains, per language, ' +
        'with counts, z-scores (weighted log-odds, Monroe et al. 2008), examples and a proposed emotion (docs/tagging.md)',
    )
    .addOption(dbOption())
    .addOption(new Option('--format <format>', 'table, json, or tsv (an emotions.tsv fragment for a --lexicon-dir folder)').choices(Object.keys(SUGGESTION_RENDERERS)).default('table'))
    .addOption(new Option('--out <file>', 'write to this file instead of standard output'));
  return addFilterOptions(command)
    .addOption(new Option('--ngram <range>', `phrase lengths in words, e.g. 1-${MAX_NGRAM}, 2-3 or 1`).default(`1-${MAX_NGRAM}`))
    .addOption(new Option('--min-count <n>', 'only phrases used, unexplained, in at least this many responses').default('10'))
    .addOption(new Option('--min-z <z>', 'only phrases at least this strongly associated (|z|)').default('1.96'))
    .addOption(new Option('--top <n>', 'phrases per language and side (detractors, promoters)').default('20'))
    .addOption(redactOption('in the examples shown (automatic when the database was imported with --redact)'))
    .addOption(lexiconDirOption())
    .action(async (flags: SuggestFlags) => {
      const [minLength, maxLength] = ngramRange(flags.ngram);
      const options = {
        database: flags.db,
        filters: filtersFrom(flags),
        minLength,
        maxLength,
        minCount: wholeNumber(flags.minCount, '--min-count'),
        minZ: nonNegative(flags.minZ, '--min-z'),
        top: wholeNumber(flags.top, '--top'),
        redact: flags.redact ?? false,
        lexiconDirs: checkLexiconDirs(flags.lexiconDir),
      };
      const suggestions = isPostgresUrl(flags.db)
        ? await withPostgres(flags.db, async (pg) => suggestPhrases(await loadPgSuggestSource(pg, options.filters), { ...options, database: displayUrl(flags.db) }))
        : await withDatabase(
            flags.db,
            // One read transaction: counts and examples come from the same snapshot while an import runs (WAL).
            (db) => readSnapshot(db, () => suggestPhrases(new SuggestReader(db, options.filters), options)),
            true,
          );
      const text = SUGGESTION_RENDERERS[flags.format](suggestions);
      if (flags.out) {
        writeOutput(flags.out, text);
        process.stderr.write(`heartline: wrote ${flags.format} suggestions to ${flags.out}\n`);
      } else process.stdout.write(text);
    });
}

function ngramRange(value: string): [number, number] {
  const m = /^(\d)(?:-(\d))?$/.exec(value.trim());
  const low = Number(m?.[1]);
  const high = Number(m?.[2] ?? m?.[1]);
  if (!m || low < 1 || high > MAX_NGRAM || low > high) {
    throw new HeartlineError('E_USAGE', `--ngram needs a range of phrase lengths from 1 to ${MAX_NGRAM} words like 1-${MAX_NGRAM} or 2, not '${value}'`);
  }
  return [low, high];
}

function wholeNumber(value: string, flag: string): number {
  const n = positiveNumber(value, flag);
  if (!Number.isInteger(n)) throw new HeartlineError('E_USAGE', `${flag} needs a whole number, not '${value}'`);
  return n;
}

function nonNegative(value: string, flag: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new HeartlineError('E_USAGE', `${flag} needs a number of 0 or more, not '${value}'`);
  return n;
}
