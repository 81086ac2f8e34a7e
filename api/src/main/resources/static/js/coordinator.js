// The coordinator page: plan a month, follow the solver, explain and publish (map, calendar and forms in their own files).
'use strict';
Foodnet.add({
  'co.title': '配送計画', 'co.start': '計画を作る', 'co.month': '月', 'co.limit': '計算時間（秒）', 'co.startButton': '計画を開始',
  'co.progress': '進み具合', 'co.idle': '計画は実行されていません。', 'co.best': '最良スコア', 'co.plans': 'この月の計画',
  'co.status': '状態', 'co.version': '版', 'co.score': 'スコア', 'co.explanation': 'スコアの説明',
  'co.fulfilment': '受け取り先ごとの充足（計画 / 必要量）', 'co.publish': '公開する', 'co.explain': '説明を見る',
  'co.running': '計画 {0}: {1}（{2}%）', 'co.ended': '計画 {0} の計算が終わりました（{1}）。', 'co.published': '計画 {0} を公開しました。',
  'co.feasible': '実行可能', 'co.infeasible': '守れない条件があります', 'co.matches': '{0} 件', 'co.noPlans': 'まだ計画がありません。',
  'co.forbidden': 'この画面はコーディネーター用です。', 'status.DRAFT': '下書き', 'status.SOLVED': '計算済み', 'status.PUBLISHED': '公開中',
  'status.ARCHIVED': '過去', 'status.QUEUED': '待機中', 'status.RUNNING': '計算中', 'status.SUCCEEDED': '完了', 'status.FAILED': '失敗',
  'status.CANCELLED': '中止', 'status.INTERRUPTED': '中断', 'co.nav': 'この画面の中', 'co.navPlan': '計画',
  'co.navForms': '拠点・ドライバーの登録', 'co.show': '地図と予定に表示', 'co.shown': '表示中',
  'level.HARD': '必ず守る', 'level.MEDIUM': '届ける', 'level.SOFT': 'できるだけ',
  'co.otherTravel': 'この計画は別の移動時間のデータ（{0}）で作られました。今のデータ（{1}）では確かめられないので、計画し直してください。',
  'co.otherTravelShort': '別の移動時間のデータで作られた計画です。計画し直してください。',
  'co.ownTravel': '直線距離からの見積もり（またはネットワークの移動時間表）'
}, {
  'co.title': 'Delivery planning', 'co.start': 'Plan a month', 'co.month': 'Month', 'co.limit': 'Solver time (seconds)', 'co.startButton': 'Start planning',
  'co.progress': 'Progress', 'co.idle': 'No planning running.', 'co.best': 'Best score', 'co.plans': "This month's plans",
  'co.status': 'Status', 'co.version': 'Version', 'co.score': 'Score', 'co.explanation': 'Score explained',
  'co.fulfilment': 'Recipients: planned vs need', 'co.publish': 'Publish', 'co.explain': 'Explain',
  'co.running': 'Plan {0}: {1} ({2}%)', 'co.ended': 'Plan {0} finished solving ({1}).', 'co.published': 'Plan {0} published.',
  'co.feasible': 'feasible', 'co.infeasible': 'some rules are broken', 'co.matches': '{0} matches', 'co.noPlans': 'No plans yet.',
  'co.forbidden': 'This page is for coordinators.', 'status.DRAFT': 'draft', 'status.SOLVED': 'solved', 'status.PUBLISHED': 'published',
  'status.ARCHIVED': 'archived', 'status.QUEUED': 'queued', 'status.RUNNING': 'running', 'status.SUCCEEDED': 'succeeded', 'status.FAILED': 'failed',
  'status.CANCELLED': 'cancelled', 'status.INTERRUPTED': 'interrupted', 'co.nav': 'On this page', 'co.navPlan': 'Planning',
  'co.navForms': 'Sites and volunteers', 'co.show': 'Show on map and calendar', 'co.shown': 'shown',
  'level.HARD': 'must keep', 'level.MEDIUM': 'deliver', 'level.SOFT': 'as far as possible',
  'co.otherTravel': 'This plan was made with other travel times ({0}). It cannot be checked against the current ones ({1}): please re-plan.',
  'co.otherTravelShort': 'Made with other travel times: please re-plan.',
  'co.ownTravel': 'straight-line estimate (or the network\'s travel matrix)'
});
const $ = (id) => document.getElementById(id);
const E = Foodnet.esc, t = Foodnet.t;
let shownPlan = null;
let lastPlans = [];

function defaultMonth() {
  const q = new URLSearchParams(location.search).get('month');
  if (q) return q;
  const d = new Date(); d.setMonth(d.getMonth() + 1);            // usually the coming month is planned
  return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0');
}

let mapPlan = null;   // the plan on the map and the calendar

/** A travel source for people: the OpenStreetMap extract's name, or the network's own travel model. */
const travelName = (source) => source ? source.extract : t('co.ownTravel');

/**
 * A plan made with other travel times than the network has now (GET /api/plans/{id}: travelSourceCurrent false) is
 * not checked against them: a notice asks to re-plan. Returns whether it is such a plan.
 */
function travelNotice(view) {
  const other = !!view && view.travelSourceCurrent === false;
  $('travelNotice').hidden = !other;
  $('travelNotice').textContent = other ? t('co.otherTravel', travelName(view.planTravelSource), travelName(view.networkTravelSource)) : '';
  return other;
}

/** Draws the month's network on the map, and this plan's trips on the map and the calendar (none: null). */
let wantedPlan = null;   // the plan asked for last: an earlier, slower answer must not replace it
async function showPlan(planId) {
  wantedPlan = planId;
  const month = $('month').value;
  const [net, view] = await Promise.all([Foodnet.api('/api/network?month=' + encodeURIComponent(month)),
    planId ? Foodnet.api('/api/plans/' + planId) : Promise.resolve(null)]);
  if (month !== $('month').value || wantedPlan !== planId) return view;   // the month or the plan changed meanwhile
  mapPlan = planId;
  travelNotice(view);
  FoodnetMap.show(net, view);
  FoodnetCalendar.show(month, net, view);
  FoodnetActions.planShown(net, view).catch(show);
  if (planId && !following) lastJobOf(planId).catch(show);
  document.querySelectorAll('#plans tr[data-plan]').forEach(r => r.classList.toggle('shown', String(r.dataset.plan) === String(planId)));
  return view;
}

/** The plan to show first: the month's published plan, else its newest solved one. */
function defaultPlan(list) {
  const p = list.find(x => x.status === 'PUBLISHED') || list.find(x => x.status === 'SOLVED');
  return p ? p.id : null;
}

async function plans() {
  const list = await Foodnet.api('/api/plans?month=' + encodeURIComponent($('month').value));
  lastPlans = list;
  $('plans').innerHTML = list.length ? list.map(p => `<tr data-plan="${p.id}">
      <td>${p.id}</td><td class="status">${E(t('status.' + p.status))}</td><td>${p.version}</td><td class="score" title="${E(p.score || '')}">${E(Foodnet.score(p.score))}</td>
      <td><button class="secondary explain" type="button" data-plan="${p.id}">${E(t('co.explain'))}</button>
      ${p.status === 'SOLVED' ? `<button class="secondary publish" type="button" data-plan="${p.id}">${E(t('co.publish'))}</button>` : ''}</td></tr>`).join('')
    : `<tr><td colspan="5" class="muted">${E(t('co.noPlans'))}</td></tr>`;
  $('plans').querySelectorAll('button.explain').forEach(b => b.addEventListener('click', () => explain(b.dataset.plan).catch(show)));
  $('plans').querySelectorAll('button.publish').forEach(b => b.addEventListener('click', () => publish(b)));
}

async function explain(planId) {
  shownPlan = planId;
  const shown = showPlan(planId);
  shown.catch(show);
  const view = await shown.catch(() => null);
  if (travelNotice(view)) {   // not judged against other travel times (the explanation would answer 409)
    $('summary').textContent = `#${planId}`; $('rules').innerHTML = ''; $('recipients').innerHTML = '';
    return;
  }
  const x = await Foodnet.api('/api/plans/' + planId + '/explanation');
  $('summary').textContent = `#${planId} · ${Foodnet.score(x.score, view && view.summary)} · ${x.feasible ? t('co.feasible') : t('co.infeasible')}`;
  $('summary').title = x.score;
  $('rules').innerHTML = x.constraints.map(r => `<li class="rule" data-rule="${E(r.name)}"><details><summary><strong>${E(r.title || r.name)}</strong>
      <span class="muted">${E(t('level.' + r.level))} · ${E(t('co.matches', r.matches))}</span></summary>
      ${r.what ? `<p class="what">${E(r.what)}</p>` : ''}<p>${E(r.summary)}</p>${r.details.length ? '<ul>' + r.details.map(d => '<li>' + E(d) + '</li>').join('') + '</ul>' : ''}</details></li>`).join('');
  $('recipients').innerHTML = x.recipients.map(r => {
    const pct = Math.round(Math.min(1, r.fulfilment) * 100);
    return `<tr class="recipient"><th scope="row">${E(r.name)}</th>
      <td class="bar-cell"><div class="bar${r.fulfilment < 0.8 ? ' low' : ''}" role="img" aria-label="${pct}%"><span data-pct="${pct}"></span></div></td>
      <td>${E(Foodnet.kg(r.plannedKg))} / ${E(Foodnet.kg(r.needKg))} (${pct}%)<br><small class="muted">${Object.entries(r.fulfilmentPerClass || {}).map(([c, f]) => E(t('temp.' + c)) + ' ' + Math.round(f * 100) + '%').join(' · ')}</small></td></tr>`;
  }).join('');
  // widths through the CSS object model: the Content-Security-Policy allows no inline style attribute
  $('recipients').querySelectorAll('.bar > span[data-pct]').forEach(span => { span.style.width = span.dataset.pct + '%'; });
}

async function publish(button) {
  button.disabled = true;
  try {
    await Foodnet.api('/api/plans/' + button.dataset.plan + '/publish', { method: 'POST' });
    $('ok').textContent = t('co.published', button.dataset.plan);
    await plans();
    await showPlan(button.dataset.plan);
  } catch (e) { show(e); button.disabled = false; }
}

let runningJob = null;   // the job followed now (Stop), or the last one that ended (Resume)
let following = false;

/** The shown plan's newest solve job: Stop while it runs, Resume once it ended (e.g. INTERRUPTED by a restart). */
async function lastJobOf(planId) {
  const jobs = await Foodnet.api('/api/plans/' + planId + '/jobs');
  const job = jobs.reduce((a, b) => (a && a.id > b.id ? a : b), null);
  if (!job || following) return;
  runningJob = { planId: job.planId, jobId: job.id };
  jobButtons(job);
  if (job.status === 'QUEUED' || job.status === 'RUNNING') follow(job.planId, job.id);
}

function jobButtons(job) {
  const running = job && (job.status === 'QUEUED' || job.status === 'RUNNING');
  $('stopButton').disabled = !running;
  $('resumeButton').disabled = !job || running;
}

async function stopJob() {
  if (!runningJob) return;
  $('stopButton').disabled = true;
  try {
    await Foodnet.api('/api/jobs/' + runningJob.jobId + '/stop', { method: 'POST' });
    $('ok').textContent = t('job.stopped');
  } catch (e) { show(e); $('stopButton').disabled = false; }
}

async function resumeJob() {
  if (!runningJob) return;
  $('resumeButton').disabled = true;
  try {
    const a = await Foodnet.api('/api/jobs/' + runningJob.jobId + '/resume', { method: 'POST' });
    $('ok').textContent = t('job.resumed', a.planId);
    follow(a.planId, a.jobId);
  } catch (e) { show(e); $('resumeButton').disabled = false; }
}

function progress(job) {
  $('progress').value = job.progress || 0;
  $('bestScore').textContent = job.bestScore ? Foodnet.score(job.bestScore) : '–';
  $('bestScore').title = job.bestScore || '';
  $('jobStatus').textContent = t('co.running', job.planId, t('status.' + job.status), Math.round((job.progress || 0) * 100));
}

async function ended(planId, jobId) {
  const job = await Foodnet.api('/api/jobs/' + jobId);
  progress(job);
  $('progress').value = 1;
  $('jobStatus').textContent = t('co.ended', planId, t('status.' + job.status));
  $('startButton').disabled = false;
  jobButtons(job);
  await plans();
  await explain(planId);
  await FoodnetActions.jobEnded(planId);
}

/** Follows the job with Server-Sent Events (the session cookie goes along); polls if the stream fails. */
function follow(planId, jobId) {
  let over = false;
  runningJob = { planId, jobId };
  following = true;
  jobButtons({ status: 'QUEUED' });
  const finish = () => { if (!over) { over = true; following = false; ended(planId, jobId).catch(show); } };
  const poll = async () => {
    while (!over) {
      const job = await Foodnet.api('/api/jobs/' + jobId);
      progress(job);
      if (job.status !== 'QUEUED' && job.status !== 'RUNNING') { finish(); return; }
      await new Promise(r => setTimeout(r, 1000));
    }
  };
  const events = new EventSource(Foodnet.path('/api/jobs/' + jobId + '/events'));
  events.addEventListener('progress', ev => progress(JSON.parse(ev.data)));
  events.addEventListener('end', () => { events.close(); finish(); });
  events.onerror = () => { events.close(); if (!over) poll().catch(show); };
}

async function start(ev) {
  ev.preventDefault();
  $('error').textContent = ''; $('ok').textContent = '';
  $('startButton').disabled = true;
  try {
    const a = await Foodnet.api('/api/plans', { method: 'POST', body: { month: $('month').value, timeLimitSeconds: Number($('limit').value) } });
    $('progress').value = 0;
    progress({ planId: a.planId, status: a.status, progress: 0 });
    await plans();
    follow(a.planId, a.jobId);
  } catch (e) { show(e); $('startButton').disabled = false; }
}

function show(e) { if (e.status !== 401) $('error').textContent = Foodnet.errorText(e); }

(async () => {
  $('month').value = defaultMonth();
  $('start').addEventListener('submit', start);
  $('stopButton').addEventListener('click', stopJob);
  $('resumeButton').addEventListener('click', resumeJob);
  $('month').addEventListener('change', () => plans().then(() => showPlan(defaultPlan(lastPlans)))
    .then(() => FoodnetActions.loadNeeds()).catch(show));
  FoodnetMap.init();
  FoodnetCalendar.init();
  try {
    const me = await Foodnet.header();
    await plans();        // the server decides who may: another role gets 403 here
    // the forms do not wait for the map and the calendar (their handlers are ready as early as possible)
    await Promise.all([showPlan(defaultPlan(lastPlans)), FoodnetForms.init(() => showPlan(mapPlan).catch(show))]);
    await FoodnetActions.init({ onError: show, follow });
  } catch (e) {
    if (e.status === 403) {
      $('work').hidden = true;
      $('error').innerHTML = E(t('co.forbidden')) + ' ' + E(Foodnet.errorText(e)) + ' <a href="/">' + E(t('mypage')) + '</a>';
    } else show(e);
  }
  document.addEventListener('foodnet:lang', () => { plans().catch(show); if (shownPlan) explain(shownPlan).catch(show); });
})();
