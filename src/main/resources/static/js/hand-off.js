// Handing exports on: saved presets (save the form, pick one to fill it, share one as an ADMIN), the e-mail choice,
// what a CRM profile template writes, and links that open a job (#/jobs/<id>, as in notification e-mails).
// Everything is built here and added to the New export form; the form itself stays in export-form.js.

import { api, ApiError } from './api.js';
import { announce, byId, el, replaceChildren, show } from './dom.js';
import { JobCard } from './job-card.js';

const JOB_LINK = /^#\/jobs\/([0-9a-fA-F-]{36})$/;

export class HandOff {
  constructor(form, catalog) {
    this.form = form;
    this.admin = catalog.user.roles.includes('ADMIN');
    this.username = catalog.user.username;
    this.profiles = new Map(catalog.templates.filter((t) => t.crmColumns).map((t) => [t.key, t.crmColumns]));
    this.presets = [];

    this.notify = el('input', { type: 'checkbox', id: 'notify', name: 'notify', checked: true });
    this.notifyField = el('div', { class: 'field check-field', id: 'notify-field' },
      el('label', { for: 'notify' }, this.notify, ' E-mail me when a background export ends'));
    byId('csvBom').closest('.grid-2').after(this.notifyField);

    this.profileNote = el('p', { id: 'crm-profile-note', class: 'notice info', hidden: true });
    byId('template-hint').after(this.profileNote);

    this.card = this.presetCard();
    // Below the form's actions: the filters, columns and Start export stay where people expect them, and a keyboard
    // user reaches Start export from Template without passing through the presets.
    this.form.form.querySelector('.actions').after(this.card);

    this.onTemplate = () => this.showProfile();
    byId('template').addEventListener('change', this.onTemplate);
    this.onHash = () => this.openLinkedJob();
    window.addEventListener('hashchange', this.onHash);
    form.extensions.push((request) => {
      if (!this.notify.checked) {
        request.notify = false;
      }
    });
    this.showProfile();
    this.loadPresets();
    this.openLinkedJob();
  }

  destroy() {
    byId('template').removeEventListener('change', this.onTemplate);
    window.removeEventListener('hashchange', this.onHash);
    this.card.remove();
    this.notifyField.remove();
    this.profileNote.remove();
    byId('fields-group').disabled = false;
  }

  presetCard() {
    this.select = el('select', { id: 'preset-select', 'aria-describedby': 'preset-hint' });
    this.name = el('input', {
      id: 'preset-name', pattern: '[a-z0-9-]{1,64}', maxlength: '64', autocapitalize: 'none', spellcheck: 'false',
      'aria-describedby': 'preset-name-hint',
    });
    this.shared = el('input', { type: 'checkbox', id: 'preset-shared' });
    this.status = el('p', { id: 'preset-status', class: 'hint', 'aria-live': 'polite' });
    return el('fieldset', { class: 'card presets', id: 'presets' },
      el('legend', { text: 'Presets' }),
      el('div', { class: 'grid-2' },
        el('div', { class: 'field' },
          el('label', { for: 'preset-select', text: 'Saved preset' }), this.select,
          el('p', { id: 'preset-hint', class: 'hint', text: 'Fills the form; you can change it before starting' }),
          el('div', { class: 'inline-actions' },
            el('button', { type: 'button', class: 'button small secondary', id: 'preset-apply',
              onclick: () => this.apply() }, 'Fill the form'),
            el('button', { type: 'button', class: 'button small secondary', id: 'preset-delete',
              onclick: () => this.remove() }, 'Delete'))),
        el('div', { class: 'field' },
          el('label', { for: 'preset-name', text: 'Save the form as' }), this.name,
          el('p', { id: 'preset-name-hint', class: 'hint', text: 'a-z, 0-9 and -; the destination is not saved' }),
          this.admin ? el('label', { class: 'check', for: 'preset-shared' }, this.shared, ' Shared with everyone')
            : null,
          el('div', { class: 'inline-actions' },
            el('button', { type: 'button', class: 'button small secondary', id: 'preset-save',
              onclick: () => this.save() }, 'Save preset')))),
      this.status);
  }

  async loadPresets(selected) {
    try {
      this.presets = (await api.presets()).items;
    } catch (e) {
      this.say(e);
      return;
    }
    replaceChildren(this.select, el('option', { value: '', text: this.presets.length ? 'Choose…' : 'None saved yet' }),
      this.presets.map((p, i) => el('option', {
        value: String(i),
        text: p.shared ? `${p.name} (shared by ${p.owner})` : p.name,
      })));
    const index = this.presets.findIndex((p) => p.name === selected && (p.owner === this.username || p.shared));
    this.select.value = index >= 0 ? String(index) : '';
  }

  chosen() {
    return this.select.value === '' ? null : this.presets[Number(this.select.value)];
  }

  apply() {
    const preset = this.chosen();
    if (!preset) {
      this.status.textContent = 'Choose a preset first.';
      return;
    }
    this.form.fill(preset.request, `preset “${preset.name}”`);
    this.notify.checked = preset.request.notify !== false;
    this.name.value = preset.name;
    this.shared.checked = preset.shared;
    this.showProfile();
    this.status.textContent = `The form now holds preset “${preset.name}”.`;
  }

  async save() {
    const name = this.name.value.trim();
    const request = this.form.request();
    delete request.destination;
    try {
      const saved = await api.savePreset(name, { request, shared: this.admin && this.shared.checked });
      await this.loadPresets(saved.name);
      this.status.textContent = `Saved preset “${saved.name}”${saved.shared ? ', shared with everyone' : ''}.`;
      announce(this.status.textContent);
    } catch (e) {
      this.say(e);
    }
  }

  async remove() {
    const preset = this.chosen();
    if (!preset) {
      this.status.textContent = 'Choose a preset first.';
      return;
    }
    try {
      await api.deletePreset(preset.name);
      await this.loadPresets();
      this.status.textContent = `Deleted preset “${preset.name}”.`;
    } catch (e) {
      this.say(e);
    }
  }

  say(error) {
    if (error instanceof ApiError && error.status === 401) {
      return;
    }
    const details = error instanceof ApiError && error.errors && error.errors.length
      ? error.errors.map((p) => `${p.field}: ${p.message}`).join('; ') : (error.detail || error.message);
    this.status.textContent = `Not done: ${details}`;
    announce(this.status.textContent);
  }

  /** A CRM profile writes its CRM's columns, not the field list: say which, and lock the list. */
  showProfile() {
    const columns = this.profiles.get(byId('template').value);
    byId('fields-group').disabled = Boolean(columns);
    show(this.profileNote, Boolean(columns));
    if (columns) {
      this.profileNote.textContent = `This CRM profile writes the columns its import takes: ${
        columns.map((c) => c.header + (c.required ? ' (required)' : '')).join(', ')}.`;
    }
  }

  /** #/jobs/<id>: the job, watched live like one started here. */
  async openLinkedJob() {
    const match = JOB_LINK.exec(window.location.hash);
    if (!match || document.querySelector(`#job-cards [data-job-id="${match[1]}"]`)) {
      return;
    }
    try {
      const job = await api.job(match[1]);
      const card = new JobCard(job);
      byId('job-cards').prepend(card.element);
      show(byId('started'), true);
      card.element.scrollIntoView({ block: 'nearest' });
      announce(`Showing export ${job.id}.`);
    } catch (e) {
      this.status.textContent = e instanceof ApiError && e.status === 404
        ? 'The linked export does not exist, or is not yours.' : `The linked export could not be shown: ${e.message}`;
    }
  }
}
