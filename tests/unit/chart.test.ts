import { describe, expect, it } from 'vitest';
import { barChart } from '../../src/lib/summary/chart';

const size = { width: 400, height: 200, labelWidth: 100 };

describe('barChart', () => {
  it('starts every bar after the label column', () => {
    const chart = barChart(
      [
        { label: 'Nord', value: 9 },
        { label: 'Aisne', value: 1 }
      ],
      size
    );
    expect(chart.bars.map((bar) => bar.x)).toEqual([100, 100]);
  });

  it('makes bar widths proportional to values', () => {
    const chart = barChart(
      [
        { label: 'Nord', value: 9 },
        { label: 'Pas-de-Calais', value: 5 },
        { label: 'Aisne', value: 1 }
      ],
      size
    );
    const [nord, pasDeCalais, aisne] = chart.bars;
    expect(chart.xMax).toBe(10);
    expect(nord?.width).toBeCloseTo(270);
    expect(pasDeCalais?.width).toBeCloseTo(150);
    expect(aisne?.width).toBeCloseTo(30);
  });

  it('extends the axis to a nice round value that carries a tick', () => {
    const chart = barChart([{ label: 'a', value: 9 }], size);
    expect(chart.xMax).toBe(10);
    expect(chart.ticks.at(-1)).toEqual({ value: 10, x: 400, label: '10' });
  });

  it('fills the plot width with the largest bar when the maximum is already round', () => {
    const chart = barChart(
      [
        { label: 'a', value: 20 },
        { label: 'b', value: 3 }
      ],
      size
    );
    expect(chart.xMax).toBe(20);
    expect(chart.bars[0]?.width).toBeCloseTo(300);
  });

  it('gives only whole-number ticks for small counts', () => {
    const chart = barChart([{ label: 'a', value: 3 }], { ...size, width: 700 });
    expect(chart.ticks.map((tick) => tick.value)).toEqual([0, 1, 2, 3]);
    const xs = chart.ticks.map((tick) => tick.x);
    [100, 300, 500, 700].forEach((expected, index) => expect(xs[index]).toBeCloseTo(expected));
  });

  it('labels ticks in French with a narrow no-break space between thousands', () => {
    const chart = barChart([{ label: 'a', value: 2000 }], size);
    expect(chart.ticks.map((tick) => tick.label)).toEqual([
      '0',
      '500',
      '1\u202f000',
      '1\u202f500',
      '2\u202f000'
    ]);
  });

  it('gives zero-width bars for zero values and a 0 to 1 axis when all are zero', () => {
    const chart = barChart(
      [
        { label: 'a', value: 0 },
        { label: 'b', value: 0 }
      ],
      size
    );
    expect(chart.bars.map((bar) => bar.width)).toEqual([0, 0]);
    expect(chart.xMax).toBe(1);
    expect(chart.ticks.map((tick) => tick.value)).toEqual([0, 1]);
  });

  it('gives a zero-width bar for a zero value beside others', () => {
    const chart = barChart(
      [
        { label: 'a', value: 4 },
        { label: 'b', value: 0 }
      ],
      size
    );
    expect(chart.bars[1]?.width).toBe(0);
  });

  it('lays out nothing for no items', () => {
    expect(barChart([], size)).toEqual({ bars: [], ticks: [], xMax: 0 });
  });

  it('stacks rows top to bottom inside the height, keeping input order', () => {
    const chart = barChart(
      [
        { label: 'a', value: 1 },
        { label: 'b', value: 2 },
        { label: 'c', value: 3 }
      ],
      size
    );
    const ys = chart.bars.map((bar) => bar.y);
    expect(ys).toEqual([...ys].sort((p, q) => p - q));
    expect(chart.bars.map((bar) => bar.label)).toEqual(['a', 'b', 'c']);
    const last = chart.bars.at(-1);
    expect((last?.y ?? 0) + (last?.height ?? 0)).toBeLessThanOrEqual(200);
    expect(chart.bars[0]?.y).toBeGreaterThanOrEqual(0);
  });

  it('keeps rows with the same label apart', () => {
    const chart = barChart(
      [
        { label: 'x', value: 1 },
        { label: 'x', value: 2 }
      ],
      size
    );
    expect(chart.bars[0]?.y).not.toBe(chart.bars[1]?.y);
  });

  it('centres a thinner bar in its row and caps a thicker one at the row height', () => {
    const full = barChart([{ label: 'a', value: 1 }], size).bars[0];
    const thin = barChart([{ label: 'a', value: 1 }], { ...size, barHeight: 10 }).bars[0];
    const thick = barChart([{ label: 'a', value: 1 }], { ...size, barHeight: 1000 }).bars[0];
    expect(thin?.height).toBe(10);
    expect((thin?.y ?? 0) + 5).toBeCloseTo((full?.y ?? 0) + (full?.height ?? 0) / 2);
    expect(thick?.height).toBe(full?.height);
  });

  it('refuses negative values and a label column wider than the chart', () => {
    expect(() => barChart([{ label: 'a', value: -1 }], size)).toThrow(
      'barChart: bar "a" has value -1, expected a non-negative number'
    );
    expect(() => barChart([{ label: 'a', value: 1 }], { ...size, labelWidth: 400 })).toThrow(RangeError);
  });
});
