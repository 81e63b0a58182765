import { createInterface } from 'node:readline';
import { Command } from 'commander';
import { LanguageDetector } from '../../language/detect-language.js';
import { taggerFor } from '../../pipeline/taggers.js';
import { validLexiconDirs, lexiconDirOption } from '../lexicon-options.js';

export function tagCommand(): Command {
  return new Command('tag')
    .description(
      'tag the emotions of each line on standard input and print one JSON object per line: ' +
        '{"lang","emotions":[{"emotion","score","evidence":[…]}],"polarity"}',
    )
    .option('--text <text>', 'tag this text instead of reading standard input')
    .option('--full', 'print full evidence objects (offsets, patterns, negators) instead of the matched words')
    .addOption(lexiconDirOption())
    .action(async (flags: { text?: string; full?: boolean; lexiconDir: string[] }) => {
      const detector = new LanguageDetector();
      const tagger = taggerFor(validLexiconDirs(flags.lexiconDir));
      const print = (text: string) => {
        const language = detector.detect(text);
        const result = tagger.tag(text, language.segments);
        const emotions = result.emotions.map((e) => ({
          emotion: e.emotion,
          score: e.score,
          evidence: flags.full ? e.evidence : e.evidence.map((x) => x.text),
        }));
        process.stdout.write(`${JSON.stringify({ lang: language.lang, emotions, polarity: result.polarity })}\n`);
      };
      if (flags.text !== undefined) return print(flags.text);
      for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) print(line);
    });
}
