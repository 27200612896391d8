// The admin page: sign in, then New export / My exports / History, Schedules, Inbox (ADMIN). All data comes from the API.

import { ApiError, signIn, signOut, whenUnauthorized } from './api.js';
import { announce, byId, show } from './dom.js';
import { ExportForm } from './export-form.js';
import { HistoryTab } from './history-tab.js';
import { InboxTab } from './inbox-tab.js';
import { stopAll } from './job-card.js';
import { JobsTab } from './jobs-tab.js';
import { SchedulesTab } from './schedules-tab.js';

let session = null;

function start() {
  byId('sign-in-form').addEventListener('submit', onSignIn);
  byId('sign-out').addEventListener('click', () => end('You are signed out.'));
  whenUnauthorized(() => end('Your sign-in is no longer accepted. Please sign in again.', true));
  setUpTabs();
  byId('username').focus();
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
    const catalog = await signIn(username, password);
    byId('password').value = '';
    show(byId('sign-in-error'), false);
    begin(catalog);
  } catch (e) {
    note(e instanceof ApiError ? e.message : `Sign-in failed: ${e.message}`, true);
    byId('password').select();
  } finally {
    button.disabled = false;
  }
}

function begin(catalog) {
  const admin = catalog.user.roles.includes('ADMIN');
  session = {
    form: new ExportForm(catalog),
    tabs: {
      jobs: new JobsTab(catalog),
      history: admin ? new HistoryTab() : null,
      schedules: admin ? new SchedulesTab() : null,
      inbox: admin ? new InboxTab() : null,
    },
  };
  byId('session-user').textContent = catalog.user.username;
  byId('session-roles').textContent = catalog.user.roles.join(', ');
  for (const name of ADMIN_TABS) {
    show(byId(`tab-${name}`), admin);
  }
  show(byId('sign-in'), false);
  show(byId('session'), true);
  show(byId('app'), true);
  selectTab('new', false);
  byId('tab-new').focus();
  announce(`Signed in as ${catalog.user.username}.`);
}

/** Signs out: forgets the credentials and everything shown with them. */
function end(message, isError = false) {
  signOut();
  stopAll();
  if (session) {
    session.form.destroy();
    session.tabs.jobs.destroy();
    for (const name of ADMIN_TABS) {
      if (session.tabs[name]) {
        session.tabs[name].destroy();
      }
    }
    session = null;
  }
  show(byId('app'), false);
  show(byId('session'), false);
  byId('session-user').textContent = '';
  byId('session-roles').textContent = '';
  for (const name of ADMIN_TABS) {
    show(byId(`tab-${name}`), false);
  }
  show(byId('sign-in'), true);
  note(message, isError);
  byId('password').value = '';
  byId('username').focus();
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
const TABS = ['new', 'jobs', 'history', 'schedules', 'inbox'];
const ADMIN_TABS = ['history', 'schedules', 'inbox'];

function setUpTabs() {
  for (const name of TABS) {
    const tab = byId(`tab-${name}`);
    tab.addEventListener('click', () => selectTab(name, true));
    tab.addEventListener('keydown', (event) => {
      const visible = TABS.filter((t) => !byId(`tab-${t}`).hidden);
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
  for (const other of TABS) {
    const selected = other === name;
    const tab = byId(`tab-${other}`);
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    show(byId(`panel-${other}`), selected);
    const controller = session && session.tabs[other];
    if (controller && !selected) {
      controller.close();
    }
  }
  const controller = session && session.tabs[name];
  if (controller && load) {
    controller.open();
  }
}

start();
