// The notes beside a chart (narratief): what people know about a period that the numbers do not
// say ("new provision opened", "registration changed"). Listed with period, author, the author's
// role and date, and added through a small form; the server takes the author from the session, so
// the form does not ask for it. Stored by the API, so they are there for every user after a reload.
import { api, ApiError } from '../api';
import { formatDate, formatTimestamp } from '../format';
import { getLang, roleLabel, t } from '../i18n';
import type { Note } from '../types';
import { clear, el } from './dom';

export interface NoteDefaults {
  van: string;
  tot: string;
}

function period(note: Note): string {
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

function noteItem(note: Note): HTMLElement {
  return el(
    'li',
    { class: 'note', 'data-note-id': note.id },
    el('p', { class: 'note-period' }, period(note)),
    el('p', { class: 'note-text' }, note.tekst),
    el('p', { class: 'note-meta' }, `${noteAuthor(note)} · ${formatTimestamp(note.aangemaakt, getLang())}`),
  );
}

export class NotesBox {
  readonly element: HTMLElement;
  private readonly list: HTMLElement;
  private readonly status: HTMLElement;
  private readonly form: HTMLFormElement;

  constructor(
    private readonly grafiek: string,
    defaults: NoteDefaults,
  ) {
    this.list = el('ul', { class: 'notes-list' });
    this.status = el('p', { class: 'notes-status', role: 'status' });
    const id = (name: string) => `notitie-${grafiek}-${name}`;
    this.form = el(
      'form',
      { class: 'note-form', novalidate: true },
      el('label', { for: id('van') }, t('noteFrom'), el('input', { id: id('van'), name: 'van', type: 'date', value: defaults.van, required: true })),
      el('label', { for: id('tot') }, t('noteTo'), el('input', { id: id('tot'), name: 'tot', type: 'date', value: defaults.tot, required: true })),
      el('label', { for: id('tekst') }, t('noteText'), el('textarea', { id: id('tekst'), name: 'tekst', rows: 3, maxlength: 2000, required: true })),
      el('button', { type: 'submit' }, t('noteSave')),
    );
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
    for (const note of sorted) this.list.append(noteItem(note));
  }

  private async save(): Promise<void> {
    const data = new FormData(this.form);
    const field = (name: string) => String(data.get(name) ?? '').trim();
    const note = { grafiek: this.grafiek, van: field('van'), tot: field('tot'), tekst: field('tekst') };
    try {
      await api.addNote(note);
      (this.form.elements.namedItem('tekst') as HTMLTextAreaElement).value = '';
      this.status.textContent = t('noteSaved');
      await this.load();
    } catch (error) {
      // The server's Dutch message says which field is wrong.
      this.status.textContent = error instanceof ApiError ? error.message : String(error);
    }
  }
}
