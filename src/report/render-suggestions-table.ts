import type { LanguageSuggestions, PhraseExample, SuggestedPhrase, Suggestions } from '../analysis/suggest-types.js';
import { displayWidth, grid } from './text-layout.js';

/** Characters of context shown on each side of the phrase in an example. */
const CONTEXT = 60;

/** The terminal view: per language, detractor and promoter phrases with counts, z, the proposal, then examples. */
export function renderSuggestionsTable(s: Suggestions): string {
  const out: string[] = [];
  const filters = describeFilters(s);
  out.push(`Heartline suggest — ${s.database}${filters ? ` (${filters})` : ''}`);
  out.push(
    `Words and phrases of ${range(s)} words in at least ${s.settings.minCount} responses where no tag explains them, ` +
      `associated with detractors (z < 0) or promoters (z > 0) at |z| ≥ ${s.settings.minZ}`,
  );
  if (s.masked) out.push(`examples masked: ${s.maskedBecause}`);
  for (const w of s.warnings) out.push(`warning: ${w}`);
  for (const l of s.languages) {
    out.push('');
    const counts = `${l.responses} responses with an NPS answer (${l.detractors} detractors, ${l.passives} passives, ${l.promoters} promoters)`;
    if (l.tested === 0) {
      out.push(`${l.lang}: ${counts}; no phrase is used in ${s.settings.minCount} of them`);
      continue;
    }
    out.push(`${l.lang}: ${counts}; ${l.tested} phrases tested`);
    side(out, 'Detractor phrases', l.detractorPhrases, l);
    side(out, 'Promoter phrases', l.promoterPhrases, l);
  }
  return `${out.join('\n')}\n`;
}

function side(out: string[], title: string, phrases: SuggestedPhrase[], l: LanguageSuggestions): void {
  out.push('');
  if (phrases.length === 0) {
    out.push(`${title}: none${l.detractors === 0 || l.promoters === 0 ? ' (no detractors or no promoters to compare)' : ''}`);
    return;
  }
  out.push(title);
  out.push(grid(
    ['phrase', 'z', 'responses', 'detractors', 'promoters', 'proposed emotion', 'weight', 'tagged alone'],
    phrases.map((p) => [
      p.phrase,
      p.z.toFixed(2),
      String(p.count),
      String(p.detractors),
      String(p.promoters),
      p.proposal.basis === 'tags' ? `${p.proposal.emotion} (${Math.round(100 * p.proposal.share)}% tagged)` : `${p.proposal.emotion} (default)`,
      p.proposal.weight.toFixed(1),
      p.taggedAlone.join(', ') || '—',
    ]),
  ));
  out.push('  examples:');
  for (const p of phrases) {
    p.examples.forEach((e, i) => out.push(`  ${i === 0 ? p.phrase : ' '.repeat(displayWidth(p.phrase))}  #${e.responseId} (${e.score}) ${snippet(e)}`));
  }
}

/** The phrase in its context, marked as `explain` marks evidence, on one line. */
export function snippet(e: PhraseExample): string {
  const from = Math.max(0, e.start - CONTEXT);
  const to = Math.min(e.text.length, e.end + CONTEXT);
  const flat = (t: string) => t.replace(/\s+/g, ' ');
  return `${from > 0 ? '…' : ''}${flat(e.text.slice(from, e.start))}[[${flat(e.text.slice(e.start, e.end))}]]${flat(e.text.slice(e.end, to))}${to < e.text.length ? '…' : ''}`;
}

const range = (s: Suggestions) => (s.settings.minLength === s.settings.maxLength ? `${s.settings.minLength}` : `${s.settings.minLength}–${s.settings.maxLength}`);

export function describeFilters(s: Suggestions): string {
  const f = s.filters;
  return [
    f.since && `since ${f.since}`,
    f.until && `until ${f.until}`,
    f.lang && `lang ${f.lang.join(',')}`,
    f.source && `source ${f.source.join(',')}`,
    ...Object.entries(f.segment ?? {}).map(([k, v]) => `${k}=${v}`),
  ]
    .filter(Boolean)
    .join(', ');
}
