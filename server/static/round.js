'use strict';
// The round pages: the new-round form (/rounds) and the plan, draw and
// assignment forms (/rounds/{id}/plan). Each posts JSON with the session's
// CSRF token and shows the server's Chinese message when refused.
(function () {
  function post(url, body) { return Auditor.send('POST', url, body); }
  var fail = Auditor.fail;
  // "甲,乙，丙、丁" or one per line → ["甲", "乙", "丙", "丁"].
  function split(text) {
    return text.split(/[,，、\n]/).map(function (s) { return s.trim(); })
      .filter(function (s) { return s.length > 0; });
  }
  function roundId() {
    var page = document.getElementById('plan-page');
    return page ? page.getAttribute('data-round') : '';
  }
  function on(id, type, handler) {
    var element = document.getElementById(id);
    if (element) element.addEventListener(type, function (event) {
      event.preventDefault();
      Auditor.show('');
      handler(element);
    });
  }
  function newRound(form) {
    post('/api/rounds', {name: form.elements.name.value, mode: form.elements.mode.value})
      .then(function (round) { window.location.assign('/rounds/' + round.id); }, fail);
  }
  function plan(form) {
    var streets = [];
    form.querySelectorAll('input[name=street]:checked').forEach(function (box) {
      streets.push(box.value);
    });
    streets = streets.concat(split(form.elements['more-streets'].value));
    var body = {streets: streets, inspectors: split(form.elements.inspectors.value),
                closed_from: form.elements.closed_from.value,
                closed_to: form.elements.closed_to.value,
                reason: form.elements.reason.value};
    post('/api/rounds/' + roundId() + '/plan', body)
      .then(function () { window.location.reload(); }, fail);
  }
  function draw(form) {
    var body = {seed: form.elements.seed.value,
                per_street: parseInt(form.elements.per_street.value, 10),
                reason: form.elements.reason.value};
    post('/api/rounds/' + roundId() + '/draw', body)
      .then(function () { window.location.reload(); }, fail);
  }
  function assign(form) {
    var body = {'case': parseInt(form.elements['case'].value, 10),
                inspector: form.elements.inspector.value};
    post('/api/rounds/' + roundId() + '/assignments', body)
      .then(function () { window.location.reload(); }, fail);
  }
  function line(list, text) {
    var item = document.createElement('li');
    item.textContent = text;
    list.appendChild(item);
  }
  function assignAuto() {
    post('/api/rounds/' + roundId() + '/assignments', {auto: true}).then(function (answer) {
      var box = document.getElementById('assign-result');
      box.textContent = '';
      var head = document.createElement('p');
      head.textContent = '已分配 ' + answer.made.length + ' 件' +
        (answer.kept ? '（另有 ' + answer.kept + ' 件此前已分配，未改动）' : '') +
        (answer.left.length ? '；未能分配 ' + answer.left.length + ' 件：' : '。');
      box.appendChild(head);
      var list = document.createElement('ul');
      answer.made.forEach(function (a) {
        line(list, a.key + ' → ' + a.inspector.name + '（' + a.inspector.unit + '）');
      });
      answer.left.forEach(function (why) { line(list, why); });
      box.appendChild(list);
      var again = document.createElement('a');
      again.href = window.location.pathname;
      again.textContent = '刷新本页';
      box.appendChild(again);
    }, fail);
  }
  document.addEventListener('DOMContentLoaded', function () {
    on('new-round', 'submit', newRound);
    on('plan-form', 'submit', plan);
    on('draw-form', 'submit', draw);
    on('assign-form', 'submit', assign);
    on('assign-auto', 'click', assignAuto);
  });
})();
