import { describe, expect, it } from 'vitest';
import { HeartlineError } from '../../src/errors.js';
import { mapColumns, requireColumns } from '../../src/ingest/column-map.js';
import type { Column } from '../../src/ingest/table.js';

const cols = (...names: string[]): Column[] => names.map((name) => ({ name }));

describe('mapColumns', () => {
  it.each([
    [['response_id', 'submitted_at', 'channel', 'nps', 'comment'], { id: 'response_id', date: 'submitted_at', score: 'nps', text: 'comment' }],
    [['ResponseId', 'RecordedDate', 'Score', 'Feedback'], { id: 'ResponseId', date: 'RecordedDate', score: 'Score', text: 'Feedback' }],
    [['respondent_id', 'created_at', 'Likelihood to recommend', 'Verbatim'], { id: 'respondent_id', date: 'created_at', score: 'Likelihood to recommend', text: 'Verbatim' }],
    [['ID', 'DATE', 'NPS', 'REASON'], { id: 'ID', date: 'DATE', score: 'NPS', text: 'REASON' }],
    [['text'], { text: 'text' }],
  ])('recognises %j', (names, expected) => {
    expect(mapColumns(cols(...names), {}, 'f.csv')).toMatchObject(expected);
  });

  it('finds the score by a question about recommending, not by the NPS group column', () => {
    const columns: Column[] = [
      { name: 'Q1_NPS_GROUP', question: 'How likely are you to recommend us? - Group' },
      { name: 'Q1', question: 'How likely are you to recommend us?' },
      { name: 'Q2', question: 'What is the main reason for your score?' },
      { name: 'UserLanguage', question: 'User Language' },
    ];
    expect(mapColumns(columns, {}, 'q.csv')).toMatchObject({ score: 'Q1', text: 'Q2', language: 'UserLanguage' });
  });

  it('takes flags over guesses, case-insensitively, and keeps segment columns', () => {
    const map = mapColumns(cols('id', 'nps', 'comment', 'Kommentar', 'Kanal'), {
      text: 'kommentar',
      segments: ['KANAL'],
    }, 'f.csv');
    expect(map).toMatchObject({ text: 'Kommentar', segments: ['Kanal'] });
  });

  it('names the columns the file has when a flag names one it does not', () => {
    try {
      mapColumns(cols('id', 'nps', 'comment'), { segments: ['country'] }, 'f.csv');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(HeartlineError);
      expect((error as HeartlineError).format()).toBe(
        "[E_COLUMN] f.csv: --segment-column 'country' is not a column of this file\n  hint: the columns are: id, nps, comment",
      );
    }
  });

  it('requires a comment or score column for feedback, and id and score for scores files', () => {
    const columns = cols('foo', 'bar');
    expect(() => requireColumns(mapColumns(columns, {}, 'f'), columns, 'feedback', 'f')).toThrow(/comment column/);
    const scores = cols('id', 'comment');
    expect(() => requireColumns(mapColumns(scores, {}, 's'), scores, 'scores', 's')).toThrow(/score column/);
  });
});
