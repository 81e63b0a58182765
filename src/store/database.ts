/**
 * The small part of better-sqlite3 Heartline uses, declared here so the rest of the code depends on this
 * interface and not on the driver's types.
 */
export interface Statement {
  run(...params: unknown[]): { changes: number; lastInsertRowid: number | bigint };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  iterate(...params: unknown[]): IterableIterator<unknown>;
}

export interface Database {
  prepare(sql: string): Statement;
  exec(sql: string): unknown;
  pragma(source: string, options?: { simple?: boolean }): unknown;
  /** Runs `fn` in BEGIN … COMMIT (rolled back if it throws); `.immediate` takes the write lock at BEGIN. */
  transaction<F extends (...args: never[]) => unknown>(fn: F): F & { immediate: F };
  close(): unknown;
  readonly name: string;
}
