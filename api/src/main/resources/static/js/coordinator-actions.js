// Coordinator page: the day timeline per volunteer, re-planning after a change (a cancelled day, a late donation)
// with the trips that changed, rule weights in words, and the needs and vehicles forms. Every action is an API call
// of api/README.md; the server checks everything and its problem details (in the page's language) are shown.
'use strict';
const FoodnetActions = (() => {
  const E = Foodnet.esc, t = Foodnet.t;
  Foodnet.add({
    'tl.title': '1日の予定（ボランティアごと）', 'tl.day': '日付', 'tl.none': 'この日の便はありません。', 'tl.noPlan': '計画を選ぶと表示されます。',
    'tl.bar': '{0}–{1}・{2} か所', 'tl.barLabel': '{0}: {1}–{2}、{3} か所',
    'rp.title': '変更と組み直し', 'rp.cancel': 'ボランティアの都合が悪くなった日', 'rp.volunteer': 'ボランティア', 'rp.date': '日付',
    'rp.cancelButton': 'この日をキャンセル', 'rp.cancelled': '{0} さんの {1} をキャンセルしました。組み直してください。',
    'rp.late': '遅れて届いた寄付', 'rp.site': '食品がある場所', 'rp.category': '品目', 'rp.temperature': '温度帯', 'rp.kg': '重さ (kg)',
    'rp.expiry': '期限', 'rp.logButton': '寄付を記録', 'rp.logged': '寄付を記録しました（{0}）。組み直してください。',
    'rp.replan': '公開中の計画を今日から組み直す', 'rp.limit': '組み直しにかける時間（秒）', 'rp.replanButton': '組み直す',
    'rp.noPublished': 'この月に公開中の計画がありません。', 'rp.started': '計画 {0} から組み直しています…',
    'rp.changes': '変わった便（計画 {0} → {1}）', 'rp.noChanges': '変わった便はありません。',
    'rp.added': '追加', 'rp.removed': '取り消し', 'rp.changed': '変更',
    'w.title': 'ルールの重み', 'w.intro': '重みを変えると、この計画の新しい下書きを作って計算します（0 にすると、その「できるだけ」のルールは考えません）。',
    'w.weight': '重み', 'w.show': '表示中の計画のルールと重みを見る・変える', 'w.button': '新しい重みで計画する', 'w.started': '重みを変えた下書き {0} を計算しています…', 'w.noPlan': '計画を選ぶと表示されます。',
    'n.title': '受け取り先の必要量（月）', 'n.recipient': '受け取り先', 'n.ambient': '常温 (kg)', 'n.chilled': '冷蔵 (kg)', 'n.frozen': '冷凍 (kg)',
    'n.days': '配布日（カンマ区切り、例 2026-12-05,2026-12-19）', 'n.save': '必要量を保存', 'n.saved': '{0} の必要量を保存しました。',
    'v.title': '車両', 'v.edit': '変更する車両', 'v.new': '（新しく登録）', 'v.id': 'ID（半角英数字と -）', 'v.name': '名前',
    'v.ambient': '常温の積載量 (kg)', 'v.chilled': '保冷ボックス (kg)', 'v.frozen': '冷凍ボックス (kg)', 'v.save': '車両を保存',
    'v.saved': '車両 {0} を保存しました。', 'job.stop': '停止', 'job.resume': '再開', 'job.stopped': '計算を止めました（それまでの最良の計画を残します）。',
    'job.resumed': '計画 {0} の計算を再開しました。'
  }, {
    'tl.title': 'Day timeline per volunteer', 'tl.day': 'Day', 'tl.none': 'No trips on this day.', 'tl.noPlan': 'Choose a plan to see it.',
    'tl.bar': '{0}–{1} · {2} stops', 'tl.barLabel': '{0}: {1}–{2}, {3} stops',
    'rp.title': 'Changes and re-planning', 'rp.cancel': 'A volunteer cannot come', 'rp.volunteer': 'Volunteer', 'rp.date': 'Day',
    'rp.cancelButton': 'Cancel this day', 'rp.cancelled': '{1} of {0} cancelled. Re-plan now.',
    'rp.late': 'A late donation', 'rp.site': 'Where the food is', 'rp.category': 'Food', 'rp.temperature': 'Temperature', 'rp.kg': 'Weight (kg)',
    'rp.expiry': 'Expiry', 'rp.logButton': 'Log the donation', 'rp.logged': 'Donation logged ({0}). Re-plan now.',
    'rp.replan': 'Re-plan the published plan from today', 'rp.limit': 'Time for re-planning (seconds)', 'rp.replanButton': 'Re-plan',
    'rp.noPublished': 'No published plan in this month.', 'rp.started': 'Re-planning from plan {0}…',
    'rp.changes': 'Trips that changed (plan {0} → {1})', 'rp.noChanges': 'No trip changed.',
    'rp.added': 'added', 'rp.removed': 'removed', 'rp.changed': 'changed',
    'w.title': 'Rule weights', 'w.intro': 'Changing weights makes a new draft of this plan and solves it (0 switches an "as far as possible" rule off).',
    'w.weight': 'Weight', 'w.show': "See and change the shown plan's rules and weights", 'w.button': 'Plan with these weights', 'w.started': 'Solving draft {0} with the new weights…', 'w.noPlan': 'Choose a plan to see them.',
    'n.title': "Recipients' monthly needs", 'n.recipient': 'Recipient', 'n.ambient': 'Ambient (kg)', 'n.chilled': 'Chilled (kg)', 'n.frozen': 'Frozen (kg)',
    'n.days': 'Serving days (comma separated, e.g. 2026-12-05,2026-12-19)', 'n.save': 'Save the need', 'n.saved': 'Need of {0} saved.',
    'v.title': 'Vehicles', 'v.edit': 'Vehicle to change', 'v.new': '(new vehicle)', 'v.id': 'ID (letters, digits and -)', 'v.name': 'Name',
    'v.ambient': 'Load space (kg)', 'v.chilled': 'Cooler box (kg)', 'v.frozen': 'Freezer box (kg)', 'v.save': 'Save the vehicle',
    'v.saved': 'Vehicle {0} saved.', 'job.stop': 'Stop', 'job.resume': 'Resume', 'job.stopped': 'Solving stopped (the best plan so far is kept).',
    'job.resumed': 'Solving of plan {0} resumed.'
  });
  const $ = (id) => document.getElementById(id);
  const FIRST_HOUR = 6, LAST_HOUR = 21;
  let view = null;          // the plan shown (GET /api/plans/{id})
  let network = null;       // the month's network (GET /api/network)
  let pendingReplan = null; // {fromPlan, fromTrips} while a re-plan solves
  let onError = () => {};
  let follow = () => {};

  const names = () => Object.fromEntries(((network && network.drivers) || []).map(d => [d.id, d.name]));
  const siteNames = () => Object.fromEntries(((network && network.sites) || []).map(s => [s.id, s.name]));
  const minutes = (iso) => Number(iso.substring(11, 13)) * 60 + Number(iso.substring(14, 16));
  const num = (v) => { const s = String(v).trim(); return s === '' || isNaN(Number(s)) ? NaN : Number(s); };

  function message(text) { $('actionsOk').textContent = text; }

  /** A problem of the server, or a page error, shown on the form it came from. */
  function fail(form, e) {
    const p = form.querySelector('.form-error');
    if (p && e && e.status !== 401) p.textContent = Foodnet.errorText(e); else onError(e);
  }

  // ---- day timeline: hours across, one row per volunteer with trips that day, each trip a bar ----
  function timeline() {
    const box = $('timeline');
    if (!view) { box.innerHTML = `<p class="muted">${E(t('tl.noPlan'))}</p>`; return; }
    const day = $('tlDay').value;
    const trips = view.plan.trips.filter(x => x.date === day).sort((a, b) => a.start.localeCompare(b.start));
    if (!trips.length) { box.innerHTML = `<p class="muted">${E(t('tl.none'))}</p>`; return; }
    const who = names();
    const byDriver = {};
    trips.forEach(x => (byDriver[x.driverId] = byDriver[x.driverId] || []).push(x));
    const hours = [];
    for (let h = FIRST_HOUR; h <= LAST_HOUR; h += 3) hours.push(`<span class="tl-hour" data-at="${h}">${h}:00</span>`);
    const span = (LAST_HOUR - FIRST_HOUR) * 60;
    box.innerHTML = `<div class="tl-row tl-axis"><span class="tl-name"></span><div class="tl-track">${hours.join('')}</div></div>`
      + Object.keys(byDriver).sort((a, b) => (who[a] || a).localeCompare(who[b] || b)).map(d => `<div class="tl-row" data-driver="${E(d)}">
          <span class="tl-name">${E(who[d] || d)}</span><div class="tl-track">${byDriver[d].map(x => {
            const from = Foodnet.time(x.start), to = Foodnet.time(x.end);
            return `<span class="tl-bar" role="img" data-trip="${E(x.id)}" data-from="${minutes(x.start) - FIRST_HOUR * 60}" data-to="${minutes(x.end) - FIRST_HOUR * 60}"
              aria-label="${E(t('tl.barLabel', who[d] || d, from, to, x.stops.length))}">${E(t('tl.bar', from, to, x.stops.length))}</span>`;
          }).join('')}</div></div>`).join('');
    // positions through the CSS object model: the Content-Security-Policy allows no inline style attribute
    box.querySelectorAll('.tl-bar').forEach(b => {
      const from = Math.max(0, Number(b.dataset.from)), to = Math.min(span, Number(b.dataset.to));
      b.style.left = (100 * from / span) + '%';
      b.style.width = Math.max(0.5, 100 * (to - from) / span) + '%';
    });
    box.querySelectorAll('.tl-hour').forEach(h => { h.style.left = (100 * (Number(h.dataset.at) - FIRST_HOUR) * 60 / span) + '%'; });
  }

  function days() {
    const month = $('month').value;
    const [y, m] = month.split('-').map(Number);
    const last = new Date(y, m, 0).getDate();
    const keep = $('tlDay').value;
    const tripDays = new Set(view ? view.plan.trips.map(x => x.date) : []);
    const options = [];
    for (let d = 1; d <= last; d++) {
      const iso = month + '-' + String(d).padStart(2, '0');
      options.push(`<option value="${iso}">${E(Foodnet.date(iso))}${tripDays.has(iso) ? ' ●' : ''}</option>`);
    }
    $('tlDay').innerHTML = options.join('');
    const first = [...tripDays].sort()[0];
    $('tlDay').value = keep && keep.startsWith(month) ? keep : (first || month + '-01');
  }

  // ---- re-planning and the trips that changed ----
  const signature = (x) => [x.driverId, x.date, x.start, x.end, x.stops.map(s => s.siteId).join('>')].join('|');

  /** The trips of the new plan against the plan it was made from: added, removed, changed (day, time, stops). */
  function changes(before, after) {
    const old = Object.fromEntries(before.map(x => [x.id, x]));
    const now = Object.fromEntries(after.map(x => [x.id, x]));
    const out = [];
    after.forEach(x => {
      if (!old[x.id]) out.push({ kind: 'added', trip: x });
      else if (signature(old[x.id]) !== signature(x)) out.push({ kind: 'changed', trip: x, was: old[x.id] });
    });
    before.forEach(x => { if (!now[x.id]) out.push({ kind: 'removed', trip: x }); });
    return out.sort((a, b) => a.trip.start.localeCompare(b.trip.start));
  }

  async function showChanges(fromPlan, fromTrips, toPlan) {
    const to = await Foodnet.api('/api/plans/' + toPlan);
    const list = changes(fromTrips, to.plan.trips);
    const who = names(), sites = siteNames();
    const stops = (x) => x.stops.map(s => sites[s.siteId] || s.siteId).join(' → ');
    $('changes').innerHTML = `<h3>${E(t('rp.changes', fromPlan, toPlan))}</h3>` + (list.length ? '<ul class="plain">' + list.map(c =>
      `<li class="trip-change ${c.kind}" data-trip="${E(c.trip.id)}" data-kind="${c.kind}"><span class="change-kind">${E(t('rp.' + c.kind))}</span>
        <strong>${E(Foodnet.tripLabel(who[c.trip.driverId] || c.trip.driverId, c.trip.start))}</strong>
        <span class="muted">${E(stops(c.trip))}${c.was ? ' (' + E(Foodnet.tripLabel(null, c.was.start)) + ': ' + E(stops(c.was)) + ')' : ''}</span></li>`).join('') + '</ul>'
      : `<p class="muted">${E(t('rp.noChanges'))}</p>`);
  }

  async function replan(ev) {
    ev.preventDefault();
    const form = ev.target; form.querySelector('.form-error').textContent = ''; message('');
    const published = (lastPlans || []).find(p => p.status === 'PUBLISHED');
    if (!published) { form.querySelector('.form-error').textContent = t('rp.noPublished'); return; }
    try {
      const before = await Foodnet.api('/api/plans/' + published.id);
      const a = await Foodnet.api('/api/plans/' + published.id + '/replan', { method: 'POST', body: { timeLimitSeconds: Number($('rpLimit').value) } });
      pendingReplan = { fromPlan: published.id, fromTrips: before.plan.trips, toPlan: a.planId };
      $('changes').innerHTML = `<p class="muted">${E(t('rp.started', published.id))}</p>`;
      follow(a.planId, a.jobId);
    } catch (e) { fail(form, e); }
  }

  async function cancelDay(ev) {
    ev.preventDefault();
    const form = ev.target; form.querySelector('.form-error').textContent = ''; message('');
    const id = $('rpVolunteer').value, day = $('rpDate').value;
    try {
      await Foodnet.api('/api/volunteers/' + encodeURIComponent(id) + '/slots/' + encodeURIComponent(day), { method: 'DELETE' });
      message(t('rp.cancelled', names()[id] || id, Foodnet.date(day)));
    } catch (e) { fail(form, e); }
  }

  let donationKey = Foodnet.newKey('late');
  async function lateDonation(ev) {
    ev.preventDefault();
    const form = ev.target; form.querySelector('.form-error').textContent = ''; message('');
    const kg = num($('rpKg').value);
    const body = { siteId: $('rpSite').value, category: $('rpCategory').value.trim(), temperature: $('rpTemperature').value,
                   grams: isNaN(kg) ? null : Math.round(kg * 1000), expiryDate: $('rpExpiry').value || null, expiryKind: 'BEST_BEFORE' };
    try {
      const d = await Foodnet.api('/api/donations', { method: 'POST', body, headers: { 'Idempotency-Key': donationKey } });
      donationKey = Foodnet.newKey('late');
      message(t('rp.logged', Foodnet.category(d.category) + ' ' + Foodnet.kg(d.grams / 1000)));
    } catch (e) { fail(form, e); }
  }

  // ---- rule weights, in words (loaded when the section is opened: the explanation is a heavy request) ----
  async function weights() {
    const box = $('weightRules');
    if (!$('weightDetails').open) { box.innerHTML = ''; return; }
    if (!view) { box.innerHTML = `<p class="muted">${E(t('w.noPlan'))}</p>`; $('weightButton').disabled = true; return; }
    if (view.travelSourceCurrent === false) {
      box.innerHTML = `<p class="msg error">${E(t('co.otherTravelShort'))}</p>`; $('weightButton').disabled = true; return;
    }
    const x = await Foodnet.api('/api/plans/' + view.id + '/explanation');
    $('weightButton').disabled = false;
    box.innerHTML = x.constraints.map((r, i) => `<div class="weight-rule" data-rule="${E(r.name)}">
        <label for="w${i}"><strong>${E(r.title || r.name)}</strong> <span class="muted">${E(t('level.' + r.level))}</span></label>
        ${r.what ? `<p class="muted what">${E(r.what)}</p>` : ''}
        <input id="w${i}" data-rule="${E(r.name)}" data-field="weights.${E(r.name)}" inputmode="numeric" value="${r.weight}" aria-label="${E(t('w.weight') + ': ' + (r.title || r.name))}"></div>`).join('');
  }

  async function newWeights(ev) {
    ev.preventDefault();
    const form = ev.target; form.querySelector('.form-error').textContent = ''; message('');
    const body = {};
    form.querySelectorAll('input[data-rule]').forEach(i => { body[i.dataset.rule] = num(i.value); });
    try {
      const draft = await Foodnet.api('/api/plans/' + view.id + '/weights', { method: 'PUT', body: { weights: body } });
      const a = await Foodnet.api('/api/plans/' + draft.id + '/solve', { method: 'POST', body: { timeLimitSeconds: Number($('limit').value) } });
      message(t('w.started', draft.id));
      follow(a.planId, a.jobId);
    } catch (e) { fail(form, e); }
  }

  // ---- needs and vehicles ----
  let needs = [];
  async function loadNeeds() {
    needs = await Foodnet.api('/api/needs?month=' + encodeURIComponent($('month').value));
    const sites = siteNames();
    const keep = $('needRecipient').value;
    $('needRecipient').innerHTML = needs.map(n => `<option value="${E(n.recipientId)}">${E(sites[n.recipientId] || n.recipientId)}</option>`).join('');
    if (keep && needs.some(n => n.recipientId === keep)) $('needRecipient').value = keep;
    fillNeed();
  }
  function fillNeed() {
    const n = needs.find(x => x.recipientId === $('needRecipient').value);
    $('needAmbient').value = n ? n.monthlyNeed.ambientGrams / 1000 : '';
    $('needChilled').value = n ? n.monthlyNeed.chilledGrams / 1000 : '';
    $('needFrozen').value = n ? n.monthlyNeed.frozenGrams / 1000 : '';
    $('needDays').value = n ? n.servingDays.join(',') : '';
  }
  const grams = (v) => { const k = num(v); return isNaN(k) ? null : Math.round(k * 1000); };
  async function saveNeed(ev) {
    ev.preventDefault();
    const form = ev.target; form.querySelector('.form-error').textContent = ''; message('');
    const id = $('needRecipient').value;
    const body = { monthlyNeed: { ambientGrams: grams($('needAmbient').value), chilledGrams: grams($('needChilled').value), frozenGrams: grams($('needFrozen').value) },
                   servingDays: $('needDays').value.split(',').map(s => s.trim()).filter(s => s) };
    try {
      await Foodnet.api('/api/needs/' + encodeURIComponent(id) + '?month=' + encodeURIComponent($('month').value), { method: 'PUT', body });
      message(t('n.saved', siteNames()[id] || id));
      await loadNeeds();
    } catch (e) { fail(form, e); }
  }

  let vehicles = [];
  async function loadVehicles() {
    vehicles = await Foodnet.api('/api/vehicles');
    const keep = $('vehicleEdit').value;
    $('vehicleEdit').innerHTML = `<option value="">${E(t('v.new'))}</option>` + vehicles.map(v => `<option value="${E(v.id)}">${E(v.name)}</option>`).join('');
    $('vehicleEdit').value = vehicles.some(v => v.id === keep) ? keep : '';
    fillVehicle();
  }
  function fillVehicle() {
    const v = vehicles.find(x => x.id === $('vehicleEdit').value);
    $('vehicleId').value = v ? v.id : ''; $('vehicleId').readOnly = !!v;
    $('vehicleName').value = v ? v.name : '';
    $('vehicleAmbient').value = v ? v.capacity.ambientGrams / 1000 : '';
    $('vehicleChilled').value = v ? v.capacity.chilledGrams / 1000 : '';
    $('vehicleFrozen').value = v ? v.capacity.frozenGrams / 1000 : '';
  }
  async function saveVehicle(ev) {
    ev.preventDefault();
    const form = ev.target; form.querySelector('.form-error').textContent = ''; message('');
    const existing = $('vehicleEdit').value;
    const body = { id: $('vehicleId').value.trim(), name: $('vehicleName').value.trim(),
                   capacity: { ambientGrams: grams($('vehicleAmbient').value), chilledGrams: grams($('vehicleChilled').value), frozenGrams: grams($('vehicleFrozen').value) } };
    try {
      const v = existing
        ? await Foodnet.api('/api/vehicles/' + encodeURIComponent(existing), { method: 'PUT', body })
        : await Foodnet.api('/api/vehicles', { method: 'POST', body });
      message(t('v.saved', v.name));
      await loadVehicles();
      $('vehicleEdit').value = v.id; fillVehicle();
    } catch (e) { fail(form, e); }
  }

  function fillNetwork() {
    const drivers = (network && network.drivers) || [];
    $('rpVolunteer').innerHTML = drivers.map(d => `<option value="${E(d.id)}">${E(d.name)}</option>`).join('');
    // food can be logged at a donor, the hub or a depot
    const stores = ['SUPERMARKET', 'FARM', 'COMPANY', 'FOOD_DRIVE_POINT', 'INDIVIDUAL', 'HUB', 'DEPOT'];
    const donors = ((network && network.sites) || []).filter(s => stores.includes(s.kind));
    $('rpSite').innerHTML = donors.map(s => `<option value="${E(s.id)}">${E(s.name)}</option>`).join('');
  }

  /** A plan (or none) is shown on the page: the timeline and the weights follow it. */
  async function planShown(net, planView) {
    network = net; view = planView;
    fillNetwork();
    days(); timeline();
    await weights();
  }

  /** A solve job ended: if it was a re-plan, show which trips it changed. */
  async function jobEnded(planId) {
    if (pendingReplan && String(pendingReplan.toPlan) === String(planId)) {
      const p = pendingReplan; pendingReplan = null;
      await showChanges(p.fromPlan, p.fromTrips, p.toPlan);
    }
  }

  function init(handlers) {
    onError = handlers.onError; follow = handlers.follow;
    $('tlDay').addEventListener('change', timeline);
    $('weightDetails').addEventListener('toggle', () => weights().catch(onError));
    $('replanForm').addEventListener('submit', replan);
    $('cancelForm').addEventListener('submit', cancelDay);
    $('lateForm').addEventListener('submit', lateDonation);
    $('weightForm').addEventListener('submit', newWeights);
    $('needForm').addEventListener('submit', saveNeed);
    $('needRecipient').addEventListener('change', fillNeed);
    $('vehicleForm').addEventListener('submit', saveVehicle);
    $('vehicleEdit').addEventListener('change', fillVehicle);
    document.addEventListener('foodnet:lang', () => { days(); timeline(); weights().catch(onError); });
    return Promise.all([loadNeeds(), loadVehicles()]);
  }

  return { init, planShown, jobEnded, loadNeeds, changes };
})();
