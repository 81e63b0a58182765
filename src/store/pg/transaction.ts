import type pg from 'pg';

/** deadlock_detected, serialization_failure: the server rolled the transaction back, and it may simply run again. */
const RETRYABLE = new Set(['40P01', '40001']);
const ATTEMPTS = 5;

/**
 * Runs `work` on one pooled connection in BEGIN … COMMIT, rolled back if it throws. A transaction the server
 * aborts to break a deadlock (an import and a worker locking the same responses in another order) runs again,
 * a few times: `work` must read what it decides from inside the transaction, as every caller does.
 */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    try {
      await client.query(begin);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      const code = (error as { code?: unknown }).code;
      if (attempt < ATTEMPTS && typeof code === 'string' && RETRYABLE.has(code)) continue;
      throw error;
    } finally {
      client.release();
    }
  }
}
