// Coordinator page: forms for sites, volunteers and availability, and the CSV upload with its per-row report.
// The server checks everything; its problem+json field errors are shown next to the fields they name.
'use strict';
const FoodnetForms = (() => {
  const E = Foodnet.esc, t = Foodnet.t;
  Foodnet.add({
    'f.sites': '拠点の登録・変更', 'f.volunteers': 'ボランティアドライバーの登録・変更', 'f.slots': '都合のつく日時（空き予定）',
    'f.csv': 'CSV で一括登録', 'f.edit': '変更する拠点', 'f.editVolunteer': '変更するドライバー', 'f.new': '（新しく登録）',
    'f.id': 'ID（半角英数字と -）', 'f.name': '名前', 'f.kind': '種類', 'f.municipality': '市町', 'f.address': '住所',
    'f.contact': '連絡先', 'f.lat': '緯度', 'f.lon': '経度', 'f.service': '作業時間（秒）', 'f.save': '保存する',
    'f.homeLat': '自宅の緯度', 'f.homeLon': '自宅の経度', 'f.maxMinutes': '1日に運転できる時間（分）', 'f.vehicle': '車両',
    'f.email': 'メールアドレス（配送予定のお知らせ）', 'f.language': 'お知らせの言語',
    'f.volunteer': 'ドライバー', 'f.date': '日付', 'f.from': '開始', 'f.to': '終了', 'f.addSlot': '空き予定を追加',
    'f.removeDay': 'この日を取り消す', 'f.removeDayLabel': '{0} の空き予定を取り消す', 'f.noSlots': 'この月の空き予定はありません。',
    'f.savedSite': '拠点 {0} を保存しました。', 'f.savedVolunteer': 'ドライバー {0} を保存しました。',
    'f.addedSlot': '{0} {1}〜{2} を追加しました。', 'f.removedDay': '{0} の空き予定を取り消しました。',
    'f.csvKind': '取り込むもの', 'f.csvSites': '拠点（sites.csv）', 'f.csvVolunteers': 'ドライバー（volunteers.csv）',
    'f.csvFile': 'CSV ファイル', 'f.upload': '取り込む', 'f.imported': '{0} 件取り込みました: {1}',
    'f.rejected': '{0} 行に誤りがあるため、何も取り込んでいません。', 'f.line': '行', 'f.column': '列', 'f.reason': '理由',
    'f.goodOnly': '正しい {0} 行だけ取り込む', 'f.noFile': 'ファイルを選んでください。', 'f.slotsOf': '{0} の空き予定（{1}）',
    'f.export': '今の内容を CSV でダウンロード', 'f.rowErrors': '誤りのある行',
    'f.csvCharset': '文字コード', 'f.csvCharsetAuto': '自動判別（UTF-8 / Shift_JIS）', 'f.csvCharsetUtf8': 'UTF-8',
    'f.csvCharsetSjis': 'Shift_JIS（日本語版 Excel の「CSV」）'
  }, {
    'f.sites': 'Add or change a site', 'f.volunteers': 'Add or change a volunteer driver', 'f.slots': 'Availability',
    'f.csv': 'Upload a CSV', 'f.edit': 'Site to change', 'f.editVolunteer': 'Volunteer to change', 'f.new': '(add a new one)',
    'f.id': 'ID (letters, digits and -)', 'f.name': 'Name', 'f.kind': 'Kind', 'f.municipality': 'Town', 'f.address': 'Address',
    'f.contact': 'Contact', 'f.lat': 'Latitude', 'f.lon': 'Longitude', 'f.service': 'Service time (seconds)', 'f.save': 'Save',
    'f.homeLat': 'Home latitude', 'f.homeLon': 'Home longitude', 'f.maxMinutes': 'Driving time per day (minutes)', 'f.vehicle': 'Vehicle',
    'f.email': 'E-mail address (plan notices)', 'f.language': 'Language of the notices',
    'f.volunteer': 'Volunteer', 'f.date': 'Date', 'f.from': 'From', 'f.to': 'To', 'f.addSlot': 'Add availability',
    'f.removeDay': 'Cancel this day', 'f.removeDayLabel': 'Cancel the availability of {0}', 'f.noSlots': 'No availability this month.',
    'f.savedSite': 'Site {0} saved.', 'f.savedVolunteer': 'Volunteer {0} saved.',
    'f.addedSlot': '{0} {1}–{2} added.', 'f.removedDay': 'Availability of {0} cancelled.',
    'f.csvKind': 'What to upload', 'f.csvSites': 'Sites (sites.csv)', 'f.csvVolunteers': 'Volunteers (volunteers.csv)',
    'f.csvFile': 'CSV file', 'f.upload': 'Upload', 'f.imported': '{0} row(s) imported: {1}',
    'f.rejected': '{0} row(s) have errors, so nothing was imported.', 'f.line': 'Line', 'f.column': 'Column', 'f.reason': 'Reason',
    'f.goodOnly': 'Import only the {0} good row(s)', 'f.noFile': 'Please choose a file.', 'f.slotsOf': 'Availability of {0} ({1})',
    'f.export': 'Download the current data as CSV', 'f.rowErrors': 'Rows with errors',
    'f.csvCharset': 'Character set', 'f.csvCharsetAuto': 'Detect (UTF-8 / Shift_JIS)', 'f.csvCharsetUtf8': 'UTF-8',
    'f.csvCharsetSjis': 'Shift_JIS (Excel in Japanese, "CSV")'
  });
  const $ = (id) => document.getElementById(id);
  const KINDS = ['LOGISTICS_HUB', 'HUB_DEPOT', 'COMMUNITY_CAFETERIA', 'MOTHER_CHILD_FACILITY', 'REHABILITATION_FACILITY', 'SHELTER',
                 'OTHER_RECIPIENT', 'SUPERMARKET', 'FARM', 'COMPANY', 'FOOD_DRIVE_POINT', 'INDIVIDUAL'];
  let sites = [], volunteers = [], vehicles = [], changed = () => {};

  // --- field errors ----------------------------------------------------------------------------------------

  function clearErrors(form) {
    form.querySelectorAll('.field-error').forEach(p => p.remove());
    form.querySelectorAll('[aria-invalid]').forEach(el => { el.removeAttribute('aria-invalid'); el.removeAttribute('aria-describedby'); });
    const general = form.querySelector('.form-error');
    if (general) general.textContent = '';
  }

  /** Puts each problem+json error next to the input whose data-field it names; the rest above the button. */
  function showErrors(form, e) {
    clearErrors(form);
    const errors = (e.problem && e.problem.errors) || [];
    const rest = [];
    errors.forEach(err => {
      const input = form.querySelector(`[data-field="${CSS.escape(err.field)}"]`);
      if (!input) { rest.push(err.field + ': ' + err.reason); return; }
      const p = document.createElement('p');
      p.className = 'field-error';
      p.id = input.id + '-error';
      p.textContent = err.reason;
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', p.id);
      input.insertAdjacentElement('afterend', p);
    });
    const general = form.querySelector('.form-error');
    if (general && (rest.length || !errors.length)) general.textContent = rest.length ? rest.join(' / ') : Foodnet.errorText(e);
    const first = form.querySelector('[aria-invalid]');
    if (first) first.focus();
  }

  /** A number as typed ("35.5" or "35,5"); what cannot be read goes to the server as typed, which then names the field. */
  function num(value) {
    const v = value.trim().replace(',', '.');
    if (v === '') return null;
    const n = Number(v);
    return Number.isFinite(n) ? n : value;
  }
  const text = (v) => v.trim() === '' ? null : v.trim();

  // --- sites -----------------------------------------------------------------------------------------------

  function siteOptions() {
    $('siteEdit').innerHTML = `<option value="">${E(t('f.new'))}</option>`
      + sites.map(s => `<option value="${E(s.id)}">${E(s.name)} (${E(s.id)})</option>`).join('');
    $('siteKind').innerHTML = KINDS.map(k => `<option value="${k}">${E(t('kind.' + k))}</option>`).join('');
  }

  function fillSite() {
    const s = sites.find(x => x.id === $('siteEdit').value);
    const f = $('siteForm');
    clearErrors(f);
    $('siteId').value = s ? s.id : ''; $('siteId').readOnly = !!s;
    $('siteName').value = s ? s.name : '';
    $('siteKind').value = s ? s.kind : 'COMMUNITY_CAFETERIA';
    $('siteMunicipality').value = s ? (s.municipality || '') : '';
    $('siteAddress').value = s ? (s.address || '') : '';
    $('siteContact').value = s ? (s.contact || '') : '';
    $('siteLat').value = s ? s.location.lat : '';
    $('siteLon').value = s ? s.location.lon : '';
    $('siteService').value = s ? s.serviceSeconds : 600;
  }

  async function saveSite(ev) {
    ev.preventDefault();
    const f = $('siteForm'), old = sites.find(x => x.id === $('siteEdit').value);
    const body = { id: text($('siteId').value), name: $('siteName').value, kind: $('siteKind').value,
      municipality: text($('siteMunicipality').value), address: text($('siteAddress').value), contact: text($('siteContact').value),
      lat: num($('siteLat').value), lon: num($('siteLon').value), serviceSeconds: num($('siteService').value) };
    if (old) {   // what the form does not show stays as it was
      body.openingHours = old.openingHours ? old.openingHours.byWeekday : null;
      body.closedDates = old.closedDates; body.storageCapacity = old.storageCapacity; body.servingDepotId = old.servingDepotId;
    }
    f.querySelector('button[type=submit]').disabled = true;
    try {
      const saved = await Foodnet.api(old ? '/api/sites/' + encodeURIComponent(old.id) : '/api/sites',
          { method: old ? 'PUT' : 'POST', body });
      clearErrors(f);
      $('formsOk').textContent = t('f.savedSite', saved.id);
      await reload(); $('siteEdit').value = saved.id; fillSite();
      changed();
    } catch (e) { showErrors(f, e); } finally { f.querySelector('button[type=submit]').disabled = false; }
  }

  // --- volunteers ------------------------------------------------------------------------------------------

  function volunteerOptions() {
    const opts = volunteers.map(v => `<option value="${E(v.id)}">${E(v.name)} (${E(v.id)})</option>`).join('');
    $('volunteerEdit').innerHTML = `<option value="">${E(t('f.new'))}</option>` + opts;
    const keep = $('slotVolunteer').value;
    $('slotVolunteer').innerHTML = opts;
    if (volunteers.some(v => v.id === keep)) $('slotVolunteer').value = keep;
    $('volunteerVehicle').innerHTML = vehicles.map(v => `<option value="${E(v.id)}">${E(v.name)} (${E(v.id)})</option>`).join('');
  }

  function fillVolunteer() {
    const v = volunteers.find(x => x.id === $('volunteerEdit').value);
    clearErrors($('volunteerForm'));
    $('volunteerId').value = v ? v.id : ''; $('volunteerId').readOnly = !!v;
    $('volunteerName').value = v ? v.name : '';
    $('volunteerContact').value = v ? (v.contact || '') : '';
    $('volunteerLat').value = v ? v.home.lat : '';
    $('volunteerLon').value = v ? v.home.lon : '';
    $('volunteerMax').value = v ? v.maxMinutesPerDay : 240;
    if (v) $('volunteerVehicle').value = v.vehicleId;
    $('volunteerEmail').value = v ? (v.email || '') : '';
    $('volunteerLanguage').value = v ? (v.language || 'ja') : 'ja';
  }

  async function saveVolunteer(ev) {
    ev.preventDefault();
    const f = $('volunteerForm'), old = volunteers.find(x => x.id === $('volunteerEdit').value);
    const body = { id: text($('volunteerId').value), name: $('volunteerName').value, contact: text($('volunteerContact').value),
      homeLat: num($('volunteerLat').value), homeLon: num($('volunteerLon').value), maxMinutesPerDay: num($('volunteerMax').value),
      vehicleId: $('volunteerVehicle').value, email: $('volunteerEmail').value.trim(), language: $('volunteerLanguage').value };
    f.querySelector('button[type=submit]').disabled = true;
    try {
      const saved = await Foodnet.api(old ? '/api/volunteers/' + encodeURIComponent(old.id) : '/api/volunteers',
          { method: old ? 'PUT' : 'POST', body });
      clearErrors(f);
      $('formsOk').textContent = t('f.savedVolunteer', saved.id);
      await reload(); $('volunteerEdit').value = saved.id; fillVolunteer();
      $('slotVolunteer').value = saved.id; await slots();
      changed();
    } catch (e) { showErrors(f, e); } finally { f.querySelector('button[type=submit]').disabled = false; }
  }

  // --- availability ----------------------------------------------------------------------------------------

  async function slots() {
    const id = $('slotVolunteer').value;
    if (!id) { $('slotRows').innerHTML = ''; return; }
    const month = $('month').value;
    const list = await Foodnet.api(`/api/volunteers/${encodeURIComponent(id)}/slots?month=${encodeURIComponent(month)}`);
    const v = volunteers.find(x => x.id === id);
    $('slotCaption').textContent = t('f.slotsOf', v ? v.name : id, month);
    $('slotRows').innerHTML = list.length ? list.map(s => `<tr class="slot" data-date="${E(s.date)}">
        <td>${E(Foodnet.date(s.date))}</td><td>${E(s.from.substring(0, 5))}–${E(s.to.substring(0, 5))}</td>
        <td><button type="button" class="secondary remove-day" data-date="${E(s.date)}"
             aria-label="${E(t('f.removeDayLabel', Foodnet.date(s.date)))}">${E(t('f.removeDay'))}</button></td></tr>`).join('')
      : `<tr><td colspan="3" class="muted">${E(t('f.noSlots'))}</td></tr>`;
    $('slotRows').querySelectorAll('button.remove-day').forEach(b => b.addEventListener('click', () => removeDay(b)));
  }

  async function addSlot(ev) {
    ev.preventDefault();
    const f = $('slotForm');
    const id = $('slotVolunteer').value;
    const body = { date: text($('slotDate').value), from: text($('slotFrom').value), to: text($('slotTo').value) };
    try {
      const s = await Foodnet.api(`/api/volunteers/${encodeURIComponent(id)}/slots`, { method: 'POST', body });
      clearErrors(f);
      $('formsOk').textContent = t('f.addedSlot', Foodnet.date(s.date), s.from.substring(0, 5), s.to.substring(0, 5));
      await slots();
      changed();
    } catch (e) { showErrors(f, e); }
  }

  async function removeDay(button) {
    button.disabled = true;
    try {
      await Foodnet.api(`/api/volunteers/${encodeURIComponent($('slotVolunteer').value)}/slots/${button.dataset.date}`, { method: 'DELETE' });
      $('formsOk').textContent = t('f.removedDay', Foodnet.date(button.dataset.date));
      await slots();
      changed();
    } catch (e) { showErrors($('slotForm'), e); button.disabled = false; }
  }

  // --- CSV -------------------------------------------------------------------------------------------------

  /** CSV records with the server's quoting rules: [start, end) offsets of each record in the text. */
  function records(textValue) {
    const out = [];
    let start = 0, quoted = false;
    for (let i = 0; i < textValue.length; i++) {
      const c = textValue[i];
      if (c === '"') quoted = !quoted;
      else if (!quoted && (c === '\n' || c === '\r')) {
        const end = (c === '\r' && textValue[i + 1] === '\n') ? i + 2 : i + 1;
        out.push([start, end]); start = end; i = end - 1;
      }
    }
    if (start < textValue.length) out.push([start, textValue.length]);
    return out;
  }

  /** The line number of an error ("line 3" or "line 3: lat"), and its column. */
  function rowError(err) {
    const m = /^line (\d+)(?:: (.*))?$/.exec(err.field || '');
    return m ? { line: Number(m[1]), column: m[2] || '', reason: err.reason } : { line: null, column: err.field, reason: err.reason };
  }

  /**
   * The text of the chosen file as the server reads it (for the per-row report): in the chosen character set, else
   * UTF-8 if the bytes are valid UTF-8, else Shift_JIS (the WHATWG decoder "shift_jis" is Windows' CP932, as Excel
   * in Japan saves). A byte-order mark is dropped.
   */
  function decode(bytes, charset) {
    if (charset === 'Shift_JIS') return new TextDecoder('shift_jis').decode(bytes);
    if (charset === 'UTF-8') return new TextDecoder('utf-8').decode(bytes);
    try { return new TextDecoder('utf-8', { fatal: true }).decode(bytes); }
    catch (e) { return new TextDecoder('shift_jis').decode(bytes); }
  }

  /**
   * Uploads a CSV: the file's bytes as they are (the server detects UTF-8 or Shift_JIS, or reads the character set
   * chosen on the form, ?charset=), or text made on the page (the good rows only), sent as UTF-8.
   */
  async function upload(content, charset) {
    const kind = document.querySelector('input[name=csvKind]:checked').value;
    const bytes = typeof content !== 'string';
    const address = `/api/${kind}.csv` + (bytes && charset ? '?charset=' + encodeURIComponent(charset) : '');
    const csv = bytes ? decode(content, charset) : content;
    const res = await fetch(Foodnet.path(address), { method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': bytes ? 'text/csv' : 'text/csv; charset=utf-8', 'Accept': 'application/json',
          'Accept-Language': Foodnet.lang, ...Foodnet.writeHeaders() }, body: content });
    if (res.status === 401) { location.href = '/login.html'; return; }
    const data = await res.json().catch(() => null);
    $('csvReport').innerHTML = '';
    if (res.ok) {
      $('csvResult').className = 'msg ok';
      $('csvResult').textContent = t('f.imported', data.imported, data.ids.join(', '));
      await reload(); changed();
      return;
    }
    const errors = (data && data.errors ? data.errors : []).map(rowError);
    const byLine = errors.filter(x => x.line !== null);
    $('csvResult').className = 'msg error';
    $('csvResult').textContent = byLine.length ? t('f.rejected', new Set(byLine.map(x => x.line)).size)
        : Foodnet.errorText(new Foodnet.ApiError(res.status, data));
    if (!byLine.length) return;
    const recs = records(csv);
    const bad = new Set(byLine.map(x => x.line));
    const good = recs.filter((r, i) => i > 0 && !bad.has(i + 1) && csv.substring(r[0], r[1]).trim() !== '');
    $('csvReport').innerHTML = `<table class="csv-report"><caption class="muted">${E(t('f.rowErrors'))}</caption>
      <thead><tr><th scope="col">${E(t('f.line'))}</th><th scope="col">${E(t('f.column'))}</th><th scope="col">${E(t('f.reason'))}</th></tr></thead>
      <tbody>${byLine.map(x => `<tr class="row-error" data-line="${x.line}"><td>${x.line}</td><td><code>${E(x.column)}</code></td><td>${E(x.reason)}</td></tr>`).join('')}</tbody></table>`
      + (good.length ? `<button type="button" class="secondary" id="csvGoodOnly">${E(t('f.goodOnly', good.length))}</button>` : '');
    if (good.length) {
      $('csvGoodOnly').addEventListener('click', () => {
        const slice = (r) => { const x = csv.substring(r[0], r[1]); return /[\r\n]$/.test(x) ? x : x + '\n'; };
        upload(slice(recs[0]) + good.map(slice).join('')).catch(e => { $('csvResult').textContent = Foodnet.errorText(e); });
      });
    }
  }

  async function submitCsv(ev) {
    ev.preventDefault();
    const file = $('csvFile').files[0];
    $('csvReport').innerHTML = '';
    if (!file) { $('csvResult').className = 'msg error'; $('csvResult').textContent = t('f.noFile'); return; }
    try { await upload(new Uint8Array(await file.arrayBuffer()), $('csvCharset').value); }
    catch (e) { $('csvResult').className = 'msg error'; $('csvResult').textContent = Foodnet.errorText(e); }
  }

  // --- loading ---------------------------------------------------------------------------------------------

  async function reload() {
    [sites, volunteers, vehicles] = await Promise.all([Foodnet.api('/api/sites'),
      Foodnet.api('/api/volunteers?month=' + encodeURIComponent($('month').value)), Foodnet.api('/api/vehicles')]);
    const keepSite = $('siteEdit').value, keepVolunteer = $('volunteerEdit').value;
    siteOptions(); volunteerOptions();
    if (sites.some(s => s.id === keepSite)) $('siteEdit').value = keepSite;
    if (volunteers.some(v => v.id === keepVolunteer)) $('volunteerEdit').value = keepVolunteer;
  }

  async function init(onChange) {
    changed = onChange || changed;
    $('siteEdit').addEventListener('change', fillSite);
    $('siteForm').addEventListener('submit', saveSite);
    $('volunteerEdit').addEventListener('change', fillVolunteer);
    $('volunteerForm').addEventListener('submit', saveVolunteer);
    $('slotVolunteer').addEventListener('change', () => slots().catch(e => showErrors($('slotForm'), e)));
    $('slotForm').addEventListener('submit', addSlot);
    $('csvForm').addEventListener('submit', submitCsv);
    $('month').addEventListener('change', () => reload().then(slots).catch(e => showErrors($('slotForm'), e)));
    document.addEventListener('foodnet:lang', () => {
      const s = $('siteEdit').value, v = $('volunteerEdit').value, k = $('siteKind').value;
      siteOptions(); volunteerOptions(); $('siteEdit').value = s; $('volunteerEdit').value = v; $('siteKind').value = k;
      slots().catch(() => {});
    });
    await reload();
    fillSite(); fillVolunteer();
    await slots();
  }

  return { init };
})();
