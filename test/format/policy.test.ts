import { describe, expect, it } from 'vitest'
import { escape } from '../../src/format/policy.js'

describe('escape (Markdown for PR comments)', () => {
  it('keeps mentions, HTML, links and table cells inert', () => {
    const out = escape('@acme/cab <script>alert(1)</script> [x](javascript:alert(1)) a|b\n## heading')
    expect(out).not.toMatch(/(^|[^\\])[<>[\]()|]/)
    expect(out).not.toContain('@acme')
    expect(out).not.toContain('\n')
    expect(out).toContain('@\u200bacme/cab')
  })
})
