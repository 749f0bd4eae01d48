// Copying the page's address, for the explorer's header and the presentation alike. The link
// is the shared state (query and camera hash), so the address bar's text is what gets copied.

/**
 * Puts `text` in the clipboard: through the Clipboard API, else (API missing or refused, e.g.
 * a page served over plain HTTP or a denied permission) through a selected text field and the
 * older copy command. Resolves true when one of them copied.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return copyThroughSelection(text);
  }
}

function copyThroughSelection(text: string): boolean {
  const focused = document.activeElement;
  const field = document.createElement('textarea');
  field.value = text;
  field.setAttribute('readonly', '');
  // Out of sight but in the page: a hidden field cannot be selected.
  field.className = 'visually-hidden';
  document.body.append(field);
  field.select();
  let copied = false;
  try {
    // Deprecated, yet the one way left when the Clipboard API is refused.
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  field.remove();
  if (focused instanceof HTMLElement) focused.focus();
  return copied;
}

/**
 * Copies the page's current address and returns the sentence to announce: that it was copied
 * and what the link opens (`opens`, e.g. "cette scène"), or where to find it when it was not.
 */
export async function copyPageLink(opens: string): Promise<string> {
  return (await copyText(location.href))
    ? `Lien copié : il ouvre ${opens}.`
    : 'Copie refusée par le navigateur : l’adresse est dans la barre d’adresse.';
}
