import type { SuggestedPhrase, Suggestions } from '../analysis/suggest-types.js';
import { describeFilters, snippet } from './render-suggestions-table.js';

/**
 * An emotions.tsv fragment to review and save into a --lexicon-dir folder (lexicons/README.md): one section per
 * language, each suggestion preceded by a comment with its evidence. Phrases today's lexicons already tag on
 * their own are commented out: adding them again changes nothing (their miss is a matter of context).
 */
export function renderSuggestionsTsv(s: Suggestions): string {
  const filters = describeFilters(s);
  const out = [
    `# heartline suggest: emotions.tsv entries proposed from ${s.database}${filters ? ` (${filters})` : ''}, ${s.generatedAt.slice(0, 10)}`,
    '# Format: pattern<TAB>emotion<TAB>weight (lexicons/README.md). Review every line: keep it, change its emotion',
    '# or weight, or delete it; then save each section as <your folder>/<code>/emotions.tsv and pass --lexicon-dir.',
  ];
  for (const w of s.warnings) out.push(`# warning: ${w}`);
  for (const l of s.languages) {
    const responses = `${l.responses} responses (${l.detractors} detractors, ${l.promoters} promoters)`;
    if (l.detractorPhrases.length + l.promoterPhrases.length === 0) {
      out.push('', `# == ${l.lang}: nothing to suggest from ${responses} ==`);
      continue;
    }
    out.push('', `# == ${l.lang}/emotions.tsv — ${responses} ==`);
    for (const [title, phrases] of [['detractor phrases', l.detractorPhrases], ['promoter phrases', l.promoterPhrases]] as const) {
      if (phrases.length === 0) continue;
      out.push(`# -- ${title}`);
      for (const p of phrases) out.push(...entry(p));
    }
  }
  return `${out.join('\n')}\n`;
}

function entry(p: SuggestedPhrase): string[] {
  const basis = p.proposal.basis === 'tags' ? `${Math.round(100 * p.proposal.share)}% of them tagged ${p.proposal.emotion}` : 'no tag of this side in them (default)';
  const lines = [`# z ${p.z.toFixed(2)}; ${p.count} responses (${p.detractors} detractors, ${p.promoters} promoters); ${basis}`];
  for (const e of p.examples) lines.push(`#   e.g. ${snippet(e)}`);
  const line = `${p.phrase}\t${p.proposal.emotion}\t${p.proposal.weight.toFixed(1)}`;
  if (p.taggedAlone.length > 0) lines.push(`# already tagged on its own (${p.taggedAlone.join(', ')}): context kept it from tagging here`, `# ${line}`);
  else lines.push(line);
  return lines;
}
