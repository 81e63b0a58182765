import type { Language, Script } from './language.js';

const DISPLAY_NAMES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/**
 * A set of languages Heartline tags, and the look-ups everything else needs of them: by code, by script,
 * by the tag a data set or another tool uses. `registry.ts` holds the built-in one; tests build others.
 */
export class LanguageRegistry<L extends Language = Language> {
  readonly codes: readonly L['code'][];
  private readonly byCode = new Map<string, L>();
  /** ISO 639-3 codes, ISO 639-1 codes and aliases → language. */
  private readonly byTag = new Map<string, L>();
  private readonly byScript = new Map<Script, L[]>();

  constructor(readonly languages: readonly L[]) {
    this.codes = languages.map((l) => l.code);
    for (const language of languages) {
      if (this.byCode.has(language.code)) throw new Error(`language ${language.code} is registered twice`);
      this.byCode.set(language.code, language);
      for (const tag of [language.code, language.iso6391, ...(language.aliases ?? [])]) this.byTag.set(tag.toLowerCase(), language);
      const same = this.byScript.get(language.script);
      if (same) same.push(language);
      else this.byScript.set(language.script, [language]);
    }
  }

  has(code: string): code is L['code'] {
    return this.byCode.has(code);
  }

  get(code: string): L | undefined {
    return this.byCode.get(code);
  }

  /** The candidates for a text in this script, in registration order. */
  ofScript(script: Script): readonly L[] {
    return this.byScript.get(script) ?? [];
  }

  /**
   * The language a tag names: an ISO 639-3 code, an alias, or a BCP 47 tag whose primary subtag is an
   * ISO 639-1 or 639-3 code (`sv`, `sv-SE`, `zh-Hans`); undefined when it is not one of ours.
   */
  fromTag(tag: string): L | undefined {
    return this.byTag.get(tag.toLowerCase().split(/[-_]/)[0]!);
  }

  /** Our code for what another tool names with an alias of it (franc's `sco`); other codes unchanged. */
  canonical(code: string): string {
    return this.byTag.get(code)?.code ?? code;
  }

  /**
   * The code a user means by a language (`--lang`): a code of ours in any case, its ISO 639-1 form or its
   * English name. Any other three-letter code passes through lowercased, since
   * responses keep whatever code detection gave them; anything else is undefined.
   */
  resolve(input: string): string | undefined {
    const wanted = input.trim().toLowerCase();
    if (wanted === '') return undefined;
    const ours = this.languages.find((l) => l.code === wanted || l.iso6391 === wanted || l.name.toLowerCase() === wanted);
    if (ours) return ours.code;
    return /^[a-z]{3}$/.test(wanted) ? wanted : undefined;
  }

  /** English name of a language code: ours from the registry, others from the platform's ICU data. */
  nameOf(code: string): string {
    const ours = this.byCode.get(code);
    if (ours) return ours.name;
    if (code === 'und') return 'undetermined';
    try {
      return DISPLAY_NAMES.of(code) ?? code;
    } catch {
      // Not a well-formed language code (a user's own column value): show it as it is.
      return code;
    }
  }
}
