// The actor network: fetched from the API, laid out by a small force
// simulation, drawn as SVG. Data only ever goes through textContent and
// setAttribute on fixed attribute names, never through innerHTML.
"use strict";

(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const WIDTH = 960, HEIGHT = 620, MAX_NODES = 150, STEPS = 300;

  function el(name, attrs) {
    const node = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, String(value));
    return node;
  }

  // Edges come per (source, target, type); the drawing wants one line per pair.
  function pairs(edges, keep) {
    const byPair = new Map();
    for (const edge of edges) {
      if (!keep.has(edge.source) || !keep.has(edge.target) || edge.source === edge.target) continue;
      const key = [edge.source, edge.target].sort().join("\u0000");
      const pair = byPair.get(key) || { source: edge.source, target: edge.target, count: 0, types: [] };
      pair.count += edge.count;
      pair.types.push(edge.type + " " + edge.count);
      byPair.set(key, pair);
    }
    return Array.from(byPair.values());
  }

  // Fruchterman-Reingold: nodes repel, linked nodes attract, the step cools.
  function layout(nodes, links) {
    const area = WIDTH * HEIGHT, k = Math.sqrt(area / Math.max(1, nodes.length)) * 0.9;
    nodes.forEach((n, i) => {
      const angle = (2 * Math.PI * i) / nodes.length;
      n.x = WIDTH / 2 + (WIDTH / 3) * Math.cos(angle);
      n.y = HEIGHT / 2 + (HEIGHT / 3) * Math.sin(angle);
    });
    const index = new Map(nodes.map((n) => [n.id, n]));
    for (let step = 0; step < STEPS; step++) {
      const heat = (WIDTH / 10) * (1 - step / STEPS);
      for (const n of nodes) { n.dx = 0; n.dy = 0; }
      for (let i = 0; i < nodes.length; i++) {
        for (let j = i + 1; j < nodes.length; j++) {
          const a = nodes[i], b = nodes[j];
          const dx = a.x - b.x || 0.01, dy = a.y - b.y || 0.01;
          const d2 = dx * dx + dy * dy, push = (k * k) / d2;
          a.dx += dx * push; a.dy += dy * push; b.dx -= dx * push; b.dy -= dy * push;
        }
      }
      for (const link of links) {
        const a = index.get(link.source), b = index.get(link.target);
        const dx = a.x - b.x, dy = a.y - b.y, d = Math.sqrt(dx * dx + dy * dy) || 0.01;
        // Attraction d²/k, a little stronger for pairs with many events.
        const pull = ((d * d) / k) * Math.min(3, 1 + Math.log(link.count));
        a.dx -= (dx / d) * pull; a.dy -= (dy / d) * pull;
        b.dx += (dx / d) * pull; b.dy += (dy / d) * pull;
      }
      for (const n of nodes) {
        const d = Math.sqrt(n.dx * n.dx + n.dy * n.dy) || 1;
        n.x += (n.dx / d) * Math.min(d, heat);
        n.y += (n.dy / d) * Math.min(d, heat);
        // A gentle pull to the centre keeps loose components on screen.
        n.x += (WIDTH / 2 - n.x) * 0.015; n.y += (HEIGHT / 2 - n.y) * 0.015;
        // Labels sit to the right of a node: leave them room.
        n.x = Math.max(40, Math.min(WIDTH - 160, n.x));
        n.y = Math.max(24, Math.min(HEIGHT - 24, n.y));
      }
    }
    return index;
  }

  function draw(box, data) {
    const nodes = data.nodes.slice().sort((a, b) => b.events - a.events).slice(0, MAX_NODES);
    const keep = new Set(nodes.map((n) => n.id));
    const links = pairs(data.edges, keep);
    const svg = el("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-label": "Actor network" });
    if (!nodes.length) {
      status(box, "No actors to draw yet.");
      return;
    }
    const index = layout(nodes, links);
    const maxCount = Math.max(1, ...links.map((l) => l.count));
    const lines = links.map((link) => {
      const line = el("line", { class: "edge", "stroke-width": 1 + (7 * link.count) / maxCount });
      const title = el("title");
      title.textContent = `${index.get(link.source).name} – ${index.get(link.target).name}: ${link.count} events (${link.types.join(", ")})`;
      line.appendChild(title);
      svg.appendChild(line);
      return { line, link };
    });
    const groups = nodes.map((n) => {
      const a = el("a", { class: "node", href: "/actors/" + encodeURIComponent(n.id) });
      a.appendChild(el("circle", { r: 5 + Math.sqrt(n.events) * 2 }));
      const label = el("text", { dx: 9, dy: 4 });
      label.textContent = n.name + (n.country && n.country !== n.name ? ` (${n.country})` : "");
      const title = el("title");
      title.textContent = `${n.name}: ${n.events} events`;
      a.appendChild(title);
      a.appendChild(label);
      svg.appendChild(a);
      return { a, n };
    });
    function place() {
      for (const { line, link } of lines) {
        const s = index.get(link.source), t = index.get(link.target);
        line.setAttribute("x1", s.x); line.setAttribute("y1", s.y);
        line.setAttribute("x2", t.x); line.setAttribute("y2", t.y);
      }
      for (const { a, n } of groups) a.setAttribute("transform", `translate(${n.x.toFixed(1)},${n.y.toFixed(1)})`);
    }
    place();
    enableDrag(svg, groups, place);
    box.replaceChildren(svg);
  }

  // Drag a node to untangle the picture; a click without movement follows the link.
  function enableDrag(svg, groups, place) {
    let dragging = null, moved = false;
    for (const { a, n } of groups) {
      a.addEventListener("pointerdown", (event) => { dragging = n; moved = false; event.preventDefault(); });
      a.addEventListener("click", (event) => { if (moved) event.preventDefault(); });
    }
    svg.addEventListener("pointermove", (event) => {
      if (!dragging) return;
      const box = svg.getBoundingClientRect();
      dragging.x = ((event.clientX - box.left) / box.width) * WIDTH;
      dragging.y = ((event.clientY - box.top) / box.height) * HEIGHT;
      moved = true;
      place();
    });
    window.addEventListener("pointerup", () => { dragging = null; });
  }

  function status(box, text) {
    const p = document.createElement("p");
    p.className = "empty";
    p.textContent = text;
    box.replaceChildren(p);
  }

  async function load(box, minCount) {
    status(box, "Loading…");
    try {
      const url = box.dataset.source + "?min_count=" + encodeURIComponent(minCount);
      const response = await fetch(url, { headers: { Accept: "application/json" } });
      const data = await response.json();
      if (!response.ok) throw new Error(data.error ? data.error.message : response.statusText);
      draw(box, data);
      box.dataset.ready = "true";
    } catch (err) {
      status(box, "Could not load the network: " + err.message);
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    const box = document.getElementById("network");
    const form = document.getElementById("network-form");
    if (!box) return;
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      load(box, Math.max(1, parseInt(form.elements.min_count.value, 10) || 1));
    });
    load(box, 1);
  });
})();
