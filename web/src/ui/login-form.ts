// The login page: user name, password and "Inloggen". The error (wrong password, too many tries,
// server unreachable) goes into a live region so a screen reader says it; the address is left as
// it is, so that after the login the app shows the page the user was on.
import { api, ApiError } from '../api';
import { t } from '../i18n';
import type { Session } from '../types';
import { el } from './dom';

/** The message for a failed login, in the current language. */
export function loginErrorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return t('loginWrong');
    if (error.status === 429)
      return error.retryAfter !== null && error.retryAfter > 0 ? t('loginTooMany', { seconden: String(error.retryAfter) }) : t('loginTooManyLater');
    return error.message; // the server's Dutch message (or "de server is niet bereikbaar")
  }
  return error instanceof Error ? error.message : String(error);
}

export interface LoginFormOptions {
  /** Shown above the form, e.g. when the session ran out while the user was working. */
  notice?: string;
  onLogin: (session: Session) => void;
}

export function loginForm(options: LoginFormOptions): HTMLElement {
  const user = el('input', { id: 'login-gebruiker', name: 'gebruiker', type: 'text', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false' });
  const password = el('input', { id: 'login-wachtwoord', name: 'wachtwoord', type: 'password', autocomplete: 'current-password', required: true });
  // role=alert makes it a live region: the text is read out as soon as it changes.
  const message = el('p', { id: 'login-fout', class: 'login-error', role: 'alert', 'aria-live': 'assertive' });
  const submit = el('button', { type: 'submit', class: 'login-submit' }, t('loginSubmit'));
  const form = el(
    'form',
    { class: 'login-form', novalidate: true, 'aria-describedby': 'login-fout' },
    el('label', { for: 'login-gebruiker' }, t('loginUser')),
    user,
    el('label', { for: 'login-wachtwoord' }, t('loginPassword')),
    password,
    message,
    submit,
  );
  // The field to fix gets the focus; an empty one is also marked invalid.
  const fail = (text: string, field: HTMLInputElement, empty = false) => {
    message.textContent = text;
    for (const input of [user, password]) input.removeAttribute('aria-invalid');
    if (empty) field.setAttribute('aria-invalid', 'true');
    field.focus();
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const gebruiker = user.value.trim();
    if (!gebruiker || !password.value) {
      fail(t('loginMissing'), gebruiker ? password : user, true);
      return;
    }
    submit.disabled = true;
    submit.textContent = t('loginBusy');
    message.textContent = '';
    api
      .login(gebruiker, password.value)
      .then((session) => {
        password.value = '';
        options.onLogin(session);
      })
      .catch((error: unknown) => {
        submit.disabled = false;
        submit.textContent = t('loginSubmit');
        password.value = '';
        fail(loginErrorText(error), password);
      });
  });
  return el(
    'section',
    { class: 'login', 'aria-labelledby': 'login-titel' },
    el('h1', { id: 'login-titel' }, t('loginTitle')),
    options.notice ? el('p', { class: 'login-notice', role: 'status' }, options.notice) : null,
    el('p', { class: 'intro' }, t('loginIntro')),
    form,
  );
}
