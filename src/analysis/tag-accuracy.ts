import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILTIN_LEXICON_DIR } from '../lexicon/lexicon-dir.js';
import type { TagAccuracy } from './report-types.js';

/** lexicons/tag-accuracy.json: the one place the measured tag accuracy lives (updated after `npm run eval:emotions`). */
export const TAG_ACCURACY_FILE = join(BUILTIN_LEXICON_DIR, 'tag-accuracy.json');

/** The measured accuracy of the built-in tags, or null when the file is missing or malformed (the report still runs). */
export function loadTagAccuracy(file = TAG_ACCURACY_FILE): TagAccuracy | null {
  if (!existsSync(file)) return null;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<TagAccuracy>;
    const byLanguage = Object.fromEntries(Object.entries(parsed.byLanguage ?? {}).filter(([, v]) => typeof v === 'number' && v >= 0 && v <= 1));
    if (typeof parsed.measure !== 'string' || Object.keys(byLanguage).length === 0) return null;
    return { measure: parsed.measure, byLanguage, source: typeof parsed.source === 'string' ? parsed.source : '' };
  } catch {
    return null;
  }
}
