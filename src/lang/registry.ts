import { chinese } from './cmn/language.js';
import { english } from './eng/language.js';
import { hungarian } from './hun/language.js';
import { LanguageRegistry } from './language-registry.js';
import { russian } from './rus/language.js';
import { swedish } from './swe/language.js';

/**
 * The one place a language is registered: its folder's export goes in this list (docs/adding-a-language.md).
 * The order is the order of candidates in language identification and of languages in reports.
 */
const BUILT_IN = [russian, swedish, chinese, hungarian, english] as const;

/** The codes of the languages Heartline tags (ISO 639-3), derived from the list above. */
export type LangCode = (typeof BUILT_IN)[number]['code'];

export const REGISTRY = new LanguageRegistry(BUILT_IN);
export const LANGUAGES = REGISTRY.languages;
export const LANG_CODES = REGISTRY.codes;

export function isSupported(code: string): code is LangCode {
  return REGISTRY.has(code);
}

/** A language's English name: ours, any other from the runtime's locale data, `und` as "undetermined". */
export const languageName = (code: string): string => REGISTRY.nameOf(code);

/** The code a user means by a language (hun, HUN, hu, Hungarian; other three-letter codes pass through). */
export const resolveLanguage = (input: string): string | undefined => REGISTRY.resolve(input);
