import { SingleBar } from 'cli-progress';
import type { FileOutcome, ImportProgress } from '../pipeline/import-file.js';
import type { Counts } from '../store/import-ledger.js';

export type LogFormat = 'text' | 'json';

/**
 * How a long import tells its progress: a bar with rows/s and ETA on a terminal; structured JSON lines on
 * stderr for cron (`--log-format json`) — counts and timings only, never a comment's text.
 */
export class RunReporter {
  private bar: SingleBar | undefined;
  private started = 0;

  constructor(
    private readonly format: LogFormat,
    private readonly interactive = process.stderr.isTTY === true,
  ) {}

  fileStarted(file: string): void {
    this.started = Date.now();
    if (this.format === 'json') this.log({ event: 'file-start', file });
    else if (this.interactive) {
      this.bar = new SingleBar(
        {
          format: `${file} |{bar}| {percentage}% · {rows} rows · {rate} rows/s · ETA {eta_formatted}`,
          stream: process.stderr,
          hideCursor: true,
          clearOnComplete: true,
          etaBuffer: 50,
        },
      );
      this.bar.start(1, 0, { rows: 0, rate: 0 });
    }
  }

  progress(p: ImportProgress): void {
    if (!this.bar) return;
    const seconds = Math.max(0.001, (Date.now() - this.started) / 1000);
    if (p.bytesTotal) this.bar.setTotal(p.bytesTotal);
    this.bar.update(p.bytesTotal ? p.bytesRead : 0, { rows: p.rows, rate: Math.round(p.rows / seconds) });
  }

  fileDone(outcome: FileOutcome<Counts>): void {
    this.bar?.stop();
    this.bar = undefined;
    if (this.format !== 'json') return;
    const seconds = (Date.now() - this.started) / 1000;
    this.log({
      event: outcome.error ? 'file-failed' : 'file-done',
      file: outcome.file,
      run: outcome.runId,
      status: outcome.status,
      counts: outcome.counts,
      seconds: Math.round(seconds * 1000) / 1000,
      rowsPerSecond: Math.round(outcome.counts.read / Math.max(0.001, seconds)),
      ...(outcome.error ? { code: outcome.error.code } : {}),
    });
  }

  log(fields: Record<string, unknown>): void {
    if (this.format === 'json') process.stderr.write(`${JSON.stringify({ ts: new Date().toISOString(), ...fields })}\n`);
  }
}
