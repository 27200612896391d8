// "Audit" (ADMIN): who did what, when and from where (failed sign-ins, previews, downloads, plain national-ID
// exports, schedule and preset operations, file deletions, erasures), newest first, filtered by date, user and
// action, a page at a time. The details are shown as the API gives them.

import { api, ApiError } from './api.js';
import { byId, el, replaceChildren, show } from './dom.js';
import * as fmt from './format.js';
import { filterForm, filterValues } from './filter-form.js';
import { pager } from './pager.js';

const PAGE_SIZE = 25;

const ACTION_LABELS = {
  'sign-in-failed': 'Sign-in failed',
  preview: 'Preview',
  download: 'Download',
  'export-plain-national-id': 'Export with plain national IDs',
  'schedule-run': 'Schedule run',
  'schedule-pause': 'Schedule paused',
  'schedule-resume': 'Schedule resumed',
  'preset-save': 'Preset saved',
  'preset-share': 'Preset shared',
  'preset-delete': 'Preset deleted',
  'file-delete': 'File deleted',
  erasure: 'Erasure',
};

export class AuditTab {
  constructor() {
    this.page = 0;
    this.form = filterForm(byId('audit-form'), this);
    const select = byId('audit-action');
    if (select.options.length <= 1) {
      for (const [key, label] of Object.entries(ACTION_LABELS)) {
        select.append(el('option', { value: key, text: label }));
      }
    }
    byId('audit-zone').textContent = `Days in ${fmt.zoneText()}`;
  }

  open() {
    this.load();
  }

  close() {
  }

  destroy() {
    this.form.detach();
    byId('audit-table').tBodies[0].replaceChildren();
    byId('audit-pager').replaceChildren();
    show(byId('audit-error'), false);
  }

  filters() {
    return filterValues('audit', ['from', 'to', 'user', 'action']);
  }

  async load() {
    try {
      const page = await api.audit({ ...this.filters(), page: this.page, size: PAGE_SIZE });
      show(byId('audit-error'), false);
      this.render(page);
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) {
        byId('audit-error').textContent = `Could not load the audit log: ${e.message}`;
        show(byId('audit-error'), true);
      }
    }
  }

  render(page) {
    const body = byId('audit-table').tBodies[0];
    if (!page.items.length) {
      replaceChildren(body, el('tr', {}, el('td', { colspan: '5', class: 'empty-row', text: 'No entries match.' })));
    } else {
      replaceChildren(body, page.items.map((item) => row(item)));
    }
    pager(byId('audit-pager'), page, (next) => { this.page = next; this.load(); });
  }
}

function row(item) {
  return el('tr', { dataset: { action: item.action } },
    el('td', { 'data-label': 'When' }, fmt.timeNode(item.at)),
    el('td', { 'data-label': 'User' }, el('div', { class: 'audit-user', text: item.user }),
      el('div', { class: 'hint audit-address', text: item.address || 'not over HTTP' })),
    el('td', { 'data-label': 'Action' }, el('span', { class: 'badge audit-action', text: ACTION_LABELS[item.action]
      || item.action })),
    el('td', { 'data-label': 'On', class: 'audit-target', text: item.target || '' }),
    el('td', { 'data-label': 'Details', class: 'audit-details' }, details(item.details)));
}

/** The details as "key: value" lines; nested values as compact JSON. */
function details(values) {
  const entries = Object.entries(values || {});
  if (!entries.length) {
    return null;
  }
  return el('dl', { class: 'audit-facts' }, entries.flatMap(([key, value]) => [
    el('dt', { text: key }),
    el('dd', { text: value === null || value === undefined ? '—'
      : typeof value === 'object' ? JSON.stringify(value) : String(value) }),
  ]));
}
