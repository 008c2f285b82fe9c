// DiploGraph interactive view. Article text is untrusted: every string from the data reaches
// the page through textContent or vis-network's plain-text tooltips, never as HTML.
(function () {
  "use strict";

  var started = performance.now();
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var typeByName = {};
  data.types.forEach(function (type) { typeByName[type.name] = type; });
  var nodeById = new Map();
  data.nodes.forEach(function (node) { nodeById.set(node.id, node); });
  var edgesByNode = new Map();
  data.edges.forEach(function (edge) {
    [edge.from, edge.to].forEach(function (id) {
      if (!edgesByNode.has(id)) { edgesByNode.set(id, []); }
      edgesByNode.get(id).push(edge);
    });
  });

  // Mirrors graph.text.fold_key: no diacritics, no case, single spaces.
  var EXTRA_FOLDS = { "đ": "d", "Đ": "D", "ð": "d", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L" };
  function foldKey(text) {
    return text.replace(/[đĐðøØłŁ]/g, function (ch) { return EXTRA_FOLDS[ch]; })
      .normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().split(/\s+/).filter(Boolean).join(" ");
  }

  // ---- small DOM helpers: text only -------------------------------------------------------
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }

  // ---- filters ---------------------------------------------------------------------------
  var hiddenTypes = new Set(data.hiddenTypes || []);
  var dateFrom = document.getElementById("date-from");
  var dateTo = document.getElementById("date-to");
  var keepUndated = document.getElementById("undated");

  function datesPass(dates) {
    var from = dateFrom.value, to = dateTo.value;
    if (!from && !to) { return true; }
    if (!dates.length) { return keepUndated.checked; }
    return dates.some(function (date) { return (!from || date >= from) && (!to || date <= to); });
  }
  function nodeVisible(node) { return !hiddenTypes.has(node.type) && datesPass(node.dates); }
  function edgeVisible(edge) {
    return nodeVisible(nodeById.get(edge.from)) && nodeVisible(nodeById.get(edge.to)) &&
      datesPass(edge.dates);
  }

  // ---- vis-network data --------------------------------------------------------------------
  var MENTION = "mentionedIn";
  function nodeTooltip(node) {
    var lines = [node.label, (typeByName[node.type] || {}).label || node.type];
    if (node.alt.length) { lines.push("Also: " + node.alt.join(", ")); }
    return lines.join("\n");
  }
  function edgeTooltip(edge) {
    var line = nodeById.get(edge.from).label + " " + edge.label + " " + nodeById.get(edge.to).label;
    var first = edge.provenance[0];
    return first ? line + "\n\u201c" + first.evidence + "\u201d" : line;
  }
  data.edgeById = {};
  data.edges.forEach(function (edge) { data.edgeById[edge.id] = edge; });
  var visNodes = new vis.DataSet(data.nodes.map(function (node) {
    var type = typeByName[node.type] || { color: "#9aa0a6", shape: "dot" };
    var item = {
      id: node.id, label: node.label, title: nodeTooltip(node), shape: type.shape,
      size: node.size, color: { background: type.color, border: type.border,
        highlight: { background: type.color, border: "#111111" },
        hover: { background: type.color, border: "#111111" } },
    };
    if (node.x !== undefined) { item.x = node.x; item.y = node.y; }
    return item;
  }));
  var visEdges = new vis.DataSet(data.edges.map(function (edge) {
    var mention = edge.relation === MENTION;
    return {
      id: edge.id, from: edge.from, to: edge.to, label: mention ? undefined : edge.label,
      // Mentions tie every entity to its article: long and weak, so facts shape the layout.
      length: mention ? 320 : undefined,
      title: edgeTooltip(edge), dashes: mention, width: mention ? 0.8 : 1.2 + Math.min(edge.provenance.length, 4) * 0.4,
      color: mention ? { color: "#c3c9cf", highlight: "#6e7781", hover: "#6e7781" } :
        { color: "#8c959f", highlight: "#24292f", hover: "#24292f" },
    };
  }));
  var nodeView = new vis.DataView(visNodes, {
    filter: function (item) { return nodeVisible(nodeById.get(item.id)); },
  });
  var edgeView = new vis.DataView(visEdges, {
    filter: function (item) { return edgeVisible(data.edgeById[item.id]); },
  });
  var large = !data.physics;
  var options = {
    autoResize: true,
    layout: { improvedLayout: false, randomSeed: 7 },
    physics: data.physics ? {
      enabled: true, solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -110, springLength: 120, springConstant: 0.06,
        avoidOverlap: 0.8, damping: 0.5 },
      stabilization: { enabled: true, iterations: 400, fit: true },
    } : { enabled: false },
    nodes: {
      font: { size: 14, face: "system-ui, sans-serif", color: "#1f2328", strokeWidth: 3, strokeColor: "#ffffff" },
      borderWidth: 1, borderWidthSelected: 3,
      scaling: { label: { drawThreshold: 6 } },
    },
    edges: {
      arrows: { to: { enabled: true, scaleFactor: 0.5 } },
      font: { size: 11, color: "#57606a", strokeWidth: 3, strokeColor: "#ffffff", align: "middle" },
      smooth: large ? false : { enabled: true, type: "continuous", roundness: 0.3 },
      selectionWidth: 2, hoverWidth: 0.5,
    },
    interaction: {
      hover: !large, tooltipDelay: 150, hideEdgesOnDrag: large, hideEdgesOnZoom: large,
      navigationButtons: false, keyboard: { enabled: true, bindToWindow: false },
      multiselect: false,
    },
  };
  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, options);

  // ---- counts, legend, type filter --------------------------------------------------------
  var counts = document.getElementById("counts");
  function updateCounts() {
    var shown = nodeView.length, total = data.nodes.length;
    var text = total + (total === 1 ? " entity" : " entities") + ", " + data.edges.length +
      (data.edges.length === 1 ? " relation" : " relations");
    counts.textContent = shown === total ? text : shown + " of " + text + " shown";
  }
  function refresh() { nodeView.refresh(); edgeView.refresh(); updateCounts(); }

  var legend = document.getElementById("legend");
  data.types.forEach(function (type) {
    var item = el("li"), label = el("label"), box = el("input");
    box.type = "checkbox"; box.checked = !hiddenTypes.has(type.name); box.value = type.name;
    box.setAttribute("data-type", type.name);
    box.addEventListener("change", function () {
      if (box.checked) { hiddenTypes.delete(type.name); } else { hiddenTypes.add(type.name); }
      refresh();
    });
    var swatch = el("span", type.shape === "square" ? "swatch square" : "swatch");
    swatch.style.background = type.color;
    label.appendChild(box); label.appendChild(swatch); label.appendChild(el("span", null, type.label));
    label.appendChild(el("span", "count", type.count));
    item.appendChild(label); legend.appendChild(item);
  });

  if (data.dateRange) {
    [dateFrom, dateTo].forEach(function (input) {
      input.min = data.dateRange[0]; input.max = data.dateRange[1];
      input.addEventListener("change", refresh);
    });
  } else {
    document.getElementById("dates-section").hidden = true;
  }
  keepUndated.addEventListener("change", refresh);
  document.getElementById("reset").addEventListener("click", function () {
    dateFrom.value = ""; dateTo.value = ""; keepUndated.checked = true; hiddenTypes.clear();
    legend.querySelectorAll("input").forEach(function (box) { box.checked = true; });
    refresh();
  });

  var links = document.getElementById("links");
  (data.links || []).forEach(function (link) {
    var anchor = el("a", null, link.text);
    anchor.href = link.href;  // relative file names written by DiploGraph, never article text
    links.appendChild(anchor);
  });

  // ---- side panel --------------------------------------------------------------------------
  var panel = document.getElementById("panel");
  var panelBody = document.getElementById("panel-body");
  document.getElementById("panel-close").addEventListener("click", function () {
    panel.hidden = true; network.unselectAll();
  });

  function nodeButton(node) {
    var button = el("button", "link-button", node.label);
    button.type = "button";
    button.addEventListener("click", function () { showNode(node.id, true); });
    return button;
  }
  function provenanceList(records) {
    var list = el("div");
    records.forEach(function (record) {
      list.appendChild(el("blockquote", "evidence", record.evidence));
      var article = data.articles[record.article] || {};
      var parts = [article.title || article.source || "unknown article"];
      if (article.title && article.source) { parts.push(article.source); }
      if (record.date) { parts.push(record.date); }
      parts.push("confidence " + record.confidence.toFixed(2));
      list.appendChild(el("div", "cite", parts.join(" \u00b7 ")));
    });
    return list;
  }
  function badge(node) {
    var type = typeByName[node.type] || { label: node.type || "untyped", color: "#6e7781" };
    var span = el("span", "badge", type.label);
    span.style.background = type.darker || type.color;
    return span;
  }
  function definitionList(rows) {
    var dl = el("dl");
    rows.forEach(function (row) { dl.appendChild(el("dt", null, row[0])); dl.appendChild(el("dd", null, row[1])); });
    return dl;
  }

  function showNode(id, focus) {
    var node = nodeById.get(id);
    if (!node) { return; }
    clear(panelBody);
    panelBody.appendChild(el("h2", null, node.label));
    panelBody.appendChild(badge(node));
    panelBody.appendChild(el("div", "iri", node.iri));
    var rows = [];
    if (node.alt.length) { rows.push(["Also known as", node.alt.join("; ")]); }
    node.attrs.forEach(function (pair) { rows.push(pair); });
    if (rows.length) { panelBody.appendChild(definitionList(rows)); }

    var own = edgesByNode.get(id) || [];
    var facts = own.filter(function (edge) { return edge.relation !== MENTION; });
    if (facts.length || node.literals.length) {
      panelBody.appendChild(el("h3", null, "Facts (" + (facts.length + node.literals.length) + ")"));
      var list = el("ul", "facts");
      node.literals.forEach(function (literal) {
        var item = el("li", "fact");
        var head = el("div");
        head.appendChild(el("span", "relation", literal.label + ": "));
        head.appendChild(el("span", null, literal.value));
        item.appendChild(head); item.appendChild(provenanceList(literal.provenance));
        list.appendChild(item);
      });
      facts.forEach(function (edge) {
        var item = el("li", "fact"), head = el("div");
        var outgoing = edge.from === id;
        var other = nodeById.get(outgoing ? edge.to : edge.from);
        if (outgoing) {
          head.appendChild(el("span", "relation", edge.label + " "));
          head.appendChild(nodeButton(other));
        } else {
          head.appendChild(nodeButton(other));
          head.appendChild(el("span", "relation", " " + edge.label + " this"));
        }
        head.appendChild(el("span", "type", (typeByName[other.type] || {}).label || other.type));
        item.appendChild(head); item.appendChild(provenanceList(edge.provenance));
        list.appendChild(item);
      });
      panelBody.appendChild(list);
    }
    var mentions = own.filter(function (edge) { return edge.relation === MENTION; });
    if (mentions.length) {
      var incoming = mentions.filter(function (edge) { return edge.to === id; });
      var heading = incoming.length ? "Mentions (" + incoming.length + ")" : "Mentioned in (" + mentions.length + ")";
      panelBody.appendChild(el("h3", null, heading));
      var ul = el("ul", "facts");
      mentions.forEach(function (edge) {
        var other = nodeById.get(edge.from === id ? edge.to : edge.from);
        var item = el("li", "fact");
        item.appendChild(nodeButton(other));
        item.appendChild(el("span", "type", (typeByName[other.type] || {}).label || other.type));
        ul.appendChild(item);
      });
      panelBody.appendChild(ul);
    }
    panel.hidden = false;
    if (focus) {
      if (!nodeVisible(node)) { hiddenTypes.delete(node.type); refresh(); }
      network.selectNodes([id]);
      network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    }
  }

  function showEdge(id) {
    var edge = data.edgeById[id];
    if (!edge) { return; }
    clear(panelBody);
    var from = nodeById.get(edge.from), to = nodeById.get(edge.to);
    var heading = el("h2");
    heading.appendChild(nodeButton(from));
    heading.appendChild(el("span", "relation", " " + edge.label + " "));
    heading.appendChild(nodeButton(to));
    panelBody.appendChild(heading);
    panelBody.appendChild(el("h3", null, "Evidence (" + edge.provenance.length + ")"));
    panelBody.appendChild(provenanceList(edge.provenance));
    panel.hidden = false;
  }

  network.on("click", function (params) {
    if (params.nodes.length) { showNode(params.nodes[0], false); }
    else if (params.edges.length) { showEdge(params.edges[0]); }
  });

  // ---- search ------------------------------------------------------------------------------
  var search = document.getElementById("search");
  var results = document.getElementById("results");
  var MAX_RESULTS = 25;
  function matches(query) {
    var key = foldKey(query);
    if (!key) { return []; }
    var found = data.nodes.filter(function (node) { return node.search.indexOf(key) !== -1; });
    found.sort(function (a, b) {
      var aStarts = a.search.startsWith(key) || a.search.indexOf(" " + key) !== -1;
      var bStarts = b.search.startsWith(key) || b.search.indexOf(" " + key) !== -1;
      return (bStarts - aStarts) || (b.size - a.size) || a.label.localeCompare(b.label);
    });
    return found;
  }
  function renderResults() {
    clear(results);
    var query = search.value;
    if (!foldKey(query)) { return; }
    var found = matches(query);
    if (!found.length) { results.appendChild(el("li", "empty", "No match")); return; }
    found.slice(0, MAX_RESULTS).forEach(function (node) {
      var item = el("li"), button = el("button");
      button.type = "button";
      button.appendChild(el("span", null, node.label));
      button.appendChild(el("span", "type", (typeByName[node.type] || {}).label || node.type));
      button.addEventListener("click", function () { showNode(node.id, true); });
      item.appendChild(button); results.appendChild(item);
    });
    if (found.length > MAX_RESULTS) {
      results.appendChild(el("li", "empty", (found.length - MAX_RESULTS) + " more; refine the search"));
    }
  }
  search.addEventListener("input", renderResults);
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      var found = matches(search.value);
      if (found.length) { showNode(found[0].id, true); }
    }
  });

  // ---- ready -------------------------------------------------------------------------------
  updateCounts();
  function ready() {
    if (data.focus && data.focus.length) {
      showNode(data.focus[0], false);
      network.selectNodes(data.focus);
    }
    window.diplograph = {
      ready: true,
      readyMs: performance.now() - started,
      network: network,
      nodeCount: data.nodes.length,
      edgeCount: data.edges.length,
      visibleNodeCount: function () { return nodeView.length; },
    };
    document.body.setAttribute("data-ready", "true");
  }
  // A tiny graph fitted to the window would be drawn huge: cap the zoom.
  function fit() {
    network.fit({ animation: false });
    if (network.getScale() > 1.1) { network.moveTo({ scale: 1.1, animation: false }); }
  }
  if (data.physics) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      fit();
      ready();
    });
  } else {
    fit();
    network.once("afterDrawing", ready);
    network.redraw();
  }
})();
