import { chinese } from './cmn/language.js';
import { english } from './eng/language.js';
import { hungarian } from './hun/language.js';
import type { LangCode, Language } from './language.js';
import { russian } from './rus/language.js';
import { swedish } from './swe/language.js';

/** The one place a language is registered. */
export const LANGUAGES: readonly Language[] = [russian, swedish, chinese, hungarian, english];

export const LANG_CODES: readonly LangCode[] = LANGUAGES.map((l) => l.code);

export function isSupported(code: string): code is LangCode {
  return (LANG_CODES as readonly string[]).includes(code);
}
