// The start page: sends each user group to its own page.
'use strict';
Foodnet.api('/api/me').then(me => { location.replace(Foodnet.pageOf(me.role)); })
  .catch(e => { if (e.status !== 401) document.getElementById('status').textContent = Foodnet.errorText(e); });
