/**
 * `npm run bench`: generates (or reuses) realistic ITSM repositories and measures, each in fresh processes, the
 * floor (reading and parsing every file once), `gitsm validate` cold on the whole repository, `gitsm validate
 * --changed-since` for a 100-file pull request, and the peer chain (ajv-cli + markdownlint-cli2). Prints a table
 * with ratios to the floor and the peer chain, checks the two goals, and writes bench/out/results.json.
 *
 *   npm run bench -- --sizes 2000,20000 --runs 3 --warmup 0 --seed 1 [--phases floor,validate,changed,peer] [--profile]
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { median, rssSource, runOnce, type Sample } from './phases/measure.js'
import { peerSteps } from './phases/peer.js'
import { timeByPackage, topFunctions } from './phases/profile.js'
import { prepareRepository, type PreparedRepository } from './prepare.js'

const projectRoot = dirname(dirname(fileURLToPath(import.meta.url)))
const outDir = join(projectRoot, 'bench', 'out')
const gitsm = join(projectRoot, 'bin', 'gitsm.js')
const phaseNames = ['floor', 'validate', 'changed', 'peer', 'report'] as const
type Phase = (typeof phaseNames)[number]
const labels: Record<Phase, string> = {
  floor: 'floor: read + parse every file',
  validate: 'gitsm validate (cold, whole repo)',
  changed: 'gitsm validate --changed-since (PR)',
  peer: 'peer chain: ajv-cli + markdownlint-cli2',
  report: 'gitsm report (all formats, quarter)',
}
const prGoalMs = 1500

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '2000,20000' },
    runs: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
    phases: { type: 'string', default: phaseNames.join(',') },
    profile: { type: 'boolean', default: false },
  },
})
const sizes = String(values.sizes).split(',').map(Number).filter((n) => Number.isInteger(n) && n >= 50)
const runs = Math.max(1, Number(values.runs))
const warmup = Math.max(0, Number(values.warmup))
const seed = Number(values.seed)
const phases = String(values.phases).split(',').filter((p): p is Phase => (phaseNames as readonly string[]).includes(p))
const log = (line: string): void => void process.stderr.write(`${line}\n`)

interface PhaseResult {
  medianMs: number
  minMs: number
  samplesMs: number[]
  /** Median CPU time (user + system, all threads). */
  cpuMs: number | undefined
  peakRssKb: number | undefined
  exitCode: number
  steps?: { name: string; medianMs: number; cpuMs: number | undefined; peakRssKb: number | undefined; exitCode: number }[]
}

interface GitsmSummary {
  files: number
  records: number
  errors: number
  warnings: number
  firstDiagnostics: unknown[]
}

interface SizeResult {
  files: number
  repository: Omit<PreparedRepository, 'dir' | 'prDir' | 'generated' | 'generateMs'> & { dir: string; prDir: string }
  phases: Partial<Record<Phase, PhaseResult>>
  validate?: GitsmSummary
  changed?: GitsmSummary
  peerFindings?: { ajvInvalidFiles: number; markdownlintErrors: number }
  ratios: Record<string, number | null>
  goals: { fullValidationWithinPeerChain: boolean | null; prCheckUnderMs: boolean | null }
  profile?: unknown
}

function summarize(sample: Sample | undefined): GitsmSummary | undefined {
  if (!sample) return undefined
  try {
    const json = JSON.parse(sample.stdout) as { files: number; records: number; errors: number; warnings: number; diagnostics: unknown[] }
    return { files: json.files, records: json.records, errors: json.errors, warnings: json.warnings, firstDiagnostics: json.diagnostics.slice(0, 20) }
  } catch {
    log(`gitsm did not print JSON (exit ${sample.code}): ${sample.stderr.slice(0, 2000)}`)
    return undefined
  }
}

const pad = (text: string, width: number, right = false): string => (right ? text.padStart(width) : text.padEnd(width))
const fmtMs = (ms: number | undefined): string => (ms === undefined ? '-' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`)
const fmtRatio = (r: number | null | undefined): string => (r === null || r === undefined ? '' : `${r.toFixed(2)}x`)
const fmtRss = (kb: number | undefined): string => (kb === undefined ? '-' : `${Math.round(kb / 1024)} MB`)

/** Reads every file below `dir` once, so that no phase pays for the disk and all compete on equal terms. */
function warmPageCache(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) warmPageCache(path)
    else if (entry.isFile()) readFileSync(path)
  }
}

async function measureSize(files: number): Promise<SizeResult> {
  const repo = await prepareRepository(outDir, files, seed, log)
  warmPageCache(repo.dir)
  warmPageCache(repo.prDir)
  const now = repo.now
  const commands: Record<Exclude<Phase, 'peer'>, { args: string[]; cwd: string }> = {
    floor: { args: [join(projectRoot, 'bench', 'phases', 'floor.mjs'), repo.dir], cwd: repo.dir },
    validate: { args: [gitsm, 'validate', repo.dir, '--format', 'json', '--now', now], cwd: repo.dir },
    changed: { args: [gitsm, 'validate', repo.prDir, '--changed-since', repo.base, '--format', 'json', '--now', now], cwd: repo.prDir },
    // The default period (the quarter holding now), every format, into a folder replaced on each run.
    report: { args: [gitsm, 'report', repo.dir, '--out', join(outDir, `report-${files}`), '--now', now], cwd: repo.dir },
  }
  const steps = peerSteps(projectRoot, repo.dir)
  const samples: Record<Phase, Sample[]> = { floor: [], validate: [], changed: [], peer: [], report: [] }
  const stepSamples = new Map<string, Sample[]>()
  log(`measuring ${files} files: ${warmup} warm-up + ${runs} runs of ${phases.join(', ')}`)
  for (let run = 0; run < warmup + runs; run++) {
    const keep = run >= warmup
    for (const phase of phases) {
      if (phase === 'peer') {
        let ms = 0
        let cpuMs: number | undefined
        let rssKb: number | undefined
        let code = 0
        for (const step of steps) {
          const s = await runOnce(step.command, step.args, repo.dir)
          ms += s.ms
          cpuMs = s.cpuMs === undefined ? undefined : (cpuMs ?? 0) + s.cpuMs
          rssKb = Math.max(rssKb ?? 0, s.rssKb ?? 0) || undefined
          code = Math.max(code, s.code)
          if (keep) stepSamples.set(step.name, [...(stepSamples.get(step.name) ?? []), s])
        }
        if (keep) samples.peer.push({ ms, cpuMs, rssKb, code, stdout: '', stderr: '' })
      } else {
        if (phase !== 'floor' && !existsSync(join(projectRoot, 'lib', 'src', 'cli', 'main.js'))) continue
        const s = await runOnce(process.execPath, commands[phase].args, commands[phase].cwd)
        if (phase === 'floor' && s.rssKb === undefined) s.rssKb = (JSON.parse(s.stdout) as { maxRssKb: number }).maxRssKb
        if (keep) samples[phase].push(s)
      }
      log(`  run ${run + 1}${keep ? '' : ' (warm-up)'} ${phase}: ${fmtMs(keep ? samples[phase][samples[phase].length - 1]?.ms : undefined)}`)
    }
  }

  const result: SizeResult = {
    files,
    repository: { ...repo, dir: relative(projectRoot, repo.dir), prDir: relative(projectRoot, repo.prDir) },
    phases: {},
    ratios: {},
    goals: { fullValidationWithinPeerChain: null, prCheckUnderMs: null },
  }
  for (const phase of phases) {
    const list = samples[phase]
    if (list.length === 0) continue
    const ms = list.map((s) => s.ms)
    const rss = list.map((s) => s.rssKb).filter((v): v is number => v !== undefined)
    const cpu = list.map((s) => s.cpuMs).filter((v): v is number => v !== undefined)
    const entry: PhaseResult = { medianMs: median(ms), minMs: Math.min(...ms), samplesMs: ms.map(Math.round), cpuMs: cpu.length > 0 ? median(cpu) : undefined, peakRssKb: rss.length > 0 ? Math.max(...rss) : undefined, exitCode: Math.max(...list.map((s) => s.code)) }
    if (phase === 'peer') {
      entry.steps = steps.map((step) => {
        const s = stepSamples.get(step.name) ?? []
        const r = s.map((x) => x.rssKb).filter((v): v is number => v !== undefined)
        const c = s.map((x) => x.cpuMs).filter((v): v is number => v !== undefined)
        return { name: step.name, medianMs: median(s.map((x) => x.ms)), cpuMs: c.length > 0 ? median(c) : undefined, peakRssKb: r.length > 0 ? Math.max(...r) : undefined, exitCode: Math.max(...s.map((x) => x.code)) }
      })
    }
    result.phases[phase] = entry
  }
  result.validate = summarize(samples.validate[0])
  result.changed = summarize(samples.changed[0])
  // A run that printed no report crashed: its time means nothing, so it takes no part in ratios or goals.
  if (result.phases.validate && !result.validate) delete result.phases.validate
  if (result.phases.changed && !result.changed) delete result.phases.changed
  const lastPeer = steps.map((step) => stepSamples.get(step.name)?.[0])
  if (lastPeer.every(Boolean)) {
    result.peerFindings = {
      ajvInvalidFiles: lastPeer.reduce((n, s) => n + (s?.stderr.match(/ invalid$/gm)?.length ?? 0), 0),
      markdownlintErrors: Number(/Summary: (\d+) error/.exec(lastPeer[lastPeer.length - 1]?.stdout ?? '')?.[1] ?? /Summary: (\d+) error/.exec(lastPeer[lastPeer.length - 1]?.stderr ?? '')?.[1] ?? 0),
    }
  }
  const p = result.phases
  const ratio = (a?: PhaseResult, b?: PhaseResult): number | null => (a && b ? a.medianMs / b.medianMs : null)
  result.ratios = {
    validateToFloor: ratio(p.validate, p.floor),
    changedToFloor: ratio(p.changed, p.floor),
    peerToFloor: ratio(p.peer, p.floor),
    validateToPeer: ratio(p.validate, p.peer),
    changedToPeer: ratio(p.changed, p.peer),
    reportToFloor: ratio(p.report, p.floor),
    reportToValidate: ratio(p.report, p.validate),
  }
  result.goals = {
    fullValidationWithinPeerChain: p.validate && p.peer ? p.validate.medianMs <= p.peer.medianMs : null,
    prCheckUnderMs: p.changed ? p.changed.medianMs < prGoalMs : null,
  }
  if (values.profile && p.validate) result.profile = await profileValidate(repo, commands.validate.args, commands.changed.args)
  return result
}

interface ProfileReport {
  phase: string
  totalMs: number
  byPackage: { name: string; selfMs: number }[]
  functions: ReturnType<typeof topFunctions>['functions']
}

/** Runs the cold validation (and the PR check) once more under --cpu-prof and names where the time goes. */
function profileValidate(repo: PreparedRepository, validateArgs: string[], changedArgs: string[]): Promise<ProfileReport[]> {
  const run = async (phase: string, args: string[], cwd: string): Promise<ProfileReport[]> => {
    const dir = join(outDir, 'profiles', `${repo.files}-${phase}`)
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir, { recursive: true })
    await runOnce(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, ...args], cwd)
    return readdirSync(dir)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => {
        const file = join(dir, f)
        const top = topFunctions(file, 12, `${projectRoot}/`)
        // Node names profiles CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile; thread 0 is the main thread.
        const thread = Number(/\.(\d+)\.\d+\.cpuprofile$/.exec(f)?.[1] ?? 0)
        return { phase: `${phase}, ${thread === 0 ? 'main thread' : `worker thread ${thread}`}`, totalMs: top.totalMs, byPackage: timeByPackage(file, `${projectRoot}/`).slice(0, 8), functions: top.functions }
      })
  }
  return (async () => [...(await run('validate', validateArgs, repo.dir)), ...(await run('changed', changedArgs, repo.prDir))])()
}

function printSize(r: SizeResult): void {
  const c = r.repository.counts
  console.log('')
  console.log(`## ${r.files.toLocaleString('en')} files: ${c.services} services, ${c.slas} SLAs, ${c.models} standard changes, ${c.changes} changes, ${c.incidents} incidents, ${c.problems} problems, ${c.articles} articles; ${r.repository.commits} commits; PR of ${r.repository.prChanged} files`)
  console.log('')
  const header = [pad('phase', 42), pad('median', 9, true), pad('min', 9, true), pad('x floor', 8, true), pad('x peer', 8, true), pad('CPU', 9, true), pad('peak RSS', 9, true), pad('exit', 5, true)]
  console.log(header.join('  '))
  console.log(header.map((h) => '-'.repeat(h.length)).join('  '))
  for (const phase of phaseNames) {
    const e = r.phases[phase]
    if (!e) continue
    const toFloor = phase === 'floor' ? 1 : phase === 'validate' ? r.ratios.validateToFloor : phase === 'changed' ? r.ratios.changedToFloor : phase === 'report' ? r.ratios.reportToFloor : r.ratios.peerToFloor
    const toPeer = phase === 'validate' ? r.ratios.validateToPeer : phase === 'changed' ? r.ratios.changedToPeer : phase === 'peer' ? 1 : null
    console.log([pad(labels[phase], 42), pad(fmtMs(e.medianMs), 9, true), pad(fmtMs(e.minMs), 9, true), pad(fmtRatio(toFloor), 8, true), pad(fmtRatio(toPeer), 8, true), pad(fmtMs(e.cpuMs), 9, true), pad(fmtRss(e.peakRssKb), 9, true), pad(String(e.exitCode), 5, true)].join('  '))
    for (const step of e.steps ?? []) {
      console.log([pad(`  ${step.name}`, 42), pad(fmtMs(step.medianMs), 9, true), pad('', 9), pad('', 8), pad('', 8), pad(fmtMs(step.cpuMs), 9, true), pad(fmtRss(step.peakRssKb), 9, true), pad(String(step.exitCode), 5, true)].join('  '))
    }
  }
  console.log('')
  for (const [name, s] of [['gitsm validate', r.validate], ['gitsm validate --changed-since', r.changed]] as const) {
    if (s) console.log(`${name}: ${s.files} files checked, ${s.records} records, ${s.errors} errors, ${s.warnings} warnings`)
    if (s && s.errors + s.warnings > 0) for (const d of s.firstDiagnostics.slice(0, 10)) console.log(`  ${JSON.stringify(d)}`)
  }
  if (r.peerFindings) console.log(`peer chain: ${r.peerFindings.ajvInvalidFiles} files invalid for ajv-cli, ${r.peerFindings.markdownlintErrors} markdownlint errors`)
  const g = r.goals
  const verdict = (v: boolean | null): string => (v === null ? 'n/a' : v ? 'PASS' : 'FAIL')
  console.log(`goal: full cold validation <= peer chain: ${verdict(g.fullValidationWithinPeerChain)} (${fmtMs(r.phases.validate?.medianMs)} vs ${fmtMs(r.phases.peer?.medianMs)})`)
  console.log(`goal: ${r.repository.prChanged}-file PR check < ${prGoalMs} ms: ${verdict(g.prCheckUnderMs)} (${fmtMs(r.phases.changed?.medianMs)})`)
  for (const report of (r.profile as ProfileReport[] | undefined) ?? []) {
    console.log('')
    console.log(`profile of ${report.phase}: ${fmtMs(report.totalMs)} sampled`)
    console.log(`  by package: ${report.byPackage.map((p) => `${p.name} ${fmtMs(p.selfMs)}`).join(', ')}`)
    for (const f of report.functions) console.log(`  ${pad(fmtMs(f.selfMs), 9, true)} ${pad(`${(f.share * 100).toFixed(1)}%`, 6, true)}  ${f.name}  ${f.location}`)
  }
}

mkdirSync(outDir, { recursive: true })
const cpu = cpus()
console.log(`# gitsm benchmark: ${cpu.length} x ${cpu[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; median of ${runs} runs (${warmup} warm-up), each a fresh process, files in the page cache; wall time, CPU (user + system, all threads) and peak RSS from ${rssSource}`)
console.log('# peer chain: ajv-cli 5 (--spec=draft2020 --all-errors, formats and YAML 1.2 core via bench/phases/ajv-setup.cjs) per kind over the YAML files, then markdownlint-cli2 over the Markdown records (front matter is not schema-checked by this chain)')
const results: SizeResult[] = []
for (const files of sizes) {
  const r = await measureSize(files)
  results.push(r)
  printSize(r)
}
writeFileSync(join(outDir, 'results.json'), `${JSON.stringify({ version: 1, date: new Date().toISOString(), machine: { cpus: cpu.length, model: cpu[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version }, runs, warmup, seed, rss: rssSource, sizes: results }, null, 2)}\n`)
console.log('')
console.log(`results written to ${relative(projectRoot, join(outDir, 'results.json'))}`)
if (results.some((r) => (r.validate?.errors ?? 0) > 0 || (r.changed?.errors ?? 0) > 0)) process.exitCode = 1
