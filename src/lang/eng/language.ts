import type { Language } from '../language.js';

export const english: Language = {
  code: 'eng',
  name: 'English',
  script: 'Latin',
  letters: {}, // English has no letters of its own; word evidence carries it
};
