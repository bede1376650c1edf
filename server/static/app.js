'use strict';
// On every page (loaded before the page's own script): window.Auditor, what
// the pages' scripts share, and the sign-in form and sign-out button.
//   Auditor.show(text)             text into #message ('' clears it)
//   Auditor.csrf()                 the session's CSRF token (GET /api/session)
//   Auditor.errorText(status, body) the Chinese reason of an error answer
//   Auditor.send(method, path, body)  JSON with X-CSRF-Token; resolves with
//                                  the parsed answer, rejects with an Error
//                                  carrying the Chinese reason
//   Auditor.fail(error)            shows the error's reason in #message
//   Auditor.reload()               reloads the page
(function () {
  function show(text) {
    var box = document.getElementById('message');
    if (box) box.textContent = text;
  }
  function errorText(status, text) {
    try {
      var body = JSON.parse(text);
      if (body && body.error) return body.error;
    } catch (e) { /* not JSON */ }
    return '请求失败（' + status + '）';
  }
  function csrf() {
    return fetch('/api/session', {credentials: 'same-origin'}).then(function (r) {
      if (!r.ok) throw new Error('请先登录');
      return r.json();
    }).then(function (body) { return body.csrf; });
  }
  function send(method, path, body) {
    return csrf().then(function (token) {
      return fetch(path, {
        method: method, credentials: 'same-origin',
        headers: {'Content-Type': 'application/json', 'X-CSRF-Token': token},
        body: JSON.stringify(body || {})
      });
    }).then(function (r) {
      return r.text().then(function (text) {
        if (!r.ok) throw new Error(errorText(r.status, text));
        return text ? JSON.parse(text) : {};
      });
    });
  }
  function fail(e) { show((e && e.message) || '无法连接服务器'); }
  window.Auditor = {show: show, csrf: csrf, errorText: errorText, send: send, fail: fail,
                    reload: function () { window.location.reload(); }};

  function signIn(event) {
    event.preventDefault();
    var form = event.target;
    fetch('/api/session', {
      method: 'POST', credentials: 'same-origin',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({username: form.username.value, password: form.password.value})
    }).then(function (r) {
      if (r.ok) { window.location.assign('/rounds'); return; }
      return r.text().then(function (text) { show(errorText(r.status, text)); });
    }).catch(function () { show('无法连接服务器'); });
  }
  function signOut() {
    send('DELETE', '/api/session').then(function () { window.location.assign('/'); },
                                        function () { window.location.assign('/'); });
  }
  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('sign-in');
    if (form) form.addEventListener('submit', signIn);
    var out = document.getElementById('sign-out');
    if (out) out.addEventListener('click', signOut);
  });
})();
