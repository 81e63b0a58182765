import type { Language } from '../language.js';

export const chinese: Language = {
  code: 'cmn',
  name: 'Chinese',
  script: 'Han', // simplified and traditional alike; Han with kana is Japanese
  letters: {},
};
