'use strict';
// The case page (GET /cases/{id}, main[data-case]): sends each action to the
// JSON API with the X-CSRF-Token of GET /api/session, reloads the page when
// it is recorded and shows the Chinese reason in #message when it is not.
//   button[data-action]         POST /api/cases/{id}/decisions (reason from the
//                               finding's [data-reason]; "change" adds
//                               [data-severity], [data-deduction], [data-message])
//   button[data-op=object]      POST /api/cases/{id}/objections
//   button[data-op=accept|reject]  POST /api/cases/{id}/objections/{oid}/ruling
//   button[data-op=rectify]     POST /api/cases/{id}/rectification
//   button[data-op=update]      POST /api/cases/{id}/rectification/{item}/updates
//   button#sign, #sign-review   POST /api/cases/{id}/signoffs (role from data-role)
//   form#add-finding            POST /api/cases/{id}/findings
//   form#typical                POST /api/cases/{id}/typical (finding, note)
//   button[data-op=untypical]   POST /api/cases/{id}/typical (finding from
//                               data-typical-finding, remove: true)
// ul#typical-marks is filled from GET /api/cases/{id}/typical: each mark in
// force with its note, inspector and time (text only, never HTML).
(function () {
  // POSTs `body` to `path` with `control` disabled meanwhile; reloads the
  // page when it is recorded, else shows the reason.
  function post(path, body, control) {
    if (control) control.disabled = true;
    Auditor.show('');
    return Auditor.send('POST', path, body).then(Auditor.reload, Auditor.fail).then(function () {
      if (control) control.disabled = false;
    });
  }
  function value(root, selector) {
    var el = root && root.querySelector(selector);
    return el ? el.value.trim() : '';
  }
  function number(text) { return text === '' ? undefined : Number(text); }

  document.addEventListener('DOMContentLoaded', function () {
    var main = document.querySelector('main[data-case]');
    if (!main) return;
    var base = '/api/cases/' + main.getAttribute('data-case');

    function act(button) {
      var row = button.closest('[data-finding]');
      var key = row ? row.getAttribute('data-finding') : '';
      var action = button.getAttribute('data-action');
      var op = button.getAttribute('data-op');
      if (button.id === 'sign' || button.id === 'sign-review')
        return post(base + '/signoffs', {role: button.getAttribute('data-role')}, button);
      if (action) {
        var body = {finding: key, action: action, reason: value(row, '[data-reason]')};
        if (action === 'change') {
          if (value(row, '[data-severity]')) body.severity = value(row, '[data-severity]');
          body.deduction = number(value(row, '[data-deduction]'));
          if (value(row, '[data-message]')) body.message = value(row, '[data-message]');
        }
        return post(base + '/decisions', body, button);
      }
      if (op === 'object')
        return post(base + '/objections', {finding: key, reason: value(row, '[data-reason]')},
                    button);
      if (op === 'accept' || op === 'reject') {
        var objection = button.closest('[data-objection]');
        return post(base + '/objections/' + objection.getAttribute('data-objection') + '/ruling',
                    {accept: op === 'accept', reason: value(objection, '[data-ruling-reason]')},
                    button);
      }
      if (op === 'rectify') {
        var due = value(row, '[data-due]');
        var item = {finding: key, kind: value(row, '[data-kind]'), owner: value(row, '[data-owner]')};
        if (due) item.due = due;
        return post(base + '/rectification', item, button);
      }
      if (op === 'untypical')
        return post(base + '/typical',
                    {finding: button.getAttribute('data-typical-finding'), remove: true}, button);
      if (op === 'update') {
        var box = button.closest('[data-item]');
        return post(base + '/rectification/' + box.getAttribute('data-item') + '/updates',
                    {status: value(box, '[data-status]'), note: value(box, '[data-note]')}, button);
      }
    }

    document.addEventListener('click', function (event) {
      var target = event.target;
      var button = target && target.closest &&
          target.closest('button[data-action], button[data-op], button#sign, button#sign-review');
      if (!button || !main.contains(button)) return;
      event.preventDefault();
      act(button);
    });

    var form = document.getElementById('add-finding');
    if (form) form.addEventListener('submit', function (event) {
      event.preventDefault();
      var f = form.elements;
      var body = {rule: f.rule.value.trim(), text: f.text.value.trim(), basis: f.basis.value.trim()};
      if (f.stage.value) body.stage = Number(f.stage.value);
      if (f.page.value) body.page = Number(f.page.value);
      if (f.document.value.trim()) body.document = f.document.value.trim();
      if (f.severity.value) body.severity = f.severity.value;
      if (f.deduction.value !== '') body.deduction = Number(f.deduction.value);
      post(base + '/findings', body, form.querySelector('button[type=submit]'));
    });

    var typical = document.getElementById('typical');
    if (typical) typical.addEventListener('submit', function (event) {
      event.preventDefault();
      var f = typical.elements;
      var body = {note: f.note.value.trim()};
      if (f.finding.value) body.finding = f.finding.value;
      post(base + '/typical', body, typical.querySelector('button[type=submit]'));
    });
    showTypical(base);
  });

  // "YYYY-MM-DD HH:MM" of an ISO 8601 time, in the browser's time zone.
  function minutes(iso) {
    var d = new Date(iso);
    if (isNaN(d.getTime())) return iso;
    function two(n) { return (n < 10 ? '0' : '') + n; }
    return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate()) + ' ' +
        two(d.getHours()) + ':' + two(d.getMinutes());
  }

  // Fills ul#typical-marks with the case's typical marks in force.
  function showTypical(base) {
    var list = document.getElementById('typical-marks');
    if (!list) return;
    var writer = list.getAttribute('data-writer') === '1';
    fetch(base + '/typical', {credentials: 'same-origin'}).then(function (r) {
      return r.text().then(function (text) {
        if (!r.ok) throw new Error(Auditor.errorText(r.status, text));
        return JSON.parse(text);
      });
    }).then(function (body) {
      list.textContent = '';
      if (!body.marks.length) {
        var none = document.createElement('li');
        none.className = 'none';
        none.textContent = '尚未标记为典型案例。';
        list.appendChild(none);
      }
      body.marks.forEach(function (m) {
        var li = document.createElement('li');
        li.setAttribute('data-typical', m.finding || '');
        li.textContent = (m.finding ? '问题 ' + m.finding : '整个案卷') + '：' + (m.note || '') +
            '（' + m.inspector + '，' + minutes(m.marked_at) + '）';
        if (writer) {
          var b = document.createElement('button');
          b.type = 'button';
          b.setAttribute('data-op', 'untypical');
          b.setAttribute('data-typical-finding', m.finding || '');
          b.textContent = '取消典型标记';
          li.appendChild(document.createTextNode(' '));
          li.appendChild(b);
        }
        list.appendChild(li);
      });
    }).catch(Auditor.fail);
  }
})();
