// The sign-in page. The form is sent with fetch, carrying the CSRF token (cookie XSRF-TOKEN, sent back as a header):
// the server then redirects to "/" (signed in) or to /login.html?error; 429 means too many failed attempts.
'use strict';
Foodnet.add({ 'login.title': 'Foodnet ログイン', 'login.user': 'ユーザー名', 'login.password': 'パスワード', 'login.submit': 'ログイン',
              'login.error': 'ユーザー名またはパスワードが違います。', 'login.out': 'ログアウトしました。',
              'login.throttled': 'ログインの失敗が続いたため、しばらくログインできません。{0} 秒後にもう一度お試しください。',
              'login.refused': 'ログインできませんでした（{0}）。ページを読み込み直してください。' },
            { 'login.title': 'Foodnet sign in', 'login.user': 'User name', 'login.password': 'Password', 'login.submit': 'Sign in',
              'login.error': 'Wrong user name or password.', 'login.out': 'You have signed out.',
              'login.throttled': 'Too many failed sign-ins. Please try again in {0} seconds.',
              'login.refused': 'Could not sign in ({0}). Please reload the page.' });
const form = document.querySelector('form[action="/login"]');
function messages() {
  const q = new URLSearchParams(location.search);
  document.getElementById('error').textContent = q.has('error') ? Foodnet.t('login.error') : '';
  document.getElementById('loggedout').textContent = q.has('logout') ? Foodnet.t('login.out') : '';
}
async function signIn(ev) {
  ev.preventDefault();
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  document.getElementById('loggedout').textContent = '';
  try {
    const res = await fetch('/login', { method: 'POST', credentials: 'same-origin', headers: Foodnet.writeHeaders(),
                                        body: new URLSearchParams(new FormData(form)) });
    if (res.status === 429) {
      document.getElementById('error').textContent = Foodnet.t('login.throttled', res.headers.get('Retry-After') || '60');
    } else if (res.ok) {
      location.assign(res.url);     // "/" when signed in (it sends each user to their page), else /login.html?error
    } else {
      document.getElementById('error').textContent = Foodnet.t('login.refused', res.status);
    }
  } catch (e) {
    document.getElementById('error').textContent = Foodnet.t('error.network');
  } finally {
    button.disabled = false;
  }
}
form.addEventListener('submit', signIn);
document.getElementById('lang').addEventListener('click', () => { localStorage.setItem('foodnet.lang', Foodnet.lang === 'ja' ? 'en' : 'ja'); location.reload(); });
Foodnet.apply(); messages();
