// The UI text in Dutch (first) and English, and the current language. The language is remembered
// in localStorage so that a reload keeps it; every page is re-rendered when it changes.
import type { Lang } from './format';

export type { Lang };

const nl = {
  appName: 'stroom',
  appTagline: 'Informatiesysteem passend onderwijs',
  switchLanguage: 'English',
  switchLanguageLabel: 'Switch to English',
  navOverzicht: 'Overzicht',
  navLeerlingstromen: 'Leerlingstromen',
  navThuiszitters: 'Thuiszitters',
  navVoorzieningen: 'Voorzieningen',
  navMaatboek: 'Maatboek',
  loading: 'Laden…',
  errorPrefix: 'Kan de gegevens niet laden',
  noData: 'Geen gegevens voor deze keuze.',
  noDataYet: 'Er zijn nog geen gegevens geïmporteerd.',
  // Chart frame
  source: 'Bron',
  dataUntil: 'Gegevens t/m',
  definition: 'Definitie',
  showTable: 'Tabel',
  showChart: 'Grafiek',
  downloadCsv: 'CSV',
  downloadCsvLabel: 'Download de gegevens van deze grafiek als CSV',
  tableCaption: 'De gegevens van de grafiek',
  // Notes
  notes: 'Notities',
  noNotes: 'Nog geen notities bij deze grafiek.',
  addNote: 'Notitie toevoegen',
  noteFrom: 'Van',
  noteTo: 'Tot en met',
  noteText: 'Notitie',
  noteAuthor: 'Auteur',
  noteSave: 'Opslaan',
  noteSaved: 'Notitie opgeslagen.',
  notePeriod: 'Periode',
  noteBy: 'door',
  noteOn: 'op',
  // Pickers
  pickTeldatum: 'Teldatum',
  pickIjkjaar: 'IJkjaar',
  pickDate: 'Datum',
  pickSchooljaar: 'Schooljaar',
  // Overzicht
  overzichtTitle: 'Overzicht',
  overzichtIntro:
    'Wat gebeurt er: leerlingaantallen per onderwijssoort, deelname aan speciale voorzieningen en de groei sinds een ijkjaar naast de demografische lijn (totaal).',
  leerlingenOpDatum: 'Leerlingen per onderwijssoort',
  leerlingenOpDatumSub: 'Op {datum}. Een leerling in twee onderwijssoorten telt in beide en één keer in totaal.',
  leerlingenTijd: 'Leerlingen per onderwijssoort, alle teldata',
  leerlingenTijdSub: 'Elk paneel heeft een eigen schaal; elke schaal begint bij 0.',
  deelname: 'Deelnamepercentage',
  deelnameSub: 'sbo en so als percentage van bao; pro en vso als percentage van vo.',
  ontwikkeling: 'Groei ten opzichte van het ijkjaar',
  ontwikkelingSub:
    'Verandering in procent ten opzichte van 1 oktober {jaar}; 0 = gelijk aan het ijkjaar. De zwarte stippellijn is het totaal: de demografische lijn.',
  // Leerlingstromen
  stromenTitle: 'Leerlingstromen',
  stromenIntro:
    'De heenweg en de terugweg: hoeveel leerlingen per schooljaar naar intensievere ondersteuning gaan en hoeveel terug, wie direct in het speciaal onderwijs begint, en alle stromen van onderwijssoort naar onderwijssoort.',
  heenTerug: 'De heenweg en de terugweg',
  heenTerugSub: 'Leerlingen per schooljaar naar een intensievere en naar een minder intensieve onderwijssoort.',
  directGespecialiseerd: 'Direct naar gespecialiseerd onderwijs',
  directGespecialiseerdSub: 'Leerlingen die van buiten de regio of buiten het onderwijs instromen in sbo, so, pro of vso.',
  terugstroomRatio: 'Terugstroom-ratio',
  terugstroomRatioSub: 'Terugweg gedeeld door heenweg; 1 betekent evenveel terug als heen.',
  stromenMatrix: 'Van → naar',
  stromenMatrixSub:
    'Schooljaar {schooljaar}: dominante onderwijssoort op de vorige teldatum (rij) en op de teldatum (kolom). Grijze vakken: bleef in dezelfde onderwijssoort. Het getal is het aantal leerlingen.',
  // Thuiszitters
  thuiszittersTitle: 'Thuiszitters',
  thuiszittersIntro: 'Leerlingen die thuiszitten zonder onderwijs: hoeveel, hoe lang, hoe het zich ontwikkelt en bij welke scholen.',
  thuiszittersOpDatum: 'Thuiszitters op een datum',
  thuiszittersOpDatumSub: 'Actieve thuiszitters op {datum}.',
  thuiszittersTrend: 'Thuiszitters per teldatum',
  thuiszittersTrendSub: 'Op elke teldatum (1 oktober). Elk paneel heeft een eigen schaal; elke schaal begint bij 0.',
  thuiszittersPerSchool: 'Thuiszitters per school',
  thuiszittersPerSchoolSub: 'Op {datum}, per vestiging; alleen vestigingen met ten minste één thuiszitter.',
  thuiszittersPerReden: 'Thuiszitters per reden',
  thuiszittersPerRedenSub: 'Op {datum}.',
  // Voorzieningen
  voorzieningenTitle: 'Voorzieningen',
  voorzieningenIntro: 'Plaatsen, bezetting, wachtlijst en kosten van de voorzieningen van het samenwerkingsverband.',
  capaciteit: 'Plaatsen, bezetting en wachtlijst',
  capaciteitSub: 'Per voorziening op {datum}.',
  bezettingsgraad: 'Bezettingsgraad',
  bezettingsgraadSub: 'Bezette plaatsen als percentage van de plaatsen op {datum}; de lijn staat op 100%.',
  kosten: 'Kosten per schooljaar',
  kostenSub: 'Per voorziening gestapeld; de hoogte van een staaf is het totaal van dat schooljaar.',
  // Maatboek
  maatboekTitle: 'Maatboek',
  maatboekIntro: 'Elk getal in stroom is een van deze maten, met één definitie. De definities komen uit het maatregister van stroom.',
  unit: 'Eenheid',
  sources: 'Bronnen',
  requiredOptions: 'Verplichte keuzes',
  otherOptions: 'Overige keuzes',
  none: 'geen',
  // Axis titles and series
  axisLeerlingen: 'leerlingen',
  axisProcent: 'procent',
  axisGroei: 'verandering t.o.v. ijkjaar (%)',
  axisTeldatum: 'teldatum',
  axisSchooljaar: 'schooljaar',
  axisOnderwijssoort: 'onderwijssoort',
  axisVan: 'van (vorige teldatum)',
  axisNaar: 'naar (teldatum)',
  axisVestiging: 'vestiging',
  axisReden: 'reden',
  axisVoorziening: 'voorziening',
  axisEuro: 'kosten (euro)',
  axisRatio: 'terugweg / heenweg',
  axisMaat: 'maat',
  axisPlaatsen: 'plaatsen of leerlingen',
  axisWaarde: 'waarde',
};

export type TextKey = keyof typeof nl;

const en: Record<TextKey, string> = {
  appName: 'stroom',
  appTagline: 'Information system for inclusive education',
  switchLanguage: 'Nederlands',
  switchLanguageLabel: 'Wissel naar Nederlands',
  navOverzicht: 'Overview',
  navLeerlingstromen: 'Pupil flows',
  navThuiszitters: 'Pupils out of school',
  navVoorzieningen: 'Provisions',
  navMaatboek: 'Definitions',
  loading: 'Loading…',
  errorPrefix: 'Cannot load the data',
  noData: 'No data for this choice.',
  noDataYet: 'No data has been imported yet.',
  source: 'Source',
  dataUntil: 'Data up to',
  definition: 'Definition',
  showTable: 'Table',
  showChart: 'Chart',
  downloadCsv: 'CSV',
  downloadCsvLabel: 'Download the data of this chart as CSV',
  tableCaption: 'The data of the chart',
  notes: 'Notes',
  noNotes: 'No notes on this chart yet.',
  addNote: 'Add a note',
  noteFrom: 'From',
  noteTo: 'Up to and including',
  noteText: 'Note',
  noteAuthor: 'Author',
  noteSave: 'Save',
  noteSaved: 'Note saved.',
  notePeriod: 'Period',
  noteBy: 'by',
  noteOn: 'on',
  pickTeldatum: 'Count date',
  pickIjkjaar: 'Base year',
  pickDate: 'Date',
  pickSchooljaar: 'School year',
  overzichtTitle: 'Overview',
  overzichtIntro:
    'What happens: pupil counts per setting, participation in special settings, and growth since a base year beside the demographic line (total).',
  leerlingenOpDatum: 'Pupils per setting',
  leerlingenOpDatumSub: 'On {datum}. A pupil in two settings counts in both and once in the total.',
  leerlingenTijd: 'Pupils per setting, every count date',
  leerlingenTijdSub: 'Each panel has its own scale; every scale starts at 0.',
  deelname: 'Participation rate',
  deelnameSub: 'sbo and so as a percentage of bao; pro and vso as a percentage of vo.',
  ontwikkeling: 'Growth against the base year',
  ontwikkelingSub:
    'Change in percent against 1 October {jaar}; 0 = equal to the base year. The black dashed line is the total: the demographic line.',
  stromenTitle: 'Pupil flows',
  stromenIntro:
    'The way in and the way back: how many pupils per school year move to more intensive support and how many back, who enters special education directly, and every flow from setting to setting.',
  heenTerug: 'The way in and the way back',
  heenTerugSub: 'Pupils per school year moving to a more intensive and to a less intensive setting.',
  directGespecialiseerd: 'Directly into special education',
  directGespecialiseerdSub: 'Pupils entering sbo, so, pro or vso from outside the region or outside education.',
  terugstroomRatio: 'Return ratio',
  terugstroomRatioSub: 'Way back divided by way in; 1 means as many back as in.',
  stromenMatrix: 'From → to',
  stromenMatrixSub:
    'School year {schooljaar}: dominant setting on the previous count date (row) and on the count date (column). Grey cells: stayed in the same setting. The number is the number of pupils.',
  thuiszittersTitle: 'Pupils out of school',
  thuiszittersIntro: 'Pupils at home without education (thuiszitters): how many, for how long, the trend, and at which schools.',
  thuiszittersOpDatum: 'Pupils out of school on a date',
  thuiszittersOpDatumSub: 'Active on {datum}.',
  thuiszittersTrend: 'Pupils out of school per count date',
  thuiszittersTrendSub: 'On every count date (1 October). Each panel has its own scale; every scale starts at 0.',
  thuiszittersPerSchool: 'Pupils out of school per school',
  thuiszittersPerSchoolSub: 'On {datum}, per school location; only locations with at least one.',
  thuiszittersPerReden: 'Pupils out of school per reason',
  thuiszittersPerRedenSub: 'On {datum}.',
  voorzieningenTitle: 'Provisions',
  voorzieningenIntro: 'Places, occupation, waiting list and cost of the partnership’s provisions.',
  capaciteit: 'Places, occupation and waiting list',
  capaciteitSub: 'Per provision on {datum}.',
  bezettingsgraad: 'Occupancy rate',
  bezettingsgraadSub: 'Occupied places as a percentage of the places on {datum}; the line is at 100%.',
  kosten: 'Cost per school year',
  kostenSub: 'Stacked per provision; the height of a bar is the total of that school year.',
  maatboekTitle: 'Definitions (maatboek)',
  maatboekIntro:
    'Every number in stroom is one of these measures, with one definition. The definitions come from the stroom measure registry and are in Dutch.',
  unit: 'Unit',
  sources: 'Sources',
  requiredOptions: 'Required choices',
  otherOptions: 'Other choices',
  none: 'none',
  axisLeerlingen: 'pupils',
  axisProcent: 'percent',
  axisGroei: 'change against base year (%)',
  axisTeldatum: 'count date',
  axisSchooljaar: 'school year',
  axisOnderwijssoort: 'setting',
  axisVan: 'from (previous count date)',
  axisNaar: 'to (count date)',
  axisVestiging: 'school location',
  axisReden: 'reason',
  axisVoorziening: 'provision',
  axisEuro: 'cost (euro)',
  axisRatio: 'way back / way in',
  axisMaat: 'measure',
  axisPlaatsen: 'places or pupils',
  axisWaarde: 'value',
};

const dictionaries: Record<Lang, Record<TextKey, string>> = { nl, en };

/** Labels of the values in the data (settings, directions, sub-measures), per language. */
const valueLabels: Record<Lang, Record<string, string>> = {
  nl: {
    totaal: 'totaal',
    buiten: 'buiten',
    intensiever: 'heenweg: naar intensiever',
    'minder-intensief': 'terugweg: naar minder intensief',
    'direct-gespecialiseerd': 'direct gespecialiseerd',
    'terugstroom-ratio': 'terugstroom-ratio',
    actief: 'actief (leerlingen)',
    per1000: 'per 1000 leerlingen',
    mediaan_weken: 'mediaan duur (weken)',
    plaatsen: 'plaatsen',
    bezet: 'bezet',
    wachtend: 'wachtend',
    bezettingsgraad: 'bezettingsgraad (%)',
    geen: 'geen school (absoluut verzuim)',
  },
  en: {
    totaal: 'total',
    buiten: 'outside',
    intensiever: 'way in: to more intensive',
    'minder-intensief': 'way back: to less intensive',
    'direct-gespecialiseerd': 'directly specialised',
    'terugstroom-ratio': 'return ratio',
    actief: 'active (pupils)',
    per1000: 'per 1000 pupils',
    mediaan_weken: 'median duration (weeks)',
    plaatsen: 'places',
    bezet: 'occupied',
    wachtend: 'waiting',
    bezettingsgraad: 'occupancy (%)',
    geen: 'no school (not enrolled)',
  },
};

const STORAGE_KEY = 'stroom.taal';

function initialLang(): Lang {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl'; // storage can be unavailable (private mode); Dutch is the default anyway
  }
}

let current: Lang = initialLang();

export function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang): void {
  current = lang;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // not remembered; the switch still works for this visit
  }
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

/** The text for key in the current language, with {name} placeholders filled in. */
export function t(key: TextKey, values: Record<string, string> = {}, lang: Lang = current): string {
  return dictionaries[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** Display labels for data values; values without a label (bao, so, ids) are shown as they are. */
export function valueLabelMap(lang: Lang = current): Record<string, string> {
  return valueLabels[lang];
}

export function dictionary(lang: Lang): Record<TextKey, string> {
  return dictionaries[lang];
}
