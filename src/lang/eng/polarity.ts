import sentiment from 'wink-sentiment';

/** English polarity from wink-sentiment (AFINN with negation and emoji): −1…1, undefined when it finds none. */
export function englishPolarity(text: string): number | undefined {
  const result = sentiment(text);
  return result.score === 0 ? undefined : result.normalizedScore / 5;
}
