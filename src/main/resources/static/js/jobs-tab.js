// "My exports": the caller's jobs, newest first, a page at a time. An ADMIN sees its own by default and may show
// everyone's or one person's. While one of them is queued or running and the tab is open, it refreshes itself.

import { api, ApiError, download } from './api.js';
import { announce, byId, el, replaceChildren, show } from './dom.js';
import * as fmt from './format.js';
import { confirmCancel, exportAgain } from './job-card.js';
import { pager } from './pager.js';
import { columnList, columnsText, filterSummary, nationalIdText } from './request-summary.js';

const PAGE_SIZE = 20;
const REFRESH_MS = 2000;

export class JobsTab {
  constructor(catalog) {
    this.page = 0;
    this.timer = null;
    this.active = false;
    this.loading = false;
    this.user = catalog.user.username;
    this.admin = catalog.user.roles.includes('ADMIN');
    show(byId('jobs-filter'), this.admin);
    byId('jobs-scope').textContent = this.admin ? '' : 'The exports you started.';
    this.listeners = [
      [byId('jobs-refresh'), 'click', () => this.load()],
      [byId('jobs-who'), 'change', () => { this.syncWho(); this.page = 0; this.load(); }],
      [byId('jobs-filter'), 'submit', (event) => { event.preventDefault(); this.page = 0; this.load(); }],
    ];
    for (const [node, type, listener] of this.listeners) {
      node.addEventListener(type, listener);
    }
    this.syncWho();
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
    for (const [node, type, listener] of this.listeners) {
      node.removeEventListener(type, listener);
    }
    byId('jobs-filter').reset();
    byId('jobs-table').tBodies[0].replaceChildren();
    byId('jobs-pager').replaceChildren();
    byId('jobs-scope').textContent = '';
    show(byId('jobs-error'), false);
  }

  syncWho() {
    show(byId('jobs-user-field'), byId('jobs-who').value === 'user');
  }

  /** Whose jobs to ask for: a MANAGER always gets its own; an ADMIN its own, everyone's or one person's. */
  whose() {
    if (!this.admin) {
      return null;
    }
    const who = byId('jobs-who').value;
    if (who === 'all') {
      return null;
    }
    return who === 'user' ? byId('jobs-user').value.trim() || null : this.user;
  }

  async load() {
    clearTimeout(this.timer);
    if (this.loading) {
      return;
    }
    this.loading = true;
    try {
      const page = await api.jobs({ page: this.page, size: PAGE_SIZE, user: this.whose() });
      show(byId('jobs-error'), false);
      this.render(page);
      if (this.active && page.items.some((job) => job.status === 'queued' || job.status === 'running')) {
        this.timer = setTimeout(() => this.load(), REFRESH_MS);
      }
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) {
        this.error(`Could not load the exports: ${e.message}`);
      }
    } finally {
      this.loading = false;
    }
  }

  render(page) {
    const body = byId('jobs-table').tBodies[0];
    if (!page.items.length) {
      replaceChildren(body, el('tr', {}, el('td', { colspan: '5', class: 'empty-row', text: 'No exports yet.' })));
    } else {
      replaceChildren(body, page.items.map((job) => this.row(job)));
    }
    pager(byId('jobs-pager'), page, (next) => { this.page = next; this.load(); });
  }

  row(job) {
    const request = job.request || {};
    const progress = job.progress || {};
    const active = job.status === 'queued' || job.status === 'running';
    const zeroRows = job.status === 'succeeded' && progress.processed === 0;
    const file = job.file;
    const actions = el('td', { class: 'row-actions', 'data-label': 'Actions' });
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
        type: 'button', class: 'button small secondary cancel',
        'aria-label': `Cancel the export requested ${fmt.dateTimeText(job.createdAt)}`,
        onclick: async (event) => {
          const button = event.currentTarget;
          button.disabled = true;
          try {
            if (await confirmCancel(job)) {
              announce('Export cancelled.');
            }
          } catch (e) {
            this.error(`Could not cancel: ${e.message}`);
          }
          button.disabled = false;
          this.load();
        },
      }, 'Cancel…'));
    } else {
      actions.append(el('button', {
        type: 'button', class: 'button small secondary again',
        'aria-label': `Export again: the request of ${fmt.dateTimeText(job.createdAt)}`,
        onclick: () => exportAgain(request, `the export requested ${fmt.dateTimeText(job.createdAt)}`),
      }, 'Export again'));
    }
    const filter = filterSummary(request.filter);
    return el('tr', { dataset: { jobId: job.id, status: job.status } },
      el('td', { 'data-label': 'Requested' }, fmt.timeNode(job.createdAt),
        el('div', { class: 'hint' }, `${job.requestedBy} · `,
          el('span', { title: fmt.triggerDescription(job.trigger), text: fmt.triggerLabel(job.trigger) }))),
      el('td', { class: 'what', 'data-label': 'Export' },
        el('div', { text: `${fmt.formatLabel(request.format || '')} · ${columnsText(request)}` }),
        el('div', { class: 'hint columns', text: columnList(request) }),
        el('div', { class: 'hint filter', text: filter ? `Filter: ${filter}` : 'All leads' }),
        el('div', { class: 'hint national-id', text: `National ID ${nationalIdText(request.nationalId)}` })),
      el('td', { 'data-label': 'Status' },
        el('span', { class: `badge status-${zeroRows ? 'empty' : job.status}`,
          text: zeroRows ? '0 leads matched' : fmt.statusLabel(job.status) }),
        el('div', { class: 'hint' }, job.status === 'running'
          ? `${fmt.percent(progress.percent)} · ${fmt.count(progress.processed)} rows` : `${fmt.count(progress.processed)} rows`),
        job.error ? el('div', { class: 'row-error', text: job.error }) : null),
      el('td', { 'data-label': 'File' },
        file ? el('div', { class: 'file-name', text: file.name }) : null,
        el('div', { class: 'hint' }, job.destination === 'download' ? 'Download'
          : `To ${job.destination}`, file ? ` · ${file.deletedAt ? 'deleted' : fmt.bytes(file.size)}` : '')),
      actions);
  }

  error(message) {
    byId('jobs-error').textContent = message;
    show(byId('jobs-error'), true);
  }
}
