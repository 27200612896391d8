// Numbers, sizes, durations and dates for people, in the browser's locale. Times are shown in the business zone
// (the server's lead-export.zone: whole-day filters and the times in file names use it) and always name it; the
// browser's own time is in the tooltip.

import { el } from './dom.js';

const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
let businessZone = 'UTC';
let dateTime = zoned(businessZone, true);
let time = zoned(businessZone, false);
const localDateTime = zoned(browserZone, true);

function zoned(zone, withDate) {
  return new Intl.DateTimeFormat(undefined, {
    year: withDate ? 'numeric' : undefined, month: withDate ? 'short' : undefined, day: withDate ? 'numeric' : undefined,
    hour: 'numeric', minute: '2-digit', second: '2-digit', timeZone: zone, timeZoneName: 'short',
  });
}

/** The business zone from the field catalog (e.g. America/New_York). */
export function useZone(zone) {
  businessZone = zone || 'UTC';
  dateTime = zoned(businessZone, true);
  time = zoned(businessZone, false);
}

export function zone() {
  return businessZone;
}

/** "America/New_York (EST)": the zone's id and its current short name. */
export function zoneText() {
  const short = new Intl.DateTimeFormat('en-US', { timeZone: businessZone, timeZoneName: 'short' })
    .formatToParts(new Date()).find((p) => p.type === 'timeZoneName');
  return short && short.value !== businessZone ? `${businessZone} (${short.value})` : businessZone;
}

/** Today's date (yyyy-MM-dd) in the business zone. */
export function businessToday() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: businessZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date());
}

/**
 * A <time> for an instant: the business zone's date and time with its zone named, the browser's in the tooltip.
 * @param withDate false for the time of day only
 */
export function timeNode(iso, withDate = true) {
  const date = parse(iso);
  if (!date) {
    return document.createTextNode('–');
  }
  return el('time', {
    datetime: date.toISOString(), class: 'zoned',
    title: `Your time (${browserZone}): ${localDateTime.format(date)}`,
    text: (withDate ? dateTime : time).format(date),
  });
}

const shortDay = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });

export function count(value) {
  return value === null || value === undefined ? '–' : integer.format(value);
}

/** 45.2% (one decimal below 100, as the API rounds down). */
export function percent(value) {
  if (value === null || value === undefined) {
    return '–';
  }
  return value >= 100 ? '100%' : `${oneDecimal.format(value)}%`;
}

export function rowsPerSecond(value) {
  if (value === null || value === undefined || value <= 0) {
    return '–';
  }
  return `${value < 10 ? oneDecimal.format(value) : integer.format(value)} rows/s`;
}

/** 12 s, 3 min 5 s, 2 h 4 min, 1 d 3 h. */
export function duration(seconds) {
  if (seconds === null || seconds === undefined) {
    return '–';
  }
  const s = Math.max(0, Math.round(seconds));
  if (s < 1) {
    return 'under a second';
  }
  if (s < 60) {
    return `${s} s`;
  }
  if (s < 3600) {
    const rest = s % 60;
    return rest ? `${Math.floor(s / 60)} min ${rest} s` : `${s / 60} min`;
  }
  if (s < 86400) {
    const minutes = Math.floor((s % 3600) / 60);
    return minutes ? `${Math.floor(s / 3600)} h ${minutes} min` : `${Math.floor(s / 3600)} h`;
  }
  const hours = Math.floor((s % 86400) / 3600);
  return hours ? `${Math.floor(s / 86400)} d ${hours} h` : `${Math.floor(s / 86400)} d`;
}

/** A job's time left: about 12 s left, or estimating… while the speed is not known yet. */
export function eta(seconds, status) {
  if (status === 'queued') {
    return 'waiting to start';
  }
  if (status === 'succeeded') {
    return 'done';
  }
  if (status !== 'running') {
    return '–';
  }
  if (seconds === null || seconds === undefined) {
    return 'estimating…';
  }
  return seconds < 1 ? 'almost done' : `about ${duration(seconds)} left`;
}

export function millis(ms) {
  if (ms === null || ms === undefined) {
    return '–';
  }
  if (ms < 100) {
    return `${integer.format(ms)} ms`;
  }
  return ms < 1000 ? `${oneDecimal.format(ms / 1000)} s` : duration(ms / 1000);
}

export function bytes(size) {
  if (size === null || size === undefined) {
    return '–';
  }
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = size;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${integer.format(value)} B` : `${oneDecimal.format(value)} ${units[unit]}`;
}

export function dateTimeText(iso) {
  const date = parse(iso);
  return date ? dateTime.format(date) : '–';
}

export function timeText(iso) {
  const date = parse(iso);
  return date ? time.format(date) : '–';
}

/** A calendar day (a Date at UTC midnight of that day), e.g. "Dec 1". */
export function dayText(date) {
  return shortDay.format(date);
}

/** yyyy-MM-dd of a calendar day held as a Date at UTC midnight, as date inputs and the API take it. */
export function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

/** The calendar day (a Date at UTC midnight) of yyyy-MM-dd. */
export function dayOf(iso) {
  return new Date(`${iso}T00:00:00Z`);
}

/** The business-zone day (yyyy-MM-dd) an instant falls on. */
export function businessDay(iso) {
  const date = parse(iso);
  return date ? new Intl.DateTimeFormat('en-CA', { timeZone: businessZone, year: 'numeric', month: '2-digit',
    day: '2-digit' }).format(date) : null;
}

function parse(iso) {
  if (!iso) {
    return null;
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

const TRIGGER_LABELS = {
  http: ['By hand', 'Started from this page or by a script through the API'],
  schedule: ['Schedule', 'Started by a configured schedule'],
  file: ['Inbox file', 'Started by a request file dropped in the inbox folder'],
};

/** A trigger in plain words, and a longer description for a tooltip. */
export function triggerLabel(trigger) {
  return (TRIGGER_LABELS[trigger] || [String(trigger), ''])[0];
}

export function triggerDescription(trigger) {
  return (TRIGGER_LABELS[trigger] || ['', ''])[1];
}

const STATUS_LABELS = {
  queued: 'Queued', running: 'Running', succeeded: 'Succeeded', failed: 'Failed', cancelled: 'Cancelled',
};

export function statusLabel(status) {
  return STATUS_LABELS[status] || String(status);
}

const FORMAT_LABELS = { csv: 'CSV', xlsx: 'Excel (XLSX)', json: 'JSON', text: 'Text report' };

export function formatLabel(format) {
  return FORMAT_LABELS[format] || String(format).toUpperCase();
}
