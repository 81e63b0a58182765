import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { HeartlineError } from '../errors.js';
import { closeWorkers } from '../pipeline/worker-analysis-stage.js';
import { detectCommand } from './commands/detect.js';
import { explainCommand } from './commands/explain.js';
import { lexiconCommand } from './commands/lexicon.js';
import { tagCommand } from './commands/tag.js';
import { importScoresCommand } from './commands/import-scores.js';
import { rejectsCommand } from './commands/rejects.js';
import { nightlyCommand } from './commands/nightly.js';
import { reanalyzeCommand } from './commands/reanalyze.js';
import { reportCommand } from './commands/report.js';
import { statusCommand } from './commands/status.js';
import { runCommand } from './commands/run.js';
import { summaryCommand } from './commands/summary.js';
import { EXIT, exitCodeFor } from './exit-codes.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const EXIT_HELP = `
Exit codes:
  0  every row imported (or nothing to do)
  1  failure: a file could not be read, the database could not be written
  2  usage error: bad flags, unknown column
  3  finished, but some rows were rejected (see: heartline rejects)
  4  another heartline run holds the database lock (see --wait)`;

export function buildProgram(): Command {
  const program = new Command('heartline')
    .description(
      'Heartline: reads customer-feedback dumps in Russian, Swedish, Chinese, Hungarian and English, ' +
        'links them to NPS answers in SQLite, and reports which emotions predict loyalty.',
    )
    .version(pkg.version)
    .addHelpText('after', EXIT_HELP)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const command of [runCommand(), importScoresCommand(), detectCommand(), tagCommand(), explainCommand(), lexiconCommand(), reportCommand(), nightlyCommand(), reanalyzeCommand(), statusCommand(), rejectsCommand(), summaryCommand()]) {
    program.addCommand(command.exitOverride().showHelpAfterError('(run with --help for usage)'));
  }
  return program;
}

async function main(): Promise<void> {
  // `heartline … | head` closes our stdout early: stop printing, but finish the work (an import stays whole).
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  try {
    await buildProgram().parseAsync(process.argv);
    await closeWorkers();
  } catch (error) {
    if (error instanceof CommanderError) {
      const ok = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code);
      process.exitCode = ok ? EXIT.OK : EXIT.USAGE;
      return;
    }
    if (error instanceof HeartlineError) {
      process.stderr.write(`heartline: ${error.format()}\n`);
      process.exitCode = exitCodeFor(error.code);
      return;
    }
    process.stderr.write(`heartline: internal error (please report): ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = EXIT.FAILURE;
  }
}

await main();
// The benchmark reads peak memory from here (npm run bench); nobody else sets it.
if (process.env['HEARTLINE_STATS']) {
  process.stderr.write(`heartline-stats ${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })}\n`);
}
