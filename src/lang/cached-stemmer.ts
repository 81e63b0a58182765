/** Stemmers are slow (natural's Porter takes ~10 µs a word) and feedback repeats its words: memoise, bounded. */
export function cachedStemmer(stem: (word: string) => string, limit = 200_000): (word: string) => string {
  const cache = new Map<string, string>();
  return (word) => {
    let result = cache.get(word);
    if (result === undefined) {
      if (cache.size >= limit) cache.clear();
      result = stem(word);
      cache.set(word, result);
    }
    return result;
  };
}
