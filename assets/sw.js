// Temper's service worker: offline after the first visit. The post-build
// step fills in the version and the list of every file in the build, so
// hashed file names are always included. Nothing here talks to any server
// other than the one Temper was loaded from.
// Cache names carry the deployment's scope, so two deployments on one
// origin (/tools/temper/ and /tools/temper-v2/) never delete each other's.
const PREFIX = `temper:${self.registration.scope}:`;
const CACHE = `${PREFIX}v__VERSION__`;
const FILES = __FILES__;

// Installed from the network, never from the HTTP cache: a cached old
// index.html or language file would point to files this deployment no
// longer has.
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) =>
    cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => (k.startsWith(PREFIX) || k.startsWith('temper-')) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// The page asks for this only when the person chooses to reload.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

// Cache first; a navigation to the app's own page (with any #screen) gets
// the app page. A deeper path is not the app: it goes to the network, as
// the page's relative URLs would not work there.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const hit = await cache.match(request, { ignoreSearch: true });
      if (hit) return hit;
      const path = new URL(request.url).pathname;
      const scope = new URL(self.registration.scope).pathname;
      if (request.mode === 'navigate' && (path === scope || path === `${scope}index.html`)) {
        const page = await cache.match('./index.html');
        if (page) return page;
      }
      return fetch(request);
    }),
  );
});
