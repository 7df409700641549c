// The service-worker adapter: registers sw.js and, when a new version has
// been downloaded, offers "Update available — reload". It never switches
// versions by itself, so a check-in in progress is never interrupted.
// Plain JS, so offline support adds nothing to the wasm.
if ('serviceWorker' in navigator) {
  let reloading = false;
  const offer = (worker) => {
    if (document.getElementById('update')) return;
    const root = document.documentElement.dataset;
    const bar = document.createElement('p');
    bar.id = 'update';
    bar.className = 'banner';
    bar.setAttribute('role', 'status');
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = root.updateButton || 'Reload';
    button.addEventListener('click', () => {
      reloading = true;
      worker.postMessage('skip-waiting');
    });
    bar.append(root.updateText || 'Update available.', ' ', button);
    document.body.prepend(bar);
  };
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloading) location.reload();
  });
  let asked = false;
  const register = () => {
    if (asked) return;
    asked = true;
    navigator.serviceWorker.register('./sw.js').then((reg) => {
      if (!reg) return;
      if (reg.waiting && navigator.serviceWorker.controller) offer(reg.waiting);
      reg.addEventListener('updatefound', () => {
        const worker = reg.installing;
        worker?.addEventListener('statechange', () => {
          if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
        });
      });
    }, () => {});
  };
  // Not before the app has started: installing downloads every file again
  // (`cache: 'reload'`, see sw.js), which on a first visit competed with
  // the app's own downloads and start-up. The app has started once it has
  // taken the static screen away (`#prerender`, src/lib.rs); then register
  // after the frame that shows the app (a hidden tab runs no frames: 1 s).
  // A start that fails never takes it away: 10 s after the page loaded.
  window.addEventListener('load', () => {
    const soon = () => {
      requestAnimationFrame(() => setTimeout(register, 0));
      setTimeout(register, 1000);
    };
    const started = () => !document.getElementById('prerender');
    if (started()) return soon();
    setTimeout(register, 10000);
    new MutationObserver((_, watch) => {
      if (started()) {
        watch.disconnect();
        soon();
      }
    }).observe(document.body, { childList: true });
  });
}
