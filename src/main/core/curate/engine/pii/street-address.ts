// Finds street addresses by rule: a house number, a capitalised street name and a street-type word ("221B Baker
// Street", "12 N Main St., Apt 4"), or the number-after-name forms of European streets ("Hauptstraße 5",
// "Rua do Arenque 1634", "36 rue de Pologne"), and P.O. boxes. Towns and postcodes alone are not matched, nor
// streets named without a type word ("Koskikatu 25" is; "Buerlia 227" is not). Imports: ./pii-span.ts.

import { span, type PiiSpan } from './pii-span.ts';

/** USPS street suffixes (the common ones, with their abbreviations). */
const SUFFIX = String.raw`(?:Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Square|Sq|Trail|Trl|Plaza|Plz|Loop|Crescent|Cres|Close|Mews|Grove|Gardens|Gdns|Row|Walk|Hill|Hills|Heights|Pike|Turnpike|Expressway|Freeway|Creek|Point|Pass|Gateway|Ridge|Valley|Crossing|Glen|Springs|Meadows|Estates|Shores|Shore|Views?|Port|Harbor|Harbour|Lakes?|Landing|Junction|Ferry|Brook|Canyon|Cove|Coves|Crest|Falls|Fields?|Ford|Forest|Hollow|Island|Isle|Knoll|Manor|Mills?|Orchard|Oval|Path|Pines?|Ranch|Rapids|River|Route|Run|Spur|Stream|Summit|Trace|Track|Tunnel|Vista|Village|Ville|Wells?|Alley|Bypass|Causeway|Common|Corners?|Esplanade|Green|Motorway|Underpass)`;
const UNIT = String.raw`(?:,?\s+(?:Apt|Apartment|Suite|Ste|Unit|Flat|Floor|Fl|Room|Rm|#)\.?\s*#?\w{1,6})?`;
const NAME_WORD = String.raw`(?:[A-Z][\p{L}'’-]*\.?|\d{1,3}(?:st|nd|rd|th))`;
const US_STYLE = new RegExp(
  String.raw`\b\d{1,6}[A-Za-z]?\s+(?:(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\.?\s+)?(?:${NAME_WORD}\s+){1,4}${SUFFIX}\b\.?${UNIT}`,
  'gu',
);
const EU_SUFFIX = String.raw`(?:straße|strasse|str\.|weg|gasse|platz|allee|damm|katu|tie|kuja|gatan|vägen|gata|gränd|laan|straat|plein|gracht|vej|gade|veien|gate|utca|ulica|ulice|tér)`;
const EU_SUFFIXED = new RegExp(String.raw`(?<![\p{L}\d])\p{Lu}[\p{L}-]*${EU_SUFFIX}\s+\d{1,5}[a-zA-Z]?\b${UNIT}`, 'gu');
const EU_PREFIXED = new RegExp(
  String.raw`(?<![\p{L}\d])(?:Rue|Rua|Via|Viale|Calle|Avenida|Avda\.|Av\.|Piazza|Plaza|Praça|Largo|Travessa|Carrer|Ulica|ul\.)\s+(?:(?:de|da|do|dos|das|del|della|di|la|le|les|des|du|des)\s+){0,2}\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,3},?\s+\d{1,5}[a-zA-Z]?\b`,
  'gu',
);

/** "36 rue de Pologne", "12, avenue des Champs": number first, then a Romance street word. */
const ROMANCE_NUMBER_FIRST = new RegExp(
  String.raw`(?<![\p{L}\d])\d{1,5},?\s+(?:rue|avenue|av\.|boulevard|bd|chemin|allée|impasse|quai|via|viale|calle|rua|avenida)\s+(?:(?:de|du|des|la|le|les|d'|da|do|dos|das|del|della|di)\s*){0,2}\p{L}[\p{L}'’-]*(?:\s+(?!(?:and|et|y|e)\b)\p{L}[\p{L}'’-]*){0,2}`,
  'giu',
);
/** P.O. boxes and US military addresses (PSC 1234, Box 5678) place a person as precisely as a street. */
const POSTAL_BOX = /\b(?:P\.?\s?O\.?\s?Box|PSC\s+\d{1,5},?\s+Box|Unit\s+\d{1,5}\s+Box)\s+\d{1,6}\b/gi;

/** Each rule with a cheap test that must pass before the full pattern runs. */
const RULES: readonly [RegExp, RegExp][] = [
  [/\d[A-Za-z]?\s+[A-Z]/, US_STYLE],
  [new RegExp(String.raw`${EU_SUFFIX}\s+\d`, 'i'), EU_SUFFIXED],
  [/(?:Rue|Rua|Via|Viale|Calle|Avenida|Avda|Av\.|Piazza|Plaza|Praça|Largo|Travessa|Carrer|Ulica|ul\.)\s/, EU_PREFIXED],
  [/\d,?\s+(?:rue|av|bd|boulevard|chemin|allée|impasse|quai|via|viale|calle|rua)/i, ROMANCE_NUMBER_FIRST],
  [/box/i, POSTAL_BOX],
];

export function findStreetAddresses(text: string): PiiSpan[] {
  if (!/\d/.test(text)) return [];
  const out: PiiSpan[] = [];
  for (const [gate, re] of RULES) {
    if (!gate.test(text)) continue;
    for (const m of text.matchAll(re)) out.push(span(text, m.index, m.index + m[0].length, 'STREET_ADDRESS'));
  }
  return out;
}
