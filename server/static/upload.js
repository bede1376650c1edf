'use strict';
// upload.js: the upload block (server/pages_upload.h) of the upload page and
// the self-check page. Archives are chosen (input#archives) or dropped on
// div#drop-zone, sent together with XMLHttpRequest to
// POST /api/rounds/{id}/archives (field "archive", X-CSRF-Token) while
// progress#upload-progress shows the bytes sent; then GET /api/jobs/{id} is
// polled and the bar shows the archives audited, each result landing as
// ul#upload-results li[data-archive] (the client's file name; data-index its
// place): case number linked to /cases/{id}, score and grade, the members
// not read, or the Chinese reason of a refused archive. #upload-state says
// 完成 when the job is done. On the self-check page (data-self-check) the
// month's round is asked for first (POST /api/self-check/round), the case
// list is refreshed when the job is done, and form.submit-case posts
// {"round"} to POST /api/self-check/cases/{id}/submit.
(function () {
  var chosen = [];
  function byId(id) { return document.getElementById(id); }
  function say(text) { var m = byId('message'); if (m) m.textContent = text; }
  function setState(text) { var s = byId('upload-state'); if (s) s.textContent = text; }
  function setProgress(value, max) {
    var bar = byId('upload-progress');
    if (!bar) return;
    bar.max = max > 0 ? max : 1;
    bar.value = value;
  }
  function showChosen() {
    var list = byId('upload-chosen');
    if (!list) return;
    list.textContent = '';
    chosen.forEach(function (f) {
      var li = document.createElement('li');
      li.textContent = f.name + '（' + Math.ceil(f.size / 1024) + ' KB）';
      list.appendChild(li);
    });
  }
  function add(files) {
    for (var i = 0; i < files.length; i++) chosen.push(files[i]);
    showChosen();
  }
  function text(parent, value) { parent.appendChild(document.createTextNode(value)); }
  function caseLink(id, label) {
    var a = document.createElement('a');
    a.href = '/cases/' + id;
    a.textContent = label;
    return a;
  }
  // One archive's result, added or updated in place (its case id may come later).
  function showResult(c) {
    var list = byId('upload-results');
    var li = list.querySelector('li[data-index="' + c.index + '"]');
    if (!li) {
      li = document.createElement('li');
      li.setAttribute('data-index', String(c.index));
      list.appendChild(li);
    }
    li.setAttribute('data-archive', c.name);
    li.className = c.status === 'audited' ? 'audited' : 'rejected';
    li.textContent = '';
    var name = document.createElement('span');
    name.className = 'name';
    name.textContent = c.name;
    li.appendChild(name);
    text(li, '：');
    if (c.status === 'audited') {
      var number = c.case_number || '（无案号）';
      if (c.case) li.appendChild(caseLink(c.case, number)); else text(li, number);
      if (c.score !== null) text(li, '　得分 ' + c.score + (c.grade ? '　' + c.grade : ''));
    } else {
      text(li, '未通过：' + (c.error || '无法读取'));
      if (c.case) { text(li, '　'); li.appendChild(caseLink(c.case, '查看')); }
    }
    if (c.issues && c.issues.length) {
      var ul = document.createElement('ul');
      ul.className = 'issues';
      c.issues.forEach(function (issue) {
        var item = document.createElement('li');
        item.textContent = issue;
        ul.appendChild(item);
      });
      li.appendChild(ul);
    }
  }
  // Polls job `id` until it is no longer running; `show(job)` on each answer.
  function poll(id, show) {
    return new Promise(function (resolve, reject) {
      function once() {
        fetch('/api/jobs/' + id, {credentials: 'same-origin'}).then(function (r) {
          return r.text().then(function (t) {
            if (!r.ok) throw new Error(Auditor.errorText(r.status, t));
            return JSON.parse(t);
          });
        }).then(function (job) {
          show(job);
          if (job.state === 'running') setTimeout(once, 500); else resolve(job);
        }).catch(reject);
      }
      once();
    });
  }
  function refreshCases() {
    var section = byId('self-check-cases');
    if (!section) return Promise.resolve();
    return fetch(window.location.href, {credentials: 'same-origin'}).then(function (r) {
      return r.text();
    }).then(function (html) {
      var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('self-check-cases');
      if (fresh) section.replaceWith(document.importNode(fresh, true));
    });
  }
  function send(round, token) {
    return new Promise(function (resolve, reject) {
      var form = new FormData();
      chosen.forEach(function (f) { form.append('archive', f, f.name); });
      var xhr = new XMLHttpRequest();
      xhr.open('POST', '/api/rounds/' + encodeURIComponent(round) + '/archives');
      xhr.setRequestHeader('X-CSRF-Token', token);
      xhr.upload.addEventListener('progress', function (e) {
        if (!e.lengthComputable) return;
        setProgress(e.loaded, e.total);
        setState('正在上传 ' + Math.floor(100 * e.loaded / e.total) + '%');
      });
      xhr.addEventListener('load', function () {
        if (xhr.status === 202) resolve(JSON.parse(xhr.responseText).job);
        else reject(new Error(Auditor.errorText(xhr.status, xhr.responseText)));
      });
      xhr.addEventListener('error', function () {
        reject(new Error('上传中断：连接被关闭（请求内容可能超过大小上限）'));
      });
      xhr.send(form);
    });
  }
  function start() {
    var box = byId('upload');
    var button = byId('upload-start');
    say('');
    setState('');
    if (!chosen.length) { say('请先选择或拖入案卷压缩包'); return; }
    var maxFiles = Number(box.getAttribute('data-max-files'));
    var maxBytes = Number(box.getAttribute('data-max-bytes'));
    var bytes = chosen.reduce(function (n, f) { return n + f.size; }, 0);
    if (maxFiles && chosen.length > maxFiles) {
      say('一次最多上传 ' + maxFiles + ' 个压缩包');
      return;
    }
    if (maxBytes && bytes > maxBytes) {
      say('请求内容超过大小上限（' + Math.floor(maxBytes / 1048576) + ' MB），请分批上传');
      return;
    }
    button.disabled = true;
    byId('upload-results').textContent = '';
    setProgress(0, 1);
    var token;
    Auditor.csrf().then(function (t) {
      token = t;
      var round = box.getAttribute('data-round');
      if (round || !box.getAttribute('data-self-check')) return round;
      return Auditor.send('POST', '/api/self-check/round').then(function (r) {
        box.setAttribute('data-round', String(r.id));
        return String(r.id);
      });
    }).then(function (round) {
      setState('正在上传');
      return send(round, token);
    }).then(function (job) {
      setState('正在审查');
      return poll(job, function (j) {
        setProgress(j.done, j.total);
        if (j.state === 'running') setState('正在审查 ' + j.done + ' / ' + j.total);
        j.cases.forEach(showResult);
      });
    }).then(function (job) {
      if (job.state === 'done') setState('完成');
      else { setState('失败'); say(job.error || '审查失败'); }
      chosen = [];
      showChosen();
      return refreshCases();
    }).catch(function (e) {
      setState('上传失败');
      say(e.message || '无法连接服务器');
    }).then(function () { button.disabled = false; });
  }
  function submitCase(event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains('submit-case')) return;
    event.preventDefault();
    var out = form.querySelector('.submit-state');
    var show = function (t) { if (out) out.textContent = t; };
    var round = Number(form.querySelector('select[name=round]').value);
    show('正在提交');
    Auditor.send('POST', '/api/self-check/cases/' + form.getAttribute('data-case') + '/submit',
                 {round: round}).then(function (r) {
      return poll(r.job, function (j) { show('正在提交 ' + j.done + ' / ' + j.total); });
    }).then(function (job) {
      if (job.state !== 'done') throw new Error(job.error || '提交失败');
      show('已提交');
      return refreshCases();
    }).catch(function (e) { show(e.message || '提交失败'); });
  }
  document.addEventListener('DOMContentLoaded', function () {
    var input = byId('archives');
    var zone = byId('drop-zone');
    var button = byId('upload-start');
    if (input) input.addEventListener('change', function () { add(input.files); input.value = ''; });
    if (zone) {
      zone.addEventListener('dragover', function (e) { e.preventDefault(); zone.classList.add('over'); });
      zone.addEventListener('dragleave', function () { zone.classList.remove('over'); });
      zone.addEventListener('drop', function (e) {
        e.preventDefault();
        zone.classList.remove('over');
        if (e.dataTransfer) add(e.dataTransfer.files);
      });
    }
    if (button) button.addEventListener('click', start);
    document.addEventListener('submit', submitCase);
  });
})();
