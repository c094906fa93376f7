/** Names and phrases the generator draws from, so that records read like a real organisation's. */

export const organization = 'acme'

/** Shared platform services, in dependency order (each may depend only on those before it). */
export const infrastructure: readonly { id: string; title: string; team: string; tech: string }[] = [
  { id: 'dns', title: 'Internal DNS', team: 'network', tech: 'CoreDNS' },
  { id: 'load-balancer', title: 'Edge load balancers', team: 'network', tech: 'HAProxy' },
  { id: 'k8s-platform', title: 'Kubernetes platform', team: 'platform', tech: 'Kubernetes' },
  { id: 'object-storage', title: 'Object storage', team: 'platform', tech: 'Ceph' },
  { id: 'postgres-main', title: 'Main PostgreSQL cluster', team: 'dba', tech: 'PostgreSQL' },
  { id: 'kafka-main', title: 'Main Kafka cluster', team: 'platform', tech: 'Kafka' },
  { id: 'redis-main', title: 'Shared Redis', team: 'platform', tech: 'Redis' },
  { id: 'vault', title: 'Secrets vault', team: 'security', tech: 'Vault' },
  { id: 'ldap', title: 'Corporate directory', team: 'security', tech: 'OpenLDAP' },
  { id: 'auth', title: 'Authentication service', team: 'security', tech: 'Keycloak' },
  { id: 'api-gateway', title: 'Public API gateway', team: 'platform', tech: 'Envoy' },
  { id: 'observability', title: 'Metrics and logging', team: 'sre', tech: 'Prometheus' },
  { id: 'elasticsearch-main', title: 'Main Elasticsearch cluster', team: 'platform', tech: 'Elasticsearch' },
  { id: 'ci-runners', title: 'CI runners', team: 'platform', tech: 'GitHub Actions' },
  { id: 'artifact-registry', title: 'Artifact registry', team: 'platform', tech: 'Harbor' },
  { id: 'smtp-relay', title: 'Outbound mail relay', team: 'network', tech: 'Postfix' },
  { id: 'cdn-edge', title: 'CDN edge', team: 'network', tech: 'Varnish' },
  { id: 'feature-flags', title: 'Feature flag service', team: 'platform', tech: 'Unleash' },
  { id: 'postgres-analytics', title: 'Analytics PostgreSQL cluster', team: 'dba', tech: 'PostgreSQL' },
  { id: 'vpn', title: 'Corporate VPN', team: 'network', tech: 'WireGuard' },
]

export const domains: readonly string[] = [
  'payments', 'checkout', 'cart', 'catalog', 'search', 'pricing', 'inventory', 'orders', 'shipping', 'returns',
  'billing', 'invoicing', 'ledger', 'accounts', 'identity', 'profile', 'notifications', 'email', 'sms', 'push',
  'messaging', 'support', 'crm', 'marketing', 'campaigns', 'loyalty', 'rewards', 'recommendations', 'analytics',
  'reporting', 'data-lake', 'fraud', 'risk', 'kyc', 'compliance', 'audit', 'treasury', 'fx', 'payouts', 'merchant',
  'partner', 'onboarding', 'documents', 'media', 'images', 'video', 'storefront', 'mobile', 'backoffice',
  'warehouse', 'logistics', 'fleet', 'routing', 'maps', 'tax', 'subscriptions', 'entitlements', 'licensing',
  'scheduler', 'workflow', 'forms', 'surveys', 'reviews', 'content', 'cms', 'translation', 'hr', 'payroll',
  'expenses', 'procurement', 'finance', 'contracts', 'claims', 'quotes', 'policies', 'underwriting', 'lending',
  'cards', 'wallet', 'rewards-engine', 'gift-cards', 'vouchers', 'affiliates', 'ads', 'seo', 'sitemap', 'feeds',
  'imports', 'exports', 'webhooks', 'integrations', 'sso-bridge', 'consent', 'privacy', 'archive', 'backup',
  'status-page', 'chatbot', 'voice', 'telephony', 'booking', 'calendar', 'events', 'tickets', 'venues',
]

/** Components of a domain, in dependency order. */
export const components: readonly { suffix: string; title: string; p: number }[] = [
  { suffix: 'db', title: 'database', p: 0.7 },
  { suffix: 'cache', title: 'cache', p: 0.25 },
  { suffix: 'api', title: 'API', p: 1 },
  { suffix: 'worker', title: 'worker', p: 0.55 },
  { suffix: 'consumer', title: 'event consumer', p: 0.3 },
  { suffix: 'scheduler', title: 'scheduler', p: 0.2 },
  { suffix: 'gateway', title: 'gateway', p: 0.15 },
  { suffix: 'ui', title: 'web UI', p: 0.4 },
  { suffix: 'admin', title: 'admin console', p: 0.2 },
  { suffix: 'etl', title: 'ETL jobs', p: 0.15 },
]

export const firstNames: readonly string[] = [
  'alice', 'bob', 'carol', 'dana', 'erik', 'fatima', 'gustav', 'hana', 'ivan', 'jonas', 'kemal', 'lena', 'mira',
  'nils', 'olga', 'pavel', 'quentin', 'rosa', 'sven', 'tariq', 'ursula', 'vera', 'wen', 'xavier', 'yusuf', 'zoe',
  'amir', 'birgit', 'chen', 'dirk', 'elif', 'felix', 'greta', 'hugo', 'ines', 'jana', 'karl', 'lars', 'maja',
  'nora', 'omar', 'petra', 'rafael', 'sofia', 'timo', 'uwe', 'valentin', 'wiebke', 'yara', 'zeynep',
]

export const customers: readonly string[] = [
  'Retail Banking', 'Online Shop', 'Marketplace Sellers', 'Enterprise Customers', 'Mobile App Users',
  'Partner Network', 'Wholesale', 'Customer Care', 'Finance Department', 'Logistics Partners',
]

export const vendors: readonly string[] = ['CloudCo Hosting', 'CardNet Processing', 'MailFast', 'GeoData Inc', 'Telco One']

export const tags: readonly string[] = [
  'postgres', 'kafka', 'redis', 'kubernetes', 'tls', 'dns', 'networking', 'latency', 'memory', 'cpu', 'disk',
  'deploy', 'rollback', 'certificates', 'backups', 'monitoring', 'alerts', 'queues', 'cache', 'auth', 'oncall',
  'security', 'capacity', 'migrations', 'jobs', 'api', 'frontend', 'mobile', 'billing', 'data',
]

export const changeActions: readonly ((svc: string, tech: string) => string)[] = [
  (s, t) => `Upgrade ${s} to ${t} ${1 + (s.length % 9)}.${s.length % 7}`,
  (s) => `Rotate TLS certificate for ${s}`,
  (s) => `Scale ${s} node pool`,
  (s) => `Apply OS security patches on ${s} hosts`,
  (s) => `Enable connection pooling for ${s}`,
  (s) => `Migrate ${s} to the new network segment`,
  (s) => `Increase ${s} memory limits`,
  (s) => `Deploy ${s} release with new retry policy`,
  (s) => `Rotate database credentials of ${s}`,
  (s) => `Add read replica for ${s}`,
  (s) => `Reindex ${s} search data`,
  (s) => `Change ${s} log retention to 30 days`,
  (s) => `Move ${s} batch jobs to the night window`,
  (s) => `Replace ${s} load balancer health check`,
  (s) => `Update ${s} firewall rules`,
  (s) => `Switch ${s} to the new object storage bucket`,
  (s) => `Tune ${s} garbage collector settings`,
  (s) => `Decommission old ${s} instances`,
]

export const incidentSymptoms: readonly ((svc: string) => string)[] = [
  (s) => `${s} returning 5xx errors`,
  (s) => `Elevated latency on ${s}`,
  (s) => `${s} unavailable for some users`,
  (s) => `${s} jobs stuck in the queue`,
  (s) => `Login failures on ${s}`,
  (s) => `${s} out of disk space`,
  (s) => `Memory leak in ${s} pods`,
  (s) => `${s} consumer lag growing`,
  (s) => `Certificate expired on ${s}`,
  (s) => `${s} replication delay`,
  (s) => `Timeouts between ${s} and its database`,
  (s) => `${s} pods crash looping`,
  (s) => `Wrong totals shown by ${s}`,
  (s) => `${s} dropping webhook deliveries`,
  (s) => `Slow page loads from ${s}`,
]

export const rootCauses: readonly string[] = [
  'A connection pool sized for the old traffic level ran out of connections during the evening peak.',
  'A configuration change set the request timeout lower than the upstream service needs under load.',
  'A certificate renewal job failed silently, so the certificate expired in production.',
  'A slow query without an index blocked the table while a batch job held long transactions.',
  'A new release leaked memory in the HTTP client, so pods were killed by the out-of-memory handler.',
  'The disk filled with debug logs after log rotation was switched off during an earlier investigation.',
  'A network partition between two availability zones split the cluster and stalled replication.',
  'A retry storm from clients without backoff overloaded the service after a short outage.',
  'A dependency upgrade changed the default serialisation format of dates in responses.',
  'A cron job ran twice after a daylight-saving change and processed the same batch twice.',
]

export const articleTopics: Readonly<Record<string, readonly ((svc: string) => string)[]>> = {
  known_error: [
    (s) => `${s} times out under peak load`,
    (s) => `${s} rejects requests after certificate rotation`,
    (s) => `Duplicate messages processed by ${s}`,
    (s) => `${s} reports stale data after failover`,
  ],
  troubleshooting: [
    (s) => `Troubleshoot slow responses from ${s}`,
    (s) => `Troubleshoot ${s} pods that crash on start`,
    (s) => `Troubleshoot authentication errors in ${s}`,
    (s) => `Troubleshoot growing queue lag in ${s}`,
  ],
  runbook: [
    (s) => `Restart ${s} safely`,
    (s) => `Fail over ${s} to the standby site`,
    (s) => `Drain and replace a ${s} node`,
    (s) => `Restore ${s} from backup`,
  ],
  how_to: [
    (s) => `Add a new tenant to ${s}`,
    (s) => `Rotate the credentials of ${s}`,
    (s) => `Change the log level of ${s}`,
    (s) => `Request access to ${s}`,
  ],
  faq: [(s) => `Frequently asked questions about ${s}`, (s) => `${s} questions from new team members`],
  reference: [(s) => `${s} configuration reference`, (s) => `${s} ports and endpoints`],
}

export const standardModels: readonly { id: string; title: string }[] = [
  { id: 'rotate-tls-cert', title: 'Rotate a TLS certificate' },
  { id: 'restart-pods', title: 'Rolling restart of pods' },
  { id: 'scale-node-pool', title: 'Scale a Kubernetes node pool' },
  { id: 'rotate-db-credentials', title: 'Rotate database credentials' },
  { id: 'apply-os-patches', title: 'Apply monthly OS patches' },
  { id: 'update-dns-record', title: 'Update a DNS record' },
  { id: 'add-firewall-rule', title: 'Add a firewall rule' },
  { id: 'renew-domain', title: 'Renew a domain registration' },
  { id: 'toggle-feature-flag', title: 'Toggle a feature flag' },
  { id: 'deploy-config-change', title: 'Deploy a reviewed configuration change' },
  { id: 'add-read-replica', title: 'Add a database read replica' },
  { id: 'resize-volume', title: 'Resize a persistent volume' },
  { id: 'update-base-image', title: 'Update a container base image' },
  { id: 'rotate-api-keys', title: 'Rotate partner API keys' },
  { id: 'add-cron-job', title: 'Add a scheduled job' },
  { id: 'change-log-level', title: 'Change a log level' },
  { id: 'add-alert-rule', title: 'Add an alerting rule' },
  { id: 'increase-quota', title: 'Increase a resource quota' },
  { id: 'reindex-search', title: 'Reindex a search index' },
  { id: 'vacuum-database', title: 'Run a manual database vacuum' },
  { id: 'rotate-ssh-keys', title: 'Rotate SSH host keys' },
  { id: 'update-cdn-rules', title: 'Update CDN cache rules' },
  { id: 'replace-node', title: 'Replace a failed node' },
  { id: 'archive-logs', title: 'Archive old logs' },
  { id: 'update-runner-image', title: 'Update the CI runner image' },
  { id: 'add-kafka-partitions', title: 'Add Kafka partitions' },
  { id: 'flush-cache', title: 'Flush an application cache' },
  { id: 'update-robots-txt', title: 'Update robots.txt' },
  { id: 'add-sso-client', title: 'Register an SSO client' },
  { id: 'renew-vendor-token', title: 'Renew a vendor access token' },
]

/** Lowercase words joined by hyphens, at most `max` characters, for file names. */
export function slugify(text: string, max = 40): string {
  const slug = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (slug.length <= max) return slug
  return slug.slice(0, max).replace(/-[^-]*$/, '')
}

const acronyms = new Set(['fx', 'kyc', 'sms', 'hr', 'cms', 'crm', 'seo', 'sso', 'etl', 'api', 'ui', 'cdn', 'dns', 'ci', 'k8s'])

export function titleCase(slug: string): string {
  return slug
    .split('-')
    .map((w) => (acronyms.has(w) ? w.toUpperCase() : (w[0] ?? '').toUpperCase() + w.slice(1)))
    .join(' ')
}
