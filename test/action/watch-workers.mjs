// Loaded with `node --import` into the Action's process: says on stderr when it starts a worker thread, so a test can
// tell that the one-file bundle started itself as the Markdown parser's worker.
import process from 'node:process'

process.on('worker', () => process.stderr.write('gitsm test: worker started\n'))
