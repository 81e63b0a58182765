import { userInfo } from 'node:os';
import type pg from 'pg';
import { HeartlineError } from '../../errors.js';

// What every command needs to know of a PostgreSQL --db without loading the driver: whether it is one, how
// to show it, how to connect, and how to word the server's refusals.

/** `--db postgres://…` or `postgresql://…` (and HEARTLINE_DB): a PostgreSQL database, not a file. */
export function isPostgresUrl(db: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(db);
}

/** The URL as messages show it: any password replaced by ***. */
export function displayUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]*):[^@/]*@/i, '$1:***@');
}

const PARTS = /^(postgres(?:ql)?:\/\/[^/?]*)(?:\/([^?]*))?(\?.*)?$/i;

/** The same server and settings, another database: `postgres:///a?host=…` → `postgres:///b?host=…`. */
export function withDatabaseName(url: string, name: string): string {
  const m = PARTS.exec(url);
  if (!m) throw new HeartlineError('E_USAGE', `not a PostgreSQL URL: ${displayUrl(url)}`);
  return `${m[1]}/${encodeURIComponent(name)}${m[3] ?? ''}`;
}

/** The database a URL names ('' when it names none). */
export function databaseName(url: string): string {
  return decodeURIComponent(PARTS.exec(url)?.[2] ?? '');
}

/** Connection settings from the URL; without a user in it, the login user (as psql does). */
export function connectionConfig(url: string, applicationName = 'heartline'): pg.ClientConfig {
  const hasUser = /^postgres(?:ql)?:\/\/[^/@]+@/i.test(url);
  const user = process.env['PGUSER'] ?? userInfo().username;
  const connectionString = hasUser ? url : url.replace(/^(postgres(?:ql)?:\/\/)/i, `$1${encodeURIComponent(user)}@`);
  return { connectionString, application_name: applicationName };
}

/** PostgreSQL's and the network's refusals as E_DATABASE errors that say what to do. */
export function postgresError(error: unknown, name: string, doing: string): HeartlineError {
  if (error instanceof HeartlineError) return error;
  const e = error as { code?: string; message?: string };
  const code = e.code ?? '';
  const message = e.message ?? String(error);
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ETIMEDOUT' || code === 'ENOENT') {
    return new HeartlineError('E_DATABASE', `${doing}: no PostgreSQL server answers (${code})`, { file: name },
      'check the host and port in the --db URL, and that the server is running');
  }
  if (code === '28P01' || code === '28000') {
    return new HeartlineError('E_DATABASE', `${doing}: the server refused the login (${message})`, { file: name }, 'check the user and password in the --db URL');
  }
  if (code === '3D000') {
    return new HeartlineError('E_DATABASE', `${doing}: ${message}`, { file: name }, 'create it first (createdb NAME), or name another database in the --db URL');
  }
  return new HeartlineError('E_DATABASE', `${doing}: PostgreSQL: ${message}${code ? ` (${code})` : ''}`, { file: name });
}
