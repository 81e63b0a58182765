import type { Language } from '../language.js';

export const swedish: Language = {
  code: 'swe',
  name: 'Swedish',
  script: 'Latin',
  // å is Scandinavian (also Norwegian/Danish/Finnish names); ä and ö are shared with Finnish, German,
  // Estonian and (ö) Hungarian, so they weigh less.
  letters: { å: 1, ä: 0.6, ö: 0.3 },
};
