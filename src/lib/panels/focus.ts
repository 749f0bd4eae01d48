// Where keyboard focus goes when a sheet or a panel laid over it closes: to what the closing
// uncovers, so that focus never falls back to the top of the page.

/** After a sheet closed: the open panel if any (it is what now shows), else the map. */
export function focusAfterSheet(): void {
  (document.getElementById('panel') ?? document.getElementById('carte'))?.focus();
}

/** After a panel laid over a sheet closed: the sheet's heading, else the map. */
export function focusAfterPanel(): void {
  const heading = document.querySelector<HTMLElement>('.sheet h2');
  (heading ?? document.getElementById('carte'))?.focus();
}
