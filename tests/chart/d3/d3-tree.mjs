// d3-tree.mjs
//
// Copyright 2026 The Samordna authors
//
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Times d3-hierarchy's d3.tree(), the tidy tree web org charts use, on a
// tree file of lines "id parent_id width height" (parent -1 for a root),
// for bench-layout. Only the layout call is timed, after parsing and
// building the hierarchy: one warm-up, then the median of five runs.
// Boxes of different widths are given to d3 through its separation
// function (node size 1 across), so it solves the same problem as ours,
// in rows as d3 does.
//
//   node d3-tree.mjs --check                      exit 0 if d3-hierarchy loads
//   node d3-tree.mjs FILE [SIBLING SUBTREE LEVEL] prints "d3.tree N nodes: X ms"

import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

let d3;
try {
  d3 = await import("d3-hierarchy");
} catch (error) {
  console.log("skipped: d3-hierarchy is not installed (npm install --prefix tests/chart/d3)");
  process.exit(2);
}

if (process.argv[2] === "--check")
  process.exit(0);

const [file, sibling = "16", subtree = "32", level = "40"] = process.argv.slice(2);
const siblingGap = Number(sibling), subtreeGap = Number(subtree), levelGap = Number(level);

const rows = [];
let roots = 0, maxHeight = 0;
for (const line of readFileSync(file, "utf8").split("\n")) {
  const text = line.trim();
  if (text === "" || text.startsWith("#"))
    continue;
  const [id, parent, width, height] = text.split(/\s+/);
  const row = { id, parent: parent === "-1" ? "forest" : parent, w: Number(width), h: Number(height) };
  roots += parent === "-1";
  maxHeight = Math.max(maxHeight, row.h);
  rows.push(row);
}
// d3.stratify() wants one root: a forest hangs under an invisible one.
rows.push({ id: "forest", parent: null, w: 0, h: 0 });

const root = d3.stratify().id((d) => d.id).parentId((d) => d.parent)(rows);
const layout = d3.tree()
  .nodeSize([1, maxHeight + levelGap])
  .separation((a, b) => (a.data.w + b.data.w) / 2 + (a.parent === b.parent ? siblingGap : subtreeGap));

const times = [];
for (let run = 0; run < 6; run++) {
  const start = performance.now();
  layout(root);
  const end = performance.now();
  if (run > 0)
    times.push(end - start);
}
times.sort((a, b) => a - b);

console.log(`d3.tree ${rows.length - 1} nodes: ${times[2].toFixed(3)} ms`);
