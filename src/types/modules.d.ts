// Type declarations for the untyped modules Heartline imports (kept at the edge, small on purpose). natural's
// stemmer files have no declarations of their own; its index's `Stemmer` types `stem` with an `any` option
// (test/lang/stemmers.test.ts checks it still fits the one method declared here).
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const stemmer: { stem(word: string): string };
  export default stemmer;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer_sv.js' {
  const stemmer: { stem(word: string): string };
  export default stemmer;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer_ru.js' {
  const stemmer: { stem(word: string): string };
  export default stemmer;
}
declare module 'snowball-stemmers' {
  const snowball: { newStemmer(language: string): { stem(word: string): string }; algorithms(): string[] };
  export default snowball;
}
declare module 'wink-sentiment' {
  const sentiment: (text: string) => { score: number; normalizedScore: number };
  export default sentiment;
}
