// axe-core run in a page of the built site: what a screen-reader or keyboard user, or a reader
// who needs contrast, would meet. Shared by the browser tests of every view.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

let source: Promise<string> | undefined;

/**
 * The axe-core violations of impact critical or serious in the element `selector` names (the
 * whole document by default), on the page as it stands, one line each.
 */
export async function seriousViolations(page: Page, selector?: string): Promise<string[]> {
  source ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the DevTools protocol: the page's CSP (rightly) refuses an inline script tag.
  await page.evaluate(await source);
  const context = selector === undefined ? 'document' : `document.querySelector(${JSON.stringify(selector)})`;
  const violations = await page.evaluate(
    `axe.run(${context}, { resultTypes: ["violations"] }).then((r) => r.violations)`
  );
  return (violations as { id: string; impact: string; nodes: { target: string[] }[] }[])
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
