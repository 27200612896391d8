// What an export request asked for, in words: the template and how the columns differ from it, the filter and the
// national-ID policy. Job cards, My exports and History all describe requests the same way.

import { el } from './dom.js';
import * as fmt from './format.js';

let templates = new Map();
let labels = new Map();

/** The templates and field labels of the field catalog. */
export function useCatalog(catalog) {
  templates = new Map(catalog.templates.map((t) => [t.key, t.fields]));
  labels = new Map(catalog.fields.map((f) => [f.key, f.label]));
}

export function fieldLabel(key) {
  return labels.get(key) || key;
}

const POLICY_TEXT = {
  masked: 'masked',
  encrypted: 'encrypted',
  omitted: 'omitted',
  plain: 'PLAIN (unmasked)',
};

export function nationalIdText(policy) {
  return POLICY_TEXT[policy] || String(policy || 'masked');
}

/**
 * The columns against the template: "crm template", "crm + Status", "basic − Email", or "custom, based on crm"
 * when they were reordered or changed both ways. A crm export with an added column is never just "crm".
 */
export function columnsText(request) {
  const template = request.template || 'full';
  const base = templates.get(template) || [];
  const fields = Array.isArray(request.fields) ? request.fields : base;
  const same = fields.length === base.length && fields.every((f, i) => f === base[i]);
  if (same) {
    return `${template} template`;
  }
  const added = fields.filter((f) => !base.includes(f));
  const removed = base.filter((f) => !fields.includes(f));
  const kept = fields.filter((f) => base.includes(f));
  const inOrder = kept.every((f, i) => f === base.filter((b) => fields.includes(b))[i]);
  if (inOrder && (added.length === 0 || removed.length === 0)) {
    return added.length
      ? `${template} + ${added.map(fieldLabel).join(', ')}`
      : `${template} − ${removed.map(fieldLabel).join(', ')}`;
  }
  return `custom columns, based on ${template}`;
}

/** Every column, in file order. */
export function columnList(request) {
  const fields = Array.isArray(request.fields) ? request.fields : templates.get(request.template || 'full') || [];
  return fields.map(fieldLabel).join(', ');
}

/** status new, qualified · created 2024-01-08 to 2024-01-14 · "smith"; null when unfiltered. */
export function filterSummary(filter) {
  if (!filter || typeof filter !== 'object') {
    return null;
  }
  const parts = [];
  const list = (name, values) => {
    if (Array.isArray(values) && values.length) {
      parts.push(`${name} ${values.join(', ')}`);
    }
  };
  const range = (name, from, to) => {
    if (from || to) {
      parts.push(`${name} ${from || '…'} to ${to || '…'}`);
    }
  };
  list('status', filter.status);
  list('policy', filter.policy);
  list('country', filter.country);
  range('created', filter.createdFrom, filter.createdTo);
  range('updated', filter.updatedFrom, filter.updatedTo);
  if (filter.search) {
    parts.push(`“${filter.search}”`);
  }
  return parts.length ? parts.join(' · ') : null;
}

/** CSV · crm + Status */
export function exportTitle(request) {
  return `${fmt.formatLabel(request.format || 'csv')} · ${columnsText(request)}`;
}

/** A small definition list: filter, columns, national ID. */
export function requestFacts(request) {
  const filter = filterSummary(request.filter);
  const row = (term, value, className) => el('div', { class: className },
    el('dt', { text: term }), el('dd', { text: value }));
  return el('dl', { class: 'request-facts' },
    row('Filter', filter || 'all leads', 'fact-filter'),
    row('Columns', `${columnsText(request)}: ${columnList(request)}`, 'fact-columns'),
    row('National ID', nationalIdText(request.nationalId), 'fact-national-id'));
}
