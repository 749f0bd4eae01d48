// Presentation mode and image export, from the presenter's side: keys step the
// scenes (URL, camera and caption change), Escape leaves, a link opens a scene,
// and the exported PNG is a real 1920×1080 slide with its caption area. Scenes and amounts
// are read from the built data (built-data.ts).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { formatEuros } from '../../src/lib/format/money';
import { presentTextSize } from '../../src/lib/map/theme';
import type { Scene } from '../../src/lib/types';
import { launchBrowser, openAtlas, stepToScene, waitForMapIdle } from './browser';
import { atlas, programmesByZone } from './built-data';
import { chooseFromHeaderMenu } from './header-menu';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const sceneParam = (url: string) => new URL(url).searchParams.get('scene');
const hashOf = (url: string) => new URL(url).hash;

/** The funding lines of one scope in the measures reaching the zones a scene's filter keeps. */
function fundingOf(scene: Scene, scope: string): string[] {
  const { programmes = [], mode = 'any', departements = [] } = scene.filter ?? {};
  const kept = atlas.zones.filter((zone) => {
    const own = programmesByZone[zone.id]!;
    const byProgramme =
      programmes.length === 0 ||
      (mode === 'all' ? programmes.every((p) => own.includes(p)) : programmes.some((p) => own.includes(p)));
    return byProgramme && (departements.length === 0 || departements.includes(zone.departement));
  });
  const reached = new Set(kept.flatMap((zone) => (atlas.links[zone.id] ?? []).map((link) => link.measureId)));
  return atlas.measures
    .filter((measure) => reached.has(measure.id))
    .flatMap((measure) => measure.funding.filter((line) => line.scope === scope))
    .map((line) => formatEuros(line.amount, line.atLeast));
}

describe('presenting the regional picture', () => {
  test('"Présenter" enters the deck; keys step the scenes, changing URL, camera and caption', async () => {
    expect(atlas.scenes.length, 'a deck of three scenes or more').toBeGreaterThanOrEqual(3);
    const { page } = await openAtlas(browser, '/', { width: 1280, height: 720 });
    await page.getByRole('button', { name: 'Présenter' }).click();
    const deck = page.getByRole('region', { name: 'Présentation' });
    await deck.waitFor();
    await expect.poll(() => new URL(page.url()).searchParams.get('present')).toBe('1');
    const firstTitle = await deck.getByRole('heading', { level: 2 }).textContent();
    await waitForMapIdle(page);
    const firstHash = hashOf(page.url());

    // Clickers send PageDown / PageUp.
    await stepToScene(page, 'PageDown', '2');
    await stepToScene(page, 'ArrowRight', '3');
    await expect.poll(() => deck.getByRole('heading', { level: 2 }).textContent()).not.toBe(firstTitle);
    await expect.poll(() => hashOf(page.url()), { timeout: 5000 }).not.toBe(firstHash);
    await page.keyboard.press('PageUp');
    await expect.poll(() => sceneParam(page.url())).toBe('2');
    await page.keyboard.press('End');
    const last = `${atlas.scenes.length} / ${atlas.scenes.length}`;
    await expect.poll(() => deck.getByText(/^\d+ \/ \d+$/).textContent()).toBe(last);

    await page.keyboard.press('Escape');
    await deck.waitFor({ state: 'detached' });
    await expect.poll(() => new URL(page.url()).searchParams.get('present')).toBeNull();
    await page.close();
  });

  test('a scene link opens that scene with its title and caption', async () => {
    const scene = atlas.scenes[2]!;
    const { page } = await openAtlas(browser, '/?present=1&scene=3', { width: 1280, height: 720 });
    const deck = page.getByRole('region', { name: 'Présentation' });
    await expect
      .poll(() => deck.getByText(new RegExp(`^3 / ${atlas.scenes.length}$`)).isVisible())
      .toBe(true);
    await expect.poll(() => deck.getByRole('heading', { level: 2 }).textContent()).toBe(scene.title);
    await expect.poll(() => deck.getByText(scene.caption).isVisible()).toBe(true);
    await page.close();
  });

  test('the funding scene shows the summary by scope, national envelopes apart', async () => {
    const index = atlas.scenes.findIndex((scene) => scene.summary);
    expect(index, 'the deck has a funding scene').toBeGreaterThanOrEqual(0);
    const national = fundingOf(atlas.scenes[index]!, 'national');
    const own = fundingOf(atlas.scenes[index]!, 'zone');
    expect(national.length, 'national envelopes reach the scene').toBeGreaterThan(0);

    const { page } = await openAtlas(browser, `/?present=1&scene=${index + 1}`, { width: 1280, height: 720 });
    const summary = page.getByRole('region', { name: 'Synthèse régionale' });
    const nationalBlock = summary.getByRole('region', { name: /Enveloppes nationales/ });
    const ownBlock = summary.getByRole('region', { name: /Montants propres aux zones/ });
    await expect.poll(() => nationalBlock.getByRole('listitem').count()).toBe(national.length);
    for (const amount of new Set(national)) {
      await expect
        .poll(() => nationalBlock.getByText(amount, { exact: true }).first().isVisible())
        .toBe(true);
    }
    // The zones' own money stands apart; where the sources give none, that block says so.
    await expect.poll(() => ownBlock.getByRole('listitem').count()).toBe(own.length);
    if (own.length === 0) {
      await expect
        .poll(() => ownBlock.textContent())
        .toContain('Aucun montant de ce niveau dans les sources.');
    }
    await page.close();
  });

  test('the exported PNG is a 1920×1080 slide that is not blank and carries text beside the map', async () => {
    const { page } = await openAtlas(browser, '/?prog=npnru');
    const download = page.waitForEvent('download');
    await chooseFromHeaderMenu(page, "Exporter l'image");
    const file = await (await download).path();
    const png = await readFile(file);
    // PNG header: width and height are big-endian at bytes 16 and 20.
    expect(png.readUInt32BE(16)).toBe(1920);
    expect(png.readUInt32BE(20)).toBe(1080);

    const stats = await page.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(image, 0, 0);
      const variance = (x: number, y: number, w: number, h: number) => {
        const data = ctx.getImageData(x, y, w, h).data;
        let sum = 0;
        let sumSq = 0;
        for (let i = 0; i < data.length; i += 4) {
          const v = data[i]! + data[i + 1]! + data[i + 2]!;
          sum += v;
          sumSq += v * v;
        }
        const n = data.length / 4;
        return sumSq / n - (sum / n) ** 2;
      };
      return {
        whole: variance(0, 0, canvas.width, canvas.height),
        // The right column (legend, caption, sources) and the title band hold text.
        side: variance(Math.round(canvas.width * 0.75), 200, Math.round(canvas.width * 0.2), 600),
        title: variance(0, 0, canvas.width, 90)
      };
    }, png.toString('base64'));
    expect(stats.whole).toBeGreaterThan(200);
    expect(stats.side).toBeGreaterThan(50);
    expect(stats.title).toBeGreaterThan(50);
    await page.close();
  });
});

/** What one step of the deck shows: its smallest texts, map label sizes and cut text boxes. */
interface StepReport {
  /** Where the deck stands: scene number and the part line, if any. */
  at: string;
  /** Smallest text of the presenter, legend, scene panel, header and map credit, with what it is. */
  smallest: { size: number; text: string };
  /** text-size of every visible symbol layer of the map. */
  mapSizes: { id: string; size: unknown }[];
  /** Texts cut by the window's or the panel's edge: "text (where)". */
  cut: string[];
  /** Indexes of the panel's entries shown whole. */
  shownBlocks: number[];
  /** How many entries the panel has (0 without a panel). */
  blockCount: number;
}

/** Reads what the deck shows now (see StepReport). */
function readStep(page: Page): Promise<StepReport> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const height = window.innerHeight;
    const hidden = (element: Element) =>
      element.closest('.visually-hidden, [aria-hidden="true"]') !== null ||
      element.getClientRects().length === 0;
    const texts = (root: Element | null) =>
      root
        ? [root, ...root.querySelectorAll('*')].filter(
            (element) =>
              !hidden(element) &&
              [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent!.trim() !== '')
          )
        : [];
    const panel = document.getElementById('panel');
    const presenter = document.querySelector('.presenter');
    const legend = document.querySelector('.legend-slot');
    // The header (title and data date) and the map's credit stay on screen too.
    const header = document.querySelector('header');
    const credit = document.querySelector('.maplibregl-ctrl-attrib');
    let smallest = { size: Infinity, text: '' };
    for (const element of [
      ...texts(presenter),
      ...texts(legend),
      ...texts(panel),
      ...texts(header),
      ...texts(credit)
    ]) {
      const size = parseFloat(getComputedStyle(element).fontSize);
      if (size < smallest.size) smallest = { size, text: element.textContent!.trim().slice(0, 60) };
    }

    const cut: string[] = [];
    const inside = (r: DOMRect, box: { top: number; bottom: number; left: number; right: number }) =>
      r.top >= box.top - 1 &&
      r.bottom <= box.bottom + 1 &&
      r.left >= box.left - 1 &&
      r.right <= box.right + 1;
    const outside = (r: DOMRect, box: { top: number; bottom: number; left: number; right: number }) =>
      r.bottom <= box.top + 1 ||
      r.top >= box.bottom - 1 ||
      r.right <= box.left + 1 ||
      r.left >= box.right - 1;
    const screen = { top: 0, bottom: height, left: 0, right: width };
    for (const element of [...texts(presenter), ...texts(legend)]) {
      if (element.closest('.presenter-black, .overview')) continue;
      const r = element.getBoundingClientRect();
      if (!inside(r, screen)) cut.push(`${element.textContent!.trim().slice(0, 40)} (window)`);
    }
    const shownBlocks: number[] = [];
    // Entries: innermost list items (an event and its lines), and the texts outside them.
    const blocks = panel
      ? [...panel.querySelectorAll('li, h2, h3, h4, p, figure')].filter((element) =>
          element.matches('li') ? element.querySelector('li') === null : element.closest('li') === null
        )
      : [];
    if (panel) {
      const p = panel.getBoundingClientRect();
      // The part shown: the panel less what its clip-path (CSS inset shorthand) hides.
      const inset = (/inset\(([^)]*)\)/.exec(panel.style.clipPath)?.[1] ?? '0').split(/\s+/).map(parseFloat);
      const clipTop = inset[0] ?? 0;
      const clipBottom = inset.length > 2 ? inset[2]! : clipTop;
      const box = {
        top: Math.max(0, p.top + panel.clientTop + clipTop),
        left: Math.max(0, p.left),
        right: Math.min(width, p.right),
        bottom: Math.min(height, p.top + panel.clientTop + panel.clientHeight - clipBottom)
      };
      blocks.forEach((block, i) => {
        const r = block.getBoundingClientRect();
        if (r.height === 0) return;
        if (inside(r, box)) shownBlocks.push(i);
        else if (!outside(r, box)) cut.push(`${block.textContent!.trim().slice(0, 40)} (panel)`);
      });
    }

    type StyleMap = {
      getStyle: () => { layers: { id: string; type: string }[] };
      getLayoutProperty: (id: string, name: string) => unknown;
    };
    const map = (document.querySelector('.map') as HTMLElement & { maplibre: StyleMap }).maplibre;
    const mapSizes = map
      .getStyle()
      .layers.filter(
        (layer) => layer.type === 'symbol' && map.getLayoutProperty(layer.id, 'visibility') !== 'none'
      )
      .map((layer) => ({ id: layer.id, size: map.getLayoutProperty(layer.id, 'text-size') }));
    const part = document.querySelector('.presenter .part')?.textContent?.trim() ?? '';
    return {
      at: `${new URL(location.href).searchParams.get('scene')} ${part}`,
      smallest,
      mapSizes,
      cut,
      shownBlocks,
      blockCount: blocks.length
    };
  });
}

describe('every scene at projector sizes', () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 }
  ]) {
    test(`at ${viewport.width}×${viewport.height}, every scene and part shows its texts and map names at the presentation size, none cut`, async () => {
      // One text size: 15 px at 1280, 20 px at 1920 (presenter.css, theme.ts).
      const minimum = presentTextSize(viewport.width) - 0.5;
      const { page, errors } = await openAtlas(browser, '/?present=1&scene=1', viewport);
      const deck = page.getByRole('region', { name: 'Présentation' });
      await deck.waitFor();
      const seen = new Map<string, Set<number>>();
      const blockCounts = new Map<string, number>();
      let previous = '';
      for (let step = 0; step < 80; step++) {
        // The step is settled when the deck shows a new place and the map is idle again.
        if (step > 0) {
          await page.keyboard.press('ArrowRight');
          const moved = await expect
            .poll(() => readStep(page).then((report) => report.at), { timeout: 10_000 })
            .not.toBe(previous)
            .then(
              () => true,
              () => false
            );
          if (!moved) break;
        }
        await page.waitForTimeout(300);
        await waitForMapIdle(page);
        // The panel's parts settle once its content has loaded.
        await expect
          .poll(() => readStep(page).then((report) => [report.at, ...report.cut]), { timeout: 15_000 })
          .toEqual([(await readStep(page)).at]);
        const report = await readStep(page);
        previous = report.at;
        expect(report.smallest.size, `${report.at}: "${report.smallest.text}"`).toBeGreaterThanOrEqual(
          minimum
        );
        for (const { id, size } of report.mapSizes) {
          expect(typeof size, `${report.at}: ${id} has one text size`).toBe('number');
          expect(size as number, `${report.at}: map label layer ${id}`).toBeGreaterThanOrEqual(minimum);
        }
        const scene = report.at.split(' ')[0]!;
        const shown = seen.get(scene) ?? new Set<number>();
        report.shownBlocks.forEach((i) => shown.add(i));
        seen.set(scene, shown);
        blockCounts.set(scene, report.blockCount);
      }
      expect(seen.size, 'the walk reached every scene').toBe(atlas.scenes.length);
      // Every entry of a scene's panel is shown whole in one of its parts.
      for (const [scene, count] of blockCounts) {
        expect(seen.get(scene)!.size, `scene ${scene}: panel entries shown whole`).toBe(count);
      }
      expect(errors).toEqual([]);
      await page.close();
    }, 400_000);
  }
});
