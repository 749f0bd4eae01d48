// The sheets are not part of the first picture: their code loads once that picture is drawn, or
// at once when a click or a link opens a sheet before then. Once loaded, a sheet opens in the same
// update as its selection, so the camera frames around it as before.

type SheetComponents = typeof import('./sheet-components');

let components = $state.raw<SheetComponents | null>(null);
let failed = $state(false);
let pending: Promise<void> | undefined;

/** The sheets' components once loaded (null until then), and whether the last load failed. */
export const sheets = {
  get components() {
    return components;
  },
  get failed() {
    return failed;
  }
};

/** Loads the sheets' code once; after a failure (offline before it was saved), the next call tries again. */
export function loadSheets(): Promise<void> {
  pending ??= import('./sheet-components').then(
    (loaded) => {
      components = loaded;
      failed = false;
    },
    () => {
      failed = true;
      pending = undefined;
    }
  );
  return pending;
}
