/**
 * Customer states — dissatisfied → disappointed → satisfied → loyal, plus "at risk" and "advocate" — by a
 * rule over each response's NPS answer and emotions, read from a data file (lexicons/customer-states.json, or
 * the user's own with `report --states FILE`). The first rule that matches decides.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HeartlineError } from '../errors.js';
import { BUILTIN_LEXICON_DIR } from '../lexicon/lexicon-dir.js';
import type { StateDefinition } from './report-types.js';

export const BUILTIN_STATES_FILE = join(BUILTIN_LEXICON_DIR, 'customer-states.json');

interface RuleFile {
  states?: unknown;
  rules?: unknown;
}

interface Rule {
  state: string;
  score: [number, number];
  any: string[];
  all: string[];
  none: string[];
}

export interface CustomerStates {
  /** "built-in" or the file given. */
  source: string;
  definitions: StateDefinition[];
  /**
   * The state (index into definitions) of a response with this emotion bit set (bit e = emotions[e], as the
   * report numbers them) and score 0–10.
   */
  stateOf(bits: number, score: number): number;
}

/** Reads and checks a states file against the emotions the report knows (`emotions[e]` is bit e). */
export function loadCustomerStates(file: string | undefined, emotions: readonly string[]): CustomerStates {
  const path = file ?? BUILTIN_STATES_FILE;
  const fail = (message: string, hint?: string): never => {
    throw new HeartlineError('E_USAGE', message, { file: path }, hint);
  };
  let parsed: RuleFile;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8')) as RuleFile;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code ? fail(`cannot read the customer-states file (${code})`) : fail(`the customer-states file is not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(parsed.states) || parsed.states.length === 0) return fail('"states" must be a non-empty list of {id, label, description}');
  const definitions: StateDefinition[] = parsed.states.map((s: unknown, i) => {
    const d = s as Partial<StateDefinition>;
    if (typeof d.id !== 'string' || d.id === '') return fail(`states[${i}] needs an "id"`);
    return { id: d.id, label: typeof d.label === 'string' ? d.label : d.id, description: typeof d.description === 'string' ? d.description : '' };
  });
  const ids = definitions.map((d) => d.id);
  if (new Set(ids).size !== ids.length) fail(`state ids must be unique: ${ids.join(', ')}`);
  if (!Array.isArray(parsed.rules)) return fail('"rules" must be a list of {state, score, any?, all?, none?}');
  const known = new Set(emotions);
  const rules: Rule[] = parsed.rules.map((r: unknown, i) => {
    const rule = r as Partial<Record<keyof Rule, unknown>>;
    const where = `rules[${i}]`;
    if (typeof rule.state !== 'string' || !ids.includes(rule.state)) fail(`${where}: state ${JSON.stringify(rule.state)} is not one of ${ids.join(', ')}`);
    const score = rule.score ?? [0, 10];
    if (!Array.isArray(score) || score.length !== 2 || !score.every((s) => Number.isInteger(s) && s >= 0 && s <= 10) || score[0] > score[1]) {
      fail(`${where}: "score" must be [low, high] with 0 ≤ low ≤ high ≤ 10, not ${JSON.stringify(score)}`);
    }
    const list = (key: 'any' | 'all' | 'none'): string[] => {
      const value = rule[key] ?? [];
      if (!Array.isArray(value) || !value.every((e) => typeof e === 'string')) return fail(`${where}: "${key}" must be a list of emotion ids`);
      for (const e of value as string[]) if (!known.has(e)) fail(`${where}: unknown emotion "${e}" in "${key}"`, `the emotions are ${emotions.join(', ')}`);
      return value as string[];
    };
    return { state: rule.state as string, score: score as [number, number], any: list('any'), all: list('all'), none: list('none') };
  });
  for (let s = 0; s <= 10; s++) {
    const catchAll = rules.some((r) => r.score[0] <= s && s <= r.score[1] && r.any.length === 0 && r.all.length === 0 && r.none.length === 0);
    if (!catchAll) fail(`a response scoring ${s} with no matching emotions falls through every rule`, `end the rules with ones that only give a score range, covering 0-10`);
  }
  const mask = (list: readonly string[]) => list.reduce((m, e) => m | (1 << emotions.indexOf(e)), 0);
  const compiled = rules.map((r) => ({ state: ids.indexOf(r.state), low: r.score[0], high: r.score[1], any: mask(r.any), all: mask(r.all), none: mask(r.none) }));
  // A state depends on the score and on the rules' emotions only: memoise per (those bits, score).
  const relevant = compiled.reduce((m, r) => m | r.any | r.all | r.none, 0);
  const memo = new Map<number, number>();
  return {
    source: file ?? 'built-in',
    definitions,
    stateOf(bits: number, score: number): number {
      const key = ((bits & relevant) >>> 0) * 16 + score;
      let state = memo.get(key);
      if (state === undefined) {
        const rule = compiled.find((r) => score >= r.low && score <= r.high && (r.any === 0 || (bits & r.any) !== 0) && (bits & r.all) === r.all && (bits & r.none) === 0);
        memo.set(key, (state = rule!.state)); // the catch-alls checked above guarantee a match
      }
      return state;
    },
  };
}
