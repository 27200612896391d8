// The status, policy and country values present in the leads (GET /api/leads/export/values): offered as picks
// next to the filter inputs, and used to warn, before an export, about a value no lead has ("did you mean GB?").

/** Common names for values that the data spells otherwise. Only suggested when the target is in the data. */
const ALIASES = {
  country: {
    UK: 'GB', EN: 'GB', ENG: 'GB', ENGLAND: 'GB', GBR: 'GB', BRITAIN: 'GB', USA: 'US', AMERICA: 'US', UNITEDSTATES: 'US',
    GER: 'DE', DEU: 'DE', GERMANY: 'DE', FRA: 'FR', FRANCE: 'FR', ESP: 'ES', SPAIN: 'ES', CAN: 'CA', CANADA: 'CA',
    MEX: 'MX', MEXICO: 'MX', AUS: 'AU', AUSTRALIA: 'AU', EL: 'GR', GREECE: 'GR', SUI: 'CH', SWITZERLAND: 'CH',
    JAPAN: 'JP', JPN: 'JP', IRL: 'IE', IRELAND: 'IE', ITA: 'IT', ITALY: 'IT', NLD: 'NL', HOLLAND: 'NL',
  },
  policy: {
    car: 'Auto', cars: 'Auto', vehicle: 'Auto', motor: 'Auto', automobile: 'Auto', house: 'Home', property: 'Home',
    homeowners: 'Home', household: 'Home', medical: 'Health', healthcare: 'Health', trip: 'Travel',
    vacation: 'Travel', holiday: 'Travel', 'life insurance': 'Life',
  },
};

export class LeadValues {
  /** @param values {status: [{value, leads}], policy: [...], country: [...]} */
  constructor(values) {
    this.values = values || { status: [], policy: [], country: [] };
  }

  list(kind) {
    return this.values[kind] || [];
  }

  leads(kind, value) {
    const found = this.find(kind, value);
    return found ? found.leads : 0;
  }

  /** The value as the data has it, compared as the filter compares (policy ignoring case, country upper case). */
  find(kind, value) {
    const wanted = normal(kind, value);
    return this.list(kind).find((v) => normal(kind, v.value) === wanted) || null;
  }

  /**
   * The values of a filter that no lead has, each with the value it probably meant: an alias (UK → GB, car → Auto),
   * a close spelling or a prefix, the most common first.
   * @returns [{value, suggestion|null}]
   */
  unknown(kind, values) {
    const present = this.list(kind).filter((v) => v.leads > 0);
    return (values || []).filter((value) => !present.some((v) => normal(kind, v.value) === normal(kind, value)))
      .map((value) => ({ value, suggestion: suggest(kind, value, present) }));
  }
}

function normal(kind, value) {
  const text = String(value).trim();
  return kind === 'country' ? text.toUpperCase() : text.toLowerCase();
}

function suggest(kind, value, present) {
  const key = normal(kind, value);
  const aliases = ALIASES[kind] || {};
  const alias = aliases[kind === 'country' ? key.replace(/[\s.]/g, '') : key];
  const byAlias = alias && present.find((v) => normal(kind, v.value) === normal(kind, alias));
  if (byAlias) {
    return byAlias.value;
  }
  let best = null;
  for (const candidate of present) {
    const other = normal(kind, candidate.value);
    const distance = editDistance(key, other);
    const limit = key.length <= 3 ? 1 : 2;
    const prefix = key.length >= 2 && other.startsWith(key);
    if (distance <= limit || prefix) {
      const score = prefix ? 0.5 : distance;
      if (!best || score < best.score || (score === best.score && candidate.leads > best.leads)) {
        best = { score, leads: candidate.leads, value: candidate.value };
      }
    }
  }
  return best ? best.value : null;
}

function editDistance(a, b) {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}
