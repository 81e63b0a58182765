import { describe, expect, it } from 'vitest';
import { hungarian } from '../../src/lang/hun/language.js';
import { REGISTRY } from '../../src/lang/registry.js';
import { emotionsOf, langOf } from '../helpers/analyse.js';

describe('Hungarian (hun)', () => {
  it.each([['hun'], ['hu'], ['hu-HU']])('is the language the tag %s names', (tag) => {
    expect(REGISTRY.fromTag(tag)).toBe(hungarian);
    expect(REGISTRY.nameOf('hun')).toBe('Hungarian');
  });

  it.each([
    ['rendelést', 'rendelés'],
    ['gyors', 'gyorsan'],
  ])('stems %s and %s alike', (...words) => {
    expect(new Set(words.map((w) => hungarian.stem!(w))).size).toBe(1);
  });

  it.each([
    ['Köszi', 'hun'],
    ['nem ajánlom', 'hun'],
    // ő and ű are Hungarian alone.
    ['Lassú és drága, de működik', 'hun'],
    ['Nagyon elégedett vagyok', 'hun'],
  ])('detects %s as %s', (text, expected) => {
    expect(langOf(text)).toBe(expected);
  });

  it.each([
    ['Köszönöm a gyors segítséget!', ['ease', 'gratitude']],
    ['Nagyon csalódott vagyok', ['disappointment']],
    ['Nem vagyok elégedett a szolgáltatással.', ['disappointment']],
    ['Nem jövök vissza többé.', ['defection']],
  ])('tags %s with %j', (text, expected) => {
    expect(emotionsOf(text)).toEqual(expected);
  });

  // Feedback from further domains (rooms, electronics, telecom, transport, banking, clothing, utilities): a complaint that the product or service fell short, with no emotion word, is
  // disappointment (waiting or effort frustration, being misled distrust); plain praise by its domain noun;
  // negated complaints and bare facts are traps.
  it.each<[string, string[]]>([
    ['Az ágy kényelmetlen volt', ['disappointment']],
    ['Kényelmetlenek voltak az ágyak', ['disappointment']],
    ['Az akkumulátor pár óra alatt lemerül', ['disappointment']],
    ['Az anyaga olcsónak tűnik', ['disappointment']],
    ['Nem jött a busz', ['disappointment']],
    ['A vonatot törölték', ['disappointment']],
    ['A busz zsúfolt volt', ['disappointment']],
    ['Túl magas volt a villanyszámla', ['disappointment']],
    ['Három napig nem volt víz, előzetes értesítés nélkül', ['disappointment']],
    ['A telefon nagyon melegszik', ['disappointment']],
    ['Az utalás folyamatosan hibára fut', ['frustration']],
    ['Egy hétig húzták a bekötést', ['frustration']],
    ['A taxis kerülőutat tett', ['distrust']],
    ['Füstszag volt a szobában', ['disappointment']],
    ['A számla nem stimmelt', ['disappointment']],
    ['A fűtés nem melegít', ['disappointment']],
    ['A fizetés nem ment át', ['frustration']],
    ['Magas a számlavezetési díj', ['disappointment']],
    ['Szaggat a videó', ['disappointment']],
    ['A cipő töri a lábam', ['disappointment']],
    ['A zuhany nem működött rendesen', ['disappointment']],
    ['A mosógép szivárog', ['disappointment']],
    ['A hűtő nem hűt', ['disappointment']],
    ['Nem volt meleg a szobában', ['disappointment']],
    ['Az ágy kényelmes volt', ['satisfaction']],
    ['Az akkumulátor sokáig bírja', ['satisfaction']],
    ['A busz pontosan jött', ['satisfaction']],
    ['A fűtés jól működött', ['satisfaction']],
    ['Puha anyaga van', ['satisfaction']],
    ['A szobában volt vízforraló', []],
    ['Rendeltem egy pizzát és egy salátát', []],
    ['A csomag kedden érkezett', []],
    ['Három éjszakát töltöttünk a szállodában', []],
    ['Nincs panaszom', ['satisfaction']],
    ['Az étel nem volt hideg', []],
    ['Az ágy nem volt kényelmes', ['disappointment']],
    ['Nem jön meg a kedvem', []],
    ['Szúnyogok voltak a szobában', ['disappointment']],
    ['Sokat kell várni az ügyfélszolgálatra', ['frustration']],
    ['A telefon jól kézre áll', ['satisfaction']],
    ['A repülőn nem volt ennivaló', ['disappointment']],
    ['A csontjaim zörögnek a hidegtől', []],
    ['Online is el lehetett intézni', ['ease']],
    // Being terminated by the provider is not the customer leaving; the customer's own cancelling still is.
    ['Felmondták a szerződésemet indoklás nélkül', ['disappointment']],
    ['Felmondtam a szerződést', ['defection']],
    ['A zokni azonnal kilyukadt', ['disappointment']],
    ['Eldugult a lefolyó', ['disappointment']],
    ['Az ügyfélszolgálat nem segített.', ['disappointment']],
    ['Az alkalmazás nem küld értesítést', ['disappointment']],
  ])('tags feedback %s with %j', (text, expected) => {
    expect(emotionsOf(text)).toEqual(expected);
  });
});
