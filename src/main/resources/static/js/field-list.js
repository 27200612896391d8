// The column checklist: tick the fields to export and put them in file order. The ticked columns come first, in
// file order; a newly ticked column joins the end of them, an unticked one goes back among the others (catalog
// order). The list is one stop in the Tab order: ArrowUp / ArrowDown move between columns, Space ticks,
// Alt+ArrowUp / Alt+ArrowDown move a column; the arrow buttons do the same with a mouse.

import { announce, el, replaceChildren } from './dom.js';

export class FieldList {
  /**
   * @param list the <ol> to render into
   * @param fields [{key, label}] from the field catalog, in catalog order
   * @param onChange called after every tick or move
   */
  constructor(list, fields, onChange) {
    this.list = list;
    this.fields = new Map(fields.map((f) => [f.key, f.label]));
    this.catalogOrder = fields.map((f) => f.key);
    this.order = fields.map((f) => f.key);
    this.current = this.order[0];
    this.checked = new Set();
    this.onChange = onChange;
    this.rows = new Map();
    for (const field of fields) {
      this.rows.set(field.key, this.row(field));
    }
    this.render();
  }

  /** Shows exactly these fields, ticked and in this order, followed by the others, unticked, in catalog order. */
  set(keys) {
    const known = keys.filter((k) => this.fields.has(k));
    this.order = [...known, ...[...this.fields.keys()].filter((k) => !known.includes(k))];
    this.checked = new Set(known);
    this.current = this.order[0];
    this.render();
  }

  /** Ticked ones first (in their order), then the others in catalog order. */
  regroup() {
    const ticked = this.order.filter((k) => this.checked.has(k));
    this.order = [...ticked, ...this.catalogOrder.filter((k) => !this.checked.has(k))];
  }

  toggled(key, checked) {
    if (checked) {
      this.checked.add(key);
      // To the end of the ticked columns: the next place in the file.
      this.order = [...this.order.filter((k) => k !== key && this.checked.has(k)), key,
        ...this.order.filter((k) => k !== key && !this.checked.has(k))];
    } else {
      this.checked.delete(key);
    }
    this.regroup();
    this.current = key;
    this.render();
    this.rows.get(key).checkbox.focus();
    const position = this.selected().indexOf(key);
    announce(checked ? `${this.fields.get(key)} ticked: column ${position + 1} of ${this.checked.size}.`
      : `${this.fields.get(key)} unticked.`);
    this.onChange();
  }

  /** The ticked fields in file order: what the request's `fields` would be. */
  selected() {
    return this.order.filter((k) => this.checked.has(k));
  }

  selectAll() {
    this.checked = new Set(this.order);
    this.render();
    this.onChange();
  }

  clear() {
    this.checked.clear();
    this.regroup();
    this.render();
    this.onChange();
  }

  row(field) {
    const id = `field-${field.key}`;
    const checkbox = el('input', {
      type: 'checkbox', id, value: field.key,
      onchange: () => this.toggled(field.key, checkbox.checked),
      onfocus: () => { this.current = field.key; this.syncTabStop(); },
    });
    // Mouse helpers: the keyboard moves a column with Alt+ArrowUp / Alt+ArrowDown on its checkbox.
    const up = el('button', {
      type: 'button', class: 'move up', 'aria-label': `Move ${field.label} up`, title: 'Move up (Alt+↑)',
      tabindex: '-1', onclick: () => this.move(field.key, -1, 'up'),
    }, el('span', { 'aria-hidden': 'true', text: '▲' }));
    const down = el('button', {
      type: 'button', class: 'move down', 'aria-label': `Move ${field.label} down`, title: 'Move down (Alt+↓)',
      tabindex: '-1', onclick: () => this.move(field.key, 1, 'down'),
    }, el('span', { 'aria-hidden': 'true', text: '▼' }));
    const position = el('span', { class: 'position', 'aria-hidden': 'true' });
    const item = el('li', {
      dataset: { key: field.key },
      onkeydown: (event) => {
        if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') {
          return;
        }
        event.preventDefault();
        const step = event.key === 'ArrowUp' ? -1 : 1;
        if (event.altKey) {
          this.move(field.key, step, step < 0 ? 'up' : 'down');
        } else {
          const next = this.order[this.order.indexOf(field.key) + step];
          if (next) {
            this.rows.get(next).checkbox.focus();
          }
        }
      },
    },
    position,
    el('label', { for: id, class: 'field-name' }, checkbox, ' ', field.label),
    el('span', { class: 'move-buttons' }, up, down));
    return { item, checkbox, up, down, position };
  }

  move(key, step, direction) {
    const from = this.order.indexOf(key);
    const to = from + step;
    // Only ticked columns have a place in the file; they stay ahead of the unticked ones.
    if (!this.checked.has(key) || from < 0 || to < 0 || to >= this.checked.size) {
      return;
    }
    const focused = document.activeElement;
    this.order.splice(from, 1);
    this.order.splice(to, 0, key);
    this.render();
    // Keep the keyboard where it was, so pressing again keeps moving the same field; at the top or bottom the
    // button it pressed is disabled, so move to the other one.
    const row = this.rows.get(key);
    const same = direction === 'up' ? row.up : row.down;
    const other = direction === 'up' ? row.down : row.up;
    if (focused === row.checkbox || (same.disabled && other.disabled)) {
      row.checkbox.focus();
    } else {
      (same.disabled ? other : same).focus();
    }
    announce(`${this.fields.get(key)} moved to column ${to + 1} of ${this.checked.size}.`);
    this.onChange();
  }

  render() {
    const items = this.order.map((key, index) => {
      const row = this.rows.get(key);
      row.checkbox.checked = this.checked.has(key);
      const ticked = this.checked.has(key);
      row.up.disabled = !ticked || index === 0;
      row.down.disabled = !ticked || index >= this.checked.size - 1;
      row.item.classList.toggle('unchecked', !this.checked.has(key));
      return row.item;
    });
    replaceChildren(this.list, items);
    let position = 0;
    for (const key of this.order) {
      const row = this.rows.get(key);
      row.position.textContent = this.checked.has(key) ? String(++position) : '';
    }
    this.syncTabStop();
  }

  /** One Tab stop for the whole list: the column last focused. */
  syncTabStop() {
    if (!this.rows.has(this.current)) {
      this.current = this.order[0];
    }
    for (const [key, row] of this.rows) {
      row.checkbox.tabIndex = key === this.current ? 0 : -1;
    }
  }
}
