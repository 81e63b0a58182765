import { createInterface } from 'node:readline';
import { Command, Option } from 'commander';
import { LanguageDetector } from '../../language/detect-language.js';

export function detectCommand(): Command {
  return new Command('detect')
    .description(
      'detect the language of each line on standard input (or of --text) and print one JSON object per line: ' +
        '{"lang","confidence","supported","segments":[{"lang","start","end",…}]}; lang is ISO 639-3, und for no language',
    )
    .addOption(new Option('--text <text>', 'detect this text instead of reading standard input'))
    .action(async (flags: { text?: string }) => {
      const detector = new LanguageDetector();
      const print = (text: string) => process.stdout.write(`${JSON.stringify(detector.detect(text))}\n`);
      if (flags.text !== undefined) {
        print(flags.text);
        return;
      }
      for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) print(line);
    });
}
