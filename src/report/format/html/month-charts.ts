import type { ReportData } from '../../build.js'
import { barChart } from './charts.js'

/** Changes per month, stacked by type: standard, normal, emergency. */
export function changeMonthChart(report: ReportData, id: string): string {
  const months = report.changes.by_month
  // A change of no known type still counts in the month's total.
  const other = months.map((m) => Math.max(0, m.total - m.standard - m.normal - m.emergency))
  const hasOther = other.some((n) => n > 0)
  return barChart({
    id,
    title: 'Changes per month by type',
    categories: months.map((m) => m.month),
    series: [
      { label: 'standard', cls: 'f-standard' },
      { label: 'normal', cls: 'f-normal' },
      { label: 'emergency', cls: 'f-emergency' },
      ...(hasOther ? [{ label: 'other', cls: 'f-past' }] : []),
    ],
    values: months.map((m, i) => [m.standard, m.normal, m.emergency, ...(hasOther ? [other[i]!] : [])]),
    mode: 'stacked',
    unit: 'change',
  })
}

/** Incidents opened and resolved per month, side by side. */
export function incidentMonthChart(report: ReportData, id: string): string {
  const months = report.incidents.by_month
  return barChart({
    id,
    title: 'Incidents opened and resolved per month',
    categories: months.map((m) => m.month),
    series: [
      { label: 'opened', cls: 'f-opened' },
      { label: 'resolved', cls: 'f-resolved' },
    ],
    values: months.map((m) => [m.opened, m.resolved]),
    mode: 'grouped',
    unit: 'incident',
  })
}
