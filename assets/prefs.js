// The display-preferences adapter, run before the first paint:
// - applies the remembered theme, so a chosen dark or light theme never
//   flashes the other one;
// - hides the prerendered English home screen when it doesn't apply;
// - starts downloading the language file the app will ask for (the app
//   decides for certain; this guess only saves a round trip), and sets
//   <html lang> early.
// It only reads `temper.theme` and `temper.lang`; the app writes them.
(() => {
  const root = document.documentElement;
  let stored = {};
  try {
    stored = { theme: localStorage.getItem('temper.theme'), lang: localStorage.getItem('temper.lang') };
  } catch (e) {
    // Storage blocked: follow the system.
  }
  if (stored.theme === 'light' || stored.theme === 'dark') root.dataset.theme = stored.theme;
  const known = ['en', 'es'];
  const lang = [stored.lang, ...(navigator.languages || [])]
    .map((l) => (l || '').split('-')[0].toLowerCase())
    .find((l) => known.includes(l)) || 'en';
  root.lang = lang;
  // index.html carries the English home screen, painted before the app
  // loads; anywhere else (another screen, another language) it would be
  // wrong, so it is hidden until the app replaces it.
  if (lang !== 'en' || !/^#?\/?$/.test(location.hash)) root.classList.add('no-prerender');
  // After the first paint, like the app itself (see scripts/post-build.mjs).
  requestAnimationFrame(() => setTimeout(() => {
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = `i18n/${lang}.json`;
    document.head.append(link);
  }, 0));
})();
