// Timeline: a slider over the loaded clusters' dates and a play button. Markers are sorted by date_min (the
// API's order), so the clusters shown for [date - window, date] are one index range; moving the slider adds
// and removes only the difference, which keeps play smooth with 100k markers.

const DAY = 86400000;

function dayOf(date) {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY);
}

function dateOf(day) {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** First index whose day is >= day (days sorted ascending). */
function lowerBound(days, day) {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid] < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class Timeline {
  /** `group`: the marker cluster group; `onChange(text)` after every change (status line). */
  constructor(group, onChange) {
    this.group = group;
    this.onChange = onChange;
    this.slider = document.getElementById("time-slider");
    this.label = document.getElementById("time-label");
    this.windowSel = document.getElementById("time-window");
    this.play = document.getElementById("play");
    this.timer = null;
    this.reset([]);
    this.slider.addEventListener("input", () => this.show());
    this.windowSel.addEventListener("change", () => this.show());
    this.play.addEventListener("click", () => (this.timer ? this.stop() : this.start()));
  }

  /** New marker set (sorted by date); all of them are on the map when this is called. */
  reset(markers) {
    this.stop();
    this.dated = [];
    this.days = [];
    for (const m of markers) {
      const d = m.row[5];
      if (!d) continue; // undated clusters stay on the map whatever the slider says
      this.dated.push(m);
      this.days.push(dayOf(d));
    }
    this.range = [0, this.dated.length];
    const n = this.days.length;
    this.slider.disabled = n === 0;
    this.play.disabled = n === 0;
    if (n) {
      this.first = this.days[0];
      this.last = this.days[n - 1];
      this.slider.min = "0";
      this.slider.max = String(this.last - this.first);
      this.slider.value = this.slider.max;
    } else {
      this.slider.min = this.slider.max = this.slider.value = "0";
    }
    this.renderLabel();
  }

  /** The date the slider is on, YYYY-MM-DD (null without dated markers). */
  date() {
    return this.days.length ? dateOf(this.first + Number(this.slider.value)) : null;
  }

  renderLabel() {
    const d = this.date();
    const w = Number(this.windowSel.value);
    const text = !d ? "no dated events" : w === 0 ? `up to ${d}` : w === 1 ? `on ${d}` : `${dateOf(this.first + Number(this.slider.value) - w + 1)} – ${d}`;
    this.label.value = text;
    this.label.textContent = text;
    this.slider.setAttribute("aria-valuetext", text);
  }

  show() {
    if (!this.days.length) return;
    const end = this.first + Number(this.slider.value);
    const w = Number(this.windowSel.value);
    const hi = lowerBound(this.days, end + 1);
    const lo = w === 0 ? 0 : lowerBound(this.days, end - w + 1);
    const [plo, phi] = this.range;
    const removed = [];
    const added = [];
    for (let i = plo; i < Math.min(phi, lo); i++) removed.push(this.dated[i]);
    for (let i = Math.max(hi, plo); i < phi; i++) removed.push(this.dated[i]);
    for (let i = lo; i < Math.min(hi, plo); i++) added.push(this.dated[i]);
    for (let i = Math.max(phi, lo); i < hi; i++) added.push(this.dated[i]);
    if (removed.length) this.group.removeLayers(removed);
    if (added.length) this.group.addLayers(added);
    this.range = [lo, hi];
    this.renderLabel();
    this.onChange(hi - lo);
  }

  start() {
    if (!this.days.length) return;
    const max = Number(this.slider.max);
    if (Number(this.slider.value) >= max) this.slider.value = "0";
    const step = Math.max(1, Math.ceil(max / 120));
    this.play.setAttribute("aria-pressed", "true");
    this.play.textContent = "❚❚ Pause";
    this.show();
    this.timer = setInterval(() => {
      const v = Math.min(max, Number(this.slider.value) + step);
      this.slider.value = String(v);
      this.show();
      if (v >= max) this.stop();
    }, 300);
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.play) {
      this.play.setAttribute("aria-pressed", "false");
      this.play.textContent = "▶ Play";
    }
  }
}
