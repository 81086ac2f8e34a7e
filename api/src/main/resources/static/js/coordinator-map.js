// Coordinator page: the network on a map (Leaflet from the WebJar) and a list of the sites beside it.
// Without internet the background tiles fail: the sites are then drawn on a blank map, and the list still works.
'use strict';
const FoodnetMap = (() => {
  const E = Foodnet.esc, t = Foodnet.t;
  Foodnet.add({
    'map.title': '拠点の地図', 'map.day': '便を表示する日', 'map.aria': '拠点と便の地図', 'map.sites': '拠点の一覧',
    'map.legend': '凡例', 'map.noLeaflet': '地図を表示できません。下の一覧をご覧ください。',
    'map.offline': '背景の地図を読み込めません（オフライン）。拠点は白地図に表示しています。',
    'map.noTrips': 'この日の便はありません。', 'map.noPlan': '計画がないため便は表示していません。',
    'map.plan': '計画 {0} の便', 'map.stock': '在庫', 'map.noStock': '在庫の記録なし', 'map.trip': '{0} {1}〜{2}（{3} か所）',
    'map.name': '名前', 'map.kind': '種類', 'map.town': '市町', 'map.show': '地図で見る',
    'group.HUB': 'ロジ拠点', 'group.DEPOT': 'ハブ拠点', 'group.RECIPIENT': '受け取り先（地域食堂・施設）', 'group.DONOR': '寄付元（スーパー・農家・企業など）',
    'legend.stock': '枠の色: 一番多い在庫の温度帯（灰色の点線は在庫なし）',
    'kind.LOGISTICS_HUB': 'ロジ拠点', 'kind.HUB_DEPOT': 'ハブ拠点', 'kind.COMMUNITY_CAFETERIA': '地域食堂',
    'kind.MOTHER_CHILD_FACILITY': '母子支援施設', 'kind.REHABILITATION_FACILITY': '更生支援施設', 'kind.SHELTER': 'シェルター',
    'kind.OTHER_RECIPIENT': 'その他の受け取り先', 'kind.SUPERMARKET': 'スーパー', 'kind.FARM': '農家', 'kind.COMPANY': '企業',
    'kind.FOOD_DRIVE_POINT': 'フードドライブ拠点', 'kind.INDIVIDUAL': '個人'
  }, {
    'map.title': 'Network map', 'map.day': 'Show the trips of', 'map.aria': 'Map of sites and trips', 'map.sites': 'Sites',
    'map.legend': 'Legend', 'map.noLeaflet': 'The map cannot be shown. See the list below.',
    'map.offline': 'Background map not available (offline). Sites are drawn on a blank map.',
    'map.noTrips': 'No trips on this day.', 'map.noPlan': 'No plan yet, so no trips are drawn.',
    'map.plan': 'Trips of plan {0}', 'map.stock': 'Stock', 'map.noStock': 'no stock recorded', 'map.trip': '{0} {1}–{2} ({3} stops)',
    'map.name': 'Name', 'map.kind': 'Kind', 'map.town': 'Town', 'map.show': 'Show on map',
    'group.HUB': 'logistics hub', 'group.DEPOT': 'hub depot', 'group.RECIPIENT': 'recipient (cafeteria, facility)', 'group.DONOR': 'donor (supermarket, farm, company, ...)',
    'legend.stock': 'Outline colour: the temperature class with most stock (grey dashes: no stock)',
    'kind.LOGISTICS_HUB': 'logistics hub', 'kind.HUB_DEPOT': 'hub depot', 'kind.COMMUNITY_CAFETERIA': 'community cafeteria',
    'kind.MOTHER_CHILD_FACILITY': 'mother-and-child support facility', 'kind.REHABILITATION_FACILITY': 'rehabilitation facility',
    'kind.SHELTER': 'shelter', 'kind.OTHER_RECIPIENT': 'other recipient', 'kind.SUPERMARKET': 'supermarket', 'kind.FARM': 'farm',
    'kind.COMPANY': 'company', 'kind.FOOD_DRIVE_POINT': 'food drive point', 'kind.INDIVIDUAL': 'individual'
  });

  const GROUP = { LOGISTICS_HUB: 'HUB', HUB_DEPOT: 'DEPOT', SUPERMARKET: 'DONOR', FARM: 'DONOR', COMPANY: 'DONOR',
                  FOOD_DRIVE_POINT: 'DONOR', INDIVIDUAL: 'DONOR' };
  const group = (kind) => GROUP[kind] || 'RECIPIENT';
  const TRIP_COLOURS = ['#c2185b', '#1565c0', '#2e7d32', '#ef6c00', '#6a1b9a', '#00838f', '#4e342e', '#ad1457', '#283593', '#558b2f'];
  const $ = (id) => document.getElementById(id);

  let map = null, siteLayer = null, tripLayer = null, markers = {}, offline = false;
  let network = null, plan = null, planId = null;

  /** Stock per site and temperature class (grams) from the month's lots: opening stock plus the month's donations. */
  function stockBySite() {
    const s = {};
    (network.lots || []).forEach(l => {
      const x = s[l.siteId] || (s[l.siteId] = { AMBIENT: 0, CHILLED: 0, FROZEN: 0 });
      x[l.temperature] += l.grams;
    });
    return s;
  }
  const dominant = (st) => !st ? null : ['AMBIENT', 'CHILLED', 'FROZEN'].reduce((a, b) => st[b] > st[a] ? b : a, 'AMBIENT');
  const stockText = (st) => !st ? t('map.noStock')
      : ['AMBIENT', 'CHILLED', 'FROZEN'].filter(c => st[c] > 0).map(c => t('temp.' + c) + ' ' + Foodnet.kg(st[c] / 1000)).join(' · ');

  function ensureMap() {
    if (map || typeof L === 'undefined') return map;
    map = L.map('map', { zoomControl: true, attributionControl: true });
    const tiles = L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png',
        { maxZoom: 18, attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>' });
    tiles.on('tileerror', () => {
      if (offline) return;
      offline = true;
      $('map').classList.add('blank');
      $('mapNote').textContent = t('map.offline');
    });
    tiles.addTo(map);
    siteLayer = L.layerGroup().addTo(map);
    tripLayer = L.layerGroup().addTo(map);
    return map;
  }

  function legend() {
    $('legend').innerHTML = ['HUB', 'DEPOT', 'RECIPIENT', 'DONOR'].map(g =>
        `<li><span class="site-shape g-${g}" aria-hidden="true"></span> ${E(t('group.' + g))}</li>`).join('')
      + `<li class="muted"><span class="swatch AMBIENT"></span><span class="swatch CHILLED"></span><span class="swatch FROZEN"></span>
         ${E(t('legend.stock'))}: ${E(t('temp.AMBIENT'))} / ${E(t('temp.CHILLED'))} / ${E(t('temp.FROZEN'))}</li>`;
  }

  function drawSites() {
    const stock = stockBySite();
    const sites = network.sites;
    $('siteRows').innerHTML = sites.map(s => {
      const st = stock[s.id];
      return `<tr class="site" data-site="${E(s.id)}"><td><span class="site-shape g-${group(s.kind)}${st ? ' ' + dominant(st) : ' none'}" aria-hidden="true"></span></td>
        <th scope="row"><button type="button" class="link show-site" data-site="${E(s.id)}" title="${E(t('map.show'))}">${E(s.name)}</button></th>
        <td>${E(t('kind.' + s.kind))}</td><td>${E(s.municipality || '')}</td><td class="muted">${E(stockText(st))}</td></tr>`;
    }).join('');
    $('siteRows').querySelectorAll('button.show-site').forEach(b => b.addEventListener('click', () => focusSite(b.dataset.site)));
    if (!ensureMap()) { $('mapNote').textContent = t('map.noLeaflet'); return; }
    siteLayer.clearLayers();
    markers = {};
    const order = { RECIPIENT: 0, DONOR: 1, DEPOT: 2, HUB: 3 };   // hub and depots on top
    [...sites].sort((a, b) => order[group(a.kind)] - order[group(b.kind)]).forEach(s => {
      const st = stock[s.id];
      const g = group(s.kind);
      const size = g === 'HUB' ? 22 : g === 'DEPOT' ? 18 : 14;
      const icon = L.divIcon({ className: `site-marker g-${g}`, iconSize: [size, size],
          html: `<span class="site-shape g-${g}${st ? ' ' + dominant(st) : ' none'}"></span>` });
      const m = L.marker([s.location.lat, s.location.lon], { icon, title: s.name, alt: s.name, keyboard: true,
          zIndexOffset: order[g] * 100 });
      m.bindTooltip(`<strong>${E(s.name)}</strong><br>${E(t('kind.' + s.kind))}<br>${E(t('map.stock'))}: ${E(stockText(st))}`);
      m.addTo(siteLayer);
      const el = m.getElement();
      if (el) el.dataset.site = s.id;
      markers[s.id] = m;
    });
    const bounds = L.latLngBounds(sites.map(s => [s.location.lat, s.location.lon]));
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [20, 20] });
  }

  function focusSite(id) {
    const m = markers[id];
    if (!m) return;
    map.setView(m.getLatLng(), Math.max(map.getZoom(), 12));
    m.openTooltip();
    $('map').scrollIntoView({ block: 'nearest' });
  }

  function days() {
    const set = new Set((plan ? plan.plan.trips : []).map(x => x.date));
    return [...set].sort();
  }

  function fillDays() {
    const list = days();
    const sel = $('mapDay');
    const keep = sel.value;
    sel.innerHTML = list.map(d => `<option value="${E(d)}">${E(Foodnet.date(d))}</option>`).join('');
    const today = new Date().toLocaleDateString('sv-SE');
    sel.value = list.includes(keep) ? keep : (list.find(d => d >= today) || list[0] || '');
    sel.disabled = !list.length;
  }

  function drawTrips() {
    const day = $('mapDay').value;
    const sites = Object.fromEntries(network.sites.map(s => [s.id, s]));
    const names = Object.fromEntries((network.drivers || []).map(d => [d.id, d.name]));
    const trips = plan ? plan.plan.trips.filter(x => x.date === day) : [];
    if (tripLayer) tripLayer.clearLayers();
    $('dayTrips').innerHTML = !plan ? `<li class="muted">${E(t('map.noPlan'))}</li>`
      : `<li><strong>${E(t('map.plan', planId))}</strong></li>` + (trips.length ? trips.map((x, i) => {
          const colour = TRIP_COLOURS[i % TRIP_COLOURS.length];
          return `<li class="day-trip" data-trip="${E(x.id)}"><span class="swatch" data-colour="${colour}"></span>
            ${E(t('map.trip', names[x.driverId] || x.driverId, Foodnet.time(x.start), Foodnet.time(x.end), x.stops.length))}</li>`;
        }).join('') : `<li class="muted">${E(t('map.noTrips'))}</li>`);
    // colours through the CSS object model: the Content-Security-Policy allows no inline style attribute
    $('dayTrips').querySelectorAll('.swatch[data-colour]').forEach(el => { el.style.background = el.dataset.colour; });
    if (!tripLayer) return;
    const drawn = tripLayer;
    trips.forEach((x, i) => {
      const points = x.stops.map(s => sites[s.siteId]).filter(Boolean).map(s => [s.location.lat, s.location.lon]);
      if (points.length < 2) return;
      const line = L.polyline(points, { color: TRIP_COLOURS[i % TRIP_COLOURS.length], weight: 4, opacity: .8, className: 'trip-line' })
        .bindTooltip(E(t('map.trip', names[x.driverId] || x.driverId, Foodnet.time(x.start), Foodnet.time(x.end), x.stops.length)))
        .addTo(tripLayer);
      // along the roads when the service has an OpenStreetMap extract (straight lines until then, or without one)
      const shownPlan = planId;
      Foodnet.api('/api/plans/' + planId + '/trips/' + encodeURIComponent(x.id) + '/geometry').then(g => {
        if (!g || g.kind !== 'ROAD' || shownPlan !== planId || drawn !== tripLayer || $('mapDay').value !== day) return;
        line.setLatLngs(g.points);
        line.getElement && line.getElement() && line.getElement().classList.add('trip-road');
        if (map && g.attribution && !roadAttribution) {
          roadAttribution = 'Roads: ' + E(g.attribution);
          map.attributionControl.addAttribution(roadAttribution);
        }
      }).catch(() => { /* the straight line stays */ });
    });
  }
  let roadAttribution = null;

  /** Shows the month's network (GET /api/network) and the trips of this plan (GET /api/plans/{id}, or null). */
  function show(net, planView) {
    network = net;
    plan = planView; planId = planView ? planView.id : null;
    legend();
    drawSites();
    fillDays();
    drawTrips();
  }

  function init() {
    $('mapDay').addEventListener('change', drawTrips);
    document.addEventListener('foodnet:lang', () => {
      if (!network) return;
      legend(); drawSites(); fillDays(); drawTrips();
      if (offline) $('mapNote').textContent = t('map.offline');
    });
  }

  return { init, show };
})();
