// Coordinator page: the e-mails to drivers (GET /api/mail): each with its status and last error; a pending or
// failed one can be sent again at once (POST /api/mail/{id}/retry).
'use strict';
(() => {
  const E = Foodnet.esc, t = Foodnet.t;
  Foodnet.add({
    'm.title': 'ドライバーへのメール', 'm.refresh': '更新', 'm.none': 'まだメールはありません（計画を公開すると送られます）。',
    'm.server': 'メールサーバー: 設定済み', 'm.noServer': 'メールサーバーが設定されていないため、メールは送られません（未送信のまま残ります）。',
    'm.driver': 'ドライバー', 'm.to': '宛先', 'm.subject': '件名', 'm.status': '状態', 'm.error': '最後のエラー', 'm.retry': '今すぐ再送',
    'm.PENDING': '送信待ち', 'm.SENT': '送信済み', 'm.FAILED': '送信失敗（あとで再試行）', 'm.NO_ADDRESS': 'アドレスなし'
  }, {
    'm.title': 'E-mails to drivers', 'm.refresh': 'Refresh', 'm.none': 'No mails yet (publishing a plan sends them).',
    'm.server': 'Mail server: configured', 'm.noServer': 'No mail server is configured, so no mail is sent (they stay pending).',
    'm.driver': 'Driver', 'm.to': 'To', 'm.subject': 'Subject', 'm.status': 'Status', 'm.error': 'Last error', 'm.retry': 'Send again now',
    'm.PENDING': 'waiting to be sent', 'm.SENT': 'sent', 'm.FAILED': 'failed (will retry)', 'm.NO_ADDRESS': 'no address'
  });
  const $ = (id) => document.getElementById(id);

  async function load() {
    let outbox;
    try { outbox = await Foodnet.api('/api/mail'); } catch (e) { return; }   // not a coordinator: the section stays empty
    $('mailServer').textContent = t(outbox.mailServer ? 'm.server' : 'm.noServer');
    $('mailRows').innerHTML = outbox.mails.length ? outbox.mails.map(m => `<tr>
        <td>${E(m.driverName || m.driverId)}</td><td>${E(m.recipient || '')}</td><td>${E(m.subject)}</td>
        <td>${E(t('m.' + m.status))}${m.sentAt ? ' ' + E(Foodnet.dateTime(m.sentAt)) : ''}</td><td>${E(m.lastError || '')}</td>
        <td>${m.status === 'PENDING' || m.status === 'FAILED'
          ? `<button type="button" class="secondary mail-retry" data-id="${E(String(m.id))}">${E(t('m.retry'))}</button>` : ''}</td></tr>`).join('')
      : `<tr><td colspan="6" class="muted">${E(t('m.none'))}</td></tr>`;
    $('mailRows').querySelectorAll('button.mail-retry').forEach(b => b.addEventListener('click', async () => {
      b.disabled = true;
      try { await Foodnet.api('/api/mail/' + encodeURIComponent(b.dataset.id) + '/retry', { method: 'POST' }); } catch (e) { /* shown on reload */ }
      await load();
    }));
  }

  $('mailRefresh').addEventListener('click', load);
  document.addEventListener('foodnet:lang', load);
  load();
})();
