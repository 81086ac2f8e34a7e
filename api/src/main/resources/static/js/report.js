// The month report page: charts drawn as SVG (no library, works offline) and the CSV / Excel downloads.
'use strict';
Foodnet.add({
  'rp.title': '月次報告', 'rp.back': '配送計画に戻る', 'rp.month': '月', 'rp.download': 'ダウンロード', 'rp.csv': 'CSV（Excel 用）',
  'rp.xlsx': 'Excel ブック（.xlsx）', 'rp.fulfil': '受取先ごと・温度帯ごとの配達量と必要量', 'rp.need': '必要量', 'rp.planned': '計画',
  'rp.delivered': '配達済み', 'rp.waste': '食品ロス', 'rp.driving': '運転', 'rp.hours': 'ボランティアごとの活動時間',
  'rp.expired': '期限切れ', 'rp.undelivered': '未配達', 'rp.discarded': '廃棄', 'rp.km': '走行距離', 'rp.minutes': '運転時間',
  'rp.volunteerHours': 'ボランティア時間', 'rp.trips': '便数', 'rp.none': 'この月のデータはありません。',
  'rp.summary': '公開中の計画: {0} / 必要量 {1} / 配達済み {2} / 便 {3}（走り終えた便 {4}）', 'rp.noPlan': 'なし',
  'rp.forbidden': 'この画面はコーディネーター用です。', 't.AMBIENT': '常温', 't.CHILLED': '冷蔵', 't.FROZEN': '冷凍',
  'u.kg': '{0} kg', 'u.km': '{0} km', 'u.min': '{0} 分', 'u.h': '{0} 時間', 'u.trips': '{0} 便', 'rp.chartOf': '{0} のグラフ',
  'rp.unreachable': 'どの計画でも届けられない必要量があります（受取日・保管・運転できるボランティアを見直してください）:',
  'rp.unreachableLine': '{0}・{1}（必要量 {2}）: {3}',
  'ur.NO_SERVING_DAY': 'この月に提供日がありません', 'ur.NO_STORAGE': 'この温度帯の保管場所がありません',
  'ur.NO_SUPPLY': 'この温度帯の使える食品がこの月にありません', 'ur.NO_PATH': '食品を運ぶ経路がありません',
  'ur.LAST_HOP': 'この温度帯を運べるボランティアが、両方の開いている日に最後の区間を運転できません',
  'ur.TOO_LATE': 'どの食品も、期限内の提供日までに届きません'
}, {
  'rp.title': 'Month report', 'rp.back': 'Back to planning', 'rp.month': 'Month', 'rp.download': 'Download', 'rp.csv': 'CSV (for Excel)',
  'rp.xlsx': 'Excel workbook (.xlsx)', 'rp.fulfil': 'Delivered vs need per recipient and temperature class', 'rp.need': 'need', 'rp.planned': 'planned',
  'rp.delivered': 'delivered', 'rp.waste': 'Food waste', 'rp.driving': 'Driving', 'rp.hours': 'Hours per volunteer',
  'rp.expired': 'expired', 'rp.undelivered': 'undelivered', 'rp.discarded': 'discarded', 'rp.km': 'distance', 'rp.minutes': 'driving time',
  'rp.volunteerHours': 'volunteer hours', 'rp.trips': 'trips', 'rp.none': 'No data for this month.',
  'rp.summary': 'Published plan: {0} / need {1} / delivered {2} / {3} trips ({4} done)', 'rp.noPlan': 'none',
  'rp.forbidden': 'This page is for coordinators.', 't.AMBIENT': 'ambient', 't.CHILLED': 'chilled', 't.FROZEN': 'frozen',
  'u.kg': '{0} kg', 'u.km': '{0} km', 'u.min': '{0} min', 'u.h': '{0} h', 'u.trips': '{0} trips', 'rp.chartOf': 'chart of {0}',
  'rp.unreachable': 'Some needs cannot be reached by any plan (check receiving days, storage and which volunteers can drive):',
  'rp.unreachableLine': '{0}, {1} (need {2}): {3}',
  'ur.NO_SERVING_DAY': 'no serving day in this month', 'ur.NO_STORAGE': 'no storage for this class',
  'ur.NO_SUPPLY': 'no usable food of this class this month', 'ur.NO_PATH': 'no food path to it',
  'ur.LAST_HOP': 'no volunteer with room for this class can drive the last hop on a day both sites are open',
  'ur.TOO_LATE': 'no food gets there by a serving day while still good'
});
const $ = (id) => document.getElementById(id);
const t = Foodnet.t;
const SVG = 'http://www.w3.org/2000/svg';
let report = null;

function el(name, attrs = {}, text) {
  const e = document.createElementNS(SVG, name);
  Object.entries(attrs).forEach(([k, v]) => e.setAttribute(k, v));
  if (text !== undefined) e.textContent = text;
  return e;
}

const num = (x) => (Math.round(x * 10) / 10).toLocaleString(Foodnet.lang === 'ja' ? 'ja-JP' : 'en');

/**
 * Horizontal bars: rows [{label, bars: [{value, cls, text}]}], bars of a row drawn over each other (widest first),
 * all on one scale; the value of the last bar written after the row.
 */
function barChart(container, rows, title) {
  container.replaceChildren();
  if (!rows.length) { const p = document.createElement('p'); p.className = 'muted'; p.textContent = t('rp.none'); container.append(p); return; }
  const labelW = 260, barW = 520, rowH = 24, pad = 4, valueW = 200;
  const max = Math.max(1e-9, ...rows.flatMap(r => r.bars.map(b => b.value)));
  const svg = el('svg', { viewBox: `0 0 ${labelW + barW + valueW} ${rows.length * rowH + pad}`, role: 'img',
    width: '100%', 'aria-label': t('rp.chartOf', title), class: 'report-chart' });
  rows.forEach((r, i) => {
    const y = i * rowH + pad;
    const g = el('g', { class: 'row', 'data-label': r.label });
    g.append(el('text', { x: labelW - 6, y: y + rowH * 0.65, 'text-anchor': 'end', 'font-size': 13 }, r.label));
    [...r.bars].sort((a, b) => b.value - a.value).forEach(b => {
      const rect = el('rect', { x: labelW, y: y + 3, height: rowH - 8, width: Math.max(0, barW * b.value / max), class: 'bar-' + b.cls });
      rect.append(el('title', {}, b.text));
      g.append(rect);
    });
    g.append(el('text', { x: labelW + barW + 6, y: y + rowH * 0.65, 'font-size': 12 }, r.bars.map(b => b.text).join(' / ')));
    svg.append(g);
  });
  container.append(svg);
}

function render() {
  const r = report;
  const kg = (x) => t('u.kg', num(x));
  const rows = [];
  r.recipients.forEach(rec => rec.perClass.forEach(c => rows.push({
    label: rec.name + '・' + t('t.' + c.temperature),
    bars: [{ value: c.needKg, cls: 'need', text: t('rp.need') + ' ' + kg(c.needKg) },
           { value: c.plannedKg, cls: 'planned', text: t('rp.planned') + ' ' + kg(c.plannedKg) },
           { value: c.deliveredKg, cls: 'delivered', text: t('rp.delivered') + ' ' + kg(c.deliveredKg) }] })));
  barChart($('fulfilChart'), rows, t('rp.fulfil'));
  const tt = r.totals;
  barChart($('wasteChart'), [
    { label: t('rp.expired'), bars: [{ value: tt.expiredKg, cls: 'waste', text: kg(tt.expiredKg) }] },
    { label: t('rp.undelivered'), bars: [{ value: tt.undeliveredKg, cls: 'waste', text: kg(tt.undeliveredKg) }] },
    { label: t('rp.discarded'), bars: [{ value: tt.discardedKg, cls: 'waste', text: kg(tt.discardedKg) }] }], t('rp.waste'));
  // driving time within the volunteers' time on the road (both in hours, one scale); distance and trips in words
  barChart($('drivingChart'), [
    { label: t('rp.minutes'), bars: [{ value: tt.drivingMinutes / 60, cls: 'driving', text: t('u.h', num(tt.drivingMinutes / 60)) }] },
    { label: t('rp.volunteerHours'), bars: [{ value: tt.volunteerHours, cls: 'hours', text: t('u.h', num(tt.volunteerHours)) }] }],
    t('rp.driving'));
  const words = document.createElement('p');
  words.id = 'drivingWords';
  words.textContent = t('rp.km') + ' ' + t('u.km', num(tt.km)) + '・' + t('rp.trips') + ' ' + t('u.trips', tt.trips);
  $('drivingChart').append(words);
  barChart($('hoursChart'), r.volunteers.map(v => ({ label: v.name,
    bars: [{ value: v.hours, cls: 'hours', text: t('u.h', num(v.hours)) + '・' + t('u.trips', v.trips) }] })), t('rp.hours'));
  const names = Object.fromEntries(r.recipients.map(rec => [rec.id, rec.name]));
  $('unreachable').hidden = !(r.unreachableNeeds || []).length;
  $('unreachableList').replaceChildren(...(r.unreachableNeeds || []).map(u => {
    const li = document.createElement('li');
    li.textContent = t('rp.unreachableLine', names[u.recipientId] || u.recipientId, t('t.' + u.temperature), kg(u.needKg),
      t('ur.' + u.reason));
    li.title = u.detail;
    return li;
  }));
  $('summary').textContent = t('rp.summary', r.publishedPlanId ? '#' + r.publishedPlanId : t('rp.noPlan'), kg(tt.needKg),
    kg(tt.deliveredKg), tt.trips, tt.tripsDone);
}

async function load() {
  const month = $('month').value;
  const lang = Foodnet.lang === 'en' ? 'en' : 'ja';
  $('csvLink').href = Foodnet.path(`/api/reports/${month}.csv?lang=${lang}`);
  $('xlsxLink').href = Foodnet.path(`/api/reports/${month}.xlsx?lang=${lang}`);
  report = await Foodnet.api(`/api/reports/${month}`);
  render();
}

function show(e) { if (e.status !== 401) $('error').textContent = Foodnet.errorText(e); }

(async () => {
  const now = new Date();
  $('month').value = new URLSearchParams(location.search).get('month')
    || `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
  $('month').addEventListener('change', () => { $('error').textContent = ''; load().catch(show); });
  try {
    await Foodnet.header();
    await load();
  } catch (e) {
    if (e.status === 403) { $('work').hidden = true; $('error').textContent = t('rp.forbidden') + ' ' + Foodnet.errorText(e); }
    else show(e);
  }
  document.addEventListener('foodnet:lang', () => { if (report) load().catch(show); });
})();
