// A started export, watched live: progress bar, rows, speed and time left, polled every 500 ms while the job is
// queued or running; Cancel while it runs, Download once it succeeded, the reason when it failed.

import { api, ApiError, download } from './api.js';
import { announce, el, replaceChildren } from './dom.js';
import * as fmt from './format.js';

const POLL_MS = 500;
const ACTIVE = new Set(['queued', 'running']);
const cards = new Set();

/** Stops every card's polling (sign-out). */
export function stopAll() {
  for (const card of cards) {
    card.stop();
  }
  cards.clear();
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
      type: 'button', class: 'button danger small cancel', onclick: () => this.cancel(),
    }, 'Cancel');
    this.downloadButton = el('button', {
      type: 'button', class: 'button primary small download', hidden: true, onclick: () => this.download(),
    }, 'Download');

    this.element = el('article', { class: 'job-card card', 'aria-labelledby': titleId, dataset: { jobId: job.id } },
      el('header', { class: 'job-head' }, this.title, this.status),
      this.meta,
      this.bar,
      el('dl', { class: 'job-stats' },
        el('div', {}, el('dt', { text: 'Done' }), this.percent),
        el('div', {}, el('dt', { text: 'Rows' }), this.rows),
        el('div', {}, el('dt', { text: 'Speed' }), this.speed),
        el('div', {}, el('dt', { text: 'Time left' }), this.eta)),
      this.message,
      el('div', { class: 'job-actions' }, this.cancelButton, this.downloadButton));

    cards.add(this);
    this.update(job);
    this.schedule();
  }

  update(job) {
    this.job = job;
    const request = job.request || {};
    this.title.textContent = exportTitle(request);
    this.element.dataset.status = job.status;
    this.status.textContent = fmt.statusLabel(job.status);
    this.status.className = `badge job-status status-${job.status}`;
    this.meta.textContent = [
      `Requested ${fmt.timeText(job.createdAt)} by ${job.requestedBy}`,
      job.destination && job.destination !== 'download' ? `to ${job.destination}` : null,
      filterSummary(request.filter),
    ].filter(Boolean).join(' · ');

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

    this.cancelButton.hidden = !ACTIVE.has(job.status);
    const file = job.file;
    this.downloadButton.hidden = !(job.status === 'succeeded' && file && file.downloadUrl);
    this.renderMessage(job);

    if (this.lastStatus !== null && this.lastStatus !== job.status && !ACTIVE.has(job.status)) {
      announce(`Export ${fmt.statusLabel(job.status).toLowerCase()}.`);
    }
    this.lastStatus = job.status;
  }

  renderMessage(job) {
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
      const where = file.downloadUrl ? `expires ${fmt.dateTimeText(file.expiresAt)}`
        : (file.deletedAt ? 'file deleted' : `delivered to ${job.destination}`);
      const took = job.startedAt && job.finishedAt
        ? ` · took ${fmt.millis(new Date(job.finishedAt) - new Date(job.startedAt))}` : '';
      content = el('p', { class: 'job-file' },
        el('span', { class: 'file-name', text: file.name }), ` · ${fmt.bytes(file.size)}${took} · ${where}`);
    }
    replaceChildren(this.message, content);
  }

  schedule() {
    if (this.stopped || !ACTIVE.has(this.job.status)) {
      cards.delete(this);
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
    cards.delete(this);
  }

  async cancel() {
    this.cancelButton.disabled = true;
    this.cancelButton.textContent = 'Cancelling…';
    try {
      this.update(await api.cancel(this.id));
    } catch (e) {
      replaceChildren(this.message, el('p', { class: 'notice error', role: 'alert', text: `Could not cancel: ${e.message}` }));
    } finally {
      this.cancelButton.disabled = false;
      this.cancelButton.textContent = 'Cancel';
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

/** CSV · basic template · 5 columns */
export function exportTitle(request) {
  const parts = [fmt.formatLabel(request.format || 'csv'), `${request.template || 'full'} template`];
  if (Array.isArray(request.fields)) {
    parts.push(`${request.fields.length} column${request.fields.length === 1 ? '' : 's'}`);
  }
  return parts.join(' · ');
}

/** status new, qualified · created 2024-01-08 to 2024-01-14 · "smith" */
export function filterSummary(filter) {
  if (!filter || typeof filter !== 'object') {
    return null;
  }
  const parts = [];
  const list = (name, values) => {
    if (Array.isArray(values) && values.length) {
      parts.push(`${name} ${values.join(', ')}`);
    }
  };
  const range = (name, from, to) => {
    if (from || to) {
      parts.push(`${name} ${from || '…'} to ${to || '…'}`);
    }
  };
  list('status', filter.status);
  list('policy', filter.policy);
  list('country', filter.country);
  range('created', filter.createdFrom, filter.createdTo);
  range('updated', filter.updatedFrom, filter.updatedTo);
  if (filter.search) {
    parts.push(`“${filter.search}”`);
  }
  return parts.length ? parts.join(' · ') : null;
}
