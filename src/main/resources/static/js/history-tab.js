// "History" (ADMIN): every finished export, filtered by date, user and status, a page at a time, with exports and
// rows per day over the last 14 days drawn from the same history. Days are the business zone's.

import { api, ApiError } from './api.js';
import { byId, el, replaceChildren, show } from './dom.js';
import { barChart } from './chart.js';
import * as fmt from './format.js';
import { exportAgain } from './job-card.js';
import { filterForm, filterValues } from './filter-form.js';
import { pager } from './pager.js';
import { columnList, columnsText, filterSummary, nationalIdText } from './request-summary.js';

const PAGE_SIZE = 25;
const CHART_DAYS = 14;
const CHART_PAGE = 500;
const CHART_MAX_PAGES = 20;
const DAY_MS = 86_400_000;

export class HistoryTab {
  constructor() {
    this.page = 0;
    this.loads = 0;
    this.form = filterForm(byId('history-form'), this);
    byId('history-zone').textContent = `Days in ${fmt.zoneText()}`;
  }

  open() {
    this.load();
  }

  close() {
  }

  destroy() {
    this.form.detach();
    byId('history-table').tBodies[0].replaceChildren();
    byId('history-pager').replaceChildren();
    byId('history-chart').replaceChildren();
    this.rangeError(null);
    show(byId('history-error'), false);
  }

  filters() {
    return filterValues('history', ['from', 'to', 'user', 'status']);
  }

  /** A reversed range says so next to the dates, instead of "No exports match" under a chart of other days. */
  rangeError(message) {
    const node = byId('history-range-error');
    node.textContent = message || '';
    show(node, Boolean(message));
    for (const id of ['history-from', 'history-to']) {
      if (message) {
        byId(id).setAttribute('aria-invalid', 'true');
      } else {
        byId(id).removeAttribute('aria-invalid');
      }
    }
  }

  async load() {
    // Only the latest load shows: an older answer arriving late must not replace what the newer filter says.
    const sequence = ++this.loads;
    const filters = this.filters();
    if (filters.from && filters.to && filters.from > filters.to) {
      this.rangeError(`“Finished from” (${filters.from}) is after “Finished to” (${filters.to}): swap them or change one.`);
      replaceChildren(byId('history-table').tBodies[0]);
      replaceChildren(byId('history-chart'));
      replaceChildren(byId('history-pager'));
      show(byId('history-chart-card'), false);
      byId('history-from').focus();
      return;
    }
    this.rangeError(null);
    show(byId('history-chart-card'), true);
    try {
      const [page] = await Promise.all([
        api.history({ ...filters, page: this.page, size: PAGE_SIZE }),
        this.loadChart(filters),
      ]);
      if (sequence !== this.loads) {
        return;
      }
      show(byId('history-error'), false);
      this.render(page);
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) {
        byId('history-error').textContent = `Could not load the history: ${e.message}`;
        show(byId('history-error'), true);
      }
    }
  }

  render(page) {
    const body = byId('history-table').tBodies[0];
    if (!page.items.length) {
      replaceChildren(body, el('tr', {}, el('td', { colspan: '6', class: 'empty-row', text: 'No exports match.' })));
    } else {
      replaceChildren(body, page.items.map((item) => this.row(item)));
    }
    pager(byId('history-pager'), page, (next) => { this.page = next; this.load(); });
  }

  row(item) {
    const request = { format: item.format, template: item.template, fields: item.fields, filter: item.filter,
      nationalId: item.nationalId, destination: item.destination };
    const filter = filterSummary(item.filter);
    const zeroRows = item.status === 'succeeded' && item.rows === 0;
    return el('tr', { dataset: { jobId: item.jobId, status: item.status } },
      el('td', { 'data-label': 'Finished' }, fmt.timeNode(item.finishedAt),
        el('div', { class: 'hint' }, `${item.requestedBy} · `,
          el('span', { title: fmt.triggerDescription(item.trigger), text: fmt.triggerLabel(item.trigger) }))),
      el('td', { class: 'what', 'data-label': 'Export' },
        el('div', { class: 'template', text: `${fmt.formatLabel(item.format || '')} · ${columnsText(request)}` }),
        el('div', { class: 'hint columns', text: columnList(request) }),
        el('div', { class: 'hint filter', text: filter ? `Filter: ${filter}` : 'All leads' }),
        el('div', { class: 'hint national-id', text: `National ID ${nationalIdText(item.nationalId)}` })),
      el('td', { 'data-label': 'Status' },
        el('span', { class: `badge status-${zeroRows ? 'empty' : item.status}`,
          text: zeroRows ? '0 leads matched' : fmt.statusLabel(item.status) }),
        el('div', { class: 'hint rows', text: `${fmt.count(item.rows)} rows · ${fmt.millis(item.durationMs)}` }),
        item.error ? el('div', { class: 'row-error', text: item.error }) : null),
      el('td', { 'data-label': 'File' },
        item.fileName ? el('div', { class: 'file-name', text: item.fileName }) : null,
        el('div', { class: 'hint' }, item.destination === 'download' ? 'Download' : `To ${item.destination}`,
          item.fileName ? ` · ${fmt.bytes(item.fileSize)}` : '')),
      el('td', { class: 'row-actions', 'data-label': 'Actions' }, el('button', {
        type: 'button', class: 'button small secondary again',
        'aria-label': `Export again: the request of ${fmt.dateTimeText(item.finishedAt)}`,
        onclick: () => exportAgain(request, `the export finished ${fmt.dateTimeText(item.finishedAt)}`),
      }, 'Export again')));
  }

  /** Exports and rows per business-zone day for the 14 days up to the "to" date (or today). */
  async loadChart(filters) {
    const end = fmt.dayOf(filters.to || fmt.businessToday());
    const start = new Date(end.getTime() - (CHART_DAYS - 1) * DAY_MS);
    const days = [];
    for (let d = start.getTime(); d <= end.getTime(); d += DAY_MS) {
      const date = new Date(d);
      days.push({ key: fmt.isoDay(date), date, exports: 0, rows: 0 });
    }
    const byDay = new Map(days.map((d) => [d.key, d]));

    let partial = false;
    for (let page = 0; page < CHART_MAX_PAGES; page++) {
      // Whole days in the business zone: the API reads yyyy-MM-dd bounds in that zone.
      const answer = await api.history({ from: fmt.isoDay(start), to: fmt.isoDay(end),
        user: filters.user, status: filters.status, page, size: CHART_PAGE });
      for (const item of answer.items) {
        const day = byDay.get(fmt.businessDay(item.finishedAt));
        if (day) {
          day.exports++;
          day.rows += item.rows || 0;
        }
      }
      if ((page + 1) * CHART_PAGE >= answer.total) {
        break;
      }
      partial = page === CHART_MAX_PAGES - 1;
    }

    const label = (d) => String(d.date.getUTCDate());
    replaceChildren(byId('history-chart'),
      barChart('Exports per day', days.map((d) => ({ label: label(d), name: fmt.dayText(d.date), value: d.exports })),
        'exports', 'chart-exports'),
      barChart('Rows per day', days.map((d) => ({ label: label(d), name: fmt.dayText(d.date), value: d.rows })),
        'rows', 'chart-rows'),
      el('p', { class: 'hint chart-note' },
        `${fmt.dayText(start)} – ${fmt.dayText(end)}, by finish day in ${fmt.zoneText()}`,
        partial ? ` (first ${fmt.count(CHART_PAGE * CHART_MAX_PAGES)} exports only)` : ''));
  }
}
