import { readFileSync } from 'node:fs';
import { HeartlineError } from '../errors.js';
import type { Column } from './table.js';

/** Which column holds what. Names are as they appear in the file. */
export interface ColumnMap {
  id?: string;
  score?: string;
  text?: string;
  date?: string;
  /** A language the survey tool recorded (e.g. Qualtrics' UserLanguage); not our detection. */
  language?: string;
  segments: string[];
  /** How each column was found, for the mapping Heartline prints. */
  how: Partial<Record<Role, ColumnOrigin>>;
}

/** A flag named it; its header is a known name; its question text asks for it; it sits beside Qualtrics' NPS group. */
export type ColumnOrigin = 'flag' | 'name' | 'question' | 'nps-group';

export interface ColumnOverrides {
  id?: string;
  score?: string;
  text?: string;
  date?: string;
  segments?: string[];
}

export type Role = 'id' | 'score' | 'text' | 'date' | 'language';

interface NamesFile {
  roles: Record<Role, { from: string; names: string[] }[]>;
  questions: Partial<Record<Role, string[]>>;
}

/** Recognised headers, in five languages and as survey and help-desk tools name them (data, not code). */
const NAMES_FILE = new URL('../../src/ingest/column-names.json', import.meta.url);

let loaded: { names: Record<Role, string[]>; questions: Partial<Record<Role, RegExp>> } | undefined;

function known() {
  if (loaded) return loaded;
  const file = JSON.parse(readFileSync(NAMES_FILE, 'utf8')) as NamesFile;
  const names = Object.fromEntries(
    Object.entries(file.roles).map(([role, groups]) => [role, groups.flatMap((g) => g.names.map(normalise))]),
  ) as Record<Role, string[]>;
  const questions: Partial<Record<Role, RegExp>> = {};
  for (const [role, words] of Object.entries(file.questions) as [Role, string[]][]) {
    // A word start in letters of any script; Chinese has no spaces between words, so there a plain substring.
    const parts = words.map((w) => (/\p{Script=Han}/u.test(w) ? escape(w) : `(?<!\\p{L})${escape(w)}`));
    questions[role] = new RegExp(parts.join('|'), 'iu');
  }
  return (loaded = { names, questions });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Qualtrics adds a promoter/passive/detractor group column beside the NPS question; it is not the score. */
const NPS_GROUP = /_nps_group$/i;

/** Case, `_`, `-` and spaces alike; a trailing note in brackets (`Submit Date (UTC)`) ignored. */
export const normalise = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/\s*\([^)]*\)$/, '')
    .replace(/[\s_-]+/g, ' ')
    .trim();

export function mapColumns(columns: Column[], overrides: ColumnOverrides, label: string): ColumnMap {
  const index = new Map<string, string>();
  for (const c of columns) if (!index.has(normalise(c.name))) index.set(normalise(c.name), c.name);
  const find = (flag: string, name: string): string => {
    const hit = index.get(normalise(name));
    if (hit === undefined) {
      throw new HeartlineError(
        'E_COLUMN',
        `${flag} '${name}' is not a column of this file`,
        { file: label },
        `the columns are: ${listColumns(columns)}`,
      );
    }
    return hit;
  };
  const how: ColumnMap['how'] = {};
  const role = (r: Role, flag: string, override: string | undefined): string | undefined => {
    if (override !== undefined) {
      how[r] = 'flag';
      return find(flag, override);
    }
    const hit = guess(columns, r);
    if (hit) how[r] = hit.how;
    return hit?.name;
  };
  return {
    id: role('id', '--id-column', overrides.id),
    score: role('score', '--score-column', overrides.score),
    text: role('text', '--text-column', overrides.text),
    date: role('date', '--date-column', overrides.date),
    language: role('language', '', undefined),
    segments: (overrides.segments ?? []).map((s) => find('--segment-column', s)),
    how,
  };
}

/**
 * The columns a file has, for a hint. At most 40 are named: a header-less file's "columns" are its first row,
 * and a wide export has thousands.
 */
export function listColumns(columns: Column[]): string {
  const shown = columns.slice(0, 40).map((c) => c.name);
  return `${shown.join(', ')}${columns.length > shown.length ? `, … (${columns.length} in all)` : ''}`;
}

function guess(columns: Column[], role: Role): { name: string; how: ColumnOrigin } | undefined {
  const usable = role === 'score' ? columns.filter((c) => !NPS_GROUP.test(c.name)) : columns;
  const { names, questions } = known();
  // Whole names first, then the last part of a dotted JSON path (`answers.nps`, `values.recordedDate`).
  const full = new Map<string, string>();
  const leaf = new Map<string, string>();
  for (const c of usable) {
    const n = normalise(c.name);
    if (!full.has(n)) full.set(n, c.name);
    const last = c.name.includes('.') ? normalise(c.name.slice(c.name.lastIndexOf('.') + 1)) : undefined;
    if (last !== undefined && !leaf.has(last)) leaf.set(last, c.name);
  }
  for (const table of [full, leaf]) {
    for (const alias of names[role]) {
      const hit = table.get(alias);
      if (hit !== undefined) return { name: hit, how: 'name' };
    }
  }
  if (role === 'score') {
    // Qualtrics names the NPS question freely (Q1, QID7) but always adds `<question>_NPS_GROUP` beside it.
    const group = columns.find((c) => NPS_GROUP.test(c.name));
    const base = group && usable.find((c) => c.name.toLowerCase() === group.name.replace(NPS_GROUP, '').toLowerCase());
    if (base) return { name: base.name, how: 'nps-group' };
  }
  const words = questions[role];
  if (!words) return undefined;
  const byQuestion = usable.find((c) => c.question && words.test(c.question)) ?? usable.find((c) => words.test(c.name));
  return byQuestion && { name: byQuestion.name, how: 'question' };
}

/** A feedback dump needs a comment or a score column; a scores file needs both an id and a score. */
export function requireColumns(map: ColumnMap, columns: Column[], needed: 'feedback' | 'scores', label: string): void {
  const missing =
    needed === 'scores'
      ? [!map.id && 'an id column (--id-column)', !map.score && 'a score column (--score-column)'].filter(Boolean)
      : !map.text && !map.score
        ? ['a comment column (--text-column) or a score column (--score-column)']
        : [];
  if (missing.length > 0) {
    throw new HeartlineError(
      'E_COLUMN',
      `cannot find ${missing.join(' or ')}`,
      { file: label },
      `the columns are: ${listColumns(columns)}; name them with the flags shown`,
    );
  }
}

/** The columns a map uses, in role order, without repeats. */
export function usedColumns(map: ColumnMap): string[] {
  return [...new Set([map.id, map.score, map.text, map.date, map.language, ...map.segments].filter((c): c is string => c !== undefined))];
}
