import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { HeartlineError } from '../errors.js';
import { closeWorkers } from '../pipeline/worker-analysis-stage.js';
import { visibleControls } from '../report/visible-controls.js';
import { EXIT, exitCodeOf } from './exit-codes.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const EXIT_HELP = `
Exit codes:
  0  every row imported (or nothing to do)
  1  failure: a file could not be read, the database could not be written
  2  usage error: bad flags, unknown column, ambiguous dates (--date-format)
  3  finished, but some rows were rejected (see: heartline rejects); nightly: more than maxRejectedShare
  4  another heartline run holds the database lock (see --wait, heartline unlock)
  130, 143  stopped by SIGINT or SIGTERM: whole batches kept, the run marked interrupted`;

/**
 * Each command's module, loaded only when needed: the import commands pull in franc, the stemmers and the
 * lexicons, which `report` or `status` never use (loading everything cost ~0.5 s on every start).
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  run: async () => (await import('./commands/run.js')).runCommand(),
  inspect: async () => (await import('./commands/inspect.js')).inspectCommand(),
  'import-scores': async () => (await import('./commands/import-scores.js')).importScoresCommand(),
  detect: async () => (await import('./commands/detect.js')).detectCommand(),
  tag: async () => (await import('./commands/tag.js')).tagCommand(),
  explain: async () => (await import('./commands/explain.js')).explainCommand(),
  lexicon: async () => (await import('./commands/lexicon.js')).lexiconCommand(),
  report: async () => (await import('./commands/report.js')).reportCommand(),
  suggest: async () => (await import('./commands/suggest.js')).suggestCommand(),
  nightly: async () => (await import('./commands/nightly.js')).nightlyCommand(),
  reanalyze: async () => (await import('./commands/reanalyze.js')).reanalyzeCommand(),
  status: async () => (await import('./commands/status.js')).statusCommand(),
  rejects: async () => (await import('./commands/rejects.js')).rejectsCommand(),
  summary: async () => (await import('./commands/summary.js')).summaryCommand(),
  forget: async () => (await import('./commands/forget.js')).forgetCommand(),
  unlock: async () => (await import('./commands/unlock.js')).unlockCommand(),
  worker: async () => (await import('./commands/worker.js')).workerCommand(),
};

/** The program with the command named in `argv` (all of them for help, --version or an unknown name). */
export async function buildProgram(argv: readonly string[] = process.argv): Promise<Command> {
  const program = new Command('heartline')
    .description(
      'Heartline: reads customer-feedback dumps in Russian, Swedish, Chinese, Hungarian and English, ' +
        'links them to NPS answers in SQLite, and reports which emotions predict loyalty.',
    )
    .version(pkg.version)
    .addHelpText('after', EXIT_HELP)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  const named = argv[2] !== undefined && Object.hasOwn(COMMANDS, argv[2]) ? [argv[2]] : Object.keys(COMMANDS);
  for (const command of await Promise.all(named.map((name) => COMMANDS[name]!()))) {
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
    await (await buildProgram()).parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      const ok = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code);
      process.exitCode = ok ? EXIT.OK : EXIT.USAGE;
      return;
    }
    if (error instanceof HeartlineError) {
      // Messages quote file names and cells: control characters are shown, not sent to the terminal.
      process.stderr.write(`heartline: ${visibleControls(error.format(), '\n')}\n`);
      process.exitCode = exitCodeOf(error);
      return;
    }
    process.stderr.write(`heartline: internal error (please report): ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = EXIT.FAILURE;
  } finally {
    // Worker threads left by an import (also one that failed or was stopped) would keep the process alive.
    await closeWorkers();
  }
}

await main();
// The benchmark reads peak memory from here (npm run bench); nobody else sets it.
if (process.env['HEARTLINE_STATS']) {
  process.stderr.write(`heartline-stats ${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })}\n`);
}
