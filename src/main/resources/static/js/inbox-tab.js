// "Inbox" (ADMIN): the files the inbox folder took, newest first, and what became of each (a job, or refused and
// why, as in .error/<name>.error.json).

import { api, ApiError } from './api.js';
import { byId, el, replaceChildren, show } from './dom.js';
import * as fmt from './format.js';
import { pager } from './pager.js';

const PAGE_SIZE = 25;

export class InboxTab {
  constructor() {
    this.page = 0;
  }

  open() {
    this.load();
  }

  close() {
  }

  destroy() {
    byId('inbox-table').tBodies[0].replaceChildren();
    byId('inbox-pager').replaceChildren();
    show(byId('inbox-error'), false);
  }

  async load() {
    try {
      const page = await api.inbox(this.page, PAGE_SIZE);
      show(byId('inbox-error'), false);
      this.render(page);
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) {
        byId('inbox-error').textContent = `Could not load the inbox: ${e.message}`;
        show(byId('inbox-error'), true);
      }
    }
  }

  render(page) {
    const body = byId('inbox-table').tBodies[0];
    if (!page.items.length) {
      replaceChildren(body, el('tr', {}, el('td', { colspan: '4', class: 'empty-row', text: 'No files yet.' })));
    } else {
      replaceChildren(body, page.items.map((f) => el('tr', { dataset: { outcome: f.outcome } },
        el('td', { text: fmt.dateTimeText(f.receivedAt) }),
        el('th', { scope: 'row', text: f.name }),
        el('td', { text: f.outcome === 'job' ? 'Job' : 'Refused' }),
        el('td', { text: f.outcome === 'job' ? f.jobId : f.error }))));
    }
    pager(byId('inbox-pager'), page, (p) => { this.page = p; this.load(); });
  }
}
