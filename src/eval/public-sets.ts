/** The public emotion datasets in ../shared/data and how their labels map to ours (docs/tagging.md, "Label mapping"). */
/** Our tags as the public datasets' labels (docs/tagging.md, "Label mapping"). */
export const TO_PUBLIC: Record<string, string> = {
  anger: 'anger',
  delight: 'joy',
  satisfaction: 'joy',
  anxiety: 'fear',
  disappointment: 'sadness',
  trust: 'trust',
};
export const CORE = ['anger', 'joy', 'fear', 'sadness'];

export interface PublicSet {
  name: string;
  lang: string;
  file: string;
  labels: (row: Record<string, unknown>) => string[];
}

const listLabels = (map: Record<string, string> = {}) => (row: Record<string, unknown>) =>
  ((row['labels'] as string[]) ?? []).map((l) => map[l] ?? l);
const flagLabels = (row: Record<string, unknown>) =>
  Object.entries((row['emotion_flags'] as Record<string, number>) ?? {})
    .filter(([, v]) => v === 1)
    .map(([k]) => k);

const GOEMOTIONS: Record<string, string> = {
  annoyance: 'anger',
  amusement: 'joy',
  excitement: 'joy',
  love: 'joy',
  nervousness: 'fear',
  disappointment: 'sadness',
  grief: 'sadness',
  remorse: 'sadness',
};
const CLUE: Record<string, string> = { happiness: 'joy', like: 'joy' };

export const PUBLIC_SETS: PublicSet[] = [
  ...['en', 'sv', 'hu', 'ru', 'zh-Hans', 'zh-Hant'].map((l) => ({ name: 'XED', lang: l, file: `xed/xed_${l}.jsonl`, labels: listLabels() })),
  ...['en', 'sv', 'ru', 'zh'].map((l) => ({ name: 'BRIGHTER', lang: l, file: `brighter_semeval2025_t11/brighter_${l}.jsonl`, labels: flagLabels })),
  { name: 'CEDR', lang: 'ru', file: 'cedr/cedr_ru_sample.jsonl', labels: listLabels() },
  { name: 'GoEmotions', lang: 'en', file: 'goemotions/goemotions_en_test_sample.jsonl', labels: listLabels(GOEMOTIONS) },
  { name: 'CLUE', lang: 'zh', file: 'clue_emotion2020/clue_emotion_zh_sample.jsonl', labels: listLabels(CLUE) },
];

