#!/usr/bin/env node
// Launcher: the CLI is compiled to dist/ by `npm run build` (run by `prepare` on npm install / npm ci),
// so worker threads can load plain JS.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write('heartline: not built yet — run `npm run build` (or `npm install`) first\n');
  process.exit(1);
}
await import(main.href);
