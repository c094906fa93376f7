import { writeFileSync } from 'node:fs'
import { formatRulesDoc } from '../src/format/rules-doc.js'
import { ruleRegistry } from '../src/rules/index.js'

writeFileSync(new URL('../docs/rules.md', import.meta.url), formatRulesDoc(ruleRegistry))
