import type { TextLanguage } from '../language/detection.js';
import type { Evidence, TagResult } from './tag-result.js';

export interface ExplainStyle {
  /** How a matched span is shown: ANSI colours on a terminal, [[brackets]] otherwise. */
  mark(text: string): string;
}

export const PLAIN: ExplainStyle = { mark: (t) => `[[${t}]]` };
export const ANSI: ExplainStyle = { mark: (t) => `\u001b[1;33m${t}\u001b[0m` };

/** A readable account of a tagging: the text with evidence marked, then each emotion and why. */
export function explain(text: string, language: TextLanguage, result: TagResult, version: string, style: ExplainStyle = PLAIN): string {
  const spans = result.emotions.flatMap((e) => e.evidence).concat(result.removed);
  const lines = [highlight(text, spans, style), ''];
  const segments = language.segments.map((s) => `${s.lang} ${s.start}–${s.end}`).join(', ');
  lines.push(`language: ${language.lang} (confidence ${language.confidence}${language.supported ? '' : ', not tagged'})${language.segments.length > 1 ? `; segments ${segments}` : ''}`);
  lines.push(`polarity: ${result.polarity}   lexicon: ${version}`);
  if (result.emotions.length === 0) lines.push('no emotion found');
  for (const tag of result.emotions) {
    lines.push(`${tag.emotion} ${tag.score.toFixed(2)}`);
    for (const e of tag.evidence) lines.push(`  ${describe(e)}`);
  }
  for (const e of result.removed) lines.push(`(removed) ${describe(e)} — ${e.construction ? `by ${e.construction.kind} "${e.construction.text}"` : 'negation removes an emotion without an opposite'}`);
  return lines.join('\n');
}

function describe(e: Evidence): string {
  const parts = [`"${e.text}" ${e.start}–${e.end} ← ${e.pattern} (${e.lang}) weight ${e.weight}`];
  if (e.construction && e.flippedFrom) parts.push(`${e.construction.kind} "${e.construction.text}": was ${e.flippedFrom}`);
  else if (e.flippedFrom) parts.push(`negated by "${e.negator?.text}": ${e.flippedFrom} → opposite`);
  else if (e.negator) parts.push(`negated by "${e.negator.text}"`);
  if (e.intensifier) parts.push(`×${e.intensifier.factor} by "${e.intensifier.text}"`);
  if (e.emphasis) parts.push(e.emphasis.join(', '));
  return parts.join('; ');
}

function highlight(text: string, spans: Evidence[], style: ExplainStyle): string {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) continue; // nested or overlapping: the outer span is already marked
    out += text.slice(at, s.start) + style.mark(text.slice(s.start, s.end));
    at = s.end;
  }
  return out + text.slice(at);
}
