// The driver page's service worker: keeps the page, its scripts and the last route sheets it loaded, so that the
// sheet opens without a connection (in the car). Answers from the network first; the cache only when offline.
// Ticks made offline are queued by js/driver.js (localStorage) and sent when the connection is back.
'use strict';
const CACHE = 'foodnet-driver-v1';
const SHELL = ['/driver.html', '/css/foodnet.css', '/js/foodnet.js', '/js/driver.js'];
// the answers the page needs to draw the sheet: who is signed in, the networks, the route sheets (any network prefix)
const KEPT_API = /^\/api\/(me|me\/networks|(networks\/[^/]+\/)?drivers\/me\/route-sheet)$/;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('foodnet-driver-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname === '/logout') {       // signing out forgets the kept sheets (the next person sees none)
    event.waitUntil(caches.delete(CACHE));
    return;
  }
  if (request.method !== 'GET') return;
  const shell = SHELL.includes(url.pathname);
  if (!shell && !KEPT_API.test(url.pathname)) return;
  event.respondWith(fetch(request).then((response) => {
    if (response.ok && !response.redirected) {
      const copy = response.clone();
      event.waitUntil(caches.open(CACHE).then((c) => c.put(request, copy)));
    }
    return response;
  }).catch(() => caches.match(request, { ignoreVary: true, ignoreSearch: shell })
    .then((hit) => hit || Response.error())));
});
