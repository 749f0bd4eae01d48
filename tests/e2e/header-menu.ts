// The header's « Plus » menu, as a user reaches an action in it: open the menu, choose the item.
import type { Page } from 'playwright-core';

/** Opens the header's « Plus » menu and chooses the item named `name`. */
export async function chooseFromHeaderMenu(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Plus' }).click();
  await page.getByRole('menu', { name: 'Plus' }).getByRole('menuitem', { name }).click();
}
