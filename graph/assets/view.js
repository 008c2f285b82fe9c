// DiploGraph interactive view. Article text is untrusted: every string from the data reaches
// the page through textContent or vis-network's plain-text tooltips, never as HTML.
// Start-up does only what the first picture needs; indexes for the panel, search and filters
// are built the first time they are used.
(function () {
  "use strict";

  var started = performance.now();
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var visNodeItems = data.vis.nodes, visEdgeItems = data.vis.edges;  // index = id
  var typeByName = {};
  data.types.forEach(function (type) { typeByName[type.name] = type; });
  var MENTION = "mentionedIn";

  // ---- reading the compact data ----------------------------------------------------------
  function label(id) { return visNodeItems[id].label; }
  // DiploGraph IRIs travel without their common base; any other IRI travels whole.
  function fullIri(iri) { return /^[a-z][a-z0-9+.-]*:/i.test(iri) ? iri : data.idBase + iri; }
  function info(id) { return data.nodes[id]; }
  function typeLabel(id) {
    var name = info(id).t || "";
    return (typeByName[name] || {}).label || name || "untyped";
  }
  function relationName(edgeId) { return data.relations[data.edges[edgeId].r][0]; }
  function relationLabel(index) { return data.relations[index][1]; }
  function record(index) {
    var raw = data.records[index], article = data.articles[raw.a] || {};
    return { evidence: data.sentences[raw.s], article: article,
      date: raw.d || article.d || "", confidence: raw.c || 0 };
  }
  var edgeDatesCache = [];
  function edgeDates(edgeId) {
    if (!edgeDatesCache[edgeId]) {
      edgeDatesCache[edgeId] = data.edges[edgeId].p.map(function (i) { return record(i).date; })
        .filter(Boolean);
    }
    return edgeDatesCache[edgeId];
  }
  var edgesByNode = null;
  function edgesOf(id) {
    if (!edgesByNode) {
      edgesByNode = new Map();
      visEdgeItems.forEach(function (edge) {
        [edge.from, edge.to].forEach(function (end) {
          if (!edgesByNode.has(end)) { edgesByNode.set(end, []); }
          edgesByNode.get(end).push(edge);
        });
      });
    }
    return edgesByNode.get(id) || [];
  }

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

  // ---- the network -------------------------------------------------------------------------
  // Large views start without their mention edges (about half of all edges, and the costliest
  // part of start-up); the legend's check box brings them in.
  var mentionsShown = data.mentionsShown;
  var visNodes = new vis.DataSet(visNodeItems);
  var visEdges = new vis.DataSet(mentionsShown ? visEdgeItems :
    visEdgeItems.filter(function (edge) { return relationName(edge.id) !== MENTION; }));
  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: visNodes, edges: visEdges }, data.vis.options);

  // Edge tooltips are written when first hovered: most edges are never hovered.
  network.on("hoverEdge", function (params) {
    var edge = visEdgeItems[params.edge];
    if (!edge || edge.title !== undefined) { return; }
    var row = data.edges[params.edge];
    var line = label(edge.from) + " " + relationLabel(row.r) + " " + label(edge.to);
    edge.title = row.p.length ? line + "\n\u201c" + record(row.p[0]).evidence + "\u201d" : line;
    visEdges.update({ id: edge.id, title: edge.title });
  });
  // Large views carry no edge labels: they are added once the user zooms in far enough to read.
  var edgeLabelsAdded = data.edgeLabels;
  network.on("zoom", function () {
    if (edgeLabelsAdded || network.getScale() < 0.6) { return; }
    edgeLabelsAdded = true;
    visEdges.update(visEdgeItems.filter(function (edge) { return relationName(edge.id) !== MENTION; })
      .map(function (edge) { return { id: edge.id, label: relationLabel(data.edges[edge.id].r) }; }));
  });

  // ---- filters: hide what fails, touching only items that change -----------------------------
  var hiddenTypes = new Set();
  var dateFrom = document.getElementById("date-from");
  var dateTo = document.getElementById("date-to");
  var keepUndated = document.getElementById("undated");
  var nodeHidden = new Uint8Array(visNodeItems.length);
  var edgeHidden = new Uint8Array(visEdgeItems.length);
  var visibleCount = visNodeItems.length;

  function datesPass(dates) {
    var from = dateFrom.value, to = dateTo.value;
    if (!from && !to) { return true; }
    if (!dates.length) { return keepUndated.checked; }
    return dates.some(function (date) { return (!from || date >= from) && (!to || date <= to); });
  }
  function nodeVisible(id) { return !hiddenTypes.has(info(id).t || "") && datesPass(info(id).d || []); }

  function applyFilters() {
    var nodeChanges = [], edgeChanges = [];
    visibleCount = 0;
    for (var id = 0; id < visNodeItems.length; id++) {
      var hide = nodeVisible(id) ? 0 : 1;
      visibleCount += 1 - hide;
      if (hide !== nodeHidden[id]) { nodeHidden[id] = hide; nodeChanges.push({ id: id, hidden: !!hide }); }
    }
    visEdgeItems.forEach(function (edge) {
      var hide = nodeHidden[edge.from] || nodeHidden[edge.to] || !datesPass(edgeDates(edge.id)) ? 1 : 0;
      if (hide === edgeHidden[edge.id]) { return; }
      edgeHidden[edge.id] = hide;
      if (mentionsShown || relationName(edge.id) !== MENTION) { edgeChanges.push({ id: edge.id, hidden: !!hide }); }
    });
    if (nodeChanges.length) { visNodes.update(nodeChanges); }
    if (edgeChanges.length) { visEdges.update(edgeChanges); }
    updateCounts();
  }

  // ---- counts, legend, type filter --------------------------------------------------------
  var counts = document.getElementById("counts");
  function updateCounts() {
    var total = visNodeItems.length, edges = visEdgeItems.length;
    var text = total + (total === 1 ? " entity" : " entities") + ", " + edges +
      (edges === 1 ? " relation" : " relations");
    counts.textContent = visibleCount === total ? text : visibleCount + " of " + text + " shown";
  }

  var legend = document.getElementById("legend");
  data.types.forEach(function (type) {
    var item = el("li"), labelElement = el("label"), box = el("input");
    box.type = "checkbox"; box.checked = true; box.value = type.name;
    box.setAttribute("data-type", type.name);
    box.addEventListener("change", function () {
      if (box.checked) { hiddenTypes.delete(type.name); } else { hiddenTypes.add(type.name); }
      applyFilters();
    });
    var swatch = el("span", type.shape === "square" ? "swatch square" : "swatch");
    swatch.style.background = type.color;
    labelElement.appendChild(box); labelElement.appendChild(swatch);
    labelElement.appendChild(el("span", null, type.label));
    labelElement.appendChild(el("span", "count", type.count));
    item.appendChild(labelElement); legend.appendChild(item);
  });

  if (data.dateRange) {
    [dateFrom, dateTo].forEach(function (input) {
      input.min = data.dateRange[0]; input.max = data.dateRange[1];
      input.addEventListener("change", applyFilters);
    });
  } else {
    document.getElementById("dates-section").hidden = true;
  }
  keepUndated.addEventListener("change", applyFilters);
  var showMentions = document.getElementById("show-mentions");
  showMentions.checked = mentionsShown;
  showMentions.addEventListener("change", function () {
    mentionsShown = showMentions.checked;
    var mentions = visEdgeItems.filter(function (edge) { return relationName(edge.id) === MENTION; });
    if (mentionsShown) {
      visEdges.add(mentions.map(function (edge) {
        return Object.assign({}, edge, { hidden: !!edgeHidden[edge.id] });
      }));
    } else {
      visEdges.remove(mentions.map(function (edge) { return edge.id; }));
    }
  });
  document.getElementById("reset").addEventListener("click", function () {
    dateFrom.value = ""; dateTo.value = ""; keepUndated.checked = true; hiddenTypes.clear();
    legend.querySelectorAll("input").forEach(function (box) { box.checked = true; });
    applyFilters();
  });

  var links = document.getElementById("links");
  (data.links || []).forEach(function (link) {
    var anchor = el("a", null, link.text);
    anchor.href = link.href;  // relative file names written by DiploGraph, never article text
    links.appendChild(anchor);
  });

  // ---- side panel: built on demand ---------------------------------------------------------
  var panel = document.getElementById("panel");
  var panelBody = document.getElementById("panel-body");
  document.getElementById("panel-close").addEventListener("click", function () {
    panel.hidden = true; network.unselectAll();
  });

  function nodeButton(id) {
    var button = el("button", "link-button", label(id));
    button.type = "button";
    button.addEventListener("click", function () { showNode(id, true); });
    return button;
  }
  function provenanceList(indices) {
    var list = el("div");
    indices.forEach(function (index) {
      var row = record(index), article = row.article;
      list.appendChild(el("blockquote", "evidence", row.evidence));
      var parts = [article.t || article.s || "unknown article"];
      if (article.t && article.s) { parts.push(article.s); }
      if (row.date) { parts.push(row.date); }
      parts.push("confidence " + row.confidence.toFixed(2));
      list.appendChild(el("div", "cite", parts.join(" \u00b7 ")));
    });
    return list;
  }
  function badge(id) {
    var type = typeByName[info(id).t || ""] || { color: "#6e7781" };
    var span = el("span", "badge", typeLabel(id));
    span.style.background = type.border || type.color;
    return span;
  }
  function definitionList(rows) {
    var dl = el("dl");
    rows.forEach(function (row) { dl.appendChild(el("dt", null, row[0])); dl.appendChild(el("dd", null, row[1])); });
    return dl;
  }

  function showNode(id, focus) {
    var node = info(id);
    if (!node) { return; }
    clear(panelBody);
    panelBody.appendChild(el("h2", null, label(id)));
    panelBody.appendChild(badge(id));
    panelBody.appendChild(el("div", "iri", fullIri(node.i)));
    var rows = [];
    if (node.a) { rows.push(["Also known as", node.a.join("; ")]); }
    (node.at || []).forEach(function (pair) { rows.push(pair); });
    if (rows.length) { panelBody.appendChild(definitionList(rows)); }

    var own = edgesOf(id), literals = node.l || [];
    var facts = own.filter(function (edge) { return relationName(edge.id) !== MENTION; });
    if (facts.length || literals.length) {
      panelBody.appendChild(el("h3", null, "Facts (" + (facts.length + literals.length) + ")"));
      var list = el("ul", "facts");
      literals.forEach(function (literal) {
        var item = el("li", "fact"), head = el("div");
        head.appendChild(el("span", "relation", relationLabel(literal.r) + ": "));
        head.appendChild(el("span", null, literal.v));
        item.appendChild(head); item.appendChild(provenanceList(literal.p));
        list.appendChild(item);
      });
      facts.forEach(function (edge) {
        var item = el("li", "fact"), head = el("div");
        var outgoing = edge.from === id, other = outgoing ? edge.to : edge.from;
        var name = relationLabel(data.edges[edge.id].r);
        if (outgoing) {
          head.appendChild(el("span", "relation", name + " "));
          head.appendChild(nodeButton(other));
        } else {
          head.appendChild(nodeButton(other));
          head.appendChild(el("span", "relation", " " + name + " this"));
        }
        head.appendChild(el("span", "type", typeLabel(other)));
        item.appendChild(head); item.appendChild(provenanceList(data.edges[edge.id].p));
        list.appendChild(item);
      });
      panelBody.appendChild(list);
    }
    var mentions = own.filter(function (edge) { return relationName(edge.id) === MENTION; });
    if (mentions.length) {
      var incoming = mentions.filter(function (edge) { return edge.to === id; });
      var heading = incoming.length ? "Mentions (" + incoming.length + ")" : "Mentioned in (" + mentions.length + ")";
      panelBody.appendChild(el("h3", null, heading));
      var ul = el("ul", "facts");
      mentions.forEach(function (edge) {
        var other = edge.from === id ? edge.to : edge.from;
        var item = el("li", "fact");
        item.appendChild(nodeButton(other));
        item.appendChild(el("span", "type", typeLabel(other)));
        ul.appendChild(item);
      });
      panelBody.appendChild(ul);
    }
    panel.hidden = false;
    if (focus) {
      if (nodeHidden[id]) { hiddenTypes.delete(node.t || ""); syncLegend(); applyFilters(); }
      network.selectNodes([id]);
      network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    }
  }
  function syncLegend() {
    legend.querySelectorAll("input").forEach(function (box) { box.checked = !hiddenTypes.has(box.value); });
  }

  function showEdge(id) {
    var edge = visEdgeItems[id];
    if (!edge) { return; }
    clear(panelBody);
    var row = data.edges[id];
    var heading = el("h2");
    heading.appendChild(nodeButton(edge.from));
    heading.appendChild(el("span", "relation", " " + relationLabel(row.r) + " "));
    heading.appendChild(nodeButton(edge.to));
    panelBody.appendChild(heading);
    panelBody.appendChild(el("h3", null, "Evidence (" + row.p.length + ")"));
    panelBody.appendChild(provenanceList(row.p));
    panel.hidden = false;
  }

  network.on("click", function (params) {
    if (params.nodes.length) { showNode(params.nodes[0], false); }
    else if (params.edges.length) { showEdge(params.edges[0]); }
  });

  // ---- search: the folded index is built on the first keystroke -----------------------------
  var search = document.getElementById("search");
  var results = document.getElementById("results");
  var MAX_RESULTS = 25;
  var searchKeys = null;
  function matches(query) {
    var key = foldKey(query);
    if (!key) { return []; }
    if (!searchKeys) {
      searchKeys = visNodeItems.map(function (item) {
        return foldKey([item.label].concat(info(item.id).a || []).join(" | "));
      });
    }
    var found = [];
    searchKeys.forEach(function (text, id) { if (text.indexOf(key) !== -1) { found.push(id); } });
    function starts(id) { return searchKeys[id].startsWith(key) || searchKeys[id].indexOf(" " + key) !== -1; }
    found.sort(function (a, b) {
      return (starts(b) - starts(a)) || (visNodeItems[b].size - visNodeItems[a].size) ||
        label(a).localeCompare(label(b));
    });
    return found;
  }
  function renderResults() {
    clear(results);
    var query = search.value;
    if (!foldKey(query)) { return; }
    var found = matches(query);
    if (!found.length) { results.appendChild(el("li", "empty", "No match")); return; }
    found.slice(0, MAX_RESULTS).forEach(function (id) {
      var item = el("li"), button = el("button");
      button.type = "button";
      button.appendChild(el("span", null, label(id)));
      button.appendChild(el("span", "type", typeLabel(id)));
      button.addEventListener("click", function () { showNode(id, true); });
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
      if (found.length) { showNode(found[0], true); }
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
      startedMs: started,
      readyMs: performance.now() - started,
      network: network,
      nodeCount: visNodeItems.length,
      edgeCount: visEdgeItems.length,
      physics: data.physics,
      visibleNodeCount: function () { return visibleCount; },
      edgeLabelsShown: function () { return edgeLabelsAdded; },
      drawnEdgeCount: function () { return visEdges.length; },
      nodeId: function (iri) { return data.nodes.findIndex(function (n) { return fullIri(n.i) === iri; }); },
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
