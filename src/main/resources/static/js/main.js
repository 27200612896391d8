// The admin page: sign in, then the tabs: New export, My exports, History (ADMIN)... All data comes from the API.
//
// Adding a tab: a <button role="tab" id="tab-NAME" data-role="ADMIN"?> and a <section role="tabpanel"
// id="panel-NAME"> in index.html, and a line in TAB_CONTROLLERS below: a controller has open() (the tab is shown),
// close() (another tab is) and destroy() (sign-out). The URL's #NAME keeps the tab across a reload.

import { api, ApiError, resume, signIn, signOut, whenUnauthorized } from './api.js';
import { announce, byId, show } from './dom.js';
import { AuditTab } from './audit-tab.js';
import { ExportForm } from './export-form.js';
import * as fmt from './format.js';
import { HandOff } from './hand-off.js';
import { HistoryTab } from './history-tab.js';
import { InboxTab } from './inbox-tab.js';
import { JobCard, stopAll } from './job-card.js';
import { JobsTab } from './jobs-tab.js';
import { useCatalog } from './request-summary.js';
import { SchedulesTab } from './schedules-tab.js';

/** The controller of each tab that has one, made after sign-in from the field catalog. */
const TAB_CONTROLLERS = {
  jobs: (catalog) => new JobsTab(catalog),
  history: () => new HistoryTab(),
  audit: () => new AuditTab(),
  schedules: () => new SchedulesTab(),
  inbox: () => new InboxTab(),
};

let session = null;

/** The session this browser has (a reload) comes back as it was; without one, the sign-in form. */
async function start() {
  byId('sign-in-form').addEventListener('submit', onSignIn);
  byId('sign-out').addEventListener('click', onSignOut);
  whenUnauthorized(() => end('Your session has ended (signed out, or idle for too long). Please sign in again.', true));
  document.addEventListener('show-tab', (event) => selectTab(event.detail, true));
  setUpTabs();
  try {
    if (await resume()) {
      await begin(await api.fields());
      return;
    }
  } catch (e) {
    end(e instanceof ApiError ? e.message : `The server could not be reached: ${e.message}`, true);
    return;
  }
  showSignIn();
}

function showSignIn() {
  show(byId('sign-in'), true);
  byId('username').focus();
}

async function onSignOut() {
  await signOut();
  end('You are signed out.');
}

async function onSignIn(event) {
  event.preventDefault();
  const username = byId('username').value.trim();
  const password = byId('password').value;
  if (!username || !password) {
    note('Enter your username and password.', true);
    return;
  }
  const button = byId('sign-in-button');
  button.disabled = true;
  try {
    await signIn(username, password);
    byId('password').value = '';
    show(byId('sign-in-error'), false);
    await begin(await api.fields());
  } catch (e) {
    note(e instanceof ApiError ? e.message : `Sign-in failed: ${e.message}`, true);
    byId('password').select();
  } finally {
    button.disabled = false;
  }
}

/** Shows the page for the signed-in user: the tab of the URL (or New export) and the exports still running. */
async function begin(catalog) {
  const roles = catalog.user.roles;
  fmt.useZone(catalog.zone);
  useCatalog(catalog);
  const values = await api.values().catch(() => null);
  const tabs = {};
  for (const tab of tabButtons()) {
    const name = tabName(tab);
    const allowed = !tab.dataset.role || roles.includes(tab.dataset.role);
    show(tab, allowed);
    if (allowed && TAB_CONTROLLERS[name]) {
      tabs[name] = TAB_CONTROLLERS[name](catalog);
    }
  }
  const form = new ExportForm(catalog, values);
  session = { form, handOff: new HandOff(form, catalog), tabs };
  byId('session-user').textContent = catalog.user.username;
  byId('session-roles').textContent = roles.join(', ');
  byId('session-zone').textContent = `Times in ${fmt.zoneText()}`;
  show(byId('sign-in'), false);
  show(byId('session'), true);
  show(byId('app'), true);
  const wanted = location.hash.slice(1);
  const first = tabButtons().some((t) => tabName(t) === wanted && !t.hidden) ? wanted : 'new';
  selectTab(first, true);
  byId(`tab-${first}`).focus();
  announce(`Signed in as ${catalog.user.username}.`);
  await restoreRunning(catalog.user.username);
}

/** Exports this user started that are still queued or running come back as live cards (after a reload). */
async function restoreRunning(username) {
  try {
    const page = await api.jobs({ user: username, status: 'queued,running', size: 20 });
    for (const job of page.items.slice().reverse()) {
      if (job.requestedBy === username && session) {
        session.form.showCard(job);
      }
    }
  } catch (e) {
    // The cards are a convenience: My exports lists the same jobs.
  }
}

/** Back to the sign-in form (signed out, or the session ended): forgets everything shown in the session. */
function end(message, isError = false) {
  stopAll();
  if (session) {
    session.handOff.destroy();
    session.form.destroy();
    for (const controller of Object.values(session.tabs)) {
      controller.destroy();
    }
    session = null;
  }
  show(byId('app'), false);
  show(byId('session'), false);
  byId('session-user').textContent = '';
  byId('session-roles').textContent = '';
  for (const tab of tabButtons()) {
    show(tab, !tab.dataset.role);
  }
  note(message, isError);
  byId('password').value = '';
  showSignIn();
}

/** The message above the sign-in form: an error, or news such as "You are signed out." */
function note(message, isError) {
  const node = byId('sign-in-error');
  node.textContent = message;
  node.classList.toggle('error', isError);
  node.classList.toggle('info', !isError);
  show(node, true);
}

// Tabs (WAI-ARIA pattern): arrow keys, Home and End move between tabs; the selected tab is the only one in the
// tab order.

function tabButtons() {
  return [...document.querySelectorAll('#app [role="tab"]')];
}

function tabName(tab) {
  return tab.id.replace(/^tab-/, '');
}

function setUpTabs() {
  for (const tab of tabButtons()) {
    const name = tabName(tab);
    tab.addEventListener('click', () => selectTab(name, true));
    tab.addEventListener('keydown', (event) => {
      const visible = tabButtons().filter((t) => !t.hidden).map(tabName);
      const index = visible.indexOf(name);
      let next = null;
      if (event.key === 'ArrowRight') {
        next = visible[(index + 1) % visible.length];
      } else if (event.key === 'ArrowLeft') {
        next = visible[(index - 1 + visible.length) % visible.length];
      } else if (event.key === 'Home') {
        next = visible[0];
      } else if (event.key === 'End') {
        next = visible[visible.length - 1];
      }
      if (next) {
        event.preventDefault();
        selectTab(next, true);
        byId(`tab-${next}`).focus();
      }
    });
  }
}

function selectTab(name, load) {
  for (const tab of tabButtons()) {
    const other = tabName(tab);
    const selected = other === name;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    show(byId(`panel-${other}`), selected);
    const controller = session && session.tabs[other];
    if (controller && !selected) {
      controller.close();
    }
  }
  // The tab is in the URL, so a reload comes back to it.
  history.replaceState(null, '', name === 'new' ? location.pathname + location.search : `#${name}`);
  const controller = session && session.tabs[name];
  if (controller && load) {
    controller.open();
  }
}

start();
