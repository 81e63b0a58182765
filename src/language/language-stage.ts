import type { FeedbackItem } from '../pipeline/feedback-import.js';
import type { Stage } from '../pipeline/stage.js';
import type { LanguageDetector } from './detect-language.js';

/** Pipeline stage: requires validated rows, assigns `row.language`. */
export function languageStage(detector: LanguageDetector): Stage<FeedbackItem> {
  return {
    name: 'language',
    run(items) {
      for (const item of items) {
        if (item.row && !item.current) item.row.language = detector.detect(item.row.text);
      }
    },
  };
}
