/**
 * For lexicon maintainers: the public-data texts a label was missed on (false negatives) or wrongly given
 * to (false positives), with the evidence behind each wrong tag.
 *   node dist/eval/emotion-misses.js <set> <lang> <label> [fn|fp] [limit]
 *   e.g. node dist/eval/emotion-misses.js BRIGHTER sv sadness fn 40
 * Sets: XED (en sv hu ru zh-Hans zh-Hant), BRIGHTER (en sv ru zh), CEDR (ru), GoEmotions (en), CLUE (zh).
 * Labels: anger joy fear sadness trust. The team's gold set is deliberately not available here.
 */
import { join } from 'node:path';
import { EmotionTagger } from '../emotion/tagger.js';
import { LanguageDetector } from '../language/detect-language.js';
import { PUBLIC_SETS, TO_PUBLIC } from './public-sets.js';
import { SHARED_DATA, readJsonLines } from './eval-data.js';

const [setName, lang, label, kind = 'fn', limit = '30'] = process.argv.slice(2);
const set = PUBLIC_SETS.find((s) => s.name === setName && s.lang === lang);
if (!set || !label) {
  console.error('usage: emotion-misses <set> <lang> <label> [fn|fp] [limit]');
  process.exit(2);
}
const detector = new LanguageDetector();
const tagger = new EmotionTagger();
let shown = 0;
for (const row of readJsonLines<Record<string, unknown>>(join(SHARED_DATA, set.file))) {
  const text = String(row['text']);
  const gold = set.labels(row).includes(label);
  const result = tagger.tag(text, detector.detect(text).segments);
  const predicted = result.emotions.filter((e) => TO_PUBLIC[e.emotion] === label);
  if (kind === 'fn' ? gold && predicted.length === 0 : !gold && predicted.length > 0) {
    const why = predicted.flatMap((e) => e.evidence.map((x) => `${e.emotion}←"${x.text}"~${x.pattern}`)).join('; ');
    console.log(`${text.replace(/\s+/g, ' ').slice(0, 220)}${why ? `   [${why}]` : ''}   {${set.labels(row).join(',')}}`);
    if (++shown >= Number(limit)) break;
  }
}
