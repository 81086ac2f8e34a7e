// The driver page: today's and upcoming trips, stops and trips marked done.
'use strict';
Foodnet.add({
  'drv.title': '配送表', 'drv.print': '印刷用の配送表（A4）', 'drv.pdf': 'PDF（A4）', 'drv.today': '今日の便', 'drv.upcoming': 'これからの便',
  'drv.none': '予定された便はありません。', 'drv.trip': '{0} {1}〜{2}', 'drv.load': '積む', 'drv.unload': '降ろす',
  'drv.stay': '積んだまま（降ろさない）', 'drv.passOnly': 'ここに立ち寄ります。積込み・荷下ろしはありません。',
  'drv.map': '地図を開く', 'drv.navTrip': '全行程のルート案内（停車順）', 'drv.done': 'この便を完了にする', 'drv.isDone': '完了しました ✓', 'drv.doneOk': '便 {0} を完了にしました。',
  'drv.open': '受付 {0}〜{1}', 'drv.for': '→ {0}', 'drv.stops': '{0} か所 · {1}',
  'drv.stopDone': 'ここを完了にする', 'drv.stopIsDone': 'ここは完了 ✓', 'drv.stopDoneOk': '{0} を完了にしました。',
  'drv.stopDoneLabel': '{0}. {1}: ここを完了にする', 'drv.queued': '{0}: 電波が戻ったら送ります（送信待ち）。',
  'drv.stopQueued': 'ここは完了 ✓（送信待ち）', 'drv.sent': '送信待ちの {0} 件を送りました。', 'drv.offline': 'オフラインです。保存してある配送表を表示しています。'
}, {
  'drv.title': 'Route sheet', 'drv.print': 'Printable route sheet (A4)', 'drv.pdf': 'PDF (A4)', 'drv.today': "Today's trips", 'drv.upcoming': 'Upcoming trips',
  'drv.none': 'No trips planned.', 'drv.trip': '{0} {1}–{2}', 'drv.load': 'Load', 'drv.unload': 'Unload',
  'drv.stay': 'Stays on board (do not unload)', 'drv.passOnly': 'Stop here: nothing to load or unload.',
  'drv.map': 'Open map', 'drv.navTrip': 'Directions for the whole trip', 'drv.done': 'Mark this trip done', 'drv.isDone': 'Done ✓', 'drv.doneOk': 'Trip {0} marked done.',
  'drv.open': 'open {0}–{1}', 'drv.for': '→ {0}', 'drv.stops': '{0} stops · {1}',
  'drv.stopDone': 'Mark this stop done', 'drv.stopIsDone': 'Stop done ✓', 'drv.stopDoneOk': '{0} marked done.',
  'drv.stopDoneLabel': '{0}. {1}: mark this stop done', 'drv.queued': '{0}: will be sent when the connection is back (waiting).',
  'drv.stopQueued': 'Stop done ✓ (waiting to be sent)', 'drv.sent': '{0} waiting tick(s) sent.', 'drv.offline': 'Offline: showing the saved route sheet.'
});

// Ticks made without a connection wait here (localStorage, kept across reloads) and are sent once it is back. The
// server records a stop's unloads once however often it is ticked (the ledger operation names trip and stop), so a
// tick that was sent but whose answer was lost is harmless when sent again.
const QUEUE = 'foodnet.pendingTicks';
const pending = () => { try { return JSON.parse(localStorage.getItem(QUEUE) || '[]'); } catch (e) { return []; } };
const savePending = (list) => localStorage.setItem(QUEUE, JSON.stringify(list));
const tickPath = (x) => `/api/drivers/me/trips/${encodeURIComponent(x.planId)}/${encodeURIComponent(x.tripId)}/stops/${x.stop}/done`;
let flushing = false;

/** Sends the waiting ticks, oldest first; stops at the first one that finds no connection. */
async function flush() {
  if (flushing || !pending().length) return;
  flushing = true;
  let sent = 0;
  try {
    for (const x of pending()) {
      try {
        await Foodnet.api(tickPath(x), { method: 'POST' });
        sent++;
      } catch (e) {
        if (e.status === 0) break;                       // still offline: keep it and the rest
        $('error').textContent = Foodnet.errorText(e);   // refused (e.g. the plan changed): not sent again
      }
      savePending(pending().filter(y => !(y.planId === x.planId && y.tripId === x.tripId && y.stop === x.stop)));
      const trip = trips.find(t => String(t.planId) === x.planId && t.tripId === x.tripId);
      const stop = trip && trip.stops.find(s => s.order === x.stop);
      if (stop) stop.pending = false;
    }
  } finally { flushing = false; }
  if (sent) { render(); $('ok').textContent = t('drv.sent', sent); }
}

/** Marks the waiting ticks on the loaded trips. */
function applyPending() {
  pending().forEach(x => {
    const trip = trips.find(t => String(t.planId) === x.planId && t.tripId === x.tripId);
    const stop = trip && trip.stops.find(s => s.order === x.stop);
    if (stop && !stop.done) { stop.done = true; stop.pending = true; }
  });
}
const $ = (id) => document.getElementById(id);
const E = Foodnet.esc, t = Foodnet.t;
let trips = [];

function items(list, label) {
  if (!list || !list.length) return '';
  return `<div><strong>${E(label)}:</strong><ul>` + list.map(i => `<li><span class="temp ${E(i.temperature)}">${E(t('temp.' + i.temperature))}</span>
      ${E(Foodnet.category(i.category))} ${E(Foodnet.kg(i.kg))}${i.donorName ? ' <span class="muted">(' + E(i.donorName) + ')</span>' : ''}${i.recipientName ? ' ' + E(t('drv.for', i.recipientName)) : ''}</li>`).join('') + '</ul></div>';
}

function tripCard(trip) {
  const key = trip.planId + '/' + trip.tripId;
  const stops = trip.stops.map(s => `<li class="stop">
      <div class="row"><strong>${E(s.name)}</strong><span>${E(Foodnet.time(s.arrival))}–${E(Foodnet.time(s.departure))}</span></div>
      <div class="muted">${E(s.address)}${s.openFrom ? ' · ' + E(t('drv.open', s.openFrom.substring(0, 5), (s.openTo || '').substring(0, 5))) : ''}${s.contact ? ' · ' + E(s.contact) : ''}</div>
      ${(s.stayOnBoard || []).length && !(s.load || []).length && !(s.unload || []).length
        ? `<p class="pass-only"><strong>${E(t('drv.passOnly'))}</strong></p>` : ''}
      ${items(s.load, t('drv.load'))}${items(s.unload, t('drv.unload'))}${items(s.stayOnBoard, t('drv.stay'))}
      <a href="${E(s.mapUrl)}" target="_blank" rel="noopener">${E(t('drv.map'))}</a>
      ${s.done ? `<p class="stop-done${s.pending ? ' pending' : ''}">${E(t(s.pending ? 'drv.stopQueued' : 'drv.stopIsDone'))}</p>`
               : `<button class="secondary stop-done" type="button" data-trip="${E(key)}" data-stop="${s.order}"
                   aria-label="${E(t('drv.stopDoneLabel', s.order, s.name))}">${E(t('drv.stopDone'))}</button>`}</li>`).join('');
  return `<section class="card trip${trip.done ? ' is-done' : ''}" data-trip="${E(key)}" aria-label="${E(Foodnet.tripLabel(null, trip.start))}">
      <h3>${E(t('drv.trip', Foodnet.date(trip.date), Foodnet.time(trip.start), Foodnet.time(trip.end)))}</h3>
      <p class="muted">${E(t('drv.stops', trip.stops.length, Foodnet.kg(trip.totals.loadedKg)))}</p>
      ${trip.navigationUrl ? `<p><a class="nav-trip" href="${E(trip.navigationUrl)}" target="_blank" rel="noopener">${E(t('drv.navTrip'))}</a></p>` : ''}
      <ol class="stops">${stops}</ol>
      ${trip.done ? `<p class="msg ok done">${E(t('drv.isDone'))}</p>`
                  : `<button class="primary done" type="button" data-trip="${E(key)}">${E(t('drv.done'))}</button>`}
    </section>`;
}

function render() {
  const today = new Date().toLocaleDateString('sv-SE');   // yyyy-mm-dd in the phone's zone
  const upcoming = trips.filter(x => x.date >= today);
  const none = `<p class="muted">${E(t('drv.none'))}</p>`;
  $('today').innerHTML = upcoming.filter(x => x.date === today).map(tripCard).join('') || none;
  $('upcoming').innerHTML = upcoming.filter(x => x.date > today).map(tripCard).join('') || none;
  document.querySelectorAll('button.done').forEach(b => b.addEventListener('click', () => done(b)));
  document.querySelectorAll('button.stop-done').forEach(b => b.addEventListener('click', () => stopDone(b)));
}

/** Ticks one stop: the server writes the food unloaded there to the stock ledger (once, even when ticked twice). */
async function stopDone(button) {
  const [planId, tripId] = button.dataset.trip.split('/');
  const order = Number(button.dataset.stop);
  button.disabled = true; $('error').textContent = ''; $('ok').textContent = '';
  try {
    await Foodnet.api(`/api/drivers/me/trips/${encodeURIComponent(planId)}/${encodeURIComponent(tripId)}/stops/${order}/done`, { method: 'POST' });
    const trip = trips.find(x => String(x.planId) === planId && x.tripId === tripId);
    const stop = trip.stops.find(s => s.order === order);
    stop.done = true;
    if (trip.stops.every(s => s.done)) trip.done = true;
    render();
    $('ok').textContent = t('drv.stopDoneOk', stop.name);
  } catch (e) {
    if (e.status === 0) {            // no connection: keep the tick and send it when the connection is back
      const list = pending();
      if (!list.some(x => x.planId === planId && x.tripId === tripId && x.stop === order)) list.push({ planId, tripId, stop: order });
      savePending(list);
      const trip = trips.find(x => String(x.planId) === planId && x.tripId === tripId);
      const stop = trip.stops.find(s => s.order === order);
      stop.done = true; stop.pending = true;
      render();
      $('ok').textContent = t('drv.queued', stop.name);
      return;
    }
    $('error').textContent = Foodnet.errorText(e);
    button.disabled = false;
  }
}

async function done(button) {
  const [planId, tripId] = button.dataset.trip.split('/');
  button.disabled = true; $('error').textContent = ''; $('ok').textContent = '';
  try {
    await Foodnet.api(`/api/drivers/me/trips/${encodeURIComponent(planId)}/${encodeURIComponent(tripId)}/done`, { method: 'POST' });
    const trip = trips.find(x => String(x.planId) === planId && x.tripId === tripId);
    trip.done = true;
    trip.stops.forEach(s => { s.done = true; });
    render();
    $('ok').textContent = t('drv.doneOk', Foodnet.tripLabel(null, trip.start));
  } catch (e) {
    $('error').textContent = Foodnet.errorText(e);
    button.disabled = false;
  }
}

(async () => {
  try {
    await Foodnet.header();
    // this month (the network's) and the next one
    const q = new URLSearchParams(location.search).get('month');
    const first = await Foodnet.api('/api/drivers/me/route-sheet' + (q ? '?month=' + encodeURIComponent(q) : ''));
    const [y, m] = first.from.split('-').map(Number);
    const nextMonth = m === 12 ? (y + 1) + '-01' : y + '-' + String(m + 1).padStart(2, '0');
    const second = q ? { trips: [] } : await Foodnet.api('/api/drivers/me/route-sheet?month=' + nextMonth);
    trips = first.trips.concat(second.trips);
    // road driving times: the OpenStreetMap attribution (ODbL) below the trips
    const roadData = first.roadData || second.roadData;
    if (roadData) {
      const note = document.createElement('p');
      note.className = 'muted road-data';
      note.textContent = roadData;
      $('upcoming').after(note);
    }
    $('print').href = Foodnet.path('/api/drivers/me/route-sheet.html') + '?month=' + first.from.substring(0, 7);
    $('pdf').href = Foodnet.path('/api/drivers/me/route-sheet.pdf') + '?month=' + first.from.substring(0, 7);
    applyPending();
    render();
    if (!navigator.onLine) $('ok').textContent = t('drv.offline');
    await flush();
  } catch (e) {
    if (e.status !== 401) $('error').textContent = Foodnet.errorText(e);
  }
  document.addEventListener('foodnet:lang', render);
  window.addEventListener('online', () => flush().catch(() => {}));
  setInterval(() => { if (navigator.onLine) flush().catch(() => {}); }, 15000);
})();

// keep the page and the sheet for use without a connection (driver-sw.js)
if ('serviceWorker' in navigator) navigator.serviceWorker.register('/driver-sw.js', { scope: '/' }).catch(() => {});
