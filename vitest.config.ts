import { defineConfig } from 'vitest/config';

// Many tests run the built CLI in a child process and import real files into SQLite: on a busy 2-core
// machine one such test can take well over vitest's default 5 s without anything being wrong.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
