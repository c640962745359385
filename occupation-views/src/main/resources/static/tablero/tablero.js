// The shop-floor board: who holds which spool, since when. Loads /api/dashboard/occupied, then
// follows /api/sse/stream. Every update carries the spool's version; the board keeps the highest
// per spool, so a snapshot and the stream can arrive in any order and still agree.
"use strict";

(function () {
  var TOKEN_KEY = "zeues.tablero.token";
  // The API asks for a bearer credential on /api/**; EventSource cannot send a header. Whether the
  // board passes the token as ?access_token= (or the host lets the board's reads through) is the
  // host's security decision: until then this stays false and the page calls without a credential.
  var TOKEN_IN_QUERY = true;
  var BACKOFF_MIN_MS = 1000;
  var BACKOFF_MAX_MS = 30000;
  var OPERACIONES = { ARM: "ARM", SOLD: "SOLD", METROLOGIA: "METROLOGÍA", REPARACION: "REPARACIÓN" };

  var rows = new Map(); // tag -> {tag_spool, worker_nombre, worker_id, operacion, estado_detalle, fecha_ocupacion, version}
  var versions = new Map(); // tag -> highest version seen, occupied or not
  var fresh = new Map(); // tag -> when it arrived live (highlighted for a moment)
  var workers = new Map(); // id -> {nombre_completo, nombre, apellido}
  var pending = null; // updates received while a snapshot is loading, replayed after it
  var source = null;
  var failures = 0;
  var retryTimer = null;

  var $ = function (id) { return document.getElementById(id); };

  function token() {
    var match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
    if (match) {
      localStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
      history.replaceState(null, "", location.pathname + location.search);
    }
    return localStorage.getItem(TOKEN_KEY) || "";
  }

  function withCredential(path) {
    var t = token();
    if (!TOKEN_IN_QUERY || !t) return path;
    return path + (path.indexOf("?") < 0 ? "?" : "&") + "access_token=" + encodeURIComponent(t);
  }

  function getJson(path) {
    return fetch(withCredential(path), { headers: { Accept: "application/json" }, cache: "no-store" })
      .then(function (response) {
        if (!response.ok) throw new Error(path + " respondió " + response.status);
        return response.json();
      });
  }

  // ---- state ----

  function apply(update) {
    var spool = update.spool;
    var tag = spool.tag_spool;
    if (pending) pending.push(update);
    var known = versions.get(tag);
    if (known !== undefined && spool.version <= known) return false;
    versions.set(tag, spool.version);
    if (spool.ocupado) {
      rows.set(tag, {
        tag_spool: tag,
        worker_nombre: spool.ocupado_por,
        worker_id: spool.worker_id,
        operacion: spool.operacion,
        estado_detalle: spool.estado_detalle,
        fecha_ocupacion: spool.fecha_ocupacion,
        version: spool.version
      });
      if (!pending) fresh.set(tag, Date.now());
    } else {
      rows.delete(tag);
    }
    return true;
  }

  function loadSnapshot() {
    pending = [];
    return getJson("/api/dashboard/occupied").then(function (list) {
      var replay = pending;
      pending = null;
      rows = new Map();
      versions = new Map();
      list.forEach(function (row) {
        rows.set(row.tag_spool, row);
        versions.set(row.tag_spool, row.version);
      });
      replay.forEach(apply);
      document.body.dataset.loaded = "true";
      hideNotice();
      render();
    }).catch(function (error) {
      pending = null;
      showNotice("No se pudo cargar el tablero (" + error.message + "). Reintentando…");
      throw error;
    });
  }

  function loadWorkers() {
    return getJson("/api/workers").then(function (body) {
      body.workers.forEach(function (w) { workers.set(w.id, w); });
      fillWorkerFilter();
      render();
    }).catch(function () { /* names are a nicety: the tokens still show who holds what */ });
  }

  // ---- the live stream ----

  function connect() {
    clearTimeout(retryTimer);
    if (source) source.close();
    setConnection("connecting");
    source = new EventSource(withCredential("/api/sse/stream"));
    var reload = failures > 0 || document.body.dataset.loaded !== "true";
    source.onopen = function () {
      failures = 0;
      setConnection("open");
      if (reload) {
        reload = false;
        loadSnapshot().catch(function () {});
      }
    };
    source.addEventListener("spool_update", function (message) {
      if (apply(JSON.parse(message.data)) && !pending) render();
    });
    // The server no longer holds our last event id: start again from a snapshot.
    source.addEventListener("reset", function () { loadSnapshot().catch(function () {}); });
    source.onerror = function () {
      setConnection("closed");
      // CONNECTING: the browser is already resuming with Last-Event-ID. CLOSED: it gave up (an
      // error status such as 503 or 401): a new stream after a growing pause, then a snapshot.
      if (source.readyState === EventSource.CLOSED) {
        failures++;
        var delay = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * Math.pow(2, failures - 1));
        delay = delay / 2 + Math.random() * delay / 2;
        retryTimer = setTimeout(connect, delay);
      }
    };
  }

  function setConnection(state) {
    $("conexion").dataset.state = state;
    $("conexion-texto").textContent =
      state === "open" ? "En vivo" : state === "closed" ? "Sin conexión · reconectando" : "Conectando…";
  }

  // ---- view ----

  function filters() {
    return { operacion: $("filtro-operacion").value, trabajador: $("filtro-trabajador").value };
  }

  function render() {
    var f = filters();
    var list = Array.from(rows.values())
      .filter(function (r) {
        return (!f.operacion || r.operacion === f.operacion) &&
          (!f.trabajador || String(r.worker_id) === f.trabajador);
      })
      .sort(function (a, b) {
        return a.fecha_ocupacion < b.fecha_ocupacion ? 1 : a.fecha_ocupacion > b.fecha_ocupacion ? -1 : 0;
      });
    var body = document.createElement("tbody");
    body.id = "filas";
    var now = Date.now();
    list.forEach(function (r) { body.appendChild(rowElement(r, now)); });
    $("filas").replaceWith(body);
    $("vacio").hidden = list.length > 0 || document.body.dataset.loaded !== "true";
    $("total").textContent = list.length === rows.size
      ? rows.size + (rows.size === 1 ? " ocupado" : " ocupados")
      : list.length + " de " + rows.size + " ocupados";
    fillWorkerFilter();
  }

  function rowElement(r, now) {
    var tr = document.createElement("tr");
    tr.dataset.tag = r.tag_spool;
    var arrived = fresh.get(r.tag_spool);
    if (arrived && now - arrived < 3000) tr.className = "nueva";
    tr.appendChild(cell("spool", r.tag_spool));
    var op = cell("operacion", "");
    var badge = document.createElement("span");
    badge.className = "op op-" + r.operacion;
    badge.textContent = OPERACIONES[r.operacion] || r.operacion;
    op.appendChild(badge);
    tr.appendChild(op);
    var worker = workers.get(r.worker_id);
    var who = cell("trabajador", worker ? worker.nombre + " " + worker.apellido : r.worker_nombre);
    if (worker) who.title = r.worker_nombre;
    tr.appendChild(who);
    var since = new Date(r.fecha_ocupacion);
    var desde = cell("desde", clockTime(since, now));
    var ago = document.createElement("small");
    ago.textContent = "hace " + elapsed(now - since.getTime());
    desde.appendChild(ago);
    tr.appendChild(desde);
    tr.appendChild(cell("estado", r.estado_detalle));
    return tr;
  }

  function cell(className, text) {
    var td = document.createElement("td");
    td.className = className;
    td.textContent = text;
    return td;
  }

  function clockTime(date, now) {
    var time = date.toLocaleTimeString("es-CL", { hour: "2-digit", minute: "2-digit", hour12: false });
    if (new Date(now).toDateString() === date.toDateString()) return time;
    return date.toLocaleDateString("es-CL", { day: "2-digit", month: "2-digit" }) + " " + time;
  }

  function elapsed(ms) {
    var minutes = Math.max(0, Math.floor(ms / 60000));
    if (minutes < 1) return "menos de 1 min";
    if (minutes < 60) return minutes + " min";
    var hours = Math.floor(minutes / 60);
    if (hours < 24) return hours + " h" + (minutes % 60 ? " " + (minutes % 60) + " min" : "");
    return Math.floor(hours / 24) + " d" + (hours % 24 ? " " + (hours % 24) + " h" : "");
  }

  function fillWorkerFilter() {
    var select = $("filtro-trabajador");
    var ids = new Map();
    workers.forEach(function (w, id) { ids.set(id, w.nombre_completo + " · " + w.nombre + " " + w.apellido); });
    rows.forEach(function (r) { if (!ids.has(r.worker_id)) ids.set(r.worker_id, r.worker_nombre); });
    var wanted = Array.from(ids.keys()).sort(function (a, b) { return a - b; });
    var current = Array.from(select.options).slice(1).map(function (o) { return Number(o.value); });
    if (wanted.join() === current.join()) return;
    var chosen = select.value;
    while (select.options.length > 1) select.remove(1);
    wanted.forEach(function (id) { select.add(new Option(ids.get(id), String(id))); });
    select.value = chosen;
  }

  function showNotice(text) { $("aviso").textContent = text; $("aviso").hidden = false; }
  function hideNotice() { $("aviso").hidden = true; }

  function tick() {
    $("reloj").textContent =
      new Date().toLocaleTimeString("es-CL", { hour: "2-digit", minute: "2-digit", hour12: false });
  }

  // Filters live in the address, so a TV can be pointed at /tablero/?operacion=SOLD for good.
  function restoreFilters() {
    var params = new URLSearchParams(location.search);
    $("filtro-operacion").value = params.get("operacion") || "";
    if (params.get("trabajador")) {
      var id = params.get("trabajador");
      $("filtro-trabajador").add(new Option(id, id));
      $("filtro-trabajador").value = id;
    }
  }

  function saveFilters() {
    var params = new URLSearchParams();
    var f = filters();
    if (f.operacion) params.set("operacion", f.operacion);
    if (f.trabajador) params.set("trabajador", f.trabajador);
    var query = params.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
    render();
  }

  function start() {
    token();
    restoreFilters();
    $("filtro-operacion").addEventListener("change", saveFilters);
    $("filtro-trabajador").addEventListener("change", saveFilters);
    $("guardar-token").addEventListener("click", function () {
      localStorage.setItem(TOKEN_KEY, $("token").value.trim());
      $("token").value = "";
      $("credencial").open = false;
      connect();
    });
    tick();
    setInterval(tick, 15000);
    setInterval(render, 30000); // the "hace …" column
    loadWorkers();
    connect();
  }

  start();
})();
