// The organizer page: log a donation, see and correct recent logs.
'use strict';
Foodnet.add({
  'org.title': '寄付の受付', 'org.new': '寄付を記録する', 'org.site': '場所（今食品がある所）', 'org.category': '品目',
  'org.temperature': '温度帯', 'org.kg': '重さ（kg）', 'org.expiryKind': '期限の種類', 'org.expiry': '期限の日付',
  'org.submit': '記録する', 'org.sending': '送信中…', 'org.saved': '記録しました: {0} {1}（{2}）', 'org.recent': '最近の記録',
  'org.none': 'まだ記録がありません。', 'org.correct': '重さを訂正', 'org.newKg': '正しい重さ（kg）', 'org.reason': '理由',
  'org.saveCorrection': '訂正を保存', 'org.corrected': '訂正しました: {0}', 'org.bad.kg': '重さを kg で入力してください（例 12.5）。',
  'org.bad.site': '場所を選んでください。', 'org.bad.category': '品目を入力してください。', 'org.bad.expiry': '期限の日付を入力してください。',
  'org.bad.same': '重さが変わっていません。', 'org.bad.reason': '理由を入力してください。', 'org.group.hub': 'ロジ拠点・ハブ拠点',
  'org.group.donor': '寄付者', 'org.expiryShort': '{0} {1}'
}, {
  'org.title': 'Donations', 'org.new': 'Log a donation', 'org.site': 'Where the food is now', 'org.category': 'Food',
  'org.temperature': 'Temperature', 'org.kg': 'Weight (kg)', 'org.expiryKind': 'Date kind', 'org.expiry': 'Date',
  'org.submit': 'Log it', 'org.sending': 'Sending…', 'org.saved': 'Logged: {0} {1} ({2})', 'org.recent': 'Recent logs',
  'org.none': 'Nothing logged yet.', 'org.correct': 'Correct the weight', 'org.newKg': 'Correct weight (kg)', 'org.reason': 'Reason',
  'org.saveCorrection': 'Save correction', 'org.corrected': 'Corrected: {0}', 'org.bad.kg': 'Enter the weight in kg (e.g. 12.5).',
  'org.bad.site': 'Choose a place.', 'org.bad.category': 'Enter the food.', 'org.bad.expiry': 'Enter the date.',
  'org.bad.same': 'The weight has not changed.', 'org.bad.reason': 'Enter a reason.', 'org.group.hub': 'Logistics hub and depots',
  'org.group.donor': 'Donors', 'org.expiryShort': '{0} {1}'
});
const $ = (id) => document.getElementById(id);
const CATEGORIES = ['rice', 'noodles', 'retort', 'canned', 'snacks', 'seasoning', 'vegetables', 'fruit', 'bread', 'tofu', 'dairy', 'eggs', 'meat', 'fish', 'frozen vegetables'];
let sites = [];
// one key per form fill: a double tap or a retry after a lost answer sends the same key, the API keeps one donation
let key = Foodnet.newKey('web');

function parseKg(text) {
  const v = Number(String(text).trim().replace(/[,，、]/g, '.').replace(/[０-９．]/g, c => String.fromCharCode(c.charCodeAt(0) - 0xFEE0)));
  return Number.isFinite(v) && v > 0 && v <= 10000 ? v : null;
}
const siteName = (id) => (sites.find(s => s.id === id) || { name: id }).name;

function fillSites() {
  const hubs = sites.filter(s => s.kind === 'LOGISTICS_HUB' || s.kind === 'HUB_DEPOT');
  const donors = sites.filter(s => ['SUPERMARKET', 'FARM', 'COMPANY', 'FOOD_DRIVE_POINT', 'INDIVIDUAL'].includes(s.kind));
  const group = (label, list) => '<optgroup label="' + Foodnet.esc(label) + '">' +
      list.map(s => '<option value="' + Foodnet.esc(s.id) + '">' + Foodnet.esc(s.name) + '</option>').join('') + '</optgroup>';
  const chosen = $('site').value;
  $('site').innerHTML = group(Foodnet.t('org.group.hub'), hubs) + group(Foodnet.t('org.group.donor'), donors);
  if (chosen) $('site').value = chosen;
}

async function submit(ev) {
  ev.preventDefault();
  $('ok').textContent = ''; $('error').textContent = '';
  const grams = parseKg($('kg').value);
  const f = new FormData($('donation'));
  const problems = [];
  if (!$('site').value) problems.push(Foodnet.t('org.bad.site'));
  if (!$('category').value.trim()) problems.push(Foodnet.t('org.bad.category'));
  if (grams === null) problems.push(Foodnet.t('org.bad.kg'));
  if (!$('expiry').value) problems.push(Foodnet.t('org.bad.expiry'));
  if (problems.length) { $('error').textContent = problems.join(' '); return; }
  const body = { siteId: $('site').value, category: $('category').value.trim(), temperature: f.get('temperature'),
                 grams: Math.round(grams * 1000), expiryDate: $('expiry').value, expiryKind: f.get('expiryKind') };
  const sentKey = key;
  $('submit').disabled = true; $('submit').textContent = Foodnet.t('org.sending');
  try {
    const d = await Foodnet.api('/api/donations', { method: 'POST', body, headers: { 'Idempotency-Key': sentKey } });
    $('ok').textContent = Foodnet.t('org.saved', d.category, Foodnet.kg(d.grams / 1000), siteName(d.siteId));
    if (key === sentKey) {               // a new form fill gets a new key
      key = Foodnet.newKey('web');
      $('category').value = ''; $('kg').value = '';
    }
    await recent();
  } catch (e) {
    $('error').textContent = Foodnet.errorText(e);   // the key stays: sending again cannot log twice
  } finally {
    $('submit').disabled = false; $('submit').textContent = Foodnet.t('org.submit');
  }
}

async function recent() {
  const list = await Foodnet.api('/api/donations?limit=20');
  const ul = $('recent');
  if (!list.length) { ul.innerHTML = '<li class="muted">' + Foodnet.esc(Foodnet.t('org.none')) + '</li>'; return; }
  ul.innerHTML = list.map(d => `<li class="card donation" data-lot="${Foodnet.esc(d.lotId)}">
      <div class="row"><strong>${Foodnet.esc(Foodnet.category(d.category))}</strong>
        <span class="temp ${Foodnet.esc(d.temperature)}">${Foodnet.esc(Foodnet.t('temp.' + d.temperature))}</span>
        <strong class="grams">${Foodnet.esc(Foodnet.kg(d.grams / 1000, 3))}</strong></div>
      <div class="muted">${Foodnet.esc(siteName(d.siteId))} · ${Foodnet.esc(Foodnet.t('expiry.' + (d.expiryKind || 'BEST_BEFORE')))} ${Foodnet.esc(Foodnet.date(d.expiryDate))}
        · ${Foodnet.esc(Foodnet.dateTime(d.loggedAt))}</div>
      <details><summary>${Foodnet.esc(Foodnet.t('org.correct'))}</summary>
        <form class="correction">
          <label>${Foodnet.esc(Foodnet.t('org.newKg'))}<input name="kg" inputmode="decimal" required value="${d.grams / 1000}"></label>
          <label>${Foodnet.esc(Foodnet.t('org.reason'))}<input name="reason" required maxlength="500"></label>
          <button class="secondary" type="submit">${Foodnet.esc(Foodnet.t('org.saveCorrection'))}</button>
        </form></details></li>`).join('');
  ul.querySelectorAll('li.donation').forEach(li => {
    const d = list.find(x => x.lotId === li.dataset.lot);
    const form = li.querySelector('form.correction');
    const correctionKey = Foodnet.newKey('fix');   // one key per correction form
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      $('ok').textContent = ''; $('error').textContent = '';
      const kg = parseKg(form.kg.value);
      if (kg === null) { $('error').textContent = Foodnet.t('org.bad.kg'); return; }
      const delta = Math.round(kg * 1000) - d.grams;
      if (delta === 0) { $('error').textContent = Foodnet.t('org.bad.same'); return; }
      if (!form.reason.value.trim()) { $('error').textContent = Foodnet.t('org.bad.reason'); return; }
      form.querySelector('button').disabled = true;
      try {
        const after = await Foodnet.api('/api/donations/' + encodeURIComponent(d.lotId) + '/corrections',
            { method: 'POST', body: { deltaGrams: delta, reason: form.reason.value.trim() }, headers: { 'Idempotency-Key': correctionKey } });
        $('ok').textContent = Foodnet.t('org.corrected', Foodnet.kg(after.grams / 1000, 3));
        await recent();
      } catch (e) {
        $('error').textContent = Foodnet.errorText(e);
        form.querySelector('button').disabled = false;
      }
    });
  });
}

(async () => {
  $('categories').innerHTML = CATEGORIES.map(c => '<option value="' + c + '">').join('');
  $('donation').addEventListener('submit', submit);
  try {
    await Foodnet.header();
    sites = await Foodnet.api('/api/sites');
    fillSites();
    await recent();
  } catch (e) {
    if (e.status !== 401) { $('error').textContent = Foodnet.errorText(e); $('donation').hidden = true; }
  }
  document.addEventListener('foodnet:lang', () => { fillSites(); recent().catch(() => {}); });
})();
