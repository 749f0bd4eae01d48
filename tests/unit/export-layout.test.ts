import { describe, expect, it } from 'vitest';
import {
  EXPORT_HEIGHT,
  EXPORT_WIDTH,
  exportDateLabel,
  exportFilename,
  exportLayout,
  exportFooter,
  exportTitle,
  coverCrop,
  planSideColumn,
  planTitle,
  wrapText,
  type FontMeasure,
  type Rect,
  type SideContent
} from '../../src/lib/export/image';
import { legendEntries, legendFacts } from '../../src/lib/map/legend';
import { fixtureAtlas } from './fixtures/atlas';
import { defaultTheme } from '../../src/lib/map/theme';
import { LAYER_IDS } from '../../src/lib/types';

/** Every character is `charWidth` wide: enough to check wrapping without a browser. */
const monospace =
  (charWidth = 10) =>
  (text: string): number =>
    [...text].length * charWidth;

/** A font measure where a character is half the font size wide, like a typical sans-serif. */
const halfEm: FontMeasure = (text, font) => [...text].length * font.size * 0.5;

const inside = (inner: Rect, outer: Rect): boolean =>
  inner.x >= outer.x - 1e-9 &&
  inner.y >= outer.y - 1e-9 &&
  inner.x + inner.width <= outer.x + outer.width + 1e-9 &&
  inner.y + inner.height <= outer.y + outer.height + 1e-9;

const overlap = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('exportLayout', () => {
  const canvas = { x: 0, y: 0, width: EXPORT_WIDTH, height: EXPORT_HEIGHT };

  it('keeps title, map and footer on the canvas without overlapping, the side column inside the map', () => {
    const layout = exportLayout(EXPORT_WIDTH, EXPORT_HEIGHT);
    const parts = [layout.title, layout.map, layout.footer];
    for (const part of parts) expect(inside(part, canvas)).toBe(true);
    for (const [i, a] of parts.entries()) {
      for (const b of parts.slice(i + 1)) expect(overlap(a, b)).toBe(false);
    }
    expect(inside(layout.side, layout.map)).toBe(true);
  });

  it('puts the title on top, the footer at the bottom and the side column on the right of the map', () => {
    const layout = exportLayout(EXPORT_WIDTH, EXPORT_HEIGHT);
    expect(layout.title.y + layout.title.height).toBeLessThanOrEqual(layout.map.y);
    expect(layout.map.y + layout.map.height).toBeLessThanOrEqual(layout.footer.y);
    expect(layout.side.x).toBeGreaterThan(layout.map.x + layout.map.width / 2);
  });

  it('gives the map more than 90 % of the width and most of the height', () => {
    const layout = exportLayout(EXPORT_WIDTH, EXPORT_HEIGHT);
    expect(layout.map.width / EXPORT_WIDTH).toBeGreaterThan(0.9);
    expect(layout.map.height / EXPORT_HEIGHT).toBeGreaterThan(0.65);
  });

  it('tells the map which part the side column covers, so the subject is framed beside it', () => {
    const layout = exportLayout(EXPORT_WIDTH, EXPORT_HEIGHT);
    const mapRight = layout.map.x + layout.map.width;
    expect(mapRight - layout.mapInsets.right).toBeLessThanOrEqual(layout.side.x);
    expect(layout.mapInsets.left + layout.mapInsets.top + layout.mapInsets.bottom).toBe(0);
  });

  it('scales with the canvas', () => {
    const full = exportLayout(1920, 1080);
    const half = exportLayout(960, 540);
    expect(half.map.width).toBeCloseTo(full.map.width / 2, -1);
    expect(half.side.x).toBeCloseTo(full.side.x / 2, -1);
  });

  it('refuses a zero-sized canvas', () => {
    expect(() => exportLayout(0, 1080)).toThrow(/width and height/);
    expect(() => exportLayout(1920, Number.NaN)).toThrow(/width and height/);
  });
});

describe('exportTitle', () => {
  it('names the selected place first', () => {
    expect(exportTitle('Atlas', 'Chasse Royale')).toBe('Chasse Royale — Atlas');
  });

  it('is the atlas title alone without a selection', () => {
    expect(exportTitle('Atlas', null)).toBe('Atlas');
    expect(exportTitle('Atlas')).toBe('Atlas');
  });
});

describe('coverCrop', () => {
  it('keeps the whole image when it already has the frame’s aspect', () => {
    expect(coverCrop(1800, 900, 2)).toEqual({ x: 0, y: 0, width: 1800, height: 900 });
  });

  it('cuts a taller image top and bottom evenly, never stretching it', () => {
    const crop = coverCrop(1000, 1000, 2);
    expect(crop).toEqual({ x: 0, y: 250, width: 1000, height: 500 });
  });

  it('cuts a wider image left and right evenly', () => {
    const crop = coverCrop(3000, 1000, 2);
    expect(crop).toEqual({ x: 500, y: 0, width: 2000, height: 1000 });
  });
});

describe('exportFooter', () => {
  it('states the data’s date before the export’s', () => {
    expect(exportFooter(new Date(2026, 11, 5), '2019-01-25')).toMatch(
      /^Données au 25 janvier 2019 · Exporté le /
    );
  });

  it('gives the export’s date alone when the data has none', () => {
    expect(exportFooter(new Date(2026, 11, 5), null)).toMatch(/^Exporté le /);
  });
});

describe('wrapText', () => {
  it('breaks between words so that no line is wider than the limit', () => {
    const measure = monospace();
    const lines = wrapText(measure, 'Quartiers NPNRU validés par l’Anru en décembre 2018', 200);
    expect(lines).toEqual(['Quartiers NPNRU', 'validés par l’Anru', 'en décembre 2018']);
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(200);
  });

  it('keeps every word, in order', () => {
    const text = 'Stratégie pauvreté : le Nord et le Pas-de-Calais signent leur contrat avec l’État';
    expect(wrapText(monospace(), text, 150).join(' ')).toBe(text);
  });

  it('returns a short text as a single line', () => {
    expect(wrapText(monospace(), 'Aisne', 500)).toEqual(['Aisne']);
  });

  it('does not break at the no-break spaces of amounts', () => {
    const lines = wrapText(monospace(), 'Enveloppe de 4\u00a0Md€ et 14\u00a0M€', 70);
    expect(lines).toContain('4\u00a0Md€');
    expect(lines).toContain('14\u00a0M€');
  });

  it('cuts a word longer than a line between characters', () => {
    const lines = wrapText(monospace(), 'voir https://www.anru.fr/fre/Actualites', 100);
    expect(lines[0]).toBe('voir');
    for (const line of lines) expect(monospace()(line)).toBeLessThanOrEqual(100);
    expect(lines.slice(1).join('')).toBe('https://www.anru.fr/fre/Actualites');
  });

  it('starts a new line at a line break of the text', () => {
    expect(wrapText(monospace(), 'Sources\nInsee 2012', 1000)).toEqual(['Sources', 'Insee 2012']);
  });

  it('gives no line for an empty or blank text', () => {
    expect(wrapText(monospace(), '', 100)).toEqual([]);
    expect(wrapText(monospace(), '   ', 100)).toEqual([]);
  });
});

describe('planTitle', () => {
  const rect = { x: 40, y: 40, width: 900, height: 100 };

  it('keeps a short title at full size', () => {
    const line = planTitle(halfEm, 'Atlas de la politique de la ville', rect, 46, 28);
    expect(line.font.size).toBe(46);
    expect(line.text).toBe('Atlas de la politique de la ville');
  });

  it('shrinks a longer title until it fits on one line', () => {
    const title = 'Atlas de la politique de la ville en Hauts-de-France';
    const line = planTitle(halfEm, title, rect, 46, 20);
    expect(line.font.size).toBeLessThan(46);
    expect(line.text).toBe(title);
    expect(halfEm(line.text, line.font)).toBeLessThanOrEqual(rect.width);
  });

  it('cuts with an ellipsis a title that does not fit even at the smallest size', () => {
    const line = planTitle(halfEm, 'x'.repeat(200), rect, 46, 28);
    expect(line.font.size).toBe(28);
    expect(line.text.endsWith('…')).toBe(true);
    expect(halfEm(line.text, line.font)).toBeLessThanOrEqual(rect.width);
  });
});

describe('planSideColumn', () => {
  const rect = { x: 1400, y: 150, width: 480, height: 830 };
  const content: SideContent = {
    legend: legendEntries(
      defaultTheme,
      ['quarters', 'departements', 'region'],
      legendFacts(fixtureAtlas().atlas)
    ),
    caption: '15 quartiers NPNRU dans la région',
    sources: [
      'Lettre d’information politique de la ville, 25 janvier 2019',
      'IGN, Admin Express COG 2018',
      'CGET, contours des QPV 2015'
    ]
  };
  const bottom = rect.y + rect.height;

  it('lists the legend, then the caption, then the sources, top to bottom', () => {
    const plan = planSideColumn(halfEm, content, rect);
    const y = (text: string) => plan.lines.find((line) => line.text === text)?.y ?? Number.NaN;
    expect(y('Légende')).toBeLessThan(y('Sélection'));
    expect(y('Sélection')).toBeLessThan(y('Sources'));
    expect(y('Sources')).toBeLessThan(y('IGN, Admin Express COG 2018'));
  });

  it('draws one swatch per legend entry, beside its label', () => {
    const plan = planSideColumn(halfEm, content, rect);
    expect(plan.swatches.map((box) => box.swatch)).toEqual(content.legend.map((entry) => entry.swatch));
    const labelX = Math.min(...plan.lines.filter((l) => l.text.startsWith('Limite')).map((l) => l.x));
    for (const box of plan.swatches) expect(box.x + box.width).toBeLessThan(labelX);
  });

  it('keeps every line within the column at full size when there is room', () => {
    const plan = planSideColumn(halfEm, content, rect);
    expect(plan.scale).toBe(1);
    expect(plan.truncated).toBe(false);
    for (const line of plan.lines) {
      expect(line.x + halfEm(line.text, line.font)).toBeLessThanOrEqual(rect.x + rect.width);
      expect(line.y + line.font.size).toBeLessThanOrEqual(bottom);
    }
  });

  it('shrinks the type rather than dropping sources when they are many', () => {
    const many = {
      ...content,
      legend: legendEntries(defaultTheme, LAYER_IDS, legendFacts(fixtureAtlas().atlas)),
      sources: Array.from({ length: 14 }, (_, i) => `Source numéro ${i + 1}, millésime 2018`)
    };
    const plan = planSideColumn(halfEm, many, rect);
    expect(plan.scale).toBeLessThan(1);
    expect(plan.truncated).toBe(false);
    expect(plan.lines.some((line) => line.text === 'Source numéro 14, millésime 2018')).toBe(true);
    for (const line of plan.lines) expect(line.y + line.font.size * 1.3).toBeLessThanOrEqual(bottom + 1e-9);
  });

  it('cuts with an ellipsis when even the smallest type does not fit', () => {
    const flood = { ...content, sources: Array.from({ length: 80 }, (_, i) => `Source ${i + 1}`) };
    const plan = planSideColumn(halfEm, flood, rect);
    expect(plan.truncated).toBe(true);
    expect(plan.lines.at(-1)?.text.endsWith('…')).toBe(true);
    for (const line of plan.lines) expect(line.y + line.font.size * 1.3).toBeLessThanOrEqual(bottom + 1e-9);
  });

  it('says so when no layer is shown', () => {
    const plan = planSideColumn(halfEm, { ...content, legend: [] }, rect);
    expect(plan.swatches).toEqual([]);
    expect(plan.lines.map((line) => line.text)).toContain('Aucune couche affichée.');
  });
});

describe('export file name and date', () => {
  it('names the file after the local calendar day', () => {
    expect(exportFilename(new Date(2019, 0, 25, 23, 30))).toBe('atlas-politique-de-la-ville-2019-01-25.png');
  });

  it('writes the export date in French, with the ordinal first day', () => {
    expect(exportDateLabel(new Date(2019, 2, 1, 9))).toBe('Exporté le 1er mars 2019');
    expect(exportDateLabel(new Date(2019, 0, 25, 9))).toBe('Exporté le 25 janvier 2019');
  });
});
