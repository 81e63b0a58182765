// Preloaded with `node --require` (through NODE_OPTIONS) by test/lang/stemmers.test.ts: when the process
// exits, writes every CommonJS module it loaded to the file named by HEARTLINE_TEST_LOADED_MODULES.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  writeFileSync(process.env.HEARTLINE_TEST_LOADED_MODULES, JSON.stringify(Object.keys(require.cache)));
});
