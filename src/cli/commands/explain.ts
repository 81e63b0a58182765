import { Command } from 'commander';
import { ANSI, PLAIN, explain } from '../../emotion/explain.js';
import { LanguageDetector } from '../../language/detect-language.js';
import { taggerFor } from '../../pipeline/taggers.js';
import { checkLexiconDirs, lexiconDirOption } from '../lexicon-options.js';

export function explainCommand(): Command {
  return new Command('explain')
    .description('explain how a text is tagged: language, each emotion with the words, negators and intensifiers behind it')
    .requiredOption('--text <text>', 'the text to explain')
    .addOption(lexiconDirOption())
    .action((flags: { text: string; lexiconDir: string[] }) => {
      const tagger = taggerFor(checkLexiconDirs(flags.lexiconDir));
      const language = new LanguageDetector().detect(flags.text);
      const result = tagger.tag(flags.text, language.segments);
      const style = process.stdout.isTTY && !process.env['NO_COLOR'] ? ANSI : PLAIN;
      process.stdout.write(`${explain(flags.text, language, result, tagger.lexicons.version, style)}\n`);
    });
}
