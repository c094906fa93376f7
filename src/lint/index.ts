export { classifyRecord, folderKind } from './classify.js'
export { lintRecords, type LintInput, type LintOutput } from './engine.js'
export { buildRecordIndex, normalizeId, type ListedRecord } from './record-index.js'
