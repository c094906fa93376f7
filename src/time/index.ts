export { daysInMonth, isTimeZone, parseClockTime, parseDate, parseDuration, parseTimestamp, type CalendarDate } from './timestamp.js'
