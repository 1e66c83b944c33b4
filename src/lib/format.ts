const dateTime = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
})

/** A moment as the console shows it: "Nov 26, 2026, 9:05 AM". */
export const formatDateTime = (ms: number) => dateTime.format(ms)

const plurals = new Intl.PluralRules('en-US')

/** A count with its noun in the right number: "1 profile", "1,200 profiles". */
export const formatCount = (count: number, one: string, other: string) =>
  `${count.toLocaleString('en-US')} ${plurals.select(count) === 'one' ? one : other}`
