/**
 * The XDM Individual Profile union schema of the demo sandbox, as a field tree for the mapping
 * picker (Select field). Standard XDM field groups plus the demo's own attributes.
 */

import type { SchemaField, SchemaItemType } from '../../../contracts/schema'

type FieldSpec = Omit<SchemaField, 'path' | 'children'> & { children?: FieldSpec[] }

const field = (
  name: string,
  type: SchemaItemType,
  title: string,
  description: string,
): FieldSpec => ({ name, type, title, description })

const list = (
  name: string,
  itemType: SchemaItemType,
  title: string,
  description: string,
): FieldSpec => ({ name, type: 'array', itemType, title, description })

const group = (
  name: string,
  title: string,
  description: string,
  children?: FieldSpec[],
): FieldSpec => ({ name, type: 'object', title, description, ...(children && { children }) })

const consent = (name: string, title: string, description: string): FieldSpec =>
  group(name, title, description, [
    field('val', 'string', 'Consent value', `${description} Values: y (yes), n (no), p, u.`),
  ])

const SPECS: FieldSpec[] = [
  group('person', 'Person', 'An individual actor, contact, or owner.', [
    group('name', 'Name', "The person's name.", [
      field('courtesyTitle', 'string', 'Courtesy title', 'Normally an abbreviation of a title.'),
      field(
        'firstName',
        'string',
        'First name',
        'The first segment of the name in the writing order.',
      ),
      field('middleName', 'string', 'Middle name', 'Middle, alternative, or additional names.'),
      field(
        'lastName',
        'string',
        'Last name',
        'The last segment of the name in the writing order.',
      ),
      field('fullName', 'string', 'Full name', 'The full name of the person, in writing order.'),
      field(
        'suffix',
        'string',
        'Suffix',
        'A generational or honorific suffix, such as Jr. or PhD.',
      ),
    ]),
    field('birthDate', 'date', 'Birth date', 'The full date a person was born.'),
    field(
      'birthYear',
      'integer',
      'Birth year',
      'The year a person was born, including the century.',
    ),
    field(
      'birthDayAndMonth',
      'string',
      'Birth day and month',
      'The day and month a person was born, in the format MM-DD.',
    ),
    field(
      'gender',
      'string',
      'Gender',
      'Gender identity of the person: male, female, not_specified or non_specific.',
    ),
    field(
      'maritalStatus',
      'string',
      'Marital status',
      "Describes a person's relationship with a significant other.",
    ),
  ]),
  group('personalEmail', 'Personal email', 'A personal email address.', [
    field('address', 'string', 'Address', 'The technical address, for example name@domain.com.'),
    field(
      'status',
      'string',
      'Status',
      'An indication of the ability to use the address: active, incomplete, blocked or deleted.',
    ),
    field('primary', 'boolean', 'Primary', 'Whether this is the primary email address.'),
  ]),
  group('workEmail', 'Work email', 'A work email address.', [
    field('address', 'string', 'Address', 'The technical address, for example name@domain.com.'),
    field(
      'status',
      'string',
      'Status',
      'An indication of the ability to use the address: active, incomplete, blocked or deleted.',
    ),
  ]),
  group('mobilePhone', 'Mobile phone', 'A mobile phone number.', [
    field('number', 'string', 'Number', 'The phone number in E.164 format, with the country code.'),
    field(
      'status',
      'string',
      'Status',
      'An indication of the ability to use the number: active, incomplete, blocked or deleted.',
    ),
    field('primary', 'boolean', 'Primary', 'Whether this is the primary phone number.'),
  ]),
  group('homePhone', 'Home phone', 'A home phone number.', [
    field('number', 'string', 'Number', 'The phone number in E.164 format, with the country code.'),
  ]),
  group('homeAddress', 'Home address', 'A home postal address.', [
    field('street1', 'string', 'Street 1', 'Primary street level information, number and name.'),
    field('street2', 'string', 'Street 2', 'Optional street information, such as an apartment.'),
    field('city', 'string', 'City', 'The name of the city.'),
    field('stateProvince', 'string', 'State or province', 'The state or province of the address.'),
    field('postalCode', 'string', 'Postal code', 'The postal code of the location.'),
    field(
      'countryCode',
      'string',
      'Country code',
      'The two-letter ISO 3166-1 alpha-2 code of the country.',
    ),
    field('country', 'string', 'Country', 'The name of the government-administered territory.'),
  ]),
  group('workAddress', 'Work address', 'A work postal address.', [
    field('city', 'string', 'City', 'The name of the city.'),
    field(
      'countryCode',
      'string',
      'Country code',
      'The two-letter ISO 3166-1 alpha-2 code of the country.',
    ),
  ]),
  field(
    'preferredLanguage',
    'string',
    'Preferred language',
    "The person's preferred language, as an IETF BCP 47 tag such as en-US.",
  ),
  group('loyalty', 'Loyalty details', "The person's membership of the loyalty program.", [
    field('program', 'string', 'Program', 'The name of the loyalty program.'),
    field(
      'tier',
      'string',
      'Tier',
      'The loyalty tier of the member: bronze, silver, gold or platinum.',
    ),
    field('points', 'integer', 'Points', 'The current balance of loyalty points.'),
    field('joinDate', 'date', 'Join date', 'The date the person joined the loyalty program.'),
    field('status', 'string', 'Loyalty status', 'The status of the membership, such as active.'),
  ]),
  group('consents', 'Consents and preferences', "The customer's consent and preference choices.", [
    consent('collect', 'Collect', 'Whether the customer allows their data to be collected.'),
    consent('share', 'Share', 'Whether the customer allows their data to be shared with partners.'),
    group('marketing', 'Marketing', 'Consent to be contacted for marketing, by channel.', [
      field(
        'preferred',
        'string',
        'Preferred marketing channel',
        'The channel the customer prefers for marketing communication, such as email.',
      ),
      consent('email', 'Email', 'Whether the customer allows marketing by email.'),
      consent('sms', 'SMS', 'Whether the customer allows marketing by text message.'),
      consent('push', 'Push notifications', 'Whether the customer allows push notifications.'),
    ]),
  ]),
  group('userAccount', 'User account', "The person's account with the brand.", [
    field('ID', 'string', 'Account ID', 'The unique identifier of the account.'),
    field('startDate', 'date-time', 'Start date', 'When the account was opened.'),
  ]),
  list('vehicles', 'string', 'Vehicles', 'The car makes the customer owns.'),
  list(
    'watchedMovies',
    'string',
    'Watched movies',
    'The titles of the movies the customer watched.',
  ),
  list('interests', 'string', 'Interests', 'Hobbies and topics the customer is interested in.'),
  field(
    'favoriteGenre',
    'string',
    'Favorite genre',
    "The customer's favorite movie genre, such as sci-fi or drama.",
  ),
  group(
    'identityMap',
    'Identity map',
    'The identities of the profile by namespace (ECID, hashed email, phone); exported with every profile, not mappable.',
  ),
  group(
    'segmentMembership',
    'Segment membership',
    'The audience memberships of the profile with their status; exported by the destination, not mappable.',
  ),
]

const withPaths = (specs: FieldSpec[], parent: string): SchemaField[] =>
  specs.map(({ children, ...spec }) => {
    const path = parent === '' ? spec.name : `${parent}.${spec.name}`
    return { ...spec, path, ...(children && { children: withPaths(children, path) }) }
  })

/** The union schema's top-level fields, each with its subtree. */
export const unionSchema: SchemaField[] = withPaths(SPECS, '')

const FIELDS_BY_PATH = new Map<string, SchemaField>()
const LEAF_PATHS: string[] = []
const index = (fields: SchemaField[]): void => {
  for (const schemaField of fields) {
    FIELDS_BY_PATH.set(schemaField.path, schemaField)
    if (schemaField.children) index(schemaField.children)
    else if (schemaField.type !== 'object') LEAF_PATHS.push(schemaField.path)
  }
}
index(unionSchema)

/** The field at a dotted path (`homeAddress.city`), if the schema has one. */
export const findField = (path: string): SchemaField | undefined => FIELDS_BY_PATH.get(path)

/** The paths of every field a mapping can target: scalars and arrays, not objects. */
export const leafPaths = (): string[] => [...LEAF_PATHS]
