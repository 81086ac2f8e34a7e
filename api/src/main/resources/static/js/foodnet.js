// Foodnet pages: shared helpers (language, API calls, formatting). No build step, no libraries.
'use strict';
const Foodnet = (() => {
  const stored = localStorage.getItem('foodnet.lang');
  let lang = stored === 'en' ? 'en' : 'ja';   // Japanese first; the header's button switches (kept per browser)
  const dict = { ja: {}, en: {} };

  function add(ja, en) { Object.assign(dict.ja, ja); Object.assign(dict.en, en); }
  function t(key, ...args) {
    let s = dict[lang][key] ?? dict.ja[key] ?? key;
    args.forEach((a, i) => { s = s.replace('{' + i + '}', a); });
    return s;
  }
  function apply(root = document) {
    document.documentElement.lang = lang;
    root.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
    root.querySelectorAll('[data-i18n-aria]').forEach(el => { el.setAttribute('aria-label', t(el.dataset.i18nAria)); });
    const title = document.querySelector('title[data-i18n]');
    if (title) document.title = t(title.dataset.i18n);
  }
  // the server answers in the pages' language too (its messages, problem details, the route sheet): cookie lang
  const langCookie = () => { document.cookie = 'lang=' + lang + '; path=/; SameSite=Strict; max-age=31536000'; };
  langCookie();
  function setLang(l) { lang = l; localStorage.setItem('foodnet.lang', l); langCookie(); apply(); document.dispatchEvent(new Event('foodnet:lang')); }

  add({ 'lang.toggle': 'English', 'logout': 'ログアウト', 'error.forbidden': 'この画面を使う権限がありません（{0}）。',
        'error.network': '通信できませんでした。電波の良い所でもう一度お試しください。', 'error.generic': 'エラー: {0}',
        'role.COORDINATOR': 'コーディネーター', 'role.DRIVER': 'ドライバー', 'role.ORGANIZER': '受付担当',
        'temp.AMBIENT': '常温', 'temp.CHILLED': '冷蔵', 'temp.FROZEN': '冷凍',
        'expiry.USE_BY': '消費期限', 'expiry.BEST_BEFORE': '賞味期限', 'kg': 'kg', 'mypage': '自分の画面へ',
        'network.choose': 'ネットワーク',
        'score.broken': '守れない条件 {0}', 'score.allDelivered': '全員に配達', 'score.undelivered': '未配達 {0}',
        'score.someUndelivered': '一部未配達', 'score.driving': '運転 {0} 時間', 'score.trips': '{0} 便', 'score.none': '未計算',
        'trip.label': '{0}さん {1}', 'trip.labelNoName': '{0}',
        'category.rice': '米', 'category.canned': '缶詰', 'category.noodles': '乾麺', 'category.retort': 'レトルト食品',
        'category.seasoning': '調味料', 'category.snacks': 'お菓子', 'category.vegetables': '野菜', 'category.fruit': '果物',
        'category.dairy': '乳製品', 'category.tofu': '豆腐', 'category.bread': 'パン', 'category.eggs': '卵', 'category.meat': '肉',
        'category.fish': '魚', 'category.frozen vegetables': '冷凍野菜', 'category.prepared meals': '調理済み食品（惣菜）' },
      { 'lang.toggle': '日本語', 'logout': 'Sign out', 'error.forbidden': 'Your account may not use this page ({0}).',
        'error.network': 'No connection. Please try again where the signal is better.', 'error.generic': 'Error: {0}',
        'role.COORDINATOR': 'coordinator', 'role.DRIVER': 'driver', 'role.ORGANIZER': 'organizer',
        'temp.AMBIENT': 'ambient', 'temp.CHILLED': 'chilled', 'temp.FROZEN': 'frozen',
        'expiry.USE_BY': 'use by', 'expiry.BEST_BEFORE': 'best before', 'kg': 'kg', 'mypage': 'Go to my page',
        'network.choose': 'Network',
        'score.broken': '{0} rule(s) broken', 'score.allDelivered': 'everyone served', 'score.undelivered': '{0} undelivered',
        'score.someUndelivered': 'some food undelivered', 'score.driving': '{0} h driving', 'score.trips': '{0} trips', 'score.none': 'not solved',
        'trip.label': '{0} {1}', 'trip.labelNoName': '{0}',
        'category.rice': 'rice', 'category.canned': 'canned goods', 'category.noodles': 'dried noodles', 'category.retort': 'retort pouches',
        'category.seasoning': 'seasoning', 'category.snacks': 'snacks', 'category.vegetables': 'vegetables', 'category.fruit': 'fruit',
        'category.dairy': 'dairy', 'category.tofu': 'tofu', 'category.bread': 'bread', 'category.eggs': 'eggs', 'category.meat': 'meat',
        'category.fish': 'fish', 'category.frozen vegetables': 'frozen vegetables', 'category.prepared meals': 'prepared meals' });

  // Networks side by side: a person with roles in several networks works in one at a time (the header's select,
  // kept per tab); the pages then call /api/networks/{id}/… instead of /api/…. With one network nothing changes.
  let networks = null;
  let current = null;
  const GLOBAL = ['/api/networks', '/api/me/networks'];
  async function loadNetworks() {
    if (networks) return networks;
    let res;
    try {
      res = await fetch('/api/me/networks', { headers: { 'X-Requested-With': 'fetch', 'Accept': 'application/json' }, credentials: 'same-origin' });
    } catch (e) {
      throw new ApiError(0, { detail: t('error.network') });
    }
    if (res.status === 401) { toSignIn(); throw new ApiError(401, null); }
    networks = res.ok ? await res.json() : [];
    const wanted = new URLSearchParams(location.search).get('network') || sessionStorage.getItem('foodnet.network');
    current = networks.length > 1 ? (networks.find(n => n.id === wanted) || networks[0]).id : null;
    return networks;
  }
  /** The address of an API path in the chosen network (unchanged for a person in one network). */
  function path(p) {
    if (!current || !p.startsWith('/api/') || GLOBAL.includes(p.split('?')[0])) return p;
    return '/api/networks/' + encodeURIComponent(current) + p.substring(4);
  }

  class ApiError extends Error {
    constructor(status, problem) { super((problem && (problem.detail || problem.title)) || ('HTTP ' + status)); this.status = status; this.problem = problem; }
  }

  /** The CSRF token the server keeps in the cookie XSRF-TOKEN; every write sends it back (header or form field). */
  function csrfToken() {
    const c = document.cookie.split('; ').find(x => x.startsWith('XSRF-TOKEN='));
    return c ? decodeURIComponent(c.substring('XSRF-TOKEN='.length)) : '';
  }
  /** Headers for a write of the pages' own: the CSRF token, and the mark that keeps the browser's password dialog away. */
  const writeHeaders = () => ({ 'X-XSRF-TOKEN': csrfToken(), 'X-Requested-With': 'fetch' });
  /**
   * Set once a form that posts directly (sign out) is sent: the page is being left, so a call of the page's own that
   * comes back 401 afterwards (signed out already) must not start another navigation over it.
   */
  let leaving = false;
  /** Not signed in: to the sign-in page, unless the page is already being left (see leaving). */
  function toSignIn() {
    if (!leaving) location.href = '/login.html';
  }
  /** Forms that post directly (sign out) get the token as the field _csrf when they are sent. */
  function protectForms(root = document) {
    root.querySelectorAll('form[method="post"][action]').forEach(f => f.addEventListener('submit', () => {
      leaving = true;
      let field = f.querySelector('input[name="_csrf"]');
      if (!field) { field = document.createElement('input'); field.type = 'hidden'; field.name = '_csrf'; f.append(field); }
      field.value = csrfToken();
    }));
  }

  /** fetch with the session cookie; 401 goes to the sign-in page, errors become ApiError (RFC 9457 problem). */
  async function api(address, { method = 'GET', body, headers = {} } = {}) {
    await loadNetworks();
    const path = Foodnet.path(address);
    const h = { 'X-Requested-With': 'fetch', 'Accept': 'application/json', 'Accept-Language': lang, ...headers };
    if (method !== 'GET' && method !== 'HEAD') h['X-XSRF-TOKEN'] = csrfToken();
    if (body !== undefined) h['Content-Type'] = 'application/json';
    let res;
    try {
      res = await fetch(path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
    } catch (e) {
      throw new ApiError(0, { detail: t('error.network') });
    }
    if (res.status === 401) { toSignIn(); throw new ApiError(401, null); }
    const text = await res.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch (e) { data = text; }
    if (!res.ok) throw new ApiError(res.status, data);
    return data;
  }

  function errorText(e) {
    if (e.status === 403) return t('error.forbidden', e.message);
    if (e.status === 0) return t('error.network');
    if (e.problem && e.problem.errors && e.problem.errors.length) {
      return t('error.generic', e.problem.errors.map(x => x.field + ': ' + x.reason).join(' / '));
    }
    return t('error.generic', e.message);
  }

  const locale = () => lang === 'ja' ? 'ja-JP' : 'en-GB';
  const kg = (value, digits = 1) => new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(value) + ' kg';
  const date = (iso) => iso ? new Intl.DateTimeFormat(locale(), { year: 'numeric', month: 'short', day: 'numeric', weekday: 'short' })
      .format(new Date(iso.length === 10 ? iso + 'T00:00:00' : iso)) : '';
  const time = (iso) => iso ? iso.substring(11, 16) : '';
  const dateTime = (iso) => iso ? new Intl.DateTimeFormat(locale(), { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })
      .format(new Date(iso)) : '';
  /** A fresh idempotency key: letters, digits and '-' only (the API's pattern). */
  const newKey = (prefix) => prefix + '-' + (crypto.randomUUID ? crypto.randomUUID()
      : Date.now().toString(36) + '-' + Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2));
  /**
   * A score for people. With the plan's summary (GET /api/plans/{id}): "全員に配達 / 未配達 120 kg / 運転 152 時間";
   * from the score text alone ("0hard/-141993medium/-2769906054soft"): broken rules, whether all food is delivered.
   */
  function score(text, summary) {
    if (!text && !summary) return t('score.none');
    const parts = [];
    const m = /^(-?\d+)hard\/(-?\d+)medium\/(-?\d+)soft$/.exec(text || '');
    const hard = summary ? (summary.feasible ? 0 : summary.violations || 1) : (m ? -Number(m[1]) : 0);
    if (hard > 0) parts.push(t('score.broken', summary ? hard : ''));
    if (summary) {
      parts.push(summary.unplannedKg > 0.05 ? t('score.undelivered', kg(summary.unplannedKg, 0)) : t('score.allDelivered'));
      parts.push(t('score.driving', Math.round(summary.drivingMinutes / 60)));
      parts.push(t('score.trips', summary.trips));
    } else if (m) {
      parts.push(Number(m[2]) === 0 ? t('score.allDelivered') : t('score.someUndelivered'));
    }
    return parts.map(p => p.replace(/\s+$/, '')).join(' / ');
  }
  /** A food category's label in the page's language (the code as written when it is not a known one). */
  const category = (code) => { const k = 'category.' + code; const s = t(k); return s === k ? code : s; };
  /** A trip for people: "山田さん 12/11(金) 9:00" (name may be missing). */
  function tripLabel(name, startIso) {
    const d = new Date(startIso.length === 10 ? startIso + 'T00:00:00' : startIso.substring(0, 19));
    const day = lang === 'ja'
      ? (d.getMonth() + 1) + '/' + d.getDate() + '(' + new Intl.DateTimeFormat('ja-JP', { weekday: 'short' }).format(d) + ')'
      : new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short' }).format(d);
    const when = day + (startIso.length > 10 ? ' ' + d.getHours() + ':' + String(d.getMinutes()).padStart(2, '0') : '');
    return name ? t('trip.label', name, when) : t('trip.labelNoName', when);
  }
  function esc(s) { return String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c])); }

  /** Header: who is signed in, language toggle, sign out. Returns /api/me (or throws). */
  async function header() {
    const langBtn = document.getElementById('lang');
    if (langBtn) langBtn.addEventListener('click', () => setLang(lang === 'ja' ? 'en' : 'ja'));
    protectForms();
    apply();
    await loadNetworks();
    document.querySelectorAll('a[href^="/api/"]').forEach(a => a.setAttribute('href', path(a.getAttribute('href'))));
    const me = await api('/api/me');
    const who = document.getElementById('who');
    if (who && networks.length > 1) {
      const select = document.createElement('select');
      select.id = 'network';
      select.setAttribute('aria-label', t('network.choose'));
      networks.forEach(n => {
        const o = document.createElement('option');
        o.value = n.id;
        o.textContent = (n.name || n.id) + ' · ' + t('role.' + n.role);
        o.selected = n.id === current;
        select.append(o);
      });
      select.addEventListener('change', () => {
        sessionStorage.setItem('foodnet.network', select.value);
        const chosen = networks.find(n => n.id === select.value);
        location.href = pageOf(chosen.role) + '?network=' + encodeURIComponent(chosen.id);
      });
      who.after(select);
    }
    if (who) {
      const show = () => { who.textContent = me.username + '（' + t('role.' + me.role) + '）'; };
      show(); document.addEventListener('foodnet:lang', show);
    }
    return me;
  }
  const pageOf = (role) => ({ COORDINATOR: '/coordinator.html', DRIVER: '/driver.html', ORGANIZER: '/organizer.html' }[role]);

  return { add, t, apply, api, path, loadNetworks, csrfToken, writeHeaders, protectForms, errorText, kg, date, time, dateTime, newKey, esc, score, category, tripLabel, header, pageOf, get lang() { return lang; }, ApiError };
})();
