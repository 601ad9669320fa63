/* relgraph: one graph on a page. Called with its root element and its data; defines no global.
   Every text from the data is set with textContent, never parsed as HTML, and only http(s)
   links become links. */
(function (root, data) {
  "use strict";
  var vis = window.vis;
  var canvas = root.querySelector(".rg-canvas");
  var tip = root.querySelector(".rg-tip");
  var panel = root.querySelector(".rg-panel");
  var caption = root.querySelector(".rg-caption");
  var slider = root.querySelector(".rg-slider");
  var dateOut = root.querySelector(".rg-date");
  var play = root.querySelector(".rg-play");
  var SIGNS = { "1": "+ positive", "-1": "\u2212 negative", "0": "0 neutral" };
  var last = data.frames.length - 1;
  var current = -1;
  var pinned = null;
  var shownNodes = new Set();
  var shownEdges = new Set();

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }

  function link(text, url) {
    if (typeof url !== "string" || !/^https?:\/\//i.test(url)) { return el("span", text); }
    var a = el("a", text);
    a.href = url;
    a.rel = "noopener noreferrer";
    a.target = "_blank";
    return a;
  }

  var nodes = new vis.DataSet(data.nodes.map(function (n, i) {
    var colour = { background: n.colour, border: "#333" };
    var item = {
      id: i, label: n.name, shape: n.shape, x: n.x, y: n.y, size: 16,
      color: { background: n.colour, border: "#333", highlight: colour, hover: colour }
    };
    if (n.shape === "box" || n.shape === "ellipse") {
      item.widthConstraint = { maximum: 130 };
      item.font = { size: 11 };
    }
    return item;
  }));
  var edges = new vis.DataSet(data.edges.map(function (e, i) {
    var item = {
      id: i, from: e.source, to: e.target, width: e.width,
      color: { color: e.colour, highlight: e.colour, hover: e.colour, inherit: false },
      dashes: e.dashed ? [6, 4] : false,
      arrows: { to: e.head === "none" ? { enabled: false } : { enabled: true, type: e.head, scaleFactor: 0.7 } }
    };
    if (e.curve) {
      item.smooth = { enabled: true, type: e.curve > 0 ? "curvedCW" : "curvedCCW", roundness: Math.abs(e.curve) };
    }
    if (data.labels) { item.label = e.type; }
    return item;
  }));
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return shownNodes.has(n.id); } });
  var edgeView = new vis.DataView(edges, { filter: function (e) { return shownEdges.has(e.id); } });
  var network = new vis.Network(canvas, { nodes: nodeView, edges: edgeView }, {
    autoResize: true,
    physics: { enabled: false },
    layout: { improvedLayout: false },
    interaction: { hover: true, hideEdgesOnDrag: data.large, hideEdgesOnZoom: data.large, keyboard: false },
    nodes: { borderWidth: 1, font: { size: 12, face: "system-ui, sans-serif", color: "#222", strokeWidth: 3, strokeColor: "#fff" } },
    edges: {
      smooth: false, arrowStrikethrough: false, selectionWidth: 1.5, hoverWidth: 0.8,
      font: { size: 10, face: "system-ui, sans-serif", color: "#444", strokeWidth: 3, strokeColor: "#fff", align: "middle" }
    }
  });

  function relationTitle(e) {
    return data.nodes[e.source].name + " " + e.type + " " + data.nodes[e.target].name;
  }

  function when(e) {
    if (e.kind === "event") { return "on " + e.date + " (" + e.date_precision + ")"; }
    var start = e.start ? "from " + e.start + " (" + e.start_precision + ")" : "since before the record";
    return start + (e.end ? " to " + e.end + " (" + e.end_precision + ")" : ", ongoing");
  }

  function edgeDetails(i) {
    var e = data.edges[i];
    var out = document.createDocumentFragment();
    out.appendChild(el("h3", relationTitle(e)));
    out.appendChild(el("p", SIGNS[String(e.sign)] + " " + e.kind + (e.symmetric ? " (mutual)" : "") + ", " + when(e)));
    out.appendChild(el("p", "confidence " + e.confidence.toFixed(2)));
    e.sources.forEach(function (cited) {
      var s = data.sources[cited[0]];
      var cite = el("div", null, "rg-cite");
      var line = el("p");
      line.appendChild(link(s.title, s.url));
      var rest = [s.publisher, s.published].filter(Boolean).join(", ");
      if (rest) { line.appendChild(document.createTextNode(", " + rest)); }
      cite.appendChild(line);
      if (cited[1]) { cite.appendChild(el("p", "Evidence: " + cited[1])); }
      out.appendChild(cite);
    });
    if (!e.sources.length) { out.appendChild(el("p", "No source cited.")); }
    if (e.notes) { out.appendChild(el("p", "Notes: " + e.notes)); }
    if (!shownEdges.has(i)) { out.appendChild(el("p", "Not shown on " + data.frames[current].date + ".", "rg-hint")); }
    return out;
  }

  function nodeDetails(i) {
    var n = data.nodes[i];
    var out = document.createDocumentFragment();
    out.appendChild(el("h3", n.name));
    out.appendChild(el("p", [n.kind, n.country].filter(Boolean).join(", ")));
    if (n.aliases.length) { out.appendChild(el("p", "Also: " + n.aliases.join(", "))); }
    if (n.description) { out.appendChild(el("p", n.description)); }
    if (n.part_of) { out.appendChild(el("p", "Part of: " + n.part_of)); }
    if (typeof n.wikidata === "string" && /^Q[0-9]+$/.test(n.wikidata)) {
      var wd = el("p", "Wikidata: ");
      wd.appendChild(link(n.wikidata, "https://www.wikidata.org/wiki/" + n.wikidata));
      out.appendChild(wd);
    }
    var mine = data.frames[current].edges.filter(function (k) {
      return data.edges[k].source === i || data.edges[k].target === i;
    });
    var date = data.frames[current].date;
    out.appendChild(el("p", mine.length + (mine.length === 1 ? " relation on " : " relations on ") + date + (mine.length ? ":" : "")));
    var list = el("ul", null, "rg-rels");
    mine.forEach(function (k) {
      var e = data.edges[k];
      list.appendChild(el("li", relationTitle(e) + " (" + SIGNS[String(e.sign)].charAt(0) + ")"));
    });
    out.appendChild(list);
    return out;
  }

  function showTip(content, at) {
    tip.replaceChildren(content);
    tip.hidden = false;
    var x = Math.min(at.x + 14, canvas.clientWidth - tip.offsetWidth - 4);
    var y = at.y + 14 + tip.offsetHeight > canvas.clientHeight ? at.y - tip.offsetHeight - 10 : at.y + 14;
    tip.style.left = Math.max(0, x) + "px";
    tip.style.top = Math.max(0, y) + "px";
  }

  function hideTip() { tip.hidden = true; }

  function refreshPanel() {
    if (!pinned) {
      panel.replaceChildren(el("p", "Hover over an actor or a relation for its details; click to pin them here.", "rg-hint"));
    } else {
      panel.replaceChildren(pinned.node !== undefined ? nodeDetails(pinned.node) : edgeDetails(pinned.edge));
    }
  }

  function show(i) {
    var frame = data.frames[i];
    shownNodes = new Set(frame.nodes);
    shownEdges = new Set(frame.edges);
    nodes.update(frame.nodes.map(function (n, k) { return { id: n, size: frame.sizes[k] }; }));
    nodeView.refresh();
    edgeView.refresh();
    current = i;
    caption.textContent = frame.caption;
    root.setAttribute("data-date", frame.date);
    if (slider) {
      slider.value = String(i);
      slider.setAttribute("aria-valuetext", frame.date);
      dateOut.textContent = frame.date;
    }
    hideTip();
    refreshPanel();
  }

  function fitAll() {
    if (!data.nodes.length) { return; }
    var xs = data.nodes.map(function (n) { return n.x; });
    var ys = data.nodes.map(function (n) { return n.y; });
    var minX = Math.min.apply(null, xs), maxX = Math.max.apply(null, xs);
    var minY = Math.min.apply(null, ys), maxY = Math.max.apply(null, ys);
    var scale = Math.min(canvas.clientWidth / (maxX - minX + 160), canvas.clientHeight / (maxY - minY + 120), 1.5);
    network.moveTo({ position: { x: (minX + maxX) / 2, y: (minY + maxY) / 2 }, scale: scale });
  }

  var timer = null;
  function stop() {
    if (timer) { clearInterval(timer); timer = null; }
    if (play) { play.textContent = "\u25B6"; play.setAttribute("aria-label", "Play through the dates"); }
  }
  if (slider) {
    slider.addEventListener("input", function () { stop(); show(Number(slider.value)); });
    play.addEventListener("click", function () {
      if (timer) { stop(); return; }
      if (current === last) { show(0); }
      play.textContent = "\u275A\u275A";
      play.setAttribute("aria-label", "Pause");
      timer = setInterval(function () { if (current >= last) { stop(); } else { show(current + 1); } }, 900);
    });
  }

  network.on("hoverNode", function (p) { showTip(nodeDetails(p.node), p.pointer.DOM); });
  network.on("hoverEdge", function (p) { showTip(edgeDetails(p.edge), p.pointer.DOM); });
  network.on("blurNode", hideTip);
  network.on("blurEdge", hideTip);
  network.on("dragStart", hideTip);
  network.on("zoom", hideTip);
  network.on("click", function (p) {
    pinned = p.nodes.length ? { node: p.nodes[0] } : (p.edges.length ? { edge: p.edges[0] } : null);
    refreshPanel();
  });
  network.once("afterDrawing", function () { root.setAttribute("data-drawn", String(performance.now())); });

  show(last);
  fitAll();
  // for scripts of the host page and for tests: the network, and what the current date shows
  root.relgraph = {
    network: network,
    dates: data.frames.map(function (f) { return f.date; }),
    show: show,
    shown: function () {
      return {
        date: data.frames[current].date,
        actors: Array.from(shownNodes, function (k) { return data.nodes[k].id; }).sort(),
        relations: Array.from(shownEdges, function (k) { return data.edges[k].id; }).sort()
      };
    },
    position: function (actorId) {
      var k = data.nodes.findIndex(function (n) { return n.id === actorId; });
      return k < 0 ? null : network.canvasToDOM(network.getPosition(k));
    }
  };
})
