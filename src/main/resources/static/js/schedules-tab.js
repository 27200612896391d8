// "Schedules" (ADMIN): every configured schedule with its next tick, its last run and its watermark; Run now, Pause
// and Resume. What a schedule does comes from the configuration; only its pause is changed here.

import { api, ApiError } from './api.js';
import { announce, byId, el, replaceChildren, show } from './dom.js';
import * as fmt from './format.js';

export class SchedulesTab {
  open() {
    this.load();
  }

  close() {
  }

  destroy() {
    byId('schedules-table').tBodies[0].replaceChildren();
    show(byId('schedules-error'), false);
  }

  async load() {
    try {
      const answer = await api.schedules();
      show(byId('schedules-error'), false);
      this.render(answer.items);
    } catch (e) {
      this.error(`Could not load the schedules: ${e.message}`, e);
    }
  }

  render(items) {
    const body = byId('schedules-table').tBodies[0];
    if (!items.length) {
      replaceChildren(body, el('tr', {}, el('td', {
        colspan: '7', class: 'empty-row', text: 'No schedules are configured (lead-export.schedules).',
      })));
      return;
    }
    replaceChildren(body, items.map((s) => el('tr', { dataset: { schedule: s.name, paused: String(s.paused) } },
      el('th', { scope: 'row' }, s.name, s.paused ? el('span', { class: 'badge', text: 'Paused' }) : null),
      el('td', {}, el('span', { text: s.description }), el('br'),
        el('code', { class: 'hint', text: `${s.cron} (${s.zone})` })),
      el('td', { text: s.destination + (s.incremental ? ' · incremental' : '') }),
      el('td', { class: 'next', text: s.paused ? 'Paused' : (s.nextFireAt ? fmt.dateTimeText(s.nextFireAt) : '–') }),
      el('td', { class: 'last' }, lastRun(s.lastRun)),
      el('td', { text: s.watermark ? fmt.dateTimeText(s.watermark) : '–' }),
      el('td', { class: 'actions' },
        el('button', {
          type: 'button', class: 'button small primary', dataset: { action: 'run' },
          onclick: () => this.act(s.name, 'run', `Schedule ${s.name} started.`),
        }, 'Run now'),
        s.paused
          ? el('button', {
            type: 'button', class: 'button small secondary', dataset: { action: 'resume' },
            onclick: () => this.act(s.name, 'resume', `Schedule ${s.name} resumed.`),
          }, 'Resume')
          : el('button', {
            type: 'button', class: 'button small secondary', dataset: { action: 'pause' },
            onclick: () => this.act(s.name, 'pause', `Schedule ${s.name} paused.`),
          }, 'Pause')))));
  }

  async act(name, action, done) {
    try {
      await api.schedule(name, action);
      show(byId('schedules-error'), false);
      announce(done);
      await this.load();
    } catch (e) {
      this.error(e instanceof ApiError && e.status === 409
        ? `A run of ${name} is already queued or running.` : `Could not ${action} ${name}: ${e.message}`, e);
    }
  }

  error(message, e) {
    if (e instanceof ApiError && e.status === 401) {
      return;
    }
    byId('schedules-error').textContent = message;
    show(byId('schedules-error'), true);
  }
}

function lastRun(run) {
  if (!run) {
    return 'Never run';
  }
  const when = run.finishedAt ? fmt.dateTimeText(run.finishedAt) : 'now';
  return el('span', { dataset: { status: run.status } },
    `${fmt.statusLabel(run.status)} · ${fmt.count(run.rows)} rows · ${when}`,
    run.error ? el('span', { class: 'error-text', text: ` · ${run.error}` }) : null);
}
