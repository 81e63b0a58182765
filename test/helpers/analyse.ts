import { EmotionTagger } from '../../src/emotion/tagger.js';
import { LanguageDetector } from '../../src/language/detect-language.js';

// Loading the lexicons and word lists takes a moment: one detector and tagger per test file.
const detector = new LanguageDetector();
const tagger = new EmotionTagger();

/** A text through language identification and tagging, as an import does it. */
export function analyse(text: string) {
  const language = detector.detect(text);
  return { language, tags: tagger.tag(text, language.segments) };
}

export const langOf = (text: string) => detector.detect(text).lang;

/** The emotions tagged in a text, sorted. */
export const emotionsOf = (text: string) =>
  analyse(text)
    .tags.emotions.map((e) => e.emotion)
    .sort();
