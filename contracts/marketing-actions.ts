/** A marketing action (use case) that data governance policies can restrict. */
export interface MarketingAction {
  /** The id stored in a dataflow's `marketingActions`. */
  id: string
  label: string
  description: string
}

/**
 * The Adobe-defined core marketing actions of AEP's data governance, in the order AEP lists them.
 * A destination's dataflow names the ones it performs, so that policies can block exports of data
 * whose labels forbid them.
 */
export const CORE_MARKETING_ACTIONS: readonly MarketingAction[] = [
  {
    id: 'analytics',
    label: 'Analytics',
    description:
      'Uses data to measure, analyze and report on how customers use your websites and apps.',
  },
  {
    id: 'combineWithPII',
    label: 'Combine with PII',
    description:
      'Combines data with personally identifiable information (PII), such as names or email addresses.',
  },
  {
    id: 'crossSiteTargeting',
    label: 'Cross-Site Targeting',
    description:
      'Uses data to target ads or content across sites and apps that your organization does not own.',
  },
  {
    id: 'dataScience',
    label: 'Data Science',
    description: 'Uses data in data science work, such as training machine learning models.',
  },
  {
    id: 'emailTargeting',
    label: 'Email Targeting',
    description: 'Uses data to choose who receives an email campaign and what it contains.',
  },
  {
    id: 'exportToThirdParty',
    label: 'Export to Third Party',
    description:
      'Sends data to a vendor or partner outside your organization, such as a third-party HTTP endpoint.',
  },
  {
    id: 'onsiteAdvertising',
    label: 'Onsite Advertising',
    description:
      'Uses data to select, deliver or measure ads on the websites and apps your organization owns.',
  },
  {
    id: 'onsitePersonalization',
    label: 'Onsite Personalization',
    description:
      'Uses data to personalize content on the websites and apps your organization owns.',
  },
  {
    id: 'segmentMatch',
    label: 'Segment Match',
    description: 'Shares audiences with partner organizations through Segment Match.',
  },
  {
    id: 'singleIdentityPersonalization',
    label: 'Single Identity Personalization',
    description:
      'Personalizes an experience using data tied to one identity only, without stitching profiles.',
  },
]

const byId = new Map(CORE_MARKETING_ACTIONS.map((action) => [action.id, action]))

/** The marketing action with this id, or undefined for an id this console does not know. */
export const findMarketingAction = (id: string) => byId.get(id)
