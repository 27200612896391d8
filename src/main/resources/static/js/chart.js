// A small bar chart as inline SVG, built with DOM calls (no library, no markup strings).

import { el, svg } from './dom.js';

const WIDTH = 440;
const HEIGHT = 170;
const LEFT = 40;
const RIGHT = 6;
const TOP = 12;
const BOTTOM = 22;
const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });

/**
 * @param title e.g. "Exports per day"
 * @param bars [{label (short, under the bar), name (long, for the tooltip), value}]
 * @param unit e.g. "exports", for tooltips and the accessible description
 */
export function barChart(title, bars, unit, className) {
  const max = niceMax(Math.max(0, ...bars.map((b) => b.value)));
  const total = bars.reduce((sum, b) => sum + b.value, 0);
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const step = plotWidth / Math.max(1, bars.length);
  const barWidth = Math.max(2, step * 0.68);
  const y = (value) => TOP + plotHeight - (value / max) * plotHeight;

  const grid = [0, max / 2, max].map((value) => svg('g', { class: 'grid' },
    svg('line', { x1: LEFT, x2: WIDTH - RIGHT, y1: y(value), y2: y(value) }),
    svg('text', { x: LEFT - 6, y: y(value) + 4, 'text-anchor': 'end', text: compact.format(value) })));

  const columns = bars.map((bar, i) => {
    const x = LEFT + i * step + (step - barWidth) / 2;
    const height = Math.max(bar.value > 0 ? 1.5 : 0, (bar.value / max) * plotHeight);
    return svg('g', { class: 'bar', dataset: { value: String(bar.value) } },
      svg('title', { text: `${bar.name}: ${bar.value.toLocaleString()} ${unit}` }),
      svg('rect', { x, y: TOP + plotHeight - height, width: barWidth, height, rx: 2 }),
      svg('text', {
        class: 'axis', x: x + barWidth / 2, y: HEIGHT - 6, 'text-anchor': 'middle', text: bar.label,
      }));
  });

  const highest = Math.max(0, ...bars.map((b) => b.value));
  const description = `${title}: ${total.toLocaleString()} ${unit} in ${bars.length} days, at most ${highest.toLocaleString()} a day`;
  return el('figure', { class: `chart ${className || ''}`.trim() },
    el('figcaption', {}, el('span', { class: 'chart-title', text: title }),
      el('span', { class: 'chart-total', text: ` ${total.toLocaleString()} in total` })),
    svg('svg', {
      viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': description, preserveAspectRatio: 'xMidYMid meet',
    }, grid, svg('line', {
      class: 'baseline', x1: LEFT, x2: WIDTH - RIGHT, y1: TOP + plotHeight, y2: TOP + plotHeight,
    }), columns));
}

/** A round top for the axis whose half is a whole number too: 1 → 2, 3 → 4, 7 → 10, 1234 → 2000. */
function niceMax(value) {
  if (value <= 2) {
    return 2;
  }
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 4, 5, 10]) {
    const candidate = step * magnitude;
    if (candidate >= value && Number.isInteger(candidate / 2)) {
      return candidate;
    }
  }
  return 10 * magnitude;
}
