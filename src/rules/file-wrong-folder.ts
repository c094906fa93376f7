import { kindFolder, type Config } from '../model/config.js'
import { kindFormats, kinds, type Kind } from '../model/kinds.js'
import { defineRule } from '../model/rule.js'

const extensions = { yaml: ['.yaml', '.yml'], markdown: ['.md'] } as const

export const fileWrongFolder = defineRule({
  id: 'file/wrong-folder',
  description: "A record lives under its kind's folder and has an extension its kind allows",
  check(ctx) {
    for (const record of ctx.records) {
      const home = folderOf(ctx.config, record.kind)
      const owners = owningKinds(ctx.config, record.file)
      if (!owners.includes(record.kind)) {
        const where = owners.length > 0 ? `, which holds ${owners.join(' and ')} records` : ''
        ctx.report({
          record,
          path: ['kind'],
          message: `This ${record.kind} is in ${parentFolder(record.file)}${where}. Move it under ${home === '' ? 'the repository root' : `${home}/`}.`,
        })
      }
      const allowed = kindFormats[record.kind].flatMap((format) => extensions[format])
      if (!allowed.some((extension) => record.file.endsWith(extension))) {
        ctx.report({
          record,
          path: ['kind'],
          message: `${record.kind} files end in ${allowed.join(' or ')}. Rename this file to use one of them.`,
        })
      }
    }
  },
})

/** The kinds whose folder holds the file: the deepest matching folder wins (changes/standard/ over changes/). */
function owningKinds(config: Config, file: string): Kind[] {
  const inside = (folder: string): boolean => folder === '' || file.startsWith(`${folder}/`)
  const matches = kinds.filter((kind) => inside(folderOf(config, kind)))
  const deepest = Math.max(-1, ...matches.map((kind) => folderOf(config, kind).length))
  return matches.filter((kind) => folderOf(config, kind).length === deepest)
}

function folderOf(config: Config, kind: Kind): string {
  return kindFolder(config, kind).replace(/^\.?\/+/, '').replace(/\/+$/, '')
}

function parentFolder(file: string): string {
  const slash = file.lastIndexOf('/')
  return slash < 0 ? 'the repository root' : `${file.slice(0, slash)}/`
}
