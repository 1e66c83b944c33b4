import { SPEC_IDS } from './connection-spec'
import type { DestinationDefinition } from './destination-registry'
import {
  bearerAuthParamsSchema,
  eventHubsAuthParamsSchema,
  HTTP_API_AUTH_TYPE_TITLES,
  kinesisAuthParamsSchema,
  noneAuthParamsSchema,
  oauth2ClientCredentialsAuthParamsSchema,
  oauth2PasswordAuthParamsSchema,
} from './destinations/auth'
import {
  eventHubsTargetParamsSchema,
  httpApiTargetParamsSchema,
  kinesisTargetParamsSchema,
} from './destinations/target'

/** The streaming profile-export destinations: the ones this console can connect and run. */
export const streamingDestinations: DestinationDefinition[] = [
  {
    id: SPEC_IDS.httpApi,
    name: 'HTTP API',
    description:
      'The HTTP API destination is a streaming destination that helps you send profile data to third-party HTTP endpoints.',
    category: 'Streaming',
    logo: '/logos/http-api.svg',
    frequency: 'Streaming',
    connectionType: 'Profile-based',
    documentationUrl:
      'https://experienceleague.adobe.com/docs/experience-platform/destinations/catalog/streaming/http-destination.html',
    supportsAudiences: true,
    supportsDatasets: false,
    auth: [
      { name: HTTP_API_AUTH_TYPE_TITLES.NONE, type: 'NONE', schema: noneAuthParamsSchema },
      { name: HTTP_API_AUTH_TYPE_TITLES.BEARER, type: 'BEARER', schema: bearerAuthParamsSchema },
      {
        name: HTTP_API_AUTH_TYPE_TITLES.OAUTH2_PASSWORD,
        type: 'OAUTH2_PASSWORD',
        schema: oauth2PasswordAuthParamsSchema,
      },
      {
        name: HTTP_API_AUTH_TYPE_TITLES.OAUTH2_CLIENT_CREDENTIALS,
        type: 'OAUTH2_CLIENT_CREDENTIALS',
        schema: oauth2ClientCredentialsAuthParamsSchema,
      },
    ],
    target: { name: 'HTTP API destination details', schema: httpApiTargetParamsSchema },
  },
  {
    id: SPEC_IDS.kinesis,
    name: 'Amazon Kinesis',
    description:
      'The Kinesis Data Streams service by Amazon Web Services lets you collect and process large streams of data records in real time.',
    category: 'Cloud storage',
    logo: '/logos/amazon-kinesis.svg',
    frequency: 'Streaming',
    connectionType: 'Profile-based',
    documentationUrl:
      'https://experienceleague.adobe.com/docs/experience-platform/destinations/catalog/cloud-storage/amazon-kinesis.html',
    supportsAudiences: true,
    supportsDatasets: false,
    auth: [
      {
        name: 'Aws Kinesis authentication credentials',
        type: 'KINESIS',
        schema: kinesisAuthParamsSchema,
      },
    ],
    target: { name: 'Amazon Kinesis destination details', schema: kinesisTargetParamsSchema },
  },
  {
    id: SPEC_IDS.eventHubs,
    name: 'Azure Event Hubs',
    description:
      'Azure Event Hubs is a big data streaming platform and event ingestion service that can receive and process millions of events per second.',
    category: 'Cloud storage',
    logo: '/logos/azure-event-hubs.svg',
    frequency: 'Streaming',
    connectionType: 'Profile-based',
    documentationUrl:
      'https://experienceleague.adobe.com/docs/experience-platform/destinations/catalog/cloud-storage/azure-event-hubs.html',
    supportsAudiences: true,
    supportsDatasets: false,
    auth: [
      {
        name: 'Azure EventHub authentication credentials',
        type: 'EVENT_HUBS',
        schema: eventHubsAuthParamsSchema,
      },
    ],
    target: { name: 'Azure Event Hubs destination details', schema: eventHubsTargetParamsSchema },
  },
]
