#include "server/static_assets.h"

namespace auditor::server {

const char* const kAppCss =
    R"CSS(body{margin:0;font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#1f2328;background:#f6f8fa}
.bar{display:flex;gap:1em;align-items:center;padding:.6em 1.2em;background:#1d4e89;color:#fff}
.bar a{color:#fff;text-decoration:none}.brand{font-weight:bold;flex:1}
main{max-width:72em;margin:1.5em auto;padding:0 1.2em}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border:1px solid #d0d7de;padding:.4em .6em;text-align:left;vertical-align:top}
th{background:#eef2f6}
form.sign-in{max-width:22em;background:#fff;padding:1.5em;border:1px solid #d0d7de}
form.sign-in label{display:block;margin:.6em 0}form.sign-in input{width:100%;box-sizing:border-box}
form.filters{margin:1em 0;display:flex;gap:1em;align-items:end;flex-wrap:wrap}
.message{color:#b42318;min-height:1.2em}
.provisional{color:#9a6700;font-weight:bold}
.finding{background:#fff;border:1px solid #d0d7de;margin:1em 0;padding:.8em 1em}
.finding h3{margin:0 0 .4em 0;font-size:1em}
.sev-veto{color:#b42318}.sev-major{color:#c4320a}.sev-minor{color:#9a6700}.sev-info{color:#57606a}
.actions{display:flex;gap:.5em;flex-wrap:wrap;align-items:center;margin-top:.6em}
.actions input{min-width:16em}
.pager{margin:1em 0;display:flex;gap:1em}
dl.identity{display:grid;grid-template-columns:8em 1fr;gap:.3em 1em;background:#fff;padding:1em}
dl.identity dt{color:#57606a}dl.identity dd{margin:0}
)CSS";

const char* const kAppJs = R"JS('use strict';
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
)JS";

}  // namespace auditor::server
