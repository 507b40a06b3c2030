// Saves an answer as soon as it is chosen, without leaving the page; the
// pages work without this script (each question has its Save button).
(function () {
  var forms = document.querySelectorAll("form.q");
  Array.prototype.forEach.call(forms, function (f) {
    var st = f.querySelector(".st"), busy = false, again = false;
    if (!st) { return; }
    function show(text, cls) { st.textContent = text; st.className = "st " + cls; }
    function send() {
      if (busy) { again = true; return; }
      busy = true;
      show(f.getAttribute("data-saving"), "");
      var x = new XMLHttpRequest();
      x.open("POST", f.getAttribute("action"));
      x.setRequestHeader("Content-Type", "application/x-www-form-urlencoded");
      x.setRequestHeader("X-Requested-With", "fetch");
      x.timeout = 15000;
      function done(ok, text) {
        busy = false;
        if (again) { again = false; send(); return; }
        show(ok ? f.getAttribute("data-saved") : (text || f.getAttribute("data-failed")), ok ? "ok" : "bad");
      }
      x.onload = function () { done(x.status === 200, x.status === 200 ? "" : x.responseText); };
      x.onerror = x.ontimeout = function () { done(false, ""); };
      x.send(new URLSearchParams(new FormData(f)).toString());
    }
    f.addEventListener("change", send);
    f.addEventListener("submit", function (e) { e.preventDefault(); send(); });
  });
})();
