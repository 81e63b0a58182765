import { describe, expect, it } from 'vitest';
import { flattenRecord } from '../../src/ingest/flatten-json.js';

describe('flattenRecord: the nested shapes of survey and help-desk exports', () => {
  it.each([
    ['nested objects as dotted paths', { id: 1, answers: { nps: 9, why: { text: 'Bra' } } }, { id: 1, 'answers.nps': 9, 'answers.why.text': 'Bra' }],
    [
      'Typeform answers by field ref and type',
      { answers: [{ field: { id: 'x1', ref: 'nps' }, type: 'number', number: 10 }, { field: { id: 'x2', ref: 'plan' }, type: 'choice', choice: { label: 'Pro' } }, { field: { ref: 'extras' }, type: 'choices', choices: { labels: ['A', 'B'] } }] },
      { 'answers.nps': 10, 'answers.plan': 'Pro', 'answers.extras': 'A; B' },
    ],
    ['Zendesk custom fields by id', { custom_fields: [{ id: 360012, value: 'vip' }, { id: 360013, value: null }] }, { 'custom_fields.360012': 'vip', 'custom_fields.360013': null }],
    ['generic question–answer pairs', { responses: [{ question: 'Оценка', answer: '9' }, { question: 'Комментарий', answer: 'Спасибо' }] }, { 'responses.Оценка': '9', 'responses.Комментарий': 'Спасибо' }],
    ['Google Forms text answers', { answers: { q1: { questionId: 'q1', textAnswers: { answers: [{ value: '9' }] } } } }, { 'answers.q1': '9' }],
    ['other arrays stay one value', { tags: ['vip', 'eu'], items: [{ sku: 'A' }] }, { tags: ['vip', 'eu'], items: [{ sku: 'A' }] }],
    ['a literal dotted key and a nested one are one column, the first wins', { 'a.b': 1, a: { b: 2 } }, { 'a.b': 1 }],
  ])('%s', (_, input, expected) => {
    expect(flattenRecord(input)).toEqual(expected);
  });
});
