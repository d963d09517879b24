// Plain-language explanations of the words a parent meets on the "Mijn kind" page (codes from the
// registrations, formats.md: bao, vso, brug, tlv, ...), one short sentence each, in Dutch and
// English. The page lists the terms its record uses, plus a few that every parent of a pupil with
// support meets, as a visible list (not a hover text), so it reads on a phone and with a screen
// reader too.
import { getLang } from './i18n';
import type { PupilRecord } from './types';

interface Term {
  /** The word as it appears on the page. */
  label: string;
  nl: string;
  en: string;
}

const TERMS: Record<string, Term> = {
  bao: { label: 'bao', nl: 'Basisonderwijs: de gewone basisschool.', en: 'Primary education: the regular primary school.' },
  sbo: { label: 'sbo', nl: 'Speciaal basisonderwijs: een basisschool met kleinere groepen en meer begeleiding.', en: 'Special primary education: a primary school with smaller groups and more guidance.' },
  so: { label: 'so', nl: 'Speciaal onderwijs: een school voor kinderen van 4 tot 12 jaar die veel extra ondersteuning nodig hebben.', en: 'Special education: a school for children aged 4 to 12 who need a lot of extra support.' },
  vo: { label: 'vo', nl: 'Voortgezet onderwijs: de middelbare school (vmbo, havo, vwo).', en: 'Secondary education: secondary school (vmbo, havo, vwo).' },
  vso: { label: 'vso', nl: 'Voortgezet speciaal onderwijs: speciaal onderwijs voor jongeren van 12 tot 20 jaar.', en: 'Secondary special education: special education for young people aged 12 to 20.' },
  pro: { label: 'pro', nl: 'Praktijkonderwijs: middelbare school die leert voor werk, met veel praktijk.', en: 'Practical education: a secondary school that prepares for work, with much hands-on learning.' },
  isk: { label: 'isk', nl: 'Internationale schakelklas: een klas waar nieuwkomers eerst Nederlands leren.', en: 'International transition class: a class where newcomers first learn Dutch.' },
  cluster: { label: 'cluster', nl: 'De groep van het speciaal onderwijs: 1 voor slechtziende, 2 voor slechthorende of taalzwakke, 3 voor lichamelijk of verstandelijk beperkte of langdurig zieke en 4 voor kinderen met gedrags- of psychiatrische problemen.', en: 'The group of special education: 1 for visually impaired, 2 for hearing or language impaired, 3 for physically or intellectually disabled or chronically ill, and 4 for children with behavioural or psychiatric problems.' },
  niveau: { label: 'niveau', nl: 'Het onderwijsniveau of de richting op de middelbare school.', en: 'The level or track at secondary school.' },
  brug: { label: 'brug', nl: 'Brugklas: het eerste jaar van de middelbare school, waarin het niveau nog niet vastligt.', en: 'Bridge class: the first year of secondary school, before the level is fixed.' },
  'vmbo-b': { label: 'vmbo-b', nl: 'Vmbo basisberoepsgerichte leerweg: de meest praktische leerweg van het vmbo.', en: 'Vmbo basic vocational track: the most practical vmbo track.' },
  'vmbo-k': { label: 'vmbo-k', nl: 'Vmbo kaderberoepsgerichte leerweg: een praktische leerweg van het vmbo.', en: 'Vmbo advanced vocational track: a practical vmbo track.' },
  'vmbo-gt': { label: 'vmbo-gt', nl: 'Vmbo gemengde of theoretische leerweg: de meest theoretische leerweg van het vmbo.', en: 'Vmbo combined or theoretical track: the most theoretical vmbo track.' },
  havo: { label: 'havo', nl: 'Hoger algemeen voortgezet onderwijs: vijf jaar, bereidt voor op het hbo.', en: 'Senior general secondary education: five years, prepares for higher professional education.' },
  vwo: { label: 'vwo', nl: 'Voorbereidend wetenschappelijk onderwijs: zes jaar, bereidt voor op de universiteit.', en: 'Pre-university education: six years, prepares for university.' },
  vervolgonderwijs: { label: 'vervolgonderwijs', nl: 'Uitstroomprofiel van het vso: de leerling gaat daarna verder leren, bijvoorbeeld op het mbo.', en: 'Exit profile of vso: the pupil goes on to further education, such as mbo.' },
  arbeidsmarkt: { label: 'arbeidsmarkt', nl: 'Uitstroomprofiel van het vso: de leerling wordt voorbereid op werk.', en: 'Exit profile of vso: the pupil is prepared for work.' },
  dagbesteding: { label: 'dagbesteding', nl: 'Uitstroomprofiel van het vso: de leerling gaat daarna naar een zinvolle bezigheid overdag.', en: 'Exit profile of vso: the pupil goes on to meaningful day activities.' },
  tlv: { label: 'TLV', nl: 'Toelaatbaarheidsverklaring: het besluit van het samenwerkingsverband dat uw kind naar het speciaal (basis)onderwijs mag.', en: 'Admission statement: the decision of the partnership that your child may attend special (primary) education.' },
  opp: { label: 'OPP', nl: 'Ontwikkelingsperspectief: het plan van de school met de doelen en de extra hulp voor uw kind.', en: 'Development perspective: the school’s plan with goals and extra help for your child.' },
  arrangement: { label: 'arrangement', nl: 'Extra ondersteuning op of naast de school, afgesproken met het samenwerkingsverband.', en: 'Extra support at or beside the school, agreed with the partnership.' },
  categorie: { label: 'categorie', nl: 'De zwaarte van een TLV (sbo, laag, midden of hoog): hoe meer ondersteuning, hoe hoger.', en: 'The weight of an admission statement (sbo, low, medium or high): the more support, the higher.' },
  toegekend: { label: 'toegekend', nl: 'De aanvraag is goedgekeurd.', en: 'The request was granted.' },
  afgewezen: { label: 'afgewezen', nl: 'De aanvraag is niet goedgekeurd.', en: 'The request was refused.' },
  ingetrokken: { label: 'ingetrokken', nl: 'De aanvraag is teruggetrokken voordat er een besluit was.', en: 'The request was withdrawn before a decision.' },
  lopend: { label: 'lopend', nl: 'Er is nog geen besluit over de aanvraag.', en: 'No decision has been made yet.' },
  relatief: { label: 'relatief verzuim', nl: 'Uw kind staat ingeschreven op een school, maar is daar zonder geldige reden niet.', en: 'Your child is enrolled at a school but is absent without a valid reason.' },
  absoluut: { label: 'absoluut verzuim', nl: 'Uw kind staat op geen enkele school ingeschreven.', en: 'Your child is not enrolled at any school.' },
  vrijstelling: { label: 'vrijstelling', nl: 'Uw kind hoeft (tijdelijk) niet naar school; dat is officieel zo besloten.', en: 'Your child is (temporarily) officially exempt from attending school.' },
  thuiszitter: { label: 'thuiszitter', nl: 'Een leerling die langer dan vier weken niet naar school gaat zonder vrijstelling.', en: 'A pupil who has not attended school for more than four weeks without an exemption.' },
  voorziening: { label: 'voorziening', nl: 'Een plek met extra ondersteuning, bijvoorbeeld een speciale klas, waar soms een wachtlijst voor is.', en: 'A place with extra support, such as a special class, which sometimes has a waiting list.' },
  swv: { label: 'samenwerkingsverband', nl: 'Het samenwerkingsverband passend onderwijs: de scholen in uw regio samen, die zorgen dat elk kind een passende plek heeft.', en: 'The partnership for inclusive education: the schools of your region together, making sure every child has a suitable place.' },
};

/** Terms every parent on the page meets, whether or not the record uses them. */
const ALWAYS = ['swv', 'tlv', 'opp', 'arrangement', 'cluster'];

export interface GlossaryEntry {
  term: string;
  label: string;
  text: string;
}

/** The keys of the terms a record uses (codes it holds) and the basic ones, in a fixed order. */
export function recordTerms(record: PupilRecord): string[] {
  const used = new Set<string>(ALWAYS);
  const add = (value: string | null | undefined) => {
    const key = value?.trim().toLowerCase();
    if (key && key in TERMS) used.add(key);
  };
  for (const e of record.inschrijvingen) {
    add(e.onderwijssoort);
    add(e.niveau);
    if (e.niveau) used.add('niveau');
  }
  for (const d of record.ondersteuning) {
    add(d.soort);
    add(d.uitkomst);
    if (d.categorie) {
      used.add('categorie');
      add(d.categorie === 'sbo' ? 'sbo' : null);
    }
  }
  for (const v of record.verzuim) {
    add(v.soort);
    if (v.thuiszitter === true || (typeof v.thuiszitter === 'string' && v.thuiszitter.toLowerCase() === 'ja')) used.add('thuiszitter');
  }
  if (record.wachtlijst.length) used.add('voorziening');
  return Object.keys(TERMS).filter((key) => used.has(key));
}

/** The explanation of each term, in the current language. */
export function glossaryEntries(terms: readonly string[]): GlossaryEntry[] {
  const lang = getLang();
  return terms.filter((term) => term in TERMS).map((term) => ({ term, label: TERMS[term].label, text: TERMS[term][lang] }));
}

/** Every term known, for tests: each has a sentence in both languages. */
export function allTerms(): string[] {
  return Object.keys(TERMS);
}
