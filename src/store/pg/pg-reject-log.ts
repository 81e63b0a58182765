import type { RejectRow, RejectScope, WarningRow } from '../reject-log.js';
import type { Postgres } from './postgres.js';

const WHERE: Record<'run' | 'latest' | 'all', string> = {
  run: 'j.run_id = $1',
  latest: 'j.run_id IN (SELECT id FROM import_runs WHERE invocation = (SELECT invocation FROM import_runs ORDER BY id DESC LIMIT 1))',
  all: 'TRUE',
};

function scoped(scope: RejectScope): { where: string; params: unknown[] } {
  if (typeof scope === 'object') return { where: WHERE.run, params: [scope.run] };
  return { where: WHERE[scope], params: [] };
}

/** RejectLog's reads (what `heartline rejects` lists) on PostgreSQL. */
export class PgRejectLog {
  constructor(private readonly pg: Postgres) {}

  async count(scope: RejectScope): Promise<number> {
    const { where, params } = scoped(scope);
    return (await this.pg.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM rejects AS j WHERE ${where}`, params)).rows[0]!.n;
  }

  async countWarnings(scope: RejectScope): Promise<number> {
    const { where, params } = scoped(scope);
    return (await this.pg.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM import_warnings AS j WHERE ${where}`, params)).rows[0]!.n;
  }

  async warnings(scope: RejectScope, limit: number): Promise<WarningRow[]> {
    const { where, params } = scoped(scope);
    return (await this.pg.pool.query<WarningRow>(
      `SELECT j.run_id, j.file, j.line, j.code, j.reason, j.value FROM import_warnings AS j WHERE ${where}
       ORDER BY j.run_id, j.line LIMIT $${params.length + 1}`, [...params, limit])).rows;
  }

  async list(scope: RejectScope, limit: number): Promise<RejectRow[]> {
    const { where, params } = scoped(scope);
    const rows = (await this.pg.pool.query<{ run_id: number; file: string; line: number; code: string; reason: string; raw: string; imported_by: number | null }>(
      `SELECT j.run_id, j.file, j.line, j.code, j.reason, j.raw, j.imported_by FROM rejects AS j WHERE ${where}
       ORDER BY j.run_id, j.line LIMIT $${params.length + 1}`, [...params, limit])).rows;
    return rows.map((r) => ({ runId: r.run_id, file: r.file, line: r.line, code: r.code, reason: r.reason, raw: r.raw, importedBy: r.imported_by }));
  }
}
