/**
 * English contractions as the words they stand for, so that "wouldn't recommend" meets the lexicon's
 * "would not recommend" and negation sees its "not". Apostrophe-less spellings customers type are included.
 */
const IRREGULAR: Record<string, readonly string[]> = {
  "won't": ['will', 'not'],
  wont: ['will', 'not'],
  "can't": ['can', 'not'],
  cant: ['can', 'not'],
  cannot: ['can', 'not'],
  "shan't": ['shall', 'not'],
  "ain't": ['is', 'not'],
  aint: ['is', 'not'],
  "i'm": ['i', 'am'],
  im: ['i', 'am'],
  "let's": ['let', 'us'],
};
const NEGATIVE_BASES = new Set(['do', 'does', 'did', 'is', 'are', 'was', 'were', 'have', 'has', 'had', 'would', 'could', 'should', 'must', 'need', 'might']);
const SUFFIXES: [string, string][] = [["'ll", 'will'], ["'ve", 'have'], ["'re", 'are'], ["'d", 'would']];

export function expandContraction(word: string): readonly string[] | undefined {
  const w = word.replace(/’/g, "'");
  const irregular = IRREGULAR[w];
  if (irregular) return irregular;
  if (w.endsWith("n't")) return [w.slice(0, -3), 'not'];
  // didnt, wasnt, wouldnt … typed without the apostrophe
  if (w.endsWith('nt') && NEGATIVE_BASES.has(w.slice(0, -2))) return [w.slice(0, -2), 'not'];
  for (const [suffix, full] of SUFFIXES) if (w.endsWith(suffix)) return [w.slice(0, -suffix.length), full];
  return undefined;
}
