// Numbers, sizes, durations and dates for people, in the browser's locale.

const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });
const shortDay = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

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

export function dayText(date) {
  return shortDay.format(date);
}

/** yyyy-MM-dd of a local date, as date inputs and the API take it. */
export function isoDay(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function parse(iso) {
  if (!iso) {
    return null;
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
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
