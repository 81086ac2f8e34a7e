// A driver's private calendar feed: make (or renew) the address a calendar app subscribes to.
'use strict';
Foodnet.add({
  'cf.title': 'カレンダーアプリに登録', 'cf.back': '配送表に戻る',
  'cf.explain': 'あなたの便をスマートフォンやパソコンのカレンダーアプリで見られるように、専用の URL を作ります。URL を知っている人は誰でもあなたの予定を見られます。他の人に教えないでください。',
  'cf.renewNote': '新しい URL を作ると、前の URL は使えなくなります。', 'cf.make': 'カレンダー用 URL を作る',
  'cf.url': 'カレンダー用 URL（カレンダーアプリの「URL で照会」に貼り付けます）', 'cf.open': 'この URL を開く',
  'cf.made': '新しい URL を作りました。前の URL はもう使えません。'
}, {
  'cf.title': 'Add to a calendar app', 'cf.back': 'Back to the route sheet',
  'cf.explain': 'Makes a private address so that your calendar app (phone or computer) shows your trips. Anyone who knows it can see your trips: keep it to yourself.',
  'cf.renewNote': 'Making a new address ends the previous one.', 'cf.make': 'Make a calendar address',
  'cf.url': 'Calendar address (paste it into your calendar app as a subscription)', 'cf.open': 'Open this address',
  'cf.made': 'A new address was made; the previous one no longer works.'
});
(async () => {
  const $ = (id) => document.getElementById(id);
  const show = (e) => { if (e.status !== 401) $('error').textContent = Foodnet.errorText(e); };
  try { await Foodnet.header(); } catch (e) { show(e); return; }
  $('make').addEventListener('click', async () => {
    $('error').textContent = '';
    try {
      const before = $('feedUrl').value;
      const made = await Foodnet.api('/api/drivers/me/calendar-token', { method: 'POST' });
      $('renewed').textContent = before ? Foodnet.t('cf.made') : '';   // a renewal: the previous address has ended
      $('feedUrl').value = made.url;
      $('feedLink').href = made.url;
      $('result').hidden = false;
      $('feedUrl').select();
    } catch (e) { show(e); }
  });
})();
