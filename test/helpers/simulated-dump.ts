import { mulberry32 } from '../../src/analysis/mulberry32.js';

/** Phrases the English lexicon tags as exactly one emotion each (checked by the tests that use them). */
export const PHRASES: Record<string, string> = {
  delight: 'Absolutely delighted with it!',
  commitment: 'I will definitely be back.',
  gratitude: 'Thank you so much!',
  frustration: 'Had to call three times.',
  disappointment: 'Very disappointed.',
  distrust: 'Total scam.',
};

/** True effects on the log-odds of being a promoter; distrust has none. */
export const TRUTH: Record<string, number> = {
  delight: 1.6,
  commitment: 0.9,
  gratitude: 0.4,
  frustration: -1.4,
  disappointment: -0.9,
  distrust: 0,
};
const INTERCEPT = -0.5;

/**
 * A feedback dump whose NPS answers are drawn from a known logistic model of the emotions its comments
 * express: the report should find the effects again.
 */
export function simulatedDump(n: number, seed = 7): string {
  const random = mulberry32(seed);
  const lines = ['id,date,channel,nps,comment'];
  for (let i = 0; i < n; i++) {
    let logit = INTERCEPT;
    const said = ['The delivery came on Tuesday.'];
    for (const [emotion, phrase] of Object.entries(PHRASES)) {
      if (random() < 0.25) {
        said.push(phrase);
        logit += TRUTH[emotion]!;
      }
    }
    const promoter = random() < 1 / (1 + Math.exp(-logit));
    const score = promoter ? 9 + Math.floor(random() * 2) : random() < 0.4 ? 7 + Math.floor(random() * 2) : Math.floor(random() * 7);
    const month = 1 + (i % 6);
    lines.push(`${i},2025-0${month}-1${i % 9},${i % 2 ? 'web' : 'app'},${score},"${said.join(' ')}"`);
  }
  return `${lines.join('\n')}\n`;
}
