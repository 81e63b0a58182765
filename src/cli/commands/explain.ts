import { Command } from 'commander';
import { ANSI, PLAIN, explain } from '../../emotion/explain.js';
import { LanguageDetector } from '../../language/detect-language.js';
import { taggerFor } from '../../pipeline/taggers.js';
import { redact } from '../../privacy/redact.js';
import { redactOption } from '../common-options.js';
import { validLexiconDirs, lexiconDirOption } from '../lexicon-options.js';

export function explainCommand(): Command {
  return new Command('explain')
    .description('explain how a text is tagged: language, each emotion with the words, negators and intensifiers behind it')
    .requiredOption('--text <text>', 'the text to explain')
    .addOption(lexiconDirOption())
    .addOption(redactOption('in the text before explaining it'))
    .action((flags: { text: string; lexiconDir: string[]; redact?: boolean }) => {
      const tagger = taggerFor(validLexiconDirs(flags.lexiconDir));
      const text = flags.redact ? redact(flags.text).text : flags.text;
      const language = new LanguageDetector().detect(text);
      const result = tagger.tag(text, language.segments);
      const style = process.stdout.isTTY && !process.env['NO_COLOR'] ? ANSI : PLAIN;
      process.stdout.write(`${explain(text, language, result, tagger.lexicons.version, style)}\n`);
    });
}
