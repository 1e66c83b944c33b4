import { z } from 'zod'
import { SPEC_IDS } from './connection-spec'

/**
 * The destinations this console knows, each with the zod schemas of its forms. The backend turns
 * these into connection specs (JSON Schema via z.toJSONSchema) and validates requests with them;
 * the connect wizard renders its fields from the specs and validates with the same schemas.
 * Adding a destination is adding an entry here.
 */
export interface AuthDefinition {
  /** The auth spec's name, as AEP sends it in `auth.specName`. */
  name: string
  type: string
  schema: z.ZodObject
}

/**
 * The params of one authentication type out of a form's, which may keep the values of every type
 * tried (or a demo's extra values): the API refuses a param its type does not take.
 */
export const authParamsOf = (auth: AuthDefinition, params: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(params).filter(([key]) => key in auth.schema.shape))

export interface DestinationDefinition {
  id: string
  name: string
  description: string
  category: string
  logo: string
  frequency: 'Streaming' | 'Batch'
  connectionType: string
  documentationUrl: string
  supportsAudiences: boolean
  supportsDatasets: boolean
  auth: AuthDefinition[]
  target: { name: string; schema: z.ZodObject } | null
}

const required = (label: string) =>
  z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .min(1, `Enter the ${label}.`)

const toggle = (title: string, description: string) =>
  z.boolean().default(false).meta({ title, description })

const s3Auth = z.strictObject({
  s3AccessKey: required('access key ID').meta({ title: 'Access Key ID' }),
  s3SecretKey: required('secret access key').meta({ title: 'Secret Access Key', writeOnly: true }),
})

const sftpAuth = z.strictObject({
  domain: required('domain').meta({
    title: 'Domain',
    description: 'The host name of the SFTP server.',
  }),
  port: z.number().int().min(1).max(65535).default(22).meta({ title: 'Port' }),
  username: required('username').meta({ title: 'Username' }),
  password: required('password').meta({ title: 'Password', writeOnly: true }),
})

const fileTarget = (pathTitle: string) =>
  z.strictObject({
    bucketName: required('bucket name').meta({ title: 'Bucket name' }),
    path: required('folder path').meta({ title: pathTitle }),
    fileType: z.enum(['CSV', 'JSON', 'PARQUET']).default('CSV').meta({ title: 'File type' }),
    compression: z.enum(['NONE', 'GZIP']).default('NONE').meta({ title: 'Compression format' }),
    includeManifestFile: toggle(
      'Include manifest file',
      'Add a manifest file that lists the exported files.',
    ),
  })

export const batchDestinations: DestinationDefinition[] = [
  {
    id: SPEC_IDS.s3,
    name: 'Amazon S3',
    description:
      'Create a live outbound connection to your Amazon Web Services (AWS) S3 storage to periodically export CSV or JSON data files.',
    category: 'Cloud storage',
    logo: '/logos/amazon-s3.svg',
    frequency: 'Batch',
    connectionType: 'Profile-based',
    documentationUrl:
      'https://experienceleague.adobe.com/docs/experience-platform/destinations/catalog/cloud-storage/amazon-s3.html',
    supportsAudiences: true,
    supportsDatasets: true,
    auth: [{ name: 'Access Key', type: 'S3', schema: s3Auth }],
    target: { name: 'Amazon S3 file export', schema: fileTarget('Folder path') },
  },
  {
    id: SPEC_IDS.sftp,
    name: 'SFTP',
    description:
      'Create a live outbound connection to your SFTP server to periodically export delimited data files.',
    category: 'Cloud storage',
    logo: '/logos/sftp.svg',
    frequency: 'Batch',
    connectionType: 'Profile-based',
    documentationUrl:
      'https://experienceleague.adobe.com/docs/experience-platform/destinations/catalog/cloud-storage/sftp.html',
    supportsAudiences: true,
    supportsDatasets: true,
    auth: [{ name: 'Basic authentication for SFTP', type: 'SFTP_WITH_PASSWORD', schema: sftpAuth }],
    target: {
      name: 'SFTP file export',
      schema: z.strictObject({
        path: required('folder path').meta({ title: 'Folder path' }),
        fileType: z.enum(['CSV', 'JSON', 'PARQUET']).default('CSV').meta({ title: 'File type' }),
        compression: z.enum(['NONE', 'GZIP']).default('NONE').meta({ title: 'Compression format' }),
      }),
    },
  },
  {
    id: SPEC_IDS.campaign,
    name: 'Adobe Campaign',
    description:
      'Adobe Campaign is a set of solutions that help you personalize and deliver campaigns across your online and offline channels.',
    category: 'Email marketing',
    logo: '/logos/adobe-campaign.svg',
    frequency: 'Batch',
    connectionType: 'Profile-based',
    documentationUrl:
      'https://experienceleague.adobe.com/docs/experience-platform/destinations/catalog/email-marketing/adobe-campaign.html',
    supportsAudiences: true,
    supportsDatasets: false,
    auth: [{ name: 'Access Key', type: 'S3', schema: s3Auth }],
    target: { name: 'Adobe Campaign file export', schema: fileTarget('Folder path') },
  },
]
