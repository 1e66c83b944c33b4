const dateTime = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
})

/** A moment as the console shows it: "Nov 26, 2026, 9:05 AM". */
export const formatDateTime = (ms: number) => dateTime.format(ms)
