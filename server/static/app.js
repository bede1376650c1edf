'use strict';
(function () {
  function show(text) {
    var box = document.getElementById('message');
    if (box) box.textContent = text;
  }
  function errorOf(response) {
    return response.json().then(function (body) {
      return (body && body.error) || ('请求失败（' + response.status + '）');
    }, function () { return '请求失败（' + response.status + '）'; });
  }
  function csrf() {
    return fetch('/api/session', {credentials: 'same-origin'}).then(function (r) {
      if (!r.ok) throw new Error('请先登录');
      return r.json();
    }).then(function (body) { return body.csrf; });
  }
  function signIn(event) {
    event.preventDefault();
    var form = event.target;
    fetch('/api/session', {
      method: 'POST', credentials: 'same-origin',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({username: form.username.value, password: form.password.value})
    }).then(function (r) {
      if (r.ok) { window.location.assign('/rounds'); return; }
      return errorOf(r).then(show);
    }).catch(function () { show('无法连接服务器'); });
  }
  function signOut() {
    csrf().then(function (token) {
      return fetch('/api/session', {method: 'DELETE', credentials: 'same-origin',
                                    headers: {'X-CSRF-Token': token}});
    }).then(function () { window.location.assign('/'); },
            function () { window.location.assign('/'); });
  }
  function decide(event) {
    var button = event.target;
    var main = document.querySelector('[data-case]');
    var row = button.closest('[data-finding]');
    if (!main || !row) return;
    var reasonBox = row.querySelector('[data-reason]');
    var body = {finding: row.getAttribute('data-finding'),
                action: button.getAttribute('data-action'),
                reason: reasonBox ? reasonBox.value : ''};
    csrf().then(function (token) {
      return fetch('/api/cases/' + main.getAttribute('data-case') + '/decisions', {
        method: 'POST', credentials: 'same-origin',
        headers: {'Content-Type': 'application/json', 'X-CSRF-Token': token},
        body: JSON.stringify(body)
      });
    }).then(function (r) {
      if (r.ok) { window.location.reload(); return; }
      return errorOf(r).then(show);
    }).catch(function (e) { show(e.message || '无法连接服务器'); });
  }
  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('sign-in');
    if (form) form.addEventListener('submit', signIn);
    var out = document.getElementById('sign-out');
    if (out) out.addEventListener('click', signOut);
    document.querySelectorAll('button[data-action]').forEach(function (b) {
      b.addEventListener('click', decide);
    });
  });
})();
