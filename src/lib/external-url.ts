/** Whether an href is an absolute URL (`https://…`, `mailto:…`) rather than a path of the app. */
export const isExternalUrl = (href: string): boolean => /^[a-z][a-z\d+.-]*:/i.test(href)
