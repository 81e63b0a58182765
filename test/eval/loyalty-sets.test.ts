import { describe, expect, it } from 'vitest';
import { LOYALTY_SETS } from '../../src/eval/loyalty-sets.js';

const outcome = (file: string, row: Record<string, unknown>) => LOYALTY_SETS.find((s) => s.file.startsWith(file))!.outcome(row);

describe('loyalty outcomes from each data set’s own rating', () => {
  it.each<[string, Record<string, unknown>, 0 | 1 | undefined]>([
    ['womens_ecommerce', { recommended: 1, rating_1to5: 2 }, 1],
    ['womens_ecommerce', { recommended: 0, rating_1to5: 5 }, 0],
    ['womens_ecommerce', { rating_1to5: 5 }, undefined],
    ['chinese_polarity_reviews/ChnSentiCorp', { polarity: 1 }, 1],
    ['chinese_polarity_reviews/waimai', { polarity: 0 }, 0],
    ['chinese_polarity_reviews/waimai', { polarity: '1' }, undefined],
    ['sentiruevals2015', { mean_score: 9 }, 1],
    ['sentiruevals2015', { mean_score: 8.67 }, 0],
    ['sentiruevals2015', { mean_score: 10 }, 1],
    ['sentiruevals2015', {}, undefined],
    ['swedish_trustpilot', { rating: 5 }, 1],
    ['swedish_trustpilot', { rating: 4 }, 1],
    ['swedish_trustpilot', { rating: 3 }, undefined],
    ['swedish_trustpilot', { rating: 2 }, 0],
    ['swedish_trustpilot', { rating: 1 }, 0],
  ])('%s %j → %s', (file, row, expected) => {
    expect(outcome(file, row)).toBe(expected);
  });
});
