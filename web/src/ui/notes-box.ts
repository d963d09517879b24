// The notes beside a chart (narratief): what people know about a period that the numbers do not
// say ("new provision opened", "registration changed"). Listed with period, author, the author's
// role and date, and added through a small form; the server takes the author from the session, so
// the form does not ask for it. Stored by the API, so they are there for every user after a reload.
// The author edits or deletes their own note (a beheerder may delete any); the server keeps every
// earlier version. A live counter shows the 2,000-character limit while typing. A note may be
// marked as an event (gebeurtenis: a date and a kind); the list says which notes are events, and
// every chart whose period holds the date draws it (charts/events.ts).
import { api, ApiError } from '../api';
import { eventKindLabel } from '../charts/events';
import { formatDate, formatTimestamp } from '../format';
import { getLang, roleLabel, t } from '../i18n';
import { currentSession } from '../session';
import { EVENT_KINDS, type EventKind, type Note, type NoteChange, type NoteEvent, type Session } from '../types';
import { clear, el } from './dom';

/** The server's limit (server/notes_api.h), in characters. */
export const NOTE_MAX_LENGTH = 2000;

export interface NoteDefaults {
  van: string;
  tot: string;
}

/** Characters as the server counts them (code points, so "é" or an emoji is one). */
export function noteLength(text: string): number {
  return [...text].length;
}

/** "12 van 2000 tekens", or how many too many and what to do. */
export function noteCounterText(text: string): string {
  const aantal = noteLength(text);
  const values = { aantal: String(aantal), max: String(NOTE_MAX_LENGTH), teveel: String(aantal - NOTE_MAX_LENGTH) };
  return aantal > NOTE_MAX_LENGTH ? t('noteCounterOver', values) : t('noteCounter', values);
}

/** What this user may do with a note: the author edits and deletes, a beheerder deletes. */
export function noteRights(note: Pick<Note, 'auteur'>, session: Pick<Session, 'gebruiker' | 'rol'> | null): { edit: boolean; delete: boolean } {
  const own = session !== null && note.auteur === session.gebruiker;
  return { edit: own, delete: own || session?.rol === 'beheerder' };
}

function period(note: Pick<Note, 'van' | 'tot'>): string {
  const lang = getLang();
  if (note.van && note.tot) return `${formatDate(note.van, lang)} – ${formatDate(note.tot, lang)}`;
  if (note.van) return `${t('noteFrom')} ${formatDate(note.van, lang)}`;
  if (note.tot) return `${t('noteTo')} ${formatDate(note.tot, lang)}`;
  return '';
}

/** "jan (analist)": the author with the role they wrote the note in. */
export function noteAuthor(note: Pick<Note, 'auteur' | 'rol'>): string {
  return note.rol ? `${note.auteur} (${roleLabel(note.rol)})` : note.auteur;
}

/** The event fields: a checkbox, then the event's date and kind (usable only when checked). */
function eventFields(id: (name: string) => string, event: NoteEvent | undefined): HTMLElement {
  const lang = getLang();
  const date = el('input', { id: id('gebeurtenis-datum'), name: 'gebeurtenis_datum', type: 'date', value: event?.datum ?? '' });
  const kind = el('select', { id: id('gebeurtenis-soort'), name: 'gebeurtenis_soort' }, ...EVENT_KINDS.map((k) => el('option', { value: k, selected: event?.soort === k }, eventKindLabel(k, lang))));
  const check = el('input', { id: id('gebeurtenis'), name: 'gebeurtenis', type: 'checkbox', checked: event !== undefined });
  const sync = () => {
    date.disabled = !check.checked;
    kind.disabled = !check.checked;
  };
  check.addEventListener('change', sync);
  sync();
  return el(
    'fieldset',
    { class: 'note-event' },
    el('legend', {}, t('eventBadge')),
    el('label', { for: id('gebeurtenis'), class: 'note-event-check' }, check, t('noteIsEvent')),
    el('label', { for: id('gebeurtenis-datum') }, t('eventDate'), date),
    el('label', { for: id('gebeurtenis-soort') }, t('eventKind'), kind),
  );
}

/** The fields of a note form (van, tot, tekst with its live counter, the event); ids unique per prefix. */
function noteFields(prefix: string, values: NoteDefaults & { tekst?: string; gebeurtenis?: NoteEvent }): HTMLElement[] {
  const id = (name: string) => `${prefix}-${name}`;
  const counter = el('p', { class: 'note-counter', id: id('teller'), 'aria-live': 'polite' }, noteCounterText(values.tekst ?? ''));
  const text = el('textarea', { id: id('tekst'), name: 'tekst', rows: 3, required: true, 'aria-describedby': id('teller') });
  text.value = values.tekst ?? '';
  text.addEventListener('input', () => {
    counter.textContent = noteCounterText(text.value);
    counter.classList.toggle('over', noteLength(text.value) > NOTE_MAX_LENGTH);
  });
  return [
    el('label', { for: id('van') }, t('noteFrom'), el('input', { id: id('van'), name: 'van', type: 'date', value: values.van, required: true })),
    el('label', { for: id('tot') }, t('noteTo'), el('input', { id: id('tot'), name: 'tot', type: 'date', value: values.tot, required: true })),
    el('label', { for: id('tekst') }, t('noteText'), text),
    counter,
    eventFields(id, values.gebeurtenis),
  ];
}

/** The form's values, or the message saying what to fix before it is sent. */
function formValues(form: HTMLFormElement): NoteChange | string {
  const data = new FormData(form);
  const field = (name: string) => String(data.get(name) ?? '').trim();
  const values: NoteChange = { van: field('van'), tot: field('tot'), tekst: field('tekst') };
  if (!values.tekst) return t('noteEmpty');
  if (noteLength(values.tekst) > NOTE_MAX_LENGTH) return t('noteTooLong', { max: String(NOTE_MAX_LENGTH) });
  if (data.get('gebeurtenis') !== null) {
    if (!field('gebeurtenis_datum')) return t('eventDateMissing');
    values.gebeurtenis = { datum: field('gebeurtenis_datum'), soort: field('gebeurtenis_soort') as EventKind };
  }
  return values;
}

/** "Gebeurtenis · Nieuwe voorziening · 1 oktober 2022": what the list says of a note that is an event. */
export function eventBadgeText(event: NoteEvent): string {
  const lang = getLang();
  return `${t('eventBadge')} · ${eventKindLabel(event.soort, lang)} · ${formatDate(event.datum, lang)}`;
}

function errorText(error: unknown): string {
  // The server's Dutch message says which field is wrong and what to do.
  return error instanceof ApiError ? error.message : String(error);
}

export class NotesBox {
  readonly element: HTMLElement;
  private readonly list: HTMLElement;
  private readonly status: HTMLElement;
  private readonly form: HTMLFormElement;

  constructor(
    private readonly grafiek: string,
    defaults: NoteDefaults,
    /** Called after a note was added, changed or deleted (the charts redraw their events). */
    private readonly changed: () => void = () => undefined,
  ) {
    this.list = el('ul', { class: 'notes-list' });
    this.status = el('p', { class: 'notes-status', role: 'status' });
    this.form = el('form', { class: 'note-form', novalidate: true }, ...noteFields(`notitie-${grafiek}`, defaults), el('button', { type: 'submit' }, t('noteSave')));
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.save();
    });
    this.element = el(
      'aside',
      { class: 'notes', 'aria-label': t('notes') },
      el('h3', {}, t('notes')),
      this.list,
      el('details', { class: 'note-add' }, el('summary', {}, t('addNote')), this.form),
      this.status,
    );
  }

  async load(): Promise<void> {
    try {
      this.show(await api.notes(this.grafiek));
    } catch (error) {
      clear(this.list);
      this.status.textContent = `${t('errorPrefix')}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private show(notes: Note[]): void {
    clear(this.list);
    const sorted = [...notes].sort((a, b) => (a.van || '').localeCompare(b.van || '') || a.id - b.id);
    if (sorted.length === 0) this.list.append(el('li', { class: 'notes-empty' }, t('noNotes')));
    for (const note of sorted) this.list.append(this.noteItem(note));
  }

  private noteItem(note: Note): HTMLElement {
    const lang = getLang();
    const rights = noteRights(note, currentSession());
    const item = el('li', { class: note.gebeurtenis ? 'note note-is-event' : 'note', 'data-note-id': note.id });
    const actions = el('div', { class: 'note-actions' });
    if (rights.edit) actions.append(el('button', { type: 'button', class: 'note-edit', onclick: () => this.startEdit(item, note) }, t('noteEdit')));
    if (rights.delete) actions.append(el('button', { type: 'button', class: 'note-delete', onclick: () => this.askDelete(actions, note) }, t('noteDelete')));
    const edited = note.gewijzigd ? ` · ${t('noteEditedOn', { datum: formatTimestamp(note.gewijzigd, lang) })}` : '';
    item.append(
      ...(note.gebeurtenis ? [el('p', { class: 'note-event-badge' }, eventBadgeText(note.gebeurtenis))] : []),
      el('p', { class: 'note-period' }, period(note)),
      el('p', { class: 'note-text' }, note.tekst),
      el('p', { class: 'note-meta' }, `${noteAuthor(note)} · ${formatTimestamp(note.aangemaakt, lang)}${edited}`),
      ...(actions.childElementCount ? [actions] : []),
    );
    return item;
  }

  private startEdit(item: HTMLElement, note: Note): void {
    const form = el(
      'form',
      { class: 'note-form note-edit-form', novalidate: true, 'aria-label': t('noteEditTitle') },
      ...noteFields(`notitie-${this.grafiek}-${note.id}`, note),
      el('button', { type: 'submit' }, t('noteSave')),
      el('button', { type: 'button', class: 'note-cancel', onclick: () => void this.load() }, t('noteCancel')),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const values = formValues(form);
      if (typeof values === 'string') return void (this.status.textContent = values);
      void this.run(() => api.editNote(note.id, values), t('noteUpdated'));
    });
    clear(item);
    item.append(form);
    (form.elements.namedItem('tekst') as HTMLTextAreaElement).focus();
  }

  private askDelete(actions: HTMLElement, note: Note): void {
    clear(actions);
    actions.append(
      el('span', { class: 'note-ask' }, t('noteDeleteAsk')),
      el('button', { type: 'button', class: 'note-delete-sure', onclick: () => void this.run(() => api.deleteNote(note.id), t('noteDeleted')) }, t('noteDeleteSure')),
      el('button', { type: 'button', class: 'note-cancel', onclick: () => void this.load() }, t('noteCancel')),
    );
    (actions.querySelector('.note-delete-sure') as HTMLButtonElement).focus();
  }

  /** Sends a change; on success reloads the list and says what happened, else the server's message. */
  private async run(change: () => Promise<unknown>, done: string): Promise<void> {
    try {
      await change();
      await this.load();
      this.status.textContent = done;
      this.changed();
    } catch (error) {
      this.status.textContent = errorText(error);
    }
  }

  private async save(): Promise<void> {
    const values = formValues(this.form);
    if (typeof values === 'string') {
      this.status.textContent = values;
      return;
    }
    try {
      await api.addNote({ grafiek: this.grafiek, ...values });
      const text = this.form.elements.namedItem('tekst') as HTMLTextAreaElement;
      text.value = '';
      text.dispatchEvent(new Event('input'));
      await this.load();
      this.status.textContent = t('noteSaved');
      this.changed();
    } catch (error) {
      this.status.textContent = errorText(error);
    }
  }
}
