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
}

export interface ColumnOverrides {
  id?: string;
  score?: string;
  text?: string;
  date?: string;
  segments?: string[];
}

type Role = 'id' | 'score' | 'text' | 'date' | 'language';

/** Column names recognised without flags, compared case-insensitively with `_`, `-` and spaces alike. */
const NAMES: Record<Role, string[]> = {
  id: ['id', 'response id', 'responseid', 'respondent id', 'respondentid'],
  score: ['nps', 'score', 'nps score', 'likelihood to recommend', 'ltr'],
  text: ['comment', 'comments', 'feedback', 'text', 'verbatim', 'reason'],
  date: ['date', 'submitted at', 'created at', 'recordeddate', 'recorded date', 'timestamp'],
  language: ['language', 'lang', 'userlanguage', 'user language', 'locale'],
};

/** Words that identify a column by its question text (Qualtrics' second header row). */
const QUESTION_WORDS: Partial<Record<Role, RegExp>> = {
  score: /recommend/i,
  text: /\b(reason|comment|feedback|why|tell us)\b/i,
};

/** Qualtrics adds a promoter/passive/detractor group column beside the NPS question; it is not the score. */
const NOT_A_SCORE = /_nps_group$/i;

const normalise = (name: string) => name.trim().toLowerCase().replace(/[\s_-]+/g, ' ');

export function mapColumns(columns: Column[], overrides: ColumnOverrides, label: string): ColumnMap {
  const find = (flag: string, name: string): string => {
    const hit = columns.find((c) => normalise(c.name) === normalise(name));
    if (!hit) {
      throw new HeartlineError(
        'E_COLUMN',
        `${flag} '${name}' is not a column of this file`,
        { file: label },
        `the columns are: ${columns.map((c) => c.name).join(', ')}`,
      );
    }
    return hit.name;
  };
  const role = (r: Role, flag: string, override: string | undefined): string | undefined =>
    override !== undefined ? find(flag, override) : guess(columns, r);
  const map: ColumnMap = {
    id: role('id', '--id-column', overrides.id),
    score: role('score', '--score-column', overrides.score),
    text: role('text', '--text-column', overrides.text),
    date: role('date', '--date-column', overrides.date),
    language: guess(columns, 'language'),
    segments: (overrides.segments ?? []).map((s) => find('--segment-column', s)),
  };
  return map;
}

function guess(columns: Column[], role: Role): string | undefined {
  const usable = role === 'score' ? columns.filter((c) => !NOT_A_SCORE.test(c.name)) : columns;
  for (const alias of NAMES[role]) {
    const hit = usable.find((c) => normalise(c.name) === alias);
    if (hit) return hit.name;
  }
  const words = QUESTION_WORDS[role];
  if (!words) return undefined;
  return (usable.find((c) => c.question && words.test(c.question)) ?? usable.find((c) => words.test(c.name)))?.name;
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
      `the columns are: ${columns.map((c) => c.name).join(', ')}; name them with the flags shown`,
    );
  }
}
