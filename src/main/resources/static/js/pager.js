// Previous / next for a page of {items, page, size, total}.

import { el, replaceChildren } from './dom.js';
import * as fmt from './format.js';

export function pager(nav, page, go) {
  const pages = Math.max(1, Math.ceil(page.total / page.size));
  const first = page.total === 0 ? 0 : page.page * page.size + 1;
  const last = Math.min(page.total, (page.page + 1) * page.size);
  replaceChildren(nav,
    el('button', {
      type: 'button', class: 'button small secondary', disabled: page.page <= 0, onclick: () => go(page.page - 1),
    }, '← Newer'),
    el('span', { class: 'pager-text' },
      page.total === 0 ? 'Nothing to show' : `${fmt.count(first)}–${fmt.count(last)} of ${fmt.count(page.total)}`,
      pages > 1 ? ` · page ${fmt.count(page.page + 1)} of ${fmt.count(pages)}` : ''),
    el('button', {
      type: 'button', class: 'button small secondary', disabled: page.page + 1 >= pages, onclick: () => go(page.page + 1),
    }, 'Older →'));
}
