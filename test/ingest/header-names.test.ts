import { describe, expect, it } from 'vitest';
import { headerNames } from '../../src/ingest/header-names.js';

describe('headerNames', () => {
  it.each([
    [['id', 'nps', 'comment'], ['id', 'nps', 'comment'], []],
    [['id', 'nps', 'comment', '', ''], ['id', 'nps', 'comment', 'column 4', 'column 5'], []],
    [['id', '', 'comment'], ['id', 'column 2', 'comment'], ["1 column has no name in the header: read as 'column N' by position"]],
    [[' id ', 'Comment', 'comment'], ['id', 'Comment', 'comment (2)'], ["duplicate column 'comment': the first is used; column 3 is read as 'comment (2)'"]],
    [
      ['a', 'a', 'a', 'b', 'b', 'c', 'c', 'd', 'd'],
      ['a', 'a (2)', 'a (3)', 'b', 'b (2)', 'c', 'c (2)', 'd', 'd (2)'],
      ["5 duplicate column names ('a' ×3, 'b' ×2, 'c' ×2, and 1 more names): the first of each is used; column 2 is read as 'a (2)', column 3 is read as 'a (3)', column 5 is read as 'b (2)', …"],
    ],
  ])('%j', (values, names, notes) => {
    const said: string[] = [];
    expect(headerNames(values, said)).toEqual(names);
    expect(said).toEqual(notes);
  });
});
