// What every gitsm bundle shares: ESM for Node 20, and a require() for the CommonJS dependencies (ajv).
export const nodeBundle = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  splitting: false,
  sourcemap: false,
  logLevel: 'warning',
  banner: { js: "import { createRequire as __gitsmCreateRequire } from 'node:module'; const require = __gitsmCreateRequire(import.meta.url);" },
}
