// The one-time code travels in the link's fragment (after the #), which a browser never sends
// to a server, so no access log holds it. Copy it into the form, out of sight and out of the
// address bar and history. Without JavaScript the person pastes it into the field.
(function () {
  var field = document.getElementById("token");
  var code = window.location.hash.slice(1);
  if (!field) {
    return;
  }
  if (code) {
    field.value = decodeURIComponent(code);
    history.replaceState(null, "", window.location.pathname + window.location.search);
  }
  if (field.value) {
    document.getElementById("token-field").hidden = true;
  }
})();
