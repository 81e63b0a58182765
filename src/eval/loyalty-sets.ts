/**
 * The rated public review data the loyalty-signal eval predicts (docs/tagging.md, "Real reviews"): each set's
 * file under ../shared/data and how its own rating becomes "loyal" (1) or not (0). Rows the rule leaves out
 * (undefined) are counted, never silently dropped.
 */
export interface LoyaltySet {
  name: string;
  file: string;
  /** What 1 and 0 mean, as printed. */
  outcomeLabel: string;
  outcome: (row: Record<string, unknown>) => 0 | 1 | undefined;
}

/**
 * SentiRuEval's reviews carry three 0–10 scores (food, interior, service) and no overall one: their mean at
 * 9 or more is "high", as a promoter's 9–10 in the report, and the rest "low". Fixed before any AUC was seen;
 * on the dev half it splits 103 / 92, so neither class is rare.
 */
export const SENTIRUEVAL_HIGH = 9;

const numberField = (row: Record<string, unknown>, key: string) => (typeof row[key] === 'number' ? (row[key] as number) : undefined);

export const LOYALTY_SETS: readonly LoyaltySet[] = [
  {
    name: 'clothing reviews (en)',
    file: 'womens_ecommerce_clothing_reviews/womens_clothing_reviews_en_sample.jsonl',
    outcomeLabel: 'recommends 1 vs 0',
    outcome: (row) => (row['recommended'] === 1 ? 1 : row['recommended'] === 0 ? 0 : undefined),
  },
  {
    name: 'hotels, ChnSentiCorp (zh)',
    file: 'chinese_polarity_reviews/ChnSentiCorp_htl_all_zh_sample.jsonl',
    outcomeLabel: 'polarity 1 vs 0',
    outcome: (row) => (row['polarity'] === 1 ? 1 : row['polarity'] === 0 ? 0 : undefined),
  },
  {
    name: 'food delivery, waimai (zh)',
    file: 'chinese_polarity_reviews/waimai_10k_zh_sample.jsonl',
    outcomeLabel: 'polarity 1 vs 0',
    outcome: (row) => (row['polarity'] === 1 ? 1 : row['polarity'] === 0 ? 0 : undefined),
  },
  {
    name: 'restaurants, SentiRuEval (ru)',
    file: 'sentiruevals2015_restaurants/sentiruevals2015_restaurants_ru.jsonl',
    outcomeLabel: `mean score ≥ ${SENTIRUEVAL_HIGH} vs < ${SENTIRUEVAL_HIGH}`,
    outcome: (row) => {
      const mean = numberField(row, 'mean_score');
      return mean === undefined ? undefined : mean >= SENTIRUEVAL_HIGH ? 1 : 0;
    },
  },
  {
    name: 'Trustpilot (sv)',
    file: 'swedish_trustpilot_reviews/sv.jsonl',
    outcomeLabel: '4–5 vs 1–2 stars (3 left out)',
    outcome: (row) => {
      const stars = numberField(row, 'rating');
      return stars === undefined || stars === 3 ? undefined : stars >= 4 ? 1 : 0;
    },
  },
];
