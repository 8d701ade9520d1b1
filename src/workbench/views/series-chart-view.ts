// Draws a check's series (latency percentiles, throughput and errors per load step or
// configuration) as an inline SVG chart with the target line, followed by a table of the exact
// numbers, which is also what a screen reader reads.
import type { CheckSeries, SeriesRow } from '../../../graders/kit/result-schema.ts';
import { chartGeometry, percentiles, type ChartGeometry, type Point } from './series-chart-geometry.ts';

const svgNs = 'http://www.w3.org/2000/svg';
let chartCount = 0;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const element = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

function formatNumber(value: number): string {
  return value >= 100 ? String(Math.round(value)) : String(Math.round(value * 10) / 10);
}

function polyline(points: Point[]): string {
  return points.map((point) => `${point.x.toFixed(1)},${point.y.toFixed(1)}`).join(' ');
}

function axes(geometry: ChartGeometry, unit: string): SVGElement[] {
  const { left, right, latency, throughput } = geometry;
  const parts: SVGElement[] = [];
  for (const tick of latency.ticks) {
    parts.push(svg('line', { class: 'wb-series-grid', x1: left, x2: right, y1: tick.y, y2: tick.y }));
    parts.push(svg('text', { class: 'wb-series-axis', x: left - 6, y: tick.y + 4, 'text-anchor': 'end' }, formatNumber(tick.value)));
  }
  parts.push(svg('text', { class: 'wb-series-axis', x: left, y: latency.top - 14 }, `latency (${unit})`));
  parts.push(svg('line', { class: 'wb-series-baseline', x1: left, x2: right, y1: throughput.bottom, y2: throughput.bottom }));
  parts.push(svg('text', { class: 'wb-series-axis', x: 4, y: throughput.top + 10 }, 'req/s'));
  return parts;
}

function latencyLines(geometry: ChartGeometry): SVGElement[] {
  return percentiles.flatMap((p) => [
    svg('polyline', { class: `wb-series-line wb-series-${p}`, points: polyline(geometry.lines[p]) }),
    ...geometry.lines[p].map((point) => svg('circle', { class: `wb-series-dot wb-series-${p}`, cx: point.x, cy: point.y, r: 3 })),
  ]);
}

function targetLine(geometry: ChartGeometry, series: CheckSeries): SVGElement[] {
  if (geometry.targetY === undefined || !series.target) return [];
  return [
    svg('line', { class: 'wb-series-target', x1: geometry.left, x2: geometry.right, y1: geometry.targetY, y2: geometry.targetY }),
    svg('text', { class: 'wb-series-target-label', x: geometry.right - 4, y: geometry.targetY - 5, 'text-anchor': 'end' }, series.target.label),
  ];
}

function throughputBars(geometry: ChartGeometry, rows: SeriesRow[]): SVGElement[] {
  return geometry.bars.flatMap((bar, i) => [
    svg('rect', { class: 'wb-series-bar', x: bar.x, y: bar.y, width: bar.width, height: Math.max(bar.height, 0.5) }),
    svg('text', { class: 'wb-series-axis', x: bar.x + bar.width / 2, y: bar.y - 3, 'text-anchor': 'middle' }, formatNumber(bar.throughput)),
    ...(bar.errors > 0 ? [svg('text', { class: 'wb-series-errors', x: bar.x + bar.width + 4, y: geometry.throughput.bottom - 4 }, `${bar.errors} errors`)] : []),
    svg('text', { class: 'wb-series-axis', x: geometry.xs[i] as number, y: geometry.height - 22, 'text-anchor': 'middle' }, rows[i]?.label ?? ''),
  ]);
}

function legend(geometry: ChartGeometry): SVGElement {
  const group = svg('g', { class: 'wb-series-legend' });
  percentiles.forEach((p, i) => {
    const x = geometry.left + i * 70;
    const y = geometry.height - 6;
    group.append(svg('line', { class: `wb-series-line wb-series-${p}`, x1: x, x2: x + 18, y1: y - 4, y2: y - 4 }), svg('text', { class: 'wb-series-axis', x: x + 22, y }, p));
  });
  return group;
}

/** One sentence for assistive technology: what the last row measured against the target. */
export function seriesSummary(series: CheckSeries): string {
  const last = series.rows.at(-1) as SeriesRow;
  const target = series.target ? ` against ${series.target.label}` : '';
  const subject = series.subject ? ` of ${series.subject}` : '';
  return `${series.rows.length} measurement${series.rows.length === 1 ? '' : 's'}${subject}${target}. Last, ${last.label}: p50 ${formatNumber(last.p50)} ${series.unit}, p95 ${formatNumber(last.p95)} ${series.unit}, p99 ${formatNumber(last.p99)} ${series.unit}, ${formatNumber(last.throughput)} requests per second, ${last.errors} errors.`;
}

function numbersTable(series: CheckSeries): HTMLTableElement {
  const table = document.createElement('table');
  table.className = 'wb-series-table';
  const head = table.createTHead().insertRow();
  for (const name of ['Measured', `p50 (${series.unit})`, `p95 (${series.unit})`, `p99 (${series.unit})`, 'Requests/s', 'Errors']) {
    const cell = document.createElement('th');
    cell.scope = 'col';
    cell.textContent = name;
    head.append(cell);
  }
  const body = table.createTBody();
  for (const row of series.rows) {
    const line = body.insertRow();
    const label = document.createElement('th');
    label.scope = 'row';
    label.textContent = row.label;
    line.append(label);
    for (const value of [row.p50, row.p95, row.p99, row.throughput, row.errors]) line.insertCell().textContent = formatNumber(value);
    if (series.target && row.p95 > series.target.p95) line.dataset.overTarget = 'true';
  }
  return table;
}

export function seriesChart(series: CheckSeries): HTMLElement {
  chartCount += 1;
  const id = `wb-series-${chartCount}`;
  const geometry = chartGeometry(series);
  const figure = document.createElement('figure');
  figure.className = 'wb-series';
  const caption = document.createElement('figcaption');
  caption.textContent = series.subject ? `${series.title}: ${series.subject}` : series.title;
  const chart = svg('svg', { viewBox: `0 0 ${geometry.width} ${geometry.height}`, role: 'img', 'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-desc` });
  chart.append(
    svg('title', { id: `${id}-title` }, series.title),
    svg('desc', { id: `${id}-desc` }, seriesSummary(series)),
    ...axes(geometry, series.unit),
    ...targetLine(geometry, series),
    ...latencyLines(geometry),
    ...throughputBars(geometry, series.rows),
    legend(geometry),
  );
  figure.append(caption, chart, numbersTable(series));
  return figure;
}
