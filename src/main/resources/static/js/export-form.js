// The "New export" form: built from the field catalog and the values in the data, turned into an export request
// (docs/api.md, "The export request"), previewed and started. Only the Start export button starts an export (Enter
// in a field previews), and each filling of the form carries one Idempotency-Key, so a repeated click answers the
// same job. Problems the server finds are shown next to the field they concern; values no lead has are questioned.

import { api, ApiError } from './api.js';
import { confirmAction } from './confirm.js';
import { announce, byId, el, replaceChildren, show } from './dom.js';
import { FieldList } from './field-list.js';
import * as fmt from './format.js';
import { cardOf, JobCard } from './job-card.js';
import { columnsText } from './request-summary.js';
import { LeadValues } from './values.js';

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

/** Relative date ranges, as [from, to] days (yyyy-MM-dd) in the business zone, weeks from Monday. */
const DAY_MS = 86_400_000;
const RANGES = {
  any: () => ['', ''],
  today: (today) => [today, today],
  'last-7-days': (today) => [addDays(today, -6), today],
  'last-week': (today) => {
    const monday = addDays(today, -((fmt.dayOf(today).getUTCDay() + 6) % 7));
    return [addDays(monday, -7), addDays(monday, -1)];
  },
  'this-month': (today) => [`${today.slice(0, 8)}01`, today],
  'last-month': (today) => {
    const firstOfThis = fmt.dayOf(`${today.slice(0, 8)}01`);
    const lastOfPrevious = new Date(firstOfThis.getTime() - DAY_MS);
    return [`${fmt.isoDay(lastOfPrevious).slice(0, 8)}01`, fmt.isoDay(lastOfPrevious)];
  },
};

function addDays(day, days) {
  return fmt.isoDay(new Date(fmt.dayOf(day).getTime() + days * DAY_MS));
}

function newKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export class ExportForm {
  constructor(catalog, values) {
    this.catalog = catalog;
    this.values = new LeadValues(values);
    this.form = byId('export-form');
    this.templates = new Map(catalog.templates.map((t) => [t.key, t.fields]));
    this.descriptions = new Map((catalog.destinationDescriptions || []).map((d) => [d.name, d.description]));
    this.previewShown = false;
    this.busy = false;
    this.idempotencyKey = newKey();
    this.questioned = null;
    /** Other modules' additions to the request (hand-off.js: "notify"). */
    this.extensions = [];

    this.fillStatuses(catalog.statuses);
    this.fillPicks('policy');
    this.fillPicks('country');
    for (const id of ['created-zone', 'updated-zone']) {
      byId(id).textContent = `Whole days in ${fmt.zoneText()}`;
    }
    this.fillSelect('format', catalog.formats.map((f) => [f, fmt.formatLabel(f)]), catalog.defaults.format);
    this.fillSelect('template', catalog.templates.map((t) => [t.key, templateLabel(t)]), catalog.defaults.template);
    // Only the policies this user may choose on this server (plain: ADMIN, and only where the server allows it).
    this.fillSelect('nationalId', catalog.allowedNationalIdPolicies.map((p) => [p, POLICY_LABELS[p] || p]),
      catalog.defaults.nationalId);
    this.fillSelect('destination', catalog.destinations.map((d) => [d, destinationLabel(d)]),
      catalog.defaults.destination);

    this.fields = new FieldList(byId('field-list'), catalog.fields, () => this.changed());
    this.template = byId('template').value;
    this.applyTemplate();

    this.listeners = [
      [byId('template'), 'change', () => this.templateChanged()],
      [byId('format'), 'change', () => this.syncBom()],
      [byId('destination'), 'change', () => this.syncDestination()],
      [byId('created-range'), 'change', () => this.applyRange('created')],
      [byId('updated-range'), 'change', () => this.applyRange('updated')],
      [byId('fields-all'), 'click', () => this.fields.selectAll()],
      [byId('fields-none'), 'click', () => this.fields.clear()],
      [byId('start-button'), 'click', () => this.start()],
      // Enter in a field submits the form: that previews. Only the Start export button starts an export.
      [this.form, 'submit', (event) => { event.preventDefault(); this.preview(); }],
      [this.form, 'input', (event) => this.edited(event)],
      [this.form, 'change', (event) => this.edited(event)],
      [document, 'export-again', (event) => this.fill(event.detail.request, event.detail.from)],
    ];
    for (const [node, type, listener] of this.listeners) {
      node.addEventListener(type, listener);
    }
    this.syncBom();
    this.syncDestination();
  }

  /** Forgets everything (sign-out): listeners, values, preview, started jobs. */
  destroy() {
    for (const [node, type, listener] of this.listeners) {
      node.removeEventListener(type, listener);
    }
    this.form.reset();
    this.clearErrors();
    for (const id of ['status-options', 'policy-picks', 'country-picks', 'format', 'template', 'nationalId',
      'destination', 'field-list', 'job-cards', 'destination-hint']) {
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
      el('input', { type: 'checkbox', name: 'status', value: status, id: `status-${status}` }), ' ', status,
      el('span', { class: 'count', text: fmt.count(this.values.leads('status', status)) }))));
  }

  /** The values present in the data, as toggle buttons that add or remove them from the text input. */
  fillPicks(kind) {
    const values = this.values.list(kind);
    const input = byId(kind);
    const picks = values.map((v) => el('button', {
      type: 'button', class: 'pick', 'aria-pressed': 'false', dataset: { value: v.value },
      'aria-label': `${v.value}, ${v.leads} leads`,
      onclick: () => {
        const current = listOf(input.value);
        const has = current.some((c) => sameValue(kind, c, v.value));
        const next = has ? current.filter((c) => !sameValue(kind, c, v.value)) : [...current, v.value];
        input.value = next.join(', ');
        input.dispatchEvent(new Event('input', { bubbles: true }));
      },
    }, v.value, el('span', { class: 'count', 'aria-hidden': 'true', text: fmt.count(v.leads) })));
    replaceChildren(byId(`${kind}-picks`), picks.length ? picks
      : el('span', { class: 'hint', text: 'No lead has one yet.' }));
    this.syncPicks(kind);
  }

  syncPicks(kind) {
    const current = listOf(byId(kind).value);
    for (const button of byId(`${kind}-picks`).querySelectorAll('button.pick')) {
      button.setAttribute('aria-pressed', String(current.some((c) => sameValue(kind, c, button.dataset.value))));
    }
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
    this.template = byId('template').value;
  }

  /** A new template replaces the columns, but never silently throws away columns the person picked. */
  async templateChanged() {
    const previous = this.templates.get(this.template) || [];
    const picked = this.fields.selected();
    const custom = !sameList(picked, previous);
    const next = byId('template').value;
    if (custom && !sameList(picked, this.templates.get(next) || [])) {
      const replace = await confirmAction({
        title: 'Replace your columns?',
        message: `You picked ${picked.length} column${picked.length === 1 ? '' : 's'} by hand. The ${next} template `
          + `has ${(this.templates.get(next) || []).length}: use the template's columns, or keep yours?`,
        confirm: `Use the ${next} columns`,
        cancel: 'Keep my columns',
      });
      if (!replace) {
        this.template = next;
        this.changed();
        announce(`Template ${next}; your ${picked.length} columns are kept.`);
        return;
      }
    }
    this.applyTemplate();
    this.changed();
  }

  /** Sets a date range from a relative choice (today, last 7 days…), in the business zone. */
  applyRange(prefix) {
    const choice = byId(`${prefix}-range`).value;
    const range = RANGES[choice];
    if (!range) {
      return;
    }
    const [from, to] = range(fmt.businessToday());
    byId(`${prefix}From`).value = from;
    byId(`${prefix}To`).value = to;
    announce(`${prefix === 'created' ? 'Created' : 'Updated'} from ${from} to ${to}.`);
    this.changed();
  }

  syncDestination() {
    const name = byId('destination').value;
    byId('destination-hint').textContent = this.descriptions.get(name) || '';
  }

  syncBom() {
    const csv = byId('format').value === 'csv';
    const bom = byId('csvBom');
    bom.disabled = !csv;
    if (!csv) {
      bom.checked = false;
    }
  }

  /** Any edit makes a new request: it gets a key of its own, and values are questioned again. */
  edited(event) {
    const id = event.target && event.target.id ? event.target.id : '';
    const date = /^(created|updated)(From|To)$/.exec(id);
    if (date && event.type === 'input') {
      // A date typed by hand is no longer the preset.
      byId(`${date[1]}-range`).value = '';
    }
    if (id === 'policy' || id === 'country') {
      this.syncPicks(id);
    }
    this.changed();
  }

  changed() {
    this.idempotencyKey = newKey();
    const custom = !sameList(this.fields.selected(), this.templates.get(byId('template').value) || []);
    byId('fields-custom').textContent = custom ? columnsText({ template: byId('template').value,
      fields: this.fields.selected() }) : '';
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
    this.extensions.forEach((extend) => extend(request));
    return request;
  }

  async preview() {
    await this.submit('Checking…', async (request) => {
      this.questionValues(request);
      const preview = await api.preview(request);
      this.showPreview(preview);
    });
  }

  async start() {
    await this.submit('Starting…', async (request) => {
      const asked = JSON.stringify(request);
      if (this.questionValues(request) && this.questioned !== asked) {
        // Asked once: pressing Start export again with the same values exports anyway.
        this.questioned = asked;
        byId('values-question').hidden = false;
        byId('values-question').focus();
        return;
      }
      this.questioned = null;
      const key = this.idempotencyKey;
      const job = await api.start(request, key);
      const existing = cardOf(job.id);
      if (existing) {
        existing.update(job);
        existing.element.classList.remove('flash');
        void existing.element.offsetWidth;
        existing.element.classList.add('flash');
        byId('form-busy').textContent = '';
        announce('This export was already started: its card is shown.');
        existing.element.scrollIntoView({ block: 'nearest' });
        return;
      }
      this.showCard(job);
      announce('Export started.');
    });
  }

  /** A job card in "Exports started here" (new ones first). */
  showCard(job) {
    if (cardOf(job.id)) {
      return;
    }
    const card = new JobCard(job);
    byId('job-cards').prepend(card.element);
    show(byId('started'), true);
    card.element.scrollIntoView({ block: 'nearest' });
  }

  /**
   * Warns next to policy and country about values no lead has, with the value it probably meant. Returns whether
   * there was any.
   */
  questionValues(request) {
    const filter = request.filter || {};
    let any = false;
    for (const kind of ['policy', 'country']) {
      const node = byId(`${kind}-question`);
      const unknown = this.values.unknown(kind, filter[kind]);
      replaceChildren(node, unknown.map(({ value, suggestion }) => el('p', { class: 'question' },
        `No lead has ${kind} “${value}”.`,
        suggestion ? [' Did you mean ', el('button', {
          type: 'button', class: 'link-button use-suggestion', dataset: { value, suggestion },
          onclick: () => this.useSuggestion(kind, value, suggestion),
        }, suggestion), '?'] : ' Pick one of the values below.')));
      show(node, unknown.length > 0);
      any = any || unknown.length > 0;
    }
    if (!any) {
      byId('values-question').hidden = true;
    }
    return any;
  }

  useSuggestion(kind, value, suggestion) {
    const input = byId(kind);
    input.value = listOf(input.value).map((v) => (v === value ? suggestion : v))
      .filter((v, i, all) => all.findIndex((o) => sameValue(kind, o, v)) === i).join(', ');
    input.dispatchEvent(new Event('input', { bubbles: true }));
    this.questionValues(this.request());
    input.focus();
    announce(`${kind} ${suggestion} instead of ${value}.`);
  }

  /** Fills the form with a request ("Export again"), as it was asked, and shows it. */
  fill(request, from) {
    const filter = request.filter || {};
    const choose = (id, value) => {
      const select = byId(id);
      if (value !== undefined && value !== null && [...select.options].some((o) => o.value === value)) {
        select.value = value;
      }
    };
    this.form.reset();
    this.clearErrors();
    choose('format', request.format || this.catalog.defaults.format);
    choose('template', request.template || this.catalog.defaults.template);
    this.applyTemplate();
    if (Array.isArray(request.fields)) {
      this.fields.set(request.fields);
    }
    for (const box of this.form.querySelectorAll('input[name="status"]')) {
      box.checked = (filter.status || []).includes(box.value);
    }
    byId('policy').value = (filter.policy || []).join(', ');
    byId('country').value = (filter.country || []).join(', ');
    for (const id of ['createdFrom', 'createdTo', 'updatedFrom', 'updatedTo', 'search']) {
      byId(id).value = filter[id] || '';
    }
    choose('nationalId', request.nationalId || this.catalog.defaults.nationalId);
    choose('destination', request.destination || this.catalog.defaults.destination);
    this.syncBom();
    byId('csvBom').checked = Boolean(request.csvBom) && byId('format').value === 'csv';
    this.syncDestination();
    this.syncPicks('policy');
    this.syncPicks('country');
    this.questionValues(this.request());
    this.changed();
    document.dispatchEvent(new CustomEvent('show-tab', { detail: 'new' }));
    const note = byId('form-filled');
    note.textContent = `The form holds the request of ${from || 'an earlier export'}. Check it, then Preview or Start export.`;
    show(note, true);
    note.focus();
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
    byId('preview').classList.toggle('zero-rows', preview.count === 0);
    replaceChildren(table.tHead, el('tr', {}, preview.fields.map((f) => el('th', { scope: 'col', text: f.label }))));
    replaceChildren(table.tBodies[0], preview.rows.map((row) => el('tr', {}, row.map((value) => cell(value)))));
    const shown = preview.rows.length;
    byId('preview-summary').replaceChildren(
      el('strong', { class: 'preview-count', text: fmt.count(preview.count) }),
      ` lead${preview.count === 1 ? '' : 's'} match. `,
      shown ? `The first ${shown} as they will be exported:` : '');
    const empty = byId('preview-empty');
    show(empty, preview.count === 0);
    show(table.parentElement, shown > 0);
    show(byId('preview-stale'), false);
    show(byId('preview'), true);
    this.previewShown = true;
  }

  clearErrors() {
    show(byId('form-error'), false);
    show(byId('form-filled'), false);
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
  const names = {
    full: 'Full (every field)', basic: 'Basic', crm: 'CRM import',
    salesforce: 'Salesforce leads import', hubspot: 'HubSpot contacts import',
  };
  const columns = template.crmColumns ? template.crmColumns.length : template.fields.length;
  return `${names[template.key] || template.key} · ${columns} columns`;
}

function destinationLabel(name) {
  if (name === 'download') {
    return 'Download here';
  }
  return name === 'outbox' ? 'Outbox folder (outbox)' : name;
}

function listOf(text) {
  return String(text).split(',').map((v) => v.trim()).filter(Boolean);
}

function sameValue(kind, a, b) {
  return kind === 'country' ? a.toUpperCase() === b.toUpperCase() : a.toLowerCase() === b.toLowerCase();
}

function sameList(a, b) {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
