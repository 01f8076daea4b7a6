/// The page's behaviour, a small script with no dependencies. It reads the model
/// (`<script id="hg-model">`, see `PageModel`) and leaves the inline SVG as drawn, changing only its
/// viewBox to enlarge a panel. The cell under the pointer is computed from the panels' cell blocks
/// (no DOM node per cell), values are decoded from base64 on first use, and highlights are drawn
/// on one overlay canvas at cell resolution, so a figure of 8 x 1024² cells hovers as smoothly as a
/// small one.
enum PageScript {
    static let source = #"""
        // HeatGrid interactive figure: tooltips, colorbar bands, panel zoom.
        (() => {
          "use strict";
          const $ = (id) => document.getElementById(id);
          const model = JSON.parse($("hg-model").textContent);
          const root = document.querySelector(".hg"), figure = $("hg-figure"), svg = figure.querySelector("svg");
          const overlay = $("hg-overlay"), tooltip = $("hg-tooltip"), status = $("hg-status"), back = $("hg-back");
          const help = status.textContent;
          // An SVG's own <title> would pop up as the browser's tooltip over the figure: the page's
          // title and the figure's aria-label already say it.
          for (const title of svg.querySelectorAll(":scope > title")) title.remove();
          const whole = [0, 0, model.width, model.height];
          let view = whole;      // the part of the scene shown: [x, y, width, height] in points
          let enlarged = null;   // the enlarged panel's index
          let hover = null;      // the cell under the pointer or the keyboard's cursor: {panel, row, column, keyboard}
          let band = null;       // the colorbar band under the pointer: {colorbar, t0, t1, lo, hi}
          let pending = 0;       // a requested animation frame

          // ---- Values: base64 of little-endian Float32s, decoded once per block, on first use.
          const decoded = new Map();
          const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
          function data(id) {
            let values = decoded.get(id);
            if (!values) {
              const text = atob($(id).textContent.trim()), bytes = new Uint8Array(text.length);
              for (let k = 0; k < text.length; k++) bytes[k] = text.charCodeAt(k);
              if (littleEndian) values = new Float32Array(bytes.buffer);
              else {
                const reader = new DataView(bytes.buffer);
                values = new Float32Array(bytes.length / 4);
                for (let k = 0; k < values.length; k++) values[k] = reader.getFloat32(4 * k, true);
              }
              decoded.set(id, values);
            }
            return values;
          }

          // ---- Numbers: every digit the stored Float32 holds, in the colorbar's format.
          const MINUS = "\u2212", SUPER = { "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵",
            "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻" };
          const PREFIXES = [[1e12, "T"], [1e9, "G"], [1e6, "M"], [1e3, "k"], [1, ""], [1e-3, "m"], [1e-6, "µ"], [1e-9, "n"], [1e-12, "p"]];
          // The fewest significant digits that give the same Float32 back.
          function digits(v) {
            for (let p = 1; p < 9; p++) if (Math.fround(Number(v.toPrecision(p))) === v) return p;
            return 9;
          }
          const exponentOf = (r) => Number(r.toExponential().split("e")[1]);
          const signed = (v, text) => (v < 0 && /[1-9]/.test(text) ? MINUS : "") + text;
          // Plain decimals with p significant digits (at least `least` decimals).
          function plain(v, p = digits(v), least = 0) {
            const r = Number(Math.abs(v).toPrecision(p));
            return signed(v, r === 0 ? (0).toFixed(least) : r.toFixed(Math.min(100, Math.max(least, p - 1 - exponentOf(r)))));
          }
          // 1.2345×10⁻³, as the colorbar's scientific labels.
          function scientific(v, p = digits(v)) {
            if (v === 0) return "0";
            const [mantissa, exponent] = Math.abs(v).toExponential(p - 1).split("e");
            const power = "10" + String(Number(exponent)).replace(/./g, (c) => SUPER[c]);
            return signed(v, mantissa === "1" ? power : mantissa + "×" + power);
          }
          function si(v, p = digits(v)) {
            const a = Math.abs(v), [unit, prefix] = PREFIXES.find(([u]) => a >= u) || PREFIXES[PREFIXES.length - 1];
            return a === 0 ? "0" : plain(v / unit, p) + prefix;
          }
          // A printf pattern's one conversion, with at least the digits the value holds.
          function printf(v, pattern, p = digits(v)) {
            return pattern.replace(/%%|%[-+ 0#]*\d*(?:\.(\d+))?([eEfFgG])/g, (match, precision, kind) => {
              if (match === "%%") return "%";
              const asked = precision === undefined ? 6 : Number(precision);
              if (/[fF]/.test(kind)) return plain(v, p, asked);
              if (/[gG]/.test(kind) && Math.abs(v) >= 1e-4 && Math.abs(v) < 1e6) return plain(v, p);
              const [mantissa, exponent] = Math.abs(v).toExponential(Math.max(/[eE]/.test(kind) ? asked : 0, p - 1)).split("e");
              const e = Number(exponent);
              return signed(v, mantissa + (kind === "E" || kind === "G" ? "E" : "e") + (e < 0 ? "-" : "+") + String(Math.abs(e)).padStart(2, "0"));
            });
          }
          // `v` in a colorbar's style ("plain", "sci", "si" or a printf pattern), with p significant
          // digits: by default all a Float32 holds.
          function format(v, style, p = digits(v)) {
            if (Number.isNaN(v)) return "no value";
            if (!Number.isFinite(v)) return (v < 0 ? MINUS : "") + "∞";
            if (style === "sci") return scientific(v, p);
            if (style === "si") return si(v, p);
            if (style && style.includes("%")) return printf(v, style, p);
            return plain(v, p);
          }
          function valueText(panel, v) {
            const category = model.categories && model.categories.find((c) => c.value === v);
            return category ? category.name : format(v, panel.format);
          }

          // ---- Geometry: scene points and the figure box's CSS pixels.
          const inside = ([x, y, w, h], px, py) => px >= x && px < x + w && py >= y && py < y + h;
          const visible = (i) => enlarged === null || enlarged === i;
          function pointsOf(clientX, clientY) {
            const box = figure.getBoundingClientRect(), s = box.width / view[2];
            return [view[0] + (clientX - box.left) / s, view[1] + (clientY - box.top) / s];
          }
          function clientRect([x, y, w, h]) {
            const box = figure.getBoundingClientRect(), s = box.width / view[2];
            return { left: box.left + (x - view[0]) * s, top: box.top + (y - view[1]) * s, width: w * s, height: h * s };
          }
          // The cell at a point: arithmetic on the block that holds it.
          function cellAt(x, y) {
            for (let i = 0; i < model.panels.length; i++) {
              if (!visible(i)) continue;
              for (const b of model.panels[i].blocks) {
                if (!inside(b.rect, x, y)) continue;
                const column = b.column + Math.min(b.columns - 1, Math.floor((x - b.rect[0]) / b.rect[2] * b.columns));
                const row = b.row + Math.min(b.rows - 1, Math.floor((y - b.rect[1]) / b.rect[3] * b.rows));
                return { panel: i, row, column };
              }
            }
            return null;
          }
          function cellRect({ panel, row, column }) {
            const b = model.panels[panel].blocks.find((b) => row >= b.row && row < b.row + b.rows && column >= b.column && column < b.column + b.columns);
            const w = b.rect[2] / b.columns, h = b.rect[3] / b.rows;
            return [b.rect[0] + (column - b.column) * w, b.rect[1] + (row - b.row) * h, w, h];
          }
          // The colorbar at a point, and how far along it (0 at its start, 1 at its end).
          function colorbarAt(x, y) {
            for (let c = 0; c < model.colorbars.length; c++) {
              const bar = model.colorbars[c], [bx, by, bw, bh] = bar.frame;
              if (!model.panels.some((p, i) => p.colorbar === c && visible(i))) continue;
              if (x >= bx && x <= bx + bw && y >= by && y <= by + bh) {
                return { colorbar: c, t: bar.vertical ? (by + bh - y) / bh : (x - bx) / bw };
              }
            }
            return null;
          }

          // ---- Colorbar bands: 5% of the bar around the pointer, or a binned bar's block.
          const HALF_BAND = 0.025;
          function valueAt(bar, t) {
            const stops = bar.stops;
            for (let k = 1; k < stops.length; k++) {
              const [a, va] = stops[k - 1], [b, vb] = stops[k];
              if (t <= b) return va + (vb - va) * (t - a) / (b - a);
            }
            return stops[stops.length - 1][1];
          }
          function bandAt(c, t) {
            const bar = model.colorbars[c];
            let t0 = Math.max(0, t - HALF_BAND), t1 = Math.min(1, t + HALF_BAND);
            if (bar.bins) {
              const k = Math.min(bar.bins - 1, Math.floor(Math.max(0, t) * bar.bins));
              [t0, t1] = [k / bar.bins, (k + 1) / bar.bins];
            }
            let lo = valueAt(bar, t0), hi = valueAt(bar, t1);
            if (lo > hi) [lo, hi] = [hi, lo];
            // An end that clamps colours everything beyond it: the band there holds those cells too.
            if (t0 <= 0 && bar.clampsBelow) lo = -Infinity;
            if (t1 >= 1 && bar.clampsAbove) hi = Infinity;
            return { colorbar: c, t0, t1, lo, hi };
          }

          // A categorical scale's legend line at a point: that category's cells make the band.
          function categoryAt(x, y) {
            const k = (model.categories || []).findIndex((c) => c.row && inside(c.row, x, y));
            if (k < 0) return null;
            const category = model.categories[k];
            return { colorbar: null, category, lo: category.value, hi: category.value };
          }

          // ---- The overlay: washes out the cells outside the band, outlines the hovered cell.
          const masks = new Map();    // per panel block: a canvas of one pixel per cell
          const wash = (() => {       // the figure's background at 82% opacity, as one packed pixel
            const bytes = new Uint8Array(4), hex = model.background;
            for (let k = 0; k < 3; k++) bytes[k] = parseInt(hex.slice(1 + 2 * k, 3 + 2 * k), 16);
            bytes[3] = 209;
            return new Uint32Array(bytes.buffer)[0];
          })();
          function mask(i, k, block) {
            const key = i + "/" + k;
            let m = masks.get(key);
            if (!m) {
              const canvas = document.createElement("canvas");
              canvas.width = block.columns; canvas.height = block.rows;
              const context = canvas.getContext("2d"), image = context.createImageData(block.columns, block.rows);
              m = { canvas, context, image, pixels: new Uint32Array(image.data.buffer), band: null, count: 0 };
              masks.set(key, m);
            }
            return m;
          }
          function drawBand(ctx, ratio) {
            let count = 0;
            model.panels.forEach((panel, i) => {
              if ((panel.colorbar ?? null) !== band.colorbar || !visible(i)) return;
              const values = data(panel.values);
              panel.blocks.forEach((block, k) => {
                const m = mask(i, k, block);
                if (m.band !== band) {  // recount only when the band moved
                  let n = 0;
                  for (let r = 0; r < block.rows; r++) {
                    const from = (block.row + r) * panel.columns + block.column, to = r * block.columns;
                    for (let c = 0; c < block.columns; c++) {
                      const v = values[from + c];
                      if (v >= band.lo && v <= band.hi) { m.pixels[to + c] = 0; n++; } else m.pixels[to + c] = wash;
                    }
                  }
                  m.context.putImageData(m.image, 0, 0);
                  m.band = band; m.count = n;
                }
                count += m.count;
                ctx.imageSmoothingEnabled = false;
                ctx.drawImage(m.canvas, block.rect[0], block.rect[1], block.rect[2], block.rect[3]);
              });
            });
            const cells = `${count} ${count === 1 ? "cell" : "cells"}`;
            if (band.category) {
              const [x, y, w, h] = band.category.row;  // a little air either side of swatch and name
              stroke(ctx, [x - 2, y, w + 4, h], ratio);
              status.textContent = `${cells} with ${model.valueName} ${band.category.name}`;
              return;
            }
            // The band itself, boxed on the bar.
            const bar = model.colorbars[band.colorbar], [x, y, w, h] = bar.frame;
            const box = bar.vertical ? [x, y + h * (1 - band.t1), w, h * (band.t1 - band.t0)]
                                     : [x + w * band.t0, y, w * (band.t1 - band.t0), h];
            stroke(ctx, box, ratio);
            const panel = model.panels.find((p) => p.colorbar === band.colorbar);
            const from = band.lo === -Infinity ? "the lowest" : format(band.lo, panel.format, 3);
            const to = band.hi === Infinity ? "the highest" : format(band.hi, panel.format, 3);
            status.textContent = `${cells} with ${model.valueName} from ${from} to ${to}`;
          }
          // A dark and a light line, readable on any colour; `ratio` is overlay pixels per point.
          function stroke(ctx, [x, y, w, h], ratio) {
            const px = 1 / ratio;
            ctx.lineWidth = 3 * px; ctx.strokeStyle = "rgba(0, 0, 0, 0.85)";
            ctx.strokeRect(x - px, y - px, w + 2 * px, h + 2 * px);
            ctx.lineWidth = 1.5 * px; ctx.strokeStyle = "#fff";
            ctx.strokeRect(x - px, y - px, w + 2 * px, h + 2 * px);
          }
          function draw() {
            pending = 0;
            const ctx = overlay.getContext("2d"), ratio = overlay.width / view[2];
            ctx.setTransform(1, 0, 0, 1, 0, 0);
            ctx.clearRect(0, 0, overlay.width, overlay.height);
            ctx.setTransform(ratio, 0, 0, ratio, -view[0] * ratio, -view[1] * ratio);
            if (band) drawBand(ctx, ratio);
            else {
              const text = enlarged === null ? help : "Esc, or a click on the panel, returns to all panels";
              if (status.textContent !== text) status.textContent = text;
            }
            if (hover) {
              // At least 8 CSS pixels, so the cell stays visible in big grids.
              const [x, y, w, h] = cellRect(hover), least = 8 * devicePixelRatio / ratio;
              const ew = Math.max(w, least), eh = Math.max(h, least);
              stroke(ctx, [x + (w - ew) / 2, y + (h - eh) / 2, ew, eh], ratio);
            }
          }
          const redraw = () => { if (!pending) pending = requestAnimationFrame(draw); };

          // ---- Tooltip: beside its target, never on it (and pointer-events: none).
          const label = (labels, k) => (labels ? labels[k] : String(k));
          function showTooltip(cell, near) {
            const panel = model.panels[cell.panel], k = cell.row * panel.columns + cell.column;
            const lines = [];
            if (panel.title) lines.push(["hg-t-title", panel.title]);
            lines.push(["hg-t-cell", `${model.rowName} ${label(panel.rowLabels, cell.row)}, ${model.columnName} ${label(panel.columnLabels, cell.column)}`]);
            lines.push(["hg-t-value", `${model.valueName}: ${valueText(panel, data(panel.values)[k])}`]);
            for (const mark of panel.marks) lines.push(["hg-t-mark", `${mark.name}: ${format(data(mark.values)[k], mark.format || "plain")}`]);
            tooltip.replaceChildren(...lines.map(([name, text]) => {
              const line = document.createElement("div");
              line.className = name; line.textContent = text;
              return line;
            }));
            tooltip.hidden = false;
            // 16 px right of and below the target; flipped to its other side at the window's edges.
            const gap = 16, w = tooltip.offsetWidth, h = tooltip.offsetHeight;
            let left = near.right + gap, top = near.bottom + gap;
            if (left + w > innerWidth - 4) left = near.left - gap - w;
            if (top + h > innerHeight - 4) top = near.top - gap - h;
            tooltip.style.left = Math.max(4, left) + "px";
            tooltip.style.top = Math.max(4, top) + "px";
          }
          function hideTooltip() { tooltip.hidden = true; }

          // ---- Pointer.
          figure.addEventListener("pointermove", (event) => {
            const [x, y] = pointsOf(event.clientX, event.clientY);
            const cell = cellAt(x, y), bar = cell ? null : colorbarAt(x, y);
            hover = cell;
            if (cell) {
              const p = { left: event.clientX, right: event.clientX, top: event.clientY, bottom: event.clientY };
              showTooltip(cell, p);
            } else hideTooltip();
            const next = bar ? bandAt(bar.colorbar, bar.t) : cell ? null : categoryAt(x, y);
            if (!next || !band || next.lo !== band.lo || next.hi !== band.hi) band = next;
            redraw();
          });
          figure.addEventListener("pointerleave", () => { hover = null; band = null; hideTooltip(); redraw(); });

          // ---- Panels: one focusable button over each body; click or Enter enlarges, Esc returns.
          const buttons = model.panels.map((panel, i) => {
            const button = document.createElement("button");
            button.type = "button";
            button.className = "hg-panel";
            button.setAttribute("aria-label", `${panel.title || "Panel " + (i + 1)}, ${panel.rows} by ${panel.columns} cells`);
            button.setAttribute("aria-describedby", "hg-tooltip");
            button.addEventListener("click", () => (enlarged === i ? restore() : enlarge(i)));
            button.addEventListener("keydown", (event) => moveCursor(event, i));
            button.addEventListener("blur", () => { if (hover && hover.keyboard) { hover = null; hideTooltip(); redraw(); } });
            figure.appendChild(button);
            return button;
          });
          // An enlarged panel reads alone: its neighbours and the shared axis titles are covered
          // with the background, and it gets the tick labels its shared axes leave to the outer
          // panels and axis titles of its own.
          const svgNS = svg.namespaceURI;  // the page names no URL, not even a namespace
          function showEnlargedLabels(panel, view) {
            const layer = document.createElementNS(svgNS, "g");
            layer.id = "hg-zoom-labels";
            // The cover reaches past the view's edges, so no antialiased seam shows what lies beneath.
            const [vx, vy, vw, vh] = [view[0] - view[2], view[1] - view[3], 3 * view[2], 3 * view[3]], [rx, ry, rw, rh] = panel.region;
            const cover = document.createElementNS(svgNS, "path");
            cover.setAttribute("d", `M${vx} ${vy}h${vw}v${vh}h${-vw}z M${rx} ${ry}v${rh}h${rw}v${-rh}z` +
                                    panel.covers.map(([x, y, w, h]) => ` M${x} ${y}h${w}v${h}h${-w}z`).join(""));
            cover.setAttribute("fill", model.background);
            cover.setAttribute("fill-rule", "nonzero");
            layer.appendChild(cover);
            const font = model.labelFont;
            for (const [label, x, y, angle, anchor, size] of panel.enlargedLabels) {
              const text = document.createElementNS(svgNS, "text");
              text.textContent = label;
              text.setAttribute("x", x);
              text.setAttribute("y", y);
              if (angle) text.setAttribute("transform", `rotate(${-angle} ${x} ${y})`);
              text.setAttribute("text-anchor", anchor);
              text.setAttribute("font-family", `'${font.family}', sans-serif`);
              text.setAttribute("font-size", size);
              text.setAttribute("fill", font.color);
              layer.appendChild(text);
            }
            svg.appendChild(layer);
          }
          function enlarge(i) {
            const [x, y, w, h] = model.panels[i].zoom, pad = 0.03 * Math.max(w, h);
            view = [x - pad, y - pad, w + 2 * pad, h + 2 * pad];
            showEnlargedLabels(model.panels[i], view);
            enlarged = i; band = null; hover = null; hideTooltip();
            root.classList.add("hg-enlarged"); back.hidden = false;
            layout();
            buttons[i].focus({ preventScroll: true });
          }
          function restore() {
            const i = enlarged;
            if (i === null) return;
            view = whole; enlarged = null; band = null; hover = null; hideTooltip();
            $("hg-zoom-labels")?.remove();
            root.classList.remove("hg-enlarged"); back.hidden = true;
            layout();
            buttons[i].focus({ preventScroll: true });
          }
          back.addEventListener("click", restore);
          document.addEventListener("keydown", (event) => {
            if (event.key === "Escape" && enlarged !== null) { restore(); event.preventDefault(); }
          });
          // Arrow keys move a cell cursor in the focused panel, its tooltip beside the cell.
          function moveCursor(event, i) {
            const steps = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }[event.key];
            if (!steps) return;
            event.preventDefault();
            const panel = model.panels[i];
            let row = 0, column = 0;  // the first arrow starts at the top left cell
            if (hover && hover.panel === i) {
              row = Math.min(panel.rows - 1, Math.max(0, hover.row + steps[0]));
              column = Math.min(panel.columns - 1, Math.max(0, hover.column + steps[1]));
            }
            hover = { panel: i, row, column, keyboard: true };
            const r = clientRect(cellRect(hover));
            showTooltip(hover, { left: r.left, top: r.top, right: r.left + r.width, bottom: r.top + r.height });
            redraw();
          }

          // ---- Layout: the view fitted into the window; the buttons and overlay follow it.
          function layout() {
            const bar = document.querySelector(".hg-bar");
            const width = document.documentElement.clientWidth - 32, height = innerHeight - bar.offsetHeight - 32;
            const s = Math.max(0.05, Math.min(width / view[2], height / view[3]));
            const w = view[2] * s, h = view[3] * s;
            figure.style.width = w + "px";
            figure.style.height = h + "px";
            svg.setAttribute("viewBox", view.join(" "));
            svg.setAttribute("width", w);
            svg.setAttribute("height", h);
            buttons.forEach((button, i) => {
              const [x, y, bw, bh] = model.panels[i].body;
              button.hidden = !visible(i);
              Object.assign(button.style, { left: (x - view[0]) * s + "px", top: (y - view[1]) * s + "px",
                                            width: bw * s + "px", height: bh * s + "px" });
            });
            overlay.width = Math.round(w * devicePixelRatio);
            overlay.height = Math.round(h * devicePixelRatio);
            overlay.style.width = w + "px";
            overlay.style.height = h + "px";
            draw();
          }
          addEventListener("resize", layout);
          layout();
          document.documentElement.dataset.heatgrid = "ready";  // for tests: the page is set up
        })();
        """#
}
