import { describe, expect, it } from 'vitest';
import { databaseName, displayUrl, isPostgresUrl, withDatabaseName } from '../../../src/store/pg/postgres-url.js';

describe('PostgreSQL URLs', () => {
  it.each([
    ['postgres://u@host/db', true],
    ['postgresql://host:5432/db', true],
    ['POSTGRES:///db?host=/var/run/postgresql', true],
    ['heartline.db', false],
    ['./postgres/heartline.db', false],
    ['postgres.db', false],
  ])('%s is a PostgreSQL URL: %s', (value, expected) => {
    expect(isPostgresUrl(value)).toBe(expected);
  });

  it.each([
    ['postgres://u:s3cret@h:5432/db', 'postgres://u:***@h:5432/db'],
    ['postgresql://u:p%40ss@h/db?sslmode=require', 'postgresql://u:***@h/db?sslmode=require'],
    ['postgres://u@h/db', 'postgres://u@h/db'],
    ['postgres:///db?host=/var/run/postgresql', 'postgres:///db?host=/var/run/postgresql'],
  ])('%s is shown as %s', (url, shown) => {
    expect(displayUrl(url)).toBe(shown);
  });

  it.each([
    ['postgres://root@/postgres?host=/var/run/postgresql', 'postgres://root@/t_1?host=/var/run/postgresql'],
    ['postgres:///postgres?host=/var/run/postgresql', 'postgres:///t_1?host=/var/run/postgresql'],
    ['postgres://u:p@h:5432/db', 'postgres://u:p@h:5432/t_1'],
    ['postgresql://h', 'postgresql://h/t_1'],
  ])('%s on another database: %s', (url, other) => {
    expect(withDatabaseName(url, 't_1')).toBe(other);
    expect(databaseName(other)).toBe('t_1');
  });
});
