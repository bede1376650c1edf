'use strict';
// The users page (/admin/users): add a user, disable or enable one, set a
// password, each as JSON to /api/users with the session's CSRF token; the
// page reloads on success and shows the server's Chinese message otherwise.
// A password typed here is sent once and cleared from the form.
(function () {
  function send(method, url, body) {
    Auditor.show('');
    Auditor.send(method, url, body).then(Auditor.reload, Auditor.fail);
  }
  function userOf(element) {
    var row = element.closest('[data-user]');
    return row ? row.getAttribute('data-user') : '';
  }
  document.addEventListener('DOMContentLoaded', function () {
    var add = document.getElementById('new-user');
    if (add) add.addEventListener('submit', function (event) {
      event.preventDefault();
      var f = add.elements;
      var body = {name: f.name.value, role: f.role.value, street: f.street.value,
                  password: f.password.value};
      f.password.value = '';
      send('POST', '/api/users', body);
    });
    document.querySelectorAll('button[data-user-action]').forEach(function (button) {
      button.addEventListener('click', function () {
        send('PATCH', '/api/users/' + userOf(button),
             {disabled: button.getAttribute('data-user-action') === 'disable'});
      });
    });
    document.querySelectorAll('form.password-form').forEach(function (form) {
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        var password = form.elements.password.value;
        form.elements.password.value = '';
        send('PATCH', '/api/users/' + userOf(form), {password: password});
      });
    });
  });
})();
