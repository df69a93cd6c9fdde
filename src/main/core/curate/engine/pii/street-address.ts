// Finds street addresses by rule: a house number, a capitalised street name and a street-type word ("221B Baker
// Street", "12 N Main St., Apt 4"), or the number-after-name forms of European streets ("Hauptstraße 5",
// "Rua do Arenque 1634", "36 rue de Pologne"), and P.O. boxes. Towns and postcodes alone are not matched, nor
// streets named without a type word ("Koskikatu 25" is; "Buerlia 227" is not). Imports: ./pii-span.ts.

import { span, type PiiSpan } from './pii-span.ts';

/** USPS street suffixes (the common ones, with their abbreviations). */
const SUFFIX = String.raw`(?:Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Square|Sq|Trail|Trl|Plaza|Plz|Loop|Crescent|Cres|Close|Mews|Grove|Gardens|Gdns|Row|Walk|Hill|Hills|Heights|Pike|Turnpike|Expressway|Freeway|Creek|Point|Pass|Gateway|Ridge|Valley|Crossing|Glen|Springs|Meadows|Estates|Shores|Shore|Views?|Port|Harbor|Harbour|Lakes?|Landing|Junction|Ferry|Brook|Canyon|Cove|Coves|Crest|Falls|Fields?|Ford|Forest|Hollow|Island|Isle|Knoll|Manor|Mills?|Orchard|Oval|Path|Pines?|Ranch|Rapids|River|Route|Run|Spur|Stream|Summit|Trace|Track|Tunnel|Vista|Village|Ville|Wells?|Alley|Bypass|Causeway|Common|Corners?|Esplanade|Green|Motorway|Underpass)`;
const UNIT = String.raw`(?:,?\s+(?:Apt|Apartment|Suite|Ste|Unit|Flat|Floor|Fl|Room|Rm|#)\.?\s*#?\w{1,6})?`;
const NAME_WORD = String.raw`(?:[A-Z][\p{L}'’-]*\.?|\d{1,3}(?:st|nd|rd|th))`;
const EU_SUFFIX = String.raw`(?:straße|strasse|str\.|weg|gasse|platz|allee|damm|katu|tie|kuja|gatan|vägen|gata|gränd|laan|straat|plein|gracht|vej|gade|veien|gate|utca|ulica|ulice|tér)`;
const EU_PREFIX = String.raw`(?:Rue|Rua|Via|Viale|Calle|Avenida|Avda\.|Av\.|Piazza|Plaza|Praça|Largo|Travessa|Carrer|Ulica|ul\.)`;

// Sticky patterns, tried only where a house number sits: a scan for digits is far cheaper than five scans
// for the street words.
/** "1600 Pennsylvania Avenue", "12 N Main St., Apt 4": from the number. */
const US_STYLE = new RegExp(String.raw`\d{1,6}[A-Za-z]?\s+(?:(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\.?\s+)?(?:${NAME_WORD}\s+){1,4}${SUFFIX}\b\.?${UNIT}`, 'uy');
/** "36 rue de Pologne": from the number. */
const ROMANCE_NUMBER_FIRST = new RegExp(
  String.raw`\d{1,5},?\s+(?:rue|avenue|av\.|boulevard|bd|chemin|allée|impasse|quai|via|viale|calle|rua|avenida)\s+(?:(?:de|du|des|la|le|les|d'|da|do|dos|das|del|della|di)\s*){0,2}\p{L}[\p{L}'’-]*(?:\s+(?!(?:and|et|y|e)\b)\p{L}[\p{L}'’-]*){0,2}`,
  'iuy',
);
/** "Hauptstraße 5": from the street word before the number. */
const EU_SUFFIXED = new RegExp(String.raw`\p{Lu}[\p{L}-]*${EU_SUFFIX}\s+\d{1,5}[a-zA-Z]?\b${UNIT}`, 'uy');
/** "Rua do Arenque 1634": from the street-type word up to four words before the number. */
const EU_PREFIXED = new RegExp(
  String.raw`${EU_PREFIX}\s+(?:(?:de|da|do|dos|das|del|della|di|la|le|les|des|du)\s+){0,2}\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,3},?\s+\d{1,5}[a-zA-Z]?\b`,
  'uy',
);
const EU_PREFIX_BEFORE = new RegExp(String.raw`(?<!\p{L})${EU_PREFIX}\s`, 'gu');
/** P.O. boxes and US military addresses (PSC 1234, Box 5678) place a person as precisely as a street. */
const POSTAL_BOX = /\b(?:P\.?\s?O\.?\s?Box|PSC\s+\d{1,5},?\s+Box|Unit\s+\d{1,5}\s+Box)\s+\d{1,6}\b/gi;

const NUMBER = /\d+/g;

function stickyAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

function isLetter(c: string | undefined): boolean {
  return c !== undefined && c.toLowerCase() !== c.toUpperCase();
}

export function findStreetAddresses(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  const add = (start: number, length: number): void => {
    if (!out.some((s) => s.start < start + length && start < s.end)) out.push(span(text, start, start + length, 'STREET_ADDRESS'));
  };
  // Where "Rue", "Via", "Calle"... appear: found once, on the first house number.
  let prefixes: number[] | null = null;
  for (const n of text.matchAll(NUMBER)) {
    const at = n.index;
    if (n[0].length > 6 || isLetter(text[at - 1])) continue;
    const next = text.charCodeAt(at + n[0].length);
    // A street name after the number: a space or comma, then a word.
    if (next === 32 || next === 44 || next === 9) {
      const m = stickyAt(US_STYLE, text, at) ?? stickyAt(ROMANCE_NUMBER_FIRST, text, at);
      if (m) add(at, m[0].length);
    }
    // A street word before it: "Hauptstraße 5", "Rua do Arenque 1634".
    const before = text.slice(Math.max(0, at - 60), at);
    const word = /(\p{Lu}[\p{L}-]*)\s+$/u.exec(before);
    if (word) {
      const start = at - before.length + word.index;
      const m = stickyAt(EU_SUFFIXED, text, start);
      if (m) add(start, m[0].length);
    }
    prefixes ??= [...text.matchAll(EU_PREFIX_BEFORE)].map((p) => p.index);
    for (const p of prefixes) {
      if (p >= at || at - p > 60) continue;
      const m = stickyAt(EU_PREFIXED, text, p);
      if (m && m.index + m[0].length >= at) add(m.index, m[0].length);
    }
  }
  if (text.includes('Box') || text.includes('BOX') || text.includes('box')) {
    for (const m of text.matchAll(POSTAL_BOX)) add(m.index, m[0].length);
  }
  return out.sort((a, b) => a.start - b.start);
}
