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
  window.addEventListener('load', () => {
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
  });
}
