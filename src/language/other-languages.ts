import type { Script } from '../lang/language.js';

/**
 * Languages franc may name instead of ours, per script: the major languages written in it. Restricting
 * franc to them keeps obscure look-alikes (Scots, Frisian, Tok Pisin …) from claiming names and jargon,
 * and makes the check several times faster. Codes of languages we tag in that script are harmless here.
 */
export const OTHER_LANGUAGES: Readonly<Record<Script, readonly string[]>> = {
  Latin: ['deu', 'fin', 'nob', 'nno', 'dan', 'isl', 'spa', 'fra', 'ita', 'nld', 'por', 'cat', 'est',
    'lvs', 'lit', 'pol', 'ces', 'slk', 'slv', 'hrv', 'bos', 'ron', 'tur', 'vie', 'ind', 'tgl', 'afr', 'sqi', 'eus'],
  // Cyrillic languages that can be written without a letter of their own (Ukrainian, Belarusian, Serbian and
  // Kazakh almost never are: their letters decide), so only franc can tell them from ours.
  Cyrillic: ['bul', 'mkd'],
  // Han text with kana or Hangul is named by script (Japanese, Korean) before franc is asked.
  Han: [],
};
