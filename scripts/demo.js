// npm run demo: imports the sample dumps in corpora/ into ./heartline.db, prints the report, and writes
// heartline-report.html. Each step is printed before it runs, so the demo doubles as a tour of the commands.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const heartline = fileURLToPath(new URL('../bin/heartline.js', import.meta.url));

const steps = [
  ['run', 'corpora/survey-qualtrics.csv', '--source', 'qualtrics', '--segment-column', 'Channel', '--segment-column', 'Market', '--no-summary'],
  ['run', 'corpora/email-survey.csv', '--source', 'email-survey', '--segment-column', 'channel', '--segment-column', 'market', '--no-summary'],
  ['run', 'corpora/support-tickets.jsonl', '--source', 'helpdesk', '--segment-column', 'channel', '--segment-column', 'market', '--no-summary'],
  ['import-scores', 'corpora/support-scores.csv', '--source', 'helpdesk'],
  ['report', '--by', 'lang,channel'],
  ['report', '--by', 'lang,channel,market', '--format', 'html', '--out', 'heartline-report.html'],
];

for (const args of steps) {
  process.stdout.write(`\n$ heartline ${args.join(' ')}\n`);
  const { status } = spawnSync(process.execPath, [heartline, ...args], { stdio: 'inherit' });
  // Exit 3 means "finished, some rows rejected": the demo goes on; anything else stops it.
  if (status !== 0 && status !== 3) process.exit(status ?? 1);
}
