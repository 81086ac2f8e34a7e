// Coordinator page: a month calendar of a plan's trips, one row per volunteer, one column per day.
'use strict';
const FoodnetCalendar = (() => {
  const E = Foodnet.esc, t = Foodnet.t;
  Foodnet.add({
    'cal.title': 'ドライバーごとの月間予定', 'cal.volunteer': 'ボランティアドライバー', 'cal.plan': '計画 {0}（{1}）の便',
    'cal.noPlan': 'この月の計画はまだありません。', 'cal.cell': '{0} 便', 'cal.cellLabel': '{0}、{1}: {2} 便',
    'cal.detail': '{0} · {1}', 'cal.stops': '{0} か所', 'cal.total': '合計', 'cal.pick': '日付のボタンを押すと、その日の便が表示されます。'
  }, {
    'cal.title': 'Month calendar of trips per volunteer', 'cal.volunteer': 'Volunteer driver', 'cal.plan': 'Trips of plan {0} ({1})',
    'cal.noPlan': 'No plan for this month yet.', 'cal.cell': '{0} trip(s)', 'cal.cellLabel': '{0}, {1}: {2} trip(s)',
    'cal.detail': '{0} · {1}', 'cal.stops': '{0} stops', 'cal.total': 'Total', 'cal.pick': 'Press a day to see its trips.'
  });
  const $ = (id) => document.getElementById(id);
  let plan = null, volunteers = [], sites = {}, month = null;

  function daysOf(m) {
    const [y, mo] = m.split('-').map(Number);
    const n = new Date(y, mo, 0).getDate();
    return Array.from({ length: n }, (_, i) => m + '-' + String(i + 1).padStart(2, '0'));
  }

  function render() {
    if (!plan) {
      $('calPlan').textContent = t('cal.noPlan');
      $('calendar').innerHTML = '';
      $('calDetail').innerHTML = '';
      return;
    }
    $('calPlan').textContent = t('cal.plan', plan.id, t('status.' + plan.status)) + ' ' + t('cal.pick');
    const days = daysOf(month);
    const byDriver = {};
    plan.plan.trips.forEach(x => ((byDriver[x.driverId] ||= {})[x.date] ||= []).push(x));
    const wd = new Intl.DateTimeFormat(Foodnet.lang === 'ja' ? 'ja-JP' : 'en-GB', { weekday: 'narrow' });
    const head = `<thead><tr><th scope="col">${E(t('cal.volunteer'))}</th>` + days.map(d => {
      const date = new Date(d + 'T00:00:00');
      const we = date.getDay() === 0 || date.getDay() === 6;
      return `<th scope="col" class="${we ? 'weekend' : ''}" data-day="${d}"><span>${Number(d.substring(8))}</span><br><small>${E(wd.format(date))}</small></th>`;
    }).join('') + `<th scope="col">${E(t('cal.total'))}</th></tr></thead>`;
    const rows = volunteers.map(v => {
      const mine = byDriver[v.id] || {};
      let total = 0;
      const cells = days.map(d => {
        const list = (mine[d] || []).sort((a, b) => a.start.localeCompare(b.start));
        total += list.length;
        if (!list.length) return `<td data-day="${d}"></td>`;
        return `<td data-day="${d}" class="has-trips"><button type="button" class="cal-cell" data-driver="${E(v.id)}" data-day="${d}"
            data-count="${list.length}" aria-label="${E(t('cal.cellLabel', v.name, Foodnet.date(d), list.length))}">
            <strong>${list.length}</strong><br><small>${E(Foodnet.time(list[0].start))}</small></button></td>`;
      }).join('');
      return `<tr data-driver="${E(v.id)}"><th scope="row">${E(v.name)}</th>${cells}<td class="total">${total}</td></tr>`;
    }).join('');
    $('calendar').innerHTML = head + '<tbody>' + rows + '</tbody>';
    $('calendar').querySelectorAll('button.cal-cell').forEach(b => b.addEventListener('click', () => detail(b.dataset.driver, b.dataset.day)));
  }

  function detail(driverId, day) {
    const v = volunteers.find(x => x.id === driverId);
    const list = plan.plan.trips.filter(x => x.driverId === driverId && x.date === day).sort((a, b) => a.start.localeCompare(b.start));
    $('calDetail').innerHTML = `<h3>${E(t('cal.detail', v ? v.name : driverId, Foodnet.date(day)))}</h3><ul class="plain">` + list.map(x =>
      `<li class="cal-trip" data-trip="${E(x.id)}"><strong>${E(Foodnet.time(x.start))}–${E(Foodnet.time(x.end))}</strong>
        ${E(t('cal.stops', x.stops.length))}: ${x.stops.map(s => E((sites[s.siteId] || {}).name || s.siteId)).join(' → ')}</li>`).join('') + '</ul>';
    $('calDetail').focus();
  }

  /** Shows the trips of a plan (GET /api/plans/{id}, or null) for the month's network (GET /api/network). */
  function show(m, network, planView) {
    month = m; plan = planView;
    volunteers = network.drivers;
    sites = Object.fromEntries(network.sites.map(s => [s.id, s]));
    $('calDetail').innerHTML = '';
    render();
  }

  function init() { document.addEventListener('foodnet:lang', () => { if (month) render(); }); }
  return { init, show };
})();
