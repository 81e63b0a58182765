import { loadLexicons } from '../emotion/lexicon.js';
import { EmotionTagger } from '../emotion/tagger.js';

const taggers = new Map<string, EmotionTagger>();

/** Loading lexicons takes a moment: once per thread per set of lexicon folders. */
export function taggerFor(dirs: readonly string[] = []): EmotionTagger {
  const key = dirs.join('\n');
  let tagger = taggers.get(key);
  if (!tagger) taggers.set(key, (tagger = new EmotionTagger(loadLexicons(dirs))));
  return tagger;
}
