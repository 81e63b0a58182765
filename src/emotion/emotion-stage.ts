import type { FeedbackItem } from '../pipeline/feedback-import.js';
import type { Stage } from '../pipeline/stage.js';
import type { EmotionTagger } from './tagger.js';

/** Pipeline stage: requires `row.language`, assigns `row.emotions` (tags and polarity). */
export function emotionStage(tagger: EmotionTagger): Stage<FeedbackItem> {
  return {
    name: 'emotions',
    run(items) {
      for (const item of items) {
        const row = item.row;
        if (!row?.language || item.current) continue;
        row.emotions = tagger.tag(row.text, row.language.segments);
      }
    },
  };
}
