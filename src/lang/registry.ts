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

/**
 * A language's English name: ours from its folder, any other ISO 639 code from the runtime's locale data
 * (Intl), `und` as "undetermined"; an unknown code is shown as itself.
 */
export function languageName(code: string): string {
  const ours = LANGUAGES.find((l) => l.code === code);
  if (ours) return ours.name;
  if (code === 'und') return 'undetermined';
  try {
    return new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(code) ?? code;
  } catch {
    return code; // not a well-formed language tag
  }
}

/**
 * The code a user means by a language: a code of ours in any case (hun, HUN), its two-letter ISO 639-1 form
 * (hu, HU, as the runtime's locale data canonicalises hun) or its English name (Hungarian). Any other
 * three-letter code is passed through lowercased, since responses keep whatever code detection gave them;
 * anything else is undefined.
 */
export function resolveLanguage(input: string): string | undefined {
  const wanted = input.trim().toLowerCase();
  if (wanted === '') return undefined;
  const ours = LANGUAGES.find((l) => l.code === wanted || l.name.toLowerCase() === wanted || twoLetter(l.code) === wanted);
  if (ours) return ours.code;
  return /^[a-z]{3}$/.test(wanted) ? wanted : undefined;
}

function twoLetter(code: string): string | undefined {
  try {
    const [canonical] = Intl.getCanonicalLocales(code);
    return canonical && canonical.length === 2 ? canonical : undefined;
  } catch {
    return undefined;
  }
}
