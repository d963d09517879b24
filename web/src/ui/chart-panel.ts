// The frame around every chart: title and subtitle, the chart (Vega-Lite through vega-embed), a
// table view and a CSV download of exactly the chart's rows, the caption "Bron · Gegevens t/m ·
// Definitie" and the notes beside it. Pages only say what to load and which spec to build.
import type { EmbedOptions, Result } from 'vega-embed';
import type { TopLevelSpec } from 'vega-lite';
import { api, ApiError } from '../api';
import { isSuppressed } from '../charts/common';
import { type ChartEvent, withEvents } from '../charts/events';
import { csvFileName, toCsv } from '../csv';
import { d3FormatLocale, d3TimeLocale, formatDate } from '../format';
import { getLang, t, valueLabelMap } from '../i18n';
import { collectNames, type NameMaps, nameLabels, withNameColumns } from '../names';
import type { MeasureParams, MeasureResult, Row, Vestiging } from '../types';
import { describeSelection } from '../selection';
import { loadVestigingen } from '../vestigingen';
import { dataTable } from './data-table';
import { type Pivot, tableShape } from './wide-table';
import { clear, el } from './dom';
import { type NoteDefaults, NotesBox } from './notes-box';
import { reachableWhenScrolling } from './scroll-frame';
import { loadVega, prefetchVega } from './vega-loader';
import { cancelPendingDraws, drawBehind, drawWhenShown, watchPosition } from './draw-queue';
import { restoreSnapshot, snapshotsOnPageOf, storeSnapshot } from './chart-snapshot';
import { selectionChoices } from './selection-bar';

/** What a chart shows: the rows (as the API gave them, possibly a subset) and where they come from. */
export interface ChartData {
  columns: string[];
  rows: Row[];
  bron: string;
  datumData: string | null;
  params: MeasureParams;
  /** The names of the codes in the rows (column → code → naam), possibly empty. */
  names: NameMaps;
  /** The selection the server applied to the rows (the answer's `selectie`); empty: the whole region. */
  selectie?: Record<string, string>;
}

/** The labels a chart writes: the value labels (settings, directions) and "naam (code)" per code. */
export function labelsFor(data: Pick<ChartData, 'names'>): Record<string, string> {
  return { ...valueLabelMap(), ...nameLabels(data.names) };
}

export interface ChartDefinition {
  /** The chart's id: for notes, the CSV file name and tests (e.g. "overzicht-leerlingen"). */
  grafiek: string;
  /** The measure id, for the link to its definition in the Maatboek. */
  measure: string;
  title: string;
  subtitle?: string;
  load: () => Promise<ChartData>;
  spec: (data: ChartData, width: number) => TopLevelSpec;
  /** The table view's shape: a column per value of this series (wide); without it, as the rows are. */
  table?: Pivot;
  notes: NoteDefaults;
}

/** A chart's data from one measure request, optionally only the rows the chart shows. */
export async function loadMeasure(id: string, params: MeasureParams = {}, keep?: (row: Row) => boolean): Promise<ChartData> {
  const [result, vestigingen] = await Promise.all([api.measure(id, params), loadVestigingen()]);
  return fromResult(result, params, keep, vestigingen);
}

export function fromResult(result: MeasureResult, params: MeasureParams, keep?: (row: Row) => boolean, vestigingen: readonly Vestiging[] | null = null): ChartData {
  return {
    names: collectNames(result.namen, vestigingen),
    columns: result.kolommen,
    rows: keep ? result.rijen.filter(keep) : result.rijen,
    bron: result.bron,
    datumData: result.datum_data,
    params,
    selectie: result.selectie ?? {},
  };
}

/** One measure on several dates (a trend from a measure that takes ?at=), as one table. */
export async function loadMeasureOnDates(id: string, dates: readonly string[]): Promise<ChartData> {
  const [results, vestigingen] = await Promise.all([Promise.all(dates.map((at) => api.measure(id, { at }))), loadVestigingen()]);
  const first = results[0];
  if (!first) return { columns: [], rows: [], bron: '', datumData: null, params: {}, names: collectNames(undefined, null) };
  const names = collectNames(undefined, vestigingen);
  for (const r of results) for (const [column, codes] of Object.entries(r.namen ?? {})) names[column] = { ...names[column], ...codes };
  return { ...fromResult(first, {}), names, rows: results.flatMap((r) => r.rijen) };
}

/**
 * How every chart is embedded under the server's Content-Security-Policy: Vega's expressions are
 * parsed to ASTs and evaluated by vega-interpreter instead of being compiled with `new Function`
 * (no 'unsafe-eval'), and neither vega-embed nor its tooltip injects a <style> element (their few
 * rules are in styles.css), so the app needs no inline styles either. The interpreter itself is
 * added where Vega is loaded (ui/vega-loader.ts), which happens only when a chart is drawn.
 */
export const EMBED_OPTIONS: EmbedOptions = {
  actions: false,
  renderer: 'svg',
  ast: true,
  defaultStyle: false,
  tooltip: { disableDefaultStyle: true },
  // Reference rules (a base line, a reference value) are decoration the subtitle explains; with
  // an ARIA role but no data to describe they would be images without a text (axe-core).
  config: { rule: { aria: false } },
};

/** Whether any cell of the rows is a suppressed small count ("<5"). */
export function hasSuppressedCells(rows: readonly Row[]): boolean {
  return rows.some((row) => Object.values(row).some(isSuppressed));
}

const livePanels = new Set<ChartPanel>();

/** The region's events (notes marked as gebeurtenis), asked once per page and shared by its charts. */
let regionEvents: Promise<ChartEvent[]> | null = null;

function loadEvents(): Promise<ChartEvent[]> {
  // Without them a chart is still drawn, only without its events.
  regionEvents ??= api
    .events()
    .then((notes) => notes.flatMap((n) => (n.gebeurtenis ? [{ datum: n.gebeurtenis.datum, soort: n.gebeurtenis.soort, tekst: n.tekst }] : [])))
    .catch(() => []);
  return regionEvents;
}

/** After a note changed: asks the events again and redraws every chart of the page with them. */
export async function reloadEvents(): Promise<void> {
  regionEvents = null;
  const events = await loadEvents();
  for (const panel of livePanels) panel.setEvents(events);
}

/** Redraws every chart on the page at its new width (after a window resize). */
export function redrawAllCharts(): void {
  for (const panel of livePanels) panel.redraw();
}

/** Releases the charts of the page being left (Vega views hold timers and listeners). */
export function disposeAllCharts(): void {
  cancelPendingDraws();
  for (const panel of livePanels) panel.dispose();
  livePanels.clear();
  regionEvents = null; // the next page asks again: another user may have added one meanwhile
}

export class ChartPanel {
  readonly element: HTMLElement;
  private readonly chart: HTMLElement;
  private readonly table: HTMLElement;
  private readonly heading: HTMLElement;
  private readonly subtitle: HTMLElement;
  private readonly caption: HTMLElement;
  private readonly selectionLine: HTMLElement;
  private readonly suppression: HTMLElement;
  private readonly tableButton: HTMLButtonElement;
  private readonly csvButton: HTMLButtonElement;
  private readonly notes: NotesBox;
  private data: ChartData | null = null;
  private view: Result | null = null;
  private showingTable = false;
  /** Whether the table view shows the current data (it is built only when opened). */
  private tableCurrent = false;
  /** Whether the chart has been drawn once: later updates draw at once, not in the queue. */
  private drawn = false;
  private generation = 0;
  private drawing = 0;
  private notesAsked = false;
  private events: ChartEvent[] = [];

  constructor(private definition: ChartDefinition) {
    const headingId = `titel-${definition.grafiek}`;
    this.heading = el('h2', { id: headingId }, definition.title);
    this.subtitle = el('p', { class: 'subtitle' });
    this.chart = el('div', { class: 'chart', role: 'figure', 'aria-labelledby': headingId });
    // Scrolls (both ways) inside its frame, so it has a tab stop for the keyboard (scroll-frame.ts).
    this.table = el('div', { class: 'table-view', hidden: true, tabindex: 0, role: 'region', 'aria-labelledby': headingId });
    this.caption = el('p', { class: 'caption' });
    this.selectionLine = el('p', { class: 'selection-line', hidden: true });
    this.suppression = el('p', { class: 'suppression-note', hidden: true });
    this.tableButton = el('button', { type: 'button', class: 'toggle-table', 'aria-pressed': 'false' }, t('showTable'));
    this.tableButton.addEventListener('click', () => this.toggleTable());
    this.csvButton = el('button', { type: 'button', class: 'download-csv', title: t('downloadCsvLabel'), 'aria-label': t('downloadCsvLabel'), disabled: true }, `⤓ ${t('downloadCsv')}`);
    this.csvButton.addEventListener('click', () => this.downloadCsv());
    this.notes = new NotesBox(definition.grafiek, definition.notes, () => void reloadEvents());
    this.element = el(
      'section',
      { class: 'panel', 'data-grafiek': definition.grafiek, 'data-state': 'loading', 'aria-labelledby': headingId },
      el(
        'header',
        { class: 'panel-header' },
        el('div', {}, this.heading, this.subtitle, this.selectionLine),
        el('div', { class: 'panel-actions' }, this.tableButton, this.csvButton),
      ),
      el('div', { class: 'panel-body' }, el('div', { class: 'panel-main' }, this.chart, this.table, this.caption, this.suppression), this.notes.element),
    );
    this.subtitle.textContent = definition.subtitle ?? '';
    // On a page this tab drew before the charts are likely shown from their copies first; Vega
    // then waits until the browser is idle instead of being evaluated while the data arrives.
    if (!snapshotsOnPageOf(definition.grafiek)) prefetchVega();
    watchPosition(this.element);
    livePanels.add(this);
  }

  /** Loads and draws (again, with a new definition after a picker changed). */
  async update(definition: ChartDefinition = this.definition): Promise<void> {
    const generation = ++this.generation;
    this.definition = definition;
    this.heading.textContent = definition.title; // a picker may change it (Inzicht's gebied)
    this.subtitle.textContent = definition.subtitle ?? '';
    this.element.dataset.state = 'loading';
    this.element.setAttribute('aria-busy', 'true');
    try {
      const loading = definition.load();
      // The notes after the data: a browser opens six connections to a server, and a page's
      // notes asked first kept its charts' data waiting for a free one.
      if (!this.notesAsked) {
        this.notesAsked = true;
        void loading.catch(() => undefined).finally(() => this.notes.load());
      }
      const [data, events] = await Promise.all([loading, loadEvents()]);
      if (generation !== this.generation) return; // a newer choice was made while this one loaded
      this.events = events;
      this.data = data;
      this.renderCaption(data);
      this.tableCurrent = false;
      if (this.showingTable) this.renderTable();
      this.csvButton.disabled = false;
      // A chart that this tab drew from the same spec before is shown from its copy at once
      // (ui/chart-snapshot.ts; parsing a copy costs a few milliseconds), and its live view
      // is made behind it when the browser is idle. Any other first drawing waits its turn
      // (ui/draw-queue.ts): charts in view first.
      if (!this.drawn && this.showSnapshot()) {
        this.markDrawn();
        await drawBehind(this.element, () => (generation === this.generation ? this.renderChart() : Promise.resolve()));
        return;
      }
      let drew = false;
      const draw = async (): Promise<void> => {
        if (generation !== this.generation) return;
        await this.renderChart();
        drew = true;
      };
      if (this.drawn) await draw();
      else await drawWhenShown(this.element, draw);
      if (generation !== this.generation || !drew) return;
      this.markDrawn();
    } catch (error) {
      if (generation !== this.generation) return;
      this.data = null;
      this.csvButton.disabled = true;
      this.view?.finalize();
      this.view = null;
      clear(this.chart);
      clear(this.table);
      const message = error instanceof ApiError || error instanceof Error ? error.message : String(error);
      this.chart.append(el('p', { class: 'error', role: 'alert' }, `${t('errorPrefix')}: ${message}`));
      this.element.dataset.state = 'error';
    } finally {
      if (generation === this.generation) this.element.removeAttribute('aria-busy');
    }
  }

  private markDrawn(): void {
    this.drawn = true;
    this.element.dataset.state = 'ready';
    this.element.removeAttribute('aria-busy');
  }

  /** The chart's spec with the region's events in its period (charts/events.ts): one place for every chart. */
  private fullSpec(data: ChartData, width: number): TopLevelSpec {
    return withEvents(this.definition.spec(data, width), this.events, getLang());
  }

  /** New events: the chart is drawn again if its spec changed (an event in its period). */
  setEvents(events: ChartEvent[]): void {
    const before = this.data ? JSON.stringify(this.fullSpec(this.data, this.chartWidth())) : '';
    this.events = events;
    if (this.data && JSON.stringify(this.fullSpec(this.data, this.chartWidth())) !== before) this.redraw();
  }

  /** The width a spec is made for: the chart's frame now. */
  private chartWidth(): number {
    return Math.max(240, (this.chart.clientWidth || this.element.clientWidth || 800) - 8);
  }

  /** Shows the tab's copy of the chart if it was drawn from exactly this spec; whether it did. */
  private showSnapshot(): boolean {
    if (!this.data || this.data.rows.length === 0) return false;
    const data = this.data;
    const copy = restoreSnapshot(this.definition.grafiek, getLang(), (width) => JSON.stringify(this.fullSpec(data, width)));
    if (!copy) return false;
    clear(this.chart);
    this.chart.append(copy);
    this.chart.dataset.drawn = 'kopie';
    // Measured in the next frame, once for all the page's copies, not once per copy as it is shown.
    requestAnimationFrame(() => reachableWhenScrolling(this.chart));
    return true;
  }

  redraw(): void {
    if (this.data && this.drawn && !this.showingTable) void this.renderChart();
  }

  dispose(): void {
    this.view?.finalize();
    this.view = null;
  }

  private renderCaption(data: ChartData): void {
    const lang = getLang();
    clear(this.caption);
    this.caption.append(
      `${t('source')}: ${data.bron} · ${t('dataUntil')} ${data.datumData ? formatDate(data.datumData, lang) : '–'} · `,
      el('a', { href: `#/maatboek/${this.definition.measure}`, class: 'definition-link' }, t('definition')),
    );
    // What part of the region the rows are, as the server says it applied it (selection.ts).
    this.selectionLine.textContent = data.selectie ? describeSelection(data.selectie, selectionChoices()) : '';
    this.selectionLine.hidden = !this.selectionLine.textContent;
    this.suppression.textContent = hasSuppressedCells(data.rows) ? t('suppressedNote') : '';
    this.suppression.hidden = !this.suppression.textContent;
  }

  private renderTable(): void {
    if (!this.data) return;
    this.tableCurrent = true;
    clear(this.table);
    const lang = getLang();
    const shape = tableShape(this.data.columns, this.data.rows, this.definition.table, labelsFor(this.data), lang);
    this.table.append(dataTable(shape, `${this.definition.title}: ${t('tableCaption').toLowerCase()}`, lang));
  }

  private async renderChart(): Promise<void> {
    if (!this.data) return;
    this.view?.finalize();
    this.view = null;
    if (this.data.rows.length === 0) {
      clear(this.chart);
      this.chart.append(el('p', { class: 'empty' }, t('noData')));
      return;
    }
    const width = this.chartWidth();
    const spec = this.fullSpec(this.data, width);
    const lang = getLang();
    // vega-embed makes its container an inline-block sized by the chart; embedding into a child
    // keeps .chart a block whose width is the space available, so a redraw measures the same.
    // What is shown (a copy, the chart at the old width) stays until the new one is drawn: the
    // new one is drawn hidden on top of it (.chart-next), so the page neither flickers nor jumps.
    const shown = [...this.chart.childNodes];
    const target = el('div', shown.length > 0 ? { class: 'chart-next' } : {});
    this.chart.append(target);
    const drawing = ++this.drawing;
    const { embed, expressionInterpreter } = await loadVega();
    const view = await embed(target, spec, {
      ...EMBED_OPTIONS,
      expr: expressionInterpreter,
      formatLocale: d3FormatLocale[lang],
      timeFormatLocale: d3TimeLocale[lang],
    });
    // A resize or a new choice may have started another drawing meanwhile; keep only the latest.
    if (drawing !== this.drawing) {
      view.finalize();
      target.remove();
      return;
    }
    this.view = view;
    for (const node of shown) node.remove();
    target.removeAttribute('class');
    this.chart.dataset.drawn = 'live';
    storeSnapshot(this.definition.grafiek, { lang, width, spec: JSON.stringify(spec) }, target);
    reachableWhenScrolling(this.chart); // a chart wider than a phone scrolls inside its frame
  }

  private toggleTable(): void {
    this.showingTable = !this.showingTable;
    if (this.showingTable && !this.tableCurrent) this.renderTable();
    this.table.hidden = !this.showingTable;
    this.chart.hidden = this.showingTable;
    this.tableButton.setAttribute('aria-pressed', String(this.showingTable));
    this.tableButton.textContent = this.showingTable ? t('showChart') : t('showTable');
    if (!this.showingTable) this.redraw();
  }

  private downloadCsv(): void {
    if (!this.data) return;
    // The long rows as the CLI writes them, with a name column beside each code column that has names.
    const named = withNameColumns(this.data.columns, this.data.rows, this.data.names);
    const blob = new Blob([toCsv(named.columns, named.rows)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = el('a', { href: url, download: csvFileName(this.definition.grafiek, { ...this.data.params, ...this.data.selectie }) });
    document.body.append(link);
    link.click();
    link.remove();
    // Revoked later, not at once: the browser may still be reading the blob for the download.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
