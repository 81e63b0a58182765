import { mulberry32 } from '../../src/analysis/mulberry32.js';
import type { Database } from '../../src/store/database.js';
import { openTestDb } from './open-test-db.js';

/**
 * A fixed report database: real feedback phrases in the five languages, each stored with the emotions it
 * expresses and the words that carry them — written straight into SQLite, not through the tagger, so the
 * report's exact-output tests do not move when the lexicons improve. Scores are drawn from known effects.
 *
 * Built in: anxiety only ever comes with distrust (one phrase carries both: the models cannot tell them apart);
 * nobody who voices defection promotes (separation); valued is rare (below --min-support 30); some responses
 * have no score, some are in a language Heartline does not tag.
 */

/** A phrase, the emotions it expresses and, for each, the words in it that carry the emotion. */
type Phrase = [text: string, tags: [emotion: string, evidence: string][]];

const PHRASES: Record<string, Phrase[]> = {
  eng: [
    ['Absolutely delighted with the new app!', [['delight', 'delighted']]],
    ['Thank you so much for the quick help.', [['gratitude', 'Thank you so much'], ['ease', 'quick']]],
    ['Had to call three times to get it fixed.', [['frustration', 'Had to call three times']]],
    ['Very disappointed with the delivery.', [['disappointment', 'disappointed']]],
    ['I will definitely be back.', [['commitment', 'definitely be back']]],
    ['I am switching to another provider.', [['defection', 'switching to another provider']]],
    ['I worry you are cheating me with hidden fees.', [['anxiety', 'worry'], ['distrust', 'hidden fees']]],
    ['They remembered my name, I felt valued.', [['valued', 'felt valued']]],
    ['It was fine, it does the job.', [['satisfaction', 'does the job']]],
  ],
  rus: [
    ['Очень доволен, всё супер!', [['delight', 'всё супер']]],
    ['Спасибо за быструю помощь.', [['gratitude', 'Спасибо'], ['ease', 'быструю']]],
    ['Пришлось звонить три раза.', [['frustration', 'Пришлось звонить три раза']]],
    ['Очень разочарован доставкой.', [['disappointment', 'разочарован']]],
    ['Больше не закажу.', [['defection', 'Больше не закажу']]],
    ['Всё нормально, претензий нет.', [['satisfaction', 'претензий нет']]],
  ],
  swe: [
    ['Jättenöjd med appen!', [['delight', 'Jättenöjd']]],
    ['Tack så mycket för hjälpen.', [['gratitude', 'Tack så mycket']]],
    ['Fick ringa tre gånger.', [['frustration', 'Fick ringa tre gånger']]],
    ['Väldigt besviken på leveransen.', [['disappointment', 'besviken']]],
    ['Jag kommer definitivt tillbaka.', [['commitment', 'kommer definitivt tillbaka']]],
    ['Det fungerar bra.', [['satisfaction', 'fungerar bra']]],
  ],
  cmn: [
    ['非常满意，太棒了！', [['delight', '太棒了']]],
    ['谢谢你们的帮助。', [['gratitude', '谢谢']]],
    ['打了三次电话才解决。', [['frustration', '打了三次电话']]],
    ['太慢了，很失望。', [['disappointment', '失望']]],
    ['下次不会再来了。', [['defection', '不会再来']]],
    ['还可以，没什么问题。', [['satisfaction', '没什么问题']]],
  ],
  hun: [
    ['Nagyon elégedett vagyok, szuper!', [['delight', 'szuper']]],
    ['Köszönöm szépen a gyors segítséget.', [['gratitude', 'Köszönöm szépen'], ['ease', 'gyors']]],
    ['Háromszor kellett felhívnom őket.', [['frustration', 'kellett felhívnom']]],
    ['Csalódott vagyok a szállítás miatt.', [['disappointment', 'Csalódott']]],
    ['Biztosan visszajövök.', [['commitment', 'visszajövök']]],
    ['Rendben volt minden.', [['satisfaction', 'Rendben volt']]],
  ],
};

/** Log-odds of promoting per emotion (anxiety adds to distrust's; defection forces a detractor below). */
const EFFECTS: Record<string, number> = {
  delight: 1.8, gratitude: 1.0, ease: 0.6, commitment: 1.2, valued: 0.8, satisfaction: 0.2,
  frustration: -1.5, disappointment: -1.0, distrust: -1.2, anxiety: -0.3, defection: -2,
};
const VALENCE: Record<string, number> = { delight: 1, gratitude: 1, ease: 1, commitment: 1, valued: 1, satisfaction: 1 };
const LANGUAGES = ['eng', 'rus', 'swe', 'cmn', 'hun'] as const;
const CHANNELS = ['app', 'web', 'phone'] as const;
const MARKET: Record<string, string> = { eng: 'UK', rus: 'RU', swe: 'SE', cmn: 'CN', hun: 'HU' };
const VERSION = 'fixture-lexicon-1';

/** Opens `report.db` in `dir` holding the fixed responses; the same rows every time. */
export function reportFixtureDb(dir: string, n = 420): Database {
  const db = openTestDb(dir, 'report.db');
  const random = mulberry32(11);
  const stamp = '2025-06-01T00:00:00.000Z';
  const run = Number(
    db.prepare(`INSERT INTO import_runs (invocation, kind, file, source, started_at, finished_at, status) VALUES ('fixture', 'feedback', 'fixture.csv', 'fixture', ?, ?, 'ok')`).run(stamp, stamp)
      .lastInsertRowid,
  );
  db.prepare('INSERT INTO lexicon_versions (version, dirs, first_used) VALUES (?, ?, ?)').run(VERSION, '["lexicons/"]', stamp);
  const insert = db.prepare(
    `INSERT INTO responses (source, external_id, text, score, score_origin, responded_at, segments, row_hash, file, line, first_run_id,
       last_run_id, imported_at, updated_at, language, language_confidence, language_supported, language_segments, polarity, lexicon_version)
     VALUES ('fixture', ?, ?, ?, ?, ?, ?, ?, 'fixture.csv', ?, ?, ?, ?, ?, ?, 0.9, ?, '[]', ?, ?)`,
  );
  const tag = db.prepare('INSERT INTO emotion_tags (response_id, emotion, score, evidence, lexicon_version) VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const day = `2025-0${1 + (i % 4)}-${String(1 + (i % 27)).padStart(2, '0')}`;
      const channel = CHANNELS[i % 3]!;
      if (i % 35 === 34) {
        // German: detected, counted, not tagged.
        insert.run(`r${i}`, 'Die Lieferung kam pünktlich an.', 7 + (i % 3), 'inline', day, JSON.stringify({ channel, market: 'DE' }), `h${i}`, i + 2, run, run, stamp, stamp, 'deu', 0, null, null);
        continue;
      }
      const lang = LANGUAGES[Math.floor(random() * LANGUAGES.length)]!;
      const phrases = PHRASES[lang]!;
      const chosen = new Set<Phrase>();
      const count = Math.floor(random() * 3);
      for (let k = 0; k < count; k++) chosen.add(phrases[Math.floor(random() * phrases.length)]!);
      let text = '';
      const tags = new Map<string, { start: number; end: number; text: string }[]>();
      for (const [phrase, phraseTags] of chosen) {
        const at = text.length + (text ? 1 : 0);
        text += (text ? ' ' : '') + phrase;
        for (const [emotion, evidence] of phraseTags) {
          const start = at + phrase.indexOf(evidence);
          tags.set(emotion, [...(tags.get(emotion) ?? []), { start, end: start + evidence.length, text: evidence }]);
        }
      }
      if (text === '') text = lang === 'cmn' ? '收到了。' : lang === 'rus' ? 'Заказ получен.' : lang === 'swe' ? 'Paketet kom i tisdags.' : lang === 'hun' ? 'Megjött a csomag.' : 'The parcel arrived on Tuesday.';
      const logit = -0.4 + [...tags.keys()].reduce((s, e) => s + (EFFECTS[e] ?? 0), 0);
      const promoter = !tags.has('defection') && random() < 1 / (1 + Math.exp(-logit));
      const score = promoter ? 9 + Math.floor(random() * 2) : random() < 0.35 ? 7 + Math.floor(random() * 2) : Math.floor(random() * 7);
      const scored = i % 23 !== 22;
      const polarity = Math.max(-1, Math.min(1, [...tags.keys()].reduce((s, e) => s + (VALENCE[e] ? 0.4 : -0.4), 0) + (random() - 0.5) * 0.6));
      const id = Number(
        insert.run(`r${i}`, text, scored ? score : null, scored ? 'inline' : null, day, JSON.stringify({ channel, market: MARKET[lang] }), `h${i}`, i + 2, run, run, stamp, stamp, lang, 1, Math.round(polarity * 1000) / 1000, VERSION)
          .lastInsertRowid,
      );
      for (const [emotion, evidence] of tags) tag.run(id, emotion, 0.9, JSON.stringify(evidence), VERSION);
    }
  })();
  return db;
}
