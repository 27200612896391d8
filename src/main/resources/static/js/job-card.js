// A started export, watched live: progress bar, rows, speed and time left, polled every 500 ms while the job is
// queued or running; Cancel (after a confirmation) while it runs, Download once it succeeded, the reason when it
// failed. A finished card can be dismissed, or its request used again.

import { api, ApiError, download } from './api.js';
import { confirmAction } from './confirm.js';
import { announce, el, replaceChildren } from './dom.js';
import * as fmt from './format.js';
import { exportTitle, requestFacts } from './request-summary.js';

const POLL_MS = 500;
const ACTIVE = new Set(['queued', 'running']);
const cards = new Map();

/** Stops every card's polling (sign-out). */
export function stopAll() {
  for (const card of cards.values()) {
    card.stop();
  }
  cards.clear();
}

/** The card of a job shown on the page, if there is one. */
export function cardOf(jobId) {
  return cards.get(jobId) || null;
}

/** Asks the New export form to take this request (the form listens; see export-form.js). */
export function exportAgain(request, from) {
  document.dispatchEvent(new CustomEvent('export-again', { detail: { request, from } }));
}

/** Asks for a confirmation, then cancels the job. Resolves to the job as it is after, or null if not cancelled. */
export async function confirmCancel(job) {
  const p = job.progress || {};
  const done = p.percent !== null && p.percent !== undefined ? ` It is ${fmt.percent(p.percent)} done;` : '';
  const confirmed = await confirmAction({
    title: 'Cancel this export?',
    message: `${exportTitle(job.request || {})}.${done} the rows written so far are thrown away and no file is kept.`,
    confirm: 'Cancel the export',
    cancel: 'Keep it running',
    danger: true,
  });
  return confirmed ? api.cancel(job.id) : null;
}

export class JobCard {
  constructor(job) {
    this.id = job.id;
    this.timer = null;
    this.stopped = false;
    this.failures = 0;
    this.lastStatus = null;

    const titleId = `job-${job.id}-title`;
    this.title = el('h3', { id: titleId, class: 'job-title' });
    this.status = el('span', { class: 'badge job-status' });
    this.meta = el('p', { class: 'job-meta' });
    this.facts = el('div', { class: 'job-facts' });
    this.fill = el('div', { class: 'progress-fill' });
    this.bar = el('div', {
      class: 'progress', role: 'progressbar', 'aria-labelledby': titleId, 'aria-valuemin': '0',
      'aria-valuemax': '100',
    }, this.fill);
    this.percent = el('dd', { class: 'job-percent' });
    this.rows = el('dd', { class: 'job-rows' });
    this.speed = el('dd', { class: 'job-speed' });
    this.eta = el('dd', { class: 'job-eta' });
    this.message = el('div', { class: 'job-message', 'aria-live': 'polite' });
    this.cancelButton = el('button', {
      type: 'button', class: 'button secondary small cancel', onclick: () => this.cancel(),
    }, 'Cancel export…');
    this.downloadButton = el('button', {
      type: 'button', class: 'button primary small download', hidden: true, onclick: () => this.download(),
    }, 'Download');
    this.againButton = el('button', {
      type: 'button', class: 'button secondary small again', hidden: true,
      onclick: () => exportAgain(this.job.request || {}, `the export requested ${fmt.dateTimeText(this.job.createdAt)}`),
    }, 'Export again');
    this.dismissButton = el('button', {
      type: 'button', class: 'button secondary small dismiss', hidden: true, 'aria-label': 'Dismiss this card',
      title: 'Dismiss this card', onclick: () => this.dismiss(),
    }, 'Dismiss');

    this.element = el('article', { class: 'job-card card', 'aria-labelledby': titleId, dataset: { jobId: job.id } },
      el('header', { class: 'job-head' }, this.title, this.status),
      this.meta,
      this.facts,
      this.bar,
      el('dl', { class: 'job-stats' },
        el('div', {}, el('dt', { text: 'Done' }), this.percent),
        el('div', {}, el('dt', { text: 'Rows' }), this.rows),
        el('div', {}, el('dt', { text: 'Speed' }), this.speed),
        el('div', {}, el('dt', { text: 'Time left' }), this.eta)),
      this.message,
      el('div', { class: 'job-actions' }, this.downloadButton, this.cancelButton, this.againButton,
        this.dismissButton));

    cards.set(this.id, this);
    this.update(job);
    this.schedule();
  }

  update(job) {
    this.job = job;
    const request = job.request || {};
    const zeroRows = job.status === 'succeeded' && (job.progress || {}).processed === 0;
    this.title.textContent = exportTitle(request);
    this.element.dataset.status = job.status;
    this.element.classList.toggle('zero-rows', zeroRows);
    this.status.textContent = zeroRows ? '0 leads matched' : fmt.statusLabel(job.status);
    this.status.className = `badge job-status status-${zeroRows ? 'empty' : job.status}`;
    replaceChildren(this.meta, 'Requested ', fmt.timeNode(job.createdAt), ` by ${job.requestedBy}`,
      job.destination && job.destination !== 'download' ? ` · to ${job.destination}` : null);
    replaceChildren(this.facts, requestFacts(request));

    const p = job.progress || {};
    const known = p.percent !== null && p.percent !== undefined;
    const value = known ? Math.min(100, p.percent) : 0;
    this.fill.style.width = `${value}%`;
    this.bar.classList.toggle('indeterminate', !known && ACTIVE.has(job.status));
    this.bar.classList.toggle('done', job.status === 'succeeded');
    this.bar.classList.toggle('stopped', job.status === 'failed' || job.status === 'cancelled');
    if (known) {
      this.bar.setAttribute('aria-valuenow', String(value));
      this.bar.setAttribute('aria-valuetext', `${fmt.percent(value)}, ${fmt.count(p.processed)} of ${fmt.count(p.total)} rows`);
    } else {
      this.bar.removeAttribute('aria-valuenow');
      this.bar.setAttribute('aria-valuetext', fmt.statusLabel(job.status));
    }
    this.percent.textContent = fmt.percent(p.percent);
    this.rows.textContent = p.total === null || p.total === undefined
      ? fmt.count(p.processed) : `${fmt.count(p.processed)} / ${fmt.count(p.total)}`;
    this.speed.textContent = fmt.rowsPerSecond(p.rowsPerSecond);
    this.eta.textContent = fmt.eta(p.etaSeconds, job.status);

    const active = ACTIVE.has(job.status);
    this.cancelButton.hidden = !active;
    const file = job.file;
    this.downloadButton.hidden = !(job.status === 'succeeded' && file && file.downloadUrl);
    this.againButton.hidden = active;
    this.dismissButton.hidden = active;
    this.renderMessage(job, zeroRows);

    if (this.lastStatus !== null && this.lastStatus !== job.status && !active) {
      announce(zeroRows ? 'Export finished: 0 leads matched.' : `Export ${fmt.statusLabel(job.status).toLowerCase()}.`);
    }
    this.lastStatus = job.status;
  }

  renderMessage(job, zeroRows) {
    const file = job.file;
    let content = null;
    if (job.status === 'queued') {
      content = el('p', { class: 'hint', text: 'Waiting for a free worker…' });
    } else if (job.status === 'failed') {
      content = el('p', { class: 'notice error job-error', role: 'alert' },
        el('strong', { text: 'Failed: ' }), job.error || 'the server gave no reason.');
    } else if (job.status === 'cancelled') {
      content = el('p', { class: 'notice job-cancelled' },
        `Cancelled after ${fmt.count(job.progress ? job.progress.processed : 0)} rows; no file was kept.`);
    } else if (job.status === 'succeeded' && file) {
      const took = job.startedAt && job.finishedAt
        ? ` · took ${fmt.millis(new Date(job.finishedAt) - new Date(job.startedAt))}` : '';
      const where = file.downloadUrl ? [' · expires ', fmt.timeNode(file.expiresAt)]
        : [file.deletedAt ? ' · file deleted' : ` · delivered to ${job.destination}`];
      content = [
        zeroRows ? el('p', { class: 'notice warn zero-rows-note' }, el('strong', { text: '0 leads matched. ' }),
          'The file holds only the column headers: check the filter.') : null,
        el('p', { class: 'job-file' }, el('span', { class: 'file-name', text: file.name }),
          ` · ${fmt.bytes(file.size)}${took}`, ...where),
      ];
    }
    replaceChildren(this.message, content);
  }

  schedule() {
    if (this.stopped || !ACTIVE.has(this.job.status)) {
      return;
    }
    const delay = this.failures ? Math.min(5000, POLL_MS * 2 ** this.failures) : POLL_MS;
    this.timer = setTimeout(() => this.poll(), delay);
  }

  async poll() {
    try {
      this.update(await api.job(this.id));
      this.failures = 0;
    } catch (e) {
      if (e instanceof ApiError && (e.status === 401 || e.status === 404)) {
        if (e.status === 404) {
          replaceChildren(this.message, el('p', { class: 'notice error', text: 'This export is no longer available.' }));
        }
        this.stop();
        return;
      }
      this.failures++;
      replaceChildren(this.message, el('p', { class: 'notice warn', text: `Could not refresh: ${e.message}. Retrying…` }));
    }
    this.schedule();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** Removes a finished card from the page (the export itself stays in My exports). */
  dismiss() {
    this.stop();
    cards.delete(this.id);
    const container = this.element.parentElement;
    const next = this.element.nextElementSibling || this.element.previousElementSibling;
    this.element.remove();
    if (container && !container.children.length && container.closest('section')) {
      container.closest('section').hidden = true;
    }
    announce('Card dismissed.');
    const focusTarget = next ? next.querySelector('button:not([hidden])') : document.getElementById('start-button');
    if (focusTarget) {
      focusTarget.focus();
    }
  }

  async cancel() {
    this.cancelButton.disabled = true;
    try {
      const job = await confirmCancel(this.job);
      if (job) {
        this.update(job);
      }
    } catch (e) {
      replaceChildren(this.message, el('p', { class: 'notice error', role: 'alert', text: `Could not cancel: ${e.message}` }));
    } finally {
      this.cancelButton.disabled = false;
    }
  }

  async download() {
    this.downloadButton.disabled = true;
    try {
      const name = await download(this.job.file.downloadUrl, this.job.file.name);
      announce(`Downloading ${name}.`);
    } catch (e) {
      replaceChildren(this.message, el('p', { class: 'notice error', role: 'alert', text: `Could not download: ${e.message}` }));
    } finally {
      this.downloadButton.disabled = false;
    }
  }
}
