import { describe, expect, it } from 'vitest';
import { LanguageRegistry } from '../../src/lang/language-registry.js';
import { LANGUAGES, REGISTRY } from '../../src/lang/registry.js';

describe('LanguageRegistry', () => {
  it.each([
    ['Latin', ['swe', 'hun', 'eng']],
    ['Cyrillic', ['rus']],
    ['Han', ['cmn']],
  ] as const)('lists the %s-script candidates in registration order', (script, codes) => {
    expect(REGISTRY.ofScript(script).map((l) => l.code)).toEqual(codes);
  });

  it.each([
    ['sv-SE', 'swe'],
    ['zh-Hans', 'cmn'],
    ['zh_Hant_TW', 'cmn'],
    ['HU', 'hun'],
    ['eng', 'eng'],
    ['de', undefined],
    ['nob', undefined],
    ['', undefined],
  ])('names the language of the tag %j: %s', (tag, code) => {
    expect(REGISTRY.fromTag(tag)?.code).toBe(code);
  });

  it.each([
    ['hun', 'Hungarian'],
    ['cmn', 'Chinese'],
    ['deu', 'German'],
    ['nob', 'Norwegian Bokmål'],
    ['und', 'undetermined'],
    ['qqq', 'qqq'],
    ['not a code', 'not a code'],
  ])('names %s %j', (code, name) => {
    expect(REGISTRY.nameOf(code)).toBe(name);
  });

  it.each([
    ['sco', 'eng'],
    ['deu', 'deu'],
    ['und', 'und'],
  ])('takes %s as %s', (code, ours) => {
    expect(REGISTRY.canonical(code)).toBe(ours);
  });

  it('refuses a language registered twice', () => {
    expect(() => new LanguageRegistry([...LANGUAGES, LANGUAGES[0]!])).toThrow(/registered twice/);
  });
});
