// The display-preferences adapter, run before the first paint:
// - applies the remembered theme, so a chosen dark or light theme never
//   flashes the other one;
// - hides the prerendered English home screen when it doesn't apply, and
//   the app behind it until the app replaces it;
// - starts downloading the language file the app will ask for (the app
//   decides for certain; this guess only saves a round trip), and sets
//   <html lang> early;
// - provides `temperPainted`, a promise settled once the first frame is on
//   screen: the app's loader waits for it;
// - provides `temperFailed`, which the loader calls if the app can't start:
//   it says so, in the page's language, instead of leaving a blank page (a
//   person coming back) or a home screen whose button leads nowhere.
// It only reads `temper.theme` and `temper.lang` (the app writes them), and
// whether `temper.data` or `temper.draft` exists.
(() => {
  const root = document.documentElement;
  // The app mounts behind the static screen and stays hidden until it
  // replaces it (src/lib.rs `drop_prerender` removes this). Set here, not
  // in index.html, so that without JavaScript nothing is hidden: the
  // <noscript> words show. First, so nothing below can skip it.
  root.setAttribute('data-starting', '');
  let stored = {};
  try {
    stored = {
      theme: localStorage.getItem('temper.theme'),
      lang: localStorage.getItem('temper.lang'),
      // Without reading them: a long history is a long string. A check-in
      // in progress alone also changes home ("Continue your check-in").
      back: 'temper.data' in localStorage || 'temper.draft' in localStorage,
    };
  } catch (e) {
    // Storage blocked: follow the system.
  }
  if (stored.theme === 'light' || stored.theme === 'dark') root.dataset.theme = stored.theme;
  // The build lists the languages there are files for (scripts/post-build.mjs).
  const known = (root.dataset.langs || 'en').split(' ');
  const lang = [stored.lang, ...(navigator.languages || [])]
    .map((l) => (l || '').split('-')[0].toLowerCase())
    .find((l) => known.includes(l)) || 'en';
  root.lang = lang;
  // index.html carries the English home screen of a first visit, painted
  // before the app loads; anywhere else (another screen, another language,
  // a person coming back to their own data or to a check-in in progress) it
  // would be wrong, so it is hidden until the app replaces it.
  if (lang !== 'en' || stored.back || !/^#?\/?$/.test(location.hash)) root.classList.add('no-prerender');
  // Downloads start once the first frame is on screen (the paint timing
  // entry is reported after the frame is presented), so they never compete
  // with it. A hidden tab paints nothing: it starts at once. Without paint
  // timing, or if it never reports, the timeout starts them.
  window.temperPainted = new Promise((go) => {
    setTimeout(go, 2000);
    if (document.visibilityState === 'hidden') return go();
    try {
      new PerformanceObserver((list, observer) => {
        observer.disconnect();
        go();
      }).observe({ type: 'paint', buffered: true });
    } catch (e) {
      requestAnimationFrame(() => setTimeout(go, 0));
    }
  });
  // Nothing stored is read or touched here: the check-ins are still there
  // for a reload, or for the next version. The build writes each
  // language's text on <html data-failed-<code>> (scripts/post-build.mjs).
  window.temperFailed = (error) => {
    console.error(error);
    if (document.getElementById('failed')) return;
    const p = document.createElement('p');
    p.id = 'failed';
    p.className = 'banner';
    p.setAttribute('role', 'alert');
    p.textContent = root.getAttribute(`data-failed-${lang}`) || root.getAttribute('data-failed-en') || 'Temper could not start.';
    document.body.prepend(p);
  };
  // The language file the app will ask for (see scripts/post-build.mjs for
  // the app itself).
  window.temperPainted.then(() => {
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = `i18n/${lang}.json`;
    document.head.append(link);
  });
})();
