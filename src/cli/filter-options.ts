import { type Command, Option } from 'commander';
import { HeartlineError } from '../errors.js';
import { LANGUAGES, resolveLanguage } from '../lang/registry.js';
import type { ResponseFilters } from '../store/response-filters.js';

/** The flags that choose which responses a command reads (report, suggest). */
export interface FilterFlags {
  since?: string;
  until?: string;
  lang: string[];
  segment: string[];
  source: string[];
}

/** The language `--help` shows as an example of the three ways to name one. */
const EXAMPLE = LANGUAGES[0]!;

export const repeatable = (value: string, previous: string[]) => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

/** Adds --since, --until, --lang, --segment and --source to a command. */
export function addFilterOptions(command: Command): Command {
  return command
    .addOption(new Option('--since <date>', 'only responses on or after this date (YYYY-MM-DD)'))
    .addOption(new Option('--until <date>', 'only responses on or before this date'))
    .addOption(new Option('--lang <language>', `only these detected languages, by code or name: ${EXAMPLE.code}, ${EXAMPLE.iso6391}, ${EXAMPLE.name} (repeatable or comma-separated)`).argParser(repeatable).default([]))
    .addOption(
      new Option('--segment <key=value>', 'only responses with this segment value; repeat a key for any of its values (the value may hold commas)')
        .argParser((value: string, previous: string[]) => [...previous, value])
        .default([]),
    )
    .addOption(new Option('--source <name>', 'only responses imported with this --source (repeatable or comma-separated)').argParser(repeatable).default([]));
}

/** The filters the flags ask for, with only the keys given (the JSON output echoes them). */
export function filtersFrom(flags: FilterFlags): ResponseFilters {
  const filters: ResponseFilters = {};
  const since = date(flags.since, '--since');
  const until = date(flags.until, '--until');
  if (since) filters.since = since;
  if (until) filters.until = until;
  if (flags.lang.length > 0) filters.lang = [...new Set(flags.lang.map(language))];
  if (flags.segment.length > 0) filters.segment = segmentFilter(flags.segment);
  if (flags.source.length > 0) filters.source = flags.source;
  return filters;
}

function date(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}(-\d{2})?$/.test(value)) throw new HeartlineError('E_USAGE', `${flag} needs a date like 2025-03-31, not '${value}'`);
  return value;
}

/** A language by code, two-letter code or English name, as the language registry knows them. */
function language(value: string): string {
  const code = resolveLanguage(value);
  if (code) return code;
  const known = LANGUAGES.map((l) => `${l.name} (${l.code})`).join(', ');
  throw new HeartlineError('E_USAGE', `--lang: no language '${value}'`, {}, `use a code or a name: ${known}, or the three-letter code of another detected language`);
}

/** `--segment market=SE --segment market=HU --segment channel=app`: SE or HU, and app. */
function segmentFilter(pairs: string[]): Record<string, string[]> {
  // A Map, not an object: a segment may be named __proto__ like any column.
  const filter = new Map<string, string[]>();
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new HeartlineError('E_USAGE', `--segment needs key=value, not '${pair}'`);
    const key = pair.slice(0, at).trim().toLowerCase();
    // Segment values are stored trimmed; anything else in the value (commas, =, quotes) is the value.
    filter.set(key, [...(filter.get(key) ?? []), pair.slice(at + 1).trim()]);
  }
  return Object.fromEntries(filter);
}
