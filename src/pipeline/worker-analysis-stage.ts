import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { TagResult } from '../emotion/tag-result.js';
import type { Analysis, AnalysisTask, TaggingTask } from './analysis-worker.js';
import type { FeedbackItem } from './feedback-import.js';
import type { Stage } from './stage.js';

/** The compiled worker (workers run plain JS; tests run after `npm run build`). */
const WORKER = fileURLToPath(new URL('../../dist/pipeline/analysis-worker.js', import.meta.url));

/**
 * Each worker holds its own copy of the lexicons and language data; a small young generation keeps its
 * memory near what it holds (two workers measured 400–430 MB peak RSS with it, 485 MB without, at no cost in speed).
 */
const YOUNG_GENERATION_MB = 8;
/**
 * Left to itself, V8 let a worker's heap grow to ~150 MB of mostly garbage between full collections (50 MB
 * live: lexicons, language data, one batch). A limit makes it collect sooner; it is a hard limit (past it the
 * worker fails), so it leaves room for lexicons and batches several times the built-in ones.
 */
const OLD_GENERATION_MB = 192;

const pools = new Map<number, Piscina>();

function poolOf(threads: number): Piscina {
  let pool = pools.get(threads);
  if (!pool) {
    pool = new Piscina({
      filename: WORKER,
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: 1000,
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, maxOldGenerationSizeMb: OLD_GENERATION_MB },
    });
    pools.set(threads, pool);
  }
  return pool;
}

/** Closes the worker threads so the process can exit. */
export async function closeWorkers(): Promise<void> {
  await Promise.all([...pools.values()].map((p) => p.destroy()));
  pools.clear();
}

/**
 * Pipeline stage: language detection and emotion tagging in worker threads. Requires validated rows,
 * assigns `row.language` and `row.emotions` — the same values the main-thread stages give.
 */
export function workerAnalysisStage(threads: number, lexiconDirs: string[], signal?: AbortSignal): Stage<FeedbackItem> {
  return {
    name: 'analysis (workers)',
    async run(items) {
      const todo = items.filter((item) => item.row && !item.current);
      if (todo.length === 0) return;
      const task: AnalysisTask = { texts: todo.map((item) => item.row!.text), lexiconDirs };
      // A stop (SIGINT, SIGTERM) cancels the batch in the worker at once: it would not be written anyway.
      const results = (await poolOf(threads).run(task, signal ? { signal } : {})) as Analysis[];
      todo.forEach((item, i) => {
        item.row!.language = results[i]!.language;
        item.row!.emotions = results[i]!.emotions;
      });
    },
  };
}

/**
 * Pipeline stage: emotion tagging in worker threads, of rows whose language an earlier stage on the main
 * thread detected (requires `row.language`, assigns `row.emotions`; the values the main-thread stage gives).
 */
export function workerTaggingStage(threads: number, lexiconDirs: string[], signal?: AbortSignal): Stage<FeedbackItem> {
  return {
    name: 'tagging (workers)',
    async run(items) {
      const todo = items.filter((item) => item.row?.language && !item.current);
      if (todo.length === 0) return;
      const task: TaggingTask = { texts: todo.map((item) => item.row!.text), lexiconDirs, segments: todo.map((item) => item.row!.language!.segments) };
      const options = { name: 'tag', ...(signal ? { signal } : {}) };
      const results = (await poolOf(threads).run(task, options)) as TagResult[];
      todo.forEach((item, i) => {
        item.row!.emotions = results[i]!;
      });
    },
  };
}
