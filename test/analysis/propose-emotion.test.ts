import { describe, expect, it } from 'vitest';
import { type EmotionInfo, proposeEmotion } from '../../src/analysis/propose-emotion.js';

const TAXONOMY: EmotionInfo[] = [
  { id: 'delight', valence: 1 },
  { id: 'satisfaction', valence: 1 },
  { id: 'anger', valence: -1 },
  { id: 'disappointment', valence: -1 },
  { id: 'frustration', valence: -1 },
];
// 200 detractors and 800 promoters: the base rate of detractors is 0.2.
const BASE = { detractors: 200, promoters: 800 };

describe('proposeEmotion', () => {
  it.each([
    {
      case: 'the most tagged emotion of the side, ignoring the other valence',
      direction: 'detractor' as const,
      tagged: { frustration: 5, disappointment: 3, delight: 9 },
      responses: 10,
      counts: { detractors: 8, promoters: 2 },
      // lift (0.8 − 0.2)/(1 − 0.2) = 0.75; 0.4 + 0.5 · 0.75 = 0.775 → 0.8
      expected: { emotion: 'frustration', basis: 'tags', share: 0.5, weight: 0.8 },
    },
    {
      case: 'a tie goes to the taxonomy order',
      direction: 'detractor' as const,
      tagged: { frustration: 4, anger: 4 },
      responses: 8,
      counts: { detractors: 10, promoters: 0 },
      expected: { emotion: 'anger', basis: 'tags', share: 0.5, weight: 0.9 },
    },
    {
      case: 'no tag of the side: a detractor phrase is disappointment',
      direction: 'detractor' as const,
      tagged: { satisfaction: 3 },
      responses: 6,
      counts: { detractors: 2, promoters: 8 },
      // p = 0.2 = the base rate: 0.4
      expected: { emotion: 'disappointment', basis: 'default', share: 0, weight: 0.4 },
    },
    {
      case: 'no tag at all: a promoter phrase is satisfaction',
      direction: 'promoter' as const,
      tagged: {},
      responses: 5,
      counts: { detractors: 0, promoters: 20 },
      expected: { emotion: 'satisfaction', basis: 'default', share: 0, weight: 0.9 },
    },
    {
      case: 'a promoter phrase used less by promoters than the base rate still gets the floor weight',
      direction: 'promoter' as const,
      tagged: { delight: 1 },
      responses: 4,
      counts: { detractors: 5, promoters: 5 },
      expected: { emotion: 'delight', basis: 'tags', share: 0.25, weight: 0.4 },
    },
  ])('$case', ({ direction, tagged, responses, counts, expected }) => {
    expect(proposeEmotion(direction, new Map(Object.entries(tagged)), responses, counts, BASE, TAXONOMY)).toEqual(expected);
  });

  it('falls back to an emotion of the right valence when a taxonomy lacks the default', () => {
    const custom: EmotionInfo[] = [{ id: 'joy', valence: 1 }, { id: 'annoyance', valence: -1 }];
    expect(proposeEmotion('detractor', new Map(), 3, { detractors: 3, promoters: 0 }, BASE, custom).emotion).toBe('annoyance');
  });
});
