import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, normalize, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderHtmlSite } from '../../src/report/format/html/index.js'
import { acmeSite, XSS } from './html-site-data.js'

// The report site in real headless Chromium (Debian's `chromium` package, driven by playwright-core): every page
// opened from file:// and from a local HTTP server, watched for console messages, page errors, dialogs, requests
// and Content-Security-Policy violations.

// The page side of these tests runs in Chromium. The project compiles without the DOM library, so the few DOM names
// used there are declared, loosely, for this module alone.
interface DomNode { nodeType: number; textContent: string | null }
interface DomElement extends DomNode {
  tagName: string
  parentElement: DomElement | null
  childNodes: Iterable<DomNode>
  textContent: string
  closest(selector: string): DomElement | null
  getAttribute(name: string): string | null
  getBoundingClientRect(): { width: number; height: number }
  append(node: DomElement): void
}
declare const document: {
  querySelectorAll(selector: string): Iterable<DomElement>
  createElement(tag: string): DomElement
  addEventListener(type: 'securitypolicyviolation', listener: (e: { violatedDirective: string; blockedURI: string }) => void): void
  documentElement: DomElement & { scrollWidth: number; clientWidth: number }
  body: DomElement
  head: DomElement
}
declare const window: object
declare const Node: { TEXT_NODE: number }
declare const SVGElement: new () => DomElement
declare function getComputedStyle(element: DomElement): Record<'backgroundColor' | 'color' | 'fill' | 'fontSize' | 'fontWeight' | 'visibility' | 'display' | 'colorScheme' | 'margin', string>

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const artifacts = join(import.meta.dirname, '..', '..', 'artifacts')

let browser: Browser
let server: Server
let dir: string
let httpBase: string
let pages: string[]

// Without a browser every test fails, with the fix; it never skips.
const missingBrowser = existsSync(executablePath)
  ? undefined
  : `No Chromium at ${executablePath}: the HTML report is checked in a real browser. Install it with \`apt-get install chromium\` (Debian, Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome executable.`

function inBrowser(name: string, test: () => Promise<void>): void {
  it(name, async () => {
    if (missingBrowser) throw new Error(missingBrowser)
    await test()
  })
}

beforeAll(async () => {
  if (missingBrowser) return
  const { report, articles } = await acmeSite()
  const site = renderHtmlSite(report, articles)
  pages = [...site.keys()]
  dir = await mkdtemp(join(tmpdir(), 'gitsm-html-'))
  for (const [path, html] of site) {
    await mkdir(dirname(join(dir, path)), { recursive: true })
    await writeFile(join(dir, path), html)
  }
  server = createServer((req, res) => {
    const path = normalize(join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)))
    if (!path.startsWith(dir + sep) || !path.endsWith('.html')) {
      res.writeHead(404).end()
      return
    }
    readFile(path).then(
      (body) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body),
      () => res.writeHead(404).end(),
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  httpBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)))
  if (dir) await rm(dir, { recursive: true, force: true })
})

const fileUrl = (path: string): string => pathToFileURL(join(dir, path)).href

interface Visit {
  page: Page
  /** Everything that went wrong, by kind: each list must stay empty. */
  problems: { console: string[]; pageErrors: string[]; dialogs: string[]; foreignRequests: string[]; violations: string[] }
}

const contexts = new Map<string, Promise<BrowserContext>>()

/** One browser context per viewport and colour scheme, shared by the tests. */
function contextFor(width: number, colorScheme: 'light' | 'dark'): Promise<BrowserContext> {
  const key = `${width} ${colorScheme}`
  let context = contexts.get(key)
  if (!context) {
    context = browser.newContext({ viewport: { width, height: 900 }, colorScheme }).then(async (c) => {
      // Runs before each page, outside its policy: the pages themselves have no script.
      await c.addInitScript(() => {
        const seen: string[] = []
        Object.defineProperty(window, '__violations', { value: seen })
        document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`))
      })
      return c
    })
    contexts.set(key, context)
  }
  return context
}

/** Opens a page in a new tab, recording what a clean page never does. */
async function visit(url: string, options: { width?: number; colorScheme?: 'light' | 'dark' } = {}): Promise<Visit> {
  const context = await contextFor(options.width ?? 1280, options.colorScheme ?? 'light')
  const page = await context.newPage()
  const problems: Visit['problems'] = { console: [], pageErrors: [], dialogs: [], foreignRequests: [], violations: [] }
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.console.push(`${m.type()}: ${m.text()}`)
  })
  page.on('pageerror', (e) => problems.pageErrors.push(String(e)))
  page.on('dialog', (d) => {
    problems.dialogs.push(`${d.type()}: ${d.message()}`)
    void d.dismiss()
  })
  page.on('request', (r) => {
    const target = new URL(r.url())
    const own = new URL(page.url() === 'about:blank' ? url : page.url())
    const sameDocument = target.protocol === 'file:' ? target.pathname.startsWith(dir.split(sep).join('/')) : target.origin === own.origin
    if (!sameDocument && r.url() !== 'data:,') problems.foreignRequests.push(r.url())
  })
  await page.goto(url, { waitUntil: 'load' })
  return { page, problems }
}

async function collect(v: Visit): Promise<Visit['problems']> {
  v.problems.violations.push(...(await v.page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)))
  return v.problems
}

/** The top-level pages and two articles (the article pages share one layout). */
const samplePages = (): string[] => pages.filter((p) => !p.startsWith('kb/')).concat('kb/KB-0001.html', 'kb/KB-0900.html')

/** Runs `check` on the pages a few at a time: tabs load in parallel, failures still name their page. */
async function eachPage(paths: readonly string[], check: (path: string) => Promise<void>): Promise<void> {
  const queue = [...paths]
  await Promise.all(Array.from({ length: 6 }, async () => {
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) await check(path)
  }))
}

const clean = { console: [], pageErrors: [], dialogs: [], foreignRequests: [], violations: [] }

/** Every chart is drawn: each SVG and its marks take up room on the page. */
async function expectChartsDrawn(page: Page, path: string): Promise<void> {
  const charts = await page.locator('svg[role="img"]').all()
  for (const chart of charts) {
    const box = await chart.boundingBox()
    expect(box && box.width > 0 && box.height > 0, `${path}: chart box`).toBe(true)
  }
  const marks = await page.evaluate(() => [...document.querySelectorAll('svg[role="img"] rect')].filter((r) => {
    const b = r.getBoundingClientRect()
    return b.width > 0 && b.height > 0
  }).length)
  if (charts.length > 0) expect(marks, `${path}: drawn bars`).toBeGreaterThan(0)
}

describe('the HTML report in Chromium', () => {
  inBrowser('opens every page from file:// with no console message, error, dialog, foreign request or policy violation', async () => {
    await eachPage(pages, async (path) => {
      const v = await visit(fileUrl(path))
      expect(await collect(v), path).toEqual(clean)
      expect(await v.page.locator('script').count(), path).toBe(0)
      await expectChartsDrawn(v.page, path)
      await v.page.close()
    })
  })

  inBrowser('opens every page served from 127.0.0.1 just as cleanly, under its policy', async () => {
    await eachPage(pages, async (path) => {
      const v = await visit(new URL(path, httpBase).href)
      expect(await collect(v), path).toEqual(clean)
      await expectChartsDrawn(v.page, path)
      // The page's own stylesheet applied: the policy's hash matches it.
      expect(await v.page.evaluate(() => getComputedStyle(document.body).margin), path).toBe('0px')
      await v.page.close()
    })
  })

  inBrowser('enforces the policy: a style that is not the page one is refused, over http and from a file', async () => {
    for (const url of [new URL('index.html', httpBase).href, fileUrl('index.html')]) {
      const v = await visit(url)
      const background = await v.page.evaluate(() => {
        const style = document.createElement('style')
        style.textContent = 'body{background:rgb(255,0,0)}'
        document.head.append(style)
        return getComputedStyle(document.body).backgroundColor
      })
      expect(background, url).not.toBe('rgb(255, 0, 0)')
      await expect.poll(async () => (await collect(v)).violations.length, { timeout: 2000 }).toBeGreaterThan(0)
      await v.page.close()
    }
  })

  inBrowser('shows a record titled <script>alert(1)</script> as text and runs nothing', async () => {
    await eachPage(['index.html', 'changes.html', 'catalog.html', 'incidents.html', 'audit.html', 'kb/KB-0900.html'], async (path) => {
      const v = await visit(fileUrl(path))
      expect(await v.page.locator('.brand b').textContent(), path).toBe(`${XSS} service report`)
      expect(await v.page.locator('script').count(), path).toBe(0)
      expect(await collect(v), path).toEqual(clean)
      await v.page.close()
    })
    const v = await visit(fileUrl('changes.html'))
    expect(await v.page.locator('#change-CHG-0900 td').first().textContent()).toBe(XSS)
    await v.page.close()
  })

  inBrowser('an article link to javascript: is inert, a link to another article leads to its heading', async () => {
    const v = await visit(fileUrl('kb/KB-0900.html'))
    const evil = v.page.getByText('click me', { exact: true })
    expect(await evil.getAttribute('href')).toBeNull()
    expect(await v.page.evaluate(() => [...document.querySelectorAll('[href]')].map((e) => e.getAttribute('href')).filter((h) => /^\s*(javascript|data:text|vbscript)/i.test(h ?? '')))).toEqual([])
    const before = v.page.url()
    await evil.click()
    await v.page.waitForTimeout(100)
    expect(v.page.url()).toBe(before)
    await v.page.getByRole('link', { name: 'pool exhaustion causes' }).click()
    await v.page.waitForURL(/KB-0001\.html#user-content-cause$/)
    expect(await v.page.locator('#user-content-cause').textContent()).toBe('Cause')
    expect(await collect(v)).toEqual(clean)
    await v.page.close()
  })

  inBrowser('fits a 375px-wide phone: wide tables and the timeline scroll inside their boxes, the page does not', async () => {
    await eachPage(samplePages(), async (path) => {
      const v = await visit(fileUrl(path), { width: 375 })
      const overflow = await v.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      expect(overflow, path).toBeLessThanOrEqual(0)
      await v.page.close()
    })
  })

  inBrowser('has text contrast of at least 4.5:1 (3:1 for large text), in light and dark mode', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await eachPage(samplePages(), async (path) => {
        const v = await visit(fileUrl(path), { colorScheme })
        expect(await v.page.evaluate(lowContrastText), `${path} (${colorScheme})`).toEqual([])
        await v.page.close()
      })
    }
  })

  inBrowser('saves screenshots of the overview to artifacts/', async () => {
    await mkdir(artifacts, { recursive: true })
    const desktop = await visit(fileUrl('index.html'))
    await desktop.page.screenshot({ path: join(artifacts, 'report-overview.png'), fullPage: true })
    await desktop.page.close()
    const phone = await visit(fileUrl('index.html'), { width: 375 })
    await phone.page.screenshot({ path: join(artifacts, 'report-overview-375.png'), fullPage: true })
    await phone.page.close()
    expect(existsSync(join(artifacts, 'report-overview.png'))).toBe(true)
  })
})

/**
 * Runs in the page: every element with its own text whose colour against the background behind it falls short of
 * WCAG AA. SVG text is judged by its fill. Backgrounds are the nearest opaque ones up the tree, blended.
 */
function lowContrastText(): string[] {
  const parse = (c: string): [number, number, number, number] => {
    const m = /rgba?\(([^)]+)\)/.exec(c)
    if (!m) return [0, 0, 0, 0]
    const parts = m[1]!.split(/[\s,/]+/).filter(Boolean).map(Number)
    return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1]
  }
  const blend = (top: number[], bottom: number[]): [number, number, number, number] => {
    const a = top[3]!
    return [top[0]! * a + bottom[0]! * (1 - a), top[1]! * a + bottom[1]! * (1 - a), top[2]! * a + bottom[2]! * (1 - a), 1]
  }
  const luminance = (c: number[]): number => {
    const [r, g, b] = c.slice(0, 3).map((v) => {
      const s = v / 255
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
    })
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
  }
  const background = (el: DomElement | null): [number, number, number, number] => {
    const layers: [number, number, number, number][] = []
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor)
      if (c[3] > 0) layers.push(c)
      if (c[3] >= 1) break
    }
    // The page paints its own background on <body>; white stands in only if nothing does.
    let out: [number, number, number, number] = [255, 255, 255, 1]
    for (const layer of layers.reverse()) out = blend(layer, out)
    return out
  }
  const failures: string[] = []
  for (const el of document.querySelectorAll('body *')) {
    // Tooltips and text alternatives of charts are not drawn.
    if (el.closest('title, desc')) continue
    const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '')
    if (!own) continue
    const style = getComputedStyle(el)
    if (style.visibility === 'hidden' || style.display === 'none' || el.closest('.sr-only, .skip')) continue
    const isSvg = el instanceof SVGElement
    const fg = parse(isSvg ? style.fill : style.color)
    const bg = background(el)
    const color = blend(fg, bg)
    const [l1, l2] = [luminance(color), luminance(bg)].sort((a, b) => b - a) as [number, number]
    const ratio = (l1 + 0.05) / (l2 + 0.05)
    const size = parseFloat(style.fontSize)
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700)
    if (ratio < (large ? 3 : 4.5)) failures.push(`${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} "${(el.textContent ?? '').trim().slice(0, 30)}" ${ratio.toFixed(2)}`)
  }
  return failures
}
