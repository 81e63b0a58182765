import { hostname } from 'node:os';
import { now } from '../import-ledger.js';
import { type Analysis, replaceAnalyses } from './pg-analysis-writer.js';
import type { Postgres } from './postgres.js';
import { inTransaction } from './transaction.js';

export interface ClaimedResponse {
  id: number;
  text: string;
  row_hash: string;
}

export type Analysed = Analysis;

/** What `status` shows of the workers and the work left. */
export interface WorkerState {
  id: string;
  host: string;
  pid: number;
  startedAt: string;
  /** Seconds since its last heartbeat. */
  silentFor: number;
  stoppedAt: string | null;
  analysed: number;
  leased: number;
}

/**
 * The responses that still need analysis, as a queue that any number of `heartline worker` processes on any
 * number of machines take batches from. A batch is claimed with FOR UPDATE SKIP LOCKED (two workers never
 * wait for, or take, the same rows) and held by a lease; a worker that dies leaves leases that run out, and
 * the batch goes to another. An analysis is written only while its lease is still the worker's and the
 * response's content is the one claimed: a comment changed by an import meanwhile is analysed again.
 */
export class AnalysisQueue {
  constructor(
    private readonly pg: Postgres,
    readonly workerId: string,
    private readonly version: string,
    private readonly dirs: readonly string[],
    /** Also take responses analysed with other lexicons (worker --reanalyze). */
    private readonly reanalyze = false,
  ) {}

  async register(): Promise<void> {
    const at = now();
    await this.pg.pool.query(
      'INSERT INTO workers (id, host, pid, started_at, seen_at) VALUES ($1, $2, $3, $4, now())',
      [this.workerId, hostname(), process.pid, at],
    );
    await this.pg.pool.query('INSERT INTO lexicon_versions (version, dirs, first_used) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [this.version, JSON.stringify(this.dirs), at]);
  }

  /**
   * Where this worker's next claim starts: after the last id it claimed. Analysed rows leave dead entries in
   * the index of unanalysed ones until VACUUM; a claim from the start would step over all of them every time.
   * Rows skipped on the way (another worker's, or locked by an import) are found when the claim wraps around.
   */
  private after = 0;

  /** Up to `limit` responses to analyse, leased to this worker for `leaseSeconds`. */
  async claim(limit: number, leaseSeconds: number): Promise<ClaimedResponse[]> {
    let claimed = await this.claimAfter(this.after, limit, leaseSeconds);
    if (claimed.length === 0 && this.after > 0) claimed = await this.claimAfter(0, limit, leaseSeconds);
    this.after = claimed.at(-1)?.id ?? 0;
    await this.pg.pool.query('UPDATE workers SET seen_at = now() WHERE id = $1', [this.workerId]);
    return claimed;
  }

  private async claimAfter(after: number, limit: number, leaseSeconds: number): Promise<ClaimedResponse[]> {
    const result = await this.pg.pool.query<ClaimedResponse>(
      `WITH picked AS (
         SELECT r.id, r.text, r.row_hash FROM responses AS r
         WHERE ${this.reanalyze ? '(r.lexicon_version IS NULL OR r.lexicon_version <> $4)' : 'r.lexicon_version IS NULL AND $4::text IS NOT NULL'}
           AND r.id > $5 AND NOT EXISTS (SELECT 1 FROM analysis_leases AS l WHERE l.response_id = r.id AND l.lease_until > now())
         ORDER BY r.id LIMIT $1
         FOR UPDATE OF r SKIP LOCKED),
       leased AS (
         INSERT INTO analysis_leases (response_id, worker_id, row_hash, lease_until)
         SELECT id, $2, row_hash, now() + make_interval(secs => $3) FROM picked
         ON CONFLICT (response_id) DO UPDATE SET worker_id = excluded.worker_id, row_hash = excluded.row_hash, lease_until = excluded.lease_until
         RETURNING response_id)
       SELECT p.id, p.text, p.row_hash FROM picked AS p JOIN leased AS l ON l.response_id = p.id ORDER BY p.id`,
      [limit, this.workerId, leaseSeconds, this.version, after],
    );
    return result.rows;
  }

  /**
   * Writes the analyses whose lease is still this worker's and whose response is unchanged since the claim;
   * returns how many were written. The leases go either way.
   */
  async complete(analysed: Analysed[]): Promise<number> {
    return inTransaction(this.pg.pool, async (client) => {
      const ids = analysed.map((a) => a.id);
      const valid = new Set((await client.query<{ id: number }>(
        `SELECT r.id FROM analysis_leases AS l JOIN responses AS r ON r.id = l.response_id
         WHERE l.worker_id = $1 AND l.response_id = ANY($2::int[]) AND r.row_hash = l.row_hash
         ORDER BY r.id FOR UPDATE OF r`,
        [this.workerId, ids],
      )).rows.map((r) => r.id));
      const writes = analysed.filter((a) => valid.has(a.id));
      await replaceAnalyses(client, this.version, writes);
      await client.query('DELETE FROM analysis_leases WHERE worker_id = $1 AND response_id = ANY($2::int[])', [this.workerId, ids]);
      await client.query('UPDATE workers SET analysed = analysed + $2, seen_at = now() WHERE id = $1', [this.workerId, writes.length]);
      return writes.length;
    });
  }

  /** Responses that still need analysis, and how many of them other workers hold live leases on. */
  async backlog(): Promise<{ waiting: number; leasedByOthers: number }> {
    const result = await this.pg.pool.query<{ waiting: number; leased: number }>(
      `SELECT count(*)::int AS waiting,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM analysis_leases AS l
                 WHERE l.response_id = r.id AND l.lease_until > now() AND l.worker_id <> $2))::int AS leased
       FROM responses AS r WHERE ${this.reanalyze ? '(r.lexicon_version IS NULL OR r.lexicon_version <> $1)' : 'r.lexicon_version IS NULL AND $1::text IS NOT NULL'}`,
      [this.version, this.workerId],
    );
    return { waiting: result.rows[0]!.waiting, leasedByOthers: result.rows[0]!.leased };
  }

  /** Gives back this worker's leases (a stopped worker's batch is free at once) and marks it stopped. */
  async stop(): Promise<void> {
    await this.pg.pool.query('DELETE FROM analysis_leases WHERE worker_id = $1', [this.workerId]);
    await this.pg.pool.query('UPDATE workers SET stopped_at = $2, seen_at = now() WHERE id = $1', [this.workerId, now()]);
  }
}

/** Every worker that has registered, newest first, with the leases it holds. */
export async function workerStates(pg: Postgres, limit = 20): Promise<WorkerState[]> {
  const result = await pg.pool.query<WorkerState>(
    `SELECT w.id, w.host, w.pid, w.started_at AS "startedAt", extract(epoch FROM now() - w.seen_at)::float8 AS "silentFor",
            w.stopped_at AS "stoppedAt", w.analysed::int AS analysed,
            (SELECT count(*)::int FROM analysis_leases AS l WHERE l.worker_id = w.id AND l.lease_until > now()) AS leased
     FROM workers AS w ORDER BY w.started_at DESC LIMIT $1`,
    [limit],
  );
  return result.rows;
}

/** Responses not analysed yet (the workers' backlog). */
export async function unanalysedCount(pg: Postgres): Promise<number> {
  return (await pg.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM responses WHERE lexicon_version IS NULL')).rows[0]!.n;
}
