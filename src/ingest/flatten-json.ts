import { defineField } from './table.js';

/**
 * A JSON response as flat columns: nested objects become dotted paths (`answers.nps`, `customer.country`),
 * and an array of question–answer pairs — Typeform's `answers`, Zendesk's `custom_fields`, a generic
 * `[{question, answer}]` — becomes one column per question (`answers.nps`, `custom_fields.360012`). Other
 * arrays stay one value. The caller has checked the nesting depth (MAX_JSON_DEPTH), so recursion is safe.
 */
export function flattenRecord(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  flattenInto(out, '', value);
  return out;
}

function flattenInto(out: Record<string, unknown>, prefix: string, value: Record<string, unknown>): void {
  for (const key of Object.keys(value)) {
    const path = prefix + key;
    const v = value[key];
    if (isObject(v)) {
      const single = wrappedAnswer(v);
      if (single !== undefined) put(out, path, single);
      else flattenInto(out, `${path}.`, v);
    } else if (Array.isArray(v) && isQuestionAnswerList(v)) {
      for (const pair of v as Record<string, unknown>[]) put(out, `${path}.${questionLabel(pair)}`, answerOf(pair));
    } else put(out, path, v);
  }
}

/** The first value for a path wins: a literal key `a.b` and a nested `a: {b}` in one object are one column. */
function put(out: Record<string, unknown>, path: string, value: unknown): void {
  if (!Object.hasOwn(out, path)) defineField(out, path, value);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keys that name the question of a pair, most specific first; `field` is Typeform's `{ref, title, id}`. */
const QUESTION_KEYS = ['question', 'question_text', 'questionText', 'title', 'label', 'field', 'ref', 'questionId', 'question_id', 'name', 'key', 'id'];
/** Keys that hold the answer of a pair; Typeform names it by the pair's `type` (`number`, `text`, `choice` …). */
const ANSWER_KEYS = ['answer', 'value', 'response', 'text', 'number', 'choice', 'choices', 'score', 'rating', 'boolean', 'date', 'email', 'url'];

function isQuestionAnswerList(list: unknown[]): boolean {
  return list.length > 0 && list.every((item) => isObject(item) && questionLabel(item) !== '' && answerKey(item) !== undefined);
}

function questionLabel(pair: Record<string, unknown>): string {
  for (const key of QUESTION_KEYS) {
    const v = pair[key];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
    if (typeof v === 'number') return String(v);
    if (isObject(v)) {
      for (const inner of ['ref', 'title', 'text', 'id']) {
        const w = v[inner];
        if (typeof w === 'string' && w.trim() !== '') return w.trim();
      }
    }
  }
  return '';
}

function answerKey(pair: Record<string, unknown>): string | undefined {
  const typed = pair['type'];
  if (typeof typed === 'string' && Object.hasOwn(pair, typed)) return typed;
  return ANSWER_KEYS.find((key) => Object.hasOwn(pair, key) && !QUESTION_KEYS.includes(key));
}

/** The answer as one value: a choice's label, several choices' labels joined, otherwise the value itself. */
function answerOf(pair: Record<string, unknown>): unknown {
  const v = pair[answerKey(pair)!];
  if (isObject(v)) {
    if (typeof v['label'] === 'string') return v['label'];
    if (Array.isArray(v['labels'])) return v['labels'].join('; ');
  }
  return v;
}

/** Google Forms wraps each answer as `{questionId, textAnswers: {answers: [{value}]}}`: the values, joined. */
function wrappedAnswer(v: Record<string, unknown>): string | undefined {
  const text = v['textAnswers'];
  if (!isObject(text) || !Array.isArray(text['answers'])) return undefined;
  return text['answers'].map((a) => (isObject(a) ? String(a['value'] ?? '') : '')).join('; ');
}
