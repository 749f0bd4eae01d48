// Exploring, from the user's side: filters update the map, the list and the
// counts together; search finds a quarter by its town; links restore the screen;
// the list works with the keyboard alone; hostile URLs break nothing. The zones, names and
// counts checked are read from the built data (built-data.ts).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { LAYER_IDS, PROGRAMMES, type Programme, type Zone } from '../../src/lib/types';
import { formatDate } from '../../src/lib/format/date';
import { PROGRAMME_LABELS } from '../../src/lib/labels';
import { launchBrowser, mapPatch, mapPixel, openAtlas, waitForMapIdle } from './browser';
import { atlas, findableQuarter, hashOn, places, programmesByZone, typed, zoneFeatures } from './built-data';

/** True when the pixel is the quarters' red rather than the pale land. */
const isQuarterRed = ([r, g, b]: [number, number, number]) => r > g + 40 && r > b + 40;

/** A regular expression matching `text` literally. */
const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Programmes to tick together ("tous"), the zones they keep, and a quarter they leave out
 * whose département keeps no zone (so its spot on the map goes pale and its count is 0).
 * Pairs first, so that "tous" is put to work; a commune-union quarter first, as no QPV
 * contour of the QPV layer then lies under its spot.
 */
function filterLeavingOut(): { programmes: Programme[]; kept: Zone[]; quarter: Zone } {
  const offered = PROGRAMMES.filter((p) => atlas.zones.some((z) => programmesByZone[z.id]!.includes(p)));
  const sets = [
    ...offered.flatMap((p, i) => offered.slice(i + 1).map((q) => [p, q])),
    ...offered.map((p) => [p])
  ];
  const quarters = atlas.zones
    .filter((zone) => zone.kind === 'quarter')
    .sort((a, b) => Number(b.qpvs.length === 0) - Number(a.qpvs.length === 0));
  for (const programmes of sets) {
    const kept = atlas.zones.filter((z) => programmes.every((p) => programmesByZone[z.id]!.includes(p)));
    if (kept.length === 0) continue;
    const quarter = quarters.find((q) => kept.every((k) => k.departement !== q.departement));
    if (quarter) return { programmes, kept, quarter };
  }
  throw new Error('the built data has no programme filter leaving a whole département out');
}

/**
 * A quarter found by its town: its only commune is named nowhere else among the zones (no other
 * quarter lists it, no zone's name holds it), and its own name does not hold the town's.
 */
function quarterFoundByTown(): { quarter: Zone; town: string } {
  for (const quarter of atlas.zones) {
    if (quarter.kind !== 'quarter' || quarter.communes.length !== 1) continue;
    const town = typed(quarter.communes[0]!.name);
    const elsewhere = atlas.zones.some(
      (other) =>
        typed(other.name).includes(town) ||
        (other.id !== quarter.id && other.communes.some((c) => typed(c.name) === town))
    );
    if (!elsewhere) return { quarter, town };
  }
  throw new Error('the built data has no quarter alone in a town named nowhere else');
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function sheetHeading(page: Page): Promise<string | null> {
  const sheet = page.getByRole('complementary', { name: 'Fiche de la zone' });
  await sheet.waitFor();
  return sheet.getByRole('heading', { level: 2 }).textContent();
}

describe('exploring the atlas', () => {
  test('filtering updates the map, the counts, the sentence and the list together', async () => {
    const { programmes, kept, quarter } = filterLeavingOut();
    const { page } = await openAtlas(browser, `/?panel=filters${hashOn(quarter.id, 12)}`);
    // A patch, not a pixel: an approximate quarter is hatched, red lines with gaps between.
    expect((await mapPatch(page, 0.5, 0.5, 8)).some(isQuarterRed)).toBe(true);

    const filters = page.getByRole('form', { name: 'Filtrer les zones' });
    // The rule behind the programme counts is stated next to them.
    await filters.getByText(/nationales sont listées dans les fiches mais ne comptent pas/).waitFor();
    for (const programme of programmes) {
      await filters
        .getByRole('checkbox', { name: new RegExp(`^${literally(PROGRAMME_LABELS[programme])} \\(`) })
        .check();
    }
    await filters.getByRole('radio', { name: 'tous' }).check();
    await expect.poll(() => page.url()).toContain(`prog=${programmes.join(',')}`);
    await expect.poll(() => page.url()).toContain('mode=all');
    // The sentence counts the zones having every ticked programme, and the quarter leaves the map.
    const status = filters.getByRole('status');
    await expect.poll(() => status.textContent()).toMatch(new RegExp(`^${kept.length} `));
    await waitForMapIdle(page);
    expect((await mapPatch(page, 0.5, 0.5, 8)).some(isQuarterRed)).toBe(false);
    // Faceted counts follow: adding the quarter's département to this filter would give no zone.
    const departement = `${atlas.departements[quarter.departement]} (${quarter.departement})`;
    await expect
      .poll(() => filters.getByRole('checkbox', { name: `${departement} (0 zones)`, exact: true }).count())
      .toBe(1);

    await page.getByRole('button', { name: 'Liste', exact: true }).click();
    const rows = page.getByRole('table').getByRole('row');
    await expect.poll(() => rows.count()).toBe(kept.length + 1); // header + the zones the sentence counts
    await page.close();
  });

  test('choosing an intercommunality keeps its zones in the sentence, the counts and the list', async () => {
    // The EPCI holding the most zones, and those zones, as the build wrote them.
    const zonesIn = (siren: string) => atlas.zones.filter((z) => atlas.zoneEpcis[z.id]?.includes(siren));
    const [siren] = Object.keys(atlas.epcis).sort((a, b) => zonesIn(b).length - zonesIn(a).length);
    const expected = zonesIn(siren!);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(atlas.zones.length);

    const { page } = await openAtlas(browser, '/?panel=filters');
    const filters = page.getByRole('form', { name: 'Filtrer les zones' });
    const select = filters.getByRole('combobox', { name: 'Intercommunalité (EPCI)' });
    await expect
      .poll(() => select.locator('option', { hasText: atlas.epcis[siren!] }).textContent())
      .toBe(`${atlas.epcis[siren!]} (${expected.length})`);
    await select.selectOption(siren!);
    await expect.poll(() => page.url()).toContain(`interco=${siren}`);
    const status = filters.getByRole('status');
    await expect.poll(() => status.textContent()).toMatch(new RegExp(`^${expected.length} `));
    await expect.poll(() => status.textContent()).toContain(` dans la ${atlas.epcis[siren!]}`);

    await page.getByRole('button', { name: 'Liste', exact: true }).click();
    const table = page.getByRole('table');
    await expect.poll(() => table.getByRole('row').count()).toBe(expected.length + 1);
    for (const zone of expected) {
      await expect.poll(() => table.getByRole('button', { name: zone.name, exact: true }).count()).toBe(1);
    }

    await page.getByRole('button', { name: 'Filtres', exact: true }).click();
    await page.getByRole('button', { name: 'Réinitialiser' }).click();
    await expect.poll(() => page.url()).not.toContain('interco=');
    await expect.poll(() => select.inputValue()).toBe('');
    await page.close();
  });

  test("typing a town, unaccented, then Enter opens the town's sheet, which leads to its quarter", async () => {
    const { quarter, town } = quarterFoundByTown();
    const commune = quarter.communes[0]!;
    const { page } = await openAtlas(browser);
    const search = page.getByRole('combobox', { name: /Rechercher/ });
    await search.fill(town);
    // The place called what was typed comes first, the quarter lying in it right after.
    const options = page.getByRole('option');
    await options.first().waitFor();
    await expect.poll(() => options.nth(0).textContent()).toContain(commune.name);
    await expect.poll(() => options.nth(1).textContent()).toContain(quarter.name);
    await search.press('Enter');
    const sheet = page.getByRole('complementary', { name: 'Fiche de la commune' });
    await expect.poll(() => sheet.getByRole('heading', { level: 2 }).textContent()).toBe(commune.name);
    await expect
      .poll(() => sheet.getByRole('button', { name: quarter.name, exact: true }).isVisible())
      .toBe(true);
    await expect.poll(() => page.url()).toContain(`commune=${commune.insee}`);
    await page.close();
  });

  test('a filter click reads no data file again', async () => {
    const { programmes } = filterLeavingOut();
    const { page } = await openAtlas(browser, '/?panel=filters');
    const dataRequests: string[] = [];
    page.on('request', (request) => {
      if (/\/data\/(atlas\.json|[a-z]+\.geojson)$/.test(request.url())) dataRequests.push(request.url());
    });
    await page
      .getByRole('form', { name: 'Filtrer les zones' })
      .getByRole('checkbox', { name: new RegExp(`^${literally(PROGRAMME_LABELS[programmes[0]!])} \\(`) })
      .check();
    // The link changes once the navigation, with any load it runs, is done.
    await expect.poll(() => page.url()).toContain(`prog=${programmes[0]}`);
    await waitForMapIdle(page);
    expect(dataRequests).toEqual([]);
    await page.close();
  });

  test('a copied URL reopens the same filters, layers, panel and sheet in a new page', async () => {
    const quarter = findableQuarter();
    const departement = new RegExp(`^${literally(atlas.departements[quarter.departement]!)} \\(`);
    const { page } = await openAtlas(browser, '/?panel=layers');
    await page.getByRole('checkbox', { name: /^Communes/ }).check();
    await page.getByRole('checkbox', { name: /^Quartiers prioritaires \(QPV\)/ }).uncheck();
    await page.getByRole('button', { name: 'Filtres', exact: true }).click();
    await page.getByRole('checkbox', { name: departement }).check();
    const search = page.getByRole('combobox', { name: /Rechercher/ });
    await search.fill(quarter.name);
    await page.getByRole('option').first().click();
    await expect.poll(() => sheetHeading(page)).toBe(quarter.name);
    const copied = page.url();
    await page.close();

    const { page: again } = await openAtlas(browser, copied.slice(copied.indexOf('/', 8)));
    await expect.poll(() => sheetHeading(again)).toBe(quarter.name);
    await expect.poll(() => again.getByRole('checkbox', { name: departement }).isChecked()).toBe(true);
    await again.getByRole('button', { name: 'Couches', exact: true }).click();
    await expect.poll(() => again.getByRole('checkbox', { name: /^Communes/ }).isChecked()).toBe(true);
    await expect
      .poll(() => again.getByRole('checkbox', { name: /^Quartiers prioritaires \(QPV\)/ }).isChecked())
      .toBe(false);
    await expect.poll(() => again.url()).toBe(copied.replace('panel=filters', 'panel=layers'));
    await again.close();
  });

  test('the zone list opens a sheet with the keyboard alone', async () => {
    const { page } = await openAtlas(browser, '/?panel=list');
    // Tab until a zone button of the list has the focus.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const inTable = await page.evaluate(
        () =>
          document.activeElement?.closest('table') !== null &&
          document.activeElement?.closest('tbody') !== null
      );
      if (inTable) break;
    }
    const name = await page.evaluate(() => document.activeElement?.textContent?.trim());
    expect(name).toBeTruthy();
    await page.keyboard.press('Enter');
    await expect.poll(() => sheetHeading(page)).toBe(name);
    await page.close();
  });

  test('searching a commune opens its sheet, listing the zones that concern it', async () => {
    // The commune listed by the most quarters, among those whose name no other commune bears;
    // its sheet lists those quarters and its département's acceleration territories.
    const quartersOf = (code: string) => atlas.zones.filter((z) => z.communes.some((c) => c.insee === code));
    const commune = places.communes
      .filter((c) => places.communes.every((o) => o === c || typed(o.name) !== typed(c.name)))
      .reduce((a, b) => (quartersOf(b.code).length > quartersOf(a.code).length ? b : a));
    const concerned = [
      ...quartersOf(commune.code),
      ...atlas.zones.filter(
        (z) => z.kind === 'acceleration-territory' && z.departement === commune.departement
      )
    ];
    expect(concerned.length).toBeGreaterThan(1);

    const { page } = await openAtlas(browser);
    await page.getByRole('combobox', { name: /Rechercher/ }).fill(commune.name);
    await page
      .getByRole('option')
      .filter({ hasText: /Commune(?!s)/ })
      .first()
      .click();
    const sheet = page.getByRole('complementary', { name: 'Fiche de la commune' });
    await expect.poll(() => sheet.getByRole('heading', { level: 2 }).textContent()).toBe(commune.name);
    for (const { name } of concerned) {
      await expect.poll(() => sheet.getByRole('button', { name, exact: true }).isVisible()).toBe(true);
    }
    await expect.poll(() => page.url()).toContain(`commune=${commune.code}`);
    await page.close();
  });

  test('the spotlight option dims the map outside the chosen département', async () => {
    const brightness = ([r, g, b]: [number, number, number]) => r + g + b;
    // Centred on the most populous commune of one département of the region, with another chosen in the filter.
    const [chosen, other] = atlas.regionDepartements[atlas.region.code]!;
    const town = places.communes
      .filter((c) => c.departement === other)
      .reduce((a, b) => ((b.population ?? 0) > (a.population ?? 0) ? b : a));
    const [west, south, east, north] = town.bbox;
    const camera = `#10/${(south + north) / 2}/${(west + east) / 2}`;
    const { page: plain } = await openAtlas(browser, `/?dep=${chosen}${camera}`);
    const before = brightness(await mapPixel(plain));
    await plain.close();
    const { page: dimmed } = await openAtlas(browser, `/?dep=${chosen}&spot=1${camera}`);
    const after = brightness(await mapPixel(dimmed));
    expect(after).toBeLessThan(before * 0.8);
    await dimmed.close();
  });

  test('on a tablet, the list and a sheet open together still leave the map in view', async () => {
    const quarter = findableQuarter();
    const { page } = await openAtlas(browser, `/?panel=list&zone=${quarter.id}`, {
      width: 820,
      height: 1180
    });
    await expect.poll(() => sheetHeading(page)).toBe(quarter.name);
    const map = (await page.locator('.map canvas').boundingBox())!;
    const sheet = (await page.getByRole('complementary', { name: 'Fiche de la zone' }).boundingBox())!;
    // The sheet lies over the map's left part; at least a third of the map stays uncovered.
    expect(map.x + map.width - (sheet.x + sheet.width)).toBeGreaterThan(map.width / 3);
    // The link opened framed on the quarter, not on a world view.
    const zoom = Number(new URL(page.url()).hash.slice(1).split('/')[0]);
    expect(zoom).toBeGreaterThan(9);
    await page.close();
  });

  test('back and forward step through selected zones', async () => {
    const [first, second] = [findableQuarter(0), findableQuarter(1)];
    const { page } = await openAtlas(browser, `/?zone=${first.id}`);
    await page.getByRole('combobox', { name: /Rechercher/ }).fill(second.name);
    await page.getByRole('option').first().click();
    await expect.poll(() => sheetHeading(page)).toBe(second.name);
    await page.goBack();
    await expect.poll(() => sheetHeading(page)).toBe(first.name);
    await page.goForward();
    await expect.poll(() => sheetHeading(page)).toBe(second.name);
    await page.close();
  });

  test('the legend takes its dates and names from the data it was built with', async () => {
    const { page } = await openAtlas(browser, `/?layers=${LAYER_IDS.join(',')}`);
    const legend = page.getByRole('region', { name: 'Légende' });
    await expect.poll(() => legend.textContent()).toContain(`Région ${atlas.region.name}`);
    const text = (await legend.textContent()) ?? '';
    expect(text).toContain(`EPCI au ${formatDate(atlas.reference.asOf)}`);
    const quarterDates = new Set(atlas.zones.filter((z) => z.kind === 'quarter').map((z) => z.statusDate));
    const [shared] = quarterDates;
    if (quarterDates.size === 1 && shared) expect(text).toContain(`(point de ${formatDate(shared)})`);
    else expect(text).not.toContain('(point de');
    await page.close();
  });

  const [oneZone, anotherZone] = zoneFeatures.map((f) => f.properties.id);
  test.each([
    ['/?zone=<script>alert(1)</script>&prog=npnru'],
    ['/?zone=<img src=x onerror=alert(1)>&panel=list'],
    ['/?prog=inconnu,npnru&dep=99,59&layers=quarters,bogus'],
    [`/?zone=${oneZone}&zone=${anotherZone}&scene=9999&present=maybe`],
    [`/?junk=${'x'.repeat(10_000)}&panel=list`],
    ['/?prog=%E0%A4%A&dep=%ZZ#999/999/999']
  ])('a hostile or malformed URL keeps the page working and runs none of its text: %s', async (path) => {
    const { page, errors, dialogs } = await openAtlas(browser, path);
    expect(errors).toEqual([]);
    await expect.poll(() => page.getByRole('region', { name: 'Légende' }).isVisible()).toBe(true);
    // A script smuggled in the link would have opened an alert by now.
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
