// Back-office: live preview of Markdown fields. Each textarea marked `data-preview` gets the
// sanitized HTML of what is typed, rendered by the server (`POST /admin/apercu`) as the portal
// will show it, in the region named by its `data-preview` attribute. Without JavaScript, the
// forms' "Prévisualiser" button does the same for the whole form.
(function () {
  "use strict";
  var endpoint = document.documentElement.lang === "en" ? "/en/admin/apercu" : "/admin/apercu";

  function attach(textarea) {
    var region = document.getElementById(textarea.getAttribute("data-preview"));
    var form = textarea.form;
    if (!region || !form || !form.elements.csrf) {
      return;
    }
    var timer = null;
    var sent = null;
    function render() {
      var text = textarea.value;
      if (text === sent) {
        return;
      }
      sent = text;
      var body = new URLSearchParams();
      body.set("csrf", form.elements.csrf.value);
      body.set("markdown", text);
      fetch(endpoint, { method: "POST", body: body, credentials: "same-origin" })
        .then(function (response) {
          return response.ok ? response.text() : Promise.reject(response.status);
        })
        .then(function (html) {
          region.innerHTML = html;
          region.hidden = text.trim() === "";
        })
        .catch(function () {
          region.hidden = true;
        });
    }
    textarea.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(render, 400);
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("textarea[data-preview]"), attach);
})();
