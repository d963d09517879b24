// The hypotheses on the Inzicht page (docs/insight.md): each with its narrative, its prediction
// and the live check of it, the alternatives, the evidence with its sources, author and date,
// status, and whether it is triangulated (three independent sources). An analist or beheerder
// writes a new hypothesis and adds evidence through the forms here; the other roles only read
// (the server refuses their POSTs anyway; the page does not offer what would be refused).
import { api, ApiError } from '../api';
import { formatDate, formatNumber, formatTimestamp } from '../format';
import { getLang, roleLabel, t } from '../i18n';
import {
  DIRECTIONS,
  EVIDENCE_KINDS,
  type EvidenceItem,
  type EvidenceKind,
  HYPOTHESIS_STATUSES,
  type Hypothesis,
  type MeasureInfo,
  type NewEvidence,
  type NewHypothesis,
  type Role,
} from '../types';
import { clear, el } from '../ui/dom';

/** The roles that write hypotheses and evidence (docs/insight.md "Endpoints"). */
export const HYPOTHESIS_WRITERS: readonly Role[] = ['analist', 'beheerder'];

/** "ijkjaar=2019; at=2024-10-01" (or one pair a line) as an object; blanks around names and values dropped. */
export function parsePairs(text: string): Record<string, string> | string {
  const pairs: Record<string, string> = {};
  for (const part of text.split(/[;\n]/)) {
    if (!part.trim()) continue;
    const at = part.indexOf('=');
    if (at <= 0) return part.trim();
    pairs[part.slice(0, at).trim()] = part.slice(at + 1).trim();
  }
  return pairs;
}

function pairsText(pairs: Record<string, string> | undefined): string {
  return Object.entries(pairs ?? {})
    .map(([k, v]) => `${k} = ${v}`)
    .join(', ');
}

function errorText(error: unknown): string {
  return error instanceof ApiError || error instanceof Error ? error.message : String(error);
}

/** What an evidence item points at, in words (with a link for a document). */
function evidenceTarget(item: EvidenceItem): (Node | string)[] {
  const lang = getLang();
  switch (item.soort) {
    case 'maat':
      return [`${t('hypMeasure')}: ${item.maat ?? ''}${item.parameters && Object.keys(item.parameters).length ? ` (${pairsText(item.parameters)})` : ''}`];
    case 'telling':
      return [
        t('hypCount', {
          gebied: item.gebied ?? '',
          soort: `${item.onderwijssoort ?? ''}${item.cluster ? ` cluster ${item.cluster}` : ''}`,
          datum: item.teldatum ? formatDate(item.teldatum, lang) : '',
          aantal: item.aantal === null || item.aantal === undefined ? '–' : formatNumber(item.aantal, lang),
        }),
      ];
    case 'notitie':
      return [item.notitie_tekst ? `${t('hypNote')} (${item.notitie_grafiek ?? ''}): ${item.notitie_tekst}` : t('hypNoteGone')];
    case 'document':
      return [el('a', { href: item.url ?? '', rel: 'noopener noreferrer', target: '_blank' }, item.url ?? '')];
  }
}

function byline(auteur: string, rol: string, when: string): string {
  return `${auteur} (${roleLabel(rol)}) · ${formatTimestamp(when, getLang())}`;
}

function hypothesisItem(h: Hypothesis, writer: boolean, measures: readonly MeasureInfo[], reload: (message: string) => Promise<void>): HTMLElement {
  const triangulated = h.triangulatie.status === 'getrianguleerd';
  const p = h.voorspelling;
  const evidence = el(
    'ol',
    { class: 'evidence-list' },
    ...h.bewijs.map((item) =>
      el(
        'li',
        { class: 'evidence', 'data-soort': item.soort },
        el('p', {}, el('strong', {}, `${t(`hypKind_${item.soort}`)} · ${t('hypSource')}: ${item.bron}`)),
        el('p', {}, ...evidenceTarget(item)),
        item.omschrijving ? el('p', {}, item.omschrijving) : null,
        el('p', { class: 'note-meta' }, byline(item.auteur, item.rol, item.aangemaakt)),
      ),
    ),
  );
  return el(
    'article',
    { class: 'hypothesis', 'data-hypothese': h.id, 'data-triangulatie': h.triangulatie.status, 'data-uitkomst': h.waargenomen.uitkomst },
    el('h3', {}, h.tekst),
    el(
      'p',
      { class: 'hypothesis-badges' },
      el('span', { class: `badge status-${h.status}` }, `${t('hypStatus')}: ${t(`hypStatus_${h.status}`)}`),
      ' ',
      el(
        'span',
        { class: `badge triangulation ${triangulated ? 'ok' : 'not'}` },
        `${t(triangulated ? 'hypTriangulated' : 'hypNotTriangulated')} (${t('hypSources', { aantal: String(h.triangulatie.aantal), nodig: String(h.triangulatie.nodig) })})`,
      ),
    ),
    el('p', { class: 'note-meta' }, `${byline(h.auteur, h.rol, h.aangemaakt)}${h.gewijzigd ? ` · ${t('noteEditedOn', { datum: formatTimestamp(h.gewijzigd, getLang()) })}` : ''}`),
    el(
      'dl',
      { class: 'hypothesis-facts' },
      el('dt', {}, t('hypPrediction')),
      el('dd', {}, `${p.maat}${Object.keys(p.parameters).length ? ` (${pairsText(p.parameters)})` : ''}: ${pairsText(p.groepen)} · ${p.kolom ?? ''} ${t(`hypDir_${p.richting}`)}`),
      el('dt', {}, t('hypObserved')),
      el('dd', { class: `observed uitkomst-${h.waargenomen.uitkomst}` }, `${t(`hypOutcome_${h.waargenomen.uitkomst}`)}: ${h.waargenomen.uitleg}`),
      el('dt', {}, t('hypAlternatives')),
      el('dd', {}, h.alternatieven.length ? el('ul', {}, ...h.alternatieven.map((a) => el('li', {}, a))) : t('hypNone')),
      el('dt', {}, t('hypEvidence', { aantal: String(h.bewijs.length) })),
      el('dd', {}, h.bewijs.length ? evidence : t('hypNone')),
    ),
    writer ? evidenceForm(h, measures, reload) : null,
  );
}

/** A labelled field; ids unique per prefix. */
function field(prefix: string, name: string, label: string, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): HTMLElement {
  control.id = `${prefix}-${name}`;
  control.name = name;
  return el('label', { for: control.id }, label, control);
}

function measureSelect(measures: readonly MeasureInfo[], value = 'verwachting'): HTMLSelectElement {
  return el('select', {}, ...measures.map((m) => el('option', { value: m.id, selected: m.id === value }, `${m.id} – ${m.naam}`)));
}

/** The kind-specific fields of an evidence item, shown for the chosen kind only. */
function evidenceForm(h: Hypothesis, measures: readonly MeasureInfo[], reload: (message: string) => Promise<void>): HTMLElement {
  const prefix = `bewijs-${h.id}`;
  const status = el('p', { class: 'form-status', role: 'status' });
  const kind = el('select', {}, ...EVIDENCE_KINDS.map((k) => el('option', { value: k }, t(`hypKind_${k}`))));
  const groups: Record<EvidenceKind, HTMLElement> = {
    maat: el('div', { class: 'kind-fields' }, field(prefix, 'maat', t('hypMeasure'), measureSelect(measures)), field(prefix, 'parameters', t('hypParameters'), el('input', { type: 'text', placeholder: 'ijkjaar=2019' }))),
    telling: el(
      'div',
      { class: 'kind-fields' },
      field(prefix, 'teldatum', t('hypTeldatum'), el('input', { type: 'date' })),
      field(prefix, 'gebied', t('hypGebied'), el('input', { type: 'text', value: 'NL' })),
      field(prefix, 'onderwijssoort', t('axisOnderwijssoort'), el('input', { type: 'text', placeholder: 'vso' })),
      field(prefix, 'cluster', t('hypCluster'), el('input', { type: 'text', inputmode: 'numeric' })),
    ),
    notitie: el('div', { class: 'kind-fields' }, field(prefix, 'notitie', t('hypNoteId'), el('input', { type: 'number', min: 1 }))),
    document: el('div', { class: 'kind-fields' }, field(prefix, 'url', t('hypUrl'), el('input', { type: 'url', placeholder: 'https://' }))),
  };
  const sync = () => {
    for (const k of EVIDENCE_KINDS) {
      groups[k].hidden = k !== kind.value;
      for (const control of groups[k].querySelectorAll('input, select')) (control as HTMLInputElement).disabled = k !== kind.value;
    }
  };
  kind.addEventListener('change', sync);
  const form = el(
    'form',
    { class: 'hypothesis-form evidence-form', novalidate: true, 'aria-label': t('hypAddEvidence') },
    field(prefix, 'soort', t('hypKind'), kind),
    field(prefix, 'bron', t('hypSource'), el('input', { type: 'text', required: true, maxlength: 200 })),
    field(prefix, 'omschrijving', t('hypDescription'), el('textarea', { rows: 2, maxlength: 2000 })),
    ...EVIDENCE_KINDS.map((k) => groups[k]),
    el('button', { type: 'submit' }, t('hypAddEvidence')),
    status,
  );
  sync();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const item: NewEvidence = { soort: kind.value as EvidenceKind, bron: value('bron') };
    if (value('omschrijving')) item.omschrijving = value('omschrijving');
    if (item.soort === 'maat') {
      const parameters = parsePairs(value('parameters'));
      if (typeof parameters === 'string') return void (status.textContent = t('hypPairWrong', { deel: parameters }));
      Object.assign(item, { maat: value('maat'), parameters });
    } else if (item.soort === 'telling') {
      Object.assign(item, { teldatum: value('teldatum'), gebied: value('gebied'), onderwijssoort: value('onderwijssoort') });
      if (value('cluster')) item.cluster = value('cluster');
    } else if (item.soort === 'notitie') item.notitie = Number(value('notitie'));
    else item.url = value('url');
    api.addEvidence(h.id, item).then(
      () => reload(t('hypEvidenceAdded')),
      (error: unknown) => (status.textContent = errorText(error)),
    );
  });
  return el('details', { class: 'hypothesis-add evidence-add' }, el('summary', {}, t('hypAddEvidence')), form);
}

function newHypothesisForm(measures: readonly MeasureInfo[], reload: (message: string) => Promise<void>): HTMLElement {
  const prefix = 'hypothese-nieuw';
  const status = el('p', { class: 'form-status', role: 'status' });
  const form = el(
    'form',
    { class: 'hypothesis-form', novalidate: true, 'aria-label': t('hypNew') },
    field(prefix, 'tekst', t('hypText'), el('textarea', { rows: 3, required: true, maxlength: 4000 })),
    el(
      'fieldset',
      {},
      el('legend', {}, t('hypPrediction')),
      field(prefix, 'maat', t('hypMeasure'), measureSelect(measures)),
      field(prefix, 'parameters', t('hypParameters'), el('input', { type: 'text', placeholder: 'ijkjaar=2019' })),
      field(prefix, 'groepen', t('hypGroups'), el('input', { type: 'text', placeholder: 'groep=vso', required: true })),
      field(prefix, 'kolom', t('hypColumn'), el('input', { type: 'text', placeholder: t('hypColumnDefault') })),
      field(prefix, 'richting', t('hypDirection'), el('select', {}, ...DIRECTIONS.map((d) => el('option', { value: d }, t(`hypDir_${d}`))))),
    ),
    field(prefix, 'alternatieven', t('hypAlternativesField'), el('textarea', { rows: 2 })),
    field(prefix, 'status', t('hypStatus'), el('select', {}, ...HYPOTHESIS_STATUSES.map((s) => el('option', { value: s }, t(`hypStatus_${s}`))))),
    el('button', { type: 'submit' }, t('hypSave')),
    status,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    if (!value('tekst')) return void (status.textContent = t('hypTextMissing'));
    const parameters = parsePairs(value('parameters'));
    const groepen = parsePairs(value('groepen'));
    for (const pairs of [parameters, groepen]) if (typeof pairs === 'string') return void (status.textContent = t('hypPairWrong', { deel: pairs }));
    const hypothesis: NewHypothesis = {
      tekst: value('tekst'),
      voorspelling: { maat: value('maat'), parameters: parameters as Record<string, string>, groepen: groepen as Record<string, string>, richting: value('richting') as NewHypothesis['voorspelling']['richting'] },
      alternatieven: value('alternatieven').split('\n').map((a) => a.trim()).filter(Boolean),
      status: value('status') as NewHypothesis['status'],
    };
    if (value('kolom')) hypothesis.voorspelling.kolom = value('kolom');
    api.addHypothesis(hypothesis).then(
      () => {
        form.reset();
        form.closest('details')?.removeAttribute('open');
        return reload(t('hypSaved'));
      },
      (error: unknown) => (status.textContent = errorText(error)),
    );
  });
  return el('details', { class: 'hypothesis-add' }, el('summary', {}, t('hypNew')), form);
}

/** The section: the list, and for a writer the form for a new one. Loads itself. */
export function hypothesesSection(role: Role): HTMLElement {
  const writer = HYPOTHESIS_WRITERS.includes(role);
  const list = el('div', { class: 'hypothesis-list', 'aria-live': 'polite' });
  const status = el('p', { class: 'form-status', role: 'status' });
  const formSlot = el('div', {});
  const section = el(
    'section',
    { class: 'section-box hypotheses', 'aria-labelledby': 'titel-hypothesen', 'data-state': 'loading' },
    el('h2', { id: 'titel-hypothesen' }, t('hypTitle')),
    el('p', { class: 'subtitle' }, t(writer ? 'hypIntroWriter' : 'hypIntroReader')),
    list,
    formSlot,
    status,
  );
  let measures: MeasureInfo[] = [];
  const reload = async (message: string): Promise<void> => {
    try {
      const hypotheses = await api.hypotheses();
      clear(list);
      if (hypotheses.length === 0) list.append(el('p', { class: 'empty' }, t('hypEmpty')));
      for (const h of hypotheses) list.append(hypothesisItem(h, writer, measures, reload));
      status.textContent = message;
      section.dataset.state = 'ready';
    } catch (error) {
      status.textContent = `${t('errorPrefix')}: ${errorText(error)}`;
      section.dataset.state = 'error';
    }
  };
  void (async () => {
    if (writer) {
      measures = await api.measures().catch(() => []);
      formSlot.append(newHypothesisForm(measures, reload));
    }
    await reload('');
  })();
  return section;
}
