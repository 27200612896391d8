// "History" (ADMIN): every finished export, filtered by date, user and status, a page at a time, with exports and
// rows per day over the last 14 days drawn from the same history.

import { api, ApiError } from './api.js';
import { byId, el, replaceChildren, show } from './dom.js';
import { barChart } from './chart.js';
import * as fmt from './format.js';
import { pager } from './pager.js';

const PAGE_SIZE = 25;
const CHART_DAYS = 14;
const CHART_PAGE = 500;
const CHART_MAX_PAGES = 20;

export class HistoryTab {
  constructor() {
    this.page = 0;
    this.form = byId('history-form');
    this.submitListener = (event) => { event.preventDefault(); this.page = 0; this.load(); };
    this.resetListener = () => setTimeout(() => { this.page = 0; this.load(); });
    this.form.addEventListener('submit', this.submitListener);
    this.form.addEventListener('reset', this.resetListener);
  }

  open() {
    this.load();
  }

  close() {
  }

  destroy() {
    this.form.removeEventListener('submit', this.submitListener);
    this.form.removeEventListener('reset', this.resetListener);
    this.form.reset();
    byId('history-table').tBodies[0].replaceChildren();
    byId('history-pager').replaceChildren();
    byId('history-chart').replaceChildren();
    show(byId('history-error'), false);
  }

  filters() {
    const value = (id) => byId(id).value.trim();
    return { from: value('history-from'), to: value('history-to'), user: value('history-user'),
      status: value('history-status') };
  }

  async load() {
    const filters = this.filters();
    try {
      const [page] = await Promise.all([
        api.history({ ...filters, page: this.page, size: PAGE_SIZE }),
        this.loadChart(filters),
      ]);
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
      replaceChildren(body, el('tr', {}, el('td', { colspan: '9', class: 'empty-row', text: 'No exports match.' })));
    } else {
      replaceChildren(body, page.items.map((item) => el('tr', { dataset: { jobId: item.jobId, status: item.status } },
        el('td', { class: 'nowrap', text: fmt.dateTimeText(item.finishedAt) }),
        el('td', { text: item.requestedBy }),
        el('td', { text: item.trigger }),
        el('td', {}, fmt.formatLabel(item.format || ''), el('div', { class: 'hint', text: item.template || '' })),
        el('td', { class: 'num', text: fmt.count(item.rows) }),
        el('td', {}, el('span', { class: `badge status-${item.status}`, text: fmt.statusLabel(item.status) }),
          item.error ? el('div', { class: 'row-error', text: item.error }) : null),
        el('td', {}, item.destination || '–',
          item.fileName ? el('div', { class: 'hint file-name', text: `${item.fileName} · ${fmt.bytes(item.fileSize)}` }) : null),
        el('td', { class: 'num', text: fmt.millis(item.durationMs) }),
        el('td', { text: item.nationalId || '–' }))));
    }
    pager(byId('history-pager'), page, (next) => { this.page = next; this.load(); });
  }

  /** Exports and rows per day for the 14 days up to the "to" date (or today), with the user and status filters. */
  async loadChart(filters) {
    const end = filters.to ? new Date(`${filters.to}T00:00:00`) : new Date();
    end.setHours(0, 0, 0, 0);
    const start = new Date(end);
    start.setDate(start.getDate() - (CHART_DAYS - 1));
    const days = [];
    for (let d = new Date(start); d <= end; d.setDate(d.getDate() + 1)) {
      days.push({ key: fmt.isoDay(d), date: new Date(d), exports: 0, rows: 0 });
    }
    const byDay = new Map(days.map((d) => [d.key, d]));
    const next = new Date(end);
    next.setDate(next.getDate() + 1);

    let partial = false;
    for (let page = 0; page < CHART_MAX_PAGES; page++) {
      // Instants, not dates: the days are the browser's, whatever the server's export zone.
      const answer = await api.history({ from: start.toISOString(), to: new Date(next - 1).toISOString(),
        user: filters.user, status: filters.status, page, size: CHART_PAGE });
      for (const item of answer.items) {
        const day = byDay.get(fmt.isoDay(new Date(item.finishedAt)));
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

    const label = (d) => String(d.date.getDate());
    replaceChildren(byId('history-chart'),
      barChart('Exports per day', days.map((d) => ({ label: label(d), name: fmt.dayText(d.date), value: d.exports })),
        'exports', 'chart-exports'),
      barChart('Rows per day', days.map((d) => ({ label: label(d), name: fmt.dayText(d.date), value: d.rows })),
        'rows', 'chart-rows'),
      el('p', { class: 'hint chart-note' },
        `${fmt.dayText(start)} – ${fmt.dayText(end)}, by finish day in your time zone`,
        partial ? ` (first ${fmt.count(CHART_PAGE * CHART_MAX_PAGES)} exports only)` : ''));
  }
}
