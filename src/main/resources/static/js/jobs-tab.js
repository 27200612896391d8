// "My exports": the caller's jobs (an ADMIN's: everyone's), newest first, a page at a time. While one of them is
// queued or running and the tab is open, the page refreshes itself.

import { api, ApiError, download } from './api.js';
import { announce, byId, el, replaceChildren, show } from './dom.js';
import * as fmt from './format.js';
import { filterSummary } from './job-card.js';
import { pager } from './pager.js';

const PAGE_SIZE = 20;
const REFRESH_MS = 2000;

export class JobsTab {
  constructor(catalog) {
    this.page = 0;
    this.timer = null;
    this.active = false;
    this.loading = false;
    byId('jobs-scope').textContent = catalog.user.roles.includes('ADMIN')
      ? 'As an ADMIN you see everyone’s exports.' : 'The exports you started.';
    this.refreshListener = () => this.load();
    byId('jobs-refresh').addEventListener('click', this.refreshListener);
  }

  open() {
    this.active = true;
    this.load();
  }

  close() {
    this.active = false;
    clearTimeout(this.timer);
  }

  destroy() {
    this.close();
    byId('jobs-refresh').removeEventListener('click', this.refreshListener);
    byId('jobs-table').tBodies[0].replaceChildren();
    byId('jobs-pager').replaceChildren();
    byId('jobs-scope').textContent = '';
    show(byId('jobs-error'), false);
  }

  async load() {
    clearTimeout(this.timer);
    if (this.loading) {
      return;
    }
    this.loading = true;
    try {
      const page = await api.jobs(this.page, PAGE_SIZE);
      show(byId('jobs-error'), false);
      this.render(page);
      if (this.active && page.items.some((job) => job.status === 'queued' || job.status === 'running')) {
        this.timer = setTimeout(() => this.load(), REFRESH_MS);
      }
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) {
        byId('jobs-error').textContent = `Could not load the exports: ${e.message}`;
        show(byId('jobs-error'), true);
      }
    } finally {
      this.loading = false;
    }
  }

  render(page) {
    const body = byId('jobs-table').tBodies[0];
    if (!page.items.length) {
      replaceChildren(body, el('tr', {}, el('td', { colspan: '9', class: 'empty-row', text: 'No exports yet.' })));
    } else {
      replaceChildren(body, page.items.map((job) => this.row(job)));
    }
    pager(byId('jobs-pager'), page, (next) => { this.page = next; this.load(); });
  }

  row(job) {
    const request = job.request || {};
    const progress = job.progress || {};
    const active = job.status === 'queued' || job.status === 'running';
    const status = el('td', {},
      el('span', { class: `badge status-${job.status}`, text: fmt.statusLabel(job.status) }),
      job.status === 'running' ? ` ${fmt.percent(progress.percent)}` : null,
      job.error ? el('div', { class: 'row-error', text: job.error }) : null);
    const file = job.file;
    const fileCell = el('td', {},
      file ? el('span', { class: 'file-name', text: file.name }) : '–',
      file ? el('div', { class: 'hint', text: file.deletedAt ? 'deleted' : fmt.bytes(file.size) }) : null);
    const actions = el('td', { class: 'row-actions' });
    if (job.status === 'succeeded' && file && file.downloadUrl) {
      actions.append(el('button', {
        type: 'button', class: 'button small primary download', 'aria-label': `Download ${file.name}`,
        onclick: async (event) => {
          const button = event.currentTarget;
          button.disabled = true;
          try {
            announce(`Downloading ${await download(file.downloadUrl, file.name)}.`);
          } catch (e) {
            this.error(`Could not download: ${e.message}`);
          } finally {
            button.disabled = false;
          }
        },
      }, 'Download'));
    }
    if (active) {
      actions.append(el('button', {
        type: 'button', class: 'button small danger cancel', 'aria-label': `Cancel the export started ${fmt.dateTimeText(job.createdAt)}`,
        onclick: async (event) => {
          event.currentTarget.disabled = true;
          try {
            await api.cancel(job.id);
            announce('Export cancelled.');
          } catch (e) {
            this.error(`Could not cancel: ${e.message}`);
          }
          this.load();
        },
      }, 'Cancel'));
    }
    const filter = filterSummary(request.filter);
    return el('tr', { dataset: { jobId: job.id, status: job.status } },
      el('td', { class: 'nowrap' }, fmt.dateTimeText(job.createdAt), el('div', { class: 'hint', text: job.trigger })),
      el('td', { text: job.requestedBy }),
      status,
      el('td', { text: fmt.formatLabel(request.format || '') }),
      el('td', {}, request.template || '–', filter ? el('div', { class: 'hint', text: filter }) : null),
      el('td', { class: 'num', text: fmt.count(progress.processed) }),
      el('td', { text: job.destination || '–' }),
      fileCell,
      actions);
  }

  error(message) {
    byId('jobs-error').textContent = message;
    show(byId('jobs-error'), true);
  }
}
