import { escapeHtml } from './escape.js'
import { legend } from './parts.js'

// Inline SVG charts: drawn at about the size they show on a laptop (the viewBox width), scaled down on a phone.
// Colours come from classes of the page's stylesheet; every chart names itself and says its data in <desc>.

export const CHART_WIDTH = 400

/** Coordinates rounded to a tenth, so the output is short and the same on every platform. */
export const r = (n: number): string => String(Math.round(n * 10) / 10)

export interface BarSeries {
  label: string
  /** The stylesheet class that colours it (`f-normal`). */
  cls: string
}

export interface BarChartInput {
  /** Unique on the page; prefixes the ids of the title and description. */
  id: string
  title: string
  categories: readonly string[]
  series: readonly BarSeries[]
  /** `values[category][series]`, counts. */
  values: readonly (readonly number[])[]
  /** Stacked (parts of a whole) or side by side (figures to compare). */
  mode: 'stacked' | 'grouped'
  /** Names a count in the description: `change` → `3 changes`. */
  unit: string
}

/** An upper end for a count axis: a small, round number at or above `max` whose half is a whole number too. */
export function niceMax(max: number): number {
  if (max <= 10) return Math.max(4, Math.ceil(max / 2) * 2)
  const step = 10 ** Math.floor(Math.log10(max))
  for (const m of [1, 2, 4, 5, 10]) if (m * step >= max) return m * step
  return 10 * step
}

/** Counts per category (months) as vertical bars, with a legend, axis labels and a text alternative. */
export function barChart(input: BarChartInput): string {
  const { categories, series, values } = input
  const height = 180
  const left = 30
  const bottom = 22
  const top = 14
  const plotW = CHART_WIDTH - left - 6
  const plotH = height - top - bottom
  const totals = values.map((row) => (input.mode === 'stacked' ? sum(row) : Math.max(0, ...row)))
  const max = niceMax(Math.max(0, ...totals))
  const y = (v: number): number => top + plotH - (v / max) * plotH
  const band = plotW / Math.max(1, categories.length)
  const parts: string[] = []
  for (const tick of [0, max / 2, max]) {
    parts.push(`<line class="${tick === 0 ? 'axis' : 'gl'}" x1="${left}" x2="${r(left + plotW)}" y1="${r(y(tick))}" y2="${r(y(tick))}"/>`)
    parts.push(`<text x="${left - 6}" y="${r(y(tick) + 4)}" text-anchor="end">${r(tick)}</text>`)
  }
  categories.forEach((category, i) => {
    const x0 = left + i * band
    const row = values[i] ?? []
    if (input.mode === 'stacked') {
      const w = Math.min(band * 0.56, 44)
      const x = x0 + (band - w) / 2
      let acc = 0
      series.forEach((s, k) => {
        const v = row[k] ?? 0
        if (v <= 0) return
        parts.push(`<rect class="${s.cls}" x="${r(x)}" y="${r(y(acc + v))}" width="${r(w)}" height="${r(y(acc) - y(acc + v))}"><title>${escapeHtml(`${category} ${s.label}: ${v}`)}</title></rect>`)
        acc += v
      })
      parts.push(`<text class="lbl" x="${r(x0 + band / 2)}" y="${r(y(acc) - 4)}" text-anchor="middle">${acc}</text>`)
    } else {
      const w = Math.min((band * 0.72) / Math.max(1, series.length), 22)
      const x = x0 + (band - w * series.length) / 2
      series.forEach((s, k) => {
        const v = row[k] ?? 0
        const bx = x + k * w
        if (v > 0) parts.push(`<rect class="${s.cls}" x="${r(bx + 1)}" y="${r(y(v))}" width="${r(w - 2)}" height="${r(y(0) - y(v))}"><title>${escapeHtml(`${category} ${s.label}: ${v}`)}</title></rect>`)
        parts.push(`<text class="lbl" x="${r(bx + w / 2)}" y="${r(y(v) - 4)}" text-anchor="middle">${v}</text>`)
      })
    }
    parts.push(`<text x="${r(x0 + band / 2)}" y="${height - 6}" text-anchor="middle">${escapeHtml(category)}</text>`)
  })
  const description = categories
    .map((c, i) => {
      const row = values[i] ?? []
      const detail = series.map((s, k) => `${s.label} ${row[k] ?? 0}`).join(', ')
      return input.mode === 'stacked' ? `${c}: ${plural(sum(row), input.unit)} (${detail})` : `${c}: ${detail}`
    })
    .join('; ')
  return figure({ id: input.id, title: input.title, description: description || 'No data.', width: CHART_WIDTH, height, body: parts.join(''), legendHtml: legend(series.map((s) => [s.cls, s.label])) })
}

export interface FigureInput {
  /** Unique on the page: the figure's fragment id and the prefix of its title's and description's ids. */
  id: string
  title: string
  /** The chart's data in words: its text alternative. */
  description: string
  /** The drawing's size in CSS pixels at most: it shrinks to fit a narrow screen, it never grows. */
  width: number
  height: number
  body: string
  legendHtml?: string
  /** Keep it legible on a phone: scroll sideways instead of shrinking below a minimum width. */
  wide?: boolean
}

/** A `<figure>` holding one accessible SVG: named by its title, described by its data. */
export function figure(input: FigureInput): string {
  const { id, width, height } = input
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${r(height)}" viewBox="0 0 ${width} ${r(height)}" role="img" aria-labelledby="${id}-t ${id}-d"><title id="${id}-t">${escapeHtml(input.title)}</title><desc id="${id}-d">${escapeHtml(input.description)}</desc>${input.body}</svg>`
  return `<figure id="${id}"><figcaption>${escapeHtml(input.title)}</figcaption>${input.legendHtml ?? ''}${input.wide ? `<div class="wide">${svg}</div>` : svg}</figure>`
}

export function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`
}

function sum(row: readonly number[]): number {
  return row.reduce((a, b) => a + b, 0)
}
