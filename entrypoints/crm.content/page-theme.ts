/**
 * Light or dark, as the CRM page looks (not as the OS prefers): the sidebar sits on the page.
 * Reads the page's background colour; 'auto' when the page leaves it transparent.
 */
export function pageTheme(): 'light' | 'dark' | 'auto' {
  for (const element of [document.body, document.documentElement]) {
    if (!element) continue;
    const rgb = /rgba?\(\s*(\d+)[ ,]+(\d+)[ ,]+(\d+)(?:[ ,/]+([\d.]+))?/.exec(getComputedStyle(element).backgroundColor);
    if (!rgb || (rgb[4] !== undefined && Number(rgb[4]) === 0)) continue;
    const [r, g, b] = [rgb[1], rgb[2], rgb[3]].map((c) => Number(c) / 255) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.45 ? 'dark' : 'light';
  }
  return 'auto';
}

/** Call `onChange` when the page switches theme (class, style or data attribute on <html>/<body>). */
export function watchPageTheme(onChange: () => void, signal: AbortSignal): void {
  const observer = new MutationObserver(onChange);
  const options = { attributes: true, attributeFilter: ['class', 'style', 'data-theme', 'data-color-mode'] };
  observer.observe(document.documentElement, options);
  if (document.body) observer.observe(document.body, options);
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
