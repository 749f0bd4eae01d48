// Image export of the map for slides and reports: a 1920×1080 canvas with the title (naming
// the selected place), the map across the whole width, its legend, the selection sentence and
// the sources with their vintages over the map's right-hand side, and the export date, so a
// picture pasted out of context still says what it shows and where it comes from.
// Layout and text wrapping are pure and take a text measurer, so they are tested in node;
// only `renderExportImage` and `downloadCanvas` touch the DOM.

import { formatDate } from '$lib/format/date';
import type { LegendEntry, Swatch } from '$lib/map/legend';

/** Size of the exported image: full HD, the size of most projectors and slide templates. */
export const EXPORT_WIDTH = 1920;
export const EXPORT_HEIGHT = 1080;

/** An axis-aligned rectangle in canvas pixels (x to the right, y down). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where each part of the export goes. */
export interface ExportLayout {
  title: Rect;
  /** The map, across the whole width between title and footer. */
  map: Rect;
  /** Legend, caption and sources: a column laid over the map's right-hand side. */
  side: Rect;
  /** Pixels of the map the side column covers, per side: the map frames its subject in the rest. */
  mapInsets: { top: number; right: number; bottom: number; left: number };
  footer: Rect;
}

/** A font as the layout sees it. */
export interface FontSpec {
  size: number;
  weight: 400 | 600;
}

/** Width in pixels of `text` set in `font`. */
export type FontMeasure = (text: string, font: FontSpec) => number;

/** One line of text to draw, `y` being the top of the line box. */
export interface TextLine {
  text: string;
  x: number;
  y: number;
  font: FontSpec;
  color: string;
}

/** A legend symbol to draw in a box. */
export interface SwatchBox extends Rect {
  swatch: Swatch;
}

/** What the right column draws, and at which type scale it fitted. */
export interface SidePlan {
  lines: TextLine[];
  swatches: SwatchBox[];
  /** Type scale used: 1 when everything fitted at full size. */
  scale: number;
  /** True when even the smallest scale did not fit and the end was cut (marked with "…"). */
  truncated: boolean;
}

/** What the right column says. */
export interface SideContent {
  legend: readonly LegendEntry[];
  caption: string;
  sources: readonly string[];
}

const FONT_FAMILY = "'Noto Sans', sans-serif";
const TEXT_COLOR = '#1d1d1d';
const TITLE_COLOR = '#1d3557';
const MUTED_COLOR = '#4a4a4a';
const SIDE_CARD_COLOR = 'rgba(255, 255, 255, 0.94)';
const FRAME_COLOR = '#9a9a9a';
const LINE_HEIGHT = 1.3;
const ELLIPSIS = '…';
/** Type scales tried in turn until the right column fits. */
const SIDE_SCALES = [1, 0.9, 0.8, 0.7, 0.6] as const;

/** Share of the map's width the side column takes. */
const SIDE_SHARE = 0.27;

/**
 * Splits the canvas into a title band, the map across the whole width below it, the footer,
 * and a side column for legend, caption and sources laid over the map's right-hand side (the
 * map is drawn for this frame, its subject framed clear of the column).
 */
export function exportLayout(width: number, height: number): ExportLayout {
  if (!(width > 0 && height > 0 && Number.isFinite(width) && Number.isFinite(height))) {
    throw new RangeError(`exportLayout: expected a positive width and height, got ${width}×${height}`);
  }
  const margin = Math.round(Math.min(width, height) * 0.04);
  const titleHeight = Math.round(height * 0.09);
  const footerHeight = Math.round(height * 0.05);
  const inner = width - 2 * margin;

  const title = { x: margin, y: margin, width: inner, height: titleHeight };
  const footer = { x: margin, y: height - margin - footerHeight, width: inner, height: footerHeight };
  // Room between the title's rule and the map, and between the map and the footer.
  const top = title.y + title.height + Math.round(margin / 2);
  const map = { x: margin, y: top, width: inner, height: footer.y - Math.round(margin / 4) - top };
  const pad = Math.round(margin / 2);
  const sideWidth = Math.round(inner * SIDE_SHARE);
  const side = {
    x: map.x + map.width - pad - sideWidth,
    y: map.y + pad,
    width: sideWidth,
    height: map.height - 2 * pad
  };
  const mapInsets = { top: 0, right: sideWidth + 2 * pad, bottom: 0, left: 0 };
  return { title, map, side, mapInsets, footer };
}

/** The export's title: the selected place first when there is one, then the atlas's title. */
export function exportTitle(atlasTitle: string, place?: string | null): string {
  return place ? `${place} — ${atlasTitle}` : atlasTitle;
}

/** The part of a `width`×`height` image with the given aspect, centred, that covers a frame of that aspect. */
export function coverCrop(width: number, height: number, aspect: number): Rect {
  const cropWidth = Math.min(width, height * aspect);
  const cropHeight = cropWidth / aspect;
  return { x: (width - cropWidth) / 2, y: (height - cropHeight) / 2, width: cropWidth, height: cropHeight };
}

/** The card drawn under the side column: around its lines and swatches, with a little padding. */
export function sideCard(rect: Rect, plan: Pick<SidePlan, 'lines' | 'swatches'>): Rect {
  const bottoms = [
    ...plan.lines.map((line) => line.y + line.font.size * LINE_HEIGHT),
    ...plan.swatches.map((box) => box.y + box.height)
  ];
  const pad = 16;
  const bottom = Math.max(rect.y, ...bottoms);
  return { x: rect.x - pad, y: rect.y - pad, width: rect.width + 2 * pad, height: bottom - rect.y + 2 * pad };
}

/**
 * Greedy word wrap of `text` into lines no wider than `maxWidth`; a line break in the text
 * starts a new line, and a word wider than a whole line is cut between characters. Only
 * ordinary spaces break: the no-break spaces of "4 Md€" keep amounts whole.
 */
export function wrapText(measure: (text: string) => number, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const words = paragraph.split(/[ \t\r]+/).filter((word) => word !== '');
    let line = '';
    for (const word of words) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (measure(candidate) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      line = '';
      for (const piece of splitWord(measure, word, maxWidth)) {
        if (line !== '') lines.push(line);
        line = piece;
      }
    }
    if (line !== '') lines.push(line);
  }
  return lines;
}

/** Cuts a word into pieces that each fit `maxWidth` (at least one character per piece). */
function splitWord(measure: (text: string) => number, word: string, maxWidth: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (piece !== '' && measure(piece + char) > maxWidth) {
      pieces.push(piece);
      piece = char;
    } else {
      piece += char;
    }
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

/** `text` shortened, if needed, so that it followed by "…" fits `maxWidth`. */
function withEllipsis(measure: (text: string) => number, text: string, maxWidth: number): string {
  const chars = [...text.trimEnd()];
  while (chars.length > 0 && measure(chars.join('') + ELLIPSIS) > maxWidth) chars.pop();
  return chars.join('').trimEnd() + ELLIPSIS;
}

/** Lays out a single-line title in `rect`, shrinking the type from `maxSize` down to `minSize`, then cutting with "…". */
export function planTitle(
  measure: FontMeasure,
  text: string,
  rect: Rect,
  maxSize: number,
  minSize: number
): TextLine {
  let font: FontSpec = { size: maxSize, weight: 600 };
  while (font.size > minSize && measure(text, font) > rect.width) {
    font = { ...font, size: Math.max(minSize, font.size - 2) };
  }
  const shown =
    measure(text, font) > rect.width ? withEllipsis((s) => measure(s, font), text, rect.width) : text;
  return {
    text: shown,
    x: rect.x,
    y: rect.y + (rect.height - font.size * LINE_HEIGHT) / 2,
    font,
    color: TITLE_COLOR
  };
}

/** Lays out legend, caption and sources top to bottom in `rect`, at the largest type scale that fits. */
export function planSideColumn(measure: FontMeasure, content: SideContent, rect: Rect): SidePlan {
  for (const scale of SIDE_SCALES) {
    const plan = stackSide(measure, content, rect, scale);
    if (plan.bottom <= rect.y + rect.height)
      return { lines: plan.lines, swatches: plan.swatches, scale, truncated: false };
  }
  const scale = SIDE_SCALES[SIDE_SCALES.length - 1] ?? 1;
  return cutToFit(measure, stackSide(measure, content, rect, scale), rect, scale);
}

interface Stack {
  lines: TextLine[];
  swatches: SwatchBox[];
  bottom: number;
}

/** Stacks the side blocks at `scale` without caring about the bottom edge. */
function stackSide(measure: FontMeasure, content: SideContent, rect: Rect, scale: number): Stack {
  const lines: TextLine[] = [];
  const swatches: SwatchBox[] = [];
  const heading: FontSpec = { size: Math.round(26 * scale), weight: 600 };
  const body: FontSpec = { size: Math.round(21 * scale), weight: 400 };
  const small: FontSpec = { size: Math.round(18 * scale), weight: 400 };
  const blockGap = Math.round(26 * scale);
  const itemGap = Math.round(8 * scale);
  let y = rect.y;

  const paragraph = (text: string, font: FontSpec, x: number, width: number, color: string) => {
    for (const line of wrapText((s) => measure(s, font), text, width)) {
      lines.push({ text: line, x, y, font, color });
      y += font.size * LINE_HEIGHT;
    }
  };

  paragraph('Légende', heading, rect.x, rect.width, TEXT_COLOR);
  y += itemGap;
  const swatchWidth = Math.round(44 * scale);
  const swatchHeight = Math.round(26 * scale);
  const labelX = rect.x + swatchWidth + Math.round(14 * scale);
  if (content.legend.length === 0)
    paragraph('Aucune couche affichée.', body, rect.x, rect.width, MUTED_COLOR);
  for (const entry of content.legend) {
    const top = y;
    paragraph(entry.label, body, labelX, rect.x + rect.width - labelX, TEXT_COLOR);
    // The swatch sits on the first line of its label.
    swatches.push({
      swatch: entry.swatch,
      x: rect.x,
      y: top + (body.size * LINE_HEIGHT - swatchHeight) / 2,
      width: swatchWidth,
      height: swatchHeight
    });
    y = Math.max(y, top + swatchHeight) + itemGap;
  }

  if (content.caption.trim() !== '') {
    y += blockGap - itemGap;
    paragraph('Sélection', heading, rect.x, rect.width, TEXT_COLOR);
    y += itemGap;
    paragraph(content.caption, body, rect.x, rect.width, TEXT_COLOR);
  }

  if (content.sources.length > 0) {
    y += blockGap;
    paragraph('Sources', heading, rect.x, rect.width, TEXT_COLOR);
    y += itemGap;
    for (const source of content.sources) {
      paragraph(source, small, rect.x, rect.width, MUTED_COLOR);
      y += itemGap / 2;
    }
  }
  return { lines, swatches, bottom: y };
}

/** Drops what passes the bottom of `rect` and marks the last kept line with "…". */
function cutToFit(measure: FontMeasure, stack: Stack, rect: Rect, scale: number): SidePlan {
  const bottom = rect.y + rect.height;
  const lines = stack.lines.filter((line) => line.y + line.font.size * LINE_HEIGHT <= bottom);
  const swatches = stack.swatches.filter((box) => box.y + box.height <= bottom);
  const last = lines.at(-1);
  if (last) {
    const maxWidth = rect.x + rect.width - last.x;
    lines[lines.length - 1] = {
      ...last,
      text: withEllipsis((s) => measure(s, last.font), last.text, maxWidth)
    };
  }
  return { lines, swatches, scale, truncated: true };
}

/** French footer line: "Exporté le 1er mars 2019". */
export function exportDateLabel(date: Date): string {
  return `Exporté le ${formatDate(localIsoDate(date))}`;
}

/** The footer line: the data's date when known, then the export's (« Données au … · Exporté le … »). */
export function exportFooter(date: Date, dataDate?: string | null): string {
  const exported = exportDateLabel(date);
  return dataDate ? `Données au ${formatDate(dataDate)} · ${exported}` : exported;
}

/** File name of an export made on `date` (local calendar day): atlas-politique-de-la-ville-YYYY-MM-DD.png. */
export function exportFilename(date: Date): string {
  return `atlas-politique-de-la-ville-${localIsoDate(date)}.png`;
}

/** YYYY-MM-DD of the user's calendar day, which is the day they expect in the file name. */
function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** What `renderExportImage` draws. */
export interface ExportImageOptions {
  /** The map's canvas; readable because the map is created with `preserveDrawingBuffer: true`. */
  map: HTMLCanvasElement;
  title: string;
  /** The filter sentence. */
  caption: string;
  /** Sources with their vintages, one string each. */
  sources: readonly string[];
  /** Legend of the layers switched on. */
  legend: readonly LegendEntry[];
  /** Day printed in the footer; defaults to now. */
  date?: Date;
  /** Date of the data (ISO), printed in the footer before the export's. */
  dataDate?: string | null;
}

/** Draws the 1920×1080 export (title, map, legend, caption, sources, export date) on a new canvas. */
export function renderExportImage(options: ExportImageOptions): HTMLCanvasElement {
  const { map } = options;
  if (map.width === 0 || map.height === 0) {
    throw new Error(`renderExportImage: the map canvas is empty (${map.width}×${map.height})`);
  }
  const canvas = document.createElement('canvas');
  canvas.width = EXPORT_WIDTH;
  canvas.height = EXPORT_HEIGHT;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('renderExportImage: the browser gave no 2D canvas context');

  const measure: FontMeasure = (text, font) => {
    context.font = cssFont(font);
    return context.measureText(text).width;
  };
  const layout = exportLayout(EXPORT_WIDTH, EXPORT_HEIGHT);

  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, EXPORT_WIDTH, EXPORT_HEIGHT);
  context.textBaseline = 'top';

  drawLine(context, planTitle(measure, options.title, layout.title, 46, 28));
  context.fillStyle = TITLE_COLOR;
  context.fillRect(layout.title.x, layout.title.y + layout.title.height - 4, layout.title.width, 3);

  const mapRect = layout.map;
  const source = coverCrop(map.width, map.height, mapRect.width / mapRect.height);
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(
    map,
    source.x,
    source.y,
    source.width,
    source.height,
    mapRect.x,
    mapRect.y,
    mapRect.width,
    mapRect.height
  );
  context.strokeStyle = FRAME_COLOR;
  context.lineWidth = 1;
  context.setLineDash([]);
  context.strokeRect(mapRect.x + 0.5, mapRect.y + 0.5, mapRect.width - 1, mapRect.height - 1);

  const side = planSideColumn(
    measure,
    {
      legend: options.legend,
      caption: options.caption,
      sources: options.sources
    },
    layout.side
  );
  // A white card under the column, as tall as what it holds, so the text reads over the map.
  const card = sideCard(layout.side, side);
  context.fillStyle = SIDE_CARD_COLOR;
  context.fillRect(card.x, card.y, card.width, card.height);
  context.strokeStyle = FRAME_COLOR;
  context.strokeRect(card.x + 0.5, card.y + 0.5, card.width - 1, card.height - 1);
  for (const box of side.swatches) drawSwatch(context, box, 1.5 * side.scale);
  for (const line of side.lines) drawLine(context, line);

  const footerFont: FontSpec = { size: 20, weight: 400 };
  drawLine(context, {
    text: exportFooter(options.date ?? new Date(), options.dataDate),
    x: layout.footer.x,
    y: layout.footer.y + (layout.footer.height - footerFont.size * LINE_HEIGHT) / 2,
    font: footerFont,
    color: MUTED_COLOR
  });
  return canvas;
}

function cssFont(font: FontSpec): string {
  return `${font.weight} ${font.size}px ${FONT_FAMILY}`;
}

function drawLine(context: CanvasRenderingContext2D, line: TextLine): void {
  context.font = cssFont(line.font);
  context.fillStyle = line.color;
  // Line boxes are 1.3 em; the glyphs' em box starts a little below the top of the box.
  context.fillText(line.text, line.x, line.y + (line.font.size * (LINE_HEIGHT - 1)) / 2);
}

/** Draws a legend symbol the way the on-screen legend does: a filled, outlined box or a line. */
function drawSwatch(context: CanvasRenderingContext2D, box: SwatchBox, lineScale: number): void {
  const { swatch } = box;
  const lineWidth = swatch.strokeWidth * lineScale;
  context.save();
  context.lineWidth = lineWidth;
  context.strokeStyle = swatch.stroke;
  context.setLineDash(swatch.dash ? swatch.dash.map((length) => length * lineScale) : []);
  if (swatch.shape === 'area') {
    if (swatch.fill) {
      context.globalAlpha = swatch.fillOpacity ?? 1;
      context.fillStyle = swatch.fill;
      context.fillRect(box.x, box.y, box.width, box.height);
      context.globalAlpha = 1;
    }
    if (swatch.hatch) {
      // The swatch's tile, repeated: the image shows the hatch the legend and the map draw.
      const tile = document.createElement('canvas');
      tile.width = tile.height = swatch.hatch.size;
      const ink = tile.getContext('2d');
      if (ink) {
        ink.fillStyle = swatch.hatch.color;
        ink.fill(new Path2D(swatch.hatch.path));
      }
      const pattern = context.createPattern(tile, 'repeat');
      if (pattern) {
        context.fillStyle = pattern;
        context.fillRect(box.x, box.y, box.width, box.height);
      }
    }
    const inset = lineWidth / 2;
    context.strokeRect(box.x + inset, box.y + inset, box.width - lineWidth, box.height - lineWidth);
  } else {
    const middle = box.y + box.height / 2;
    context.beginPath();
    context.moveTo(box.x, middle);
    context.lineTo(box.x + box.width, middle);
    context.stroke();
  }
  context.restore();
}

/** Saves a canvas as a PNG file through a temporary download link. */
export async function downloadCanvas(canvas: HTMLCanvasElement, filename: string): Promise<void> {
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error(`downloadCanvas: the browser could not encode "${filename}" as PNG`);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in Firefox; the blob is freed a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
