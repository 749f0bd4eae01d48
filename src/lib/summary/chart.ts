// Layout of the summary panel's horizontal bar charts, computed in plain numbers so the
// component only draws rectangles and text. Values are counts of zones or measures: ticks
// are whole numbers, since "2,5 quartiers" means nothing.

import { scaleBand, scaleLinear } from 'd3-scale';

/** One row of a bar chart. */
export interface BarItem {
  label: string;
  value: number;
}

/** Size of the chart in pixels; bars start after a column of `labelWidth` for the labels. */
export interface BarChartOptions {
  width: number;
  height: number;
  /** Thickness of a bar; defaults to, and is capped at, the height of its row. */
  barHeight?: number;
  labelWidth: number;
}

/** A bar placed in chart pixels (x to the right, y down). */
export interface Bar {
  label: string;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A tick of the value axis, with its French label. */
export interface Tick {
  value: number;
  x: number;
  label: string;
}

/** The laid-out chart; `xMax` is the value at the right edge (the nice end of the domain). */
export interface BarChart {
  bars: Bar[];
  ticks: Tick[];
  xMax: number;
}

const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

/** About one tick per this many pixels of axis, so labels do not collide. */
const PIXELS_PER_TICK = 60;

/** Lays out a horizontal bar chart: one row per item, bar length proportional to value, integer ticks labelled in French. */
export function barChart(items: readonly BarItem[], options: BarChartOptions): BarChart {
  const { width, height, labelWidth } = options;
  if (!(width > labelWidth && labelWidth >= 0 && height > 0)) {
    throw new RangeError(
      `barChart: needs width > labelWidth >= 0 and height > 0, got width ${width}, labelWidth ${labelWidth}, height ${height}`
    );
  }
  for (const item of items) {
    if (!Number.isFinite(item.value) || item.value < 0) {
      throw new RangeError(
        `barChart: bar "${item.label}" has value ${item.value}, expected a non-negative number`
      );
    }
  }
  if (items.length === 0) return { bars: [], ticks: [], xMax: 0 };

  // An all-zero chart still gets a 0-1 axis rather than a collapsed scale.
  const max = Math.max(1, ...items.map((item) => item.value));
  const tickCount = Math.max(2, Math.floor((width - labelWidth) / PIXELS_PER_TICK));
  // Nice with the same count as the ticks, so the right edge of the axis carries a tick.
  const x = scaleLinear().domain([0, max]).range([labelWidth, width]).nice(tickCount);
  const xMax = x.domain()[1] ?? max;

  // Rows are keyed by index: two rows may carry the same label.
  const rows = scaleBand<number>()
    .domain(items.map((_, index) => index))
    .range([0, height])
    .paddingInner(0.2)
    .paddingOuter(0.1);
  const bandwidth = rows.bandwidth();
  const barHeight = Math.min(options.barHeight ?? bandwidth, bandwidth);

  const bars = items.map((item, index) => ({
    label: item.label,
    value: item.value,
    x: labelWidth,
    y: (rows(index) ?? 0) + (bandwidth - barHeight) / 2,
    width: x(item.value) - labelWidth,
    height: barHeight
  }));

  const ticks = x
    .ticks(tickCount)
    .filter((value) => Number.isInteger(value))
    .map((value) => ({ value, x: x(value), label: integer.format(value) }));

  return { bars, ticks, xMax };
}
