/**
 * The small part of better-sqlite3 Heartline uses, declared here so the rest of the code depends on this
 * interface and not on the driver's types.
 */
export interface Statement<Row = unknown> {
  run(...params: unknown[]): { changes: number; lastInsertRowid: number | bigint };
  get(...params: unknown[]): Row | undefined;
  all(...params: unknown[]): Row[];
  iterate(...params: unknown[]): IterableIterator<Row>;
}

export interface Database {
  /**
   * `Row` names the shape of the rows the statement returns: the store's repositories declare it once per
   * query (as kysely does), so their callers get typed rows without casts.
   */
  prepare<Row = unknown>(sql: string): Statement<Row>;
  exec(sql: string): unknown;
  pragma(source: string, options?: { simple?: boolean }): unknown;
  /** Runs `fn` in BEGIN … COMMIT (rolled back if it throws); `.immediate` takes the write lock at BEGIN. */
  transaction<F extends (...args: never[]) => unknown>(fn: F): F & { immediate: F };
  close(): unknown;
  readonly name: string;
  /** Whether the connection was opened read-only. */
  readonly readonly: boolean;
}
