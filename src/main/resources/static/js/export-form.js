// The "New export" form: built from the field catalog, turned into an export request (docs/api.md, "The export
// request"), previewed and started. Problems the server finds are shown next to the field they concern.

import { api, ApiError } from './api.js';
import { announce, byId, el, replaceChildren, show } from './dom.js';
import { FieldList } from './field-list.js';
import * as fmt from './format.js';
import { JobCard } from './job-card.js';

const POLICY_LABELS = {
  masked: 'Masked (***-**-6789)',
  encrypted: 'Encrypted (AES-256-GCM)',
  omitted: 'Omitted (no column)',
  plain: 'Plain (unmasked)',
};

/** Where each request property's problems are shown: the id of the input (or group) and its error element. */
const TARGETS = {
  'format': 'format',
  'template': 'template',
  'fields': 'fields',
  'nationalId': 'nationalId',
  'destination': 'destination',
  'csvBom': 'csvBom',
  'filter.status': 'status',
  'filter.policy': 'policy',
  'filter.country': 'country',
  'filter.createdFrom': 'createdFrom',
  'filter.createdTo': 'createdTo',
  'filter.updatedFrom': 'updatedFrom',
  'filter.updatedTo': 'updatedTo',
  'filter.search': 'search',
};
/** Groups of controls have no single input: their error is linked from the group and focused on its first input. */
const GROUPS = { status: 'status-group', fields: 'fields-group' };

export class ExportForm {
  constructor(catalog) {
    this.catalog = catalog;
    this.form = byId('export-form');
    this.templates = new Map(catalog.templates.map((t) => [t.key, t.fields]));
    this.previewShown = false;
    this.busy = false;

    this.fillStatuses(catalog.statuses);
    this.fillSelect('format', catalog.formats.map((f) => [f, fmt.formatLabel(f)]), catalog.defaults.format);
    this.fillSelect('template', catalog.templates.map((t) => [t.key, templateLabel(t)]), catalog.defaults.template);
    // Only the policies this user may choose on this server (plain: ADMIN, and only where the server allows it).
    this.fillSelect('nationalId', catalog.allowedNationalIdPolicies.map((p) => [p, POLICY_LABELS[p] || p]),
      catalog.defaults.nationalId);
    this.fillSelect('destination', catalog.destinations.map((d) => [d, d === 'download' ? 'Download here' : d]),
      catalog.defaults.destination);

    this.fields = new FieldList(byId('field-list'), catalog.fields, () => this.changed());
    this.applyTemplate();

    this.listeners = [
      [byId('template'), 'change', () => { this.applyTemplate(); this.changed(); }],
      [byId('format'), 'change', () => this.syncBom()],
      [byId('fields-all'), 'click', () => this.fields.selectAll()],
      [byId('fields-none'), 'click', () => this.fields.clear()],
      [byId('preview-button'), 'click', () => this.preview()],
      [this.form, 'submit', (event) => { event.preventDefault(); this.start(); }],
      [this.form, 'input', () => this.changed()],
      [this.form, 'change', () => this.changed()],
    ];
    for (const [node, type, listener] of this.listeners) {
      node.addEventListener(type, listener);
    }
    this.syncBom();
  }

  /** Forgets everything (sign-out): listeners, values, preview, started jobs. */
  destroy() {
    for (const [node, type, listener] of this.listeners) {
      node.removeEventListener(type, listener);
    }
    this.form.reset();
    this.clearErrors();
    for (const id of ['status-options', 'format', 'template', 'nationalId', 'destination', 'field-list', 'job-cards']) {
      byId(id).replaceChildren();
    }
    replaceChildren(byId('preview-table').tHead);
    replaceChildren(byId('preview-table').tBodies[0]);
    byId('preview-summary').textContent = '';
    byId('form-busy').textContent = '';
    show(byId('preview'), false);
    show(byId('started'), false);
    show(byId('fields-custom'), false);
  }

  fillStatuses(statuses) {
    replaceChildren(byId('status-options'), statuses.map((status) => el('label', { class: 'check' },
      el('input', { type: 'checkbox', name: 'status', value: status, id: `status-${status}` }), ' ', status)));
  }

  fillSelect(id, options, selected) {
    const select = byId(id);
    replaceChildren(select, options.map(([value, label]) => el('option', { value, text: label })));
    if (options.some(([value]) => value === selected)) {
      select.value = selected;
    }
  }

  applyTemplate() {
    this.fields.set(this.templates.get(byId('template').value) || []);
  }

  syncBom() {
    const csv = byId('format').value === 'csv';
    const bom = byId('csvBom');
    bom.disabled = !csv;
    if (!csv) {
      bom.checked = false;
    }
  }

  changed() {
    const custom = !sameList(this.fields.selected(), this.templates.get(byId('template').value) || []);
    show(byId('fields-custom'), custom);
    if (this.previewShown) {
      show(byId('preview-stale'), true);
    }
  }

  /** The export request for what the form says. `fields` only when the columns differ from the template's. */
  request() {
    const value = (id) => byId(id).value.trim();
    const list = (id) => value(id).split(',').map((v) => v.trim()).filter(Boolean);
    const request = { format: value('format'), template: value('template') };
    const fields = this.fields.selected();
    if (!sameList(fields, this.templates.get(request.template) || [])) {
      request.fields = fields;
    }
    const filter = {};
    const statuses = [...this.form.querySelectorAll('input[name="status"]:checked')].map((c) => c.value);
    if (statuses.length) {
      filter.status = statuses;
    }
    if (list('policy').length) {
      filter.policy = list('policy');
    }
    if (list('country').length) {
      filter.country = list('country');
    }
    for (const id of ['createdFrom', 'createdTo', 'updatedFrom', 'updatedTo', 'search']) {
      if (value(id)) {
        filter[id] = value(id);
      }
    }
    if (Object.keys(filter).length) {
      request.filter = filter;
    }
    request.nationalId = value('nationalId');
    request.destination = value('destination');
    if (request.format === 'csv' && byId('csvBom').checked) {
      request.csvBom = true;
    }
    return request;
  }

  async preview() {
    await this.submit('Checking…', async (request) => {
      const preview = await api.preview(request);
      this.showPreview(preview);
    });
  }

  async start() {
    await this.submit('Starting…', async (request) => {
      const job = await api.start(request);
      const card = new JobCard(job);
      const cards = byId('job-cards');
      cards.prepend(card.element);
      show(byId('started'), true);
      announce('Export started.');
      card.element.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    });
  }

  async submit(busyText, action) {
    if (this.busy) {
      return;
    }
    this.busy = true;
    const buttons = [byId('preview-button'), byId('start-button')];
    buttons.forEach((b) => { b.disabled = true; });
    byId('form-busy').textContent = busyText;
    this.clearErrors();
    try {
      await action(this.request());
      byId('form-busy').textContent = '';
    } catch (e) {
      byId('form-busy').textContent = '';
      this.showErrors(e);
    } finally {
      buttons.forEach((b) => { b.disabled = false; });
      this.busy = false;
    }
  }

  showPreview(preview) {
    const table = byId('preview-table');
    replaceChildren(table.tHead, el('tr', {}, preview.fields.map((f) => el('th', { scope: 'col', text: f.label }))));
    replaceChildren(table.tBodies[0], preview.rows.map((row) => el('tr', {}, row.map((value) => cell(value)))));
    const shown = preview.rows.length;
    byId('preview-summary').replaceChildren(
      el('strong', { class: 'preview-count', text: fmt.count(preview.count) }),
      ` lead${preview.count === 1 ? '' : 's'} match. `,
      shown ? `The first ${shown} as they will be exported:` : 'Nothing would be exported.');
    show(table.parentElement, shown > 0);
    show(byId('preview-stale'), false);
    show(byId('preview'), true);
    this.previewShown = true;
  }

  clearErrors() {
    show(byId('form-error'), false);
    byId('form-error-message').textContent = '';
    byId('form-error-list').replaceChildren();
    for (const node of this.form.querySelectorAll('.field-error')) {
      node.textContent = '';
      node.hidden = true;
    }
    for (const node of this.form.querySelectorAll('[aria-invalid]')) {
      node.removeAttribute('aria-invalid');
    }
    for (const node of this.form.querySelectorAll('.invalid')) {
      node.classList.remove('invalid');
    }
  }

  /** Problem details: each error next to its field, and a summary at the top that links to them. */
  showErrors(error) {
    if (error instanceof ApiError && error.status === 401) {
      return; // signed out: the sign-in form says so
    }
    const summary = byId('form-error');
    const list = byId('form-error-list');
    const errors = error instanceof ApiError ? error.errors : [];
    let first = null;
    for (const problem of errors) {
      const path = String(problem.field || '');
      const target = TARGETS[path.replace(/\[\d+\]$/, '')];
      const message = describe(problem, path, this.request());
      if (target) {
        const errorNode = byId(`${target}-error`);
        if (errorNode.textContent) {
          errorNode.append(el('br'));
        }
        errorNode.append(message);
        errorNode.hidden = false;
        const control = byId(GROUPS[target] || target);
        if (GROUPS[target]) {
          control.classList.add('invalid');
        } else {
          control.setAttribute('aria-invalid', 'true');
          if (!(control.getAttribute('aria-describedby') || '').includes(errorNode.id)) {
            control.setAttribute('aria-describedby',
              `${control.getAttribute('aria-describedby') || ''} ${errorNode.id}`.trim());
          }
        }
        first = first || control;
        const focusId = GROUPS[target] ? (control.querySelector('input') || control).id : target;
        list.append(el('li', {}, el('a', {
          href: `#${focusId}`,
          onclick: (event) => { event.preventDefault(); byId(focusId).focus(); },
        }, `${labelOf(target)}: ${message}`)));
      } else {
        list.append(el('li', { text: path ? `${path}: ${message}` : message }));
      }
    }
    const title = error instanceof ApiError && error.title ? error.title : 'Something went wrong';
    byId('form-error-message').replaceChildren(el('strong', { text: title }), '. ',
      errors.length ? 'Please check the highlighted fields.' : (error.detail || error.message || ''));
    summary.hidden = false;
    summary.focus();
  }
}

function describe(problem, path, request) {
  // The server names other fields by their paths ("is after filter.createdTo"): say what the form calls them.
  let message = String(problem.message || 'is not valid')
    .replace(/\bfilter\.[A-Za-z]+\b/g, (other) => (TARGETS[other] ? `“${labelOf(TARGETS[other])}”` : other));
  const column = /^fields\[(\d+)\]$/.exec(path);
  if (column && request.fields) {
    message = `column ${Number(column[1]) + 1}: ${message}`;
  }
  if (Array.isArray(problem.allowed) && problem.allowed.length && problem.allowed.length <= 20) {
    message += ` (allowed: ${problem.allowed.join(', ')})`;
  }
  return message;
}

function labelOf(target) {
  const group = GROUPS[target];
  const node = group ? byId(group).querySelector('legend') : document.querySelector(`label[for="${target}"]`);
  if (!node) {
    return target;
  }
  const copy = node.cloneNode(true);
  copy.querySelectorAll('.hint, .badge, input').forEach((n) => n.remove());
  return copy.textContent.trim();
}

function cell(value) {
  if (value === null || value === undefined || value === '') {
    return el('td', { class: 'empty' }, el('span', { class: 'visually-hidden', text: 'empty' }));
  }
  const text = String(value);
  return el('td', { title: text.length > 40 ? text.slice(0, 500) : null }, el('span', { class: 'cell', text }));
}

function templateLabel(template) {
  const names = { full: 'Full (every field)', basic: 'Basic', crm: 'CRM import' };
  return `${names[template.key] || template.key} · ${template.fields.length} columns`;
}

function sameList(a, b) {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
