// Stylesheets of lazy components, linked when the component is first asked for. SvelteKit
// loads the styles of every dynamically imported component with the page's first picture, so
// a lazy component keeps its styles in a file of its own, loaded with its code instead.

const loaded = new Map<string, Promise<void>>();

/**
 * Links the stylesheet at `href` once and resolves when it has loaded, so the component shows
 * styled; a sheet that fails to load resolves too (an unstyled panel beats none at all).
 */
export function linkStylesheet(href: string): Promise<void> {
  let done = loaded.get(href);
  if (!done) {
    done = new Promise<void>((resolve) => {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = href;
      link.onload = link.onerror = () => resolve();
      document.head.append(link);
    });
    loaded.set(href, done);
  }
  return done;
}
