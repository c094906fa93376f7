// Loaded by ajv-cli with `-c`, so that the peer chain checks the same thing gitsm checks:
// 1. ajv-cli reads YAML with js-yaml 3's default schema (YAML 1.1 types), which turns `2026-12-03T22:00:00+01:00`
//    and `2026-03-01` into Date objects that a `type: string` schema rejects. FORMAT.md says records are YAML 1.2
//    core, so switch ajv-cli's loader to js-yaml's CORE_SCHEMA (no timestamp type).
// 2. The schemas use gitsm's own string formats; register them with the same strictness (real instants, offsets).
/* global require, module, URL */
/* eslint-disable @typescript-eslint/no-require-imports -- ajv-cli loads this file with require() */
'use strict'

const cliRequire = require('node:module').createRequire(require.resolve('ajv-cli/package.json'))
const jsYaml = cliRequire('js-yaml')
const safeLoad = jsYaml.safeLoad
jsYaml.safeLoad = (text, options) => safeLoad(text, { ...options, schema: jsYaml.CORE_SCHEMA })

const timestamp = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.\d{1,9})?(?:Z|[+-](\d\d):(\d\d))$/i
const date = /^(\d{4})-(\d\d)-(\d\d)$/

function realDate(y, m, d) {
  const t = new Date(Date.UTC(y, m - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d
}

const formats = {
  timestamp: (v) => {
    const m = timestamp.exec(v)
    if (!m) return false
    const [, y, mo, d, h, mi, s, oh, om] = m.map((x) => (x === undefined ? 0 : Number(x)))
    return realDate(y, mo, d) && h < 24 && mi < 60 && s < 60 && oh < 24 && om < 60
  },
  date: (v) => {
    const m = date.exec(v)
    return m !== null && realDate(Number(m[1]), Number(m[2]), Number(m[3]))
  },
  duration: /^[1-9][0-9]{0,5}[mhdw]$/,
  'clock-time': /^(?:[01]\d|2[0-3]):[0-5]\d$/,
  'time-zone': (v) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: v })
      return true
    } catch {
      return false
    }
  },
  url: (v) => {
    if (v.length > 2048 || /\s/.test(v)) return false
    try {
      const u = new URL(v)
      return (u.protocol === 'http:' || u.protocol === 'https:') ? u.hostname.length > 0 : u.protocol === 'mailto:'
    } catch {
      return false
    }
  },
}

module.exports = (ajv) => {
  for (const [name, format] of Object.entries(formats)) ajv.addFormat(name, format)
  return ajv
}
