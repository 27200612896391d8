// The column checklist: tick the fields to export and put them in file order. Every row has "move up" and
// "move down" buttons (plain buttons, so Tab / Enter / Space work), and Alt+ArrowUp / Alt+ArrowDown on a row.

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
    this.order = fields.map((f) => f.key);
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
    this.render();
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
    this.render();
    this.onChange();
  }

  row(field) {
    const id = `field-${field.key}`;
    const checkbox = el('input', {
      type: 'checkbox', id, value: field.key,
      onchange: () => {
        if (checkbox.checked) {
          this.checked.add(field.key);
        } else {
          this.checked.delete(field.key);
        }
        this.onChange();
      },
    });
    const up = el('button', {
      type: 'button', class: 'move up', 'aria-label': `Move ${field.label} up`, title: 'Move up',
      onclick: () => this.move(field.key, -1, 'up'),
    }, el('span', { 'aria-hidden': 'true', text: '▲' }));
    const down = el('button', {
      type: 'button', class: 'move down', 'aria-label': `Move ${field.label} down`, title: 'Move down',
      onclick: () => this.move(field.key, 1, 'down'),
    }, el('span', { 'aria-hidden': 'true', text: '▼' }));
    const position = el('span', { class: 'position', 'aria-hidden': 'true' });
    const item = el('li', {
      dataset: { key: field.key },
      onkeydown: (event) => {
        if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
          event.preventDefault();
          this.move(field.key, event.key === 'ArrowUp' ? -1 : 1, event.key === 'ArrowUp' ? 'up' : 'down');
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
    if (from < 0 || to < 0 || to >= this.order.length) {
      return;
    }
    const focused = document.activeElement;
    this.order.splice(from, 1);
    this.order.splice(to, 0, key);
    this.render();
    // Keep the keyboard where it was, so pressing again keeps moving the same field; at the top or bottom the
    // button it pressed is disabled, so move to the other one.
    const row = this.rows.get(key);
    if (focused === row.checkbox) {
      row.checkbox.focus();
    } else {
      const same = direction === 'up' ? row.up : row.down;
      (same.disabled ? (direction === 'up' ? row.down : row.up) : same).focus();
    }
    announce(`${this.fields.get(key)} moved to position ${to + 1} of ${this.order.length}.`);
    this.onChange();
  }

  render() {
    const items = this.order.map((key, index) => {
      const row = this.rows.get(key);
      row.checkbox.checked = this.checked.has(key);
      row.up.disabled = index === 0;
      row.down.disabled = index === this.order.length - 1;
      row.item.classList.toggle('unchecked', !this.checked.has(key));
      return row.item;
    });
    replaceChildren(this.list, items);
    let position = 0;
    for (const key of this.order) {
      const row = this.rows.get(key);
      row.position.textContent = this.checked.has(key) ? String(++position) : '';
    }
  }
}
